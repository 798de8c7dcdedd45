"""The forked runs the replay tests use (`forkrun`) are the runs a shell starts: same bytes on
both streams, same exit status, in both languages, for answers, usage errors and help."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import copy_sample
from forkrun import fork_pqp
from inprocess import Run

CASES = [
    ("status",),
    ("status", "--format", "json", "--lang", "vi"),
    ("validate", "--format", "github"),
    ("explain", "T1", "--format", "markdown"),
    ("explain", "NO-SUCH-TARGET"),
    ("status", "--as-of", "not-a-date"),
    ("--lang", "vi", "status", "--help"),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_sample(tmp_path / "project")


def test_a_forked_run_writes_what_a_started_run_writes(project: Path) -> None:
    """Neither records (a started run replaying the fork's record would repeat its bytes,
    right or wrong); test_replay checks the recording, with forked runs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PQP_", "NO_COLOR"))}
    env |= {"XDG_CACHE_HOME": str(project.parent / "xdg"), "PQP_NO_REPLAY": "1"}
    for args in CASES:
        forked = fork_pqp(args, cwd=project, env=env)
        started = subprocess.run(
            [sys.executable, "-m", "pqp_cli", *args],
            cwd=project,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=300,
        )
        assert forked == Run(started.returncode, started.stdout, started.stderr), args
        assert forked.out or forked.err


def test_a_run_whose_python_starts_otherwise_is_not_forked(project: Path) -> None:
    changes = [("PYTHONHASHSEED", "7", "8"), ("LC_ALL", "C", "C.UTF-8"), ("PYTHONUTF8", "0", "1")]
    for name, value, other in changes:  # each unlike the suite's own (it may run with LC_ALL=C)
        extra = {name: value if os.environ.get(name) != value else other}
        assert fork_pqp(("status",), cwd=project, env={**os.environ, **extra}) is None


#: What a process is given at its start, and what it does at its end, printed by the process.
PROBE = r"""
import atexit, faulthandler, signal, sys, tempfile, time, warnings, weakref

for s in (sys.stdin, sys.stdout, sys.stderr):
    print(s.name, s.encoding, s.errors, s.line_buffering, s.write_through, type(s.buffer).__name__)
print(tempfile.gettempdir(), faulthandler.is_enabled(), time.strftime("%z"), time.tzname)
print([str(signal.getsignal(s)) for s in sorted(signal.valid_signals()) if s != signal.SIGKILL])
sys.stdout.write("\udcff undecodable byte of a file name\n")
print([(f[0], f[2].__name__) for f in warnings.filters])
warnings.warn("shown on stderr, once", UserWarning)
warnings.warn("not shown", DeprecationWarning, stacklevel=2)


class Kept:
    pass


sys.kept_till_exit = [Kept(), Kept()]
for name, kept in zip(("made first", "made last"), sys.kept_till_exit):
    weakref.finalize(kept, print, "finalized:", name)
atexit.register(print, "at exit")
sys.exit("a string exit: printed, status 1")
"""


def _probe() -> None:
    exec(PROBE, {"__name__": "__main__"})  # noqa: S102 - the test's own text


def test_a_forked_run_starts_and_ends_as_python_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its streams (errors, buffering: `surrogateescape` in a C.UTF-8 locale, unbuffered under
    PYTHONUNBUFFERED), its temporary folder ($TMPDIR), its time zone ($TZ: today's date), its
    signal handlers and fault handler (not pytest's), its warnings (shown on stderr, not
    recorded by pytest), its exit (its `atexit` functions, its finalizers newest first, a
    string status): as a `python` started with the same environment."""
    from pqp_cli.cli import app, interrupt

    monkeypatch.setattr(app, "main", _probe)  # what `cli.launch` runs
    monkeypatch.setattr(interrupt, "watch", lambda: None)  # pqp's own handler, not the fork's
    (tmp_path / "tmp").mkdir()
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp"), "PQP_NO_REPLAY": "1"}
    env["TZ"] = "Asia/Ho_Chi_Minh" if time.strftime("%z") != "+0700" else "UTC"
    forked = fork_pqp(("status",), cwd=tmp_path, env=env)
    started = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
    )
    assert forked is not None
    assert forked == Run(started.returncode, started.stdout, started.stderr)


def _interrupted() -> None:
    raise KeyboardInterrupt


def test_a_forked_run_stopped_by_ctrl_c_is_killed_by_it_as_python_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An uncaught KeyboardInterrupt: Python prints it, then ends killed by SIGINT (a shell
    stops a script there), not with status 1. (pqp's own entry catches it: `cli.interrupt`.)"""
    from pqp_cli.cli import launch

    monkeypatch.setattr(launch, "main", _interrupted)
    forked = fork_pqp(("status",), cwd=tmp_path, env={**os.environ, "PQP_NO_REPLAY": "1"})
    assert forked is not None and forked.code == -signal.SIGINT
    assert forked.err.splitlines()[-1] == b"KeyboardInterrupt"


def test_a_run_in_a_missing_folder_fails_in_the_test_as_a_started_one_does(tmp_path: Path) -> None:
    """Not a silent status 70 with nothing said."""
    with pytest.raises(FileNotFoundError):
        subprocess.run([sys.executable, "-c", ""], cwd=tmp_path / "gone", check=False)
    with pytest.raises(FileNotFoundError):
        fork_pqp(("status",), cwd=tmp_path / "gone", env=os.environ)


def test_a_forked_runs_record_is_replayed_by_a_started_run(tmp_path: Path) -> None:
    """The replay key holds all a run may answer differently by (its command line as Python
    was started, its streams' encoding and errors, …): a forked run's is a started run's."""
    from test_replay import FORGED, _folder, settle

    folder = _folder(tmp_path)
    folder.here("validate")  # the data cache filled
    settle(folder.root)
    recorded = fork_pqp(("status",), cwd=folder.root, env=folder.env())
    assert recorded is not None and recorded.code == 0 and len(folder.records()) == 1
    folder.forge()
    started = subprocess.run(
        [sys.executable, "-m", "pqp_cli", "status"],
        cwd=folder.root,
        env=folder.env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=300,
    )
    assert (started.returncode, started.stdout) == (0, FORGED)


def _hangs_with_a_child() -> None:
    """A run that started a program of its own (git, a reading worker) and never ends."""
    child = subprocess.Popen(["sleep", "60"])
    Path(os.environ["PQP_TEST_PID_FILE"]).write_text(str(child.pid))
    time.sleep(60)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_forked_run_past_its_time_is_ended_with_what_it_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past its time out, the run and the programs it started are killed: none is left
    running after the test (a started run's would be; this one need not be)."""
    from pqp_cli.cli import app

    monkeypatch.setattr(app, "main", _hangs_with_a_child)
    pid_file = tmp_path / "pid"
    env = {**os.environ, "PQP_NO_REPLAY": "1", "PQP_TEST_PID_FILE": str(pid_file)}
    with pytest.raises(TimeoutError):
        fork_pqp(("status",), cwd=tmp_path, env=env, timeout=0.5)
    pid = int(pid_file.read_text())
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)
