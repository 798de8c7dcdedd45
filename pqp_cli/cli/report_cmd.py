"""`pqp report -o FILE`: the whole progress report as HTML, Markdown, XLSX or Word (DOCX)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from pqp_cli.cli.common import (
    DEFAULT_DATA,
    DEFAULT_TARGETS,
    AsOfOpt,
    DataOpt,
    RevOpt,
    TargetsOpt,
    as_typed,
    check_lang,
    fail,
    load,
    locate,
    resolve,
    settings,
)
from pqp_cli.cli.status_cmd import report_problems
from pqp_cli.core import fileio
from pqp_cli.core.i18n import tr
from pqp_cli.core.messages import phrase
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
        raise PqpError(*phrase("report_format_unknown", path=output))
    return found


OutputOpt = Annotated[
    str, typer.Option("-o", "--output", help="The file to write (- for standard output).")
]
ReportFormatOpt = Annotated[
    Format | None,
    typer.Option("--format", help="html, md, xlsx or docx; default from the file's suffix."),
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Refuse if the data has errors.")]
LocalityOpt = Annotated[
    Level | None,
    typer.Option(
        "--locality",
        help="Group the table by old district or by 2025 commune; default from the plan period.",
    ),
]
NumberOpt = Annotated[
    str | None,
    typer.Option(
        "--number",
        help="docx: the document's number: digits (15), or with its symbol (15/BC-SKHCN).",
    ),
]
DocDateOpt = Annotated[
    str | None,
    typer.Option(
        "--date", help="docx: the document's date (YYYY-MM-DD or dd/mm/yyyy); default today."
    ),
]


def doc_date(text: str | None) -> dt.date | None:
    """`--date` read as `--as-of` is: `2026-01-15` or day first (`15/01/2026`), never month
    first; a date that is neither is a usage error (exit 2)."""
    from pqp_cli.core.text import parse_date

    if text is None:
        return None
    day = parse_date(text)
    if day is None:
        raise PqpError(*phrase("bad-doc-date", value=as_typed(text)))
    return day


def report(
    output: OutputOpt,
    data: DataOpt = DEFAULT_DATA,
    targets: TargetsOpt = DEFAULT_TARGETS,
    as_of: AsOfOpt = None,
    lang: ReportLangOpt = None,
    rev: RevOpt = None,
    fmt: ReportFormatOpt = None,
    strict: StrictOpt = False,
    locality: LocalityOpt = None,
    number: NumberOpt = None,
    date: DocDateOpt = None,
) -> None:
    """A whole progress report: summary, charts by year, localities, who counts, problems."""
    from pqp_cli import api

    docx_asked = fmt is Format.docx or (fmt is None and output.lower().endswith(".docx"))
    msg_lang = (lang or ("vi" if docx_asked else "en")).strip().lower()
    env = settings()
    try:
        chosen = choose_format(output, fmt)
        opts = resolve(*locate(data, targets), as_of, check_lang(lang or _default_lang(chosen)))
        if chosen in _FILE_ONLY and output == "-":
            raise PqpError(*phrase(_FILE_ONLY[chosen]))
        stamp = api.document_stamp(number=number, date=doc_date(date), as_of=opts.as_of)
        project = load(opts, rev=rev, env=env)
        project.require_plan()
        if chosen is Format.docx:
            api.check_word_report(project)
    except PqpError as err:
        raise fail(err, msg_lang) from None
    report_problems(project, opts.lang, strict, no_color=env.no_color)
    level = locality.value if locality else None
    doc = api.report(project, as_of=opts.as_of, lang=opts.lang, locality=level, stamp=stamp)
    content = api.render_report(doc, fmt=chosen.value)
    _write(output, content, opts.lang)


def _write(output: str, content: bytes, lang: str) -> None:
    """The report to standard output (`-`), or to its file and a note on stderr."""
    if output == "-":
        typer.echo(content.decode("utf-8"), nl=False)
        return
    try:
        fileio.write_atomic(Path(output), content)
    except PqpError as err:
        raise fail(err, lang) from None
    typer.echo(tr("report_written", lang, path=output), err=True)


def _default_lang(fmt: Format) -> str:
    """A Word report is in Vietnamese unless --lang says otherwise; the others in English."""
    return "vi" if fmt is Format.docx else "en"


def register(app: typer.Typer) -> None:
    app.command("report")(report)
