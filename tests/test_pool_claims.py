"""How the files are shared between this process and its workers: each process takes the
next file no one has taken, so a process that is slow (or busy taking in what the others
read) takes fewer, and every file is read once, its reading given in order."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from pqp_cli.read import pool, workers
from pqp_cli.read.loading import FileRead, unreadable
from pqp_cli.read.sources import Source

#: A little data file of each of a few kinds, many times over.
_UNIT = "- id: DV-{n}\n  name: Trung tâm {n}\n  qualified_on: 2023-03-19\n"


def _sources(count: int) -> list[Source]:
    return [
        Source("units", Path(f"units/f{n}.yaml"), f"units/f{n}.yaml",
               content=_UNIT.format(n=n).encode())
        for n in range(count)
    ]  # fmt: skip


@pytest.fixture
def small_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(pool, "POOL_MIN_BYTES", 0)


def _ids(readings: list[Any]) -> list[list[str | None]]:
    return [[e.id for e in r.read.entries] for r in readings]


@pytest.mark.usefixtures("small_pool")
@pytest.mark.parametrize("workers", [2, 3])
def test_every_file_is_read_once_and_given_in_order(workers: int) -> None:
    sources = _sources(60)
    alone = list(pool.read_files(sources, 1, encoded=True))
    shared = list(pool.read_files(sources, workers, encoded=True))
    assert _ids(shared) == _ids(alone) == [[f"DV-{n}"] for n in range(60)]
    assert [r.payload for r in shared] == [r.payload for r in alone]


@pytest.mark.usefixtures("small_pool")
def test_a_slow_worker_leaves_the_free_files_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker holds its first file until this process has read every other one (or ten
    seconds have passed): this process never waits for a file while another is free. (With
    shares fixed in advance it waited for the worker's half, and read only its own.)"""
    flag, claimed = tmp_path / "all-read-here", tmp_path / "worker-claimed"
    here: list[str] = []
    real_here, real_work = pool._read_here, pool._work

    def read_here(job: Any, steps: Any) -> Any:
        # Not before the worker holds a file: on a loaded machine it may start only once
        # this process has taken every file (right, but not the case this test is about).
        waited = time.monotonic()
        while not claimed.exists() and time.monotonic() - waited < 10:
            time.sleep(0.01)
        here.append(job[1])
        if len(here) == 39:
            flag.touch()
        return real_here(job, steps)

    def slow_work(job: Any, **steps: Any) -> Any:
        claimed.touch()
        waited = time.monotonic()
        while not flag.exists() and time.monotonic() - waited < 10:
            time.sleep(0.01)
        return real_work(job, **steps)

    monkeypatch.setattr(pool, "_read_here", read_here)
    monkeypatch.setattr(pool, "_work", slow_work)
    readings = list(pool.read_files(_sources(40), 2, encoded=True))
    assert _ids(readings) == [[f"DV-{n}"] for n in range(40)]
    assert len(here) == 39 and len(set(here)) == 39  # the worker read one file
    assert os.path.exists(flag) and os.path.exists(claimed)


@pytest.mark.usefixtures("small_pool")
@pytest.mark.parametrize("workers", [1, 2])
def test_an_error_reading_a_file_comes_at_its_turn(
    workers: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files before the one that fails are all given first, as when one process reads
    them all. With the worker slow on the first file, this process read file 20 ahead and
    raised at once: none of the 20 readings before it given (their work, cache writes, lost)."""
    flag = tmp_path / "failed"
    real_work = pool._work

    def slow_work(job: Any, **steps: Any) -> Any:
        waited = time.monotonic()
        while not flag.exists() and time.monotonic() - waited < 10:
            time.sleep(0.01)
        return real_work(job, **steps)

    def extra(read: FileRead) -> None:
        if read.file.endswith("/f20.yaml"):
            flag.touch()
            raise RuntimeError("file 20")

    monkeypatch.setattr(pool, "_work", slow_work)
    given = 0
    with pytest.raises(RuntimeError, match="file 20"):
        for _ in pool.read_files(_sources(40), workers, extra=extra):
            given += 1
    assert given == 20


@pytest.mark.skipif(not hasattr(__import__("fcntl"), "F_GETPIPE_SZ"), reason="Linux pipes")
@pytest.mark.usefixtures("small_pool")
def test_a_worker_s_pipe_holds_a_whole_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reading (most are under 1 MiB) goes into its worker's pipe at once: at the default
    64 KiB the worker waited on this process's thread for each 64 KiB, a third of its time."""
    import fcntl

    sizes: list[int] = []
    real_widen = workers._widen

    def widen(fd: int) -> None:  # measured at once: a worker done with its files closes its pipe
        real_widen(fd)
        sizes.append(fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ))

    monkeypatch.setattr(workers, "_widen", widen)
    assert len(list(pool.read_files(_sources(8), 3))) == 8
    assert len(sizes) == 2
    # What this system lets a pipe hold now (the user's pipes share a quota, which other
    # processes of the same user may have taken): a fresh pipe asks for the same.
    probe, other = os.pipe()
    try:
        fcntl.fcntl(probe, fcntl.F_SETPIPE_SZ, 1 << 20)
        assert all(size >= 1 << 20 for size in sizes)
    except OSError:
        pytest.skip("this system lets no pipe hold 1 MiB now")
    finally:
        os.close(probe)
        os.close(other)


