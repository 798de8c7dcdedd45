"""Notes of `pqp import`: rejected rows and warnings about the sheet, each located in it.

A note is said after the place it is about (`q1.xlsx › Sheet1 › C5 (column "Tên cơ sở"): …`).
Import also reports validate's problems found on the records it would write (with their own
codes), and `encoding` for a CSV file read in another encoding (reading.py).
"""

from __future__ import annotations

from pqp_cli.core.messages import import_cells
from pqp_cli.core.messages.base import Entry, Texts

_REPEATS = Texts(
    "row {later} repeats row {first} (same {same}): one record is kept, counted once",
    "dòng {later} lặp lại dòng {first} (cùng {same}): giữ một bản ghi, chỉ tính một lần",
)
_REPLACING = Texts("replacing {path}", "thay thế {path}")
_IMPORTED = Texts(
    "{count} of these {kinds} ({shown}) were already imported{source} into {name}: the same "
    "sheet sent again? Pass --replace to replace {name} with this sheet (or --out FILE to write "
    "elsewhere); if both sheets are right, each record belongs in one of them only",
    "{count} {kinds} này ({shown}) đã được nhập{source} vào {name}: bảng tính được gửi lại? "
    "Dùng --replace để thay {name} bằng bảng này (hoặc --out TỆP để ghi ra chỗ khác); nếu cả "
    "hai bảng đều đúng, mỗi bản ghi chỉ nên có trong một bảng",
)

