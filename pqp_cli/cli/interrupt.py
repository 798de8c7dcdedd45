"""Ctrl-C, wherever it lands: the run ends with exit 130 and says nothing.

Python raises KeyboardInterrupt where the main thread happens to be, and a library does not
always let it out as itself: pydantic-core, building a model's validator while a module of
records is imported, turns it into a `SchemaError`, which pqp would report as an internal
error. So the run's SIGINT handler notes the Ctrl-C before raising KeyboardInterrupt, as
Python's own does, and an error that comes after it is taken for its consequence.

A run started with SIGINT ignored (`nohup`, a shell's background job) leaves it ignored.
"""

from __future__ import annotations

import contextlib
import signal
from types import FrameType

_pressed = False


def watch() -> None:
    """From now on, a Ctrl-C is noted (`pressed`) as it raises KeyboardInterrupt. Only the
    main thread may set a handler; elsewhere, and when SIGINT is ignored or handled by the
    caller, nothing changes."""
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        with contextlib.suppress(ValueError):  # not the main thread
            signal.signal(signal.SIGINT, _noted)


def pressed() -> bool:
    """Whether a Ctrl-C reached this run since `watch`."""
    return _pressed


def _noted(signum: int, frame: FrameType | None) -> None:
    global _pressed
    _pressed = True
    raise KeyboardInterrupt
