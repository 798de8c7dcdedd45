"""A figure never comes from a stale cache: after each of a series of edits, every answer the
cache gives (the first run after the edit, which reuses the unchanged files, and the warm one
after it, which reuses the whole answer) is byte for byte what `--no-cache` gives."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from fuzzsize import WHOLE, share
from test_cache import FILES, TARGETS, cli, write

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2024-06-30"


@pytest.fixture(autouse=True)
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("PQP_NO_CACHE", raising=False)


def sample(root: Path) -> Path:
    shutil.copytree(ROOT / "data", root / "data", ignore=shutil.ignore_patterns(".pqp-cache"))
    shutil.copy(ROOT / "targets.yaml", root / "targets.yaml")
    return root


def fixture(root: Path) -> Path:
    """The broken dataset of test_cache: most problem codes, every file layout."""
    assert "T1" in TARGETS
    return write(root, FILES)


def generated(root: Path) -> Path:
    """A small synthetic national dataset (benchmarks/gen_dataset.py): 600 records, one file
    of each kind, the generator's layout (the sample's 1,200 records are the size case)."""
    script = ROOT / "benchmarks" / "gen_dataset.py"
    subprocess.run([sys.executable, str(script), "600", str(root)], check=True, text=True)
    return root


def files(root: Path, kind: str) -> list[Path]:
    data = root / "data"
    found = [data / f"{kind}.yaml", *sorted((data / kind).rglob("*.y*ml"))]
    return [p for p in found if p.is_file()]


def replace_first(path: Path, pattern: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(pattern, new, text, count=1, flags=re.M)
    path.write_text(changed, encoding="utf-8")


def first_with(root: Path, kind: str, pattern: str) -> Path:
    return next(p for p in files(root, kind) if re.search(pattern, p.read_text("utf-8"), re.M))


def comment_added(root: Path) -> None:
    path = files(root, "certifications")[0]
    path.write_text(path.read_text(encoding="utf-8") + "\n# checked again\n", encoding="utf-8")


def record_edited(root: Path) -> None:
    path = first_with(root, "enterprises", r"^  name: ")
    replace_first(path, r"^(  name: )([^'\"\n]*)$", r"\1\2 Mới")


def id_duplicated(root: Path) -> None:
    """The first enterprise copied, whole, into another enterprises file."""
    source = first_with(root, "enterprises", r"^- id: ")
    text = source.read_text(encoding="utf-8")
    starts = [m.start() for m in re.finditer(r"^- ", text, re.M)] + [len(text)]
    record = text[starts[0] : starts[1]].rstrip("\n") + "\n"
    others = [p for p in files(root, "enterprises") if p != source]
    target = others[-1] if others else root / "data" / "enterprises" / "copy.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    before = target.read_text(encoding="utf-8") if target.exists() else ""
    target.write_text(before.rstrip("\n") + "\n" + record, encoding="utf-8")


def file_deleted(root: Path) -> None:
    files(root, "trainings")[-1].unlink()


def file_renamed(root: Path) -> None:
    path = files(root, "certifications")[-1]
    path.rename(path.with_name("zz-renamed.yaml"))


def reference_broken(root: Path) -> None:
    path = first_with(root, "certifications", r"^  enterprise: ")
    replace_first(path, r"^(  enterprise: ).*$", r"\1ZZ-404")


def scheme_unknown(root: Path) -> None:
    path = first_with(root, "certifications", r"^  scheme: ")
    replace_first(path, r"^(  scheme: ).*$", r"\1ISO 9OO1X")


def target_changed(root: Path) -> None:
    """The plan changes, the data does not: the dataset's entry stays, its answers may not."""
    path = root / "targets.yaml"
    replace_first(path, r"target: (\d+)", "target: 7")


EDITS: list[Callable[[Path], None]] = [
    comment_added,
    target_changed,
    record_edited,
    id_duplicated,
    file_deleted,
    file_renamed,
    reference_broken,
    scheme_unknown,
]


def commands(root: Path) -> list[tuple[str, ...]]:
    targets = re.findall(r"\{?\s*id: (T\w+)", (root / "targets.yaml").read_text("utf-8"))
    return [
        ("validate", "--format", "json"),
        ("validate", "--format", "github"),
        ("status", "--format", "json", "--as-of", AS_OF),
        ("status", "--format", "json", "--by", "year", "--projection", "--lang", "vi"),
        ("status", "--format", "markdown", "--as-of", "2025-12-31"),
        ("explain", targets[0], "--format", "json", "--as-of", AS_OF),
        ("explain", targets[-1], "--format", "json", "--lang", "vi"),
    ]


def answers(root: Path, *extra: str) -> list[tuple[int, str, str]]:
    return [cli(root, *command, *extra) for command in commands(root)]


#: The edits each dataset takes in turn: every one on the small fixture; on the two larger
#: datasets, half each in the README's `pytest` (every edit on one of them) and all under
#: `.ci/run`'s fuzz step (`fuzzsize.share`). The sample takes the odd ones: renaming a file and
#: an unknown scheme change no answer of the generated dataset. Every shared edit but the
#: appended comment changes an answer of the dataset it runs on (the series checks it), or a
#: stale answer after it could not show.
EDITS_OF = {"sample": share(EDITS, 1), "fixture": EDITS, "generated": share(EDITS, 0)}


@pytest.mark.long
@pytest.mark.parametrize("make", [sample, fixture, generated])
def test_every_cached_answer_after_every_edit_is_a_fresh_runs(
    tmp_path: Path, make: Callable[[Path], Path]
) -> None:
    root = make(tmp_path / "project")
    fresh = answers(root, "--no-cache")
    assert answers(root) == fresh  # cold
    for edit in EDITS_OF[make.__name__]:
        edit(root)
        before, fresh = fresh, answers(root, "--no-cache")
        if not WHOLE and make is not fixture and edit is not comment_added:
            assert fresh != before, f"{edit.__name__} changes no answer: it would check nothing"
        assert answers(root) == fresh, edit.__name__  # the files' entries, the rest read
        assert answers(root) == fresh, edit.__name__  # warm: the whole answers


def test_a_warm_run_answers_without_reading_a_record_back(tmp_path: Path) -> None:
    """The sample's plan names a province, so loading checks every record's locality: warm,
    that check, the status and the explanation all come from the cache, no record decoded."""
    from pqp_cli import api
    from pqp_cli.core.settings import Settings

    root = sample(tmp_path / "project")
    settings = Settings(cache_home=tmp_path / "user-cache")
    day = dt.date(2024, 6, 30)

    def run() -> tuple[object, ...]:
        project = api.open_project(
            data=root / "data", targets=root / "targets.yaml", settings=settings
        )
        found = (
            project.problems,
            api.status(project, as_of=day, by=["year", "district"], projection=True),
            api.explain(project, target="T1", as_of=day, lang="vi"),
        )
        return found, "entries" in project.dataset.__dict__

    cold, decoded = run()
    assert decoded  # the first run did read and check the records
    warm, decoded = run()
    assert warm == cold
    assert not decoded
