"""`pqp status` as a table (rich on a terminal, plain otherwise), CSV or Markdown."""

from __future__ import annotations

import csv
import io
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text
from tabulate import tabulate

from pqp_cli.core.i18n import status_label, tr
from pqp_cli.core.text import csv_safe
from pqp_cli.render import breakdown

COLOURS = {
    "met": "bold green",
    "on_track": "green",
    "at_risk": "yellow",
    "behind": "red",
    "missed": "bold red",
    "not_started": "dim",
    "no_data": "dim",
}
#: A target's keys in `status --format json`, in order (numerator/denominator: percent only).
TARGET_KEYS = (
    "id",
    "title",
    "metric",
    "kind",
    "value",
    "target",
    "numerator",
    "denominator",
    "progress_percent",
    "expected",
    "status",
)
COLUMNS = ("id", "target_title", "value", "target", "progress", "expected", "status")


def bar(percent: float | None, width: int = 20) -> str:
    """A progress bar of block characters, full at 100%."""
    if percent is None:
        return "·" * width
    filled = round(min(max(percent, 0.0), 100.0) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def _fmt(x: Any) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.1f}"
    return str(x)


def _value(row: dict[str, Any]) -> str:
    text = _fmt(row["value"])
    if row["kind"] == "percent":
        text = f"{text}% ({_fmt(row['numerator'])}/{_fmt(row['denominator'])})"
    return text


def _target(row: dict[str, Any]) -> str:
    return f"{_fmt(row['target'])}%" if row["kind"] == "percent" else _fmt(row["target"])


def _progress(row: dict[str, Any]) -> str:
    pct = row["progress_percent"]
    return f"{bar(pct)} {_fmt(pct)}%"


def heading(doc: dict[str, Any], title: str, lang: str) -> str:
    period = doc["plan"]["period"]
    return (
        f"{title} · {tr('period', lang)} {period['start']} → {period['end']} · "
        f"{tr('as_of', lang)} {doc['as_of']}"
        + (
            f" ({tr('evaluated_at', lang)} {doc['evaluated_at']})"
            if doc["evaluated_at"] != doc["as_of"]
            else ""
        )
    )


def print_table(console: Console, doc: dict[str, Any], title: str, lang: str) -> None:
    """The status table: coloured statuses and bars on a terminal, plain text elsewhere."""
    headers = [tr(c, lang) for c in COLUMNS] + breakdown.projection_headers(doc, lang)
    rows = doc["targets"]
    if not console.is_terminal:
        body = [
            [
                r["id"],
                r["title"],
                _value(r),
                _target(r),
                _progress(r),
                _fmt(r["expected"]),
                status_label(r["status"], lang),
                *breakdown.projection_cells(r),
            ]
            for r in rows
        ]
        console.print(heading(doc, title, lang), markup=False)
        console.print(
            tabulate(body, headers=headers, tablefmt="simple", disable_numparse=True), markup=False
        )
        return
    table = Table(title=heading(doc, title, lang), title_justify="left")
    for h in headers:
        table.add_column(h, overflow="fold")
    for r in rows:
        colour = COLOURS.get(r["status"], "")
        table.add_row(
            r["id"],
            r["title"],
            _value(r),
            _target(r),
            Text(_progress(r), style=colour),
            _fmt(r["expected"]),
            Text(status_label(r["status"], lang), style=colour),
            *breakdown.projection_cells(r),
        )
    console.print(table)


def to_csv(doc: dict[str, Any]) -> str:
    """One row per target with the JSON keys as columns (machine-friendly: raw codes)."""
    out = io.StringIO()
    keys = list(TARGET_KEYS)
    rows, extra = breakdown.csv_rows(doc, keys)
    writer = csv.DictWriter(
        out, fieldnames=keys + extra, extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    for r in rows:
        writer.writerow({k: "" if r.get(k) is None else csv_safe(r.get(k)) for k in keys + extra})
    return out.getvalue()


def to_markdown(doc: dict[str, Any], title: str, lang: str) -> str:
    from pqp_cli.render.mdsafe import inert, text

    doc, title = inert(doc), text(title)  # names come from data: no tags, links or pipes
    headers = [tr(c, lang) for c in COLUMNS] + breakdown.projection_headers(doc, lang)
    body = [
        [
            r["id"],
            r["title"],
            _value(r),
            _target(r),
            f"{_fmt(r['progress_percent'])}%",
            _fmt(r["expected"]),
            status_label(r["status"], lang),
            *breakdown.projection_cells(r),
        ]
        for r in doc["targets"]
    ]
    table = tabulate(body, headers=headers, tablefmt="github", disable_numparse=True)
    return f"**{heading(doc, title, lang)}**\n\n{table}\n"
