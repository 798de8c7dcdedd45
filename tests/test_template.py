"""`pqp template KIND`: headers import reads, drop-downs, date formats, notes; filled in, imports back."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from test_import_helpers import TAX_LAMSON, TAX_NEW, data_dir, errors, load, pqp

from pqp_cli.importing import import_sheet
from pqp_cli.importing.headers import COLUMNS
from pqp_cli.importing.places import template_columns
from pqp_cli.importing.template import choices, header

KINDS = list(COLUMNS)

#: The module's templates are made once, on one worker (`templates`).
pytestmark = pytest.mark.xdist_group("templates")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@dataclass
class Templates:
    """`pqp template KIND -o KIND.xlsx --lang LANG` in a folder of the module's own, run once
    for each kind and language the module asks for: the module asked for each of these ten
    templates three times (≈ 0.1 s of CPU apiece, most of it openpyxl formatting 1,000 rows of
    every column, and as much again reading it back). A test that fills one in copies it."""

    root: Path
    made: dict[tuple[str, str], tuple[int, str, Path]] = field(default_factory=dict)
    books: dict[tuple[str, str], Workbook] = field(default_factory=dict)

    def result(self, kind: str, lang: str) -> tuple[int, str, Path]:
        """The command's exit code and stdout, and the file it wrote."""
        if (kind, lang) not in self.made:
            folder = self.root / lang
            folder.mkdir(exist_ok=True)
            here = os.getcwd()
            os.chdir(folder)  # `-o` as a user types it: the name printed is the one given
            try:
                done = pqp("template", kind, "-o", f"{kind}.xlsx", "--lang", lang)
            finally:
                os.chdir(here)
            self.made[kind, lang] = (done.exit_code, done.stdout, folder / f"{kind}.xlsx")
        return self.made[kind, lang]

    def book(self, kind: str, lang: str) -> Workbook:
        """The template as openpyxl reads it, for a test that only looks (never changed)."""
        if (kind, lang) not in self.books:
            self.books[kind, lang] = load_workbook(self.result(kind, lang)[2])
        return self.books[kind, lang]

    def copy(self, kind: str, lang: str, to: Path) -> Path:
        """A copy of the template of its own for a test that fills it in."""
        code, _, made = self.result(kind, lang)
        assert code == 0
        return Path(shutil.copyfile(made, to))


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return Templates(tmp_path_factory.mktemp("templates"))


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_xlsx_template_has_headers_dropdowns_date_formats_and_notes(
    templates: Templates, kind: str, lang: str
) -> None:
    code, stdout, _ = templates.result(kind, lang)
    assert (code, stdout) == (0, f"{kind}.xlsx\n")
    book = templates.book(kind, lang)
    data_name, notes_name = ("Dữ liệu", "Ghi chú") if lang == "vi" else ("Data", "Notes")
    assert book.sheetnames == [data_name, notes_name, "_lists"]
    sheet = book[data_name]
    columns = template_columns(kind, "district")  # no targets.yaml: the district column
    assert [c.value for c in sheet[1]] == [header(c, lang) for c in columns]
    rules = {str(r.sqref): r for r in sheet.data_validations.dataValidation}
    lists = book["_lists"]
    for index, col in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        values = choices(col, lang)
        if values is None:
            assert f"{letter}2:{letter}1001" not in rules
        else:
            rule = rules[f"{letter}2:{letter}1001"]
            assert rule.type == "list"
            listed = [lists.cell(row=r, column=index).value for r in range(1, len(values) + 1)]
            assert listed == values
        expected = (
            "DD/MM/YYYY"
            if col.type == "date"
            else "@"
            if col.type in ("id", "ids", "tax_code")
            else "General"
        )
        assert sheet.cell(row=2, column=index).number_format == expected
    notes = [
        row[0].value for row in book[notes_name].iter_rows(min_row=2, max_row=len(columns) + 1)
    ]
    assert notes == [header(c, lang) for c in columns]


