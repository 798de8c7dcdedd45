"""The report as an .xlsx workbook (openpyxl): a summary sheet equal to `status --format json
--projection`, by-year and by-locality sheets, one sheet per target, the problems, the plan."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pqp_cli.core.i18n import column as column_head
from pqp_cli.core.i18n import kind_label, status_label, tr
from pqp_cli.core.messages.labels import field_name
from pqp_cli.figures.documents import (
    PROJECTION_KEYS,
    ROW_KEYS,
    ExplainDoc,
    ReportDoc,
    Share,
    StatusDoc,
)
from pqp_cli.read.yamlread import CONTROL
from pqp_cli.render.places import level_groups, locality_name, report_head, report_key, table_title
from pqp_cli.render.rows import explain_tables
from pqp_cli.render.vnformat import day_text, period_text, point_order

#: The summary sheet's columns: the keys of `status --format json --projection`, in its order.
SUMMARY_KEYS = (*ROW_KEYS, *PROJECTION_KEYS)
#: The word (pqp_cli.core.i18n) that explains each summary column, shown as the header's comment.
_LABELS = {"title": "target_title", "progress_percent": "progress", "kind": "target_kind"}
_DATE_KEYS = {"projected_met_on"}
HEADER_FILL = PatternFill("solid", fgColor="DDDDDD")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _typed(key: str, value: Any) -> Any:
    """A JSON value as a typed cell: ISO dates become dates; None stays empty."""
    if value is not None and key in _DATE_KEYS:
        return dt.date.fromisoformat(value)
    return value


def _sheet(
    wb: Workbook,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    lang: str = "en",
) -> Worksheet:
    """A sheet of one table: bold frozen header, typed cells, widths that fit the text; dates
    shown `dd/mm/yyyy` under `vi` (a date cell stays a date: Excel sorts and filters it)."""
    ws = wb.create_sheet(_sheet_title(wb, title))
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row in rows:
        ws.append([_inert(v) for v in row])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text is text: never a formula, whatever it starts with
            elif isinstance(cell.value, dt.date):
                cell.number_format = "dd/mm/yyyy" if lang == "vi" else "yyyy-mm-dd"
            elif isinstance(cell.value, float):
                cell.number_format = "0.0"
    ws.freeze_panes = "A2"
    _fit_widths(ws)
    return ws


def _inert(value: Any) -> Any:
    """Text without the characters a workbook cannot hold (control characters): dropped."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", CONTROL.sub("", value))
    return value


def _sheet_title(wb: Workbook, title: str) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, not starting or ending with `'`,
    not `History`, unique in the workbook ignoring case (Excel's way)."""
    base = _SHEET_BAD.sub("_", title)[:31].strip("'") or "Sheet"
    taken = {n.casefold() for n in wb.sheetnames} | {"history"}
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)].rstrip("'") + suffix, n + 1
    return name


def _fit_widths(ws: Worksheet) -> None:
    for column in ws.columns:
        texts = [
            c.value.isoformat() if isinstance(c.value, dt.date) else str(c.value)
            for c in column
            if c.value is not None
        ]
        longest = max((len(t) for t in texts), default=4)
        ws.column_dimensions[get_column_letter(column[0].column)].width = min(
            max(longest + 2, 6), 60
        )


def _summary(wb: Workbook, report: ReportDoc) -> None:
    lang = report.lang
    rows = []
    for r in report.status.targets:
        found = r.to_json()
        rows.append([_shown(k, _typed(k, found.get(k)), lang) for k in SUMMARY_KEYS])
    heads = [column_head(k, lang) for k in SUMMARY_KEYS]
    ws = _sheet(wb, tr("summary", lang), heads, rows, lang)
    for cell, key in zip(ws[1], SUMMARY_KEYS, strict=True):
        cell.comment = Comment(tr(_LABELS.get(key, key), lang), "pqp")


def _by_year(wb: Workbook, report: ReportDoc) -> None:
    lang, doc = report.lang, report.status
    years = [(r, r.by_year or {}) for r in doc.targets]
    keys = sorted({k for _, entries in years for k in entries}, key=point_order)
    rows = [
        [r.id, r.title, tr(part, lang)]
        + [getattr(entries[k], field) if k in entries else None for k in keys]
        for r, entries in years
        for part, field in (("cumulative", "value"), ("in_year", "in_year"))
    ]
    heads = [tr("id", lang), tr("target_title", lang), "", *(day_text(k, lang) for k in keys)]
    _sheet(wb, tr("sheet_by_year", lang), heads, rows, lang)


