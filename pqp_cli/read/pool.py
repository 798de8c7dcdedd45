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
    """`_parse` with `workers - 1` worker processes (`_Workers`). Each process, this one
    included, takes the next file no one has taken (`_Workers.claim`), so all end together
    whatever a file costs where (this one also takes in what the workers send: a share fixed
    in advance left one side idle at the end, by a tenth of the run on hand-written files).
    The readings are yielded in order: while the file whose turn it is is still with a worker,
    this process reads the next free one. A file a worker took and never sent back (the
    worker died) is read here, once every worker has ended: the same reading."""
    work = functools.partial(_work, extra=steps.extra, beside=steps.beside)
    with _Workers(jobs, workers - 1, work) as pool:
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


def _read_ahead(job: Job, steps: _Steps) -> Reading | Exception:
    """A file read before its turn, or the error reading it raised: raised at its turn, once
    every file before it has been given, as when one process reads them all."""
    try:
        return _read_here(job, steps)
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


_END = object()  # in the pool's queue: a worker ended (its pipe's end seen)
#: Seconds the run waits on a worker before it looks again (`_Workers.next`).
_LOOK_AGAIN = 0.1
#: A file's number as the claims pipe holds it; claims are written a page at a time (1,024 of
#: them: a pipe writes that much at once), so that a claim is always read whole.
_CLAIM = 4
_PAGE = 1024


class _Workers:
    """Worker processes forked with every file (no file is sent to them: they have them from
    the fork), each taking the next file no one has taken from a pipe of file numbers shared
    by all (a read of a pipe is whole and taken by one reader), and sending its readings back
    through a pipe of its own, which a thread here drains as they come.

    Not a `multiprocessing.Pool` nor a `concurrent.futures` pool: a worker killed without a
    word (SIGKILL: the out-of-memory killer; a crash in a C extension) left the first waiting
    forever for the file it lost, and the second too when it was killed while it sent a file
    back (the rest of a message on a pipe every worker writes to never comes). Here only the
    worker holds its pipe's writing end, so its end is always seen (EOF), mid-message too.
    The workers leave Ctrl-C to this process, which then ends them."""

    def __init__(self, jobs: list[Job], count: int, work: Callable[[Job], Any]) -> None:
        self.arrived: dict[int, Any] = {}
        self.running = count
        self.messages: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.processes: list[multiprocessing.process.BaseProcess] = []
        self.readers: list[Any] = []
        self.claims, feed = os.pipe()
        context = multiprocessing.get_context("fork")
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # not half made
        try:
            for _ in range(count):
                self._fork(context, jobs, work, feed)
            self.threads = [
                threading.Thread(target=_drain, args=(reader, self.messages), daemon=True)
                for reader in self.readers
            ]
            self.threads.append(threading.Thread(target=_feed, args=(feed, len(jobs)), daemon=True))
            for thread in self.threads:
                thread.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

    def _fork(self, context: Any, jobs: list[Job], work: Callable[[Job], Any], feed: int) -> None:
        """A worker reading the files it claims. It is given the ends this process reads, its
        own and those of the workers forked before it, and the claims' writing end, to close:
        held by a worker, a pipe would stay open with this process gone (killed), and its
        worker wait for ever to send, or to claim."""
        reader, writer = context.Pipe(duplex=False)
        _widen(reader.fileno())
        self.readers.append(reader)
        theirs = (list(self.readers), feed)
        args = (writer, self.claims, jobs, work, theirs)
        process = context.Process(target=_serve, args=args, daemon=True)
        self.processes.append(process)
        process.start()
        writer.close()  # the worker's own end: only it holds it

    def claim(self) -> int | None:
        """The next file no process has taken, now this one's; None when all are taken."""
        if self.claims < 0:
            return None
        taken = os.read(self.claims, _CLAIM)
        if len(taken) < _CLAIM:  # the end: every file claimed
            os.close(self.claims)
            self.claims = -1
            return None
        return int.from_bytes(taken, "little")

    def poll(self) -> None:
        """Take in what the workers have sent so far."""
        while True:
            try:
                self._take(self.messages.get_nowait())
            except queue.Empty:
                return

    def next(self) -> None:
        """Wait for a worker's next reading, or its end, and take it in.

        The wait is looked at again every `_LOOK_AGAIN` seconds: a Ctrl-C that lands just
        before it starts leaves Python's handler due with nothing to wake the wait, and the
        run would go on waiting for a file that may take long, or never come."""
        while True:
            try:
                found = self.messages.get(timeout=_LOOK_AGAIN)
                break
            except queue.Empty:
                continue
        self._take(found)

    def _take(self, message: Any) -> None:
        if message is _END:
            self.running -= 1
        else:
            index, found = message
            self.arrived[index] = found

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.claims >= 0:  # (a feeder blocked on a full pipe then ends too)
            os.close(self.claims)
            self.claims = -1
        for process in self.processes:
            if exc[0] is not None:  # stopped early (an error, Ctrl-C)
                process.kill()
            process.join()
        for thread in self.threads:
            thread.join()


