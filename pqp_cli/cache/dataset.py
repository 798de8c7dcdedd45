"""Loading through the cache: the same dataset as reading and checking every file, from the
cheapest to the dearest (see `pqp_cli.cache.store` for the entries).

Every file is read and hashed (sha256) on every run, so any changed byte is seen. Then:
- the whole dataset (every file's digest and name, today, the period) was seen before: its
  problems come back at once and its records only when asked for (`validate` never asks);
- else each unchanged file's reading (and its records' facts) comes back from its own entry,
  only the changed files are read, then the cross-record rules run over all of them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pqp_cli.cache.checking import Reading, Stale, read_and_check
from pqp_cli.cache.memo import MetricMemo
from pqp_cli.cache.store import DataCache, file_entry, salt
from pqp_cli.checks.facts import file_facts
from pqp_cli.core.problems import Problem
from pqp_cli.core.settings import Settings
from pqp_cli.read.filecodec import decode_read, same_reading
from pqp_cli.read.loading import Dataset, Entry
from pqp_cli.read.pool import read_files
from pqp_cli.read.sources import Source

Period = tuple[dt.date, dt.date] | None


def load(
    data_dir: Path, sources: list[Source], period: Period, today: dt.date, settings: Settings
) -> Dataset | None:
    """What reading `sources` and checking them gives, through the cache under `data_dir`;
    None when the cache cannot be used this run (no user key to sign with, or the cache
    folder is a link)."""
    cache = DataCache(data_dir, settings)
    if not cache.enabled:
        return None
    digests = [_digest(s) for s in sources]
    names = _entry_names(sources, digests)
    key = _dataset_key(sources, digests, period, today)
    when = (period, today)
    fresh: dict[str, Reading] = {}  # files read this run (by their entries' names)
    found = _from_cache(cache, key, sources, names, when, settings) if key else None
    if found is None and key:
        found = _as_last_time(cache, key, sources, names, when, settings, fresh)
    read_all = found is None
    in_use: list[str] = []
    if found is None:
        dataset, checked, in_use = read_and_check(
            cache, sources, names, period, today, settings, fresh
        )
        found = (dataset, key or "", names)
        if key:
            _store(cache, key, dataset, checked.flags, sources, names)
    dataset, memo_key, used = found
    if key:
        dataset.memo = MetricMemo(cache, f"m/{memo_key}")
        _remember(cache, key, when)
    for source in sources:
        source.content = None
    cache.prune({name for name in [*names, *used, *in_use] if name}, files=read_all)
    return dataset


def _digest(source: Source) -> str:
    return hashlib.sha256(source.content).hexdigest() if source.content is not None else ""


def _entry_names(sources: list[Source], digests: list[str]) -> list[str]:
    """The name of each readable data file's entry ("" for any other): by its kind, content
    digest and name as shown (messages name files)."""
    return [
        file_entry(s.kind, f"{digest}\0{s.file}") if s.kind and s.content is not None else ""
        for s, digest in zip(sources, digests, strict=True)
    ]


def _dataset_key(
    sources: list[Source], digests: list[str], period: Period, today: dt.date
) -> str | None:
    """Every file's kind, name and digest; today; the period (None: a file was unreadable)."""
    if any(s.problem for s in sources):
        return None
    h = hashlib.sha256(f"{salt()}\0dataset\0{today}\0{period}\n".encode())
    for s, digest in zip(sources, digests, strict=True):
        h.update(f"{s.kind}\0{s.file}\0{digest}\n".encode())
    return h.hexdigest()


# --- each file's reading -----------------------------------------------------------------------


# --- the whole dataset ---------------------------------------------------------------------------


def _store(
    cache: DataCache,
    key: str,
    dataset: Dataset,
    flags: list[bytearray],
    sources: list[Source],
    names: list[str],
) -> None:
    """The dataset's problems, what it left out, and each entry's flags (bad, duplicate) by
    file: with the files' own entries (named here, with each file's kind and name), all a
    later run needs. Its answers are kept under its own key."""
    index = {s.file: i for i, s in enumerate(sources)}
    if any(p.file not in index for p in dataset.problems) or len(flags) != len(sources):
        return
    problems = [
        (index[p.file], p.code, p.line, p.en, p.vi, p.record, p.field, p.kind)
        for p in dataset.problems
    ]
    left_out = [index[f] for f in dataset.files_left_out]
    files = [(s.kind, s.file) for s in sources]
    marks = [bytes(m) for m in flags]
    stored = (problems, left_out, dataset.records_left_out, marks, files, names, key)
    cache.put(f"d/{key}", marshal.dumps(stored))


Found = tuple[Dataset, str, list[str]]


