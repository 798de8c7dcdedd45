"""`pqp status` as a table (rich on a terminal, plain otherwise), JSON, CSV or Markdown."""

from __future__ import annotations

import csv
import io
import json

from rich.console import Console
from rich.table import Table
from rich.text import Text
from tabulate import tabulate

from pqp_cli.core.i18n import tr
from pqp_cli.core.text import csv_safe
from pqp_cli.figures.documents import ROW_KEYS, Figure, StatusDoc, StatusRow
from pqp_cli.render import breakdown
from pqp_cli.render.console import plain_console
from pqp_cli.render.rows import Numbers, fmt_number, status_cells

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


def _with_unit(row: StatusRow, x: Figure) -> str:
    return f"{fmt_number(x)}%" if row.kind == "percent" else fmt_number(x)


#: `status` writes a percentage's unit on its value even when unknown, none on the expected.
NUMBERS = Numbers(
    value=_with_unit,
    count=fmt_number,
    target=_with_unit,
    expected=lambda row, x: fmt_number(x),
    percent=lambda x: f"{fmt_number(x)}%",
)


def heading(doc: StatusDoc) -> str:
    lang = doc.lang
    return (
        f"{doc.title} · {tr('period', lang)} {doc.start} → {doc.end} · "
        f"{tr('as_of', lang)} {doc.as_of}"
        + (
            f" ({tr('evaluated_at', lang)} {doc.evaluated_at})"
            if doc.evaluated_at != doc.as_of
            else ""
        )
    )


def _headers(doc: StatusDoc) -> list[str]:
    return [tr(c, doc.lang) for c in COLUMNS] + breakdown.projection_headers(doc)


def print_table(console: Console, doc: StatusDoc) -> None:
    """The status table: coloured statuses and bars on a terminal, plain text elsewhere."""
    rows = [(r.status, status_cells(r, doc.lang, NUMBERS)) for r in doc.targets]
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
    """One row per target with the JSON keys as columns (machine-friendly: raw codes)."""
    out = io.StringIO()
    keys = list(ROW_KEYS)
    rows, extra = breakdown.csv_rows(doc, keys)
    writer = csv.DictWriter(
        out, fieldnames=keys + extra, extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    for r in rows:
        writer.writerow({k: "" if r.get(k) is None else csv_safe(r.get(k)) for k in keys + extra})
    return out.getvalue()


def to_markdown(doc: StatusDoc) -> str:
    """The status table in Markdown, then the by-year and by-place tables the rows carry."""
    from pqp_cli.render.mdsafe import inert

    safe = inert(doc)  # names come from data: no tags, links or pipes
    body = [
        [c.id, c.title, c.value, c.target, c.progress, c.expected, c.status, *c.projection]
        for c in (status_cells(r, safe.lang, NUMBERS) for r in safe.targets)
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
    return json.dumps(doc.to_json(), ensure_ascii=False, indent=2) + "\n"


def render(doc: StatusDoc, fmt: str) -> str:
    """`status` in a format: table (as text), json, csv or markdown."""
    formats = {"table": to_text, "json": to_json, "csv": to_csv, "markdown": to_markdown}
    if fmt not in formats:
        raise ValueError(f"unknown status format {fmt!r}: give any of {', '.join(formats)}")
    return formats[fmt](doc)
