"""What one import is asked to do: the sheet, the data folder, and the options of `pqp import`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pqp_cli.core.settings import Settings
from pqp_cli.load.dataset import load_dataset
from pqp_cli.read.loading import Dataset


@dataclass(kw_only=True)
class ImportRequest:
    """The options of `pqp import` and what the plan adds (period, province), given by name
    only: seventeen fields, many of one type, where two swapped by position would still
    type-check. `import_sheet` builds it from keyword arguments."""

    kind: str
    source: Path
    data_dir: Path
    sheet: str | None = None
    mapping: Path | None = None
    out: Path | None = None
    dry_run: bool = False
    encoding: str | None = None
    create_missing: bool = False
    skip_invalid: bool = False
    lang: str = "en"
    today: dt.date | None = None  # for the dataset's date checks
    period: tuple[dt.date, dt.date] | None = None  # the plan's, for outside-period warnings
    force: bool = False  # overwrite a generated file edited by hand
    replace: bool = False  # write into the generated file that already holds these records
    province: str | None = None  # resolve localities against its register (issue 15)
    settings: Settings | None = None  # the environment's, from the CLI; None: the defaults

    def load(self, overrides: dict[Path, str] | None = None) -> Dataset:
        return load_dataset(
            self.data_dir,
            overrides=overrides,
            period=self.period,
            today=self.today,
            settings=self.settings or Settings(),
        )
