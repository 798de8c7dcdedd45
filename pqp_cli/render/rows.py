"""The rows every output lays out its own way: a target's status row, the tables of who counts
and who does not yet (`explain`), and the report's list of problems. Each is built here once, as
text; a renderer only escapes, aligns and decorates it (bars, colours, numbering)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pqp_cli.core.i18n import status_label, tr
from pqp_cli.core.messages import PHRASES, Texts, noun, phrase
from pqp_cli.figures.documents import ExplainDoc, Figure, ReportDoc, StatusRow, Subject
from pqp_cli.render.vnformat import day_text, number


def fmt_number(x: Figure, lang: str = "en") -> str:
    """A figure as the JSON shows it (`–` when unknown, one decimal when not whole); under `vi`
    with a decimal comma and `.` between thousands (`1.234`, `239,9`), as Vietnamese write it."""
    if x is None:
        return "–"
    if lang == "vi":
        return number(x, lang, 1 if isinstance(x, float) else 0)
    if isinstance(x, float):
        return f"{x:.1f}"
    return str(x)


def fmt_value(row: StatusRow, value: Figure, lang: str = "en") -> str:
    """A value of the row's target: `87.5%` for a percentage target (`87,5%` under `vi`)."""
    text = fmt_number(value, lang)
    return f"{text}%" if row.kind == "percent" and value is not None else text


def projection_cells(row: StatusRow, lang: str = "en") -> list[str]:
    """The projected end value and date met; nothing when the row has no projection."""
    p = row.projection
    if p is None:
        return []
    beyond = f"> {day_text('9999-12-31', lang)}"
    met_on = beyond if p.projected_beyond_calendar else day_text(p.projected_met_on, lang)
    return [fmt_value(row, p.projected_end_value, lang), met_on]


@dataclass(frozen=True)
class Numbers:
    """How an output writes a status row's figures: `value` (a value of the row's target,
    with its unit), `count` (a numerator or denominator), `target`, `expected`, `percent`."""

    value: Callable[[StatusRow, Figure], str]
    count: Callable[[Figure], str]
    target: Callable[[StatusRow, Figure], str]
    expected: Callable[[StatusRow, Figure], str]
    percent: Callable[[Figure], str]


def report_numbers(lang: str) -> Numbers:
    """The reports' way (HTML, Markdown): a percentage's unit on every value but an unknown
    one; Vietnamese digits under `vi`, and an unknown progress `–` as the Word report writes
    it (English keeps its `–%`)."""
    return Numbers(
        value=lambda row, x: fmt_value(row, x, lang),
        count=lambda x: fmt_number(x, lang),
        target=lambda row, x: fmt_value(row, x, lang),
        expected=lambda row, x: fmt_value(row, x, lang),
        percent=lambda x: "–" if x is None and lang == "vi" else f"{fmt_number(x, lang)}%",
    )


@dataclass(frozen=True)
class StatusCells:
    """A target's status row as text, in the columns every status table has."""

    id: str
    title: str
    value: str  # with `(numerator/denominator)` for a percentage target
    target: str
    progress: str  # `87.5%`
    percent: float | None  # the progress itself, for a bar
    expected: str
    status: str  # the status's label in the output's language
    projection: list[str]  # the projection's two columns, when the row has them


def status_cells(row: StatusRow, lang: str, numbers: Numbers | None = None) -> StatusCells:
    """The one way a target's row becomes text (`status`, and every report format)."""
    numbers = numbers or report_numbers(lang)
    value = numbers.value(row, row.value)
    if row.kind == "percent":
        value += f" ({numbers.count(row.numerator)}/{numbers.count(row.denominator)})"
    return StatusCells(
        id=row.id,
        title=row.title,
        value=value,
        target=numbers.target(row, row.target),
        progress=numbers.percent(row.progress_percent),
        percent=row.progress_percent,
        expected=numbers.expected(row, row.expected),
        status=status_label(row.status, lang),
        projection=projection_cells(row, lang),
    )


Cells = list[str | None]


@dataclass(frozen=True)
class SubjectTable:
    """Who counts (`records`: the ids that make each count) or who does not yet (`lacks`)."""

    title: str  # `Counted (establishments): 12`
    heads: list[str]
    rows: list[Cells]  # id, name, locality, records or what is lacking


def subject_locality(subject: Subject) -> str | None:
    """A subject's locality as written."""
    return subject.locality


def _count_title(key: str, subjects: str, n: int, lang: str) -> str:
    """`Counted (Establishments): 5`; `Số cơ sở được tính: 5` in Vietnamese (a reviewer's
    wording: the English order reads as a label and a bracket in Vietnamese)."""
    named = Texts(tr(f"subjects_{subjects}", "en"), noun(subjects).vi)
    said = phrase("count_title", state=PHRASES[f"count_state_{key}"], subjects=named, n=n)
    return said.text(lang)


def explain_tables(
    doc: ExplainDoc, place: Callable[[Subject], str | None] = subject_locality
) -> list[SubjectTable]:
    """The one way `explain` lists subjects: who counts, then (coverage and pilot targets) who
    does not yet; `place` writes the locality column."""
    lang = doc.lang
    heads = [tr("id", lang), tr("name", lang), tr("locality", lang)]
    counted = [[s.id, s.name, place(s), ", ".join(s.records or [])] for s in doc.counted]
    tables = [
        SubjectTable(
            title=_count_title("counted", doc.subjects, len(counted), lang),
            heads=[*heads, tr("records", lang)],
            rows=counted,
        )
    ]
    if doc.not_counted is not None:
        rows = [[s.id, s.name, place(s), ", ".join(s.lacks_labels or [])] for s in doc.not_counted]
        title = _count_title("not_counted", doc.subjects, len(rows), lang)
        tables.append(SubjectTable(title=title, heads=[*heads, tr("lacks", lang)], rows=rows))
    return tables


def problems_table(report: ReportDoc, shown: int) -> tuple[str, list[str], list[list[str]], int]:
    """The report's problems section as text: its summary line, headers, the first `shown`
    rows, and how many more there are (each renderer escapes and lays it out)."""
    lang, summary, problems = report.lang, report.status.problems, report.problem_list
    line = tr(
        "problems_line",
        lang,
        errors=summary.errors,
        warnings=summary.warnings,
        records=summary.records_left_out,
        files=summary.files_left_out,
    )
    heads = [tr("severity", lang), tr("code", lang), tr("location", lang), tr("message", lang)]
    rows = [
        [tr(p.severity, lang), p.code, f"{p.file}:{p.line}" if p.line else p.file, p.message]
        for p in problems[:shown]
    ]
    return line, heads, rows, max(len(problems) - shown, 0)
