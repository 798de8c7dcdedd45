"""Round 16, hostile: the cold path's shortcuts (`cli/common.py` freezing what loading made,
`cli/launch.py` leaving without tearing down) and the replay's refusal to record a run whose
output was cut, attacked where they meet what a user keeps: memory, files, output."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import copy_sample
from typer.testing import CliRunner

from pqp_cli.cli import common
from pqp_cli.cli.app import app


@pytest.fixture
def collector() -> Iterator[None]:
    gc.unfreeze()
    gc.collect()
    yield
    gc.set_debug(0)
    gc.garbage.clear()
    gc.enable()
    gc.unfreeze()


def _bad_records(root: Path, count: int) -> None:
    """`count` records with no name and no type: each refused by the trusted validation, then
    by the model's."""
    with (root / "data" / "enterprises.yaml").open("a", encoding="utf-8") as fh:
        fh.write("".join(f"- id: BAD-{n}\n" for n in range(count)))


@pytest.mark.usefixtures("collector")
def test_a_frozen_load_holds_no_garbage_of_refused_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What loading made is frozen out of the collector (`common.load`), so a reference cycle
    made then is never freed: each refused record's error, its traceback and the frames it
    held (the file's entries and problems with them) stayed for the rest of the run. 60,000
    refused records: 50 MB more at the peak of `validate --format json`."""
    copy_sample(tmp_path)
    _bad_records(tmp_path, 300)
    monkeypatch.setattr(common, "FREEZE_OBJECTS_PAST", 0)
    args = ["validate", "--no-cache", "--data", str(tmp_path / "data")]
    result = CliRunner().invoke(app, [*args, "--targets", str(tmp_path / "targets.yaml")])
    assert result.exit_code == 1 and result.output.endswith("600 error(s), 6 warning(s)\n")
    assert gc.get_freeze_count() > 0
    gc.unfreeze()
    gc.set_debug(gc.DEBUG_SAVEALL)
    gc.collect()
    kinds = Counter(type(o).__name__ for o in gc.garbage)
    assert (kinds["ValidationError"], kinds["traceback"]) == (0, 0)


#: A program that runs pqp inside itself, as a notebook's `%run -m pqp_cli validate` does
#: (`runpy`, `sys.modules["__main__"]` and `sys.argv` lent to pqp's `__main__`), then goes on.
_HOST = """
import atexit, runpy, sys

atexit.register(lambda: print("host's exit function"))
sys.argv = ["pqp", *sys.argv[1:]]
try:
    runpy.run_module("pqp_cli", run_name="__main__", alter_sys=True)
except SystemExit as done:
    print("pqp exited", done.code)
print("host goes on")
"""


def test_a_program_that_runs_pqp_inside_itself_goes_on_after_it(tmp_path: Path) -> None:
    """Only a process started to run pqp (`pqp`, `python -m pqp_cli`) may be ended by it
    without tearing down: a host that ran it in itself (a notebook's kernel) was ended
    too, its own work after the run never done and its exit functions run at pqp's end."""
    copy_sample(tmp_path)
    env = {**os.environ, "PQP_NO_REPLAY": "1"}
    for args in (["validate"], ["validate", "--no-such-option"]):
        done = subprocess.run(
            [sys.executable, "-c", textwrap.dedent(_HOST), *args],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        code = 0 if args == ["validate"] else 2
        assert done.stdout.splitlines()[-3:] == [
            f"pqp exited {code}",
            "host goes on",
            "host's exit function",
        ]
        assert done.returncode == 0


def test_a_profiled_run_leaves_its_profile(tmp_path: Path) -> None:
    """`python -m cProfile -o FILE -m pqp_cli validate`: the profiler writes FILE once the
    program it ran has returned; a run that ended the process itself left none."""
    copy_sample(tmp_path)
    env = {**os.environ, "PQP_NO_REPLAY": "1"}
    profile = tmp_path / "validate.prof"
    args = ["-m", "cProfile", "-o", str(profile), "-m", "pqp_cli", "validate"]
    done = subprocess.run(
        [sys.executable, *args], cwd=tmp_path, env=env, capture_output=True, timeout=120
    )
    assert done.returncode == 0 and done.stdout.endswith(b"0 error(s), 6 warning(s)\n")
    assert profile.stat().st_size > 0
