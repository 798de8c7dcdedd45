"""JSON answers need no table library: `status`, `explain` and `validate` with `--format json`
import neither rich nor (for clean data) any console, so a run that only prints JSON starts
faster. Not a timed test: it checks what a run imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DATA = "- id: E1\n  name: Công ty A\n  type: enterprise\n"
TARGETS = """\
plan: {id: p, title: P, period: {start: 2021-01-01, end: 2025-12-31}}
targets:
  - {id: T1, metric: trained_establishments, target: 4}
"""
PROBE = """\
import atexit, sys
atexit.register(lambda: sys.stderr.write("\\nrich imported: %s\\n" % ("rich" in sys.modules)))
from pqp_cli.cli.app import main
sys.argv = ["pqp", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize(
    "command",
    [
        ("status", "--format", "json"),
        ("explain", "T1", "--format", "json"),
        ("validate", "--format", "json"),
    ],
)
def test_a_json_answer_imports_no_rich(tmp_path: Path, command: tuple[str, ...]) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "enterprises.yaml").write_text(DATA, encoding="utf-8")
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    as_of = [] if command[0] == "validate" else ["--as-of", "2024-01-01"]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *command, *as_of],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PQP_NO_CACHE": "1", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.lstrip().startswith("{")
    assert "rich imported: False" in done.stderr