#: What a worker's pipe is asked to hold: Linux lets any process ask up to
#: /proc/sys/fs/pipe-max-size (1 MiB unless changed), else 256 KiB, else it stays at 64 KiB.
_PIPE_SIZES = (1 << 20, 1 << 18)


def _widen(fd: int) -> None:
    """Let the pipe `fd` hold a whole reading (most are under 1 MiB), so that a worker writes it
    at once and goes on reading. At 64 KiB a reading went in 64 KiB at a time, each as this
    process's thread took the last from the pipe, which it does only when the interpreter lets
    it (every 5 ms while this process reads): a worker waited a third of its time to send."""
    try:
        import fcntl
    except ImportError:  # (no pipes' sizes to set here)
        return
    for size in _PIPE_SIZES if hasattr(fcntl, "F_SETPIPE_SZ") else ():
        try:
            fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, size)
            return
        except OSError:  # more than this system lets a process ask for
            continue


def _feed(feed: int, count: int) -> None:
    """In a thread: every file's number into the claims pipe, a page at a time, then its end."""
    try:
        for start in range(0, count, _PAGE):
            numbers = range(start, min(start + _PAGE, count))
            os.write(feed, b"".join(n.to_bytes(_CLAIM, "little") for n in numbers))
    except OSError:  # no one claims any more (the run ended early)
        pass
    finally:
        os.close(feed)


def _serve(
    writer: Any,
    claims: int,
    jobs: list[Job],
    work: Callable[[Job], Any],
    theirs: tuple[list[Any], int],
) -> None:
    """In a worker process: each file it claims, read and sent back with its number; (None,
    None) for one it failed to read, which the parent then reads itself (and so fails as it
    would alone). With the parent gone (killed: no one reads the pipe), it stops there,
    saying nothing."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's
    for other in theirs[0]:  # only the parent reads the pipes
        other.close()
    os.close(theirs[1])  # only the parent's feeder writes the claims
    while len(taken := os.read(claims, _CLAIM)) == _CLAIM:
        index = int.from_bytes(taken, "little")
        try:
            found = work(jobs[index])
        except Exception:  # noqa: BLE001 - the parent reads it again and says why
            found = (None, None)
        try:
            writer.send((index, found))
        except OSError:  # BrokenPipeError: the parent is gone
            return
    writer.close()


def _drain(reader: Any, into: queue.SimpleQueue[Any]) -> None:
    """In a thread: what a worker sends, as it comes, then _END (its end, seen mid-message
    too)."""
    try:
        while True:
            into.put(reader.recv())
    except Exception:  # noqa: BLE001 - its end (EOF), or what it sent cut short
        pass
    finally:
        reader.close()
        into.put(_END)


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