ENTRIES = [
    Entry(
        "rejected",
        "import",
        "rejected",
        Texts("A row rejected", "Dòng bị loại"),
        "A row cannot become a record: a cell that does not convert, a required cell left "
        "empty, a row that names no record. Nothing is written unless `--skip-invalid`.",
        "| STT | Tên cơ sở | Ngày thành lập |\n| 1   | An Phú    | 31/02/2023     |",
        "Fix the cell named (its column letter and row number are given), or pass "
        "`--skip-invalid` to write the other rows.",
        {
            "too-wide": Texts(
                "this row has {count} cells where the header has {width} columns: {shown} has no "
                "column (a separator inside a cell? put that cell in double quotes)",
                "dòng này có {count} ô trong khi tiêu đề có {width} cột: {shown} không thuộc cột "
                "nào (dấu phân cách nằm trong ô? hãy đặt ô đó trong dấu ngoặc kép)",
            ),
            "unidentified": Texts(
                'no id, tax code or known name identifies this row, and column "{header}" is not '
                'read: is it "{hint}"? Rename the header, or pass --mapping with "{header}: {hint}"',
                'không có mã, mã số thuế hay tên đã biết để nhận ra dòng này, và cột "{header}" '
                'không được đọc: có phải là "{hint}"? Hãy sửa tiêu đề, hoặc dùng --mapping với '
                '"{header}: {hint}"',
            ),
            "too-long": Texts(
                "the cell holds {count} characters, more than {limit}: is it the right cell?",
                "ô chứa {count} ký tự, quá {limit}: có đúng ô không?",
            ),
            "excel-error": Texts(
                "the cell shows an Excel error {shown}: fix the formula or paste values",
                "ô hiển thị lỗi Excel {shown}: hãy sửa công thức hoặc dán giá trị (Paste Values)",
            ),
            "formula": Texts(
                "formula without a saved value: open and save the file in Excel, or paste values",
                "công thức chưa có giá trị được lưu: hãy mở và lưu tệp bằng Excel, hoặc dán giá "
                "trị (Paste Values)",
            ),
            "no-unit": Texts(
                'no unit in the data has id or name "{unit}"; add it to the units first',
                'không đơn vị nào trong dữ liệu có mã hoặc tên "{unit}"; hãy thêm đơn vị trước',
            ),
            "name-in": Texts("{reason} (the name is in {cell})", "{reason} (tên ở ô {cell})"),
            "one-enterprise": Texts("one enterprise a row", "mỗi dòng một doanh nghiệp"),
            "no-enterprise": Texts(
                "no enterprise: fill its id, tax code or name",
                "chưa ghi doanh nghiệp: điền mã, MST hoặc tên",
            ),
            "belongs": Texts(
                "belongs to the record of row {row}, which is rejected",
                "thuộc bản ghi ở dòng {row}, bản ghi này bị loại",
            ),
            "no-column": Texts(
                'the sheet has no column for {name} ("{header}"), which is required',
                'bảng thiếu cột "{header}" ("{name}"), cột này bắt buộc',
            ),
            "required": Texts(
                "{field} is required: fill this cell", "{field} là bắt buộc: hãy điền ô này"
            ),
            "not-allowed": Texts("not allowed here: {allowed}", "không hợp lệ: {allowed}"),
            "id-used": Texts(
                "id {id} is already used at row {row}", "mã {id} đã dùng ở dòng {row}"
            ),
            "no-training": Texts(
                "no training id, and no title and date: cannot tell which training this row "
                "belongs to",
                "không có mã lớp, cũng không có tên lớp và ngày: không biết dòng này thuộc lớp nào",
            ),
            "no-name": Texts("no name, id or tax code", "không có tên, mã cơ sở hay mã số thuế"),
            "several-localities": Texts(
                "this name is listed with several localities (several establishments): fill "
                "this row's locality",
                "tên này có ở nhiều địa bàn (nhiều cơ sở): hãy điền địa bàn cho dòng này",
            ),
            **import_cells.REJECTED,
        },
        {"field": Texts("date", '"Ngày thành lập" ("date")')},
        "required",
    ),
    Entry(
        "warning",
        "import",
        "warning",
        Texts("A row read with a warning", "Dòng được đọc kèm cảnh báo"),
        "A row was read, but something in it deserves a look: a value that differs from "
        "another row of the same record, an enterprise or product listed twice.",
        "| Mã lớp | Học viên |\n| L01    | An Phú   |\n| L01    | An Phú   |",
        "Check the row; remove the repeat if it is one.",
        {
            "differs": Texts(
                "differs from row {row} of the same record; that value is kept",
                "khác với dòng {row} của cùng bản ghi; giữ giá trị ở dòng đó",
            ),
            "listed-twice": Texts(
                "{ent} is already listed at row {row}; it is counted once",
                "{ent} đã có ở dòng {row}; chỉ tính một lần",
            ),
            "ocop-twice": Texts(
                "OCOP product already listed at row {row}; this row is skipped",
                "sản phẩm OCOP đã có ở dòng {row}; bỏ qua dòng này",
            ),
            "repeats": _REPEATS,
            "repeats-differ": Texts(
                _REPEATS.en + "; it differs in {differ}, the first row's values are kept",
                _REPEATS.vi + "; khác ở {differ}, giữ giá trị của dòng đầu",
            ),
            **import_cells.WARNED,
        },
        {"ent": "ent-001", "row": 2},
        "listed-twice",
    ),
    Entry(
        "ignored-column",
        "import",
        "warning",
        Texts("A column not read", "Cột không được đọc"),
        "A column whose header names no field (or a field already read from another column), "
        "or cells with no header at all; their values are not imported.",
        "| Tên cơ sở | Ghi chú nội bộ |\n| An Phú    | gọi lại sau    |",
        "Map the header to a field with `--mapping`, or to `~` to leave it out quietly.",
        {
            "": Texts(
                "{reason}{hint}{cells}; map it with --mapping, or map it to ~ to leave it out",
                "{reason}{hint}{cells}; hãy ánh xạ bằng --mapping, hoặc ánh xạ thành ~ để bỏ qua",
            ),
            "no-field": Texts(
                "column ignored: it names no field", "bỏ qua cột: không ứng với trường nào"
            ),
            "second": Texts(
                "a second column for {column}; only the first one is read",
                "cột thứ hai cho {column}; chỉ đọc cột đầu tiên",
            ),
            "hint": Texts(' (nearest known header: "{hint}")', ' (tiêu đề gần nhất: "{hint}")'),
            "cells": Texts("; cells not read: {where}", "; các ô không được đọc: {where}"),
            "unheaded": Texts(
                "cells {where} have no header and are not read; give the column a header",
                "các ô {where} không có tiêu đề cột nên không được đọc; hãy đặt tiêu đề cho cột",
            ),
        },
        {
            "reason": Texts(
                "column ignored: it names no field", "bỏ qua cột: không ứng với trường nào"
            ),
            "hint": "",
            "cells": "",
        },
    ),
    Entry(
        "total-row",
        "import",
        "warning",
        Texts("A total row that holds more", "Dòng tổng còn chứa dữ liệu khác"),
        "A row read as a total (`Tổng cộng`) and skipped also holds other values: perhaps a "
        "record whose first cell looks like a total.",
        "| Tổng cộng | Công ty An Phú | 2023-05-10 |",
        "Give the row its row number (STT), or rename its first cell.",
        {
            "": Texts(
                "read as a total row and skipped, but it also holds {shown}: if it is a record, "
                "give it its row number (STT) or rename the first cell",
                "được coi là dòng tổng và bỏ qua, nhưng còn có {shown}: nếu đây là một bản ghi, "
                "hãy ghi số thứ tự (STT) hoặc đổi ô đầu tiên",
            )
        },
        {"shown": "B9 'Công ty An Phú'"},
    ),
    Entry(
        "after-total",
        "import",
        "rejected or warning",
        Texts("A row after the total row", "Dòng sau dòng tổng"),
        "The grand total row ends the data. A filled row below it that looks like a record is "
        "rejected; anything else (signatures, notes) is a warning.",
        "| Tổng cộng | 2 |\n| 3 | Công ty Bình An | …",
        "Move the record above the total row.",
        {
            "": Texts(
                "not read: after the total row {total}, which ends the data: {shown}",
                "không được đọc: nằm sau dòng tổng {total} (dòng kết thúc dữ liệu): {shown}",
            ),
            "record": Texts(
                "this row comes after the total row {total}, which ends the data, but looks like "
                "a record ({shown}): move it above the total row",
                "dòng này nằm sau dòng tổng {total} (dòng kết thúc dữ liệu) nhưng trông như một "
                "bản ghi ({shown}): hãy chuyển nó lên trên dòng tổng",
            ),
        },
        {"total": 9, "shown": "B11 'Người lập biểu'"},
    ),
    Entry(
        "replacing",
        "import",
        "warning",
        Texts("Replacing a file (--replace)", "Thay thế một tệp (--replace)"),
        "`--replace` writes this sheet's records over a file that held another import's.",
        "pqp import enterprises q2.xlsx --replace",
        "Nothing: it says what `--replace` did.",
        {
            "": Texts(_REPLACING.en + " (--replace)", _REPLACING.vi + " (--replace)"),
            "other": Texts(
                _REPLACING.en + ", which held the records from {other} (--replace)",
                _REPLACING.vi + ", tệp đang chứa bản ghi từ {other} (--replace)",
            ),
        },
        {"path": "data/enterprises/q1.yaml"},
    ),
    Entry(
        "mapping",
        "import",
        "warning",
        Texts("A remembered column mapping", "Ánh xạ cột đã lưu"),
        "The file this import writes remembers the `--mapping` of the import that wrote it; "
        "it is used again.",
        "pqp import enterprises q1.xlsx   # the second time",
        "Pass `--mapping FILE` to change it.",
        {
            "": Texts(
                "using the column mapping remembered in {name} ({shown}); pass --mapping FILE to "
                "change it",
                "dùng ánh xạ cột đã lưu trong {name} ({shown}); dùng --mapping TỆP để thay đổi",
            )
        },
        {"name": "data/enterprises/q1.yaml", "shown": "Ghi chú → ~"},
    ),
    Entry(
        "taken-over",
        "import",
        "warning",
        Texts("A placeholder taken over", "Bản ghi tạm được thay thế"),
        "An establishment `--create-missing` wrote as a placeholder is now imported for real: "
        "it keeps the placeholder's id.",
        "pqp import enterprises dn.xlsx   # after trainings --create-missing",
        "Nothing: the placeholder is replaced.",
        {
            "": Texts(
                "{name} (would be {old}) takes over {id}, the placeholder --create-missing wrote "
                "in {file}: its id stays, so trainings and certifications keep pointing to it; "
                "the listed fields replace the placeholder's",
                "{name} (lẽ ra là {old}) thay cho {id}, bản ghi tạm do --create-missing ghi "
                "trong {file}: giữ nguyên mã nên các lớp tập huấn, chứng nhận vẫn trỏ đúng; các "
                "trường trong danh sách thay cho bản ghi tạm",
            )
        },
        {
            "name": "Công ty TNHH An Phú",
            "old": "ent-0101234567",
            "id": "ent-an-phu",
            "file": "data/enterprises/created.yaml",
        },
    ),
    Entry(
        "already-imported",
        "import",
        "rejected",
        Texts("Records imported before", "Bản ghi đã được nhập"),
        "Records of this sheet are already in another generated file: most likely the same "
        "sheet sent again under another name. Nothing is written.",
        "pqp import trainings lop-q1-ban-sua.xlsx   # q1.xlsx imported before",
        "Pass `--replace` to replace that file, or `--out FILE` to write elsewhere.",
        {
            "": Texts(_IMPORTED.en.replace("{source}", ""), _IMPORTED.vi.replace("{source}", "")),
            "from": Texts(
                _IMPORTED.en.replace("{source}", " from {source}"),
                _IMPORTED.vi.replace("{source}", " từ {source}"),
            ),
        },
        {
            "count": 12,
            "kinds": Texts("trainings", "lớp tập huấn"),
            "shown": "trn-1, trn-2, trn-3, …",
            "source": "lop-q1.xlsx",
            "name": "data/trainings/lop-q1.yaml",
        },
        "from",
    ),
]
