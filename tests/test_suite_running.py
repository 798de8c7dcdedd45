"""The suite's own running arrangements (tests/conftest.py, docs/testing.md).

A pytest started from inside the suite (a test or a script it runs) must run in one process:
with `-n auto` inherited, every nested run brought up a worker per core, and a nested run killed
on a timeout (scripts/mutate.py's mutants that loop forever) left its workers running.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import conftest
import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_each_process_has_its_own_sample_and_cache_key() -> None:
    assert not conftest.SAMPLE.is_relative_to(ROOT)
    assert (conftest.SAMPLE / "data").is_dir() and (conftest.SAMPLE / "targets.yaml").is_file()
    assert Path(os.environ["XDG_CACHE_HOME"]).is_relative_to(conftest.SCRATCH)


@pytest.mark.long
def test_a_pytest_started_inside_the_suite_runs_in_one_process() -> None:
    test = "tests/test_suite_running.py::test_each_process_has_its_own_sample_and_cache_key"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", test],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout
    assert "bringing up nodes" not in done.stdout and "workers" not in done.stdout, done.stdout


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
