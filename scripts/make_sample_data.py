#!/usr/bin/env python3
"""Write the synthetic Thanh Hóa sample dataset into data/ (docs/contract.md §7), deterministically.

Run from the repository root: `python scripts/make_sample_data.py`. The same seed gives
byte-identical files on every run. Standard library and PyYAML only. Every record is invented
(dữ liệu mô phỏng): the names, tax codes and dates are realistic in form, not official figures.
At the end it prints the figures of docs/contract.md §4 for two as-of dates, computed from the generated
structures directly, so the data can be tuned without the CLI (`--check-only` skips writing;
`--seed N` tries another seed without writing, to see how robust the figures are).
"""


from __future__ import annotations

import sys

from sample_certs import (  # noqa: E402 - the scripts folder is on sys.path
    make_certifications,
)
from sample_common import (  # noqa: E402 - the scripts folder is on sys.path
    ROOT,
    SEED,
    Gen,
)
from sample_enterprises import (  # noqa: E402 - the scripts folder is on sys.path
    choose_flags,
    give_ocop,
    make_enterprises,
)
from sample_output import (  # noqa: E402 - the scripts folder is on sys.path
    counts,
    sane,
    self_check,
    write,
)
from sample_trainings import (  # noqa: E402 - the scripts folder is on sys.path
    UNITS,
    make_experts,
    make_trainings,
)


def main(argv: list[str]) -> int:
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else SEED
    g = Gen(seed)
    ents = make_enterprises(g)
    choose_flags(g, ents)
    give_ocop(g, ents)
    certs = make_certifications(g, ents)
    trainings = make_trainings(g, ents, certs)
    experts = make_experts(g)
    units = [dict(u) for u in UNITS]
    sane(ents, trainings, certs, experts, units)
    if "--check-only" not in argv and seed == SEED:
        for path in write(ents, trainings, certs, experts, units):
            print("wrote", path.relative_to(ROOT))
    counts(ents, trainings, certs, experts, units)
    self_check(ents, trainings, certs, experts, units)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

