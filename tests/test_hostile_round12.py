"""Round 12, hostile: the warm-run machinery (output replay, the same reading, the rules across
records on facts) attacked as a user who wants a wrong figure or a stale problem list.

Every answer a cached or replayed run gives must be the one `--no-cache` gives for the files
as they are: stdout, stderr and exit code, byte for byte."""

from __future__ import annotations

import fnmatch
import os
import random
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import copy_sample
from forkrun import fork_pqp
from fuzzsize import examples
from inprocess import run_pqp
from test_cache import FILES, TARGETS, cli, write

from pqp_cli.cache import replay
from pqp_cli.cache.store import CACHE_DIR
from pqp_cli.core.settings import Settings
from pqp_cli.load.dataset import load_dataset
from pqp_cli.read.loading import Dataset

_UNSET = ("PQP_LANG", "PQP_NO_CACHE", "PQP_NO_REPLAY", "PQP_DATA", "PQP_TARGETS", "NO_COLOR")
_UNSET += ("GITHUB_STEP_SUMMARY", "COLUMNS")

#: A run of `pqp` on a filesystem whose clock cannot tell two writes within one second apart
#: (ext3, HFS+, many network shares), all within one tick: `replay.stamp` sees no time move. While
#: the run reads `PQP_HOSTILE_FILE`, that file is cut to half its length and, once the run is
#: done, written back byte for byte as it was: the run answered for a file that is no more.
_COARSE_RUN = """
import os, sys
from pqp_cli.cache import replay
from pqp_cli.cli import app, launch

real_stamp = replay.stamp

def coarse(path, kind):  # the run took less than a tick of the filesystem's clock
    parts = real_stamp(path, kind).split("\\0")
    return "\\0".join(p.rsplit(" ", 1)[0] for p in parts if " " in p or kind == "s")

replay.stamp = coarse
watches = []

class Seen(launch.Watch):
    def __init__(self):
        super().__init__()
        watches.append(self)

launch.Watch = Seen

def unseen(change):  # another program's write: this run's watch never sees it
    watches[0].active = False
    try:
        with open(target, "r+b") as fh:
            change(fh)
    finally:
        watches[0].active = True

target = os.environ["PQP_HOSTILE_FILE"]
whole = open(target, "rb").read()
real_main = app.main

def cut(event, args):
    if event == "open" and args[0] == target and not cut.done:
        cut.done = True
        unseen(lambda fh: fh.truncate(len(whole) // 2))

cut.done = False

def run():
    sys.addaudithook(cut)
    try:
        real_main()
    finally:
        unseen(lambda fh: fh.write(whole))

app.main = run
launch.main()
"""


def _env(xdg: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _UNSET}
    return {**env, "XDG_CACHE_HOME": str(xdg), **extra}


def _pqp(root: Path, xdg: Path, *args: str, **extra: str) -> tuple[int, bytes, bytes]:
    forked = fork_pqp(args, cwd=root, env=_env(xdg, **extra))  # a process of its own
    if forked is not None:
        return forked.code, forked.out, forked.err
    done = subprocess.run(
        [sys.executable, "-m", "pqp_cli", *args],
        cwd=root,
        env=_env(xdg, **extra),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=300,
    )
    return done.returncode, done.stdout, done.stderr


def _here(root: Path, xdg: Path, *args: str, **extra: str) -> tuple[int, bytes, bytes]:
    """`_pqp`'s answer from this process (`inprocess`), never recorded nor replayed: the
    `--no-cache` references, and the first run that fills the data cache."""
    done = run_pqp(args, cwd=root, env=_env(xdg, **extra))
    return done.code, done.out, done.err


def _records(xdg: Path) -> list[Path]:
    folder = xdg / "pqp" / replay.FOLDER
    return sorted(p for p in folder.glob("*") if len(p.name) == 64) if folder.is_dir() else []


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "project")


def test_a_file_rewritten_while_it_was_read_is_never_recorded(sample: Path, tmp_path: Path) -> None:
    """The file the run read was cut short, then written back as it was within the same second:
    its content at the end is the content recorded, the answer was for the short file. Only
    its change time says it changed during the run; such a run must not be kept."""
    xdg = tmp_path / "xdg"
    target = sample / "data" / "trainings" / "2021.yaml"
    assert _here(sample, xdg, "validate")[0] in (0, 1)  # the data cache and the user key
    env = _env(xdg, PQP_HOSTILE_FILE=str(target))
    args = [sys.executable, "-c", _COARSE_RUN, "status", "--format", "json"]
    for _ in range(2):  # the second would replay what the first recorded
        done = subprocess.run(args, cwd=sample, env=env, capture_output=True, timeout=300)
        assert done.returncode in (0, 1), done.stderr
    assert _records(xdg) == []
    assert _pqp(sample, xdg, "status", "--format", "json") == _here(
        sample, xdg, "status", "--format", "json", "--no-cache"
    )


