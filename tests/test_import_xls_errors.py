"""Legacy .xls: a cell whose saved formula result is an Excel error is named, never read as
empty (calamine reads it as ""), and an absurd used range is refused before it is read."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_import_helpers import TAX_LAMSON, data_dir, pqp
from test_import_nolose import figures

xlwt = pytest.importorskip("xlwt")

#: How xlwt saves a formula's result (an empty text) and how Excel saves `#N/A` (error 0x2A).
_EMPTY_RESULT = bytes.fromhex("030000000000ffff")
_NA_RESULT = bytes.fromhex("02002a000000ffff")


def _sheet(path: Path, name_cell: object) -> Path:
    book = xlwt.Workbook()
    sheet = book.add_sheet("DS")
    for col, head in enumerate(["Tên lớp", "Ngày", "Nội dung", "Mã số thuế", "Tên cơ sở"]):
        sheet.write(0, col, head)
    row = ["Lớp A", "03/04/2023", "Đo lường", TAX_LAMSON, name_cell]
    for col, value in enumerate(row):
        sheet.write(1, col, value)
    book.save(str(path))
    return path


def test_a_formula_showing_na_in_an_xls_rejects_its_row_naming_the_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = data_dir(tmp_path)
    source = _sheet(tmp_path / "lop.xls", xlwt.Formula("NA()"))
    raw = source.read_bytes()
    assert raw.count(_EMPTY_RESULT) == 1
    source.write_bytes(raw.replace(_EMPTY_RESULT, _NA_RESULT))  # as Excel saves #N/A
    result = pqp("import", "trainings", source, "--data", data)
    assert result.exit_code == 1, result.output
    assert "E2" in result.output and "#N/A" in result.output
    assert not (data / "trainings").exists()
    assert figures(tmp_path, data)["T1"] == 0


def test_a_formula_whose_saved_result_is_empty_is_an_empty_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Like `=IF(…;"")` in .xlsx: a formula that shows nothing is an empty cell; the row is
    still identified by its tax code."""
    monkeypatch.chdir(tmp_path)
    data = data_dir(tmp_path)
    source = _sheet(tmp_path / "lop.xls", xlwt.Formula('""'))
    result = pqp("import", "trainings", source, "--data", data)
    assert result.exit_code == 0, result.output
    assert figures(tmp_path, data)["T1"] == 1


def test_an_xls_with_a_stray_far_cell_is_refused_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = data_dir(tmp_path)
    book = xlwt.Workbook()
    sheet = book.add_sheet("DS")
    for col, head in enumerate(["Tên lớp", "Ngày", "Nội dung", "Mã số thuế"]):
        sheet.write(0, col, head)
    sheet.write(65535, 255, "x")
    book.save(str(tmp_path / "lop.xls"))
    result = pqp("import", "trainings", tmp_path / "lop.xls", "--data", data)
    assert result.exit_code == 2, result.output
    assert "IV65536" in result.output
