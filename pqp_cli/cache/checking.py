"""The data checked through the cache, when the files' digests name no dataset seen before.

Each file comes back from its entry as far as the rules across records need it (its entries'
ids, names and facts, its problems: `read.filecodec.decode_outline`; no record is decoded), or
is read afresh (and its entry stored). The rules on one record come back from the file's own
entry of local findings (by its content, the period and today), else are worked out from its
records and kept. Then every rule across records runs over all the files (`checks.assemble.check`).
So an edited record costs its own file's reading and the rules across records, not every
file's records; those are decoded only when a figure asks for them.
"""

from __future__ import annotations

import datetime as dt
import functools
import marshal
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from pqp_cli.cache.memo import HintEntries
from pqp_cli.cache.store import DataCache, file_entry
from pqp_cli.checks.assemble import Checked, Local, check, mark, part_of
from pqp_cli.checks.cross import Part
from pqp_cli.checks.facts import file_facts
from pqp_cli.checks.rules import Row, as_findings, local_rows
from pqp_cli.core.problems import Problem
from pqp_cli.core.settings import Settings
from pqp_cli.read.filecodec import decode_outline, decode_read
from pqp_cli.read.loading import Dataset, Entry, FileRead
from pqp_cli.read.pool import Reading as Read
from pqp_cli.read.pool import read_as_done, read_files
from pqp_cli.read.sources import Source

Period = tuple[dt.date, dt.date] | None

#: A file read this run: its reading and its records' facts.
Reading = tuple[FileRead, Any]


class Stale(Exception):
    """A file entry the dataset refers to is gone or unreadable."""


@dataclass
class _File:
    """One file as this run has it: its part for the rules, its reading's problems and flags,
    and either its entries (read this run) or its entry's payload (from the cache)."""

    part: Part
    problems: list[Problem]
    bad: bytes
    read: FileRead | None = None
    payload: bytes | None = None
    local: list[Row] | None = None  # its local findings, worked out where it was read


def read_and_check(
    cache: DataCache,
    sources: list[Source],
    names: list[str],
    period: Period,
    today: dt.date,
    settings: Settings,
    fresh: dict[str, Reading] | None = None,
) -> tuple[Dataset, Checked, list[str]]:
    """The dataset, what `check` found (its flags, for the dataset's entry) and the names of
    the entries of local findings it used (in use: not to be pruned). `fresh` holds files
    already read this run, by their entries' names."""
    fresh = fresh or {}
    files = [
        _fresh(*fresh[n]) if n in fresh else _outline(cache, s, n)
        for s, n in zip(sources, names, strict=True)
    ]
    local_names = [_local_name(s, n, period, today) for s, n in zip(sources, names, strict=True)]
    _read_misses(cache, files, sources, names, local_names, (period, today), settings)
    ready = [f for f in files if f is not None]
    local = [
        _local(cache, f, s, name, period, today)
        for f, s, name in zip(ready, sources, local_names, strict=True)
    ]
    checked = check(
        [f.part for f in ready], [f.problems for f in ready], [f.bad for f in ready], local,
        HintEntries(cache),
    )  # fmt: skip
    entries = _entries(cache, ready, sources, names, checked.flags, settings.workers)
    dataset = Dataset(checked.problems, checked.files_left_out, checked.records_left_out, entries)
    dataset.outline = [(f.part, flags) for f, flags in zip(ready, checked.flags, strict=True)]
    return dataset, checked, [n for n in local_names if n]


def _read_misses(
    cache: DataCache,
    files: list[_File | None],
    sources: list[Source],
    names: list[str],
    local_names: list[str],
    when: tuple[Period, dt.date],
    settings: Settings,
) -> None:
    """Read the files `files` lacks (None), each entry stored as it comes (none kept), with
    their local findings worked out where each is read. For a command that reads no record
    (`Settings.reads_records`), a file a worker read is taken in as its outline, its records
    left in the entry until a figure asks for them after all."""
    misses = [i for i, f in enumerate(files) if f is None]
    beside = functools.partial(local_rows, period=when[0], today=when[1])
    missed = [sources[i] for i in misses]
    shipped = not settings.reads_records
    readings = read_as_done(
        missed, settings.workers, extra=file_facts, beside=beside, shipped=shipped
    )
    for place, reading in readings:  # (each file's entry is its own: any order will do)
        i = misses[place]
        source, name, local_name = sources[i], names[i], local_names[i]
        stored = reading.payload is not None and bool(name) and cache.put(name, reading.payload)
        if local_name and reading.beside is not None:
            cache.put(local_name, marshal.dumps(reading.beside))
        if isinstance(reading, Read):
            files[i] = _fresh(reading.read, reading.extra, reading.beside)
        elif stored:
            files[i] = _from_payload(source, reading.payload, reading.beside)
        else:  # no entry to read the records back from (a read-only cache): keep them
            files[i] = _fresh(
                *decode_read(source.kind or "", source.file, reading.payload), reading.beside
            )


