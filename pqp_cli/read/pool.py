"""Every data file read, in order: in this process, or in worker processes when there is enough
to read that forking pays (a national dataset's files parse in parallel)."""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
from collections.abc import Callable, Generator, Iterator
from typing import Any, NamedTuple

from pqp_cli.read.filecodec import Unsupported, decode_read, encode_read
from pqp_cli.read.loading import FileRead, read_records, unknown_file
from pqp_cli.read.sources import Source

#: Parse in worker processes past these: forking and shipping results back costs ~0.1 s.
POOL_MIN_FILES = 4
POOL_MIN_BYTES = 2_000_000

Extra = Callable[[FileRead], Any]


class Reading(NamedTuple):
    """A file read, what `extra` worked out from it, and (when asked for, or when it came from
    a worker) the two as bytes (`filecodec`; None when a record cannot be encoded)."""

    read: FileRead
    extra: Any = None
    payload: bytes | None = None


def read_files(
    sources: list[Source],
    workers: int | None = None,
    *,
    extra: Extra | None = None,
    encoded: bool = False,
) -> Iterator[Reading]:
    """Each source's reading, in order. `workers` caps the processes that read, this one
    among them (None: up to 4, one a CPU); `extra`, a module-level function, runs beside each reading (in the worker);
    `encoded` asks for the payload of files read in this process too."""
    jobs = [(s.kind, s.file, s.content or b"") for s in sources if s.kind and not s.problem]
    with contextlib.closing(_parse(jobs, _workers(jobs, workers), extra, encoded)) as parsed:
        for s in sources:
            if s.kind is None:
                yield Reading(FileRead(s.file, [], [unknown_file(s.file)]))
            elif s.problem is not None:
                yield Reading(FileRead(s.file, [], [s.problem]))
            else:
                yield next(parsed)


Job = tuple[str, str, bytes]


def _parse(
    jobs: list[Job], workers: int, extra: Extra | None, encoded: bool
) -> Generator[Reading, None, None]:
    """The readings in order. This process is one of the `workers`: it reads its share of the
    files itself while the pool reads the rest, and what it reads is neither encoded to be
    shipped nor decoded again (a sixth of a cold load's CPU when every file was shipped)."""
    if workers < 2:
        for job in jobs:
            yield _read_here(job, extra, encoded)
        return
    here = _shares(jobs, workers)
    context = multiprocessing.get_context("fork")
    with context.Pool(workers - 1) as pool:
        work = functools.partial(_work, extra=extra)
        shipped = pool.imap(work, [job for job, mine in zip(jobs, here, strict=True) if not mine])
        for job, mine in zip(jobs, here, strict=True):
            payload = None if mine else next(shipped)
            if payload is None:
                yield _read_here(job, extra, encoded)
            else:
                yield Reading(*decode_read(job[0], job[1], payload), payload)


#: What taking in a file another process read costs this one (decoding its reading, keeping
#: its cache entry), against reading it: about a fifth, measured on both benchmark layouts.
DECODE_COST = 0.2


def parent_share(workers: int) -> float:
    """The part of the bytes this process reads so that it ends with the pool: it reads its
    part (each byte costing 1) and takes in the rest (each costing DECODE_COST), while each of
    the other `workers - 1` reads an equal part of the rest."""
    others = workers - 1
    return (1 - DECODE_COST * others) / ((1 - DECODE_COST) * others + 1) if others else 1.0


def _shares(jobs: list[Job], workers: int) -> list[bool]:
    """Which jobs this process reads: in turn with the pool, so that at each point about its
    share (`parent_share`) of the bytes so far is its own and neither side waits long."""
    here = []
    seen = kept = 0
    share = max(parent_share(workers), 0.0)
    for _, _, content in jobs:
        size = len(content)
        seen += size
        mine = kept + size / 2 < seen * share
        kept += size if mine else 0
        here.append(mine)
    return here


def _workers(jobs: list[Job], wanted: int | None) -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = wanted if wanted is not None else min(cpus or 1, 4)
    if (
        len(jobs) < POOL_MIN_FILES
        or sum(len(c) for _, _, c in jobs) < POOL_MIN_BYTES
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return 1
    return min(workers, len(jobs))


def _read_here(job: Job, extra: Extra | None, encoded: bool) -> Reading:
    read = read_records(*job)
    found = extra(read) if extra is not None else None
    if not encoded:
        return Reading(read, found)
    try:
        return Reading(read, found, encode_read(job[0], read, found))
    except Unsupported:
        return Reading(read, found)


def _work(job: Job, extra: Extra | None) -> bytes | None:
    """In a worker process: one file's reading, encoded (None: read it in the parent)."""
    read = read_records(*job)
    try:
        return encode_read(job[0], read, extra(read) if extra is not None else None)
    except Unsupported:
        return None
