"""Total rows: `Tổng cộng` ends a sheet's data, a `Cộng` subtotal is skipped; nothing else.

Labels are compared WITH diacritics (`Tổng công ty …` is a name, not `Tổng cộng`); a label
written without any diacritics is compared folded only against the bare words (`Tong cong`).
A row with a row number (STT) before the label is a data row. A skipped total row holding
text beyond counts, and rows after the grand total holding anything, are named in messages.
"""

from __future__ import annotations

import re
from typing import Any

from pqp_cli.core.text import key
from pqp_cli.importing.celltext import cell_text
from pqp_cli.importing.outcome import Note, Where, column_letter

_GRAND = ("tổng cộng số", "tổng cộng", "tổng số", "tổng", "grand total", "total")
_SUB = ("cộng số", "cộng", "subtotal", "sub-total", "sub total")
_GRAND_ASCII = ("tong cong so", "tong cong", "tong so", "tong")
_SUB_ASCII = ("cong so", "cong")


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    label = "|".join(re.escape(w) for w in words)
    # the label, then perhaps `:`, a parenthesis `(A+B)` or a count `4 cơ sở`, nothing else
    return re.compile(rf"^(?:{label})\s*[:.\-]*\s*(?:\([^()]*\)|\d[\d.,\s]*(?:\s\S+){{0,3}})?$")


_GRAND_RE, _SUB_RE = _pattern(_GRAND), _pattern(_SUB)
_GRAND_ASCII_RE, _SUB_ASCII_RE = _pattern(_GRAND_ASCII), _pattern(_SUB_ASCII)
_NUMBERING = re.compile(r"^\(?\s*\d{1,4}\s*[).]?$")


def label_kind(text: str) -> str | None:
    """'grand' or 'sub' when a cell's text is a total label, else None."""
    if "0" <= text[:1] <= "9":  # every data row's STT: no label starts with a digit
        return None
    lowered = key(text)
    if _GRAND_RE.match(lowered):
        return "grand"
    if _SUB_RE.match(lowered):
        return "sub"
    if lowered.isascii():  # written without diacritics: only the bare words count
        if _GRAND_ASCII_RE.match(lowered):
            return "grand"
        if _SUB_ASCII_RE.match(lowered):
            return "sub"
    return None


def total_kind(row: list[Any]) -> tuple[str, int] | None:
    """('grand' | 'sub', column of the label) when the row's first text is a total label.

    A row number before the label makes it a data row (a record named "Cộng"), as does any
    other value that is not text (a number, a date: its text never is a label)."""
    for col, value in enumerate(row[:4]):
        if value is None:
            continue
        if value.__class__ is not str:
            return None
        text = cell_text(value)
        if not text:
            continue
        found = label_kind(text)
        return (found, col) if found else None
    return None


def _counts(text: str) -> bool:
    """A figure or a count (`10`, `4 cơ sở`): what a total row holds besides its label."""
    return bool(text) and (text[0].isdigit() or text[0] in "+-(")


def extra_cells(row: list[Any], label_col: int) -> list[tuple[int, str]]:
    """The cells of a total row holding text that is no figure."""
    return [
        (c, cell_text(v))
        for c, v in enumerate(row)
        if c != label_col and cell_text(v) and not _counts(cell_text(v))
    ]


def _shown(cells: list[tuple[int, str]], row: int) -> str:
    return ", ".join(f"{column_letter(c)}{row + 1} '{t[:40]}'" for c, t in cells[:6])


def skipped_note(source: str, sheet: str, row: int, cells: list[tuple[int, str]]) -> Note:
    shown = _shown(cells, row)
    return Note.of("total-row", Where(source, sheet, row + 1), shown=shown)


def _record_like(cells: list[tuple[int, str]], columns: dict[int, str]) -> bool:
    """A row number and more, or a name with a type or a place: a record, not a signature."""
    if _NUMBERING.match(cells[0][1]) and len(cells) > 1:
        return True
    keys = [columns.get(c, "") for c, _ in cells]
    named = any(k == "name" or k.endswith("_name") for k in keys)
    return named and any(k.endswith(("type", "locality", "district")) for k in keys)


def after_total(
    source: str,
    sheet: str,
    total_row: int,
    rows: list[tuple[int, list[Any]]],
    columns: dict[int, str],
) -> tuple[list[Note], list[Note]]:
    """(warnings, rejects) for the filled rows below the grand total: a row that starts with a
    row number, or gives a name with a type or a place, looks like a record and is rejected
    (with or without an STT column); any other (signatures…) is a warning."""
    warnings: list[Note] = []
    rejects: list[Note] = []
    for index, row in rows:
        cells = [(c, cell_text(v)) for c, v in enumerate(row) if cell_text(v)]
        if not cells:
            continue
        shown = _shown(cells, index)
        where = Where(source, sheet, index + 1)
        if _record_like(cells, columns):
            rejects.append(Note.of("after-total/record", where, total=total_row + 1, shown=shown))
        else:
            warnings.append(Note.of("after-total", where, total=total_row + 1, shown=shown))
    return warnings, rejects