def growing(count: int) -> list[Source]:
    """File n holds n + 1 records: the last files are the largest, claimed first."""
    return [
        Source("units", Path(f"units/f{n}.yaml"), f"units/f{n}.yaml",
               content="".join(_UNIT.format(n=f"{n}-{r}") for r in range(n + 1)).encode())
        for n in range(count)
    ]  # fmt: skip


def _mixed(count: int) -> list[Source]:
    """Files of many sizes (`growing`), one of no kind and one unreadable."""
    sources = growing(count)
    sources.insert(3, Source(None, Path("notes.txt"), "notes.txt"))
    broken = Source("units", Path("units/gone.yaml"), "units/gone.yaml")
    broken.problem = unreadable("units/gone.yaml", "units", FileNotFoundError(2, "gone"))
    sources.insert(7, broken)
    return sources


@pytest.mark.usefixtures("small_pool")
@pytest.mark.parametrize("workers", [1, 2, 3])
def test_read_as_done_gives_every_file_once_with_its_place(workers: int) -> None:
    """Each file's reading as it is done, with its place: the same readings, payloads and
    problems as in order (the cache stores each file's entry by its place)."""
    sources = _mixed(30)
    ordered = list(pool.read_files(sources, 1, encoded=True))
    done = list(pool.read_as_done(sources, workers))
    assert sorted(place for place, _ in done) == list(range(len(sources)))
    by_place = dict(done)
    for place, reading in enumerate(ordered):
        assert isinstance(got := by_place[place], pool.Reading)
        assert _ids([got]) == _ids([reading]) and got.payload == reading.payload
        assert got.read.problems == reading.read.problems and got.read.file == reading.read.file


@pytest.mark.usefixtures("small_pool")
def test_read_as_done_takes_the_largest_files_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """The files are claimed largest first, so the files left at the end are small and no
    process is left alone reading a large one."""
    orders: list[list[int]] = []
    real_init = pool.Workers.__init__

    def init(self: Any, jobs: Any, count: int, work: Any, order: Any = None) -> None:
        orders.append(order)
        real_init(self, jobs, count, work, order)

    monkeypatch.setattr(pool.Workers, "__init__", init)
    sources = _mixed(30)
    assert len(list(pool.read_as_done(sources, 2))) == 32
    jobs = [s for s in sources if s.kind and not s.problem]
    [order] = orders
    sizes = [len(jobs[n].content or b"") for n in order]
    assert sorted(order) == list(range(30)) and sizes == sorted(sizes, reverse=True)
    assert jobs[order[0]].file == "units/f29.yaml"


@pytest.mark.usefixtures("small_pool")
def test_read_as_done_reads_here_what_a_dead_worker_took(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker that dies holding a file (killed: the out-of-memory killer) leaves it to this
    process, which reads it once the workers have ended: every file is still given once."""
    real_work = pool._work

    def dying_work(job: Any, **steps: Any) -> Any:
        if job[1] == "units/f20.yaml":
            os._exit(9)
        return real_work(job, **steps)

    monkeypatch.setattr(pool, "_work", dying_work)
    sources = _mixed(30)
    done = dict(pool.read_as_done(sources, 2, shipped=True))
    assert sorted(done) == list(range(len(sources)))
    place = next(n for n, s in enumerate(sources) if s.file == "units/f20.yaml")
    assert isinstance(done[place], pool.Reading)  # read here (a worker's would be Shipped)
    assert _ids([done[place]]) == [[f"DV-20-{r}" for r in range(21)]]
