"""`pqp status`: one row per target, with pace and status."""

from __future__ import annotations

import json
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
    resolve,
    use_revision,
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


def report_problems(project: Project, lang: str, strict: bool) -> None:
    """The left-out banner (or the --strict refusal) and the warnings note, on stderr."""
    from pqp_cli.render.console import stderr_console

    err = stderr_console()
    summary = project.summary()
    if project.errors and strict:
        err.print(
            f"pqp: {tr('strict_refused', lang, errors=project.errors)}",
            style="bold red",
            markup=False,
        )
        raise typer.Exit(1)
    if project.errors:
        err.print(
            banner(summary, lang),
            style="bold white on red",
            markup=False,
        )
    if project.warnings:
        err.print(
            tr("warnings_note", lang, warnings=project.warnings), style="yellow", markup=False
        )


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
    from pqp_cli.figures.localities import add_places
    from pqp_cli.figures.progress import evaluate, status_json
    from pqp_cli.figures.timeline import extend_rows, with_in_year
    from pqp_cli.render import status as render
    from pqp_cli.render.breakdown import extra_tables
    from pqp_cli.render.console import stdout_console

    try:
        data, targets = use_revision(rev, data, targets)
        opts = resolve(data, targets, as_of, lang)
        project = load(opts, no_cache=no_cache)
        plan = project.require_plan()
    except PqpError as err:
        raise fail(err, lang) from None
    report_problems(project, opts.lang, strict)
    statuses = evaluate(plan, project.dataset, opts.as_of)
    doc = status_json(plan, project.summary(), statuses, opts.as_of, opts.lang)
    extras = [b.value for b in by or []] + (["projection"] if projection else [])
    doc = with_in_year(extend_rows(doc, statuses, plan, project.dataset, opts.as_of, extras))
    try:
        doc = add_places(doc, statuses, plan, project.dataset, extras)
    except PqpError as err:  # --by district/commune without a province in the register
        raise fail(err, lang) from None
    title = plan.info.title.get(opts.lang) or plan.info.id
    if fmt is Format.json:
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    elif fmt is Format.csv:
        typer.echo(render.to_csv(doc), nl=False)
    elif fmt is Format.markdown:
        typer.echo(render.to_markdown(doc, title, opts.lang), nl=False)
        for table in extra_tables(doc, opts.lang, "github"):
            typer.echo("\n" + table, nl=False)
    else:
        render.print_table(stdout_console(), doc, title, opts.lang)
        for table in extra_tables(doc, opts.lang, "simple"):
            typer.echo("\n" + table, nl=False)


def register(app: typer.Typer) -> None:
    app.command("status")(status)
