"""`pqp template KIND`: a blank workbook (or CSV) with the headers import reads."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from pqp_cli.core import fileio
from pqp_cli.core.models import VI_LABELS
from pqp_cli.core.problems import PqpError, display_path
from pqp_cli.importing.headers import Column
from pqp_cli.importing.places import template_columns

ROWS = 1000  # rows the drop-downs and date formats cover
_DATE_FORMAT = "DD/MM/YYYY"
_SHEETS = {"en": ("Data", "Notes"), "vi": ("Dữ liệu", "Ghi chú")}
_NOTES = {
    "en": [
        "One row per record; leave the header row as it is. Required columns are marked *.",
        "Dates are day first: 03/04/2023 is 3 April 2023.",
        "Several values in one cell (topics, fields): separate them with ';'.",
        "Type tax codes as text so that a leading zero is kept.",
        "Then: pqp import {kind} FILE --dry-run, and without --dry-run once it reads cleanly.",
    ],
    "vi": [
        "Mỗi dòng một bản ghi; giữ nguyên dòng tiêu đề. Cột bắt buộc có dấu *.",
        "Ngày ghi theo ngày/tháng/năm: 03/04/2023 là ngày 3 tháng 4 năm 2023.",
        "Nhiều giá trị trong một ô (nội dung, lĩnh vực): cách nhau bởi dấu ';'.",
        "Nhập mã số thuế dạng văn bản để giữ số 0 ở đầu.",
        "Sau đó chạy: “pqp import {kind} TỆP --dry-run”; khi đã đọc sạch, chạy lại không có"
        " “--dry-run”.",
    ],
}
#: What only one kind's notes say (a template speaks of its own kind only).
_KIND_NOTES = {
    "trainings": (
        "One row per participant; rows with the same id (or title and date) are one training.",
        "Mỗi cơ sở tham gia một dòng; các dòng cùng mã lớp (hoặc cùng tên lớp và ngày) là một lớp.",
    ),
    "enterprises": (
        "One OCOP product per row; rows of one establishment add up.",
        "Mỗi sản phẩm OCOP một dòng; các dòng của cùng một cơ sở được cộng lại.",
    ),
}
#: A Vietnamese header the template writes instead of the column's first name: the rows are
#: cooperatives and household businesses too, not only enterprises. Import reads both.
_VI_HEADERS = {"Tên doanh nghiệp": "Tên cơ sở"}


def header(col: Column, lang: str) -> str:
    """The header the template writes: import reads it back (`*` marks a required column)."""
    text = col.vi[0] if lang == "vi" else col.en
    if lang == "vi" and _VI_HEADERS.get(text) in col.vi:
        text = _VI_HEADERS[text]
    return f"{text} *" if col.required else text


def choices(col: Column, lang: str) -> list[str] | None:
    """The drop-down values of an enum or yes/no column, in the template's language."""
    group = col.type.partition(":")[2]
    if col.type == "bool":
        return ["Có", "Không"] if lang == "vi" else ["yes", "no"]
    if group:
        labels = VI_LABELS[group]
        return [names[0] for names in labels.values()] if lang == "vi" else list(labels)
    return None


def write_template(
    *, kind: str, path: Path, lang: str = "en", force: bool = False, level: str = "district"
) -> Path:
    """Write the template of `kind` to `path` (.xlsx or .csv); never over a file unless `force`.
    `level` (`district` or `commune`) chooses the locality column (`places.template_columns`)."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise PqpError(
            f"{display_path(path)}: a template is .xlsx or .csv",
            f"{display_path(path)}: tệp mẫu phải là .xlsx hoặc .csv",
        )
    if path.exists() and not force:
        raise PqpError(
            f"{display_path(path)} exists; pass --force to replace it",
            f"{display_path(path)} đã có; dùng --force để ghi đè",
        )
    cols = template_columns(kind, level)
    data = _csv_bytes(cols, lang) if suffix == ".csv" else _xlsx_bytes(cols, lang, kind)
    _replace(path, data)
    return path


def _csv_bytes(cols: list[Column], lang: str) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(header(c, lang) for c in cols)
    return out.getvalue().encode("utf-8-sig")  # the BOM lets Excel show Vietnamese right


def _xlsx_bytes(cols: list[Column], lang: str, kind: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    data_title, notes_title = _SHEETS[lang]
    sheet.title = data_title
    lists = book.create_sheet("_lists")
    lists.sheet_state = "hidden"
    fill = PatternFill("solid", fgColor="DDEBF7")
    for index, col in enumerate(cols, start=1):
        cell = sheet.cell(row=1, column=index, value=header(col, lang))
        cell.font, cell.fill = Font(bold=True), fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = max(14, min(40, len(str(cell.value)) + 4))
        _format_column(sheet, lists, col, index, lang)
    sheet.freeze_panes = "A2"
    _notes(book.create_sheet(notes_title), cols, lang, kind)
    book.move_sheet("_lists", offset=1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _format_column(sheet: Any, lists: Any, col: Column, index: int, lang: str) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    letter = get_column_letter(index)
    cells = f"{letter}2:{letter}{ROWS + 1}"
    number_format = _DATE_FORMAT if col.type == "date" else "@" if col.type in _TEXT else None
    if number_format:
        for (cell,) in sheet[cells]:
            cell.number_format = number_format
    values = choices(col, lang)
    if values is None:
        return
    for row, value in enumerate(values, start=1):
        lists.cell(row=row, column=index, value=value)
    source = f"'_lists'!${letter}$1:${letter}${len(values)}"
    multi = col.type.startswith("list:")  # several values typed by hand must pass
    rule = DataValidation(
        type="list", formula1=source, allow_blank=True, showErrorMessage=not multi
    )
    rule.error = "Chọn trong danh sách" if lang == "vi" else "Pick a value from the list"
    sheet.add_data_validation(rule)
    rule.add(cells)


_TEXT = ("id", "ids", "tax_code")


def _notes(sheet: Any, cols: list[Column], lang: str, kind: str) -> None:
    """The notes sheet: each column and how to fill it, then the rules of this kind. The
    Vietnamese one leaves out the field names (English words a user never types)."""
    from openpyxl.styles import Font

    vi = lang == "vi"
    titles = (
        ("Cột", "Bắt buộc", "Cách nhập") if vi else ("Column", "Field", "Required", "What to enter")
    )
    sheet.append(list(titles))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for col in cols:
        required = ("Có" if vi else "yes") if col.required else ""
        if vi:
            sheet.append([header(col, lang), required, col.help_vi])
        else:
            sheet.append([header(col, lang), col.key, required, col.help_en])
    sheet.append([])
    own = _KIND_NOTES.get(kind)
    lines = [*(_NOTES[lang][:3]), *([own[vi]] if own else []), *_NOTES[lang][3:]]
    for line in lines:
        sheet.append([line.format(kind=kind)])
    widths = (28, 10, 90) if vi else (28, 22, 10, 90)
    for letter, width in zip("ABCD", widths, strict=False):
        sheet.column_dimensions[letter].width = width


def _replace(path: Path, data: bytes) -> None:
    fileio.write_atomic(path, data)
