"""The report as one self-contained HTML page: inline CSS and SVG, no script, no external
reference, print CSS for A4 with a page break before each section."""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from pqp_cli.core.i18n import banner, status_label, tr
from pqp_cli.figures.documents import ExplainDoc, ReportDoc, StatusRow
from pqp_cli.read.yamlread import CONTROL
from pqp_cli.render import breakdown as bd
from pqp_cli.render import svg
from pqp_cli.render.places import report_head, table_title
from pqp_cli.render.rows import explain_tables, fmt_value, problems_table, status_cells
from pqp_cli.render.vnformat import day_text, period_text

#: How many problems the report lists; `pqp validate` gives them all.
PROBLEMS_SHOWN = 100

CSS = """
:root { --ink: #222; --muted: #666; --rule: #ccc; --head: #f2f2f2; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; font-size: 13px;
  line-height: 1.4; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 22px; margin: 4px 0 12px; }
h2 { font-size: 18px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; margin-top: 28px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.kicker { text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin: 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.meta dt { color: var(--muted); } dl.meta dd { margin: 0; }
.banner { background: #b71c1c; color: #fff; padding: 8px 12px; font-weight: bold; margin: 12px 0; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: left;
  vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.bar, td:first-child { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.status { display: inline-block; padding: 1px 8px; border-radius: 9px; color: #fff;
  white-space: nowrap; font-size: 12px; }
.note { color: var(--muted); font-size: 12px; }
figure.chart { margin: 8px 0 20px; }
figure.chart table { width: auto; min-width: 50%; }
svg.chart { max-width: 100%; height: auto; display: block; }
nav.toc ol { margin: 4px 0; }
nav.toc a, a { color: inherit; }
footer { margin-top: 28px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  section.page { break-before: page; }
  figure.chart, tr { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
  nav.toc { display: none; }
  svg.bar { width: 70px; }
  .status { font-size: 10px; padding: 1px 5px; }
  table.summary td:nth-child(2) { min-width: 110px; }
}
"""


def _e(x: Any) -> str:
    return escape(CONTROL.sub("", "" if x is None else str(x)))


def _table(headers: list[str], rows: list[list[str]], cls: str = "", nums: int = 0) -> str:
    """A table of already-escaped cells; the last `nums` columns are right-aligned."""

    def cell(tag: str, i: int, text: str) -> str:
        align = ' class="num"' if i >= len(headers) - nums else ""
        return f"<{tag}{align}>{text}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(headers))
    body = "".join(
        "\n<tr>" + "".join(cell("td", i, c) for i, c in enumerate(r)) + "</tr>" for r in rows
    )
    klass = f' class="{cls}"' if cls else ""
    return f"<table{klass}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _status(status: str, lang: str) -> str:
    colour = svg.STATUS_COLOURS.get(status, svg.LINE)
    return (
        f'<span class="status" style="background:{colour}">{_e(status_label(status, lang))}</span>'
    )


def _head(report: ReportDoc) -> str:
    lang, plan, doc = report.lang, report.plan, report.status
    meta = [
        (tr("document", lang), plan.document),
        (tr("authority", lang), plan.authority),
        (tr("focal_agency", lang), plan.focal_agency),
        (tr("period", lang), period_text(plan.start, plan.end, lang)),
        (tr("as_of", lang), day_text(doc.as_of, lang)),
    ]
    items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in meta if v)
    problems = doc.problems
    loud = (
        f'<p class="banner">{_e(banner(problems.to_json(), lang))}</p>' if problems.errors else ""
    )
    return (
        f'<header><p class="kicker">{_e(tr("report_heading", lang))}</p>'
        f'<h1>{_e(plan.title)}</h1><dl class="meta">{items}</dl>{loud}</header>'
    )


SECTIONS = ("summary", "progress_by_year", "sheet_by_locality", "appendix", "data_problems")
ANCHORS = ("summary", "by-year", "by-locality", "appendix", "problems")


def _toc(lang: str) -> str:
    items = "".join(
        f'<li><a href="#{a}">{_e(tr(s, lang))}</a></li>'
        for s, a in zip(SECTIONS, ANCHORS, strict=True)
    )
    return f'<nav class="toc"><strong>{_e(tr("contents", lang))}</strong><ol>{items}</ol></nav>'


def _section(index: int, body: str, lang: str, page: bool = True) -> str:
    klass = ' class="page"' if page else ""
    title = f"{index + 1}. {tr(SECTIONS[index], lang)}"
    return f'<section id="{ANCHORS[index]}"{klass}><h2>{_e(title)}</h2>{body}</section>'


