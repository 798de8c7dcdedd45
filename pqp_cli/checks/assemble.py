"""The files read → the dataset: their problems, every rule's findings, what was left out.

`check` is the one place the findings come together, whether each file's entries were read
this run (`assemble`) or only their ids, names and facts came back from the cache
(`cache.dataset`): the rules across records run on the parts of every file, the rules on one
record come per file, and an error marks its entry bad (left out of the figures).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pqp_cli.checks.cross import Part, Table, cross_rules
from pqp_cli.checks.facts import file_facts
from pqp_cli.checks.rules import local_findings
from pqp_cli.checks.suggestions import HintStore
from pqp_cli.core.problems import Problem, sort_key
from pqp_cli.read.loading import Dataset, Entry, FileRead

#: Each entry's flags: left out of the figures (invalid, or an error found), a later copy.
BAD, DUPLICATE = 1, 2

Local = list[tuple[int, Problem]]

#: What the rules saw of each file, and its entries' flags as they found them.
Outline = list[tuple[Part, bytearray]]


@dataclass
class Checked:
    problems: list[Problem]  # sorted
    files_left_out: list[str]
    records_left_out: int
    flags: list[bytearray]  # each file's entries' BAD and DUPLICATE


def part_of(read: FileRead, facts: list[Any] | None = None) -> Part:
    """A file read as the rules across records see it (its facts worked out if not given)."""
    entries = read.entries
    if facts is None or len(facts) != len(entries):
        facts = file_facts(read)
    heads = [(e.index, e.line, e.id, e.name) for e in entries]
    kind = entries[0].kind if entries else ""
    return Part(kind, read.file, heads, facts, entries[0].source if entries else None)


def check(
    parts: list[Part],
    file_problems: Sequence[list[Problem]],
    read_bad: Sequence[bytes],
    local: Sequence[Local],
    hints: HintStore | None = None,
) -> Checked:
    """Every finding over the files' `parts` (in order): their reading's problems, the rules
    across records, and each file's `local` findings (those of the rules on one record, by
    entry) but for the later copies of an id. `read_bad` marks the entries reading left out."""
    found = cross_rules(Table(parts, hints))
    number = {id(part): n for n, part in enumerate(parts)}
    flags = [bytearray(bad) for bad in read_bad]
    problems = [p for some in file_problems for p in some]
    for part, i, problem in found:
        problems.append(problem)
        if problem.is_error:
            flags[number[id(part)]][i] |= BAD
    for n, (part, findings) in enumerate(zip(parts, local, strict=True)):
        for i, problem in findings:
            if not part.duplicate[i]:
                problems.append(problem)
                if problem.is_error:
                    flags[n][i] |= BAD
        for i, copy in enumerate(part.duplicate) if 1 in part.duplicate else ():
            if copy:
                flags[n][i] |= DUPLICATE
    problems.sort(key=sort_key)
    files_left_out = [
        part.file
        for part, some in zip(parts, file_problems, strict=True)
        if not part.heads and any(p.is_error for p in some)
    ]
    left_out = sum(_left_out(part, f) for part, f in zip(parts, flags, strict=True))
    return Checked(problems, files_left_out, left_out, flags)


def _left_out(part: Part, flags: bytearray) -> int:
    """How many of a file's entries the figures leave out: invalid, or flagged BAD."""
    if flags.count(0) == len(flags) == len(part.facts):  # none flagged: counted at C speed
        return part.facts.count(None)
    return sum(1 for x, facts in zip(flags, part.facts, strict=True) if x & BAD or facts is None)


def assemble(
    reads: Sequence[FileRead],
    period: tuple[dt.date, dt.date] | None,
    today: dt.date,
    facts: Sequence[list[Any] | None] | None = None,
    hints: HintStore | None = None,
) -> Dataset:
    """Every rule checked over the entries of all `reads` (in order). `facts` may hold each
    file's facts worked out already (see `checks.facts`); `hints`, the suggestions kept from
    earlier runs (see `checks.suggestions`)."""
    given = facts if facts is not None else [None] * len(reads)
    parts = [part_of(read, f) for read, f in zip(reads, given, strict=True)]
    checked = check(
        parts,
        [read.problems for read in reads],
        [bytes(e.bad for e in read.entries) for read in reads],
        [local_findings(read.entries, period, today) for read in reads],
        hints,
    )
    entries: list[Entry] = []
    for read, marks in zip(reads, checked.flags, strict=True):
        mark(read.entries, marks)
        entries.extend(read.entries)
    dataset = Dataset(checked.problems, checked.files_left_out, checked.records_left_out, entries)
    dataset.outline = list(zip(parts, checked.flags, strict=True))
    return dataset


def mark(entries: list[Entry], flags: bytes | bytearray) -> None:
    """Set each entry's `bad` and `duplicate` as `check` found them."""
    for entry, flag in zip(entries, flags, strict=True):
        entry.bad = bool(flag & BAD)
        entry.duplicate = bool(flag & DUPLICATE)
