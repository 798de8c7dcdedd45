"""Cells no field reads: every one is named in a message (ignored columns, cells without a
header, a CSV row wider than its header), so that no value is lost without a word."""

from __future__ import annotations

from typing import Any

from pqp_cli.core.messages import Texts, texts
from pqp_cli.core.text import header_key
from pqp_cli.importing.celltext import cell_text
from pqp_cli.importing.headers import ROW_NUMBER_HEADERS, nearest_header
from pqp_cli.importing.outcome import Note, Where, column_letter
from pqp_cli.importing.sheet import Layout

_MAX_RUNS = 12


def cells_text(col: int, rows: list[int]) -> str:
    """0-based rows of one column as Excel ranges: `F5, F7:F9`."""
    letter, runs = column_letter(col), []
    numbers = sorted({r + 1 for r in rows})
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        runs.append(f"{letter}{start}" if start == prev else f"{letter}{start}:{letter}{prev}")
        if n is not None:
            start = prev = n
    more = len(runs) - _MAX_RUNS
    return ", ".join(runs[:_MAX_RUNS]) + (f" (+{more})" if more > 0 else "")


def filled(value: Any) -> bool:
    return bool(cell_text(value))


class Stray:
    """The cells of data rows that no field reads, gathered row by row during the one pass
    over the rows (`rowpass`); `notes` then names them. Only the columns that can hold such a
    cell are looked at: ignored columns and those without a header (a mapped column, or a
    row-number column, never)."""

    def __init__(self, layout: Layout, is_csv: bool) -> None:
        self.layout, self.is_csv = layout, is_csv
        self.ignored: dict[int, list[int]] = {c: [] for c in layout.ignored}
        self.unheaded: dict[int, list[int]] = {}
        self.width = max(layout.headers, default=-1) + 1
        self.rejects: list[Note] = []
        self._watched: dict[int, list[int]] = {}  # row length → the columns to look at

    def _watch(self, length: int) -> list[int]:
        layout = self.layout
        return [
            c
            for c in range(length)
            if c not in layout.columns and (c in layout.ignored or c not in layout.headers)
        ]

    def see(self, index: int, row: list[Any]) -> None:
        """Count the row's unread cells; a CSV row wider than its header is rejected (its
        index joins `layout.bad_rows`)."""
        watched = self._watched.get(len(row))
        if watched is None:
            watched = self._watched[len(row)] = self._watch(len(row))
        for col in watched:
            value = row[col]
            if value is None or value == "" or not filled(value):
                continue
            if col in self.ignored:
                self.ignored[col].append(index)
            else:
                self.unheaded.setdefault(col, []).append(index)
        if self.is_csv and any(filled(v) for v in row[self.width :]):
            self.rejects.append(_too_wide(self.layout, index, row, self.width))
            self.layout.bad_rows.add(index)

    def notes(self, kind: str) -> tuple[list[Note], list[Note]]:
        """(warnings, rejects) for the cells seen that no field reads."""
        layout, width, is_csv = self.layout, self.width, self.is_csv
        warnings = [_ignored(layout, kind, c, rows) for c, rows in self.ignored.items()]
        warnings += [
            _unheaded(layout, c, rows)
            for c, rows in self.unheaded.items()
            if c < width or not is_csv
        ]
        return warnings, self.rejects


def _ignored(layout: Layout, kind: str, col: int, rows: list[int]) -> Note:
    hint = nearest_header(layout.headers[col], kind)
    return Note.of(
        "ignored-column",
        layout.where(layout.header_row, col),
        reason=Texts(*layout.ignored[col]),
        hint=texts("ignored-column/hint", hint=hint) if hint else "",
        cells=texts("ignored-column/cells", where=cells_text(col, rows)) if rows else "",
    )


def _unheaded(layout: Layout, col: int, rows: list[int]) -> Note:
    where = cells_text(col, rows)
    return Note.of("ignored-column/unheaded", Where(layout.source, layout.sheet), where=where)


def _too_wide(layout: Layout, index: int, row: list[Any], width: int) -> Note:
    extra = [(c, cell_text(v)) for c, v in enumerate(row) if c >= width and filled(v)]
    shown = ", ".join(f"{column_letter(c)}{index + 1} '{t}'" for c, t in extra[:5])
    count = len(row)
    where = Where(layout.source, layout.sheet, index + 1)
    return Note.of("rejected/too-wide", where, count=count, width=width, shown=shown)


def unread_in_row(layout: Layout, row: list[Any]) -> list[int]:
    """The columns of a row holding a value that no field reads (row-number columns aside)."""
    return [
        c
        for c in sorted(layout.ignored)
        if c < len(row)
        and filled(row[c])
        and header_key(layout.headers.get(c, "")) not in ROW_NUMBER_HEADERS
    ]
