"""Attacks on the warm cache that found a fault: a project opened from the cache gives the
figures of the files as they were when it was opened, as one opened without the cache does,
whatever happens to the files and the cache folder before its records are first asked for."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

import pqp_cli as pqp
from pqp_cli.cache.store import CACHE_DIR
from pqp_cli.core.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2025, 12, 31)


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns(CACHE_DIR))
    shutil.copy(ROOT / "targets.yaml", tmp_path / "targets.yaml")
    return tmp_path


def _open(root: Path, settings: Settings, *, cache: bool = True) -> pqp.Project:
    return pqp.open_project(
        data=root / "data", targets=root / "targets.yaml", cache=cache, settings=settings
    )


def _empty_trainings(root: Path) -> None:
    for path in sorted((root / "data" / "trainings").rglob("*.yaml")):
        path.write_text("[]\n", encoding="utf-8")


def test_a_warm_project_keeps_its_figures_when_the_cache_is_cleared_and_files_edited(
    project_dir: Path, tmp_path: Path
) -> None:
    """A notebook keeps a project open; meanwhile someone edits the data and clears the cache
    (or another run prunes its file entries). Its records, read back only when first asked
    for, must still be those it was opened with, as its problems are: not the edited files."""
    settings = Settings(cache_home=tmp_path / "user-cache")
    _open(project_dir, settings)  # warms the cache: the next opening reads no record
    cold = _open(project_dir, settings, cache=False)
    warm = _open(project_dir, settings)
    _empty_trainings(project_dir)
    shutil.rmtree(project_dir / "data" / CACHE_DIR)
    expected = pqp.status(cold, as_of=AS_OF)
    assert expected.targets[0].value > 0  # the trainings count towards T1
    assert pqp.status(warm, as_of=AS_OF) == expected
    assert len(warm.dataset.trainings) == len(cold.dataset.trainings)


@pytest.mark.parametrize(
    ("module", "attribute"),
    [("yaml", "__version__"), ("pydantic", "VERSION"), ("pydantic_core", "__version__")],
)
def test_an_upgraded_reader_library_never_reads_what_the_old_one_cached(
    module: str, attribute: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pip install -U pyyaml` (libyaml reads the files) or pydantic (its errors become the
    problems): the same pqp then reads files otherwise, so what the old one stored is not
    used; nor under another Python (marshal and pickle formats)."""
    import importlib

    from pqp_cli.cache import store

    monkeypatch.setattr(store, "_salt", None)
    before = store.salt()
    monkeypatch.setattr(importlib.import_module(module), attribute, "999.0")
    monkeypatch.setattr(store, "_salt", None)
    assert store.salt() != before


def test_another_python_never_reads_what_this_one_cached(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from pqp_cli.cache import store

    monkeypatch.setattr(store, "_salt", None)
    before = store.salt()
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    monkeypatch.setattr(store, "_salt", None)
    assert store.salt() != before


def _imported(package: Path, name: str) -> set[str]:
    """The pqp modules `name` imports, as SOURCES names them: `from pqp_cli.core.messages
    import words` is the module `core/messages/words`, and a package is its `__init__`."""
    import ast

    def files(dotted: str) -> list[str]:
        base = "/".join(dotted.split(".")[1:])
        return [n for n in (base, f"{base}/__init__") if n and (package / f"{n}.py").is_file()]

    found: set[str] = set()
    for node in ast.walk(ast.parse((package / f"{name}.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pqp_cli"):
            module = node.module or ""
            found.update(files(module))
            for alias in node.names:
                found.update(files(f"{module}.{alias.name}"))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                found.update(files(alias.name) if alias.name.startswith("pqp_cli.") else [])
    return found


def test_the_cache_key_covers_the_message_modules_a_cached_problem_is_worded_by() -> None:
    """A cached problem keeps its English and Vietnamese texts: a pqp whose wording changed
    (`core/messages/localise.py`: fields and dates under vi; `words.py`) must not show the old
    wording from the cache. Modules imported as `from package import module` and packages'
    `__init__` count too."""
    from pqp_cli.cache.store import SOURCES

    package = ROOT / "pqp_cli"
    todo, seen = ["cache/dataset", "figures/metrics"], set()
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(_imported(package, name))
    assert {"core/messages/localise", "core/messages/words"} <= seen
    assert sorted(seen - set(SOURCES)) == []


EDGES = [
    "[\"a, b\", 'c # d']",
    '"a # b"',
    "'a # b' # c",
    "[a, b] # c",
    "[a, b]#c",
    '"\\u00e9"',
    '"\\x41"',
    "'it''s'",
    "['it''s', \"\\x41\"]",
    "a\tb",
    "[]",
    "[ ]",
    "[a, b,]",
    "[a,,b]",
    "[[a]]",
    "{a: 1}",
    "[a: b]",
    "a#b",
]
LAYOUTS = [
    "- id: x\n  k: {v}\n",
    "- id: x\n  k:\n  - {v}\n",
    "- id: x\n  k:\n    - {v}\n  j: 1\n",
    "- id: x\r\n  k: {v}\r\n",
    "\ufeff- id: x\n  k: {v}\n",
    "- id: x\n\tk: {v}\n",
]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("value", EDGES)
def test_the_fast_reader_reads_the_edges_as_libyaml_does(layout: str, value: str) -> None:
    """What a careless hand writes at the edge of the fast reader's subset: read as libyaml's
    events read it (values, lines, faults), whichever reader took it."""
    from pqp_cli.core.text import clean
    from pqp_cli.read import yamlread

    text = layout.replace("{v}", value)
    got, want = yamlread.parse(text, clean), yamlread.event_parse(text, clean)
    assert repr(got.root) == repr(want.root)
    assert got.lines == want.lines
    assert [f.code for f in got.faults] == [f.code for f in want.faults]


def test_records_read_back_after_a_failed_first_try_are_all_there(
    project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bytes kept for a vanished entry outlive a first reading that failed (interrupted,
    out of memory): asked again, the records are all there, never none at all."""
    from pqp_cli.cache import dataset as cached

    settings = Settings(cache_home=tmp_path / "user-cache")
    _open(project_dir, settings)
    cold = _open(project_dir, settings, cache=False)
    warm = _open(project_dir, settings)
    shutil.rmtree(project_dir / "data" / CACHE_DIR)
    real, calls = cached.read_and_check, []

    def failing_once(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise MemoryError
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cached, "read_and_check", failing_once)
    with pytest.raises(MemoryError):
        warm.dataset.entries  # noqa: B018 - reading them is the point
    assert len(warm.dataset.entries) == len(cold.dataset.entries)