def test_vietnamese_dropdowns_use_the_labels() -> None:
    type_column = next(c for c in COLUMNS["enterprises"] if c.key == "type")
    assert choices(type_column, "vi") == ["Doanh nghiệp", "Hợp tác xã", "Hộ kinh doanh", "Khác"]
    bool_column = next(c for c in COLUMNS["units"] if c.key == "public")
    assert choices(bool_column, "vi") == ["Có", "Không"]


FILL: dict[str, list[dict[str, Any]]] = {
    "enterprises": [
        {"name": "Công ty TNHH Hoa Mai", "type": "Doanh nghiệp", "tax_code": TAX_NEW, "key_product": "Có",
         "ocop_name": "Nước mắm", "ocop_stars": 4, "ocop_certified_on": dt.datetime(2022, 5, 1)},
        {"name": "Công ty TNHH Hoa Mai", "type": "Doanh nghiệp", "tax_code": TAX_NEW,
         "ocop_name": "Mắm tép", "ocop_stars": 3, "ocop_certified_on": dt.datetime(2023, 5, 1)},
    ],
    "trainings": [
        {"title": "Lớp ISO 22000", "date": dt.datetime(2023, 4, 3), "topics": "Hệ thống quản lý",
         "participant_tax_code": TAX_LAMSON},
        {"title": "Lớp ISO 22000", "date": dt.datetime(2023, 4, 3), "topics": "Hệ thống quản lý",
         "participant": "HTX01"},
    ],
    "certifications": [
        {"enterprise": "DN001", "category": "Hệ thống quản lý", "scheme": "ISO 22000",
         "achieved_on": dt.datetime(2023, 9, 1), "supported": "Có"},
    ],
    "experts": [{"name": "Trần Văn Cường", "qualified_on": dt.datetime(2023, 1, 5), "unit": "U1"}],
    "units": [{"id": "U9", "name": "Viện Đo lường", "public": "Không", "qualified_on": dt.datetime(2024, 1, 1)}],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_filled_in_template_imports_back_and_validates(
    templates: Templates, tmp_path: Path, kind: str, lang: str
) -> None:
    data = data_dir(tmp_path)
    book = load_workbook(templates.copy(kind, lang, tmp_path / "t.xlsx"))
    sheet = book.worksheets[0]
    keys = [c.key for c in template_columns(kind, "district")]
    for r, values in enumerate(FILL[kind], start=2):
        for key, value in values.items():
            sheet.cell(row=r, column=keys.index(key) + 1, value=value)
    book.save("t.xlsx")
    report = import_sheet(kind=kind, source=tmp_path / "t.xlsx", data_dir=data)
    assert (report.rejects, report.warnings) == ([], [])
    assert report.rows_read == len(FILL[kind])
    assert errors(data) == []
    assert len(load(data).records(kind)) >= 1


def test_csv_template_is_the_header_row(tmp_path: Path) -> None:
    assert pqp("template", "units", "-o", "u.csv", "--lang", "vi").exit_code == 0
    text = (tmp_path / "u.csv").read_bytes().decode("utf-8-sig")
    assert text == "Mã đơn vị,Tên đơn vị *,Công lập,Ngày công nhận *,Ngày thu hồi\r\n"
    data = data_dir(tmp_path)
    with (tmp_path / "u.csv").open("a", encoding="utf-8") as fh:
        fh.write("U7,Trung tâm Năng suất,Có,03/04/2023,\r\n")
    assert pqp("import", "units", "u.csv", "--data", data).exit_code == 0
    assert load(data).units["U7"].qualified_on == dt.date(2023, 4, 3)


def test_template_never_overwrites_without_force(tmp_path: Path) -> None:
    (tmp_path / "t.xlsx").write_bytes(b"filled in by a district")
    result = pqp("template", "units", "-o", "t.xlsx")
    assert (result.exit_code, result.stderr) == (
        2,
        "pqp: error: t.xlsx exists; pass --force to replace it\n",
    )
    assert (tmp_path / "t.xlsx").read_bytes() == b"filled in by a district"
    assert pqp("template", "units", "-o", "t.xlsx", "--force").exit_code == 0
    result = pqp("template", "units", "-o", "t.ods")
    assert (result.exit_code, result.stderr) == (
        2,
        "pqp: error: t.ods: a template is .xlsx or .csv\n",
    )


def test_default_template_name(tmp_path: Path) -> None:
    assert pqp("template", "experts").stdout == "experts-template.xlsx\n"
    assert (tmp_path / "experts-template.xlsx").is_file()


PLAN_2026 = "plan: {id: p, title: P, period: {start: 2026-01-01, end: 2030-12-31}}\ntargets: []\n"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", ["enterprises", "trainings", "certifications"])
def test_commune_template_asks_xa_phuong_and_imports_back(
    tmp_path: Path, kind: str, lang: str
) -> None:
    (tmp_path / "targets.yaml").write_text(PLAN_2026, encoding="utf-8")
    data = data_dir(tmp_path)
    assert pqp("template", kind, "-o", "t.xlsx", "--lang", lang).exit_code == 0
    book = load_workbook("t.xlsx")
    heads = [c.value for c in book.worksheets[0][1]]
    assert [header(c, lang) for c in template_columns(kind, "commune")] == heads
    if lang == "vi":
        assert "Xã/phường" in heads and "Huyện" not in heads
    columns = template_columns(kind, "commune")
    keys = [c.key for c in columns]
    place = next(i for i, c in enumerate(columns) if header(c, "vi") == "Xã/phường")
    for r, values in enumerate(FILL[kind], start=2):
        for key, value in values.items():
            book.worksheets[0].cell(row=r, column=keys.index(key) + 1, value=value)
        book.worksheets[0].cell(row=r, column=place + 1, value="Xã Hoằng Hóa")
    book.save("t.xlsx")
    report = import_sheet(kind=kind, source=tmp_path / "t.xlsx", data_dir=data)
    assert report.rejects == [] and report.rows_read == len(FILL[kind])


def test_enterprises_template_asks_the_establishments_name(templates: Templates) -> None:
    assert templates.result("enterprises", "vi")[0] == 0
    heads = [c.value for c in templates.book("enterprises", "vi").worksheets[0][1]]
    assert "Tên cơ sở *" in heads and "Tên doanh nghiệp *" not in heads


@pytest.mark.parametrize("kind", KINDS)
def test_vietnamese_notes_speak_vietnamese_of_their_own_kind_only(
    templates: Templates, kind: str
) -> None:
    import re

    def sheet_words(lang: str) -> set[str]:
        assert templates.result(kind, lang)[0] == 0
        notes = templates.book(kind, lang).worksheets[1]
        text = " ".join(str(v) for row in notes.iter_rows(values_only=True) for v in row if v)
        text = re.sub(r"--?[\w-]+|pqp import \w+|\S*[/.]\S*", " ", text)  # typed as they are
        return {w.lower() for w in re.findall(r"\w{2,}", text) if w.isascii() and w.isalpha()}

    names = {"ocop", "iso", "haccp", "vietgap", "globalgap", "doanh", "kinh"}  # names, labels
    english = sheet_words("en") - names
    left = sheet_words("vi") & english
    assert not left, sorted(left)
    notes = templates.book(kind, "vi").worksheets[1]
    text = " ".join(str(v) for row in notes.iter_rows(values_only=True) for v in row if v)
    others = [k for k in KINDS if k != kind]
    assert not [k for k in others if f"{k}:" in text]
    assert ("OCOP một dòng" in text) == (kind == "enterprises")
    assert ("Mỗi cơ sở tham gia một dòng" in text) == (kind == "trainings")
