"""`pqp ARGS` as a real process forked from the test's own, which has imported pqp already.

A recorded or replayed run must be a process of its own: `cli.launch` watches what it opens
with an audit hook (which a process cannot take off), tees its streams, and exits. Started as
`python -m pqp_cli`, such a run spends ≈ 0.5 s of CPU importing typer, pydantic, rich and pqp
before it does anything; forked from this process, which has imported them, it starts at once.
It is otherwise the run a shell would start:

- its own process, exit status and descriptors: stdin on /dev/null, stdout and stderr on
  pipes read here, the text streams on them new, as Python makes them at start (the
  encoding this interpreter chose, strict on stdout, `backslashreplace` on stderr,
  stderr line-buffered);
- exactly `env` as its environment, `cwd` as its working folder, `cli.launch.main` as its
  entry (the same function `python -m pqp_cli` calls);
- at its end, its streams flushed and the finalizers it registered itself run (a temporary
  checkout removed), as at interpreter exit; never this process's `atexit` handlers (pytest's,
  xdist's): it leaves with `os._exit`.

What only a fresh interpreter shows is still tested with one (`subprocess`): what a replay
imports, the installed entry point, exit by signal, and any run whose environment differs
from this process's in what Python reads when it starts (`PYTHON*`, the locale), when
`fork_pqp` returns None. See docs/testing.md.
"""

from __future__ import annotations

import contextlib
import io
import os
import selectors
import signal
import sys
import time
import warnings
import weakref
from collections.abc import Mapping
from pathlib import Path

from inprocess import Run

from pqp_cli.cli import launch

#: What Python reads from the environment when it starts: a run whose values differ from this
#: process's needs an interpreter of its own.
_AT_START = ("PYTHON", "LC_", "LANG")


def starts_alike(env: Mapping[str, str]) -> bool:
    """Whether a Python started with `env` would start as this one did."""

    def read_at_start(environ: Mapping[str, str]) -> dict[str, str]:
        return {k: v for k, v in environ.items() if k.startswith(_AT_START)}

    return read_at_start(env) == read_at_start(os.environ)


def fork_pqp(
    args: tuple[str, ...] | list[str], *, cwd: Path, env: Mapping[str, str], timeout: float = 300
) -> Run | None:
    """`python -m pqp_cli ARGS` in `cwd` with `env`, forked; None when it must start afresh."""
    if not starts_alike(env) or not hasattr(os, "fork"):
        return None
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    with warnings.catch_warnings():  # Python 3.12+ warns of fork in a process with threads
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # pragma: no cover - the child: never returns
        _child(list(args), cwd, env, (out_r, out_w, err_r, err_w))
    os.close(out_w)
    os.close(err_w)
    try:
        out, err = _drain(out_r, err_r, time.monotonic() + timeout, pid)
    finally:
        os.close(out_r)
        os.close(err_r)
    _, status = os.waitpid(pid, 0)
    return Run(os.waitstatus_to_exitcode(status), out, err)


def _drain(out_r: int, err_r: int, deadline: float, pid: int) -> tuple[bytes, bytes]:
    """Both pipes read to their end (the child killed past `deadline`)."""
    chunks: dict[int, list[bytes]] = {out_r: [], err_r: []}
    with selectors.DefaultSelector() as selector:
        for fd in chunks:
            selector.register(fd, selectors.EVENT_READ)
        while selector.get_map():
            ready = selector.select(max(0.0, deadline - time.monotonic()))
            if not ready:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                raise TimeoutError(f"pqp run forked as {pid} did not end in time")
            for key, _ in ready:
                data = os.read(key.fd, 1 << 16)
                if data:
                    chunks[key.fd].append(data)
                else:
                    selector.unregister(key.fd)
    return b"".join(chunks[out_r]), b"".join(chunks[err_r])


def _child(args: list[str], cwd: Path, env: Mapping[str, str], fds: tuple[int, ...]) -> None:
    """Become the run: descriptors, folder, environment, streams, argv; run; exit."""
    code = 70
    try:
        out_r, out_w, err_r, err_w = fds
        null = os.open(os.devnull, os.O_RDONLY)
        for target, fd in ((0, null), (1, out_w), (2, err_w)):
            os.dup2(fd, target)
        for fd in (null, *fds):
            os.close(fd)
        signal.signal(signal.SIGINT, signal.default_int_handler)  # as Python starts
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(env)
        _new_streams()
        sys.argv = [str(Path(launch.__file__).parent.parent / "__main__.py"), *args]
        before = set(weakref.finalize._registry)  # type: ignore[attr-defined]
        try:
            launch.main()
            code = 0
        except SystemExit as done:
            code = _exit_code(done.code)
        except BaseException:  # noqa: BLE001 - Python prints it and exits 1
            import traceback

            traceback.print_exc()
            code = 1
        _finish(before)
    finally:
        os._exit(code)


def _exit_code(code: object) -> int:
    """The status `sys.exit(code)` leaves, as the interpreter works it out."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def _new_streams() -> None:
    """Text streams on descriptors 0, 1 and 2 as Python makes them at start."""
    encoding = sys.__stdout__.encoding if sys.__stdout__ is not None else "utf-8"
    stdin = io.BufferedReader(io.FileIO(0, "r", closefd=False))
    sys.stdin = io.TextIOWrapper(stdin, encoding, newline="\n")
    stdout = io.BufferedWriter(io.FileIO(1, "w", closefd=False))
    sys.stdout = io.TextIOWrapper(stdout, encoding, errors="strict", newline="\n")
    stderr = io.BufferedWriter(io.FileIO(2, "w", closefd=False))
    sys.stderr = io.TextIOWrapper(
        stderr, encoding, errors="backslashreplace", newline="\n", line_buffering=True
    )
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = sys.stdin, sys.stdout, sys.stderr


def _finish(before: set[object]) -> None:
    """What interpreter exit does for the run: its own finalizers, then the streams flushed."""
    registry = weakref.finalize._registry  # type: ignore[attr-defined]
    for finalizer in [f for f in list(registry) if f not in before]:
        if finalizer.atexit:
            finalizer()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: Python says nothing either
            stream.flush()
