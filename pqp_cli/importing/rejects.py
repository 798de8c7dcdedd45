"""SOURCE.rejects.csv: the rejected rows as the sheet had them, with their row and reasons."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from pqp_cli.core.i18n import tr
from pqp_cli.core.text import csv_safe
from pqp_cli.importing import writing
from pqp_cli.importing.celltext import cell_text
from pqp_cli.importing.outcome import ImportReport
from pqp_cli.importing.request import ImportRequest
from pqp_cli.importing.sheet import Layout


def write_rejects(
    req: ImportRequest, layout: Layout, cells: list[list[Any]], report: ImportReport
) -> Path:
    """SOURCE.rejects.csv: the rejected rows as they were, with their row and reasons."""
    lang = req.lang
    reasons: dict[int, list[str]] = {}
    for note in report.rejects:
        if note.where is not None and note.where.row is not None:
            prefix = f"{note.where.source} › {note.where.sheet} › "
            reasons.setdefault(note.where.row, []).append(note.message(lang).removeprefix(prefix))
    width = max((len(cells[r - 1]) for r in reasons), default=0)
    header = [cell_text(v) for v in cells[layout.header_row]][:width]
    header += [""] * (width - len(header))  # a row wider than its header: keep columns aligned
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            *map(csv_safe, header),
            tr("rejects_row", lang),
            tr("rejects_reason", lang),
        ]
    )
    for row, texts in sorted(reasons.items()):
        shown = [_original(v, lang) for v in cells[row - 1]][:width]
        writer.writerow([*shown, *[""] * (width - len(shown)), row, csv_safe(" | ".join(texts))])
    path = req.source.with_name(writing.short_name(req.source.name, ".rejects.csv"))
    writing.write_atomic(path, "\ufeff" + out.getvalue())
    return path


_FORMULA = ("=", "+", "-", "@")


def _original(value: Any, lang: str) -> Any:
    """A cell as the sheet had it (leading spaces and tabs kept), neutralised when a spreadsheet
    could run it, even behind leading blanks (OWASP: a leading `'`). Under `vi` a date cell is
    written day first (`03/04/2023`), as the sheet showed it; import reads it back either way."""
    if lang == "vi" and isinstance(value, dt.date):
        whole = not isinstance(value, dt.datetime) or value.time() == dt.time()
        if whole:
            return value.strftime("%d/%m/%Y")
    if not isinstance(value, str):
        return csv_safe(cell_text(value))
    if value.startswith(("\t", "\r")) or value.lstrip(" \t\r\n").startswith(_FORMULA):
        return "'" + value
    return value
