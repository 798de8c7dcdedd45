"""`pqp status`: one row per target, with pace and status."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from pqp_cli.cli.common import (
    DEFAULT_DATA,
    DEFAULT_TARGETS,
    AsOfOpt,
    DataOpt,
    LangOpt,
    NoCacheOpt,
    RevOpt,
    TargetsOpt,
    fail,
    load,
    locate,
    resolve,
    settings,
)
from pqp_cli.core.i18n import banner, tr
from pqp_cli.core.problems import PqpError

if TYPE_CHECKING:
    from pqp_cli.load.project import Project


class By(str, Enum):
    year = "year"
    locality = "locality"
    district = "district"
    commune = "commune"


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def report_problems(project: Project, lang: str, strict: bool, *, no_color: bool) -> None:
    """The left-out banner (or the --strict refusal) and the warnings note, on stderr."""
    if not project.errors and not project.warnings:
        return  # nothing to say: no console (rich is imported only to print)
    from pqp_cli.render.console import stderr_console

    err = stderr_console(no_color)
    if project.errors and strict:
        refused = f"pqp: {tr('strict_refused', lang, errors=project.errors)}"
        err.print(refused, style="bold red", markup=False)
        raise typer.Exit(1)
    if project.errors:
        err.print(banner(project.summary(), lang), style="bold white on red", markup=False)
    if project.warnings:
        warned = tr("warnings_note", lang, warnings=project.warnings)
        err.print(warned, style="yellow", markup=False)


def status(
    data: DataOpt = DEFAULT_DATA,
    targets: TargetsOpt = DEFAULT_TARGETS,
    as_of: AsOfOpt = None,
    lang: LangOpt = "en",
    rev: RevOpt = None,
    no_cache: NoCacheOpt = False,
    fmt: Annotated[Format, typer.Option("--format", help="table, json, csv or markdown.")] = (
        Format.table
    ),
    strict: Annotated[bool, typer.Option("--strict", help="Refuse if the data has errors.")] = (
        False
    ),
    by: Annotated[
        list[By] | None,
        typer.Option(
            "--by",
            help="Add values by year (each 31 Dec), by locality as written, by old district or "
            "by 2025 commune; repeatable.",
        ),
    ] = None,
    projection: Annotated[
        bool,
        typer.Option("--projection", help="Add the projected end value and date met."),
    ] = False,
) -> None:
    """Where we stand on each target, as of a date, and whether we are on pace."""
    from pqp_cli import api
    from pqp_cli.render import status as render
    from pqp_cli.render.breakdown import extra_tables
    from pqp_cli.render.console import stdout_console

    env = settings()
    try:
        opts = resolve(*locate(data, targets), as_of, lang)
        project = load(opts, rev=rev, no_cache=no_cache, env=env)
        project.require_plan()
    except PqpError as err:
        raise fail(err, lang) from None
    report_problems(project, opts.lang, strict, no_color=env.no_color)
    breakdowns = [b.value for b in by or []]
    try:  # --by district/commune without a province in the register: a usage error
        doc = api.status(
            project, as_of=opts.as_of, lang=opts.lang, by=breakdowns, projection=projection
        )
    except PqpError as err:
        raise fail(err, lang) from None
    if fmt is Format.table:
        render.print_table(stdout_console(env.no_color), doc)
        for table in extra_tables(doc, "simple"):
            typer.echo("\n" + table, nl=False)
    else:
        typer.echo(api.render_status(doc, fmt=fmt.value), nl=False)


def register(app: typer.Typer) -> None:
    app.command("status")(status)