def _fresh(read: FileRead, facts: Any, local: list[Row] | None = None) -> _File:
    """A file read this run."""
    bad = bytes(1 if e.bad else 0 for e in read.entries)
    return _File(part_of(read, facts), read.problems, bad, read=read, local=local)


def _outline(cache: DataCache, source: Source, name: str) -> _File | None:
    """A data file's outline as stored, or None (not there, or not as this pqp writes it:
    read the file)."""
    if not name or source.kind is None:
        return None
    payload = cache.get(name)
    if payload is None:
        return None
    try:
        return _from_payload(source, payload)
    except Exception:  # noqa: BLE001 - a corrupt entry is rebuilt, never fatal
        return None


def _from_payload(source: Source, payload: bytes, local: list[Row] | None = None) -> _File:
    """A file as its entry's outline has it; raises on an entry this pqp did not write."""
    heads, bad, problems, lines, facts = decode_outline(source.file, payload)
    part = Part(source.kind or "", source.file, heads, facts, lines)
    return _File(part, problems, bad, payload=payload, local=local)


def _local_name(source: Source, name: str, period: Period, today: dt.date) -> str:
    """The entry of a file's local findings: by its reading's entry, the period and today."""
    return file_entry(source.kind or "", f"{name}\0local\0{period}\0{today}") if name else ""


def _local(
    cache: DataCache, f: _File, source: Source, name: str, period: Period, today: dt.date
) -> Local:
    """The file's local findings: worked out where it was read this run, else kept, else
    worked out from its records (and kept)."""
    if f.local is not None:
        return as_findings(source.file, f.local)
    if name:
        try:
            return as_findings(source.file, marshal.loads(cache.get(name) or b""))
        except Exception:  # noqa: BLE001 - none kept, or not as this pqp keeps them
            pass
    if f.read is not None:
        entries = f.read.entries
    elif f.payload is not None and source.kind is not None:
        entries = decode_read(source.kind, source.file, f.payload)[0].entries
    else:
        entries = []
    rows = local_rows(FileRead(source.file, entries, []), period, today)
    if name:
        cache.put(name, marshal.dumps(rows))
    return as_findings(source.file, rows)


def _entries(
    cache: DataCache,
    files: list[_File],
    sources: list[Source],
    names: list[str],
    flags: list[bytearray],
    workers: int | None,
) -> list[Entry] | Callable[[], list[Entry]]:
    """The entries of every file, marked: a list when every file was read this run, else read
    back from the cache when first asked for; should an entry have vanished meanwhile (the
    cache cleared, pruned by another run), from the bytes this run hashed, kept till then."""
    if all(f.read is not None for f in files):
        entries: list[Entry] = []
        for f, marks in zip(files, flags, strict=True):
            assert f.read is not None
            mark(f.read.entries, marks)
            entries.extend(f.read.entries)
        return entries
    wanted: list[tuple[list[Entry] | None, str | None, str, str, bytes]] = [
        (f.read.entries if f.read else None, s.kind, s.file, name, bytes(marks))
        for f, s, name, marks in zip(files, sources, names, flags, strict=True)
    ]
    kept = [None if f.read else replace(s) for f, s in zip(files, sources, strict=True)]
    for f in files:
        f.payload = None  # read back from the cache when asked for, not kept meanwhile

    def entries_read() -> list[Entry]:
        found: list[Entry] = []
        for (read, kind, file, name, marks), source in zip(wanted, kept, strict=True):
            here = read if read is not None else _decoded(cache, kind, file, name, source, workers)
            if len(here) != len(marks):
                raise Stale(name)
            mark(here, marks)
            found.extend(here)
        kept[:] = [None] * len(kept)  # only once read: a failed reading may be asked again
        return found

    return entries_read


def _decoded(
    cache: DataCache,
    kind: str | None,
    file: str,
    name: str,
    source: Source | None,
    workers: int | None,
) -> list[Entry]:
    """A file's entries from its cache entry, else read again from the bytes kept."""
    payload = cache.get(name) if name else None
    try:
        if payload is not None and kind is not None:
            return decode_read(kind, file, payload)[0].entries
    except Exception:  # noqa: BLE001 - not as this pqp writes it: read the bytes again
        pass
    if source is None or source.content is None:
        raise Stale(name)
    [(read, *_)] = read_files([source], workers, extra=file_facts, encoded=True)
    return read.entries
