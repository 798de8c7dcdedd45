"""`pqp status` as a table (rich on a terminal, plain otherwise), JSON, CSV or Markdown."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from tabulate import tabulate

from pqp_cli.core.i18n import column, kind_label, status_label, tr
from pqp_cli.core.text import csv_safe
from pqp_cli.figures.documents import ROW_KEYS, Figure, StatusDoc, StatusRow
from pqp_cli.render import breakdown
from pqp_cli.render.console import plain_console
from pqp_cli.render.jsontext import dumps
from pqp_cli.render.rows import Numbers, fmt_number, report_numbers, status_cells
from pqp_cli.render.vnformat import day_text, period_text

if TYPE_CHECKING:  # rich is imported when a table is printed: JSON and CSV never need it
    from rich.console import Console

COLOURS = {
    "met": "bold green",
    "on_track": "green",
    "at_risk": "yellow",
    "behind": "red",
    "missed": "bold red",
    "not_started": "dim",
    "no_data": "dim",
}
COLUMNS = ("id", "target_title", "value", "target", "progress", "expected", "status")


def bar(percent: float | None, width: int = 20) -> str:
    """A progress bar of block characters, full at 100%."""
    if percent is None:
        return "·" * width
    filled = round(min(max(percent, 0.0), 100.0) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def numbers(lang: str) -> Numbers:
    """`status` writes a percentage's unit on its value even when unknown, none on the
    expected (as it always has, in English); under `vi` the reports' way (`95,0%`, `– (0/0)`),
    so that an analyst reads one figure one way in the table, the CSV's Excel and the report."""
    if lang == "vi":
        return report_numbers(lang)

    def with_unit(row: StatusRow, x: Figure) -> str:
        text = fmt_number(x, lang)
        return f"{text}%" if row.kind == "percent" else text

    return Numbers(
        value=with_unit,
        count=lambda x: fmt_number(x, lang),
        target=with_unit,
        expected=lambda row, x: fmt_number(x, lang),
        percent=lambda x: f"{fmt_number(x, lang)}%",
    )


def heading(doc: StatusDoc) -> str:
    lang = doc.lang
    return (
        f"{doc.title} · {tr('period', lang)} {period_text(doc.start, doc.end, lang)} · "
        f"{tr('as_of', lang)} {day_text(doc.as_of, lang)}"
        + (
            f" ({tr('evaluated_at', lang)} {day_text(doc.evaluated_at, lang)})"
            if doc.evaluated_at != doc.as_of
            else ""
        )
    )


def _headers(doc: StatusDoc) -> list[str]:
    return [tr(c, doc.lang) for c in COLUMNS] + breakdown.projection_headers(doc)


def print_table(console: Console, doc: StatusDoc) -> None:
    """The status table: coloured statuses and bars on a terminal, plain text elsewhere."""
    rows = [(r.status, status_cells(r, doc.lang, numbers(doc.lang))) for r in doc.targets]
    if not console.is_terminal:
        body = [
            [c.id, c.title, c.value, c.target, f"{bar(c.percent)} {c.progress}", c.expected]
            + [c.status, *c.projection]
            for _, c in rows
        ]
        console.print(heading(doc), markup=False)
        text = tabulate(body, headers=_headers(doc), tablefmt="simple", disable_numparse=True)
        console.print(text, markup=False)
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=heading(doc), title_justify="left")
    for h in _headers(doc):
        table.add_column(h, overflow="fold")
    for status, c in rows:
        colour = COLOURS.get(status, "")
        progress = Text(f"{bar(c.percent)} {c.progress}", style=colour)
        status_text = Text(c.status, style=colour)
        table.add_row(
            c.id, c.title, c.value, c.target, progress, c.expected, status_text, *c.projection
        )
    console.print(table)


def to_csv(doc: StatusDoc) -> str:
    """One row per target with the JSON keys as columns (machine-friendly: raw codes) in
    English; under `vi`, what Excel on a Vietnamese Windows opens as written: a UTF-8 BOM (or
    Excel reads the diacritics as ANSI), Vietnamese heads and statuses, `86,6` and `31/12/2025`."""
    out = io.StringIO()
    keys = list(ROW_KEYS)
    rows, extra = breakdown.csv_rows(doc, keys)
    lang = doc.lang
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([column(k, lang) for k in keys + extra])
    for r in rows:
        writer.writerow([_csv_cell(k, r.get(k), lang) for k in keys + extra])
    return ("\ufeff" if lang == "vi" else "") + out.getvalue()


def _csv_cell(key: str, value: object, lang: str) -> str:
    """A CSV cell: the JSON value in English; a label, a Vietnamese number or date under `vi`."""
    if value is None:
        return ""
    if lang == "vi":
        if key == "status":
            value = status_label(str(value), lang)
        elif key == "kind":
            value = kind_label(str(value), lang)
        elif key == "projected_met_on":
            value = day_text(str(value), lang)
        elif isinstance(value, bool):
            value = tr("yes" if value else "no", lang)
        elif isinstance(value, int | float):
            value = fmt_number(value, lang)
    return str(csv_safe(value))


def to_markdown(doc: StatusDoc) -> str:
    """The status table in Markdown, then the by-year and by-place tables the rows carry."""
    from pqp_cli.render.mdsafe import inert

    safe = inert(doc)  # names come from data: no tags, links or pipes
    body = [
        [c.id, c.title, c.value, c.target, c.progress, c.expected, c.status, *c.projection]
        for c in (status_cells(r, safe.lang, numbers(safe.lang)) for r in safe.targets)
    ]
    table = tabulate(body, headers=_headers(safe), tablefmt="github", disable_numparse=True)
    text = f"**{heading(safe)}**\n\n{table}\n"
    return text + "".join("\n" + t for t in breakdown.extra_tables(doc, "github"))


def to_text(doc: StatusDoc) -> str:
    """The table as `status` prints it when its output is not a terminal."""
    out = io.StringIO()
    print_table(plain_console(out), doc)
    return out.getvalue() + "".join("\n" + t for t in breakdown.extra_tables(doc, "simple"))


def to_json(doc: StatusDoc) -> str:
    return dumps(doc.to_json())


def render(doc: StatusDoc, fmt: str) -> str:
    """`status` in a format: table (as text), json, csv or markdown."""
    formats = {"table": to_text, "json": to_json, "csv": to_csv, "markdown": to_markdown}
    if fmt not in formats:
        raise ValueError(f"unknown status format {fmt!r}: give any of {', '.join(formats)}")
    return formats[fmt](doc)
