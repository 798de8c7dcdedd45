"""Round 20: the suite takes Ctrl-C back when started with it ignored (tests/conftest.py); a
Ctrl-C at that run, sent to pytest itself, must then stop it, as it does a run started from a
terminal (before, the run went on to its end and passed)."""

from __future__ import annotations

import signal
import subprocess

import pytest
from test_suite_running import PYTEST, ROOT

#: A test that waits for Ctrl-C, in a file pytest collects only when named.
WAITING = "tests/ctrl_c_wait.py::test_waits_for_ctrl_c"


@pytest.mark.parametrize("ignored", [False, True], ids=["from-a-terminal", "sigint-ignored"])
def test_ctrl_c_at_a_pytest_run_stops_it(ignored: bool) -> None:
    run = subprocess.Popen(
        [*PYTEST, "-s", WAITING],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if ignored else None,  # noqa: PLW1509
    )
    assert run.stdout is not None
    seen = []
    for line in run.stdout:  # up to the test's own line: pytest, conftest and the test started
        seen.append(line)
        if line.startswith("waiting for Ctrl-C"):
            break
    run.send_signal(signal.SIGINT)
    try:
        out = "".join(seen) + run.stdout.read()
        code = run.wait(timeout=60)
    finally:
        run.kill()
    assert code == 2 and "KeyboardInterrupt" in out, out