def test_a_project_below_pythons_prefix_is_still_an_input(tmp_path: Path) -> None:
    """Python in `/usr` (a system or container Python) and the project in `/usr/src/app`: the
    data is below `sys.prefix`, yet it is what the answer is made of. A file removed there
    must give a fresh answer, not the one recorded before."""
    prefix = tmp_path / "prefix"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(prefix)], check=True)
    python = prefix / "bin" / "python"
    done = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    ours = [sysconfig.get_paths()["purelib"], str(Path(__file__).resolve().parents[1])]
    (Path(done.stdout.strip()) / "pqp-hostile.pth").write_text("\n".join(ours) + "\n")
    project = copy_sample(prefix / "src" / "app")
    env = _env(tmp_path / "xdg")

    def status(*more: str) -> bytes:
        args = [python, "-m", "pqp_cli", "status", "--format", "json", *more]
        return subprocess.run(args, cwd=project, env=env, capture_output=True, timeout=300).stdout

    run_pqp(["status", "--format", "json"], cwd=project, env=env)  # the data cache
    for _ in range(2):  # a record, a replay
        status()
    (project / "data" / "trainings" / "2022.yaml").unlink()
    fresh = run_pqp(["status", "--format", "json", "--no-cache"], cwd=project, env=env)
    assert status() == fresh.out


# --- a randomized series of edits, each answer compared with --no-cache ------------------------

#: The broken fixture's plan, with a province: every locality is checked too.
PROVINCE_TARGETS = TARGETS.replace(
    "plan: {id: p, title: P,", "plan: {id: p, title: P, province: Thanh Hóa,"
)
#: Ids, names, tax codes, references and localities the edits draw from: enough alike that
#: duplicates, possible duplicates, unknown references (with hints) and places come and go.
IDS = ["E1", "E2", "E3", "E9", "E10", "T1", "C1", "X1"]
NAMES = ["Công ty TNHH Hà Thanh", "Cty Hà Thanh", "HTX Hợp Thành", "Cơ sở Mới"]
TAX = ["2801234567", "2801234568", "0100010001", "123"]
PLACES = ["Nga Sơn", "Xyz", "Gia Lâm", "Sầm Sơn", "Thọ Xuân", "TX Nghi Sơn", "Nga Son"]
EXTRA = {
    "enterprises/huyen-b.yaml": "- id: E10\n  name: HTX Hợp Thành\n  type: cooperative\n"
    "  tax_code: '2801234568'\n  locality: Sầm Sơn\n",
    "trainings/2024.yaml": "- id: T3\n  title: Lớp 3\n  date: 2024-05-01\n  topics: [standards]\n"
    "  locality: Xyz\n  participants: [E10, E2]\n",
}


def _enterprise(rng: random.Random) -> str:
    return (
        f"- id: {rng.choice(IDS)}\n  name: {rng.choice(NAMES)}\n  type: enterprise\n"
        f"  tax_code: '{rng.choice(TAX)}'\n  locality: {rng.choice(PLACES)}\n"
    )


def _training(rng: random.Random) -> str:
    people = ", ".join(rng.sample(IDS + ["ZZ", "E11"], 3))
    day = f"20{rng.choice(['19', '22', '24', '31'])}-0{rng.randrange(1, 10)}-1{rng.randrange(10)}"
    return (
        f"- id: {rng.choice(['T1', 'T2', 'T3', 'T4'])}\n  title: Lớp {rng.randrange(3)}\n"
        f"  date: {day}\n  topics: [standards]\n  locality: {rng.choice(PLACES)}\n"
        f"  participants: [{people}]\n"
    )


def _blocks(text: str) -> list[str]:
    starts = [m.start() for m in re.finditer(r"^- ", text, re.M)]
    return [text[a:b] for a, b in zip([0, *starts], [*starts, len(text)], strict=True)]


def _edit(rng: random.Random, data: Path) -> str:
    """One edit a user might make: a record added, removed, changed in one field; a comment;
    another quoting; a file added, copied, renamed or removed."""
    paths = sorted(p for p in _files(data) if fnmatch.fnmatchcase(p.name, "*.y*ml"))
    path = rng.choice(paths)
    text = path.read_text(encoding="utf-8")
    kind = rng.randrange(12)
    if kind == 0:
        text += rng.choice(["# a note\n", "\n", "   # indented note\n"])
    elif kind == 1:
        text = re.sub(
            r"^(- id: )\S+", lambda m: m.group(1) + rng.choice(IDS), text, count=1, flags=re.M
        )
    elif kind == 2:
        text = re.sub(r"tax_code: .*", f"tax_code: '{rng.choice(TAX)}'", text, count=1)
    elif kind == 3:
        text = re.sub(r"locality: .*", f"locality: {rng.choice(PLACES)}", text, count=1)
    elif kind == 4:  # a digit moved on: the same length, another value
        text = re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), text, count=1)
    elif kind == 5:
        text = text.replace("'", '"', 2)
    elif kind == 6 and len(blocks := _blocks(text)) > 2:
        blocks.pop(rng.randrange(1, len(blocks)))
        text = "".join(blocks)
    elif kind == 7:
        text = text.rstrip("\n") + "\n" + (_enterprise if "enterp" in str(path) else _training)(rng)
    elif kind == 8:
        path.rename(path.with_name(rng.choice(["a-", "z-"]) + path.name))
        return f"renamed {path.name}"
    elif kind == 9 and len(paths) > 6:
        path.unlink()
        return f"removed {path.name}"
    elif kind == 10:
        copy = path.with_name("copy-" + path.name)
        copy.write_text(text, encoding="utf-8")
        return f"copied {path.name}"
    elif kind == 11:
        text = text.replace("name: ", "name:  ", 1).replace("  # ", " # ", 1)
    path.write_text(text, encoding="utf-8")
    return f"edit {kind} {path.name}"


