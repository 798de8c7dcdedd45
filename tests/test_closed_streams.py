"""A `pqp` started with its standard output or error closed (`pqp status >&-`, a service
manager's job with no output) refuses: exit 2, said on the stream still open. Python gives such
a process `sys.stdout = None`, where `print` writes nothing: `validate` and `status --format
json` exited 0 having written no answer, a table `status` stopped on an internal error, and a
recorded answer was replayed into the closed descriptor, exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_sample


def _pqp(root: Path, close: int, *args: str) -> subprocess.CompletedProcess[bytes]:
    """`python -m pqp_cli ARGS` in `root`, with descriptor `close` (1 or 2) closed."""
    env = {k: v for k, v in os.environ.items() if k not in ("PQP_NO_REPLAY", "PQP_LANG")}
    return subprocess.run(
        [sys.executable, "-m", "pqp_cli", *args],
        cwd=root,
        env={**env, "XDG_CACHE_HOME": str(root / "xdg")},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=120,
        preexec_fn=lambda: os.close(close),  # noqa: PLW1509 - a process of its own, not threaded
    )


@pytest.mark.parametrize(
    "args", [("validate",), ("status", "--format", "json"), ("status", "--lang", "vi")]
)
def test_an_answer_with_no_stdout_to_go_to_is_refused(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    root = copy_sample(tmp_path)
    done = _pqp(root, 1, *args)
    assert done.returncode == 2
    said = done.stderr.decode()
    assert ("stdout" in said) and "Traceback" not in said and "internal" not in said, said
    assert ("đã đóng" in said) == ("vi" in args), said


def test_a_recorded_answer_is_not_replayed_into_a_closed_stdout(tmp_path: Path) -> None:
    root = copy_sample(tmp_path)
    env = {**os.environ, "XDG_CACHE_HOME": str(root / "xdg")}
    env.pop("PQP_NO_REPLAY", None)
    for _ in range(2):  # recorded, then replayed: an answer there to replay
        ran = subprocess.run(
            [sys.executable, "-m", "pqp_cli", "validate"], cwd=root, env=env,
            capture_output=True, timeout=120, stdin=subprocess.DEVNULL,
        )  # fmt: skip
        assert ran.returncode == 0
    assert _pqp(root, 1, "validate").returncode == 2


def test_with_stderr_closed_the_refusal_is_said_on_stdout(tmp_path: Path) -> None:
    root = copy_sample(tmp_path)
    done = _pqp(root, 2, "status", "--format", "json")
    assert done.returncode == 2
    assert "stderr" in done.stdout.decode() and not done.stdout.startswith(b"{")
