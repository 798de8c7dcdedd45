"""Round 15, hostile: Ctrl-C at the moments the last round's handling left open
(`cli/interrupt.py`: under `python -m`, pressed twice, lost as the run ends, once it has
answered), a run killed beside its worker processes (`read/pool.py`), and the metric entries
warm runs leave in the data cache (`cache/memo.py`, `cache/store.py`).

Each run is a process of its own that makes its moment happen on purpose (a signal sent to
itself where the attack wants it), never by hoping a sleep lands there: the answers asserted
are those a user relies on, exit 130 and nothing said, whatever the machine's load."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import copy_sample
from gitrepo import two_commits
from test_cache import TARGETS, cli, write

from pqp_cli.cache.memo import METRICS_KEPT_A_RUN
from pqp_cli.cache.store import _KEEP


def _run(script: str, root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PQP_NO_REPLAY": "1", "PQP_LANG": "", "NO_COLOR": "1", **env}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        cwd=root, env=environ, capture_output=True, text=True, timeout=120,
        start_new_session=True,
    )  # fmt: skip


#: `pqp validate`, whose load is interrupted inside code that `exec` runs from a string, as the
#: standard library's `dataclasses` and `typing` do when pydantic's modules are imported at
#: the start of a run (a Ctrl-C at 0.1-0.3 s landed there 1 time in 5).
_INTERRUPTED_IN_EXEC = """
import sys
from pqp_cli.cli import validate_cmd

real = validate_cmd.load

def interrupted(*args, **kwargs):
    exec("import os, signal\\nos.kill(os.getpid(), signal.SIGINT)\\nfor _ in range(10**7): pass")
    return real(*args, **kwargs)

validate_cmd.load = interrupted
from pqp_cli.cli.launch import main

sys.argv = ["pqp", *sys.argv[1:]]
main()
"""


def _run_module(source: str, root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m hostile ARGS` in `root`, `hostile` being `source`: as `python -m pqp_cli`
    runs, which CPython ends otherwise than a script (`runpy`)."""
    (root / "hostile.py").write_text(textwrap.dedent(source), encoding="utf-8")
    environ = {**os.environ, "PQP_NO_REPLAY": "1", "PQP_LANG": "", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "hostile", *args],
        cwd=root, env=environ, capture_output=True, text=True, timeout=120,
        start_new_session=True,
    )  # fmt: skip


def test_ctrl_c_inside_code_run_by_exec_exits_130_under_python_m(tmp_path: Path) -> None:
    """A KeyboardInterrupt that leaves `exec("…")` makes CPython note it as "unhandled"; under
    `python -m`, once the run had exited 130, the interpreter then killed itself with SIGINT
    (a parent saw -2, not 130: 1 run in 5 of those interrupted at 0.1-0.3 s, as pydantic's
    modules were imported, `dataclasses` building their classes with `exec`)."""
    copy_sample(tmp_path)
    done = _run_module(_INTERRUPTED_IN_EXEC, tmp_path, "validate")
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "")


#: `pqp validate`, interrupted by a Ctrl-C during its load; then, as it ends (its exit
#: functions: `multiprocessing` joining its workers, say), something else happens
#: (`PQP_THEN`): a second Ctrl-C, or a Ctrl-C lost in a finalizer (`__del__`).
_INTERRUPTED_TWICE = """
import atexit, os, signal, sys
from pqp_cli.cli import validate_cmd

def spin():
    for _ in range(3_000_000):  # the signal's handler runs here
        pass

class Swallowing:  # a finalizer, where what the handler raises is lost
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
        spin()

def then():
    if os.environ["PQP_THEN"] == "again":
        os.kill(os.getpid(), signal.SIGINT)
        spin()
    else:
        Swallowing()
        spin()

def interrupted(*args, **kwargs):
    atexit.register(then)
    os.kill(os.getpid(), signal.SIGINT)
    spin()

validate_cmd.load = interrupted
from pqp_cli.cli.launch import main

sys.argv = ["pqp", *sys.argv[1:]]
main()
"""


def test_a_second_ctrl_c_as_the_run_ends_changes_nothing(tmp_path: Path) -> None:
    """Ctrl-C pressed twice: the second, landing in an exit function, was printed as
    "Exception ignored in atexit callback" with its traceback."""
    copy_sample(tmp_path)
    done = _run(_INTERRUPTED_TWICE, tmp_path, "validate", PQP_THEN="again")
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "")


def test_a_ctrl_c_lost_as_the_run_ends_is_not_raised_again(tmp_path: Path) -> None:
    """A Ctrl-C lost in a finalizer once the run was already ending for one: pqp raised it
    again 10 ms later by SIGALRM, after Python had put SIGALRM's default action back, and the
    process was killed by SIGALRM (-14), or its exit function printed a traceback."""
    copy_sample(tmp_path)
    done = _run(_INTERRUPTED_TWICE, tmp_path, "validate", PQP_THEN="lost")
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "")


