"""The rich consoles: colour only on a terminal and never under NO_COLOR."""

from __future__ import annotations

import os
import sys

from rich.console import Console


def stdout_console() -> Console:
    tty = sys.stdout.isatty()
    return Console(
        no_color=bool(os.environ.get("NO_COLOR")) or not tty,
        highlight=False,
        soft_wrap=not tty,
        width=None if tty else 200,
    )


def stderr_console() -> Console:
    tty = sys.stderr.isatty()
    return Console(
        stderr=True,
        no_color=bool(os.environ.get("NO_COLOR")) or not tty,
        highlight=False,
        soft_wrap=True,
    )
