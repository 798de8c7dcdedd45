"""The rich consoles: colour only on a terminal and never under NO_COLOR (`Settings.no_color`)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console


def stdout_console(no_color: bool = False) -> Console:
    from rich.console import Console  # imported when printed to: JSON never needs rich

    tty = sys.stdout.isatty()
    return Console(
        no_color=no_color or not tty,
        highlight=False,
        soft_wrap=not tty,
        width=None if tty else 200,
    )


def stderr_console(no_color: bool = False) -> Console:
    from rich.console import Console

    tty = sys.stderr.isatty()
    return Console(
        stderr=True,
        no_color=no_color or not tty,
        highlight=False,
        soft_wrap=True,
    )


def plain_console(out: TextIO) -> Console:
    """A console writing to `out` as `stdout_console` writes to a file or a pipe."""
    from rich.console import Console

    return Console(
        file=out, force_terminal=False, no_color=True, highlight=False, soft_wrap=True, width=200
    )
