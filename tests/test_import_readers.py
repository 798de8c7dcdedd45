"""Readers: CSV encodings and delimiters; missing sheets, corrupt and protected files → exit 2."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from fuzzsize import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_import_helpers import cp1258, csv_file, data_dir, pqp, xlsx

from pqp_cli.core.problems import PqpError
from pqp_cli.importing import import_sheet
from pqp_cli.importing.readers import decode, open_workbook, sniff_delimiter


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # paths in messages show as the analyst typed them


ROWS = [["Tên đơn vị", "Công lập", "Ngày công nhận"], ["Viện Năng suất", "Có", "01/02/2023"]]


def test_utf8_with_and_without_bom_read_silently() -> None:
    for data in ("Tên".encode(), codecs.BOM_UTF8 + "Tên".encode()):
        assert decode(data, None, "f.csv") == ("Tên", [])


def test_utf16_with_bom_reads() -> None:
    assert decode("Tên\tNgày".encode("utf-16"), None, "f.csv")[0] == "Tên\tNgày"


def test_cp1258_is_read_with_a_warning() -> None:
    text, notes = decode(cp1258("Hợp tác xã Lân"), None, "f.csv")
    assert codecs.decode(cp1258("Hợp tác xã Lân"), "cp1258") == text
    assert [n.message() for n in notes] == [
        "f.csv: not UTF-8; read as cp1258 (Vietnamese Windows). If letters look wrong, pass"
        " --encoding"
    ]


def test_encoding_option_overrides_and_a_wrong_one_is_a_usage_error(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    source = csv_file(tmp_path / "u.csv", ROWS, encoding="utf-16-le")
    report = import_sheet(kind="units", source=source, data_dir=data, encoding="utf-16-le")
    assert report.rejects == [] and report.created == 1
    result = pqp("import", "units", source, "--data", data, "--encoding", "klingon")
    assert (result.exit_code, result.stderr) == (
        2,
        "pqp: error: unknown encoding 'klingon' (try utf-8 or cp1258)\n",
    )
    result = pqp("import", "units", source, "--data", data, "--encoding", "utf-8", "--lang", "vi")
    assert result.exit_code == 2
    assert (
        result.stderr == "pqp: lỗi: u.csv: không phải văn bản utf-8 (byte 2); thử --encoding khác\n"
    )


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiter_is_sniffed_even_with_commas_in_cells(delimiter: str) -> None:
    text = (
        "DANH SÁCH ĐƠN VỊ, NĂM 2023\n"
        f"Tên đơn vị{delimiter}Địa chỉ{delimiter}Ngày công nhận\n"
        f'"Viện A, chi nhánh 1"{delimiter}"Số 1, Lê Lợi, TP Thanh Hóa"{delimiter}01/02/2023\n'
        f"Viện B{delimiter}Số 2{delimiter}01/03/2023\n"
    )
    assert sniff_delimiter(text) == delimiter


def test_a_missing_sheet_names_the_sheets_there_are(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    source = xlsx(tmp_path / "u.xlsx", ROWS, title="Đơn vị")
    result = pqp("import", "units", source, "--data", data, "--sheet", "Chuyên gia")
    assert (result.exit_code, result.stderr) == (
        2,
        'pqp: error: u.xlsx: no sheet named "Chuyên gia"; its sheets: "Đơn vị"\n',
    )
    assert pqp("import", "units", source, "--data", data, "--sheet", "don vi").exit_code == 0


def test_first_sheet_with_a_header_is_read_when_no_sheet_is_named(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    cover = book.active
    assert cover is not None
    cover.title = "Bìa"
    cover.append(["BÁO CÁO NĂM 2023"])
    units = book.create_sheet("Đơn vị")
    for row in ROWS:
        units.append(row)
    book.save(tmp_path / "u.xlsx")
    report = import_sheet(kind="units", source=tmp_path / "u.xlsx", data_dir=data_dir(tmp_path))
    assert (report.sheet, report.created) == ("Đơn vị", 1)


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("bad.xlsx", b"PK\x03\x04 this is no zip at all", "it is damaged or not a .xlsx file"),
        ("bad.xls", b"\x00" * 600, "it is damaged or not a .xls file"),
        ("bad.ods", b"", "it is damaged or not a .ods file"),
        (
            "locked.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\x00" * 500
            + "EncryptionInfo".encode("utf-16-le"),
            "the workbook is password-protected",
        ),
        ("web.xls", b"<html><body><table><tr><td>1</td></tr></table>", "this is a web page (HTML)"),
        ("notes.docx", b"whatever", "cannot import a .docx file"),
    ],
)
def test_corrupt_protected_and_foreign_files_are_a_clear_exit_2(
    tmp_path: Path, name: str, content: bytes, says: str
) -> None:
    data = data_dir(tmp_path)
    (tmp_path / name).write_bytes(content)
    result = pqp("import", "units", tmp_path / name, "--data", data)
    assert result.exit_code == 2
    assert says in result.stderr
    assert "Traceback" not in result.output


def test_a_real_password_protected_workbook_is_named_so(tmp_path: Path) -> None:
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    plain = xlsx(tmp_path / "plain.xlsx", ROWS)
    with plain.open("rb") as source, (tmp_path / "locked.xlsx").open("wb") as out:
        ooxml.OOXMLFile(source).encrypt("mật khẩu", out)
    result = pqp("import", "units", "locked.xlsx", "--data", data_dir(tmp_path), "--lang", "vi")
    assert (result.exit_code, result.stderr) == (
        2,
        "pqp: lỗi: locked.xlsx: tệp có mật khẩu; hãy mở bằng Excel, gỡ mật khẩu"
        " (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại\n",
    )


def test_a_missing_source_is_a_usage_error(tmp_path: Path) -> None:
    result = pqp("import", "units", tmp_path / "nope.xlsx", "--data", data_dir(tmp_path))
    assert (result.exit_code, result.stderr) == (2, "pqp: error: nope.xlsx: no such file\n")


@settings(
    max_examples=examples(25),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(content=st.binary(max_size=400), suffix=st.sampled_from([".xlsx", ".xls", ".ods", ".csv"]))
def test_any_bytes_give_a_report_or_a_clear_error(
    tmp_path: Path, content: bytes, suffix: str
) -> None:
    data = data_dir(tmp_path)
    source = tmp_path / f"any{suffix}"
    source.write_bytes(content)
    try:
        report = import_sheet(kind="trainings", source=source, data_dir=data, dry_run=True)
    except PqpError as err:
        assert err.exit_code == 2 and err.en and err.vi
    else:
        assert report.exit_code in (0, 1)


@settings(
    max_examples=examples(20),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    cells=st.lists(
        st.lists(
            st.one_of(
                st.none(),
                st.text(max_size=12),
                st.integers(-(10**6), 10**12),
                st.floats(allow_nan=False, allow_infinity=False),
            ),
            max_size=6,
        ),
        max_size=8,
    )
)
def test_any_cells_under_a_header_give_a_report(tmp_path: Path, cells: list) -> None:
    data = data_dir(tmp_path)
    header = ["Tên lớp", "Ngày", "Nội dung", "Mã số thuế", "Tên cơ sở", "Số học viên"]
    clean = [[c.replace("\x00", "") if isinstance(c, str) else c for c in row] for row in cells]
    clean = [
        [c for c in row if not (isinstance(c, str) and any(ord(x) < 32 for x in c))]
        for row in clean
    ]
    source = xlsx(tmp_path / "any.xlsx", [header, *clean])
    report = import_sheet(kind="trainings", source=source, data_dir=data, dry_run=True)
    assert report.exit_code in (0, 1)
    assert all(n.where is not None for n in report.rejects)


def test_open_workbook_lists_visible_sheets(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "A"
    book.create_sheet("B").sheet_state = "hidden"
    book.create_sheet("C")
    book.save(tmp_path / "s.xlsx")
    assert open_workbook(tmp_path / "s.xlsx").names == ["A", "C"]
