"""Round 13, hostile: a cold load whose files are read in worker processes (`read/pool.py`), as
`validate` takes them in (each file's outline only, `Settings.reads_records`) and as every
other command does, attacked where the workers, the cache and the records asked for later meet.

Every answer must be the one `--no-cache` gives, byte for byte, or pqp must stop loudly: never
a different answer, and never a run that waits forever."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_cache import COMMANDS, PERIOD, TODAY, cli, load, sample, user, write

from pqp_cli.cache.store import CACHE_DIR
from pqp_cli.load.dataset import load_dataset
from pqp_cli.read import pool

#: `pqp ARGS` in a process of its own, whose files are read in worker processes however small
#: they are. The first file a worker takes, it gets no further with: it ends as the kernel's
#: out-of-memory killer (or a crash in a C extension) would end it, SIGKILL, nothing sent
#: back (`PQP_HOSTILE=kill`), or it is still reading it when the user presses Ctrl-C
#: (`PQP_HOSTILE=stall`: it says so by the file PQP_HOSTILE_ONCE, and reads on for ever).
_HOSTILE_WORKER = """
import os, signal, sys, time
from pqp_cli.read import pool

pool.POOL_MIN_FILES, pool.POOL_MIN_BYTES = 1, 0
real = pool._work

def hostile(job, **steps):
    try:  # the first file any worker takes, once
        os.close(os.open(os.environ["PQP_HOSTILE_ONCE"], os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return real(job, **steps)
    if os.environ["PQP_HOSTILE"] == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    while True:
        time.sleep(1)

pool._work = hostile
from pqp_cli.cli.app import main

sys.argv = ["pqp", *sys.argv[1:]]
main()
"""


def _hostile(
    root: Path, what: str, *args: str, script: str = _HOSTILE_WORKER
) -> subprocess.Popen[str]:
    """`pqp ARGS` as `script` runs it, in a process group of its own."""
    env = {**os.environ, "PQP_LANG": "", "NO_COLOR": "1", "PQP_NO_REPLAY": "1"}
    env |= {"PQP_WORKERS": "2", "PQP_HOSTILE_ONCE": str(root / "once"), "PQP_HOSTILE": what}
    env.pop("PQP_NO_CACHE", None)
    data = ["--data", str(root / "data"), "--targets", str(root / "targets.yaml")]
    command = [sys.executable, "-c", textwrap.dedent(script), *args, *data]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip


def _ended(run: subprocess.Popen[str], why: str) -> tuple[int, str, str]:
    """What `run` printed and its exit code; it (and every worker it forked) is stopped, and
    the test fails, should it still run after a minute."""
    try:
        out, err = run.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        run.communicate()
        pytest.fail(f"pqp still waits a minute after {why}")
    return run.returncode, out, err


@pytest.mark.parametrize(
    "args",
    [
        ("validate", "--format", "json"),  # each file a worker read taken in as its outline
        ("status", "--format", "json", "--as-of", "2024-06-30"),  # decoded as they come
        ("validate", "--format", "json", "--no-cache"),  # no cache at all
    ],
)
def test_a_worker_killed_mid_read_changes_nothing_and_never_hangs(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    """A worker process killed while it reads a file (SIGKILL: the out-of-memory killer, a
    crash in libyaml) sends nothing back; `multiprocessing.Pool` never notices the file it
    lost, and the run waited for it forever. The files left are read in the run's own
    process: the answer `--no-cache` gives."""
    root = write(tmp_path)
    expected = cli(root, *[a for a in args if a != "--no-cache"], "--no-cache")
    code, out, err = _ended(_hostile(root, "kill", *args), "a worker was killed")
    assert (root / "once").exists()  # a worker was killed
    assert (code, out) == expected[:2], err


def test_ctrl_c_while_a_worker_reads_ends_the_run_without_a_traceback(tmp_path: Path) -> None:
    """Ctrl-C goes to the whole process group, the workers too: a worker interrupted inside
    a file printed its traceback (`multiprocessing`'s), which `pqp` never shows a user. Now
    the workers leave Ctrl-C to the run, which ends them and exits 130 at once, as it does
    when it reads alone."""
    root = write(tmp_path)
    run = _hostile(root, "stall", "validate", "--format", "json")
    for _ in range(600):  # a worker has taken its first file and reads on (6 s at most)
        if (root / "once").exists() or run.poll() is not None:
            break
        time.sleep(0.01)
    assert (root / "once").exists(), run.communicate()
    os.killpg(run.pid, signal.SIGINT)
    code, out, err = _ended(run, "Ctrl-C")
    assert (code, out) == (130, "")
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err


#: `_HOSTILE_WORKER`, with a thread of the run's own that takes the Ctrl-C once the run
#: waits for the stalled worker's file: as when the signal lands just before the wait starts,
#: Python's handler is due, but nothing wakes the wait.
_SIGNAL_BESIDE_THE_WAIT = (
    """
import signal, sys, threading, time

def sidekick():
    main = threading.main_thread().ident
    while sys._current_frames()[main].f_code.co_name != "next":  # Workers.next
        time.sleep(0.01)
    time.sleep(0.3)  # inside the queue's wait
    signal.pthread_kill(threading.get_ident(), signal.SIGINT)

threading.Thread(target=sidekick, daemon=True).start()
"""
    + _HOSTILE_WORKER
)


def test_a_ctrl_c_that_does_not_wake_the_wait_on_a_worker_still_ends_the_run(
    tmp_path: Path,
) -> None:
    """A Ctrl-C that landed just before the run began to wait for a worker's next file was
    handled only when that file came: never, from a worker that reads on for ever (1 run in
    ~100 of the test above, under load). The run looks again every tenth of a second."""
    root = write(tmp_path)
    run = _hostile(root, "stall", "validate", "--format", "json", script=_SIGNAL_BESIDE_THE_WAIT)
    code, out, err = _ended(run, "Ctrl-C")
    assert (root / "once").exists()
    assert (code, out, err) == (130, "", "")


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every load reads in a worker process too, however small its files."""
    monkeypatch.setattr(pool, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(pool, "POOL_MIN_BYTES", 0)
    monkeypatch.setenv("PQP_WORKERS", "2")


def _clear(cache: Path) -> None:
    shutil.rmtree(cache)


def _garble(cache: Path) -> None:
    for path in cache.rglob("*"):
        if path.is_file() and path.name != ".gitignore":
            path.write_bytes(path.read_bytes()[:40] + b"x" * 10)


def _replace_by_a_file(cache: Path) -> None:
    shutil.rmtree(cache)
    cache.write_text("not a folder", encoding="utf-8")


def _edit_every_file(cache: Path) -> None:
    shutil.rmtree(cache)
    for path in cache.parent.rglob("*.yaml"):
        path.write_text("- id: Z\n", encoding="utf-8")


@pytest.mark.usefixtures("pooled")
@pytest.mark.parametrize("attack", [_clear, _garble, _replace_by_a_file, _edit_every_file])
def test_records_asked_for_after_an_outline_load_are_the_ones_checked(
    tmp_path: Path, attack: Callable[[Path], None]
) -> None:
    """The library loads as `validate` does (each file a worker read taken in as its outline,
    its records left in its cache entry), then the cache is cleared, garbled or made a file,
    or every data file is edited, before the records are asked for: they are the records of
    the bytes the problems were found in, as `--no-cache` reads them."""
    root = write(tmp_path)
    plain = load(root, use_cache=False)
    settings = user(root, workers=2, reads_records=False)
    dataset = load_dataset(root / "data", period=PERIOD, today=TODAY, settings=settings)
    attack(root / "data" / CACHE_DIR)
    assert sample(dataset) == plain


@pytest.mark.usefixtures("pooled")
def test_a_cold_validate_then_every_command_answers_as_without_the_cache(tmp_path: Path) -> None:
    root = write(tmp_path)
    expected = [cli(root, *command, "--no-cache") for command in COMMANDS]
    for first in (0, 2):  # a cold validate first, or a cold status
        shutil.rmtree(root / "data" / CACHE_DIR, ignore_errors=True)
        for command, answer in [*zip(COMMANDS, expected, strict=True)][first:]:
            assert cli(root, *command) == answer, command
