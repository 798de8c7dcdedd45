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
from pqp_cli.read.workers import Job, Workers

#: Parse in worker processes past these: forking and shipping results back costs ~0.1 s.
POOL_MIN_FILES = 4
POOL_MIN_BYTES = 2_000_000

Extra = Callable[[FileRead], Any]


class Reading(NamedTuple):
    """A file read, what `extra` worked out from it, (when asked for, or when it came from a
    worker) the two as bytes (`filecodec`; None when a record cannot be encoded), and what
    `beside` worked out (shipped beside the bytes, not in them)."""

    read: FileRead
    extra: Any = None
    payload: bytes | None = None
    beside: Any = None


class Shipped(NamedTuple):
    """A file a worker read, left as the bytes it sent (`read_as_done(..., shipped=True)`): the
    caller decodes what it needs of them (`filecodec.decode_outline`), or nothing."""

    payload: bytes
    beside: Any = None


class _Steps(NamedTuple):
    extra: Extra | None
    beside: Extra | None
    encoded: bool
    decoded: bool


def read_files(
    sources: list[Source],
    workers: int | None = None,
    *,
    extra: Extra | None = None,
    encoded: bool = False,
    beside: Extra | None = None,
) -> Iterator[Reading]:
    """Each source's reading, in order. `workers` caps the processes that read, this one
    among them (None: up to 4, one a CPU); `extra` and `beside`, module-level functions (or
    partials of them), run on each reading where it is read (in the worker); `encoded` asks for
    the payload of files read in this process too."""
    for reading in _readings(sources, workers, _Steps(extra, beside, encoded, True)):
        assert isinstance(reading, Reading)
        yield reading


def read_as_done(
    sources: list[Source],
    workers: int | None = None,
    *,
    extra: Extra | None = None,
    beside: Extra | None = None,
    shipped: bool = False,
) -> Iterator[tuple[int, Reading | Shipped]]:
    """Each source's place in `sources` and its reading (with its payload: `read_files(...,
    encoded=True)`; `shipped`: a file a worker read comes as `Shipped`, its bytes not decoded
    here, a fifth of reading it saved when its records are not needed), as each is done rather
    than in order. With worker processes, the largest files are claimed first, so that the
    last ones left are small: the processes end together. (Given in order, a reading waits for
    every file before it, and a large file claimed last kept the other processes waiting: half
    a second of a cold `validate` of files of 1-3 MB.)"""
    places = [n for n, s in enumerate(sources) if s.kind and not s.problem]
    for n, s in enumerate(sources):
        if s.kind is None:
            yield n, Reading(FileRead(s.file, [], [unknown_file(s.file)]))
        elif s.problem is not None:
            yield n, Reading(FileRead(s.file, [], [s.problem]))
    jobs = [(s.kind or "", s.file, s.content or b"") for s in map(sources.__getitem__, places)]
    steps, count = _Steps(extra, beside, True, not shipped), _workers(jobs, workers)
    done = _as_done(jobs, count, steps) if count > 1 else _in_order(jobs, steps)
    with contextlib.closing(done):
        for index, reading in done:
            yield places[index], reading


def _in_order(jobs: list[Job], steps: _Steps) -> Generator[tuple[int, Reading], None, None]:
    for index, job in enumerate(jobs):
        yield index, _read_here(job, steps)


def _as_done(
    jobs: list[Job], workers: int, steps: _Steps
) -> Generator[tuple[int, Reading | Shipped], None, None]:
    """`_pooled`, each reading given as it is done: a worker's as it comes, this process's as
    it reads it. A file a worker took and never sent back is read here once they have all
    ended. A file whose reading raised here is raised once every file before it is given, as
    when one process reads them all: which error a run ends on never depends on which file
    was done first."""
    work = functools.partial(_work, extra=steps.extra, beside=steps.beside)
    largest_first = sorted(range(len(jobs)), key=lambda n: -len(jobs[n][2]))
    with Workers(jobs, workers - 1, work, largest_first) as pool:
        left, failed = set(range(len(jobs))), dict[int, Exception]()
        while left and not (failed and min(failed) < min(left)):
            pool.poll()
            if pool.arrived:
                index, found = pool.arrived.popitem()
                reading = _read_ahead(jobs[index], steps, found)
            elif (mine := pool.claim()) is not None:
                index, reading = mine, _read_ahead(jobs[mine], steps)
            elif not pool.running:  # its worker ended without sending it
                index = min(left)
                reading = _read_ahead(jobs[index], steps)
            else:
                pool.next()
                continue
            left.discard(index)
            if isinstance(reading, Exception):
                failed[index] = reading
            else:
                yield index, reading
        if failed:
            raise failed[min(failed)]


