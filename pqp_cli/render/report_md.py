"""The report as Markdown with GitHub tables (tabulate): for a pull request, a wiki or an email."""

from __future__ import annotations

from typing import Any

from tabulate import tabulate

from pqp_cli.core.i18n import banner, tr
from pqp_cli.figures.documents import ReportDoc
from pqp_cli.render import breakdown as bd
from pqp_cli.render.mdsafe import text
from pqp_cli.render.places import report_head, table_title
from pqp_cli.render.report_html import PROBLEMS_SHOWN
from pqp_cli.render.rows import explain_tables, fmt_value, problems_table, status_cells
from pqp_cli.render.vnformat import day_text, period_text

BAR_WIDTH = 20


def cell(x: Any) -> str:
    """Text safe inside a GitHub table cell (`mdsafe.text` escapes `|` and line breaks)."""
    return text(x)


def table(headers: list[str], rows: list[list[Any]]) -> str:
    body = [[cell(c) for c in r] for r in rows]
    heads = [cell(h) for h in headers]
    return tabulate(body, headers=heads, tablefmt="github", disable_numparse=True) + "\n"


def marked_bar(percent: float | None, pace_percent: float, width: int = BAR_WIDTH) -> str:
    """`██████░░░░│░░░░░░░░░`: filled to `percent`, `│` where the straight line stands."""
    filled = 0 if percent is None else round(min(max(percent, 0.0), 100.0) / 100 * width)
    chars = ["█"] * filled + ["░"] * (width - filled)
    mark = min(round(min(max(pace_percent, 0.0), 100.0) / 100 * width), width - 1)
    chars[mark] = "│"
    return "".join(chars)


def _head(report: ReportDoc) -> list[str]:
    lang, plan, doc = report.lang, report.plan, report.status
    lines = [f"# {tr('report_heading', lang)}: {text(plan.title)}", ""]
    meta = [
        (tr("document", lang), plan.document),
        (tr("authority", lang), plan.authority),
        (tr("focal_agency", lang), plan.focal_agency),
        (tr("period", lang), period_text(plan.start, plan.end, lang)),
        (tr("as_of", lang), day_text(doc.as_of, lang)),
    ]
    lines += [f"- **{k}:** {text(v)}" for k, v in meta if v]
    if doc.problems.errors:
        lines += ["", f"> **{text(banner(doc.problems.to_json(), lang))}**"]
    return lines


def _summary(report: ReportDoc) -> list[str]:
    lang, doc = report.lang, report.status
    keys = ("id", "target_title", "value", "target", "progress", "expected", "status")
    headers = [tr(k, lang) for k in keys] + bd.projection_headers(doc)
    rows = []
    for r in doc.targets:
        c = status_cells(r, lang)
        bar = f"`{marked_bar(c.percent, report.pace_percent)}` {c.progress}"
        rows.append([c.id, c.title, c.value, c.target, bar, c.expected, c.status, *c.projection])
    notes = f"{tr('marker_note', lang)} {tr('projection_note', lang)}"
    return [table(headers, rows), f"_{notes}_"]


def _by_year(report: ReportDoc) -> list[str]:
    lang, out = report.lang, []
    heads = [tr("date", lang), tr("actual", lang), tr("in_year", lang), tr("expected_line", lang)]
    heads.append("")
    for r in report.status.targets:
        points = report.series[r.id]
        top = max([r.target, *(p.value or 0 for p in points)]) or 1
        rows = [
            [
                day_text(p.date, lang),
                fmt_value(r, p.value, lang),
                bd.fmt_increase(p.in_year, lang),
                fmt_value(r, p.expected, lang),
                f"`{marked_bar(100 * (p.value or 0) / top, 100 * (p.expected or 0) / top)}`",
            ]
            for p in points
        ]
        out += [f"### {text(r.id)} · {text(r.title)}", "", table(heads, rows)]
    out.append(f"_`█` {tr('actual', lang)} · `│` {tr('expected_line', lang)}_")
    out.append(f"_{tr('in_year', lang)}: {tr('in_year_note', lang)}_")
    return out


def _localities(report: ReportDoc) -> list[str]:
    lang, doc = report.lang, report.status
    ids, rows = bd.locality_rows(doc)
    note = table_title(doc) + "."
    others = bd.left_out_of_localities(doc)
    if others:
        note += " " + tr("no_locality_subjects", lang, ids=", ".join(others))
    return [table([report_head(doc), *ids], rows), f"_{note}_"]


def _appendix(report: ReportDoc) -> list[str]:
    out = []
    for doc in report.explain.values():
        out += [f"### {text(doc.row.id)} · {text(doc.row.title)}", ""]
        for i, found in enumerate(explain_tables(doc)):
            out += [f"**{found.title}**", ""]
            if found.rows:
                out.append(table(found.heads, found.rows))
            elif i == 0:
                out.append(tr("nobody", report.lang) + "\n")
    return out


def _problems(report: ReportDoc) -> list[str]:
    lang = report.lang
    if not report.problem_list:
        return [tr("no_problems", lang)]
    line, heads, rows, more = problems_table(report, PROBLEMS_SHOWN)
    out = [line, "", table(heads, rows)]
    if more > 0:
        out.append(tr("problems_more", lang, n=more))
    return out


def render(report: ReportDoc) -> str:
    lang, doc = report.lang, report.status
    parts = [
        ("summary", _summary),
        ("progress_by_year", _by_year),
        ("sheet_by_locality", _localities),
        ("appendix", _appendix),
        ("data_problems", _problems),
    ]
    lines = _head(report)
    for i, (key, build) in enumerate(parts, 1):
        lines += ["", f"## {i}. {tr(key, lang)}", "", *build(report)]
    footer = tr(
        "generated",
        lang,
        as_of=day_text(doc.as_of, lang),
        at=day_text(doc.evaluated_at, lang),
    )
    lines += ["", "---", "", f"_{footer}_"]
    return "\n".join(lines).rstrip("\n") + "\n"
