"""A hostile user against the pool that shares files by claims (`read/pool.py`): what a run
gives must not depend on how many processes read the files."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from pqp_cli.read import pool
from pqp_cli.read.loading import FileRead
from pqp_cli.read.sources import Source

_UNIT = "- id: DV-{n}\n  name: Trung tâm {n}\n"


def _sources(count: int) -> list[Source]:
    return [
        Source("units", Path(f"units/f{n}.yaml"), f"units/f{n}.yaml",
               content=_UNIT.format(n=n).encode())
        for n in range(count)
    ]  # fmt: skip


@pytest.mark.parametrize("workers", [1, 2])
def test_an_error_reading_a_file_comes_at_its_turn(
    workers: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files before the one that fails are all given first, as when one process reads
    them all. With the worker slow on the first file, this process read file 20 ahead and
    raised at once: none of the 20 readings before it given (their work, cache writes, lost)."""
    monkeypatch.setattr(pool, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(pool, "POOL_MIN_BYTES", 0)
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
