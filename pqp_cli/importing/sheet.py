"""A messy government sheet → its header and data rows (title rows, STT, `(1) (2)`, totals)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pqp_cli.core.messages import Texts, texts
from pqp_cli.core.text import header_key
from pqp_cli.importing import totals
from pqp_cli.importing.celltext import cell_text
from pqp_cli.importing.headers import IGNORE, ROW_NUMBER_HEADERS, match_header
from pqp_cli.importing.outcome import Note, Where

HEADER_SEARCH_ROWS = 20
_NUMBERING = re.compile(r"^\(?\s*(\d{1,3})\s*\)?$")


@dataclass(kw_only=True)
class Layout:
    """Where the header is, which column holds which key, and the first data row."""

    source: str
    sheet: str
    header_row: int  # 0-based
    first_data: int  # 0-based
    columns: dict[int, str]  # column index → column key
    headers: dict[int, str]  # column index → header text as the sheet writes it
    notes: list[Note] = field(default_factory=list)
    #: Headed columns read into no field (column index → why, en and vi); see `stray`.
    ignored: dict[int, tuple[str, str]] = field(default_factory=dict)
    #: 0-based (row, column) of formula cells without a saved value.
    formulas: set[tuple[int, int]] = field(default_factory=set)
    #: 0-based (row, column) → the Excel error a cell shows (`#N/A`), read as "" otherwise.
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    #: 0-based rows rejected before their cells are read (a CSV row wider than its header).
    bad_rows: set[int] = field(default_factory=set)
    #: Rows rejected while the data rows are found (a record below the grand total).
    rejects: list[Note] = field(default_factory=list)
    #: The data rows, blank ones included, once found (`data_rows` is walked twice).
    kept: list[tuple[int, list[Any]]] | None = field(default=None, repr=False)

    def where(self, row: int, col: int | None = None) -> Where:
        """The Excel place of a 0-based row and column."""
        header = self.headers.get(col) if col is not None else None
        return Where(self.source, self.sheet, row + 1, col, header)

    def col_of(self, key: str) -> int | None:
        return next((c for c, k in self.columns.items() if k == key), None)


_header_key = functools.lru_cache(maxsize=1 << 16)(header_key)


def _row_keys(row: list[Any], table: dict[str, str]) -> dict[int, str]:
    found: dict[int, str] = {}
    for col, value in enumerate(row):
        if isinstance(value, str) and value.strip():
            key = match_header(value, table)
            if key is not None:
                found[col] = key
    return found


def find_layout(rows: list[list[Any]], table: dict[str, str], source: str, sheet: str) -> Layout:
    """The first of the first 20 rows naming at least two known columns is the header.

    Raises LookupError when no row does.
    """
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        keys = _row_keys(row, table)
        if len({k for k in keys.values() if k != IGNORE}) >= 2:
            layout = Layout(
                source=source,
                sheet=sheet,
                header_row=index,
                first_data=index + 1,
                columns={},
                headers={},
            )
            return _layout(rows, index, keys, table, layout)
    raise LookupError(sheet)


def _layout(
    rows: list[list[Any]], index: int, keys: dict[int, str], table: dict[str, str], layout: Layout
) -> Layout:
    layout.headers = {c: cell_text(v) for c, v in enumerate(rows[index]) if cell_text(v)}
    _group_above(rows, index, keys, table, layout)
    below = rows[index + 1] if index + 1 < len(rows) else []
    sub = _sub_headers(below, keys, table)
    if sub:
        for col, (key, text) in sub.items():
            keys[col], layout.headers[col] = key, text
        layout.first_data += 1
    for col in sorted(layout.headers):
        _assign(layout, col, keys.get(col))
    return layout


def _group_above(
    rows: list[list[Any]], index: int, keys: dict[int, str], table: dict[str, str], layout: Layout
) -> None:
    """A header cell left blank under a row of group headers (`STT` merged over two rows)
    takes the text above it."""
    above = rows[index - 1] if index > 0 else []
    if sum(1 for v in above if cell_text(v)) < 2:
        return  # a title, not a row of group headers
    for col, value in enumerate(above):
        text = cell_text(value)
        if text and col not in layout.headers:
            layout.headers[col] = text
            key = match_header(text, table)
            if key is not None and key not in keys.values():
                keys[col] = key


def _sub_headers(
    below: list[Any], keys: dict[int, str], table: dict[str, str]
) -> dict[int, tuple[str, str]]:
    """A second header row under merged group headers (`Sản phẩm OCOP` › `Số sao`, …)."""
    texts = [v for v in below if cell_text(v)]
    if not texts or not all(isinstance(v, str) for v in texts):
        return {}
    found: dict[int, tuple[str, str]] = {}
    taken = {k for k in keys.values() if k != IGNORE}
    for col, value in enumerate(below):
        text = cell_text(value)
        key = match_header(text, table) if text else None
        if key is not None and key != IGNORE and key not in taken:
            found[col] = (key, text)
            taken.add(key)
    return found


def _assign(layout: Layout, col: int, key: str | None) -> None:
    header = layout.headers[col]
    if key is not None and key != IGNORE and key not in layout.columns.values():
        layout.columns[col] = key
        return
    if key == IGNORE or header_key(header) in ROW_NUMBER_HEADERS:
        return
    if key is not None:
        column = Texts(key, f'"{_vi_header(key)}" ("{key}")')
        layout.ignored[col] = texts("ignored-column/second", column=column)
    else:
        layout.ignored[col] = texts("ignored-column/no-field")


def _vi_header(key: str) -> str:
    """The Vietnamese header the template writes for a column key."""
    from pqp_cli.importing.headers import COLUMNS

    return next((c.vi[0] for cols in COLUMNS.values() for c in cols if c.key == key), key)


def is_blank(row: list[Any], layout: Layout) -> bool:
    """No value in any column that maps to a field (notes in other columns do not count)."""
    for col in layout.columns:
        value = row[col] if col < len(row) else None
        if value is None or value == "" or isinstance(value, str) and not value.strip():
            continue
        return False
    return True


def _is_numbering(row: list[Any]) -> bool:
    """The `(1) (2) (3)` (or `1 2 3`) row many government sheets put under the header."""
    texts = [cell_text(v) for v in row if cell_text(v)]
    matches = [_NUMBERING.match(t) for t in texts]
    if len(texts) < 2 or not all(matches):
        return False
    numbers = [int(m.group(1)) for m in matches if m]
    return any("(" in t for t in texts) or numbers == list(
        range(numbers[0], numbers[0] + len(numbers))
    )


def _repeats_header(row: list[Any], first: int, header: list[str]) -> bool:
    """The header again (sheets printed over several pages repeat it)."""
    value = row[first] if first < len(row) else None
    if not isinstance(value, str) or _header_key(value) != header[first]:
        return False
    return [header_key(cell_text(v)) for v in row] == header


def data_rows(
    rows: list[list[Any]], layout: Layout, blank: bool = False
) -> Iterator[tuple[int, list[Any]]]:
    """(0-based index, cells) of each data row: blank (unless `blank`), numbering,
    repeated-header and total rows skipped; the grand total ends the data."""
    if layout.kept is None:
        layout.kept = list(_data_rows(rows, layout))
    for index, row in layout.kept:
        if blank or not is_blank(row, layout) or shows_error(layout, index):
            yield index, row


def shows_error(layout: Layout, index: int) -> bool:
    """A cell of a read column shows an Excel error (read as "", so the row looked blank)."""
    return bool(layout.errors) and any((index, c) in layout.errors for c in layout.columns)


def _data_rows(rows: list[list[Any]], layout: Layout) -> Iterator[tuple[int, list[Any]]]:
    header = [header_key(cell_text(v)) for v in rows[layout.header_row]]
    first = min(layout.columns, default=0)
    for index in range(layout.first_data, len(rows)):
        row = rows[index]
        total = totals.total_kind(row)
        if total is not None:
            extra = totals.extra_cells(row, total[1])
            if extra:
                layout.notes.append(totals.skipped_note(layout.source, layout.sheet, index, extra))
            if total[0] == "grand":
                after = [(i, rows[i]) for i in range(index + 1, len(rows))]
                warned, rejected = totals.after_total(
                    layout.source, layout.sheet, index, after, layout.columns
                )
                layout.notes += warned
                layout.rejects += rejected
                return
            continue
        if index == layout.first_data and _is_numbering(row):
            continue
        if _repeats_header(row, first, header):
            continue
        yield index, row
