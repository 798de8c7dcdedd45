"""Review of issue 9, finding 2: a cell showing an Excel error is never read as empty.

Through the CLI on sheets built in the test; the figure (status JSON) and the message.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from test_import_helpers import csv_file, data_dir, pqp
from test_import_nolose import figures

D = dt.datetime(2023, 4, 3)
HEADER = ["STT", "Tên lớp tập huấn", "Ngày tập huấn", "Nội dung", "Tên cơ sở"]


def _with_errors(path: Path, rows: list[list], errors: dict[str, str]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "DS"
    for row in rows:
        sheet.append(row)
    for ref, shown in errors.items():
        sheet[ref].value = shown
        sheet[ref].data_type = "e"
    book.save(path)
    return path


def test_error_cells_reject_their_row_naming_the_cell(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    rows = [
        HEADER,
        [1, "Lớp A", D, "Đo lường", "Cty Bánh kẹo Lam Sơn"],
        [2, "Lớp B", None, "Đo lường", "HTX Nông nghiệp Lân"],
        [3, "Lớp C", D, "Đo lường", None],
    ]
    source = _with_errors(tmp_path / "lop.xlsx", rows, {"C3": "#VALUE!", "E4": "#N/A"})
    result = pqp("import", "trainings", source, "--data", data)
    assert result.exit_code == 1
    assert (
        'lop.xlsx › DS › C3 (column "Ngày tập huấn"): the cell shows an Excel error #VALUE!:'
        " fix the formula or paste values"
    ) in result.stdout
    assert 'lop.xlsx › DS › E4 (column "Tên cơ sở"): the cell shows an Excel error #N/A' in (
        result.stdout
    )
    assert "B3" not in result.stdout  # the date cell is named, not the title
    assert figures(tmp_path, data)["T1"] == 0
    vi = pqp("import", "trainings", source, "--data", data, "--lang", "vi")
    assert "ô hiển thị lỗi Excel #N/A: hãy sửa công thức hoặc dán giá trị" in vi.stdout
    kept = pqp("import", "trainings", source, "--data", data, "--skip-invalid")
    assert "Wrote" in kept.stdout  # exit 1 all the same: rows were rejected
    assert figures(tmp_path, data)["T1"] == 1


def test_error_text_in_a_csv_is_rejected(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    rows = [
        HEADER,
        [1, "Lớp A", "03/04/2023", "Đo lường", "Cty Bánh kẹo Lam Sơn"],
        [2, "Lớp B", "#DIV/0!", "Đo lường", "HTX Nông nghiệp Lân"],
    ]
    source = csv_file(tmp_path / "lop.csv", rows)
    result = pqp("import", "trainings", source, "--data", data)
    assert result.exit_code == 1
    assert "lop.csv › lop › C3" in result.stdout
    assert "the cell shows an Excel error #DIV/0!" in result.stdout
    assert figures(tmp_path, data)["T1"] == 0
