"""How many examples a property test draws (Hypothesis's `max_examples`), how many steps
a randomized series takes, and which share of a long series of cases a test runs.

Each property test names the number the README's `pytest` runs: enough to cover its strategies'
shapes in a few seconds of the suite's two minutes. `PQP_FUZZ_SCALE` multiplies them all:
`.ci/run`'s fuzz step runs these tests again with `PQP_FUZZ_SCALE=10`, ten times as many
examples each, in a step of its own (docs/testing.md). The two whole-program fuzzers keep their
own counts (`PQP_FUZZ_CLI`, `PQP_FUZZ_YAML`).
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

#: The largest scale taken: 10 is CI's; past 1,000 a run would not end in a working day.
MOST = 1000


def _scale(raw: str | None) -> tuple[float, str | None]:
    """The scale `PQP_FUZZ_SCALE` asks for (1 when unset or empty), or what is wrong with it."""
    if raw is None or not raw.strip():
        return 1.0, None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not 0 < value <= MOST:  # NaN too
        return 1.0, f"PQP_FUZZ_SCALE={raw!r}: give a number above 0 and at most {MOST}"
    return value, None


#: The scale, and what is wrong with `PQP_FUZZ_SCALE` (tests/conftest.py stops the run on it).
SCALE, PROBLEM = _scale(os.environ.get("PQP_FUZZ_SCALE"))
#: Whether a series runs whole in every test (`share`): under the fuzz step's scale.
WHOLE = SCALE > 1


def examples(quick: int) -> int:
    """`quick` examples in the README's `pytest`, `quick × PQP_FUZZ_SCALE` when that is set."""
    return max(1, round(quick * SCALE))


def share(cases: Sequence[T], part: int, parts: int = 2) -> list[T]:
    """The cases a test that splits `cases` with others runs: in the README's `pytest`, every
    `parts`-th case from the `part`-th on, so that the `parts` tests run every case between
    them (each on one of their datasets or languages); under `.ci/run`'s fuzz step
    (`PQP_FUZZ_SCALE` above 1) every case in each test."""
    assert len(cases) >= parts, "a share of nothing would check nothing"
    return list(cases) if WHOLE else list(cases[part % parts :: parts])
