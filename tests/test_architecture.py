"""The layers hold: no module imports one of a layer above its own, nor a sibling it must not
(the contract is [tool.importlinter] in pyproject.toml; `lint-imports` checks it, counting
imports inside functions and indirect ones)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def lint_imports() -> str | None:
    """The `lint-imports` beside this Python, else on the PATH."""
    beside = Path(sys.executable).with_name("lint-imports")
    return str(beside) if beside.exists() else shutil.which("lint-imports")


def test_every_import_follows_the_layer_contract() -> None:
    command = lint_imports()
    if command is None:
        pytest.skip("lint-imports is not installed (pip install -e '.[test]' brings it)")
    run = subprocess.run(
        [command, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 broken" in run.stdout
