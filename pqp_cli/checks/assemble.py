"""The files read → the dataset: their problems, every cross-record rule's, what was left out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pqp_cli.checks.facts import Facts
from pqp_cli.checks.rules import run_rules
from pqp_cli.checks.suggestions import HintStore
from pqp_cli.core.problems import Problem, sort_key
from pqp_cli.read.loading import Dataset, Entry, FileRead


def assemble(
    reads: Iterable[FileRead],
    period: tuple[dt.date, dt.date] | None,
    today: dt.date,
    facts: Facts | None = None,
    hints: HintStore | None = None,
) -> Dataset:
    """Every rule checked over the entries of all `reads` (in order): an error marks its entry
        bad, and a bad or invalid record is left out of the figures. `facts` may hold the facts of
        records known already (see `checks.facts`); `hints`, the suggestions kept from earlier runs
    (see `checks.suggestions`)."""
    problems: list[Problem] = []
    files_left_out: list[str] = []
    entries: list[Entry] = []
    for file, file_entries, file_problems in reads:
        problems.extend(file_problems)
        if not file_entries and any(p.is_error for p in file_problems):
            files_left_out.append(file)
        entries.extend(file_entries)
    problems.extend(run_rules(entries, period, today, facts, hints))
    problems.sort(key=sort_key)
    left_out = sum(e.bad or e.model is None for e in entries)
    return Dataset(problems, files_left_out, left_out, entries)
