"""A recorded run is replayed only when what it wrote is its whole output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import copy_sample

_UNSET = ("PQP_LANG", "PQP_NO_CACHE", "PQP_NO_REPLAY", "PQP_DATA", "PQP_TARGETS", "NO_COLOR")


def test_a_run_whose_reader_went_away_is_not_replayed_cut_short(tmp_path: Path) -> None:
    """`pqp validate --format json | head` once: the run's output stops at what the pipe
    held (64 kB) and the run ends. Kept as a record, every later run with the same inputs
    replayed that much and no more: a cut JSON, exit 1, nothing said."""
    copy_sample(tmp_path)
    with (tmp_path / "data" / "enterprises.yaml").open("a", encoding="utf-8") as fh:
        fh.write("".join(f"- id: BAD-{n}\n" for n in range(3000)))  # ~1.5 MB of problems
    env = {k: v for k, v in os.environ.items() if k not in _UNSET}
    env["XDG_CACHE_HOME"] = str(tmp_path / "user-cache")
    args = [sys.executable, "-m", "pqp_cli", "validate", "--format", "json"]
    fresh = subprocess.run(args, cwd=tmp_path, env={**env, "PQP_NO_REPLAY": "1"},
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=120)  # fmt: skip
    # (the data cache made: a cold run, which makes it in `data/`, is never recorded)
    cut = subprocess.Popen(
        args, cwd=tmp_path, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    assert cut.stdout is not None
    cut.stdout.read(100)
    cut.stdout.close()  # as `head -c 100` does
    cut.wait(timeout=120)
    replays = tmp_path / "user-cache" / "pqp" / "replay"
    kept = [p for p in replays.rglob("*") if p.is_file()] if replays.exists() else []
    again = subprocess.run(args, cwd=tmp_path, env=env, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=120)  # fmt: skip
    assert len(fresh.stdout) > 500_000 and fresh.returncode == 1
    assert (again.returncode, again.stdout) == (1, fresh.stdout)
    assert kept == []  # nothing recorded of the run cut short
