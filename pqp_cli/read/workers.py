"""The worker processes of a pool (`read.pool`): forked with every file to read, each takes
the next file no process has taken and sends its reading back through a pipe of its own."""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import threading
from collections.abc import Callable
from typing import Any

#: A file to read: its kind, its name as shown, its bytes.
Job = tuple[str, str, bytes]

_END = object()  # in the pool's queue: a worker ended (its pipe's end seen)
#: Seconds the run waits on a worker before it looks again (`Workers.next`).
_LOOK_AGAIN = 0.1
#: A file's number as the claims pipe holds it; claims are written a page at a time (1,024 of
#: them: a pipe writes that much at once), so that a claim is always read whole.
_CLAIM = 4
_PAGE = 1024


class Workers:
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

    def __init__(
        self,
        jobs: list[Job],
        count: int,
        work: Callable[[Job], Any],
        order: list[int] | None = None,
    ) -> None:
        """`count` workers reading `jobs` with `work`; the files are claimed in `order` (their
        numbers; None: as listed)."""
        self.arrived: dict[int, Any] = {}
        self.running = count
        self.messages: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.processes: list[multiprocessing.process.BaseProcess] = []
        self.readers: list[Any] = []
        self.claims, feed = os.pipe()
        context = multiprocessing.get_context("fork")
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # not half made
        try:
            while len(self.processes) < count and self._fork(context, jobs, work, feed):
                pass
            self.running = len(self.processes)
            self.threads = [
                threading.Thread(target=_drain, args=(reader, self.messages), daemon=True)
                for reader in self.readers
            ]
            numbers = list(range(len(jobs))) if order is None else order
            self.threads.append(threading.Thread(target=_feed, args=(feed, numbers), daemon=True))
            for thread in self.threads:
                thread.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

    def _fork(self, context: Any, jobs: list[Job], work: Callable[[Job], Any], feed: int) -> bool:
        """A worker reading the files it claims. It is given the ends this process reads, its
        own and those of the workers forked before it, and the claims' writing end, to close:
        held by a worker, a pipe would stay open with this process gone (killed), and its
        worker wait for ever to send, or to claim. False when the system makes no more (out of
        file descriptors, `ulimit -n`; of processes; of memory): the workers made, and this
        process, read the files, as one process reads them when there is none (it was an
        internal error, where `PQP_WORKERS=1` read them)."""
        try:
            reader, writer = context.Pipe(duplex=False)
        except OSError:
            return False
        _widen(reader.fileno())
        theirs = ([*self.readers, reader], feed)
        args = (writer, self.claims, jobs, work, theirs)
        process = context.Process(target=_serve, args=args, daemon=True)
        try:
            process.start()
        except OSError:
            reader.close()
            return False
        finally:
            writer.close()  # the worker's own end: only it holds it
        self.readers.append(reader)
        self.processes.append(process)
        return True

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

    def __enter__(self) -> Workers:
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


def _feed(feed: int, order: list[int]) -> None:
    """In a thread: every file's number into the claims pipe, a page at a time, then its end."""
    try:
        for start in range(0, len(order), _PAGE):
            numbers = order[start : start + _PAGE]
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
