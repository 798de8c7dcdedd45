"""The calls under `pqp import` and `pqp template`, for a program as for the command line.

Keyword-only: a call names each option, as a command line does. Nothing here reads the
environment: a caller that wants `PQP_NO_CACHE` and the rest passes a `Settings`
(`Settings.from_env()`); without one, the defaults apply.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pqp_cli.core.settings import Settings
from pqp_cli.importing.outcome import ImportReport
from pqp_cli.importing.places import import_province, template_level
from pqp_cli.importing.request import ImportRequest
from pqp_cli.importing.run import run_import
from pqp_cli.read.plan import Plan, read_plan


def import_sheet(
    *,
    kind: str,
    source: Path,
    data_dir: Path,
    targets: Path | None = None,
    sheet: str | None = None,
    mapping: Path | None = None,
    out: Path | None = None,
    encoding: str | None = None,
    dry_run: bool = False,
    create_missing: bool = False,
    skip_invalid: bool = False,
    replace: bool = False,
    force: bool = False,
    lang: str = "en",
    today: dt.date | None = None,
    settings: Settings | None = None,
) -> ImportReport:
    """Import one sheet of `source` (.xlsx, .xls, .ods or .csv) as records of `kind` into the
    data folder `data_dir`, as `pqp import KIND SOURCE --data DATA_DIR` does.

    `targets` is the plan's targets.yaml, read when it is a file: its period enables the
    outside-period warnings, its province writes localities by the register's names. The
    other options are those of `pqp import` (`out` is `--out`, `create_missing` is
    `--create-missing`…); `lang` is the language of the rejects CSV (`skip_invalid`), and `today`
    the day the dataset's date checks use (default: today).

    Returns the report: counts, warnings, rejected rows (`report.exit_code` is 1 when rows were
    rejected), the files written. Raises `PqpError` when nothing can be imported at all (an
    unknown kind, no data folder, an unreadable sheet, a file import must not overwrite).
    """
    plan = plan_at(targets)
    request = ImportRequest(
        kind=kind,
        source=source,
        data_dir=data_dir,
        sheet=sheet,
        mapping=mapping,
        out=out,
        dry_run=dry_run,
        encoding=encoding,
        create_missing=create_missing,
        skip_invalid=skip_invalid,
        lang=lang,
        today=today,
        period=(plan.start, plan.end) if plan else None,
        force=force,
        replace=replace,
        province=import_province(plan),
        settings=settings,
    )
    return run_import(request)


def template_level_at(targets: Path | None) -> str:
    """The locality column `write_template` should ask for, given the plan's targets.yaml
    (`commune` for a plan starting on or after 2025-07-01; `district` otherwise or without
    one)."""
    return template_level(plan_at(targets))


def plan_at(targets: Path | None) -> Plan | None:
    """The plan of a targets.yaml, or None when there is no such file (or no usable plan)."""
    return read_plan(targets)[0] if targets is not None and targets.is_file() else None
