"""Review of issue 9, finding 10: headers districts write, and messages that point right.

Through the CLI on sheets built in the test; the figure (status JSON) and the message.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_import_helpers import TAX_NEW, csv_file, data_dir, pqp, xlsx
from test_import_nolose import figures

D = dt.datetime(2023, 4, 3)
TRAINED = f"""\
- id: TR1
  title: Lớp ISO
  date: 2023-04-03
  topics: [management_systems]
  participants: [ent-{TAX_NEW}]
"""


def test_a_group_header_over_the_name_finds_the_header_row_below(tmp_path: Path) -> None:
    data = data_dir(tmp_path, trainings=TRAINED)
    rows = [
        ["DANH SÁCH CƠ SỞ"],
        ["STT", "Thông tin cơ sở", None, "Loại hình", "Mã số doanh nghiệp"],
        [None, "Tên doanh nghiệp", "Huyện", None, None],
        [1, "Công ty May Hà Trung", "Hà Trung", "Doanh nghiệp", TAX_NEW],
    ]
    merges = ("A2:A3", "B2:C2", "D2:D3", "E2:E3")
    source = xlsx(tmp_path / "dn.xlsx", rows, title="DS", merges=merges)
    result = pqp("import", "enterprises", source, "--data", data)
    assert result.exit_code == 0, result.stdout
    assert "no header" not in result.stderr and "ignored" not in result.stderr
    assert figures(tmp_path, data)["T1"] == 1


def test_numbered_headers_are_recognised(tmp_path: Path) -> None:
    data = data_dir(tmp_path, trainings=TRAINED)
    rows = [
        ["1. Tên doanh nghiệp", "2. Loại hình", "3) Mã số thuế"],
        ["Công ty May Hà Trung", "Doanh nghiệp", TAX_NEW],
    ]
    result = pqp("import", "enterprises", xlsx(tmp_path / "dn.xlsx", rows), "--data", data)
    assert result.exit_code == 0, result.stdout
    assert figures(tmp_path, data)["T1"] == 1


def test_an_unterminated_quote_names_its_row(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    source = tmp_path / "lop.csv"
    source.write_text(
        "Tên lớp,Ngày,Nội dung,Tên cơ sở\n"
        "Lớp A,03/04/2023,Đo lường,Cty Bánh kẹo Lam Sơn\n"
        'Lớp B,03/04/2023,Đo lường,"HTX Nông nghiệp Lân\n'
        "Lớp C,03/04/2023,Đo lường,HTX Nông nghiệp Lân\n",
        encoding="utf-8",
    )
    result = pqp("import", "trainings", source, "--data", data)
    assert result.exit_code == 2
    assert 'a quote (") opened in row 3 is never closed' in result.stderr
    assert figures(tmp_path, data)["T1"] == 0


def test_utf16_without_bom_is_read_and_said(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    rows = [
        ["Tên lớp", "Ngày", "Nội dung", "Tên cơ sở"],
        ["Lớp A", "03/04/2023", "Đo lường", "HTX Nông nghiệp Lân"],
    ]
    source = csv_file(tmp_path / "lop.csv", rows, encoding="utf-16-le")
    result = pqp("import", "trainings", source, "--data", data)
    assert result.exit_code == 0, result.stdout
    assert "UTF-16 text without a byte-order mark; read as utf-16-le" in result.stderr
    assert "--encoding utf-16" in result.stderr
    assert figures(tmp_path, data)["T1"] == 1


def test_a_dry_run_names_sheet_rows_not_lines_of_an_unwritten_file(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    rows = [
        ["Tên lớp", "Ngày", "Nội dung", "Tên cơ sở", "Mã lớp"],
        ["Lớp A", D, "Đo lường", "HTX Nông nghiệp Lân", "L1"],
        ["Lớp A", D, "Đo lường", "Cty Bánh kẹo Lam Sơn", "L2"],
    ]
    source = xlsx(tmp_path / "lop.xlsx", rows, title="DS")
    result = pqp("import", "trainings", source, "--data", data, "--dry-run")
    assert "lop.yaml:" not in result.stderr
    assert figures(tmp_path, data)["T1"] == 0


def test_vietnamese_messages_use_vietnamese_kind_names_and_labels(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    header = ["Tên lớp", "Ngày", "Nội dung", "Tên cơ sở", "Tên doanh nghiệp"]
    rows = [header, ["Lớp A", D, "Đo lường", "HTX Nông nghiệp Lân", "x"]]
    first = xlsx(tmp_path / "lop.xlsx", rows, title="DS")
    result = pqp("import", "trainings", first, "--data", data, "--lang", "vi")
    assert result.exit_code == 0, result.stdout
    assert 'cột thứ hai cho "Tên cơ sở" ("participant_name")' in result.stderr
    assert "lớp tập huấn: 1 tạo mới" in result.stdout
    again = xlsx(tmp_path / "lop2.xlsx", rows, title="DS")
    refused = pqp("import", "trainings", again, "--data", data, "--lang", "vi")
    assert "1 lớp tập huấn này (" in refused.stdout
    assert "đã được nhập từ lop.xlsx vào" in refused.stdout
    assert "trainings" not in refused.stdout.replace("data/trainings", "")
    assert figures(tmp_path, data)["T1"] == 1
