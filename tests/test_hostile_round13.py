"""Round 13, hostile: a cold load whose files are read in worker processes (`read/pool.py`), as
`validate` takes them in (each file's outline only, `Settings.reads_records`) and as every
other command does, attacked where the workers, the cache and the records asked for later meet.

Every answer must be the one `--no-cache` gives, byte for byte, or pqp must stop loudly: never
a different answer, and never a run that waits forever."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_cache import cli, write

#: `pqp ARGS` in a process of its own, whose files are read in worker processes however small
#: they are, the first file a worker takes ending that worker as the kernel's out-of-memory
#: killer (or a crash in a C extension) would: SIGKILL, nothing sent back.
_KILLED_WORKER = """
import os, signal, sys
from pqp_cli.read import pool

pool.POOL_MIN_FILES, pool.POOL_MIN_BYTES = 1, 0
real = pool._work

def dying(job, **steps):
    try:  # the first file any worker takes, once
        os.close(os.open(os.environ["PQP_HOSTILE_ONCE"], os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return real(job, **steps)
    os.kill(os.getpid(), signal.SIGKILL)

pool._work = dying
from pqp_cli.cli.app import main

sys.argv = ["pqp", *sys.argv[1:]]
main()
"""


def _run_killing_a_worker(root: Path, *args: str) -> tuple[int, str, str]:
    """`pqp ARGS` as `_KILLED_WORKER` runs it, stopped (with the workers) after a minute."""
    env = {**os.environ, "PQP_LANG": "", "NO_COLOR": "1", "PQP_NO_REPLAY": "1"}
    env |= {"PQP_WORKERS": "2", "PQP_HOSTILE_ONCE": str(root / "once")}
    env.pop("PQP_NO_CACHE", None)
    data = ["--data", str(root / "data"), "--targets", str(root / "targets.yaml")]
    command = [sys.executable, "-c", textwrap.dedent(_KILLED_WORKER), *args, *data]
    run = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        out, err = run.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)  # the run and the workers it forked
        run.communicate()
        pytest.fail(f"pqp {' '.join(args)} still waits a minute after a worker was killed")
    assert (root / "once").exists()  # a worker was killed
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
    code, out, err = _run_killing_a_worker(root, *args)
    assert (code, out) == expected[:2], err
