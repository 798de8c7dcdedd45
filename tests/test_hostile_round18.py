"""A hostile user's pass over `read.pool.read_as_done` (the cache's reading of the files it
lacks, each reading taken as it is done, the largest files claimed first): whatever order
the files are done in, a run ends as when one process reads them in order."""

from __future__ import annotations

from typing import Any

import pytest
from test_pool_claims import growing as _sources
from test_pool_claims import small_pool  # noqa: F401 - the fixture, used by name

from pqp_cli.read import pool
from pqp_cli.read.loading import FileRead

_UNIT = "- id: DV-{n}\n  name: Trung tâm {n}\n  qualified_on: 2023-03-19\n"


@pytest.mark.usefixtures("small_pool")
@pytest.mark.parametrize("workers", [1, 2, 3])
@pytest.mark.parametrize("shipped", [False, True])
def test_the_first_file_that_fails_in_order_is_the_error_raised(
    workers: int, shipped: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two files whose reading raises (a bug: the run ends on it, `internal error (...)`):
    the error is the first one's in order, as with one process, once every file before it
    is given. Taken as done, the largest (the later one, claimed first) raised at once: the
    message a user saw, and the entries cached before it, depended on who read what first."""
    real = pool.read_records

    def read_records(kind: str, file: str, content: bytes) -> FileRead:
        if file in {"units/f5.yaml", "units/f35.yaml"}:
            raise ValueError(f"boom in {file}")
        return real(kind, file, content)

    monkeypatch.setattr(pool, "read_records", read_records)
    given: list[int] = []
    with pytest.raises(ValueError, match=r"boom in units/f5\.yaml"):
        for place, _ in pool.read_as_done(_sources(40), workers, shipped=shipped):
            given.append(place)
    assert set(range(5)) <= set(given) and 5 not in given and 35 not in given


@pytest.mark.usefixtures("small_pool")
@pytest.mark.parametrize("made", [0, 1])
def test_workers_the_system_will_not_make_leave_the_files_to_the_rest(
    made: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Out of file descriptors (`ulimit -n 16`) or processes, a worker cannot be forked: the
    workers made, and this process, read every file, as one process does. (It was `internal
    error (OSError: [Errno 24] Too many open files)`, where `PQP_WORKERS=1` read them.)"""
    import errno
    import multiprocessing

    process = type(multiprocessing.get_context("fork").Process())
    real_start, started = process.start, []

    def start(self: Any) -> None:
        if len(started) >= made:
            raise OSError(errno.EMFILE, "Too many open files")
        started.append(self)
        real_start(self)

    monkeypatch.setattr(process, "start", start)
    sources = _sources(30)
    alone = [r.payload for r in pool.read_files(sources, 1, encoded=True)]
    assert [r.payload for r in pool.read_files(sources, 4, encoded=True)] == alone
    done = dict(pool.read_as_done(sources, 4))
    assert [done[n].payload for n in range(30)] == alone
    assert len(started) == made
