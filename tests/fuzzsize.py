"""How many examples a property test draws (Hypothesis's `max_examples`), and how many steps
a randomized series takes.

Each property test names the number the README's `pytest` runs: enough to cover its strategies'
shapes in a few seconds of the suite's two minutes. `PQP_FUZZ_SCALE` multiplies them all:
`.ci/run`'s fuzz step runs these tests again with `PQP_FUZZ_SCALE=10`, ten times as many
examples each, in a step of its own (docs/testing.md). The two whole-program fuzzers keep their
own counts (`PQP_FUZZ_CLI`, `PQP_FUZZ_YAML`).
"""

from __future__ import annotations

import os

SCALE = float(os.environ.get("PQP_FUZZ_SCALE", "1"))


def examples(quick: int) -> int:
    """`quick` examples in the README's `pytest`, `quick × PQP_FUZZ_SCALE` when that is set."""
    return max(1, round(quick * SCALE))
