"""`pqp ARGS` as a real process forked from the test's own, which has imported pqp already.

A recorded or replayed run must be a process of its own: `cli.launch` watches what it opens
with an audit hook (which a process cannot take off), tees its streams, and exits. Started as
`python -m pqp_cli`, such a run spends ≈ 0.5 s of CPU importing typer, pydantic, rich and pqp
before it does anything; forked from this process, which has imported them, it starts at once.
It is otherwise the run a shell would start:

- its own process (and process group: past its time out it is killed with all it started),
  exit status and descriptors: stdin on /dev/null, stdout and stderr on
  pipes read here, the text streams on them new, as a Python started with `env` makes them
  (asked of one, once: in a C.UTF-8 locale stdout escapes an undecodable file name's bytes
  where `strict` would fail; under PYTHONUNBUFFERED nothing is buffered);
- exactly `env` as its environment (its $TMPDIR and $TZ too, not the ones this
  process found), `cwd` as its working folder, `cli.launch.main` as its entry (the same
  function `python -m pqp_cli` calls), `sys.orig_argv` and `sys.path` as that command has
  them (both are in the replay key: a forked run's record is a started run's), the signal
  handlers, fault handler, warning filters and collector thresholds Python sets at start,
  a warning shown on stderr (pytest records them: a library's warning would not be in the run's bytes);
- at its end what interpreter exit does: the `atexit` functions and finalizers it registered
  itself (a temporary checkout removed), newest first; an uncaught exception printed by
  `sys.excepthook` (status 1; Ctrl-C: killed by SIGINT); its streams flushed. Never this
  process's `atexit` functions nor finalizers (pytest's, a test's temporary folders): it
  leaves with `os._exit`, and what it inherited is never collected in it (`gc.freeze`).

One thing it shares with this process: the hash seed (a started run draws its own unless
PYTHONHASHSEED is set), so an answer that depended on a set's order would not show it here.

What only a fresh interpreter shows is still tested with one (`subprocess`): what a replay
imports, the installed entry point, exit by signal, and any run whose environment differs
from this process's in what Python reads when it starts (`PYTHON*`, the locale), when
`fork_pqp` returns None. See docs/testing.md.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import faulthandler
import functools
import gc
import importlib
import io
import json
import os
import re
import selectors
import signal
import subprocess
import sys
import tempfile
import time
import warnings
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from conftest import GC_AT_START
from inprocess import Run

from pqp_cli.cli import launch

#: What Python reads from the environment when it starts: a run whose values differ from this
#: process's needs an interpreter of its own.
_AT_START = ("PYTHON", "LC_", "LANG")


def _read_at_start(environ: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, v) for k, v in environ.items() if k.startswith(_AT_START)))


def starts_alike(env: Mapping[str, str]) -> bool:
    """Whether a Python started with `env` would start as this one did."""
    return _read_at_start(env) == _read_at_start(os.environ)


class _Stream(NamedTuple):
    """How Python makes a standard stream at start."""

    name: str
    encoding: str
    errors: str
    line_buffering: bool
    write_through: bool
    buffered: bool


class _Start(NamedTuple):
    """What a Python started with an environment has made before it runs anything."""

    streams: tuple[_Stream, ...]
    path: tuple[str, ...]  # `sys.path` after its first entry (the script's or -m's folder)
    warnings: tuple[tuple[Any, ...], ...]  # its filters, each pattern as [text, flags]


_PROBE = """import json, sys, warnings
streams = [
    [s.name, s.encoding, s.errors, s.line_buffering, s.write_through, hasattr(s.buffer, "raw")]
    for s in (sys.stdin, sys.stdout, sys.stderr)
]
def part(x):  # None, a text compared whole, or a pattern
    return x if x is None or isinstance(x, str) else [x.pattern, x.flags]
