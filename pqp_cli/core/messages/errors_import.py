"""Why `pqp import` or `pqp template` cannot go on (exit 2, or 1 where said): the source file,
the sheet, the mapping, where the records would go. Raised as `PqpError(*phrase(key, …))`.
"""

from __future__ import annotations

from pqp_cli.core.messages.base import Texts

ERRORS: dict[str, Texts] = {
    "unknown-kind": Texts(
        "unknown kind '{kind}'; kinds: {kinds}", "không có loại '{kind}'; các loại: {kinds}"
    ),
    "no-such-file": Texts("{path}: no such file", "{path}: không có tệp"),
    "cannot-import-suffix": Texts(
        "{path}: cannot import a {suffix} file; save it as .xlsx, .xls, .ods or .csv",
        "{path}: không nhập được tệp {suffix}; hãy lưu thành .xlsx, .xls, .ods hoặc .csv",
    ),
    "suffix-less": Texts("suffix-less", "không đuôi"),
    "workbook-password": Texts(
        "{path}: the workbook is password-protected; open it in Excel, remove the password"
        " (File › Info › Protect Workbook) and save it again",
        "{path}: tệp có mật khẩu; hãy mở bằng Excel, gỡ mật khẩu"
        " (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại",
    ),
    "workbook-html": Texts(
        "{path}: this is a web page (HTML) named like a spreadsheet; open it in Excel and"
        " save it as .xlsx",
        "{path}: đây là trang web (HTML) mang đuôi bảng tính; hãy mở bằng Excel và lưu thành .xlsx",
    ),
    "workbook-damaged": Texts(
        "{path}: cannot read the spreadsheet, it is damaged or not a {suffix} file"
        " ({detail}); open it in Excel or LibreOffice and save it again",
        "{path}: không đọc được bảng tính, tệp bị hỏng hoặc không phải tệp {suffix}"
        " ({detail}); hãy mở bằng Excel hoặc LibreOffice rồi lưu lại",
    ),
    "cannot-read": Texts("{path}: cannot read ({why})", "{path}: không đọc được ({why})"),
    "csv-unreadable": Texts(
        "{path}: cannot read the CSV file ({why})", "{path}: không đọc được tệp CSV ({why})"
    ),
    "csv-open-quote": Texts(
        '{path}: a quote (") opened in row {row} is never closed, so every'
        " row after it would be one cell; close the quote or remove it",
        '{path}: dấu ngoặc kép (") mở ở dòng {row} không được đóng, nên mọi'
        " dòng sau đó sẽ thành một ô; hãy đóng hoặc bỏ dấu ngoặc đó",
    ),
    "unknown-encoding": Texts(
        "unknown encoding '{encoding}' (try utf-8 or cp1258)",
        "không biết bảng mã '{encoding}' (thử utf-8 hoặc cp1258)",
    ),
    "not-in-encoding": Texts(
        "{path}: not {encoding} text (byte {at}); try another --encoding",
        "{path}: không phải văn bản {encoding} (byte {at}); thử --encoding khác",
    ),
    "no-such-sheet": Texts(
        '{path}: no sheet named "{wanted}"; its sheets: {names}',
        '{path}: không có trang tính "{wanted}"; các trang: {names}',
    ),
    "no-header-row": Texts(
        "{source}: no header row for {kind} in the first 20 rows of {where}: a header names"
        " at least two known columns, such as {examples} (or see --mapping)",
        "{source}: không thấy dòng tiêu đề {kind} trong 20 dòng đầu của {where}: dòng"
        " tiêu đề phải có ít nhất hai cột đã biết, vd. {examples} (hoặc dùng --mapping)",
    ),
    "in-sheet": Texts('sheet "{name}"', 'trang "{name}"'),
    "in-any-sheet": Texts("any sheet", "trang nào"),
    "used-range-absurd": Texts(
        "{path} › {sheet}: the used range reaches {corner} (a cell at {far}), far beyond"
        " any list; clear the stray cells there (select them, Delete) and save, or copy the"
        " data into a new sheet",
        "{path} › {sheet}: vùng dữ liệu kéo tới {corner} (ô {far}), quá xa so với danh"
        " sách; hãy xoá các ô thừa đó (chọn, bấm Delete) rồi lưu, hoặc chép dữ liệu sang trang"
        " tính mới",
    ),
    # --- the mapping file ---
    "mapping-unreadable": Texts(
        "cannot read the mapping file {path}: {why}", "không đọc được tệp ánh xạ {path}: {why}"
    ),
    "mapping-shape": Texts(
        "{path}: the mapping must be 'column header: field' lines",
        "{path}: tệp ánh xạ phải gồm các dòng 'tiêu đề cột: trường'",
    ),
    "mapping-no-field": Texts(
        "{path}: '{header}: {target}' names no {kind} field; fields: {allowed}",
        "{path}: '{header}: {target}' không phải trường của {kind}; các trường: {allowed}",
    ),
    # --- where the records go ---
    "out-not-yaml": Texts(
        "--out {path}: the output is a .yaml file", "--out {path}: tệp kết quả phải là .yaml"
    ),
    "out-dot-name": Texts(
        "--out {path}: the loader skips names that begin with a dot, so"
        " nothing imported there would count; choose another name",
        "--out {path}: tên bắt đầu bằng dấu chấm bị bỏ qua khi đọc dữ liệu,"
        " nên bản ghi ở đó sẽ không được tính; hãy chọn tên khác",
    ),
    "out-wrong-kind": Texts(
        "--out {path}: {kind} records go in {file}.yaml or under {file}/ in the data folder",
        "--out {path}: bản ghi {kind} đặt trong {file}.yaml hoặc thư mục {file}/ của thư mục "
        "dữ liệu",
    ),
    "edited-by-hand": Texts(
        "{path} was edited by hand since pqp wrote it; import would overwrite that edit."
        " Move the edit into the sheet (or into a file of your own) and pass --force",
        "{path} đã bị sửa tay sau khi pqp ghi; nhập lại sẽ ghi đè phần sửa đó. Hãy chuyển"
        " phần sửa vào bảng tính (hoặc một tệp riêng) rồi dùng --force",
    ),
    "not-written-by-import": Texts(
        "{path} was not written by `pqp import` and is never overwritten; give --out FILE"
        " to write the records elsewhere",
        "{path} không do `pqp import` tạo ra nên không bao giờ bị ghi đè; dùng --out TỆP"
        " để ghi bản ghi ra chỗ khác",
    ),
    "cannot-lock": Texts("cannot lock {path}: {why}", "không khoá được {path}: {why}"),
    "other-source": Texts(
        "{path} holds the records imported from {where} (sha256 {digest}),"
        " not from {source}: importing would replace them. Pass --out OTHER.yaml to"
        " import this file into a new file, or --replace to replace those records",
        "{path} đang chứa bản ghi nhập từ {where} (sha256 {digest}),"
        " không phải từ {source}: nhập sẽ thay thế chúng. Dùng --out TỆP_KHÁC.yaml để"
        " nhập vào một tệp mới, hoặc --replace để thay thế các bản ghi đó",
    ),
    "source-in-folder": Texts("{name} in {folder}", "{name} trong {folder}"),
    "already-written": Texts("{error} (already written: {names})", "{error} (đã ghi: {names})"),
    "rejects-not-saved": Texts(
        "The rejected rows were not saved: {error}.", "Các dòng bị loại không được lưu: {error}."
    ),
    # --- pqp template ---
    "template-suffix": Texts(
        "{path}: a template is .xlsx or .csv", "{path}: tệp mẫu phải là .xlsx hoặc .csv"
    ),
    "template-exists": Texts(
        "{path} exists; pass --force to replace it", "{path} đã có; dùng --force để ghi đè"
    ),
}
