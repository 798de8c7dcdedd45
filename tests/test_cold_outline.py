"""A cold load for `validate` whose files are read in worker processes: the parent takes in each
file a worker read as its outline (ids, names, facts, problems) and decodes its records only if
a figure asks for them after all (`cache/checking.py`, `Settings.reads_records`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_cache import PERIOD, TODAY, load, sample, user, write

from pqp_cli.cache import checking
from pqp_cli.cache.store import DataCache
from pqp_cli.load.dataset import load_dataset
from pqp_cli.read import pool


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every load reads in a worker process too, however small its files."""
    monkeypatch.setattr(pool, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(pool, "POOL_MIN_BYTES", 0)


def counted(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    """Count the calls of `module.name` in this process."""
    calls: list[int] = []
    real = getattr(module, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return calls


def cold(root: Path) -> Any:
    """A cold load for a command that reads the problems and no record (`validate`)."""
    settings = user(root, workers=2, reads_records=False)
    return load_dataset(root / "data", period=PERIOD, today=TODAY, settings=settings)


@pytest.mark.usefixtures("pooled")
def test_a_cold_check_decodes_no_record_a_worker_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write(tmp_path)
    plain = load(root, use_cache=False)
    decoded = counted(monkeypatch, checking, "decode_read")
    shipped = counted(monkeypatch, pool, "decode_read")
    dataset = cold(root)
    assert dataset.problems  # what `validate` reads: the fixture has problems
    assert decoded == [] and shipped == []
    assert sample(dataset) == plain  # the records, asked for, come from the entries stored
    assert decoded  # ... decoded only now


@pytest.mark.usefixtures("pooled")
def test_a_cache_that_stores_nothing_keeps_what_a_worker_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache that cannot be written (a read-only data folder): the records a worker read are
    decoded at once, never read from the file again."""
    root = write(tmp_path)
    plain = load(root, use_cache=False)
    monkeypatch.setattr(DataCache, "put", lambda self, name, payload: False)
    read_again = counted(monkeypatch, checking, "read_files")
    assert sample(cold(root)) == plain
    assert read_again == []
