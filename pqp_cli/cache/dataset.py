"""The data folder read through the cache: per-file readings, whole-dataset results, a pool.

Every file is read and hashed (sha256) on every run, so any changed byte is seen. Then, from
the cheapest to the dearest:
- the whole dataset (every file's digest and name, today, the period) was seen before: its
  problems come back at once and its records only when asked for (`validate` never asks);
- else each unchanged file's reading comes back from its own entry, and only the changed files
  are parsed (in two worker processes when there are many), then the cross-record rules run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import multiprocessing
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pqp_cli.cache.store import DataCache, MetricMemo, file_entry, salt
from pqp_cli.checks.rules import record_facts
from pqp_cli.core.models import MODELS
from pqp_cli.core.problems import Problem, display_path
from pqp_cli.read.loading import (
    Dataset,
    Entry,
    Lines,
    build,
    read_file_lines,
    unknown_file,
    unreadable,
)
from pqp_cli.read.recordcodec import ModelCodec, Unsupported

CODECS = {kind: ModelCodec(model) for kind, model in MODELS.items()}
#: Parse in worker processes past these: forking and shipping results back costs ~0.1 s.
POOL_MIN_FILES = 4
POOL_MIN_BYTES = 2_000_000

Read = tuple[str, list[Entry], list[Problem]]


@dataclass
class Source:
    """One file under the data folder: its kind, how it is shown, its bytes and their digest."""

    kind: str | None
    path: Path
    file: str
    content: bytes | None = None
    digest: str = ""
    problem: Problem | None = None  # it could not be read

    @property
    def entry_name(self) -> str:
        assert self.kind is not None
        return file_entry(self.kind, f"{self.digest}\0{self.file}")


def load(
    data_dir: Path,
    files: list[tuple[str | None, Path]],
    overrides: dict[Path, str],
    period: tuple[dt.date, dt.date] | None,
    today: dt.date,
    enabled: bool,
) -> Dataset:
    """What `loading.load_dataset` returns, through the cache when it is `enabled`."""
    cache = DataCache(data_dir, enabled)
    sources = _sources(files, overrides)
    key = _dataset_key(sources, period, today) if cache.enabled else None
    dataset = _from_cache(cache, key, sources) if key else None
    if dataset is None:
        per_file = _read_all(cache, sources)
        dataset = build(per_file, period, today)
        if key:
            _store(cache, key, dataset, sources, per_file)
    if dataset._pending is not None:
        cached = dataset._pending

        def entries() -> list[Entry]:
            try:
                return cached()
            except _Stale:  # an entry vanished meanwhile: read the files again
                again = _sources(files, overrides)
                return build(_read_all(cache, again), period, today).entries

        dataset.defer(entries)
    if key:
        dataset.memo = MetricMemo(cache, f"m/{key}")
    for source in sources:
        source.content = None
    cache.prune({s.entry_name for s in sources if s.kind is not None and not s.problem})
    return dataset


def _sources(files: list[tuple[str | None, Path]], overrides: dict[Path, str]) -> list[Source]:
    found = []
    for kind, path in files:
        source = Source(kind, path, display_path(path))
        if kind is not None:
            text = overrides.get(path)
            try:
                content = path.read_bytes() if text is None else text.encode("utf-8")
            except OSError as exc:
                source.problem = unreadable(source.file, kind, exc)
            else:
                source.content = content
                source.digest = hashlib.sha256(content).hexdigest()
        found.append(source)
    return found


def _dataset_key(
    sources: list[Source], period: tuple[dt.date, dt.date] | None, today: dt.date
) -> str | None:
    """Every file's kind, name (as shown: messages name files) and digest; today; the period."""
    if any(s.problem for s in sources):
        return None
    h = hashlib.sha256(f"{salt()}\0dataset\0{today}\0{period}\n".encode())
    for s in sources:
        h.update(f"{s.kind}\0{s.file}\0{s.digest}\n".encode())
    return h.hexdigest()


# --- one file's reading ------------------------------------------------------------------------


def _encode(
    kind: str,
    entries: list[Entry],
    problems: list[Problem],
    item_lines: list[dict[tuple[Any, ...], int]],
) -> tuple[bytes, bytes]:
    """A file's reading as plain values, and its lines alone (raises Unsupported for a record
    the codec cannot take)."""
    encode = CODECS[kind].encode
    rows = []
    for e in entries:
        if e.model is not None and e.facts is None:
            e.facts = record_facts(kind, e.model)
        model = None if e.model is None else encode(e.model)
        rows.append((e.index, e.line, e.id, e.name, e.bad, model, e.facts))
    found = [(p.code, p.line, p.en, p.vi, p.record, p.field, p.kind) for p in problems]
    lines = marshal.dumps(item_lines)
    return marshal.dumps((rows, found, lines)), lines


def _decode(kind: str, file: str, payload: bytes) -> tuple[list[Entry], list[Problem]]:
    rows, found, lines = marshal.loads(payload)
    source = Lines(lines)
    decode = CODECS[kind].decode
    entries = [
        Entry(kind, file, line, rid, name, index, source, None, m and decode(m), bad, False, facts)
        for index, line, rid, name, bad, m, facts in rows
    ]
    problems = [
        Problem(code, file, line, en, vi, record, field, pkind)
        for code, line, en, vi, record, field, pkind in found
    ]
    return entries, problems