filters = [
    [a, part(m), f"{c.__module__}.{c.__qualname__}", part(o), n]
    for a, m, c, o, n in warnings.filters
]
print(json.dumps([streams, sys.path[1:], filters]))
"""


@functools.cache
def _at_start(seen: tuple[tuple[str, str], ...]) -> _Start:
    """What a Python started with the variables `seen` on /dev/null and two pipes makes, as it
    says: its locale, PYTHONIOENCODING, PYTHONUNBUFFERED and UTF-8 mode decide its streams,
    PYTHONPATH and $HOME (the user's site-packages) its `sys.path`."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE],
        env=dict(seen),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    streams, path, filters = json.loads(done.stdout)
    return _Start(tuple(_Stream(*s) for s in streams), tuple(path), tuple(map(tuple, filters)))


@functools.cache
def _malloc_trim() -> Any:
    """glibc's `malloc_trim`, or None (another C library, another system)."""
    try:
        return ctypes.CDLL(None).malloc_trim  # the C library the process runs on
    except (OSError, AttributeError):
        return None


def _give_back_freed_memory() -> None:
    """Return to the system the freed memory the C allocator keeps: a fork copies the page
    tables of all that is mapped, and the Word tests' freed XML trees kept a test process at
    ≈ 260 MB where ≈ 140 MB are in use (`test_replay.py`'s forked runs: 1.5 s less CPU)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def fork_pqp(
    args: tuple[str, ...] | list[str], *, cwd: Path, env: Mapping[str, str], timeout: float = 300
) -> Run | None:
    """`python -m pqp_cli ARGS` in `cwd` with `env`, forked; None when it must start afresh."""
    runs = fork_pqp_at_once(args, 1, cwd=cwd, env=env, timeout=timeout)
    return None if runs is None else runs[0]


def fork_pqp_at_once(
    args: tuple[str, ...] | list[str],
    count: int,
    *,
    cwd: Path,
    env: Mapping[str, str],
    timeout: float = 300,
) -> list[Run] | None:
    """`count` runs of `python -m pqp_cli ARGS` side by side, all forked before any is read:
    runs at once race from their first instruction, where started ones each spent their first
    ≈ 0.5 s of CPU importing. None when they must start afresh."""
    if not starts_alike(env) or not hasattr(os, "fork"):
        return None
    if not os.path.isdir(cwd):  # as `subprocess` says it, here, not a silent status in the run
        raise FileNotFoundError(2, "No such directory", str(cwd))
    home = tuple(("HOME", v) for k, v in env.items() if k == "HOME")  # the user's site
    start = _at_start(_read_at_start(env) + home)
    _give_back_freed_memory()
    forked: list[tuple[int, int, int]] = []
    try:
        for _ in range(count):
            forked.append(_fork(list(args), cwd, env, start))
        outputs = _drain(forked, time.monotonic() + timeout)
        statuses = [os.waitpid(pid, 0)[1] for pid, _, _ in forked]
    except BaseException:  # the test stopped (Ctrl-C, the time out): nothing left behind,
        for pid, _, _ in forked:  # neither the runs nor what they started
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        raise
    finally:
        for _, out_r, err_r in forked:
            for fd in (out_r, err_r):
                with contextlib.suppress(OSError):
                    os.close(fd)
    codes = [os.waitstatus_to_exitcode(status) for status in statuses]
    return [Run(code, out, err) for code, (out, err) in zip(codes, outputs, strict=True)]


def _fork(
    args: list[str], cwd: Path, env: Mapping[str, str], start: _Start
) -> tuple[int, int, int]:
    """One run forked, in a process group of its own: its pid and the read ends of its
    stdout and stderr."""
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    try:
        with warnings.catch_warnings():  # Python 3.12+ warns of fork in a process with threads
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
    except BaseException:
        for fd in (out_r, out_w, err_r, err_w):
            os.close(fd)
        raise
    if pid == 0:  # pragma: no cover - the child: never returns
        _child(args, cwd, env, (out_r, out_w, err_r, err_w), start)
    with contextlib.suppress(OSError):  # its own group (the child says so too: no race)
        os.setpgid(pid, pid)
    os.close(out_w)
    os.close(err_w)
    return pid, out_r, err_r


def _drain(forked: list[tuple[int, int, int]], deadline: float) -> list[tuple[bytes, bytes]]:
    """Every run's two pipes read to their end, all at once (a run never waits on a full pipe
    while another is read), or TimeoutError past `deadline`."""
    chunks: dict[int, list[bytes]] = {}
    with selectors.DefaultSelector() as selector:
        for pid, out_r, err_r in forked:
            for fd in (out_r, err_r):
                chunks[fd] = []
                selector.register(fd, selectors.EVENT_READ, pid)
        while selector.get_map():
            ready = selector.select(max(0.0, deadline - time.monotonic()))
            if not ready:
                pids = sorted({key.data for key in selector.get_map().values()})
                raise TimeoutError(f"pqp runs forked as {pids} did not end in time")
            for key, _ in ready:
                data = os.read(key.fd, 1 << 16)
                if data:
                    chunks[key.fd].append(data)
                else:
                    selector.unregister(key.fd)
    return [(b"".join(chunks[o]), b"".join(chunks[e])) for _, o, e in forked]


def _child(
    args: list[str],
    cwd: Path,
    env: Mapping[str, str],
    fds: tuple[int, ...],
    start: _Start,
) -> None:
    """Become the run: descriptors, folder, environment, streams, argv; run; exit."""
    code = 70
    try:
        gc.freeze()  # what this process left as garbage is its own: never collected here
        os.setpgid(0, 0)  # a group of its own, with what it starts: all killed at a time out
        out_r, out_w, err_r, err_w = fds
        null = os.open(os.devnull, os.O_RDONLY)
        for target, fd in ((0, null), (1, out_w), (2, err_w)):
            os.dup2(fd, target)
        for fd in (null, *fds):
            os.close(fd)
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        tempfile.tempdir = None  # found again from $TMPDIR
        time.tzset()  # the zone of $TZ: today's date, the default --as-of
        _new_streams(start.streams)
        _as_at_start(env)
        _warnings_at_start(start.warnings)
        sys.argv = [str(Path(launch.__file__).parent.parent / "__main__.py"), *args]
        # as `python -m pqp_cli` has them, not pytest's (both are in the replay key)
        sys.orig_argv = [sys.executable, "-m", "pqp_cli", *args]
        sys.path[:] = [os.getcwd(), *start.path]
        code = _run()
    finally:
        os._exit(code)


def _as_at_start(env: Mapping[str, str]) -> None:
    """Signal handlers, fault handler and exception hook as Python sets them at start; no
    `atexit` function nor finalizer of this process's left to run at the run's end."""
    for number in signal.valid_signals():
        if callable(signal.getsignal(number)):  # a handler of this process: exec drops it
            signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for number in (signal.SIGPIPE, signal.SIGXFSZ):
        signal.signal(number, signal.SIG_IGN)
    gc.set_threshold(*GC_AT_START)  # the suite's own (tests/conftest.py): Python's
    faulthandler.disable()
    if env.get("PYTHONFAULTHANDLER"):
        faulthandler.enable()
    sys.excepthook = sys.__excepthook__  # an uncaught exception printed by Python's own
    atexit._clear()  # noqa: SLF001 - pytest's, xdist's
    for finalizer in list(weakref.finalize._registry):  # type: ignore[attr-defined]
        finalizer.detach()
    weakref.finalize._registered_with_atexit = False  # type: ignore[attr-defined]


def _warnings_at_start(filters: tuple[tuple[Any, ...], ...]) -> None:
    """The warning filters Python starts with (not those of the test: pytest's), and each
    warning shown on stderr as Python shows it (pytest records them in a list instead)."""

    def pattern(part: str | list[Any] | None) -> str | re.Pattern[str] | None:
        return re.compile(*part) if isinstance(part, list) else part

    made = []
    for action, message, category, module, line in filters:
        where, _, name = category.rpartition(".")
        kind = getattr(importlib.import_module(where), name)
        made.append((action, pattern(message), kind, pattern(module), line))
    warnings.filters[:] = made  # type: ignore[index]
    warnings._filters_mutated()  # type: ignore[attr-defined]  # the registries start afresh
    warnings.showwarning = _show_warning


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """`warnings.showwarning` as Python has it: the warning written on stderr."""
    with contextlib.suppress(OSError, AttributeError):  # no stderr: Python says nothing
        stream = sys.stderr if file is None else file
        stream.write(warnings.formatwarning(message, category, filename, lineno, line))


def _run() -> int:
    """`cli.launch.main`, then what interpreter exit does; the exit status."""
    interrupted = False
    try:
        launch.main()
        code = 0
    except SystemExit as done:
        code = _exit_code(done.code)
    except BaseException as error:  # noqa: BLE001 - Python prints it and exits 1
        sys.excepthook(type(error), error, error.__traceback__)
        interrupted, code = isinstance(error, KeyboardInterrupt), 1
    atexit._run_exitfuncs()  # noqa: SLF001 - the run's own, newest first (finalizers too)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: Python says nothing either
            stream.flush()
    if interrupted:  # Python ends so: killed by the signal, as its caller expects
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
    return code


def _exit_code(code: object) -> int:
    """The status `sys.exit(code)` leaves, as the interpreter works it out."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def _new_streams(streams: tuple[_Stream, ...]) -> None:
    """Text streams on descriptors 0, 1 and 2 as Python makes them at start."""
    made = []
    for fd, (mode, how) in enumerate(zip("rww", streams, strict=True)):
        raw = io.FileIO(fd, mode, closefd=False)
        raw.name = how.name  # `<stdout>`, as Python names it
        kind = io.BufferedReader if mode == "r" else io.BufferedWriter
        binary = kind(raw) if how.buffered else raw
        text = io.TextIOWrapper(
            binary,
            how.encoding,
            how.errors,
            newline="\n",
            line_buffering=how.line_buffering,
            write_through=how.write_through,
        )
        made.append(text)
    sys.stdin, sys.stdout, sys.stderr = made
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = made  # type: ignore[misc]