def _by_locality(wb: Workbook, report: ReportDoc) -> None:
    """Grouped as the HTML and Markdown reports: by old district or by 2025 commune when the
    plan's province is in the register (the header's comment says how), else as written."""
    lang, doc = report.lang, report.status
    targets, names = level_groups(doc, report_key(doc))
    headers = [report_head(doc)]
    for r, _ in targets:
        if r.kind == "count":
            headers.append(r.id)
        else:
            of = column_head("denominator", lang) if lang == "vi" else "/"  # `T3 /` in English
            headers += [f"{r.id} {tr('counted', lang)}", f"{r.id} {of}", f"{r.id} %"]
    rows = []
    for name in names:
        row: list[Any] = [locality_name(name, lang)]
        for r, groups in targets:
            entry = groups.get(name)
            if r.kind == "count":
                row.append(entry or 0)
            elif isinstance(entry, Share):
                row += [entry.numerator, entry.denominator, entry.value]
            else:
                row += [None, None, None]
        rows.append(row)
    ws = _sheet(wb, tr("sheet_by_locality", lang), headers, rows, lang)
    ws["A1"].comment = Comment(table_title(doc), "pqp")


def _target_sheet(wb: Workbook, doc: ExplainDoc) -> None:
    lang = doc.lang
    headers = [
        f"{doc.row.id} · {tr('id', lang)}",  # the target's own id: its sheet's name may differ
        tr("name", lang),
        tr("locality", lang),
        tr("counted", lang),
        tr("records", lang),
        tr("lacks", lang),
    ]
    counted, *missing = explain_tables(doc)
    rows = [[*r[:3], tr("yes", lang), r[3], None] for r in counted.rows]
    rows += [[*r[:3], tr("no", lang), None, r[3]] for table in missing for r in table.rows]
    _sheet(wb, doc.row.id, headers, rows, lang)


def _problems(wb: Workbook, report: ReportDoc) -> None:
    lang = report.lang
    keys = ("severity", "code", "file", "line", "record", "field", "message")
    if lang == "vi":
        headers = [column_head(k, lang) for k in keys]
    else:
        headers = [tr(k, lang) if k in ("severity", "code", "message") else k for k in keys]
    rows = [[getattr(p, k) for k in keys] for p in report.problem_list]
    for row in rows:
        row[0] = tr(row[0], lang)
        if lang == "vi" and row[5]:  # the field by its label, its YAML key in quotes
            row[5] = field_name(row[5])
    _sheet(wb, tr("sheet_problems", lang), headers, rows, lang)


def _info(wb: Workbook, report: ReportDoc) -> None:
    lang, plan, doc = report.lang, report.plan, report.status
    rows: list[list[Any]] = [
        [tr("plan", lang), plan.title],
        [column_head("id", lang) if lang == "vi" else "id", plan.id],
        [tr("document", lang), plan.document],
        [tr("authority", lang), plan.authority],
        [tr("focal_agency", lang), plan.focal_agency],
        [tr("period", lang), period_text(plan.start, plan.end, lang)],
        [tr("as_of", lang), dt.date.fromisoformat(doc.as_of)],
        [_capital(tr("evaluated_at", lang), lang), dt.date.fromisoformat(doc.evaluated_at)],
        *(
            [column_head(k, lang), ", ".join(v) if isinstance(v, list) else v]
            for k, v in doc.problems.to_json().items()
        ),
        [tr("status", lang), _status_legend(doc, lang)],
    ]
    _sheet(wb, tr("plan", lang), ["", ""], rows, lang)


def _capital(head: str, lang: str) -> str:
    """A head that is a phrase inside a sentence elsewhere (`(tính tại 30/09/2025)`) starts
    with a capital under `vi`, as its neighbours do; English keeps its keys as they were."""
    return head[:1].upper() + head[1:] if lang == "vi" else head


def _status_legend(doc: StatusDoc, lang: str) -> str:
    """`met: Đạt, …` in English (code and label); the labels alone under `vi`."""
    if lang == "vi":
        return ", ".join(status_label(s, lang) for s in _statuses(doc))
    return ", ".join(f"{s}: {status_label(s, lang)}" for s in _statuses(doc))


def _shown(key: str, value: Any, lang: str) -> Any:
    """A summary cell: the JSON value; under `vi` a status or kind by its Vietnamese label."""
    if lang == "vi" and key == "status":
        return status_label(value, lang)
    if lang == "vi" and key == "kind":
        return kind_label(value, lang)
    return value


def _statuses(doc: StatusDoc) -> list[str]:
    return list(dict.fromkeys(r.status for r in doc.targets))


def render(report: ReportDoc) -> bytes:
    """The workbook's bytes."""
    wb = Workbook()
    wb.remove(wb.active)
    _summary(wb, report)
    _by_year(wb, report)
    _by_locality(wb, report)
    for doc in report.explain.values():
        _target_sheet(wb, doc)
    _problems(wb, report)
    _info(wb, report)
    as_of = dt.datetime.fromisoformat(report.status.as_of)
    wb.properties.creator = "pqp"
    wb.properties.created = as_of
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
