"""`pqp report -o FILE`: the whole progress report as HTML, Markdown, XLSX or Word (DOCX)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from pqp_cli.cli.common import (
    DEFAULT_DATA,
    DEFAULT_TARGETS,
    AsOfOpt,
    DataOpt,
    RevOpt,
    TargetsOpt,
    check_lang,
    fail,
    load,
    resolve,
    use_revision,
)
from pqp_cli.cli.status_cmd import report_problems
from pqp_cli.core import fileio
from pqp_cli.core.i18n import tr
from pqp_cli.core.problems import PqpError


class Format(str, Enum):
    html = "html"
    md = "md"
    xlsx = "xlsx"
    docx = "docx"


_SUFFIXES = {
    ".html": Format.html,
    ".htm": Format.html,
    ".md": Format.md,
    ".xlsx": Format.xlsx,
    ".docx": Format.docx,
}
#: Formats that cannot go to standard output, with the message that says so.
_FILE_ONLY = {Format.xlsx: "report_xlsx_stdout", Format.docx: "report_docx_stdout"}
ReportLangOpt = Annotated[
    str | None,
    typer.Option(
        "--lang",
        envvar="PQP_LANG",
        help="Language of the report: en or vi (default vi for docx, en otherwise).",
        show_default=False,
    ),
]


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
    lang: ReportLangOpt = None,
    rev: RevOpt = None,
    fmt: Annotated[
        Format | None,
        typer.Option("--format", help="html, md, xlsx or docx; default from the file's suffix."),
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
    number: Annotated[
        str | None,
        typer.Option(
            "--number",
            help="docx: the document's number: digits (15), or with its symbol (15/BC-SKHCN).",
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="docx: the document's date (YYYY-MM-DD); default today."),
    ] = None,
) -> None:
    """A whole progress report: summary, charts by year, localities, who counts, problems."""
    from pqp_cli.figures.report import build_report
    from pqp_cli.read.reportmeta import InvalidSection

    docx_asked = fmt is Format.docx or (fmt is None and output.lower().endswith(".docx"))
    msg_lang = (lang or ("vi" if docx_asked else "en")).strip().lower()
    try:
        data, targets = use_revision(rev, data, targets)
        chosen = choose_format(output, fmt)
        default_lang = "vi" if chosen is Format.docx else "en"
        opts = resolve(data, targets, as_of, check_lang(lang or default_lang))
        if chosen in _FILE_ONLY and output == "-":
            key = _FILE_ONLY[chosen]
            raise PqpError(tr(key, "en"), tr(key, "vi"))
        signed = _document_date(date, opts.as_of)
        fixed = _document_number(number)
        project = load(opts)
        plan = project.require_plan()
        if chosen is Format.docx and isinstance(plan.report, InvalidSection):
            section = plan.report
            raise PqpError(section.message("en"), section.message("vi"), exit_code=1)
    except PqpError as err:
        raise fail(err, msg_lang) from None
    report_problems(project, opts.lang, strict)
    level = locality.value if locality else None
    doc = build_report(project, opts.as_of, opts.lang, level)
    meta = doc["meta"]
    doc["meta"] = dataclasses.replace(
        meta,
        number=fixed[0] or meta.number,
        symbol=fixed[1] or meta.symbol,
        date=signed,
    )
    content = render(doc, chosen)
    if output == "-":
        typer.echo(content.decode("utf-8"), nl=False)
        return
    try:
        fileio.write_atomic(Path(output), content)
    except PqpError as err:
        raise fail(err, opts.lang) from None
    typer.echo(tr("report_written", opts.lang, path=output), err=True)


def _document_date(text: str | None, as_of: dt.date) -> dt.date | None:
    """--date as a date (None: today, decided when the document is drawn); never before the
    as-of date (a report dated before the figures it reports)."""
    if text is None:
        return None
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise PqpError(
            tr("bad_doc_date", "en", value=text), tr("bad_doc_date", "vi", value=text)
        ) from None
    if day < as_of:
        en = f"--date {day.isoformat()} is before --as-of {as_of.isoformat()}: a report cannot be dated before the figures it reports"
        vi = f"--date {day.isoformat()} trước --as-of {as_of.isoformat()}: báo cáo không thể ký trước ngày chốt số liệu"
        raise PqpError(en, vi)
    return day


#: --number: digits (`15`), or a whole number and symbol (`15/BC-TĐC`) that replaces both.
_NUMBER = re.compile(r"(\d+)(?:/([^\s/]+-[^\s]+))?")


def _document_number(text: str | None) -> tuple[str, str]:
    """--number as (number, symbol); empty strings for what it does not give."""
    if text is None:
        return "", ""
    found = _NUMBER.fullmatch(text.strip())
    if found is None:
        en = f"--number {text!r}: give the number as digits (15) or with the whole symbol (15/BC-SKHCN)"
        vi = f"--number {text!r}: ghi số bằng chữ số (15) hoặc kèm cả ký hiệu (15/BC-SKHCN)"
        raise PqpError(en, vi)
    return found.group(1), found.group(2) or ""


def render(doc: dict[str, Any], fmt: Format) -> bytes:
    from pqp_cli.render import report_html, report_md, report_xlsx

    if fmt is Format.docx:
        from pqp_cli.render import report_docx

        return report_docx.render(doc)
    if fmt is Format.xlsx:
        return report_xlsx.render(doc)
    renderer = report_html if fmt is Format.html else report_md
    return renderer.render(doc).encode("utf-8")


def register(app: typer.Typer) -> None:
    app.command("report")(report)
