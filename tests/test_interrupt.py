"""Ctrl-C ends a run with exit 130 and says nothing, wherever it lands.

A KeyboardInterrupt does not always come out as itself: pydantic-core building a model's
validator (as a module of records is imported, during the run) turned it into a
`SchemaError`, which pqp then reported as "internal error … please report it" with exit 2
(`test_hostile_round13`'s Ctrl-C test, under load, in a clean-clone CI run). Each run here
is a process of its own that sends itself SIGINT at one such point."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import copy_sample

#: `pqp validate`, whose loading is interrupted by Ctrl-C and, as pydantic-core does, turns
#: the KeyboardInterrupt into an error of another kind (`PQP_WRAP=other`), or loses it, only
#: saying "Exception ignored in" (`PQP_WRAP=swallowed`), or lets it through (`PQP_WRAP=none`).
_INTERRUPTED_LOAD = """
import os, signal, sys
from pqp_cli.cli import validate_cmd

real = validate_cmd.load

class Swallowing:  # as a C library calling back into Python while it builds something
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(10_000_000):  # the signal's handler runs here, and what it raises is lost
            pass

def interrupted(*args, **kwargs):
    if os.environ["PQP_WRAP"] == "swallowed":
        Swallowing()
        return real(*args, **kwargs)
    try:
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(10_000_000):  # the signal's handler runs here
            pass
    except KeyboardInterrupt as err:
        if os.environ["PQP_WRAP"] == "none":
            raise
        raise RuntimeError(f"Error building 'model' validator: {err!r}") from None
    return real(*args, **kwargs)

validate_cmd.load = interrupted
from pqp_cli.cli.launch import main

sys.argv = ["pqp", *sys.argv[1:]]
main()
"""

#: `pqp status`, interrupted while it imports its libraries (typer, first), before it runs.
_INTERRUPTED_START = """
import importlib.abc, os, signal, sys

class Interrupt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "typer":
            os.kill(os.getpid(), signal.SIGINT)
            for _ in range(10_000_000):
                pass
        return None

sys.meta_path.insert(0, Interrupt())
from pqp_cli.cli.launch import main

sys.argv = ["pqp", *sys.argv[1:]]
main()
"""


def _run(script: str, root: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {**os.environ, "PQP_NO_REPLAY": "1", "PQP_LANG": "", "NO_COLOR": "1", **env}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        cwd=root, env=environ, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize("wrap", ["none", "other", "swallowed"])
def test_ctrl_c_during_the_load_exits_130_in_silence(tmp_path: Path, wrap: str) -> None:
    """However the KeyboardInterrupt comes out: as itself; turned into another error (a
    `SchemaError`: "internal error", exit 2, before); or lost by a call back into Python, as
    pydantic-core lost it building a validator ("Exception ignored in: '^\\d{10}(-\\d{3})?$'",
    the tax code's pattern: the run went on as if no Ctrl-C had come, exit 0)."""
    copy_sample(tmp_path)
    done = _run(_INTERRUPTED_LOAD, tmp_path, "validate", PQP_WRAP=wrap)
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "")


def test_ctrl_c_while_pqp_imports_its_libraries_exits_130_without_a_traceback(
    tmp_path: Path,
) -> None:
    copy_sample(tmp_path)
    done = _run(_INTERRUPTED_START, tmp_path, "status")
    assert (done.returncode, done.stdout, done.stderr) == (130, "", "")


def test_a_run_whose_ctrl_c_is_ignored_goes_on(tmp_path: Path) -> None:
    """Started with SIGINT ignored (`nohup`, a shell's background job), a run leaves it so:
    the Ctrl-C it is sent changes nothing, and it answers as it would have."""
    copy_sample(tmp_path)
    ignored = "import signal; signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
    done = _run(ignored + _INTERRUPTED_LOAD, tmp_path, "validate", PQP_WRAP="none")
    plain = _run("from pqp_cli.cli.launch import main; main()", tmp_path, "validate")
    assert (done.returncode, done.stdout, done.stderr) == (
        plain.returncode, plain.stdout, plain.stderr,
    )  # fmt: skip
    assert done.returncode in (0, 1) and done.stdout
