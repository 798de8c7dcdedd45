"""Messy government sheets (docs/contract.md §6): each quirk, built in the test, imports as it should."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
import yaml
from test_import_helpers import TAX_LAMSON, TAX_ZERO, data_dir, errors, load, pqp, xlsx

from pqp_cli.importing import import_sheet
from pqp_cli.importing.headers import COLUMNS, aliases, match_header

HEADER = ["STT", "Tên lớp tập huấn", "Ngày tập huấn", "Nội dung", "Mã số thuế", "Tên doanh nghiệp"]
D = dt.datetime(2023, 4, 3)


def _import(tmp_path: Path, rows: list[list], **options) -> tuple:
    data = data_dir(tmp_path)
    source = xlsx(tmp_path / "ds.xlsx", rows, title="DS", merges=options.pop("merges", ()))
    report = import_sheet(
        kind=options.pop("kind", "trainings"), source=source, data_dir=data, **options
    )
    return report, data


def _written(data: Path, kind: str = "trainings", stem: str = "ds") -> list[dict]:
    text = (data / kind / f"{stem}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=yaml.BaseLoader) or []  # scalars as text, as pqp reads them


def _messages(notes) -> list[str]:
    return [n.message() for n in notes]


def test_title_rows_and_merged_cells_above_the_header(tmp_path: Path) -> None:
    rows = [
        ["UBND TỈNH THANH HÓA"],
        ["SỞ KHOA HỌC VÀ CÔNG NGHỆ", None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        [],
        ["DANH SÁCH CƠ SỞ THAM GIA TẬP HUẤN NĂM 2023"],
        ["(Kèm theo Báo cáo số 12/BC-SKHCN)"],
        HEADER,
        [1, "Lớp ISO 9001", D, "Hệ thống quản lý", TAX_LAMSON, "Cty Lam Sơn"],
    ]
    report, data = _import(tmp_path, rows, merges=("A1:C1", "A2:C2", "D2:F2", "A4:F4", "A5:F5"))
    assert (report.rows_read, report.created, report.rejects) == (1, 1, [])
    assert _written(data)[0]["participants"] == ["DN001"]
    assert errors(data) == []


def test_stt_column_is_known_and_not_reported_as_ignored(tmp_path: Path) -> None:
    rows = [HEADER + ["Ghi chú"], [1, "Lớp A", D, "Đo lường", TAX_LAMSON, "", "x"]]
    report, _ = _import(tmp_path, rows)
    assert _messages(report.warnings) == [
        'ds.xlsx › DS › G1 (column "Ghi chú"): column ignored: it names no field; cells not'
        " read: G2; map it with --mapping, or map it to ~ to leave it out"
    ]


@pytest.mark.parametrize(
    "numbers", [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"], [1, 2, 3, 4, 5, 6]]
)
def test_column_number_row_under_the_header_is_skipped(tmp_path: Path, numbers: list) -> None:
    rows = [HEADER, numbers, [1, "Lớp A", D, "Đo lường", TAX_LAMSON, ""]]
    report, _ = _import(tmp_path, rows)
    assert (report.rows_read, report.created, report.rejects) == (1, 1, [])


def test_blank_rows_and_rows_with_only_a_row_number_are_skipped(tmp_path: Path) -> None:
    rows = [
        HEADER,
        [],
        [1, "Lớp A", D, "Đo lường", TAX_LAMSON, ""],
        [None, "  ", None, None, None, None],
        [2],
        [3, "Lớp A", D, "Đo lường", None, "HTX Nông nghiệp Lân"],
    ]
    report, data = _import(tmp_path, rows)
    assert (report.rows_read, report.rejects) == (2, [])
    assert _written(data)[0]["participants"] == ["DN001", "HTX01"]


def test_total_row_ends_the_data_and_subtotals_are_skipped(tmp_path: Path) -> None:
    rows = [
        HEADER,
        [1, "Lớp A", D, "Đo lường", TAX_LAMSON, ""],
        ["Cộng", None, None, None, None, "1 cơ sở"],
        [2, "Lớp B", D, "Đo lường", TAX_LAMSON, ""],
        ["Tổng cộng:", None, None, None, None, "2 cơ sở"],
        [None, "Thanh Hóa, ngày 10 tháng 1 năm 2024", None, None, None, "Người lập biểu"],
    ]
    report, _ = _import(tmp_path, rows)
    assert (report.rows_read, report.created, report.rejects) == (2, 2, [])


def test_trailing_spaces_and_nfd_text_are_cleaned(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Tên doanh nghiệp  ")
    title = unicodedata.normalize("NFD", "  Lớp   Đo lường ")
    rows = [[*HEADER[:5], nfd], [1, title, D, "Đo lường ", None, "Công ty TNHH Bánh kẹo Lam Sơn "]]
    report, data = _import(tmp_path, rows)
    assert report.rejects == []
    record = _written(data)[0]
    assert record["title"] == "Lớp Đo lường"
    assert unicodedata.is_normalized("NFC", record["title"])
    assert record["participants"] == ["DN001"]


def test_numeric_tax_codes_become_text_and_a_lost_zero_comes_back(tmp_path: Path) -> None:
    rows = [
        HEADER,
        [1, "Lớp A", D, "Đo lường", float(TAX_LAMSON), ""],
        [2, "Lớp A", D, "Đo lường", int(TAX_ZERO), ""],
    ]
    report, data = _import(tmp_path, rows)
    assert report.rejects == []
    assert _written(data)[0]["participants"] == ["DN001", "DN002"]
    assert _messages(report.warnings) == [
        f'ds.xlsx › DS › E3 (column "Mã số thuế"): tax code {int(TAX_ZERO)} has 9 digits: read as'
        f" {TAX_ZERO} (its leading zero was lost when it was typed as a number; format the column"
        " as Text)"
    ]


def test_excel_dates_and_day_first_text_dates(tmp_path: Path) -> None:
    rows = [
        [*HEADER, "Đến ngày"],
        [1, "Lớp A", dt.datetime(2023, 4, 3), "Đo lường", TAX_LAMSON, "", "05/04/2023"],
        [2, "Lớp B", "03/04/2023", "Đo lường", TAX_LAMSON, "", "5/4/2023"],
        [3, "Lớp C", "2023-04-03", "Đo lường", TAX_LAMSON, "", "05-04-2023"],
    ]
    report, data = _import(tmp_path, rows)
    assert report.rejects == []
    dates = {(r["title"], r["date"], r["end_date"]) for r in _written(data)}
    assert dates == {(t, "2023-04-03", "2023-04-05") for t in ("Lớp A", "Lớp B", "Lớp C")}


def test_an_impossible_date_rejects_its_row_at_its_cell(tmp_path: Path) -> None:
    rows = [HEADER, [1, "Lớp A", D, "Đo lường", TAX_LAMSON, ""], [2, "Lớp B", "31/02/2023", "Đo lường", TAX_LAMSON, ""]]  # fmt: skip
    report, data = _import(tmp_path, rows)
    assert _messages(report.rejects) == [
        "ds.xlsx › DS › C3 (column \"Ngày tập huấn\"): '31/02/2023' is no such day"
        " (dates are day first: dd/mm/yyyy)"
    ]
    assert report.rejected_rows == [3]
    assert not (data / "trainings").exists()  # rejected rows: nothing written


def test_vietnamese_labels_for_enums_and_yes_no(tmp_path: Path) -> None:
    rows = [
        ["Tên cơ sở", "Loại hình", "Sản phẩm chủ lực", "Mô hình điểm"],
        ["Công ty A", "Công ty", "Có", "Không"],
        ["HTX B", "htx", "x", ""],
        ["Hộ C", "HỘ KINH DOANH", "✓", "0"],
        ["D", "khac", 1, "không"],
    ]
    report, data = _import(tmp_path, rows, kind="enterprises")
    assert report.rejects == []
    got = [
        (r["type"], r.get("key_product"), r.get("pilot_model"))
        for r in _written(data, "enterprises")
    ]
    assert got == [
        ("enterprise", "true", None),
        ("cooperative", "true", None),
        ("household", "true", None),
        ("other", "true", None),
    ]


def test_an_unknown_label_is_rejected_with_the_allowed_ones(tmp_path: Path) -> None:
    rows = [["Tên cơ sở", "Loại hình"], ["Công ty A", "Tập đoàn"]]
    report, _ = _import(tmp_path, rows, kind="enterprises")
    assert _messages(report.rejects) == [
        "ds.xlsx › DS › B2 (column \"Loại hình\"): 'Tập đoàn' is not one of: enterprise,"
        " cooperative, household, other"
    ]
    assert "Hợp tác xã" in report.rejects[0].message("vi")


def test_several_values_in_one_cell(tmp_path: Path) -> None:
    rows = [
        ["Mã lớp", "Tên lớp", "Ngày", "Chủ đề", "Mã cơ sở"],
        [
            "L1",
            "Lớp A",
            D,
            "Hệ thống quản lý; Đo lường,Công nghệ\nTiêu chuẩn",
            "DN001; HTX01\nHKD01",
        ],
    ]
    report, data = _import(tmp_path, rows)
    assert report.rejects == []
    record = _written(data)[0]
    assert record["topics"] == ["management_systems", "measurement", "technology", "standards"]
    assert record["participants"] == ["DN001", "HTX01", "HKD01"]


def test_a_second_header_row_under_merged_group_headers(tmp_path: Path) -> None:
    rows = [
        ["Tên cơ sở", "Loại hình", "Sản phẩm OCOP", None, None],
        [None, None, "Tên sản phẩm OCOP", "Số sao", "Ngày công nhận"],
        ["Công ty A", "DN", "Nước mắm", "4 sao", "01/06/2022"],
    ]
    report, data = _import(tmp_path, rows, kind="enterprises", merges=("A1:A2", "B1:B2", "C1:E1"))
    assert report.rejects == []
    product = _written(data, "enterprises")[0]["ocop_products"]
    assert product == [
        {"name": "Nước mắm", "stars": "4", "certified_on": "2022-06-01", "expires_on": "2025-06-01"}
    ]


def test_no_header_in_the_first_20_rows_is_a_clear_error(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    source = xlsx(tmp_path / "ds.xlsx", [["x"]] * 20 + [HEADER], title="DS")
    result = pqp("import", "trainings", source, "--data", data)
    assert result.exit_code == 2
    assert 'no header row for trainings in the first 20 rows of sheet "DS"' in result.stderr


@pytest.mark.parametrize(
    ("kind", "header", "key"),
    [(k, h, c.key) for k, cols in COLUMNS.items() for c in cols for h in (*c.vi, c.en, c.key)],
)
def test_every_header_of_the_spec_table_matches(kind: str, header: str, key: str) -> None:
    table = aliases(kind)
    assert match_header(header, table) == key
    assert match_header(f"  {header.upper()} (*) ", table) == key


def test_spec_headers_are_all_known() -> None:
    spec = {
        "enterprises": "Mã cơ sở, Tên doanh nghiệp, Tên cơ sở, Tên đơn vị, Loại hình, Mã số thuế,"
        " MST, Huyện, Địa bàn, Địa phương, Xã/phường, Địa chỉ, Ngành nghề, Lĩnh vực,"
        " Sản phẩm chủ lực, Mô hình điểm, Sản phẩm OCOP, Số sao, Hạng sao, Ngày công nhận,"
        " Ngày hết hạn",
        "trainings": "Mã lớp, Tên lớp, Tên lớp tập huấn, Lớp tập huấn, Ngày tập huấn, Ngày,"
        " Từ ngày, Đến ngày, Nội dung, Nội dung tập huấn, Chủ đề, Đơn vị tổ chức, Địa điểm,"
        " Số học viên, Mã cơ sở, Mã số thuế, MST, Tên cơ sở, Tên doanh nghiệp, Đơn vị, Huyện,"
        " Địa bàn",
        "certifications": "Mã hồ sơ, Mã cơ sở, Mã số thuế, MST, Tên doanh nghiệp, Tên cơ sở, Loại,"
        " Nhóm, Loại hỗ trợ, Hệ thống/Tiêu chuẩn, Hệ thống, Tiêu chuẩn, Công cụ, Được hỗ trợ,"
        " Sản phẩm, Ngày bắt đầu, Ngày cấp, Ngày chứng nhận, Ngày đạt, Ngày hết hạn,"
        " Hiệu lực đến, Ngày thu hồi, Tổ chức chứng nhận",
        "experts": "Mã chuyên gia, Họ và tên, Họ tên, Ngày công nhận, Ngày cấp chứng chỉ,"
        " Ngày thu hồi, Đơn vị, Lĩnh vực",
        "units": "Mã đơn vị, Tên đơn vị, Công lập, Ngày công nhận, Ngày thu hồi",
    }
    for kind, headers in spec.items():
        table = aliases(kind)
        unknown = [h for h in headers.split(", ") if match_header(h, table) is None]
        assert unknown == [], kind


def test_mapping_file_adds_and_overrides_headers(tmp_path: Path) -> None:
    mapping = tmp_path / "map.yaml"
    mapping.write_text("Khóa học: title\nThời gian: date\nGhi chú: ~\nMST: ignore\n", "utf-8")
    rows = [
        ["Khóa học", "Thời gian", "Nội dung", "MST", "Tên doanh nghiệp", "Ghi chú"],
        ["Lớp A", D, "Đo lường", "not a tax code", "Cty Bánh kẹo Lam Sơn", "x"],
    ]
    report, data = _import(tmp_path, rows, mapping=mapping)
    assert (report.rejects, report.warnings) == ([], [])
    assert _written(data)[0]["title"] == "Lớp A"


def test_mapping_to_an_unknown_field_is_a_usage_error(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    mapping = tmp_path / "map.yaml"
    mapping.write_text("Khóa học: tittle\n", "utf-8")
    source = xlsx(tmp_path / "ds.xlsx", [HEADER])
    result = pqp("import", "trainings", source, "--data", data, "--mapping", mapping)
    assert result.exit_code == 2
    assert "'Khóa học: tittle' names no trainings field" in result.stderr
    assert load(data).trainings == {}
