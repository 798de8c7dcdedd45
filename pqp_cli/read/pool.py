"""Every data file read, in order: in this process, or in worker processes when there is enough
to read that forking pays (a national dataset's files parse in parallel)."""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import queue
import signal
import threading
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
        try:
            with contextlib.closing(_pooled(jobs, workers, steps)) as pooled:
                for reading in pooled:
                    yield reading
                    done += 1
        except _WorkerLost:
            pass
    for job in jobs[done:]:
        yield _read_here(job, steps)


def _pooled(
    jobs: list[Job], workers: int, steps: _Steps
) -> Generator[Reading | Shipped, None, None]:
    """`_parse` with `workers - 1` worker processes (`_Workers`); raises _WorkerLost."""
    here = _shares(jobs, workers, steps.decoded)
    work = functools.partial(_work, extra=steps.extra, beside=steps.beside)
    shipped = [job for job, mine in zip(jobs, here, strict=True) if not mine]
    with _Workers(shipped, workers - 1, work) as pool:
        for job, mine in zip(jobs, here, strict=True):
            payload, found = (None, None) if mine else pool.next()
            if payload is None:
                yield _read_here(job, steps)
            elif not steps.decoded:
                yield Shipped(payload, found)
            else:
                yield Reading(*decode_read(job[0], job[1], payload), payload, found)


class _WorkerLost(Exception):
    """A worker process ended before it sent back every file it was given."""


_LOST = object()  # in a worker's queue: it ended before it sent back all it was given
#: Seconds the run waits on a worker before it looks again (`_Workers.next`).
_LOOK_AGAIN = 0.1


class _Workers:
    """Worker processes forked with their files (no file is sent to them: they have them from
    the fork), each sending its readings back, in order, through a pipe of its own, which a
    thread here drains as they come.

    Not a `multiprocessing.Pool` nor a `concurrent.futures` pool: a worker killed without a
    word (SIGKILL: the out-of-memory killer; a crash in a C extension) left the first waiting
    forever for the file it lost, and the second too when it was killed while it sent a file
    back (the rest of a message on a pipe every worker writes to never comes). Here only the
    worker holds its pipe's writing end, so its end is always seen (EOF), mid-message too.
    The workers leave Ctrl-C to this process, which then ends them."""

    def __init__(self, jobs: list[Job], count: int, work: Callable[[Job], Any]) -> None:
        loads = [0] * count
        self.owner: list[int] = []
        for job in jobs:  # the files shared out by size, in order
            k = loads.index(min(loads))
            loads[k] += len(job[2]) + 1
            self.owner.append(k)
        self.taken = 0
        self.queues: list[queue.SimpleQueue[Any]] = [queue.SimpleQueue() for _ in range(count)]
        self.processes: list[multiprocessing.process.BaseProcess] = []
        self.readers: list[Any] = []
        context = multiprocessing.get_context("fork")
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # not half made
        try:
            mine = [
                [j for j, o in zip(jobs, self.owner, strict=True) if o == k] for k in range(count)
            ]
            drains = [
                (self._fork(context, files, work), len(files), found)
                for files, found in zip(mine, self.queues, strict=True)
            ]
            self.threads = [threading.Thread(target=_drain, args=a, daemon=True) for a in drains]
            for thread in self.threads:
                thread.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

    def _fork(self, context: Any, jobs: list[Job], work: Callable[[Job], Any]) -> Any:
        """A worker reading `jobs`; the end of its pipe this process reads. The worker is
        given the ends this process reads, its own and those of the workers forked before it,
        to close: held by a worker, a pipe would stay open with this process gone (killed),
        and its worker wait for ever to send."""
        reader, writer = context.Pipe(duplex=False)
        self.readers.append(reader)
        theirs = list(self.readers)
        process = context.Process(target=_serve, args=(writer, jobs, work, theirs), daemon=True)
        self.processes.append(process)
        process.start()
        writer.close()  # the worker's own end: only it holds it
        return reader

    def next(self) -> Any:
        """The next file's reading, from the worker it went to; raises _WorkerLost.

        The wait is looked at again every `_LOOK_AGAIN` seconds: a Ctrl-C that lands just
        before it starts leaves Python's handler due with nothing to wake the wait, and the
        run would go on waiting for a file that may take long, or never come."""
        waiting = self.queues[self.owner[self.taken]]
        while True:
            try:
                found = waiting.get(timeout=_LOOK_AGAIN)
                break
            except queue.Empty:
                continue
        self.taken += 1
        if found is _LOST:
            raise _WorkerLost
        return found

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        for process in self.processes:
            if exc[0] is not None:  # stopped early (an error, Ctrl-C, a dead worker)
                process.kill()
            process.join()
        for thread in self.threads:
            thread.join()


def _serve(writer: Any, jobs: list[Job], work: Callable[[Job], Any], theirs: list[Any]) -> None:
    """In a worker process: each file's reading sent back in order; (None, None) for one it
    failed to read, which the parent then reads itself (and so fails as it would alone).
    With the parent gone (killed: no one reads the pipe), it stops there, saying nothing."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's
    for other in theirs:  # only the parent reads the pipes
        other.close()
    for job in jobs:
        try:
            found = work(job)
        except Exception:  # noqa: BLE001 - the parent reads it again and says why
            found = (None, None)
        try:
            writer.send(found)
        except OSError:  # BrokenPipeError: the parent is gone
            return
    writer.close()


def _drain(reader: Any, expected: int, into: queue.SimpleQueue[Any]) -> None:
    """In a thread: the `expected` readings a worker sends, as they come; _LOST should it end
    before (the pipe's end is seen mid-message too)."""
    try:
        for _ in range(expected):
            into.put(reader.recv())
    except Exception:  # noqa: BLE001 - its end (EOF), or what it sent cut short
        into.put(_LOST)
    finally:
        reader.close()


#: What taking in a file another process read costs this one (decoding its reading, keeping
#: its cache entry), against reading it: about a fifth, measured on both benchmark layouts.
DECODE_COST = 0.2
#: The same when its records are left encoded (`read_or_ship`): about a twentieth, less what
#: the worker spends beyond reading on each file it ships (encoding it, the pipe: about an
#: eighth), which this process otherwise waited for at the end (0.5 s of a 3.4 s read at 100k
#: records; 0.2 s with this share, 0.52 of the bytes).
OUTLINE_COST = 0.05 - 0.13


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
