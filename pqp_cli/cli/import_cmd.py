"""`pqp import KIND SOURCE` and `pqp template KIND`: spreadsheets in, blank spreadsheets out."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pqp_cli.cli.common import (
    DEFAULT_DATA,
    DEFAULT_TARGETS,
    AsOfOpt,
    DataOpt,
    LangOpt,
    TargetsOpt,
    check_lang,
    fail,
    locate,
    resolve,
    settings,
)
from pqp_cli.core.problems import PqpError

if TYPE_CHECKING:
    from pqp_cli.importing import ImportReport

#: `pqp_cli.core.models.KINDS`, spelled out so that `pqp --help` imports no pydantic (a test
#: checks that the two agree).
KINDS = ("enterprises", "trainings", "certifications", "experts", "units")

Kind = Enum("Kind", {kind: kind for kind in KINDS}, type=str)  # type: ignore[misc]

KindArg = Annotated[Kind, typer.Argument(help="Record kind.", case_sensitive=False)]


def import_(
    kind: KindArg,
    source: Annotated[Path, typer.Argument(help="A .xlsx, .xls, .ods or .csv file.")],
    data: DataOpt = DEFAULT_DATA,
    targets: TargetsOpt = DEFAULT_TARGETS,
    as_of: AsOfOpt = None,
    lang: LangOpt = "en",
    sheet: Annotated[
        str | None, typer.Option(help="Sheet to read (default: first with a header).")
    ] = None,
    mapping: Annotated[Path | None, typer.Option(help="YAML 'column header: field' lines.")] = None,
    out: Annotated[
        Path | None, typer.Option(help="Output file (default DIR/KIND/STEM.yaml).")
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Report only; write nothing.")] = False,
    encoding: Annotated[str | None, typer.Option(help="CSV encoding (default: detected).")] = None,
    create_missing: Annotated[
        bool, typer.Option("--create-missing", help="Add unknown establishments.")
    ] = False,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Write the valid rows; rejects to a CSV.")
    ] = False,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Replace the file these records were imported into."),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite a generated file edited by hand.")
    ] = False,
) -> None:
    """Import spreadsheet rows as records (exit 1 when rows are rejected)."""
    from pqp_cli.importing import import_sheet

    try:
        opts = resolve(*locate(data, targets), as_of, lang)
        report = import_sheet(
            kind=kind.value,
            source=source,
            data_dir=opts.data,
            targets=opts.targets,
            sheet=sheet,
            mapping=mapping,
            out=out,
            encoding=encoding,
            dry_run=dry_run,
            create_missing=create_missing,
            skip_invalid=skip_invalid,
            replace=replace,
            force=force,
            lang=opts.lang,
            today=opts.as_of,
            settings=settings(),
        )
    except PqpError as err:
        raise fail(err, lang) from None
    _print(report, opts.lang)
    raise typer.Exit(report.exit_code)


def _print(report: ImportReport, lang: str) -> None:
    """Warnings to stderr, then the summary (counts, rejected rows, what was written)."""
    from pqp_cli.core.i18n import tr
    from pqp_cli.importing import describe

    for note in report.warnings:
        typer.echo(f"{tr('warning', lang)}: {note.message(lang)}", err=True)
    typer.echo("\n".join(describe(report, lang)))


def template(
    kind: KindArg,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="FILE.xlsx or FILE.csv.")
    ] = None,
    lang: LangOpt = "en",
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
    targets: TargetsOpt = DEFAULT_TARGETS,
) -> None:
    """Write a blank spreadsheet with the headers `pqp import` reads (a plan starting on or
    after 2025-07-01 is asked its communes, "Xã/phường", instead of its districts)."""
    from pqp_cli.importing import template_level_at, write_template

    try:
        path = output or Path(f"{kind.value}-template.xlsx")
        level = template_level_at(locate(DEFAULT_DATA, targets, need_data=False)[1])
        written = write_template(
            kind=kind.value, path=path, lang=check_lang(lang), force=force, level=level
        )
    except PqpError as err:
        raise fail(err, lang) from None
    typer.echo(str(written))


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command("template")(template)