def _from_cache(
    cache: DataCache,
    key: str,
    sources: list[Source],
    names: list[str],
    when: tuple[Period, dt.date],
    settings: Settings,
) -> Found | None:
    """The dataset as stored under `key` (with the key its answers are kept under and the
    file entries it reads its records from), its records read back only when asked for."""
    payload = cache.get(f"d/{key}")
    if payload is None:
        return None
    try:
        problems, left_out, records_left_out, flags, files, used, memo_key = marshal.loads(payload)
        shown = [s.file for s in sources]
        found = [
            Problem(code, shown[i], line, en, vi, record, field, kind)
            for i, code, line, en, vi, record, field, kind in problems
        ]
        files_left_out = [shown[i] for i in left_out]
        if files != [(s.kind, s.file) for s in sources] or not len(flags) == len(used) == len(
            sources
        ):
            return None
    except Exception:  # noqa: BLE001 - a corrupt entry: read the files
        return None
    cached = _entries_from(cache, sources, used, flags)
    # The bytes as they were read now, kept until the records are: should an entry vanish
    # meanwhile (the cache cleared, pruned by another run), they are read from these, never
    # from files edited since, so the records stay those the problems were found in.
    kept = [replace(s) for s in sources]

    def entries() -> list[Entry]:
        try:
            found = cached()
        except Stale:  # an entry vanished meanwhile: read the bytes kept again
            found = read_and_check(cache, kept, names, *when, settings)[0].entries
        kept.clear()  # only once read: a reading that failed may be asked for again
        return found

    dataset = Dataset(found, files_left_out, records_left_out, entries)
    return dataset, str(memo_key), list(used)


# --- the same records as last time ------------------------------------------------------------

#: Which dataset the last run read (its key and the period and day it was checked for).
_LAST = "d/" + hashlib.sha256(f"{salt()}\0last".encode()).hexdigest()


def _remember(cache: DataCache, key: str, when: tuple[Period, dt.date]) -> None:
    """Point `_LAST` at this run's dataset (written only when it changes: a warm run writes
    nothing)."""
    last = marshal.dumps((key, repr(when)))
    if cache.get(_LAST) != last:
        cache.put(_LAST, last)


def _as_last_time(
    cache: DataCache,
    key: str,
    sources: list[Source],
    names: list[str],
    when: tuple[Period, dt.date],
    settings: Settings,
    fresh: dict[str, Reading],
) -> Found | None:
    """The dataset the last run read, when only files whose records read the same changed
    since (a comment, a blank line, another quoting: every record, value, line and problem
    equal): its problems, flags and answers hold as they are. It is stored under `key` too,
    so the next run finds it at once. None when anything else changed."""
    try:
        last_key, last_when = marshal.loads(cache.get(_LAST) or b"")
        payload = cache.get(f"d/{last_key}") if last_when == repr(when) else None
        if payload is None:
            return None
        files, used = marshal.loads(payload)[4:6]
    except Exception:  # noqa: BLE001 - none, or not as this pqp writes it
        return None
    if files != [(s.kind, s.file) for s in sources] or len(used) != len(sources):
        return None
    changed = [i for i, (was, now) in enumerate(zip(used, names, strict=True)) if was != now]
    if not all(
        _reads_the_same(cache, sources[i], names[i], used[i], settings, fresh) for i in changed
    ):
        return None
    cache.put(f"d/{key}", payload)
    return _from_cache(cache, key, sources, names, when, settings)


def _reads_the_same(
    cache: DataCache,
    source: Source,
    name: str,
    was: str,
    settings: Settings,
    fresh: dict[str, Reading],
) -> bool:
    """Whether `source` reads as the file whose entry is `was` did: the same entries (ids,
    lines, records), problems and facts. The file is read if need be (its entry stored, its
    reading kept in `fresh` for checking, should it differ)."""
    if not name or not was:
        return False
    before = cache.get(was)
    now = cache.get(name)
    if now is None:
        [(read, facts, now, _)] = read_files(
            [source], settings.workers, extra=file_facts, encoded=True
        )
        fresh[name] = (read, facts)
        if now is None:
            return False
        cache.put(name, now)
    try:
        return before is not None and same_reading(before, now)
    except Exception:  # noqa: BLE001 - an entry not as this pqp writes it
        return False


def _entries_from(
    cache: DataCache, sources: list[Source], names: list[str], flags: list[bytes]
) -> Callable[[], list[Entry]]:
    wanted = [
        (s.kind, s.file, name, marks)
        for s, name, marks in zip(sources, names, flags, strict=True)
        if s.kind
    ]

    def entries() -> list[Entry]:
        found: list[Entry] = []
        for kind, file, name, marks in wanted:
            payload = cache.get(name) if name else None
            if payload is None:
                raise Stale(name)
            try:
                file_entries = decode_read(kind, file, payload)[0].entries
            except Exception as exc:
                raise Stale(name) from exc
            if len(file_entries) != len(marks):
                raise Stale(name)
            for entry, mark in zip(file_entries, marks, strict=True):
                entry.bad = bool(mark & 1)
                entry.duplicate = bool(mark & 2)
            found.extend(file_entries)
        return found

    return entries