def _read_all(cache: DataCache, sources: list[Source]) -> list[Read]:
    """Each file's reading, in order: from the cache, else parsed (and then cached)."""
    results: list[Read | None] = [None] * len(sources)
    misses = []
    for i, s in enumerate(sources):
        if s.kind is None:
            results[i] = (s.file, [], [unknown_file(s.file)])
        elif s.problem is not None:
            results[i] = (s.file, [], [s.problem])
        else:
            payload = cache.get(s.entry_name)
            if payload is not None:
                try:
                    results[i] = (s.file, *_decode(s.kind, s.file, payload))
                    continue
                except Exception:  # noqa: S110 - a corrupt entry is rebuilt, never fatal
                    pass
            misses.append(i)
    for i, (entries, problems, payload) in zip(
        misses, _parse([sources[i] for i in misses]), strict=True
    ):
        results[i] = (sources[i].file, entries, problems)
        if payload is not None:
            cache.put(sources[i].entry_name, payload)
    return [r for r in results if r is not None]


def _parse(sources: list[Source]) -> Iterator[tuple[list[Entry], list[Problem], bytes | None]]:
    """Parse files the cache did not have: in worker processes when it pays."""
    jobs = [(s.kind or "", s.file, s.content or b"") for s in sources]
    workers = _workers(jobs)
    if workers < 2:
        for job in jobs:
            yield _read_here(*job)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        for job, payload in zip(jobs, pool.imap(_work, jobs), strict=True):
            if payload is None:
                yield _read_here(*job)
            else:
                yield (*_decode(job[0], job[1], payload), payload)


def _workers(jobs: list[tuple[str, str, bytes]]) -> int:
    wanted = os.environ.get("PQP_WORKERS", "")
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = int(wanted) if wanted.isdigit() else min(cpus or 1, 4)
    if (
        len(jobs) < POOL_MIN_FILES
        or sum(len(c) for _, _, c in jobs) < POOL_MIN_BYTES
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return 1
    return min(workers, len(jobs))


def _read_here(
    kind: str, file: str, content: bytes
) -> tuple[list[Entry], list[Problem], bytes | None]:
    entries, problems, item_lines = read_file_lines(kind, file, content)
    try:
        payload, lines = _encode(kind, entries, problems, item_lines)
    except Unsupported:
        return entries, problems, None
    shared = Lines(lines)  # the lines as cached: no dicts kept per record
    for entry in entries:
        entry.source = shared
    return entries, problems, payload


def _work(job: tuple[str, str, bytes]) -> bytes | None:
    """In a worker process: one file's reading, encoded (None: read it in the parent)."""
    kind, file, content = job
    entries, problems, item_lines = read_file_lines(kind, file, content)
    try:
        return _encode(kind, entries, problems, item_lines)[0]
    except Unsupported:
        return None


# --- the whole dataset ---------------------------------------------------------------------------


class _Stale(Exception):
    """A file entry the dataset entry refers to is gone or unreadable."""


def _store(
    cache: DataCache, key: str, dataset: Dataset, sources: list[Source], per_file: list[Read]
) -> None:
    index = {s.file: i for i, s in enumerate(sources)}
    if any(p.file not in index for p in dataset.problems):
        return
    problems = [
        (index[p.file], p.code, p.line, p.en, p.vi, p.record, p.field, p.kind)
        for p in dataset.problems
    ]
    flags = [bytes(e.bad | e.duplicate << 1 for e in entries) for _, entries, _ in per_file]
    left_out = [index[f] for f in dataset.files_left_out]
    payload = marshal.dumps((problems, left_out, dataset.records_left_out, flags))
    cache.put(f"d/{key}", payload)


def _from_cache(cache: DataCache, key: str, sources: list[Source]) -> Dataset | None:
    payload = cache.get(f"d/{key}")
    if payload is None:
        return None
    try:
        problems, left_out, records_left_out, flags = marshal.loads(payload)
        files = [s.file for s in sources]
        dataset = Dataset()
        dataset.problems = [
            Problem(code, files[i], line, en, vi, record, field, kind)
            for i, code, line, en, vi, record, field, kind in problems
        ]
        dataset.files_left_out = [files[i] for i in left_out]
        dataset.records_left_out = records_left_out
        if len(flags) != len(sources):
            return None
    except Exception:  # a corrupt entry: read the files
        return None
    dataset.defer(_entries_from(cache, sources, flags))
    return dataset


def _entries_from(
    cache: DataCache, sources: list[Source], flags: list[bytes]
) -> Callable[[], list[Entry]]:
    wanted = [
        (s.kind, s.file, s.entry_name, f) for s, f in zip(sources, flags, strict=True) if s.kind
    ]

    def entries() -> list[Entry]:
        found: list[Entry] = []
        for kind, file, name, marks in wanted:
            payload = cache.get(name)
            if payload is None:
                raise _Stale(name)
            try:
                file_entries, _ = _decode(kind, file, payload)
            except Exception as exc:
                raise _Stale(name) from exc
            if len(file_entries) != len(marks):
                raise _Stale(name)
            for entry, mark in zip(file_entries, marks, strict=True):
                entry.bad = bool(mark & 1)
                entry.duplicate = bool(mark & 2)
            found.extend(file_entries)
        return found

    return entries
