"""A look inside a legacy .xls sheet (BIFF8) before calamine reads it: its used range, and the
cells whose saved formula result is an Excel error (`#N/A`, `#DIV/0!`…), which calamine reads
as empty. olefile opens the compound file; the records are walked here (they are simple)."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

from pqp_cli.importing.outcome import column_letter
from pqp_cli.importing.xlsxscan import Scan

_BOF, _EOF, _BOUNDSHEET, _DIMENSIONS = 0x0809, 0x000A, 0x0085, 0x0200
_FORMULA, _BOOLERR = 0x0006, 0x0205
#: BIFF error codes as Excel shows them.
_ERRORS = {
    0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!",
    0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A",
}  # fmt: skip


def scan(path: Path, sheet: str) -> Scan | None:
    """The scan of one sheet of a BIFF8 .xls; None when the file is laid out otherwise (older
    BIFF, no Workbook stream): calamine then reads it as before."""
    try:
        import olefile

        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("Workbook"):
                return None
            data = ole.openstream("Workbook").read()
    except Exception:  # not a compound file, or damaged: calamine says so in its own words
        return None
    start = _sheet_offsets(data).get(sheet)
    return None if start is None else _walk_sheet(data, start)


def _records(data: bytes, pos: int = 0) -> Iterator[tuple[int, int, bytes]]:
    while pos + 4 <= len(data):
        rid, size = struct.unpack_from("<HH", data, pos)
        yield pos, rid, data[pos + 4 : pos + 4 + size]
        pos += 4 + size


def _sheet_offsets(data: bytes) -> dict[str, int]:
    """Sheet name → the offset of its BOF, from the BOUNDSHEET records of the globals."""
    found: dict[str, int] = {}
    for _, rid, body in _records(data):
        if rid == _EOF:
            break
        if rid == _BOUNDSHEET and len(body) >= 8:
            offset, count, high = struct.unpack_from("<IxxBB", body)
            raw = body[8 : 8 + count * (2 if high else 1)]
            found[raw.decode("utf-16-le" if high else "latin-1", "replace")] = offset
    return found


def _walk_sheet(data: bytes, start: int) -> Scan:
    found = Scan()
    for _, rid, body in _records(data, start):
        if rid == _EOF:
            break
        if rid == _DIMENSIONS and len(body) >= 12:
            _, rows, _, cols = struct.unpack_from("<IIHH", body)
            found.rows, found.cols = rows, cols
            found.far = f"{column_letter(max(cols - 1, 0))}{max(rows, 1)}"
        elif rid == _FORMULA and len(body) >= 14 and body[12:14] == b"\xff\xff" and body[6] == 2:
            row, col = struct.unpack_from("<HH", body)
            found.errors[(row, col)] = _ERRORS.get(body[8], "#ERROR")
        elif rid == _BOOLERR and len(body) >= 8 and body[7] == 1:
            row, col = struct.unpack_from("<HH", body)
            found.errors[(row, col)] = _ERRORS.get(body[6], "#ERROR")
    return found