def _summary_row(row: StatusRow, pace: float, lang: str) -> str:
    c = status_cells(row, lang)
    bar = svg.progress_bar(c.percent, pace, row.status, c.progress)
    cells = [
        f"<td>{_e(c.id)}</td><td>{_e(c.title)}</td>",
        f'<td class="num">{_e(c.value)}</td>',
        f'<td class="num">{_e(c.target)}</td>',
        f'<td class="bar">{bar} {_e(c.progress)}</td>',
        f'<td class="num">{_e(c.expected)}</td>',
        f"<td>{_status(row.status, lang)}</td>",
        *(f'<td class="num">{_e(p)}</td>' for p in c.projection),
    ]
    return f'\n<tr class="target-row" data-target="{_e(row.id)}">{"".join(cells)}</tr>'


def _summary(report: ReportDoc) -> str:
    lang, doc = report.lang, report.status
    keys = ("id", "target_title", "value", "target", "progress", "expected", "status")
    heads = [tr(k, lang) for k in keys] + bd.projection_headers(doc)
    head = "".join(f"<th>{_e(h)}</th>" for h in heads)
    rows = "".join(_summary_row(r, report.pace_percent, lang) for r in doc.targets)
    notes = f'<p class="note">{_e(tr("marker_note", lang))} {_e(tr("projection_note", lang))}</p>'
    table = f'<table class="summary"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
    return table + notes


def _chart(report: ReportDoc, row: StatusRow) -> str:
    lang = report.lang
    points = report.series[row.id]
    labels = svg.ChartLabels(
        title=f"{row.id} · {row.title}",
        actual=tr("actual", lang),
        straight_line=tr("straight_line", lang),
        projection=tr("projection", lang),
        target=fmt_value(row, row.target, lang),
        lang=lang,
    )
    period = (dt.date.fromisoformat(report.plan.start), dt.date.fromisoformat(report.plan.end))
    projected = row.projection.projected_end_value if row.projection else None
    chart = svg.progress_chart(
        points, period, float(row.target), row.kind == "percent", row.status, projected, labels
    )
    heads = [tr("date", lang), tr("actual", lang), tr("in_year", lang), tr("expected_line", lang)]
    rows = [
        [
            _e(day_text(p.date, lang)),
            _e(fmt_value(row, p.value, lang)),
            _e(bd.fmt_increase(p.in_year, lang)),
            _e(fmt_value(row, p.expected, lang)),
        ]
        for p in points
    ]
    return (
        f'\n<figure class="chart"><h3>{_e(labels.title)}</h3>\n{chart}\n'
        f"{_table(heads, rows, nums=3)}</figure>"
    )


def _localities(report: ReportDoc) -> str:
    lang, doc = report.lang, report.status
    ids, rows = bd.locality_rows(doc)
    table = _table([report_head(doc), *ids], [[_e(c) for c in r] for r in rows], nums=len(ids))
    note = f'<p class="note">{_e(table_title(doc))}.'
    others = bd.left_out_of_localities(doc)
    if others:
        note += " " + _e(tr("no_locality_subjects", lang, ids=", ".join(others)))
    return table + note + "</p>"


def _appendix_target(doc: ExplainDoc) -> str:
    out = [f"<h3>{_e(doc.row.id)} · {_e(doc.row.title)}</h3>"]
    for i, table in enumerate(explain_tables(doc)):
        out.append(f"<p><strong>{_e(table.title)}</strong></p>")
        rows = [[_e(c) for c in r] for r in table.rows]
        if rows:
            out.append(_table(table.heads, rows))
        elif i == 0:
            out.append(f"<p>{_e(tr('nobody', doc.lang))}</p>")
    return "".join(out)


def _problems(report: ReportDoc) -> str:
    lang = report.lang
    if not report.problem_list:
        return f"<p>{_e(tr('no_problems', lang))}</p>"
    line, heads, rows, more = problems_table(report, PROBLEMS_SHOWN)
    body = [[_e(cell) for cell in row] for row in rows]
    tail = f'<p class="note">{_e(tr("problems_more", lang, n=more))}</p>' if more > 0 else ""
    return f"<p>{_e(line)}</p>{_table(heads, body)}{tail}"


def render(report: ReportDoc) -> str:
    """The whole page."""
    lang, doc = report.lang, report.status
    sections = [
        _section(0, _summary(report), lang, page=False),
        _section(1, "".join(_chart(report, r) for r in doc.targets), lang),
        _section(2, _localities(report), lang),
        _section(3, "".join(_appendix_target(e) for e in report.explain.values()), lang),
        _section(4, _problems(report), lang),
    ]
    footer = tr(
        "generated",
        lang,
        as_of=day_text(doc.as_of, lang),
        at=day_text(doc.evaluated_at, lang),
    )
    title = f"{tr('report_heading', lang)} · {report.plan.title} · {day_text(doc.as_of, lang)}"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{_head(report)}\n{_toc(lang)}\n" + "\n".join(sections) + "\n"
        f"<footer>{_e(footer)}</footer>\n</body>\n</html>\n"
    )
