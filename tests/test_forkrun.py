"""The forked runs the replay tests use (`forkrun`) are the runs a shell starts: same bytes on
both streams, same exit status, in both languages, for answers, usage errors and help."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE
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
    root = tmp_path / "project"
    shutil.copytree(SAMPLE / "data", root / "data", ignore=shutil.ignore_patterns(".pqp-cache"))
    shutil.copy2(SAMPLE / "targets.yaml", root / "targets.yaml")
    return root


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
    for extra in ({"PYTHONHASHSEED": "7"}, {"LC_ALL": "C"}, {"PYTHONUTF8": "0"}):
        assert fork_pqp(("status",), cwd=project, env={**os.environ, **extra}) is None