Answer = tuple[int, str, str]

ASKED = [("validate", "--format", "json"), ("status", "--format", "json", "--by", "district")]
ASKED += [("explain", "T1", "--format", "json"), ("validate",)]


def _answers(root: Path) -> list[Answer]:
    return [cli(root, *command) for command in ASKED]


def _files(root: Path) -> list[Path]:
    """Every file below `root`, the data cache's left out (not walked: it grows with each run)."""
    found = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if d != CACHE_DIR]
        found.extend(Path(folder, name) for name in names)
    return [p for p in found if p.is_file()]


def _fresh(root: Path, first: int, known: dict[tuple[bytes, int], Answer]) -> list[Answer]:
    """`--no-cache` answers to the first `first` commands of `ASKED`, each kept in `known` by
    what the project holds (every file's name and bytes, the cache's left out): an edit that
    left every byte as it was (a third of the series': a pattern that matched nothing, quotes
    where there were none) leaves the uncached answers as they were, which come from the
    bytes alone. The cached runs, the series' subject, still all run after every edit."""
    holds = b"\0".join(
        bytes(p.relative_to(root)) + b"\0" + p.read_bytes() for p in sorted(_files(root))
    )
    for at in range(first):
        if (holds, at) not in known:
            known[holds, at] = cli(root, *ASKED[at], "--no-cache")
    return [known[holds, at] for at in range(first)]


#: Edits in the series below: 100 in the README's `pytest` (≈ 700 runs, 3.5 s of CPU), ten
#: times as many in `.ci/run`'s fuzz step (`PQP_FUZZ_SCALE=10`); the same seed, so the first
#: hundred are the same edits in both.
EDIT_STEPS = examples(100)


@pytest.mark.long
def test_a_randomized_series_of_edits_never_gives_a_stale_answer(tmp_path: Path) -> None:
    """A series of edits (a fixed seed) to a dataset full of problems across files: after each,
    every cached answer (the files' entries and the last run's reading) is the uncached one."""
    rng = random.Random(12)
    root = write(tmp_path / "project", {**FILES, **EXTRA})
    (root / "targets.yaml").write_text(PROVINCE_TARGETS, encoding="utf-8")
    assert "unknown-locality" in cli(root, "validate", "--format", "json", "--no-cache")[1]
    known: dict[tuple[bytes, int], Answer] = {}
    for step in range(EDIT_STEPS):
        what = _edit(rng, root / "data")
        if step % 2:
            assert _answers(root) == _fresh(root, 4, known), (step, what)
        else:  # two edits between runs, now and then
            # all four cached runs still run (the cache they leave is the series' subject)
            assert _answers(root)[:2] == _fresh(root, 2, known), (step, what)


def _marked(dataset: Dataset) -> list[tuple[str, str | None, bool, bool]]:
    return [(e.file, e.id, e.bad, e.duplicate) for e in dataset.entries]


def test_records_asked_for_after_the_cache_was_cleared_are_still_all_there(
    tmp_path: Path,
) -> None:
    """One file edited: the others' records stay in the cache until a figure asks for them.
    Cleared meanwhile (`rm -rf data/.pqp-cache`, or another run pruning its entries), they
    are read again from the bytes this run hashed, never lost to an error."""
    root = write(tmp_path / "project", FILES)
    data = root / "data"
    settings = Settings(cache_home=tmp_path / "user-cache")
    load_dataset(data, settings=settings)
    edited = data / "trainings" / "2023.yaml"
    edited.write_text(edited.read_text(encoding="utf-8") + "# checked\n- id: T9\n")
    dataset = load_dataset(data, settings=settings)
    shutil.rmtree(data / CACHE_DIR)
    fresh = load_dataset(data, settings=Settings(cache_home=tmp_path / "user-cache", no_cache=True))
    assert _marked(dataset) == _marked(fresh)
    assert dataset.problems == fresh.problems


def test_a_project_in_a_folder_named_like_the_cache_is_still_an_input(tmp_path: Path) -> None:
    """Only the data cache's own entries are left out of a record's inputs, not every path
    through a folder named `.pqp-cache`: a file removed there gives a fresh answer."""
    project = copy_sample(tmp_path / ".pqp-cache" / "plan")
    xdg = tmp_path / "xdg"
    _here(project, xdg, "status", "--format", "json")  # the data cache
    for _ in range(2):  # a record, a replay
        _pqp(project, xdg, "status", "--format", "json")
    (project / "data" / "trainings" / "2022.yaml").unlink()
    assert _pqp(project, xdg, "status", "--format", "json") == _here(
        project, xdg, "status", "--format", "json", "--no-cache"
    )
