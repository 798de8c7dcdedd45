"""Ctrl-C, wherever it lands: the run ends with exit 130 and says nothing.

Python raises KeyboardInterrupt where the main thread happens to be, and a library does not
always let it out as itself. pydantic-core builds a model's validator as the model's module
is imported, during the run; a Ctrl-C landing then came out as a `SchemaError` (which pqp
would report as an internal error), or was lost in a call back into Python (said only as
"Exception ignored in: …" on stderr, the run going on as if no Ctrl-C had come). So:

- the run's SIGINT handler notes the Ctrl-C before raising KeyboardInterrupt, as Python's
  own does, and an error that comes after it is taken for its consequence (`pressed`);
- a KeyboardInterrupt lost that way (`sys.unraisablehook`) is not printed: it is raised
  again a moment later, where the run has gone on.

A Ctrl-C pressed again within two seconds is the same one: the run is on its way out, and
its clean-up is not cut short. Once the run ends for a Ctrl-C (`ended`), another changes
nothing, and one lost meanwhile is not raised again: the run is leaving already. Its last
exit function (`_leave`, registered first) ends the process with 130 itself, after the others (`multiprocessing` ending its
workers): CPython kills itself with SIGINT instead once a KeyboardInterrupt has left an
`exec` of a string (as `dataclasses` builds classes, while pydantic is imported), under
`python -m`; and no timer set for a lost Ctrl-C can go off when Python has put SIGALRM's
default action back. A run that has answered ignores a Ctrl-C as Python tears down.

A run started with SIGINT ignored (`nohup`, a shell's background job) leaves it ignored.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
import time
from types import FrameType
from typing import Any

_pressed = False
_ending = False


def watch() -> None:
    """From now on, a Ctrl-C is noted (`pressed`) as it raises KeyboardInterrupt, and raised
    again when lost. Only the main thread may set a handler; elsewhere, and when SIGINT is
    ignored or handled by the caller, nothing changes."""
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        return
    with contextlib.suppress(ValueError):  # not the main thread
        signal.signal(signal.SIGINT, _noted)
        sys.unraisablehook = _raised_again(sys.unraisablehook)
        atexit.register(_leave)


def pressed() -> bool:
    """Whether a Ctrl-C reached this run since `watch`."""
    return _pressed


def ended() -> SystemExit:
    """What ends a run stopped by Ctrl-C (exit 130); from now on a Ctrl-C changes nothing, and
    the process leaves with 130 after its exit functions (`_leave`)."""
    global _ending
    _ending = True
    with contextlib.suppress(ValueError, OSError):
        signal.setitimer(signal.ITIMER_REAL, 0)  # a lost Ctrl-C's, due to be raised again
    return SystemExit(130)


#: Seconds after a Ctrl-C in which another is the same one (pressed twice quickly): raised
#: again, it would cut short what the first set going, the run's clean-up on its way out (a
#: revision's checkout removed half-way, left in the temporary folder for good).
_SAME_PRESS = 2.0
_pressed_at = -_SAME_PRESS


def _noted(signum: int, frame: FrameType | None) -> None:
    global _pressed_at
    now = time.monotonic()
    if _ending or now - _pressed_at < _SAME_PRESS:
        return  # the run is ending for a Ctrl-C already
    _pressed_at = now
    _again(signum, frame)


def _again(signum: int, frame: FrameType | None) -> None:
    """The KeyboardInterrupt of a Ctrl-C, noted; by SIGALRM, that of one lost (always raised
    again, however soon after it came)."""
    global _pressed
    if _ending:
        return
    _pressed = True
    raise KeyboardInterrupt


def _leave() -> None:
    """The last exit function: a run ended by Ctrl-C leaves with 130, whatever CPython would
    make of a KeyboardInterrupt it saw leave an `exec` (a SIGINT of its own: -2). Any other
    has answered: a Ctrl-C as Python then tears down (SIGINT's default action put back, which
    would kill it) changes nothing."""
    if not _ending:
        with contextlib.suppress(ValueError):
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        return
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(130)


#: Seconds after which a lost Ctrl-C is raised again: out of the call back it was lost in.
_AGAIN_AFTER = 0.01


def _raised_again(hook: Any) -> Any:
    """`hook`, but a lost KeyboardInterrupt is raised again shortly (by SIGALRM: a signal sent
    at once would be raised inside this hook, and lost with it) and said nowhere."""

    def unraisable(what: Any) -> None:
        if not isinstance(what.exc_value, KeyboardInterrupt):
            hook(what)
            return
        if _ending:
            return  # the run is ending for a Ctrl-C already
        try:
            signal.signal(signal.SIGALRM, _again)
            signal.setitimer(signal.ITIMER_REAL, _AGAIN_AFTER)
        except ValueError:  # not the main thread, which alone takes Python's signals
            os.kill(os.getpid(), signal.SIGINT)

    return unraisable
