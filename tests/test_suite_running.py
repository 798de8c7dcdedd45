"""The suite's own running arrangements (tests/conftest.py, docs/testing.md).

A pytest started from inside the suite (a test or a script it runs) must run in one process:
with `-n auto` inherited, every nested run brought up a worker per core, and a nested run killed
on a timeout (scripts/mutate.py's mutants that loop forever) left its workers running.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import conftest
import pytest
import scratch

ROOT = Path(__file__).resolve().parents[1]

#: A nested pytest without Hypothesis's plugin, which its tests never use: it imported all of
#: Hypothesis in each of its processes (≈ 0.2 s of CPU apiece) to write its summary.
PYTEST = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:hypothesispytest"]


def test_each_process_has_its_own_sample_and_cache_key() -> None:
    assert not conftest.SAMPLE.is_relative_to(ROOT)
    assert (conftest.SAMPLE / "data").is_dir() and (conftest.SAMPLE / "targets.yaml").is_file()
    assert Path(os.environ["XDG_CACHE_HOME"]).is_relative_to(conftest.SCRATCH)


@pytest.mark.long
def test_a_pytest_started_inside_the_suite_runs_in_one_process() -> None:
    test = "tests/test_suite_running.py::test_each_process_has_its_own_sample_and_cache_key"
    done = subprocess.run(
        [*PYTEST, test],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout
    assert "bringing up nodes" not in done.stdout and "workers" not in done.stdout, done.stdout


#: Tests that press Ctrl-C in a run of their own, one of each way they start it.
_CTRL_C_TESTS = [
    "tests/test_interrupt.py::test_ctrl_c_during_the_load_exits_130_in_silence",
    "tests/test_forkrun.py::test_a_forked_run_starts_and_ends_as_python_would",
    "tests/test_hostile_round15.py::test_a_second_ctrl_c_as_the_run_ends_changes_nothing",
]


@pytest.mark.long
def test_the_ctrl_c_tests_pass_when_the_suite_was_started_with_ctrl_c_ignored() -> None:
    """A shell that runs `pytest &` without job control (a script, some CI runners) starts it
    with SIGINT ignored, and every process it starts inherited that: 11 Ctrl-C tests failed,
    4 of them after a minute's time out. The suite takes Ctrl-C back (tests/conftest.py)."""
    done = subprocess.run(
        [*PYTEST, *_CTRL_C_TESTS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),  # noqa: PLW1509
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "5 passed" in done.stdout, done.stdout


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"numprocesses": None, "dist": "no"}, {"numprocesses": "auto", "dist": "loadgroup"}),
        ({"numprocesses": 2, "dist": "no"}, {"numprocesses": 2, "dist": "loadgroup"}),
        ({"numprocesses": 0, "dist": "no"}, {"numprocesses": 0, "dist": "no"}),
        ({"numprocesses": 2, "dist": "load"}, {"numprocesses": 2, "dist": "load"}),
        ({}, {}),  # -p no:xdist: neither option exists
    ],
)
def test_the_workers_keep_their_groups_unless_told_otherwise(
    given: dict[str, object], expected: dict[str, object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pytest` and `pytest -n 2` alike run `--dist loadgroup`: xdist's own default for `-n 2`,
    `load`, ignores the `xdist_group`s (each worker would start its own Chromium) and sends
    the first worker the long tests, collected first, in one block."""
    monkeypatch.delenv(conftest.INSIDE)
    config = SimpleNamespace(option=SimpleNamespace(**given))
    conftest.pytest_cmdline_main(config)  # type: ignore[arg-type]
    assert vars(config.option) == expected


#: Where the subjects below write their worker's name and `tmp_path`, in the nested run of
#: the test after them; in any other run they do nothing.
GROUP_LOG = "PQP_TESTS_GROUP_LOG"


def _log_subject(tmp_path: Path, failing: bool) -> None:
    if os.environ.get(GROUP_LOG):
        (tmp_path / "a-file").write_text("x", encoding="utf-8")
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        with open(os.environ[GROUP_LOG], "a", encoding="utf-8") as log:
            log.write(f"{worker}\t{failing}\t{tmp_path}\n")
        assert not failing, "the one failure the nested run asks for"


@pytest.mark.xdist_group("suite-running")
@pytest.mark.parametrize("n", range(5))
def test_grouped_subject(n: int, tmp_path: Path) -> None:
    """Four that pass and one that fails, in one group."""
    _log_subject(tmp_path, failing=n == 4)


def test_lone_subject(tmp_path: Path) -> None:
    """One that passes, in no group."""
    _log_subject(tmp_path, failing=False)


@pytest.mark.long
def test_an_xdist_group_runs_on_one_worker_and_only_a_failed_worker_keeps_its_files(
    tmp_path: Path,
) -> None:
    """`pytest -n 2` keeps the five tests of one `xdist_group` on one worker, which is what
    lets a module fixture (Chromium, LibreOffice, a copied sample) be built once: under
    pytest 9 every group was split (see `conftest._group_suffixes`). And a worker ends as
    tests/workerend.py says: one whose tests all passed removes its files from the RAM disk
    as it ends, one with a failed test keeps them for a look, and the run still fails."""
    log = tmp_path / "workers"
    # started as the README says ($TMPDIR unset): on the RAM disk when it has room
    unset = {conftest.INSIDE, "TMPDIR", scratch.IN_MEMORY}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env[GROUP_LOG] = str(log)
    in_memory = scratch.room() and scratch.refusal() is None
    args = ["-n", "2", "-k", "subject", "tests/test_suite_running.py"]
    done = subprocess.run(
        [*PYTEST, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    rows: list[list[str]] = []
    try:
        said = done.stdout + done.stderr
        assert done.returncode == 1 and "1 failed" in done.stdout, said
        rows = [line.split("\t") for line in log.read_text(encoding="utf-8").splitlines()]
        grouped = {worker for worker, _, folder in rows if "grouped" in folder}
        assert len(rows) == 6 and len(grouped) == 1, (rows, said)
        (failed,) = [Path(folder) for _, failing, folder in rows if failing == "True"]
        (lone,) = [(worker, Path(folder)) for worker, _, folder in rows if "lone" in folder]
        # xdist hands each worker one unit first: the group to one, the lone test to the other
        assert lone[0] not in grouped, rows
        assert (failed / "a-file").is_file()  # the failed worker's files, kept
        # the green worker's: removed as it ended from the RAM disk, kept on a disk
        assert lone[1].exists() is not in_memory, (lone, in_memory)
    finally:
        for _, _, folder in rows:
            shutil.rmtree(Path(folder).parents[1], ignore_errors=True)  # the run's folder


#: Where `test_scratch_probe` writes its `tmp_path` and `$TMPDIR`, in the nested run below.
SCRATCH_LOG = "PQP_TESTS_SCRATCH_LOG"


def test_scratch_probe(tmp_path: Path) -> None:
    """The subject of the test below; in any other run it does nothing."""
    if os.environ.get(SCRATCH_LOG):
        (tmp_path / "a-file").write_text("x", encoding="utf-8")
        lines = f"{tmp_path}\n{os.environ['TMPDIR']}\n"
        Path(os.environ[SCRATCH_LOG]).write_text(lines, encoding="utf-8")


@pytest.mark.skipif(
    not scratch.room() or scratch.refusal() is not None,
    reason="no RAM disk (/dev/shm) with room here, or the user's folder there is refused",
)
def test_a_run_started_without_tmpdir_writes_to_the_ram_disk_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    """A `pytest` started as the README says ($TMPDIR unset) puts its files in the user's
    private folder on the RAM disk, and a green run removes them (tests/conftest.py)."""
    log = tmp_path / "scratch"
    probe = "tests/test_suite_running.py::test_scratch_probe"
    _started(["-n", "0", probe], SCRATCH_LOG, log, unset=("TMPDIR", scratch.IN_MEMORY))
    test_folder, tmpdir = map(Path, log.read_text(encoding="utf-8").split("\n")[:2])
    private = scratch.private_folder()
    assert tmpdir == private and test_folder.is_relative_to(private)
    assert (private.lstat().st_mode & 0o777) == 0o700
    assert not test_folder.exists()  # the green run left nothing behind


def _started(args: list[str], log_variable: str, log: Path, unset: tuple[str, ...] = ()) -> None:
    """A green pytest run of `args`, started as a user starts one (not from inside a run, and
    without `unset`), its subject test told to write to `log`."""
    env = {k: v for k, v in os.environ.items() if k not in {conftest.INSIDE, *unset}}
    env[log_variable] = str(log)
    done = subprocess.run(
        [*PYTEST, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
