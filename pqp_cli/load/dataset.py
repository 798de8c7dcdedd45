"""The data folder loaded: its files found and read, the records checked, the dataset kept.

    discover (read.sources) → read (read.pool) → check (checks.assemble) → Dataset

That is the whole path with the cache off (`Settings.no_cache`, `--no-cache`): no digest, no
encoding, nothing written. With it on, `pqp_cli.cache.dataset.load` gives the same dataset,
reusing what unchanged files gave last time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pqp_cli.cache import dataset as cached
from pqp_cli.checks.assemble import assemble
from pqp_cli.checks.facts import file_facts
from pqp_cli.core.problems import sort_key
from pqp_cli.core.settings import Settings
from pqp_cli.read.loading import Dataset, paused_gc
from pqp_cli.read.pool import read_files
from pqp_cli.read.sources import Source, discover

Period = tuple[dt.date, dt.date] | None


def load_dataset(
    data_dir: Path,
    *,
    overrides: dict[Path, str] | None = None,
    period: Period = None,
    today: dt.date | None = None,
    settings: Settings = Settings(),
) -> Dataset:
    """Read every data file under `data_dir`, check every rule, keep the valid records.

    `overrides` maps a file path to text read instead of the disk (import validates the
    dataset as it would be after writing). `period` enables the outside-period warnings.
    `settings` says whether the cache is used (and where its key lives) and how many processes
    may read files."""
    sources, walk_problems = discover(data_dir, overrides)
    day = today or dt.date.today()
    with paused_gc():
        dataset = None
        if not settings.no_cache:
            dataset = cached.load(data_dir.resolve(), sources, period, day, settings)
        if dataset is None:
            dataset = _read_and_check(sources, period, day, settings.workers)
    if walk_problems:
        dataset.problems = sorted(dataset.problems + walk_problems, key=sort_key)
        dataset.files_left_out.extend(p.file for p in walk_problems)
    return dataset


def _read_and_check(
    sources: list[Source], period: Period, today: dt.date, workers: int | None
) -> Dataset:
    """Every file read, then every rule checked: the whole of loading without the cache. The
    records' facts are worked out beside each file's reading (in the workers, when files are
    read in parallel)."""
    found = [r[:2] for r in read_files(sources, workers, extra=file_facts)]
    return assemble([read for read, _ in found], period, today, [facts for _, facts in found])
