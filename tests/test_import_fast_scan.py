"""The .xlsx scan's quick proof that a sheet's used range passes (`xlsxscan._within`) decides
as counting every cell does: a far cell anywhere (out of order, after leading zeros, one column
too wide) is still refused, naming it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzzsize import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from pqp_cli.core.problems import PqpError
from pqp_cli.importing import xlsxscan
from pqp_cli.importing.outcome import column_letter
from pqp_cli.importing.xlsxscan import MAX_CELLS, Scan, col_index


def _xml(cells: list[tuple[str, str]]) -> bytes:
    body = "".join(f'<c r="{letters}{row}" t="n"><v>1</v></c>' for letters, row in cells)
    return f"<worksheet><sheetData><row>{body}</row></sheetData></worksheet>".encode()


def _exact(cells: list[tuple[str, str]]) -> tuple[int, int]:
    """The used range as counting every cell gives it (rows, columns)."""
    rows = max(int(row) for _, row in cells)
    cols = max(col_index(letters.encode()) for letters, _ in cells) + 1
    return rows, cols


def _refused(found: Scan) -> bool:
    return found.rows * found.cols > MAX_CELLS


_LETTERS = st.integers(0, 18277).map(column_letter)
_ROWS = st.integers(1, 9_999_999).map(str)
_ZEROS = st.sampled_from(["", "0", "00"])


@st.composite
def _cells(draw: st.DrawFn) -> list[tuple[str, str]]:
    """A grid as programs write it, then perhaps a stray cell placed anywhere in the list."""
    height = draw(st.integers(1, 60_000))
    width = draw(st.integers(1, 120))
    cells = [(column_letter(c), str(r)) for r in (1, height) for c in range(min(width, 3))]
    cells.append((column_letter(width - 1), str(height)))
    for _ in range(draw(st.integers(0, 2))):
        stray = (draw(_LETTERS), draw(_ZEROS) + draw(_ROWS))
        if len(stray[1]) <= 7:
            cells.insert(draw(st.integers(0, len(cells))), stray)
    return cells


@settings(max_examples=examples(120), deadline=None)
@given(_cells())
def test_the_quick_proof_decides_as_counting_every_cell(cells: list[tuple[str, str]]) -> None:
    xml = _xml(cells)
    found = xlsxscan._extent(xml)
    rows, cols = _exact(cells)
    assert _refused(found) == (rows * cols > MAX_CELLS)
    assert found.rows == rows
    if _refused(found):
        assert (found.rows, found.cols) == (rows, cols)


@pytest.mark.parametrize(
    ("cells", "refused"),
    [
        ([("A", "1"), ("H", "50005")], False),
        ([("A", "1"), ("CWN", "2"), ("H", "50005")], True),  # one column too wide, mid-sheet
        ([("A", "1"), ("A", "0070000"), ("CW", "50000")], True),  # leading zeros, out of order
        ([("CV", "50000")], False),  # 100 columns × 50,000 rows: exactly the limit
        ([("CW", "50000")], True),
    ],
)
def test_far_cells_the_last_cell_hides_are_found(
    cells: list[tuple[str, str]], refused: bool
) -> None:
    assert _refused(xlsxscan._extent(_xml(cells))) is refused


def test_a_far_cell_before_the_last_row_is_refused_naming_it(tmp_path: Path) -> None:
    """A stray cell written before the data's last row (the quick proof must not trust the
    last cell)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"], sheet["B1"] = "Tên lớp tập huấn", "Ngày tập huấn"
    sheet["ZZ100000"] = "x"
    sheet["A100001"] = "last"
    path = tmp_path / "far.xlsx"
    book.save(path)
    found = xlsxscan.scan(path, sheet.title)
    assert found is not None
    with pytest.raises(PqpError, match=r"the used range reaches ZZ100001"):
        xlsxscan.refuse_absurd(found, path, sheet.title)
