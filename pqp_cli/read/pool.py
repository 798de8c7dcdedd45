"""Every data file read, in order: in this process, or in worker processes when there is enough
to read that forking pays (a national dataset's files parse in parallel)."""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import signal
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
    """A file read, what `extra` worked out from it, (when asked for, or when it came from a
    worker) the two as bytes (`filecodec`; None when a record cannot be encoded), and what
    `beside` worked out (shipped beside the bytes, not in them)."""

    read: FileRead
    extra: Any = None
    payload: bytes | None = None
    beside: Any = None


class Shipped(NamedTuple):
    """A file a worker read, left as the bytes it sent (`read_files(..., decoded=False)`): the
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


def read_or_ship(
    sources: list[Source],
    workers: int | None = None,
    *,
    extra: Extra | None = None,
    beside: Extra | None = None,
) -> Iterator[Reading | Shipped]:
    """`read_files(..., encoded=True)`, but a file a worker read comes as `Shipped`: its bytes
    are not decoded here (a fifth of reading it, saved, when its records are not needed)."""
    return _readings(sources, workers, _Steps(extra, beside, True, False))


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


Job = tuple[str, str, bytes]


def _parse(
    jobs: list[Job], workers: int, steps: _Steps
) -> Generator[Reading | Shipped, None, None]:
    """The readings in order. This process is one of the `workers`: it reads its share of the
    files itself while the pool reads the rest, and what it reads is neither encoded to be
    shipped nor decoded again (a sixth of a cold load's CPU when every file was shipped).
    Should a worker die, the files not yet taken in are all read here (the same readings)."""
    done = 0
    if workers > 1:
        from concurrent.futures.process import BrokenProcessPool  # 10 ms: only when it forks

        try:
            with contextlib.closing(_pooled(jobs, workers, steps)) as pooled:
                for reading in pooled:
                    yield reading
                    done += 1
        except BrokenProcessPool:
            pass
    for job in jobs[done:]:
        yield _read_here(job, steps)


def _pooled(
    jobs: list[Job], workers: int, steps: _Steps
) -> Generator[Reading | Shipped, None, None]:
    """`_parse` with `workers - 1` worker processes; raises BrokenProcessPool when one died.

    A `concurrent.futures` pool, not a `multiprocessing.Pool`: a worker killed without a word
    (SIGKILL: the out-of-memory killer; a crash in a C extension) breaks it at once, where a
    `Pool` forks a new worker and waits forever for the file the dead one held, its
    `terminate` too (the dead worker may hold the lock of the tasks' queue). The workers leave
    Ctrl-C to this process (no worker prints a traceback)."""
    from concurrent.futures import ProcessPoolExecutor

    here = _shares(jobs, workers, steps.decoded)
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(workers - 1, mp_context=context, initializer=_leave_interrupts)
    work = functools.partial(_work, extra=steps.extra, beside=steps.beside)
    finished = False
    try:
        shipped = _started(pool, work, [job for job, m in zip(jobs, here, strict=True) if not m])
        for job, mine in zip(jobs, here, strict=True):
            payload, found = (None, None) if mine else next(shipped)
            if payload is None:
                yield _read_here(job, steps)
            elif not steps.decoded:
                yield Shipped(payload, found)
            else:
                yield Reading(*decode_read(job[0], job[1], payload), payload, found)
        finished = True
    finally:
        # Stopped early (an error, Ctrl-C, a dead worker): the files not begun are dropped, and
        # the workers end once the ones in their hands are read (they are not killed: one
        # killed while it sends its file back leaves the pool waiting for the rest forever).
        pool.shutdown(wait=finished, cancel_futures=True)


def _started(pool: Any, work: Callable[[Job], Any], jobs: list[Job]) -> Iterator[Any]:
    """`pool.map(work, jobs)`, Ctrl-C held back meanwhile: the pool is never left half made,
    and its workers are forked with Ctrl-C held back, so none sees it before it ignores it
    (`_leave_interrupts`)."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return pool.map(work, jobs)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _leave_interrupts() -> None:
    """In a worker process: Ctrl-C (SIGINT, sent to the whole process group) is the parent's."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


#: What taking in a file another process read costs this one (decoding its reading, keeping
#: its cache entry), against reading it: about a fifth, measured on both benchmark layouts;
#: OUTLINE_COST when its records are left encoded (`decoded=False`).
DECODE_COST = 0.2
OUTLINE_COST = 0.05


def parent_share(workers: int, cost: float = DECODE_COST) -> float:
    """The part of the bytes this process reads so that it ends with the pool: it reads its
    part (each byte costing 1) and takes in the rest (each costing `cost`), while each of
    the other `workers - 1` reads an equal part of the rest."""
    others = workers - 1
    return (1 - cost * others) / ((1 - cost) * others + 1) if others else 1.0


def _shares(jobs: list[Job], workers: int, decoded: bool = True) -> list[bool]:
    """Which jobs this process reads: in turn with the pool, so that at each point about its
    share (`parent_share`) of the bytes so far is its own and neither side waits long."""
    here = []
    seen = kept = 0
    share = max(parent_share(workers, DECODE_COST if decoded else OUTLINE_COST), 0.0)
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
