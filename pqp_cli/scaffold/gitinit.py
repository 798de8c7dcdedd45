"""`pqp init` makes its folder a git repository: pqp's history, `pqp diff`, `--rev` and the
pre-commit hook all read git, so a folder that is not one is not ready."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Literal

GitState = Literal["created", "inside", "no-git", "failed"]


def ensure_repository(folder: Path) -> GitState:
    """`git init` in `folder` unless it is already inside a work tree. Never fails `pqp init`:
    without git (or when git refuses) the caller says so and the folder is still written."""
    try:
        inside = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if inside.returncode == 0 and inside.stdout.strip() == "true":
            return "inside"
        made = subprocess.run(
            ["git", "init", "-q", "."], cwd=folder, capture_output=True, text=True, timeout=60
        )
    except FileNotFoundError:
        return "no-git"
    except (OSError, subprocess.SubprocessError):
        return "failed"
    return "created" if made.returncode == 0 else "failed"
