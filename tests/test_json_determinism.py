"""The same data gives the same JSON byte for byte on every run, whatever Python's hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from inprocess import run_pqp

ROOT = Path(__file__).resolve().parents[1]
ARGS = ["status", "--as-of", "2024-06-30", "--format", "json", "--no-cache"]


_FILES = ("--data", str(ROOT / "data"), "--targets", str(ROOT / "targets.yaml"))


def _run(seed: str, *extra: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PQP_LANG": "en"}
    command = [sys.executable, "-m", "pqp_cli", *ARGS, *extra, *_FILES]
    done = subprocess.run(command, env=env, capture_output=True, check=True)
    return done.stdout


@pytest.mark.long
def test_status_json_with_every_breakdown_is_the_same_under_other_hash_seeds() -> None:
    """Two started runs with seeds of their own, and the same run in this process under the
    seed it drew (or the one `PYTHONHASHSEED` fixed for it): three seeds, one answer."""
    extra = ("--by", "year", "--by", "locality", "--by", "district", "--by", "commune")
    here = run_pqp([*ARGS, *extra, *_FILES], cwd=ROOT, env={**os.environ, "PQP_LANG": "en"})
    assert here.code == 0
    seeds = [s for s in ("1", "2", "3") if s != os.environ.get("PYTHONHASHSEED")][:2]
    outputs = {here.out, *(_run(seed, *extra) for seed in seeds)}
    assert len(outputs) == 1
