"""Issue 9, points 1, 6 and 8: no cell lost without a word, hostile names, Vietnamese numbers.

Every test goes through the CLI on a sheet built in the test, and asserts the figure
(`pqp status --format json`) as well as the message.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_import_helpers import cp1258, csv_file, data_dir, ods, pqp, xls, xlsx

D = dt.date(2023, 4, 3)
TARGETS = """\
plan:
  id: test
  title: {vi: Kế hoạch, en: Plan}
  authority: UBND
  period: {start: 2021-01-01, end: 2025-12-31}
targets:
  - id: T1
    title: {vi: Tập huấn, en: Trained}
    metric: trained_establishments
    target: 4
  - id: T2
    title: {vi: Hỗ trợ, en: Supported}
    metric: supported_enterprises
    target: 4
  - id: T5b
    title: {vi: Chuyên gia, en: Experts}
    metric: experts
    target: 3
"""


def figures(root: Path, data: Path) -> dict[str, Any]:
    """The status JSON's value of each target."""
    targets = root / "targets.yaml"
    targets.write_text(TARGETS, encoding="utf-8")
    result = pqp(
        "status", "--format", "json", "--data", data, "--targets", targets, "--as-of", "2025-01-01"
    )
    return {t["id"]: t["value"] for t in json.loads(result.stdout)["targets"]}


