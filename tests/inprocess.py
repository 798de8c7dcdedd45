"""`pqp ARGS` run in the test's own process as a child process with piped streams runs it: the
same `cli.app.main`, `sys.argv`, environment, working folder and no terminal on any of the three
standard descriptors, its two streams kept as bytes.

For a test's reference answers (a `--no-cache` run to compare a real process's bytes with) and
for runs that only prepare a folder (filling the data cache): a child `python -m pqp_cli` spends
most of its ≈ 0.6 s of CPU importing typer, pydantic, rich and pqp, which this process has done
already. What only a real process shows (the output replay, `cli.launch`, exit by signal, the
installed entry point) stays in one. No record is ever made or replayed here: `cli.launch` is
not called.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pqp_cli.cli.app import main
from pqp_cli.core.notes import language, use_language


@dataclass(frozen=True)
class Run:
    """What a run of `pqp` left: its exit code and the bytes of its two streams."""

    code: int
    out: bytes
    err: bytes


def run_pqp(args: tuple[str, ...] | list[str], *, cwd: Path, env: Mapping[str, str]) -> Run:
    """`pqp ARGS` in `cwd` with exactly `env` as its environment and stdin at /dev/null."""
    out, err = io.BytesIO(), io.BytesIO()
    code: int | str | None = 0
    with _as_a_child(args, cwd, env), _streams(out, err):
        try:
            main()
        except SystemExit as exit_:
            code = exit_.code
    if isinstance(code, str):  # Python prints a string exit code and exits 1
        err.write(code.encode() + b"\n")
        code = 1
    assert isinstance(code, int) or code is None, code
    return Run(code or 0, out.getvalue(), err.getvalue())


@contextmanager
def _as_a_child(
    args: tuple[str, ...] | list[str], cwd: Path, env: Mapping[str, str]
) -> Iterator[None]:
    """`sys.argv`, `os.environ` and the working folder as the child's, the notes' language
    (which the app's callback sets for the whole process) put back after."""
    saved_env, saved_cwd, saved_argv, saved_language = (
        dict(os.environ),
        os.getcwd(),
        sys.argv,
        language(),
    )
    try:
        os.environ.clear()
        os.environ.update(env)
        os.chdir(cwd)
        sys.argv = ["pqp", *args]
        yield
    finally:
        sys.argv = saved_argv
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
        use_language(saved_language)


@contextmanager
def _streams(out: io.BytesIO, err: io.BytesIO) -> Iterator[None]:
    """`sys.stdout` and `sys.stderr` writing to `out` and `err` as Python's own text streams on
    a pipe do (UTF-8, no newline translation), and descriptors 0, 1 and 2 on /dev/null while the
    run lasts: rich asks them for a terminal's size, and under `pytest -s` at a terminal they
    would answer, where a child's pipes do not."""
    saved = (sys.stdin, sys.stdout, sys.stderr)
    saved_fds = [os.dup(fd) for fd in (0, 1, 2)]
    null = os.open(os.devnull, os.O_RDWR)
    stdout = io.TextIOWrapper(out, encoding="utf-8", errors="strict", newline="\n")
    stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", newline="\n")
    try:
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - closed below
        sys.stdout, sys.stderr = stdout, stderr
        yield
    finally:
        for stream in (stdout, stderr):
            stream.flush()
            stream.detach()
        sys.stdin.close()
        sys.stdin, sys.stdout, sys.stderr = saved
        for fd, kept in zip((0, 1, 2), saved_fds, strict=True):
            os.dup2(kept, fd)
            os.close(kept)
        os.close(null)
