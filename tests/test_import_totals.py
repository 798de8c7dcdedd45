"""Review of issue 9, finding 1: only a real total row ends or is skipped, and never silently.

Through the CLI on sheets built in the test; the figure (status JSON) and the message.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_import_helpers import data_dir, pqp, xlsx
from test_import_nolose import figures, imported

D = dt.date(2023, 4, 3)
ENTS = ["STT", "Tên doanh nghiệp", "Loại hình", "Mã cơ sở"]
TRAININGS = "".join(
    f"- {{id: TR{n}, title: Lớp ISO, date: 2023-04-03, topics: [management_systems],"
    f" participants: [E{n}]}}\n"
    for n in (1, 2, 3)
)


def _enterprises(tmp_path: Path, rows: list[list]) -> tuple[Path, object]:
    data = data_dir(tmp_path, enterprises="[]\n", trainings=TRAININGS)
    source = xlsx(tmp_path / "ds.xlsx", [ENTS, *rows], title="DS")
    return data, pqp("import", "enterprises", source, "--data", data)


def test_tong_cong_ty_is_a_name_not_the_grand_total(tmp_path: Path) -> None:
    data, result = _enterprises(
        tmp_path,
        [
            [1, "Công ty TNHH Hà Trung", "Doanh nghiệp", "E1"],
            [2, "Tổng công ty Lam Sơn", "Doanh nghiệp", "E2"],
            [3, "Tong cong ty Mia duong", "Doanh nghiệp", "E3"],
            ["Tổng cộng", "3 cơ sở"],
        ],
    )
    assert result.exit_code == 0, result.stdout
    names = [e["name"] for e in imported(data, "enterprises")]
    assert names == ["Công ty TNHH Hà Trung", "Tổng công ty Lam Sơn", "Tong cong ty Mia duong"]
    assert figures(tmp_path, data)["T1"] == 3


def test_a_row_named_cong_with_a_row_number_and_a_type_is_a_record(tmp_path: Path) -> None:
    data, result = _enterprises(
        tmp_path,
        [
            [1, "Công ty TNHH Hà Trung", "Doanh nghiệp", "E1"],
            [2, "Cộng", "Hợp tác xã", "E2"],
            ["Cộng", "2 cơ sở"],
        ],
    )
    assert result.exit_code == 0, result.stdout
    assert [e["id"] for e in imported(data, "enterprises")] == ["E1", "E2"]
    assert figures(tmp_path, data)["T1"] == 2


def test_a_skipped_total_row_holding_text_is_named(tmp_path: Path) -> None:
    data, result = _enterprises(
        tmp_path,
        [
            [1, "Công ty TNHH Hà Trung", "Doanh nghiệp", "E1"],
            ["Cộng", "HTX Bình Minh", "Hợp tác xã", "E2"],
            [3, "Công ty CP Lam Sơn", "Doanh nghiệp", "E3"],
        ],
    )
    assert result.exit_code == 0, result.stdout
    assert (
        "ds.xlsx › DS › row 3: read as a total row and skipped, but it also holds B3 'HTX Bình Minh',"
        " C3 'Hợp tác xã', D3 'E2'"
    ) in result.stderr
    assert figures(tmp_path, data)["T1"] == 2


def test_rows_after_the_grand_total_are_named(tmp_path: Path) -> None:
    data, result = _enterprises(
        tmp_path,
        [
            [1, "Công ty TNHH Hà Trung", "Doanh nghiệp", "E1"],
            ["Tổng cộng:", "1 cơ sở"],
            [None, "Người lập biểu"],
            [2, "Công ty CP Lam Sơn", "Doanh nghiệp", "E2"],
        ],
    )
    assert result.exit_code == 1
    assert (
        "ds.xlsx › DS › row 4: not read: after the total row 3, which ends the data: B4"
        in result.stdout + result.stderr
    )
    assert (
        "ds.xlsx › DS › row 5: this row comes after the total row 3, which ends the data, but"
        " looks like a record (A5 '2', B5 'Công ty CP Lam Sơn', C5 'Doanh nghiệp'"
    ) in result.stdout
    assert not (data / "enterprises").exists()
    assert figures(tmp_path, data)["T1"] == 0


def test_records_after_a_closing_total_reject_the_import_without_stt(tmp_path: Path) -> None:
    """a13: without an STT column the rows after "Tổng cộng" were a warning and exit 0 (T1 1,
    E2 and E3 silently left out); now the import is refused, as with an STT column."""
    data = data_dir(tmp_path, enterprises="[]\n", trainings=TRAININGS)
    head = ["Tên doanh nghiệp", "Loại hình", "Mã cơ sở", "Huyện"]
    rows = [
        head,
        ["Công ty TNHH Hà Trung", "Doanh nghiệp", "E1", "Nga Sơn"],
        ["Cộng", "", "", ""],
        ["Tổng cộng", "", "", ""],
        ["Công ty CP Lam Sơn", "", "", "Thọ Xuân"],
        ["HTX Bình Minh", "HTX", "", ""],
        ["Tổng cộng", "", "", ""],
        ["", "Người lập biểu"],
    ]
    result = pqp("import", "enterprises", xlsx(tmp_path / "ds.xlsx", rows), "--data", data)
    assert result.exit_code == 1
    assert (
        "ds.xlsx › Sheet1 › row 5: this row comes after the total row 4, which ends the data, but"
        " looks like a record (A5 'Công ty CP Lam Sơn', D5 'Thọ Xuân')"
    ) in result.stdout
    assert "row 6: this row comes after the total row 4" in result.stdout
    assert "row 8: not read: after the total row 4" in result.stdout + result.stderr
    assert not (data / "enterprises").exists()
    assert figures(tmp_path, data)["T1"] == 0