def imported(data: Path, kind: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for path in sorted((data / kind).glob("*.yaml")):
        out += yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or []
    return out


TITLE = ["DANH SÁCH CƠ SỞ THAM GIA TẬP HUẤN NĂM 2023"]


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods", "csv"])
def test_participant_header_with_tham_gia_keeps_the_participants(tmp_path: Path, fmt: str) -> None:
    """Scenario 1: "Tên cơ sở tham gia" was ignored and the trainings had no participants."""
    data = data_dir(tmp_path)
    rows = [
        TITLE,
        ["STT", "Tên lớp tập huấn", "Ngày", "Nội dung", "Tên cơ sở tham gia", "Ghi chú"],
        [1, "Lớp ISO", D, "Hệ thống quản lý", "Cty Bánh kẹo Lam Sơn", ""],
        [2, "Lớp ISO", D, "Hệ thống quản lý", "HTX Nông nghiệp Lân", "vắng buổi 2"],
    ]
    path = tmp_path / f"tap-huan.{fmt}"
    if fmt == "csv":
        text = [[v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else v for v in r] for r in rows]
        source = csv_file(path, text, delimiter=";", encoding="cp1258")
    else:
        source = {"xlsx": xlsx, "xls": xls, "ods": ods}[fmt](path, rows)
    result = pqp("import", "trainings", source, "--data", data)
    assert result.exit_code == 0, result.stdout
    assert imported(data, "trainings")[0]["participants"] == ["DN001", "HTX01"]
    assert "cells not read: F4" in result.stderr
    assert figures(tmp_path, data)["T1"] == 2


def test_unknown_name_header_rejects_the_row_with_the_nearest_header(tmp_path: Path) -> None:
    """Point 1: a row identified by nothing, its name under an unknown header → exit 1."""
    data = data_dir(tmp_path)
    rows = [
        ["TT", "Tên lớp", "Ngày", "Nội dung", "Tên co so duoc tap huan"],
        [1, "Lớp ISO", D, "Hệ thống quản lý", "Cty Bánh kẹo Lam Sơn"],
    ]
    source = xlsx(tmp_path / "lop.xlsx", rows, title="DS")
    result = pqp("import", "trainings", source, "--data", data)
    assert result.exit_code == 1
    assert (
        'lop.xlsx › DS › E2 (column "Tên co so duoc tap huan"): no id, tax code or known name'
        ' identifies this row, and column "Tên co so duoc tap huan" is not read: is it'
        ' "Tên cơ sở' in result.stdout
    )
    assert not (data / "trainings").exists()
    assert figures(tmp_path, data)["T1"] == 0
    vi = pqp("import", "trainings", source, "--data", data, "--lang", "vi")
    assert "không có mã, mã số thuế hay tên đã biết để nhận ra dòng này" in vi.stdout


def test_semicolon_csv_row_with_a_cell_too_many_is_rejected(tmp_path: Path) -> None:
    """Scenario 3: an unquoted `ISO 9001; 5S` spilt into a cell the header does not have."""
    data = data_dir(tmp_path)
    lines = [
        "Họ và tên;Ngày cấp chứng chỉ;Lĩnh vực",
        "Nguyễn Văn An;15/03/2023;ISO 9001; 5S",
        "Lê Thị Bình;15/03/2023;HACCP",
    ]
    source = tmp_path / "chuyen-gia.csv"
    source.write_bytes(cp1258("\r\n".join(lines)))
    result = pqp("import", "experts", source, "--data", data, "--skip-invalid")
    assert result.exit_code == 1
    assert (
        "chuyen-gia.csv › chuyen-gia › row 2: this row has 4 cells where the header has 3"
        " columns: D2 '5S' has no column" in result.stdout
    )
    assert [e["name"] for e in imported(data, "experts")] == ["Lê Thị Bình"]
    assert figures(tmp_path, data)["T5b"] == 1


def test_cells_outside_the_header_are_named(tmp_path: Path) -> None:
    """Point 1: a note beside the table in a spreadsheet is named, cell by cell."""
    data = data_dir(tmp_path)
    rows = [
        ["Họ và tên", "Ngày cấp chứng chỉ", None, "Ghi chu"],
        ["Nguyễn Văn An", D, "đã nghỉ hưu", "x"],
    ]
    source = xlsx(tmp_path / "cg.xlsx", rows, title="DS")
    result = pqp("import", "experts", source, "--data", data)
    assert result.exit_code == 0
    assert "cg.xlsx › DS: cells C2 have no header and are not read" in result.stderr
    assert "cells not read: D2" in result.stderr
    assert figures(tmp_path, data)["T5b"] == 1


def test_thousands_separators(tmp_path: Path) -> None:
    """Point 8: 1.200, 1,200 and 1 200 are 1200; 1.20 is refused naming its cell."""
    data = data_dir(tmp_path)
    header = ["Tên lớp", "Ngày", "Nội dung", "Số học viên", "Mã cơ sở"]
    rows = [header] + [
        [f"Lớp {i}", D, "Đo lường", n, "DN001"] for i, n in enumerate(["1.200", "1,200", "1 200"])
    ]
    source = csv_file(tmp_path / "lop.csv", rows, delimiter=";")
    assert pqp("import", "trainings", source, "--data", data).exit_code == 0
    assert {t["trainees"] for t in imported(data, "trainings")} == {"1200"}
    bad = csv_file(tmp_path / "lop2.csv", [header, ["Lớp 9", D, "Đo lường", "1.20", "DN001"]])
    result = pqp("import", "trainings", bad, "--data", data)
    assert result.exit_code == 1
    assert "lop2.csv › lop2 › D2 (column \"Số học viên\"): '1.20' is not" in result.stdout


def test_formula_without_a_saved_value_says_so(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    rows = [["Họ và tên", "Ngày cấp chứng chỉ"], ['="Nguyễn "&"An"', D]]
    source = xlsx(tmp_path / "cg.xlsx", rows, title="DS")
    result = pqp("import", "experts", source, "--data", data)
    assert result.exit_code == 1
    assert (
        'cg.xlsx › DS › A2 (column "Họ và tên"): formula without a saved value: open and save'
        " the file in Excel, or paste values" in result.stdout
    )
    assert figures(tmp_path, data)["T5b"] == 0


def test_sheet_name_with_a_line_break_injects_nothing(tmp_path: Path) -> None:
    """Scenario 8: a sheet name holding a line break and YAML text became a record."""
    data = data_dir(tmp_path)
    source = tmp_path / "cg.xlsx"
    xlsx(source, [["Họ và tên", "Ngày cấp chứng chỉ"], ["Nguyễn Văn An", D]], title="DS")
    _rename_sheet(source, "DS&#10;- id: FAKE&#10;  name: Giả&#10;  qualified_on: 2023-01-01")
    result = pqp("import", "experts", source, "--data", data)
    assert result.exit_code == 0, result.stdout
    assert [e["name"] for e in imported(data, "experts")] == ["Nguyễn Văn An"]
    assert "\\n- id: FAKE" in (data / "experts" / "cg.yaml").read_text(encoding="utf-8")
    assert figures(tmp_path, data)["T5b"] == 1


def _rename_sheet(path: Path, name: str) -> None:
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b'name="DS"', f'name="{name}"'.encode()
    )
    with zipfile.ZipFile(path, "w") as z:
        for n, body in parts.items():
            z.writestr(n, body)


def test_dot_file_is_written_where_the_loader_reads_it(tmp_path: Path) -> None:
    """Scenario 9: `.q1.csv` wrote `.q1.yaml`, which the loader skips."""
    data = data_dir(tmp_path)
    header = ["Tên lớp", "Ngày", "Nội dung", "Mã cơ sở"]
    source = csv_file(tmp_path / ".q1.csv", [header, ["Lớp A", "03/04/2023", "Đo lường", "DN001"]])
    result = pqp("import", "trainings", source, "--data", data)
    assert result.exit_code == 0
    assert (data / "trainings" / "q1.yaml").is_file()
    assert figures(tmp_path, data)["T1"] == 1
    hidden = pqp("import", "trainings", source, "--data", data, "--out", data / "trainings/.x.yaml")
    assert hidden.exit_code == 2
    assert "the loader skips names that begin with a dot" in hidden.stdout + hidden.stderr


def test_stray_cell_at_xfd1048576_is_refused_not_an_abort(tmp_path: Path) -> None:
    """Scenario 10: a 512 GB allocation in the reader, exit 134."""
    from openpyxl import Workbook

    data = data_dir(tmp_path)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Ngày cấp chứng chỉ"])
    sheet.append(["Nguyễn Văn An", D])
    sheet["XFD1048576"] = " "
    book.save(tmp_path / "cg.xlsx")
    result = pqp("import", "experts", tmp_path / "cg.xlsx", "--data", data)
    assert result.exit_code == 2
    assert "the used range reaches XFD1048576 (a cell at XFD1048576)" in (
        result.stdout + result.stderr
    )
    assert figures(tmp_path, data)["T5b"] == 0


def test_cp1258_csv_without_diacritics_headers(tmp_path: Path) -> None:
    """Headers without diacritics, `*` marks and `(nếu có)` notes, from a cp1258 CSV."""
    data = data_dir(tmp_path)
    rows = [
        [
            "Ho va ten *",
            "Ngay cap chung chi (dd/mm/yyyy)",
            "Don vi cong tac (neu co)",
            "Chuyen nganh",
        ],
        ["Nguyễn Văn An", "15/03/2023", "U1", "ISO 9001"],
    ]
    source = csv_file(tmp_path / "cg.csv", rows, delimiter=";", encoding="cp1258")
    result = pqp("import", "experts", source, "--data", data)
    assert result.exit_code == 0, result.stdout
    [expert] = imported(data, "experts")
    assert (expert["unit"], expert["fields"]) == ("U1", ["ISO 9001"])
    assert figures(tmp_path, data)["T5b"] == 1


def test_rejects_csv_and_modes_after_these_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Scenario 11 / point 7 still holds: a rejected `=HYPERLINK(...)` is neutralised in the
    rejects CSV, files are 0644 under umask 022, and the valid row counts."""
    monkeypatch.chdir(tmp_path)
    old = os.umask(0o022)
    try:
        data = data_dir(tmp_path)
        rows = [
            ["STT", "Tên lớp", "Ngày", "Nội dung", "Mã cơ sở"],
            [1, "Lớp ISO", "03/04/2023", "Hệ thống quản lý", "DN001"],
            [2, '=HYPERLINK("http://x","y")', "31/02/2023", "Hệ thống quản lý", "HTX01"],
        ]
        source = csv_file(tmp_path / "lop.csv", rows, delimiter=";")
        result = pqp("import", "trainings", source, "--data", data, "--skip-invalid")
    finally:
        os.umask(old)
    assert result.exit_code == 1
    rejects = (tmp_path / "lop.csv.rejects.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in rejects and ",=HYPERLINK" not in rejects
    assert stat.S_IMODE((data / "trainings" / "lop.yaml").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "lop.csv.rejects.csv").stat().st_mode) == 0o644
    assert figures(tmp_path, data)["T1"] == 1


def test_an_excel_formula_that_returns_nothing_is_an_empty_cell(tmp_path: Path) -> None:
    """Excel saves `=IF(…;"";…)` as t="str" with an empty value: not "formula without a value"."""
    data = data_dir(tmp_path)
    rows = [["Họ và tên", "Ngày cấp chứng chỉ", "Lĩnh vực"], ["Nguyễn Văn An", D, '=IF(1,"","x")']]
    source = xlsx(tmp_path / "cg.xlsx", rows, title="DS")
    with zipfile.ZipFile(source) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b'<c r="C2">', b'<c r="C2" t="str">')
    with zipfile.ZipFile(source, "w") as z:
        for n, body in parts.items():
            z.writestr(n, body)
    result = pqp("import", "experts", source, "--data", data)
    assert result.exit_code == 0, result.stdout
    assert figures(tmp_path, data)["T5b"] == 1


def test_file_name_with_a_line_break_and_a_reserved_name(tmp_path: Path) -> None:
    """Point 6: nothing in a file name becomes YAML; the output name is one the loader reads."""
    data = data_dir(tmp_path)
    rows = [["Họ và tên", "Ngày cấp chứng chỉ"], ["Nguyễn Văn An", "15/03/2023"]]
    hostile = csv_file(tmp_path / "cg\n- id: FAKE\n  name: x.csv", rows)
    assert pqp("import", "experts", hostile, "--data", data).exit_code == 0
    [written] = (data / "experts").glob("*.yaml")
    assert "\n" not in written.name and not written.name.startswith(".")
    assert "cg\\n- id: FAKE" in written.read_text(encoding="utf-8")
    reserved = csv_file(tmp_path / "CON.csv", [rows[0], ["Lê Thị Bình", "15/03/2023"]])
    assert pqp("import", "experts", reserved, "--data", data).exit_code == 0
    assert (data / "experts" / "CON_.yaml").is_file()
    assert [e["name"] for e in imported(data, "experts")] == ["Lê Thị Bình", "Nguyễn Văn An"]
    assert figures(tmp_path, data)["T5b"] == 2
