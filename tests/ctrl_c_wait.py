"""Run only by name, by `test_hostile_round20_ctrl_c.py` (pytest collects `test_*.py` on its own,
not this file): a test that waits for the Ctrl-C its caller sends the pytest running it."""

from __future__ import annotations

import time


def test_waits_for_ctrl_c() -> None:
    print("waiting for Ctrl-C", flush=True)  # -s: the caller reads it
    time.sleep(60)  # KeyboardInterrupt ends it
