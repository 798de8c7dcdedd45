"""Output replay (`cache.replay`, `cli.launch`): a script's second `validate`, `status` or
`explain` writes what the first wrote, byte for byte, and only while nothing it read changed.

Every run that may record or replay is a real `python -m pqp_cli` with its streams piped, as a
script or CI runs it. The answers they are compared with (`--no-cache`), and the first run that
fills the data cache, run `cli.app.main` in the test's process as such a child would
(`inprocess.run_pqp`): most of a child's CPU is its imports. The recorded run, a real uncached
one, is compared with the same reference, so a difference between the two ways fails too.
To tell a replay from a run, a test rewrites the record (signed with the test's own key) to
say `REPLAYED`: a run that still says so was replayed; one that changed anything must not."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from subprocess import PIPE

import pytest
from conftest import SCRATCH, copy_sample
from forkrun import fork_pqp, fork_pqp_at_once
from fuzzsize import share
from inprocess import Run, run_pqp

from pqp_cli.cache import replay

FORGED = b"REPLAYED\n"
#: Variables of the test's own environment that would change what pqp does.
_UNSET = ("PQP_LANG", "PQP_NO_CACHE", "PQP_NO_REPLAY", "PQP_DATA", "PQP_TARGETS", "NO_COLOR")
_UNSET += ("GITHUB_STEP_SUMMARY", "COLUMNS")


@dataclass
class Folder:
    """A copy of the sample and the per-user cache folder its runs use."""

    root: Path
    xdg: Path

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in _UNSET}
        return {**env, "XDG_CACHE_HOME": str(self.xdg), **extra}

    def run(self, *args: str, cwd: Path | None = None, **extra: str) -> Run:
        """`pqp ARGS` as a process of its own, forked from this one (`forkrun`)."""
        forked = fork_pqp(args, cwd=cwd or self.root, env=self.env(**extra))
        if forked is not None:
            return forked
        done = subprocess.run(
            [sys.executable, "-m", "pqp_cli", *args],
            cwd=cwd or self.root,
            env=self.env(**extra),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=300,
        )
        return Run(done.returncode, done.stdout, done.stderr)

    def here(self, *args: str, cwd: Path | None = None, **extra: str) -> Run:
        """`run`'s answer from this process (`inprocess`): never recorded nor replayed, so
        for `--no-cache` references and for runs that only fill the data cache."""
        return run_pqp(args, cwd=cwd or self.root, env=self.env(**extra))

    def records(self) -> list[Path]:
        folder = self.xdg / "pqp" / replay.FOLDER
        return sorted(p for p in folder.glob("*") if len(p.name) == 64) if folder.is_dir() else []

    def forge(self, key: bytes | None = None) -> Path:
        """Rewrite the one record to say FORGED (signed with `key`, by default the user's)."""
        (path,) = self.records()
        mine = replay.user_key({"XDG_CACHE_HOME": str(self.xdg)})
        assert mine is not None
        found = replay.load_record(str(path.parent), path.name, mine)
        assert found is not None
        forged = (found[0], [(1, FORGED)], 0)
        replay.save_record(str(path.parent), path.name, key or mine, forged)
        return path


def _folder(tmp_path: Path, *, broken: bool = False) -> Folder:
    root = copy_sample(tmp_path / "project")
    if broken:  # an error (a record without its fields) and a file that is not YAML
        (root / "data" / "trainings" / "broken.yaml").write_text("- id: X-1\n  oops: [1\n")
        (root / "data" / "units.yaml").write_text(
            (root / "data" / "units.yaml").read_text(encoding="utf-8") + "- id: U-NEW\n",
            encoding="utf-8",
        )
    return Folder(root, tmp_path / "xdg")


#: Per process and kind of folder (broken or not), one whose data cache its first run filled.
_FILLED: dict[bool, Folder] = {}


def _filled(tmp_path: Path, *, broken: bool = False) -> Folder:
    """`_folder` after its first run (`here("validate")`) filled the data cache: a copy of the
    files, the cache and the key such a run leaves, made once a process (`conftest.SCRATCH`)
    rather than once a test. The cache's entries name no path, so the copy reads warm: what a
    fresh folder's first run would have left, as its answers show (the tests compare them)."""
    if broken not in _FILLED:
        made = _folder(SCRATCH / f"replay-filled-{broken}", broken=broken)
        made.here("validate")  # the first run fills the data cache
        _FILLED[broken] = made
    shutil.copytree(_FILLED[broken].root, tmp_path / "project", symlinks=True)
    shutil.copytree(_FILLED[broken].xdg, tmp_path / "xdg", symlinks=True)
    return Folder(tmp_path / "project", tmp_path / "xdg")


@pytest.fixture
def folder(tmp_path: Path) -> Folder:
    made = _filled(tmp_path)
    settle(made.root)
    return made


def settle(root: Path) -> None:
    """Wait until nothing in `root` changed within `replay.RACY_NS` (a run that began just
    after a change is not recorded, `replay.racy`): the first run made `data/.pqp-cache`, and
    a run forked a few milliseconds later was, now and then, not recorded."""
    latest = max(os.lstat(p).st_ctime_ns for p in [root, *root.rglob("*")])
    time.sleep(max(0, latest + replay.RACY_NS - time.time_ns()) / 1e9)


CASES = [
    ("validate",),
    ("validate", "--format", "json"),
    ("validate", "--format", "github"),
    ("status",),
    ("status", "--format", "json"),
    ("status", "--format", "csv"),
    ("status", "--format", "markdown"),
    ("status", "--by", "year", "--projection", "--format", "markdown"),
    ("explain", "T1"),
    ("explain", "T1", "--format", "json"),
    ("explain", "T1", "--format", "markdown"),
]


@pytest.mark.long  # 11 real runs recorded and 11 replayed: ≈ 8 s of CPU each
@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("broken", [False, True], ids=["sample", "broken"])
def test_a_replayed_run_writes_what_an_uncached_run_writes(
    tmp_path: Path, lang: str, broken: bool
) -> None:
    """Each case on both folders and in both languages: in the README's `pytest`, half the
    cases a test (English takes the even ones on the sample, the odd ones on the broken
    folder); all of them under `.ci/run`'s fuzz step (`fuzzsize.share`)."""
    made = _filled(tmp_path, broken=broken)
    settle(made.root)
    cases = share(CASES, (lang == "vi") + broken)
    for case in cases:
        args = (*case, "--lang", lang)
        recorded, replayed, fresh = made.run(*args), made.run(*args), made.here(*args, "--no-cache")
        assert replayed == fresh, args
        assert recorded == fresh, args
        assert fresh.code in (0, 1) and fresh.out
    assert len(made.records()) == len(cases)  # each was recorded, so the second replayed


def test_stdout_and_stderr_keep_their_order_in_one_pipe(folder: Folder) -> None:
    """`pqp status 2>&1 | tee log`: the warning before the table, as the run wrote them."""

    def both(*args: str) -> bytes:
        return subprocess.run(
            [sys.executable, "-m", "pqp_cli", "status", *args],
            cwd=folder.root,
            env=folder.env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=300,
        ).stdout

    both()
    assert both() == both("--no-cache")
    assert len(folder.records()) == 1


def _edit(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def _append(relative: str, text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        with (root / relative).open("a", encoding="utf-8") as fh:
            fh.write(text)

    return change


def _rename(root: Path) -> None:
    trainings = root / "data" / "trainings"
    (trainings / "2021.yaml").rename(trainings / "2021-renamed.yaml")


#: What changes between the recorded run and the next: (change to the files, cwd below the
#: copy, environment, argv). Each must give a fresh run.
CHANGES: dict[str, tuple[Callable[[Path], None] | None, str, dict[str, str], tuple[str, ...]]] = {
    "data file edited": (
        _edit("data/trainings/2021.yaml", "trainees: 16", "trainees: 17"),
        "",
        {},
        (),
    ),
    "comment appended": (_append("data/units.yaml", "# a note\n"), "", {}, ()),
    "file added": (_append("data/trainings/2026.yaml", "[]\n"), "", {}, ()),
    "file removed": (lambda root: (root / "data/trainings/2025.yaml").unlink(), "", {}, ()),
    "file renamed": (_rename, "", {}, ()),
    "folder added": (lambda root: (root / "data/trainings/more").mkdir(), "", {}, ()),
    "targets edited": (_edit("targets.yaml", "id: T1", "id: T01"), "", {}, ()),
    "targets removed": (lambda root: (root / "targets.yaml").unlink(), "", {}, ()),
    "PQP_LANG": (None, "", {"PQP_LANG": "vi"}, ()),
    "COLUMNS": (None, "", {"COLUMNS": "60"}, ()),
    "NO_COLOR": (None, "", {"NO_COLOR": "1"}, ()),
    "cwd": (None, "data", {}, ()),
    "argv": (None, "", {}, ("--format", "csv")),
    "as of": (None, "", {}, ("--as-of", "2024-06-30")),
}


@pytest.mark.parametrize("what", list(CHANGES))
def test_a_run_after_a_change_is_not_replayed(folder: Folder, what: str) -> None:
    change, below, env, more = CHANGES[what]
    assert folder.run("status").code == 0
    folder.forge()
    assert folder.run("status").out == FORGED  # unchanged: replayed
    if change is not None:
        change(folder.root)
    cwd = folder.root / below
    after = folder.run("status", *more, cwd=cwd, **env)
    assert after.out != FORGED
    assert after == folder.here("status", *more, "--no-cache", cwd=cwd, **env)


def test_a_targets_file_created_nearer_is_not_replayed(folder: Folder) -> None:
    """From `data/`, pqp walks up to the folder holding targets.yaml: one made in `data/`
    itself (absent when the run was recorded) changes which project the run reads."""
    below = folder.root / "data"
    folder.run("status", cwd=below)
    folder.forge()
    assert folder.run("status", cwd=below).out == FORGED
    shutil.copy2(folder.root / "targets.yaml", below / "targets.yaml")
    after = folder.run("status", cwd=below)
    assert after.out != FORGED
    assert after == folder.here("status", "--no-cache", cwd=below)


def test_a_tampered_record_is_not_replayed(folder: Folder) -> None:
    folder.run("status")
    path = folder.forge()
    blob = bytearray(path.read_bytes())
    blob[-1] ^= 1
    path.write_bytes(bytes(blob))
    assert folder.run("status") == folder.here("status", "--no-cache")


def test_a_truncated_record_is_not_replayed(folder: Folder) -> None:
    folder.run("status")
    path = folder.forge()
    path.write_bytes(path.read_bytes()[:40])
    assert folder.run("status") == folder.here("status", "--no-cache")


def test_a_record_signed_with_another_key_is_not_replayed(folder: Folder) -> None:
    folder.run("status")
    folder.forge(key=os.urandom(32))
    assert folder.run("status") == folder.here("status", "--no-cache")


def test_a_record_that_is_a_link_is_not_replayed(folder: Folder) -> None:
    folder.run("status")
    path = folder.forge()
    elsewhere = path.parent / "elsewhere"
    path.rename(elsewhere)
    path.symlink_to(elsewhere)
    assert folder.run("status") == folder.here("status", "--no-cache")


def test_an_unusable_cache_folder_changes_no_answer(folder: Folder, tmp_path: Path) -> None:
    """`XDG_CACHE_HOME` below a file: no key, no record, the same output and code each time."""
    (tmp_path / "a-file").write_text("")
    below_a_file = str(tmp_path / "a-file" / "cache")
    fresh = folder.here("validate", "--format", "json", "--no-cache")
    for _ in range(2):
        assert folder.run("validate", "--format", "json", XDG_CACHE_HOME=below_a_file) == fresh


def test_a_run_with_a_side_effect_is_never_replayed(folder: Folder, tmp_path: Path) -> None:
    """`validate --format github` appends to GitHub's step summary: every run must."""
    summary = tmp_path / "summary.md"
    for _ in range(2):
        folder.run("validate", "--format", "github", GITHUB_STEP_SUMMARY=str(summary))
    once = folder.here("validate", "--format", "github", "--no-cache").out
    assert once and summary.read_text(encoding="utf-8").count("\n") > 0
    assert folder.records() == []


def test_a_usage_error_is_never_recorded(folder: Folder) -> None:
    for _ in range(2):
        assert folder.run("status", "--as-of", "not-a-date").code == 2
    assert folder.records() == []


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        (["status"], {}, True),
        (["--lang", "vi", "explain", "T1"], {}, True),
        (["--data=data", "validate"], {}, True),
        (["status", "--no-cache"], {}, False),
        (["status", "--rev", "HEAD"], {}, False),
        (["status", "--rev=HEAD"], {}, False),
        (["status", "--help"], {}, False),
        (["report", "--format", "md"], {}, False),
        (["import", "x.xlsx"], {}, False),
        (["diff", "HEAD"], {}, False),
        ([], {}, False),
        (["status"], {"PQP_NO_CACHE": "1"}, False),
        (["status"], {"PQP_NO_REPLAY": "1"}, False),
        (["validate"], {"GITHUB_STEP_SUMMARY": "/tmp/summary"}, False),
    ],
)
def test_which_invocations_may_be_replayed(
    argv: list[str], env: dict[str, str], expected: bool
) -> None:
    assert replay.eligible(argv, env) is expected


def test_a_replay_imports_no_heavy_library(folder: Folder) -> None:
    """The point of replaying: no typer, pydantic, rich or data layer is imported."""
    args = [sys.executable, "-X", "importtime", "-m", "pqp_cli", "status", "--format", "json"]
    runs = [
        subprocess.run(args, cwd=folder.root, env=folder.env(), capture_output=True, timeout=300)
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in runs[1].stderr.decode().splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "pqp_cli.cache.replay" in imported
    ours = {name for name in imported if name.startswith("pqp_cli")}
    assert ours <= {
        "pqp_cli",
        "pqp_cli.core",
        "pqp_cli.core.version",
        "pqp_cli.cli",
        "pqp_cli.cli.launch",
        "pqp_cli.cli.interrupt",
        "pqp_cli.cache",
        "pqp_cli.cache.replay",
    }
    assert not {name.split(".")[0] for name in imported} & {"typer", "pydantic", "rich", "yaml"}


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file away takes root")
def test_a_record_of_another_user_is_not_replayed(folder: Folder) -> None:
    folder.run("status")
    path = folder.forge()
    os.chown(path, 65534, 65534)
    assert folder.run("status") == folder.here("status", "--no-cache")


def test_only_the_newest_records_are_kept(tmp_path: Path) -> None:
    key = os.urandom(32)
    names = [f"{i:064x}" for i in range(replay.KEEP + 6)]
    for at, name in enumerate(names):
        replay.save_record(str(tmp_path), name, key, ([], [(1, b"x")], 0))
        os.utime(tmp_path / name, ns=(at * 10**9, at * 10**9))
    (tmp_path / "not-a-record").write_text("kept")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([*names[-replay.KEEP :], "not-a-record"])
    assert replay.load_record(str(tmp_path), names[-1], key) == ([], [(1, b"x")], 0)


def test_runs_at_once_each_write_the_whole_answer(folder: Folder) -> None:
    """Replays and recordings side by side: every one writes what an uncached run writes.
    Forked side by side (`forkrun`), they race from their first instruction; started, each
    would first import for ≈ 0.5 s."""
    args = ("status", "--format", "csv")
    expected = folder.here(*args, "--no-cache")
    for _ in range(2):
        runs = fork_pqp_at_once(args, 3, cwd=folder.root, env=folder.env())
        if runs is None:  # its Python would start otherwise: started side by side
            command = [sys.executable, "-m", "pqp_cli", *args]
            started = [
                subprocess.Popen(
                    command, cwd=folder.root, env=folder.env(), stdout=PIPE, stderr=PIPE
                )
                for _ in range(3)
            ]
            outs = [run.communicate(timeout=300) for run in started]
            runs = [Run(run.returncode, *out) for run, out in zip(started, outs, strict=True)]
        for run in runs:
            assert run == expected  # its exit status, its answer and what it says on stderr
    assert len(folder.records()) == 1


def _chain(folder: Folder) -> tuple[Path, Path]:
    """`trainings/cur` → `../.store/ylink` → `y`, a folder holding one year's trainings,
    and the same folder's copy outside the data folder, names and bytes alike (a `mv` to a
    shared drive and a link left behind): the links, not the files, tell them apart."""
    data = folder.root / "data"
    (data / ".store" / "y").mkdir(parents=True)
    (data / "trainings" / "2025.yaml").rename(data / ".store" / "y" / "2025.yaml")
    (data / ".store" / "ylink").symlink_to("y")
    (data / "trainings" / "cur").symlink_to("../.store/ylink")
    outside = folder.root / "outside"
    shutil.copytree(data / ".store" / "y", outside / "y")
    settle(folder.root)
    return data, outside / "y"


@pytest.mark.parametrize("which", ["a link on the way", "the folder's own link"])
def test_a_folder_link_retargeted_out_is_not_replayed(folder: Folder, which: str) -> None:
    """A link a folder is reached through, retargeted to a copy outside the data folder: the
    files there are left out (an error says so), and a warm run says it too. The watch saw
    the links on the way as the listing asked about each (`datafiles.real_folder`)."""
    data, copy = _chain(folder)
    assert folder.run("status").code == 0
    folder.forge()
    assert folder.run("status").out == FORGED
    link = data / ".store" / "ylink" if which == "a link on the way" else data / "trainings" / "cur"
    link.unlink()
    link.symlink_to(copy)
    after = folder.run("status")
    assert after.out != FORGED
    assert after == folder.here("status", "--no-cache")
    assert b"1 file(s) left out" in after.err + after.out, after


def test_a_warm_run_lists_no_folder_a_link_leads_out_to(folder: Folder) -> None:
    """A link out of the data folder is refused unread: the record of a run holds what the
    link is (its target), never a listing of the folder outside, which a warm run would
    list again every time."""
    outside = folder.root / "outside"
    (outside / "secret").mkdir(parents=True)
    (folder.root / "data" / "trainings" / "ext").symlink_to(outside)
    settle(folder.root)
    folder.run("status")
    (path,) = folder.records()
    mine = replay.user_key({"XDG_CACHE_HOME": str(folder.xdg)})
    assert mine is not None
    found = replay.load_record(str(path.parent), path.name, mine)
    assert found is not None
    kinds = {p: kind for p, kind, _ in found[0]}
    ext = str(folder.root / "data" / "trainings" / "ext")
    assert kinds.get(ext) == "s", kinds.get(ext)
    assert not [p for p, kind in kinds.items() if kind == "d" and p.startswith(str(outside))]
