"""`pqp import KIND SOURCE` and `pqp template KIND`: spreadsheets in, blank spreadsheets out."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

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
    resolve,
    settings,
)
from pqp_cli.core.problems import PqpError


class Kind(str, Enum):
    enterprises = "enterprises"
    trainings = "trainings"
    certifications = "certifications"
    experts = "experts"
    units = "units"


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
    from pqp_cli.importing import ImportRequest, describe, run_import
    from pqp_cli.importing.places import import_province
    from pqp_cli.read.plan import read_plan

    try:
        opts = resolve(data, targets, as_of, lang)
        plan = read_plan(opts.targets)[0] if opts.targets.is_file() else None
        request = ImportRequest(
            kind.value, source, opts.data, sheet, mapping, out, dry_run, encoding,
            create_missing, skip_invalid, opts.lang, opts.as_of,
            (plan.start, plan.end) if plan else None, force, replace, import_province(plan),
            settings=settings(),
        )  # fmt: skip
        report = run_import(request)
    except PqpError as err:
        raise fail(err, lang) from None
    for note in report.warnings:
        typer.echo(
            f"{'cảnh báo' if opts.lang == 'vi' else 'warning'}: {note.message(opts.lang)}", err=True
        )
    typer.echo("\n".join(describe(report, opts.lang)))
    raise typer.Exit(report.exit_code)


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
    from pqp_cli.importing import write_template
    from pqp_cli.importing.places import template_level
    from pqp_cli.read.plan import read_plan

    try:
        path = output or Path(f"{kind.value}-template.xlsx")
        plan = read_plan(targets)[0] if targets.is_file() else None
        level = template_level(plan)
        written = write_template(kind.value, check_lang(lang), path, force, level)
    except PqpError as err:
        raise fail(err, lang) from None
    typer.echo(str(written))


def register(app: typer.Typer) -> None:
    app.command("import")(import_)
    app.command("template")(template)
