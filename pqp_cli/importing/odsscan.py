"""A look inside an .ods sheet before calamine reads it: the far corner of its filled cells.

calamine builds the whole grid up to the farthest filled cell: one stray cell at row 1,000,000
and column 40 costs gigabytes. The content is streamed here (repeated rows and cells counted,
never expanded) so that an absurd used range is refused (`xlsxscan.refuse_absurd`) first.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from pqp_cli.importing.outcome import column_letter
from pqp_cli.importing.xlsxscan import Scan

_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TABLE, _ROW = f"{{{_TABLE_NS}}}table", f"{{{_TABLE_NS}}}table-row"
_CELLS = (f"{{{_TABLE_NS}}}table-cell", f"{{{_TABLE_NS}}}covered-table-cell")
_NAME = f"{{{_TABLE_NS}}}name"
_ROWS_REPEATED = f"{{{_TABLE_NS}}}number-rows-repeated"
_COLS_REPEATED = f"{{{_TABLE_NS}}}number-columns-repeated"
_VALUE_TYPE = f"{{{_OFFICE_NS}}}value-type"


def _count(element: Any, attribute: str) -> int:
    try:
        return max(1, int(element.get(attribute, "1")))
    except ValueError:
        return 1


def scan(path: Path) -> dict[str, Scan]:
    """The far corner of the filled cells of each sheet; {} when the file is laid out
    otherwise (calamine then says what is wrong)."""
    try:
        with zipfile.ZipFile(path) as z, z.open("content.xml") as content:
            return _scan(content)
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError, RuntimeError):
        return {}


def _scan(content: Any) -> dict[str, Scan]:
    sheets: dict[str, Scan] = {}
    found: Scan | None = None
    row = col = repeat = 0
    for event, element in ElementTree.iterparse(content, events=("start", "end")):
        tag = element.tag
        if tag == _TABLE:
            if event == "start":
                found = sheets[str(element.get(_NAME))] = Scan()
                row = 0
            else:
                found = None
                element.clear()
            continue
        if found is None:
            continue
        if tag == _ROW:
            if event == "start":
                col, repeat = 0, _count(element, _ROWS_REPEATED)
            else:
                row += repeat
                element.clear()
        elif tag in _CELLS and event == "end":
            width = _count(element, _COLS_REPEATED)
            if element.get(_VALUE_TYPE) is not None or len(element):
                far_row, far_col = row + repeat, col + width
                if far_row > found.rows or far_col > found.cols:
                    found.far = f"{column_letter(far_col - 1)}{far_row}"
                found.rows, found.cols = max(found.rows, far_row), max(found.cols, far_col)
            col += width
            element.clear()
    return sheets