def _readings(
    sources: list[Source], workers: int | None, steps: _Steps
) -> Iterator[Reading | Shipped]:
    jobs = [(s.kind, s.file, s.content or b"") for s in sources if s.kind and not s.problem]
    with contextlib.closing(_parse(jobs, _workers(jobs, workers), steps)) as parsed:
        for s in sources:
            if s.kind is None:
                yield Reading(FileRead(s.file, [], [unknown_file(s.file)]))
            elif s.problem is not None:
                yield Reading(FileRead(s.file, [], [s.problem]))
            else:
                yield next(parsed)


def _parse(
    jobs: list[Job], workers: int, steps: _Steps
) -> Generator[Reading | Shipped, None, None]:
    """The readings in order. This process is one of the `workers`: it reads files itself
    while the pool reads others, and what it reads is neither encoded to be shipped nor
    decoded again (a sixth of a cold load's CPU when every file was shipped)."""
    if workers > 1:
        yield from _pooled(jobs, workers, steps)
        return
    for job in jobs:
        yield _read_here(job, steps)


def _pooled(
    jobs: list[Job], workers: int, steps: _Steps
) -> Generator[Reading | Shipped, None, None]:
    """`_parse` with `workers - 1` worker processes (`Workers`). Each process, this one
    included, takes the next file no one has taken (`Workers.claim`), so all end together
    whatever a file costs where (this one also takes in what the workers send: a share fixed
    in advance left one side idle at the end, by a tenth of the run on hand-written files).
    The readings are yielded in order: while the file whose turn it is is still with a worker,
    this process reads the next free one. A file a worker took and never sent back (the
    worker died) is read here, once every worker has ended: the same reading."""
    work = functools.partial(_work, extra=steps.extra, beside=steps.beside)
    with Workers(jobs, workers - 1, work) as pool:
        ahead: dict[int, Reading | Shipped | Exception] = {}
        for index, job in enumerate(jobs):
            while index not in ahead:
                pool.poll()
                if index in pool.arrived:
                    ahead[index] = _taken_in(job, pool.arrived.pop(index), steps)
                elif (mine := pool.claim()) is not None:
                    ahead[mine] = _read_ahead(jobs[mine], steps)
                elif not pool.running:  # its worker ended without sending it
                    ahead[index] = _read_here(job, steps)
                else:
                    pool.next()
            if isinstance(reading := ahead.pop(index), Exception):
                raise reading
            yield reading


def _read_ahead(job: Job, steps: _Steps, found: Any = None) -> Reading | Shipped | Exception:
    """A file read before its turn (or taken in from what a worker `found`), or the error
    reading it raised: raised at its turn, once every file before it has been given, as when
    one process reads them all."""
    try:
        return _read_here(job, steps) if found is None else _taken_in(job, found, steps)
    except Exception as error:  # noqa: BLE001 - raised again at its turn
        return error


def _taken_in(job: Job, found: Any, steps: _Steps) -> Reading | Shipped:
    """A worker's reading of `job` as `_parse` gives it; read here when the worker could not."""
    payload, beside = found
    if payload is None:
        return _read_here(job, steps)
    if not steps.decoded:
        return Shipped(payload, beside)
    return Reading(*decode_read(job[0], job[1], payload), payload, beside)


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


def _read_here(job: Job, steps: _Steps) -> Reading:
    read = read_records(*job)
    found = steps.extra(read) if steps.extra is not None else None
    also = steps.beside(read) if steps.beside is not None else None
    if not steps.encoded:
        return Reading(read, found, None, also)
    try:
        return Reading(read, found, encode_read(job[0], read, found), also)
    except Unsupported:
        return Reading(read, found, None, also)


def _work(job: Job, extra: Extra | None, beside: Extra | None) -> tuple[bytes | None, Any]:
    """In a worker process: one file's reading, encoded, and what `beside` found (None: read
    it in the parent)."""
    read = read_records(*job)
    try:
        payload = encode_read(job[0], read, extra(read) if extra is not None else None)
    except Unsupported:
        return None, None
    return payload, beside(read) if beside is not None else None
