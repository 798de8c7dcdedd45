"""A look inside an .xlsx sheet before calamine reads it: its real extent, and formula cells
that carry no saved value (openpyxl writes `=…` strings as formulas; calamine then reads "")."""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from pqp_cli.core.messages import phrase
from pqp_cli.core.problems import PqpError, display_path
from pqp_cli.importing.outcome import column_letter

#: More cells than this in a sheet's used range (rows × columns) is refused, not materialised.
MAX_CELLS = 5_000_000
_CELL = re.compile(rb'<c\s+r="([A-Z]{1,3})([0-9]{1,7})"')
#: A formula cell with no saved value, as programs that do not calculate write it (openpyxl:
#: `<c r="B2"><f>A2*2</f><v /></c>`). Excel saves every result, and a formula that returns ""
#: is `t="str"` with an empty value: that one is a real empty cell, not matched here.
_FORMULA_NO_VALUE = re.compile(
    rb'<c\s+r="([A-Z]{1,3})([0-9]{1,7})"(?![^>]*\bt="(?:str|s|inlineStr|e|b)")[^>]*>'
    rb"\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>"
)
#: A cell showing an Excel error (`#N/A`, `#DIV/0!`…): calamine reads it as "".
_ERROR_CELL = re.compile(
    rb'<c\s+r="([A-Z]{1,3})([0-9]{1,7})"[^>]*\bt="e"[^>]*>(?:(?!</c>).)*?<v>([^<]*)</v>', re.S
)
_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}


@dataclass
class Scan:
    """What the sheet's XML says: its far corner (0-based; when `_within` proved the range
    passes, `cols` is the width it proved the cells stay within) and formula cells without a
    value."""

    rows: int = 0
    cols: int = 0
    far: str = ""
    formulas: set[tuple[int, int]] = field(default_factory=set)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)


def col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def scan(path: Path, sheet: str) -> Scan | None:
    """The scan of one sheet of an .xlsx/.xlsm file; None when the file is laid out otherwise."""
    try:
        with zipfile.ZipFile(path) as z:
            part = _sheet_part(z, sheet)
            if part is None:
                return None
            xml = z.read(part)
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return None
    found = _extent(xml)
    if b"<f" in xml:  # a plain substring test skips the regex on sheets without formulas
        for m in _FORMULA_NO_VALUE.finditer(xml):
            found.formulas.add((int(m.group(2)) - 1, col_index(m.group(1))))
    if b't="e"' in xml:  # likewise for error cells
        for m in _ERROR_CELL.finditer(xml):
            shown = m.group(3).decode("utf-8", "replace")[:20]
            found.errors[(int(m.group(2)) - 1, col_index(m.group(1)))] = shown
    return found


def _extent(xml: bytes) -> Scan:
    """The sheet's far corner, or (`_within`) proof that the range passes. The cell references
    are collected by one `findall` (a Python step per cell cost more than calamine's whole
    read); the far cell, which only the refusal names, is looked for cell by cell only when the
    range is absurd."""
    quick = _within(xml)
    if quick is not None:
        return quick
    cells = _CELL.findall(xml)
    if not cells:
        return Scan()
    rows = max(map(int, [row for _, row in cells]))
    cols = max(col_index(letters) for letters in {letters for letters, _ in cells}) + 1
    if rows * cols > MAX_CELLS:
        return _extent_by_cell(xml)
    return Scan(rows=rows, cols=cols)


def _within(xml: bytes) -> Scan | None:
    """A sheet whose last cell is in its last row (as every program writes them) and whose
    widest cell keeps the range under MAX_CELLS, told by one regex search that finds no cell
    below that row nor right of that width: Scan(rows, a bound on cols that passes). None
    when it cannot tell (a cell found there, or no cell): `_extent` then counts every cell."""
    at = xml.rfind(b'<c r="')
    last = _CELL.match(xml, at) if at >= 0 else None
    if last is None:
        return None
    rows = int(last.group(2))
    width = MAX_CELLS // rows if rows else 0
    if width < 1:
        return None
    beyond = rb'<c\s+r="(?:[A-Z]{1,3}0*' + _greater_number(rows) + rb'"'
    if width <= col_index(b"ZZZ"):
        beyond += rb"|" + _letters_from(column_letter(width).encode()) + rb"[0-9]"
    if re.search(beyond + rb")", xml) is not None:
        return None
    return Scan(rows=rows, cols=width)


def _greater_number(n: int) -> bytes:
    """A regex matching the decimal numbers above n (no leading zero): longer ones, or as long
    and greater at the first digit that differs."""
    digits = str(n)
    size = len(digits)
    options = [f"[1-9][0-9]{{{size},}}"]
    for i, d in enumerate(digits):
        if d != "9":
            options.append(f"{digits[:i]}[{int(d) + 1}-9][0-9]{{{size - i - 1}}}")
    return ("(?:" + "|".join(options) + ")").encode()


def _letters_from(letters: bytes) -> bytes:
    """A regex matching the column letters at or right of `letters` (as long or longer)."""
    size = len(letters)
    options = [letters.decode()] + ([f"[A-Z]{{{size + 1},3}}"] if size < 3 else [])
    for i, ch in enumerate(letters.decode()):
        if ch != "Z":
            options.append(f"{letters[:i].decode()}[{chr(ord(ch) + 1)}-Z][A-Z]{{{size - i - 1}}}")
    return ("(?:" + "|".join(options) + ")").encode()


def _extent_by_cell(xml: bytes) -> Scan:
    """The far corner and the cell that last pushed it out (the one a refusal names)."""
    found = Scan()
    for m in _CELL.finditer(xml):
        col, row = col_index(m.group(1)), int(m.group(2)) - 1
        if row >= found.rows or col >= found.cols:
            found.far = f"{m.group(1).decode()}{row + 1}"
            found.rows, found.cols = max(found.rows, row + 1), max(found.cols, col + 1)
    return found


def _sheet_part(z: zipfile.ZipFile, sheet: str) -> str | None:
    book = ElementTree.fromstring(z.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    sheets = book.iter(f"{{{_NS['m']}}}sheet")
    rid = next((s.get(f"{{{_NS['r']}}}id") for s in sheets if s.get("name") == sheet), None)
    target = next((r.get("Target") for r in rels if r.get("Id") == rid), None)
    if not target:
        return None
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)


def refuse_absurd(found: Scan, source: Path, sheet: str) -> None:
    """Exit 2 naming the far cell when the used range is too big to read as a grid."""
    if found.rows * found.cols <= MAX_CELLS:
        return
    name = display_path(source)
    corner = f"{column_letter(found.cols - 1)}{found.rows}"
    raise PqpError(
        *phrase("used-range-absurd", path=name, sheet=sheet, corner=corner, far=found.far)
    )
