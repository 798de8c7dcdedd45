"""What a cold run spends besides reading: the collector's first scan after loading, and the
interpreter's tear-down after answering. Neither may change what a run says or exits with."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SAMPLE, copy_sample
from typer.testing import CliRunner

from pqp_cli.cli import common
from pqp_cli.cli.app import app

#: A run of `pqp` (the entry point, as installed) that also leaves an object for the
#: interpreter to free at its tear-down, and an exit function: the tear-down says when it runs.
_RUN = """
import atexit, os, sys

class Freed:
    def __del__(self, write=os.write):
        write(2, b"torn down\\n")

kept = Freed()
atexit.register(lambda: os.write(2, b"exit functions ran\\n"))
sys.argv = ["pqp", *sys.argv[1:]]
from pqp_cli.cli.launch import main
main()
"""


def _pqp(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PQP_NO_REPLAY": "1"}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_RUN), *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.fixture
def collector() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.enable()
    gc.unfreeze()


@pytest.mark.usefixtures("collector")
def test_what_loading_made_is_frozen_when_it_is_much(monkeypatch: pytest.MonkeyPatch) -> None:
    """Made with the collector paused, it would all be scanned by the first collection after
    (a quarter of a second after a cold national `validate`, which makes no record of the
    files its workers read, so freezes no record)."""
    runner = CliRunner()
    args = ["validate", "--no-cache", "--data", str(SAMPLE / "data")]
    args += ["--targets", str(SAMPLE / "targets.yaml")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and gc.get_freeze_count() == 0  # the sample: little made
    monkeypatch.setattr(common, "FREEZE_OBJECTS_PAST", 0, raising=False)
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and "0 error(s)" in result.output
    assert gc.get_freeze_count() > 0 and gc.isenabled()


def test_a_run_that_answered_ends_without_tearing_down(tmp_path: Path) -> None:
    """Its exit functions run and its output is all there, but no object is freed one by one
    (the system frees the memory at once)."""
    copy_sample(tmp_path)
    done = _pqp(tmp_path, "validate")
    assert (done.returncode, done.stdout.splitlines()[-1]) == (0, "0 error(s), 6 warning(s)")
    assert done.stderr == "exit functions ran\n"


def test_a_failing_run_keeps_its_status_and_every_line(tmp_path: Path) -> None:
    copy_sample(tmp_path)
    bad = "".join(f"- id: BAD-{n}\n" for n in range(400))  # no name, no type: 800 errors
    with (tmp_path / "data" / "enterprises.yaml").open("a", encoding="utf-8") as fh:
        fh.write(bad)
    done = _pqp(tmp_path, "validate", "--format", "json")
    assert done.returncode == 1 and done.stderr == "exit functions ran\n"
    assert done.stdout.rstrip().endswith("}") and done.stdout.count("BAD-399") >= 1
    usage = _pqp(tmp_path, "validate", "--no-such-option")
    assert usage.returncode == 2 and "exit functions ran" in usage.stderr
    assert "torn down" not in usage.stderr


def test_a_profiled_run_still_writes_its_profile(tmp_path: Path) -> None:
    """`python -m cProfile -o FILE -m pqp_cli ...` writes FILE once the run returns: a run
    that left at once would never get there."""
    copy_sample(tmp_path)
    profile = tmp_path / "run.prof"
    done = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(profile), "-m", "pqp_cli", "validate"],
        cwd=tmp_path, env={**os.environ, "PQP_NO_REPLAY": "1"}, capture_output=True,
        text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0 and done.stdout.endswith("0 error(s), 6 warning(s)\n")
    assert profile.stat().st_size > 10_000
