"""`pqp report -o FILE`: the whole progress report as HTML, Markdown or XLSX."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from pqp_cli import fileio
from pqp_cli.cli.common import (
    DEFAULT_DATA,
    DEFAULT_TARGETS,
    AsOfOpt,
    DataOpt,
    LangOpt,
    RevOpt,
    TargetsOpt,
    fail,
    resolve,
    use_revision,
)
from pqp_cli.cli.status_cmd import report_problems
from pqp_cli.i18n import tr
from pqp_cli.problems import PqpError


class Format(str, Enum):
    html = "html"
    md = "md"
    xlsx = "xlsx"


_SUFFIXES = {".html": Format.html, ".htm": Format.html, ".md": Format.md, ".xlsx": Format.xlsx}


class Level(str, Enum):
    district = "district"
    commune = "commune"


def choose_format(output: str, fmt: Format | None) -> Format:
    """--format, else the output file's suffix; `-` (standard output) means html."""
    if fmt is not None:
        return fmt
    if output == "-":
        return Format.html
    found = _SUFFIXES.get(Path(output).suffix.lower())
    if found is None:
        raise PqpError(
            tr("report_format_unknown", "en", path=output),
            tr("report_format_unknown", "vi", path=output),
        )
    return found


def report(
    output: Annotated[
        str, typer.Option("-o", "--output", help="The file to write (- for standard output).")
    ],
    data: DataOpt = DEFAULT_DATA,
    targets: TargetsOpt = DEFAULT_TARGETS,
    as_of: AsOfOpt = None,
    lang: LangOpt = "en",
    rev: RevOpt = None,
    fmt: Annotated[
        Format | None,
        typer.Option("--format", help="html, md or xlsx; default from the file's suffix."),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Refuse if the data has errors.")] = (
        False
    ),
    locality: Annotated[
        Level | None,
        typer.Option(
            "--locality",
            help="Group the table by old district or by 2025 commune; default from the plan period.",
        ),
    ] = None,
) -> None:
    """A whole progress report: summary, charts by year, localities, who counts, problems."""
    from pqp_cli.project import load_project
    from pqp_cli.report import build_report

    try:
        data, targets = use_revision(rev, data, targets)
        opts = resolve(data, targets, as_of, lang)
        chosen = choose_format(output, fmt)
        if chosen is Format.xlsx and output == "-":
            raise PqpError(tr("report_xlsx_stdout", "en"), tr("report_xlsx_stdout", "vi"))
        project = load_project(opts.data, opts.targets)
        project.require_plan()
    except PqpError as err:
        raise fail(err, lang) from None
    report_problems(project, opts.lang, strict)
    level = locality.value if locality else None
    content = render(build_report(project, opts.as_of, opts.lang, level), chosen)
    if output == "-":
        typer.echo(content.decode("utf-8"), nl=False)
        return
    try:
        fileio.write_atomic(Path(output), content)
    except PqpError as err:
        raise fail(err, lang) from None
    typer.echo(tr("report_written", opts.lang, path=output), err=True)


def render(doc: dict[str, Any], fmt: Format) -> bytes:
    from pqp_cli.render import report_html, report_md, report_xlsx

    if fmt is Format.xlsx:
        return report_xlsx.render(doc)
    renderer = report_html if fmt is Format.html else report_md
    return renderer.render(doc).encode("utf-8")


def register(app: typer.Typer) -> None:
    app.command("report")(report)