#: `pqp validate` with two worker processes (however small its files), each sending back a
#: reading too large for a pipe's buffer; the run itself is killed (SIGKILL: the out-of-memory
#: killer, which picks the largest process) as it first waits for a worker or takes in what
#: one sent (it reads files itself meanwhile).
_RUN_KILLED_BESIDE_ITS_WORKERS = """
import os, signal, sys
from pqp_cli.read import pool

pool.POOL_MIN_FILES, pool.POOL_MIN_BYTES = 1, 0

def large(job, **steps):
    return b"x" * 300_000, None

def killed(*args):
    os.kill(os.getpid(), signal.SIGKILL)

pool._work = large
pool.Workers.next = killed  # as it first waits for a worker,
pool._taken_in = killed  # or first takes in what one sent
from pqp_cli.cli.app import main

sys.argv = ["pqp", *sys.argv[1:]]
main()
"""


def test_workers_end_when_the_run_is_killed(tmp_path: Path) -> None:
    """A worker forked after another held that one's end of its pipe: with the run killed,
    the first waited for ever to send what no one would read (its caller's output, which it
    also held, never ended), and the last printed multiprocessing's traceback of a
    BrokenPipeError. Each now ends as soon as it finds no one to send to, saying nothing."""
    copy_sample(tmp_path)
    environ = {**os.environ, "PQP_NO_REPLAY": "1", "PQP_WORKERS": "3", "PQP_NO_CACHE": "1"}
    run = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(_RUN_KILLED_BESIDE_ITS_WORKERS), "validate"],
        cwd=tmp_path, env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        out, err = run.communicate(timeout=60)  # the output ends when its last holder does
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        run.communicate()
        pytest.fail("a worker still runs a minute after its run was killed")
    assert (run.returncode, out, err) == (-signal.SIGKILL, "", "")


def test_metric_entries_stay_as_many_as_the_cache_keeps_across_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache keeps the newest 256 `m/` entries, pruned as a run's data is loaded, and only
    when that load wrote something: metric results are written after it, so warm runs asking
    for other dates (a report each month's end, say) each left up to 192 more, never pruned
    that day (1,408 entries, 6 MB, after nine runs of a four-century period). A run's first
    metric written now prunes them first."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("PQP_NO_CACHE", raising=False)
    root = write(tmp_path)
    (root / "targets.yaml").write_text(TARGETS.replace("2025-12-31", "2320-12-31"), "utf-8")
    for as_of in ("2320-12-31", "2320-06-30", "2319-12-31"):  # 1,500 metric results each
        command = ("status", "--format", "json", "--by", "year", "--as-of", as_of)
        assert cli(root, *command) == cli(root, *command, "--no-cache")
    kept = list((root / "data" / ".pqp-cache" / "m").iterdir())
    assert len(kept) <= _KEEP["m"] + METRICS_KEPT_A_RUN + 8  # and the answers


#: `pqp validate`, given a Ctrl-C once it has answered, as the interpreter tears down (a
#: finalizer run then, here one of the script's own globals).
_INTERRUPTED_AT_TEARDOWN = """
import os, signal, sys

class Late:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(3_000_000):
            pass

late = Late()
from pqp_cli.cli.launch import main

sys.argv = ["pqp", *sys.argv[1:]]
main()
"""


def test_a_ctrl_c_once_the_run_has_answered_changes_nothing(tmp_path: Path) -> None:
    """Python puts SIGINT's default action back as it tears down: a Ctrl-C landing then
    killed a run that had given its whole answer (-2, its exit status lost)."""
    copy_sample(tmp_path)
    plain = _run("from pqp_cli.cli.launch import main; main()", tmp_path, "validate")
    done = _run(_INTERRUPTED_AT_TEARDOWN, tmp_path, "validate")
    assert (done.returncode, done.stdout, done.stderr) == (
        plain.returncode, plain.stdout, plain.stderr,
    )  # fmt: skip


#: `pqp diff v1`, interrupted while it checks out v1 into a temporary folder, then pressed
#: again as that folder is removed (the second press of a Ctrl-C pressed twice quickly).
_INTERRUPTED_TWICE_IN_A_CHECKOUT = """
import os, shutil, signal, sys
from pqp_cli.load import gitrev

def pressed():
    os.kill(os.getpid(), signal.SIGINT)
    for _ in range(3_000_000):  # the signal's handler runs here
        pass

real_rmtree, real_data_folder = shutil.rmtree, gitrev._data_folder

def rmtree(*args, **kwargs):
    pressed()
    real_rmtree(*args, **kwargs)

def data_folder(*args, **kwargs):
    found = real_data_folder(*args, **kwargs)
    pressed()
    return found

shutil.rmtree = rmtree
gitrev._data_folder = data_folder
from pqp_cli.cli.launch import main

sys.argv = ["pqp", *sys.argv[1:]]
main()
"""


def test_a_ctrl_c_pressed_twice_leaves_no_checkout_behind(tmp_path: Path) -> None:
    """The second press landed in the removal of `diff`'s checkout of a revision, which it cut
    short: a copy of the data (and its cache) was left in the temporary folder for good. A
    Ctrl-C pressed again within a second of the first is now the same Ctrl-C."""
    repo = two_commits(tmp_path / "repo")
    (tmp_path / "tmp").mkdir()
    done = _run(
        _INTERRUPTED_TWICE_IN_A_CHECKOUT, repo.root, *repo.args("diff", "v1"),
        TMPDIR=str(tmp_path / "tmp"),
    )  # fmt: skip
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "")
    assert list((tmp_path / "tmp").iterdir()) == []
