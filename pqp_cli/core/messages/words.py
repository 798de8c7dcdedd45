"""The words of pqp's outputs in English and Vietnamese: table and sheet headers, labels,
statuses, the banner, summary lines and the command line's own sentences, each by its key.

`core/i18n.py` chooses the language and formats; every text it says comes from here.
"""

from __future__ import annotations

from pqp_cli.core.messages.base import Texts

WORDS: dict[str, Texts] = {
    "id": Texts("ID", "Mã"),
    "target_title": Texts("Target", "Chỉ tiêu"),
    "value": Texts("Value", "Đạt được"),
    "target": Texts("Target value", "Mục tiêu"),
    "progress": Texts("Progress", "Tiến độ"),
    "expected": Texts("Expected", "Mức cần đạt theo tiến độ"),
    "status": Texts("Status", "Trạng thái"),
    "metric": Texts("Metric", "Chỉ số"),
    "plan": Texts("Plan", "Kế hoạch"),
    "period": Texts("Period", "Kỳ kế hoạch"),
    "as_of": Texts("As of", "Tính đến"),
    "evaluated_at": Texts("evaluated at", "tính tại"),
    "counted": Texts("Counted", "Được tính"),
    "not_counted": Texts("Not yet counted", "Chưa được tính"),
    "records": Texts("records", "Hồ sơ"),
    "lacks": Texts("lacks", "Còn thiếu"),
    "none": Texts("(none)", "(không có)"),
    "banner": Texts(
        "DATA HAS {errors} ERROR(S): {records} record(s) and {files} file(s) left out of these "
        "figures. Run `pqp validate` to see and fix them.",
        "DỮ LIỆU CÓ {errors} LỖI: {records} bản ghi và {files} tệp bị loại khỏi số liệu này. "
        "Hãy chạy `pqp validate` để xem và sửa.",
    ),
    "banner_targets": Texts(
        "Targets left out (targets.yaml has errors): {targets}.",
        "Chỉ tiêu bị loại (targets.yaml có lỗi): {targets}.",
    ),
    "strict_refused": Texts(
        "refusing to report: the data has {errors} error(s) (--strict); run `pqp validate`",
        "không báo cáo: dữ liệu có {errors} lỗi (--strict); hãy chạy `pqp validate`",
    ),
    "warnings_note": Texts(
        "{warnings} warning(s) in the data; run `pqp validate` to see them",
        "dữ liệu có {warnings} cảnh báo; hãy chạy `pqp validate` để xem",
    ),
    "validate_ok": Texts(
        "No problems found in {files} file(s).",
        "Không có vấn đề nào trong {files} tệp.",
    ),
    "step_summary_head": Texts("### pqp validate: {line}", "### `pqp validate`: {line}"),
    "validate_summary": Texts(
        "{errors} error(s), {warnings} warning(s)",
        "{errors} lỗi, {warnings} cảnh báo",
    ),
    "error": Texts("error", "lỗi"),
    "warning_prefix": Texts("pqp: warning: {message}", "pqp: cảnh báo: {message}"),
    "warning": Texts("warning", "cảnh báo"),
    "bad_lang": Texts(
        "invalid --lang {value!r}: use en or vi",
        "--lang {value!r} không hợp lệ: dùng en hoặc vi",
    ),
    "stdout_closed": Texts(
        "standard output (stdout) is closed: pqp has nowhere to write its answer",
        "đầu ra chuẩn (stdout) đã đóng: pqp không có chỗ ghi kết quả",
    ),
    "stderr_closed": Texts(
        "standard error (stderr) is closed: pqp has nowhere to say what it finds wrong",
        "luồng lỗi chuẩn (stderr) đã đóng: pqp không có chỗ báo lỗi và cảnh báo",
    ),
    "internal": Texts(
        "internal error ({what}); please report it with the command you ran",
        "lỗi nội bộ ({what}); hãy báo lỗi kèm câu lệnh đã chạy",
    ),
    "subjects_enterprises": Texts("Establishments", "Cơ sở"),
    "subjects_experts": Texts("Experts", "Chuyên gia"),
    "subjects_units": Texts("Units", "Đơn vị"),
    "name": Texts("Name", "Tên"),
    "locality": Texts("Locality", "Địa bàn"),
    "percent_of": Texts("{value}% ({n}/{d})", "{value}% ({n}/{d})"),
    "percent_value": Texts("{value}%", "{value}%"),
    "explain_head": Texts(
        "{id} · {title}: {value} of {target} ({status}) as of {as_of}",
        "{id} · {title}: {value} / {target} ({status}) tính đến {as_of}",
    ),
    # --- status --by / --projection and `pqp report` ---
    "by_year_title": Texts(
        "Value at each 31 December (and at the as-of date)",
        "Giá trị tại ngày 31/12 mỗi năm (và tại ngày tính)",
    ),
    "in_year": Texts("In year", "Trong năm"),
    "cumulative": Texts("Cumulative", "Lũy kế"),
    "in_year_note": Texts(
        "the increase within the year (for a percentage target, in percentage "
        "points); the first year's counts from 0 at the period's start.",
        "mức tăng trong năm (chỉ tiêu tỷ lệ tính bằng điểm phần trăm); năm đầu "
        "tiên tính từ 0 tại ngày bắt đầu kỳ kế hoạch.",
    ),
    "in_brackets": Texts("In brackets:", "Trong ngoặc:"),
    "by_locality_title": Texts(
        "By locality, as recorded on each establishment",
        "Theo địa bàn, theo tên ghi trên hồ sơ cơ sở",
    ),
    "no_locality": Texts("(none)", "(không rõ)"),
    "no_locality_subjects": Texts(
        "Targets on experts or units ({ids}) are not in this table: those records name no locality.",
        "Các chỉ tiêu về chuyên gia, đơn vị ({ids}) không có trong bảng này vì hồ sơ không ghi địa bàn.",
    ),
    "projected_end_value": Texts("Projected at end", "Dự kiến cuối kỳ"),
    "projected_met_on": Texts("Projected met on", "Dự kiến đạt vào"),
    "projection_note": Texts(
        "Projection: the pace so far (value ÷ share of the period elapsed) carried on in a "
        "straight line; a date already past is the day the target was met.",
        "Dự báo: giữ nguyên tốc độ từ đầu kỳ đến nay (giá trị ÷ phần thời gian đã qua) theo "
        "đường thẳng; ngày đã qua là ngày chỉ tiêu đã đạt.",
    ),
    "report_heading": Texts("Progress report", "Báo cáo tiến độ"),
    "target_kind": Texts("Kind: count or percent", "Loại: số lượng (count) hoặc tỷ lệ (percent)"),
    "numerator": Texts("Covered (numerator)", "Số được tính (tử số)"),
    "denominator": Texts("Population (denominator)", "Tổng số (mẫu số)"),
    "summary": Texts("Summary", "Tổng hợp"),
    "progress_by_year": Texts("Progress by year", "Tiến độ theo năm"),
    "date": Texts("Date", "Thời điểm"),
    "actual": Texts("Actual", "Thực hiện"),
    "straight_line": Texts("Straight line to the target", "Đường thẳng tới mục tiêu"),
    "expected_line": Texts(
        "Expected (straight line)",
        "Mức cần đạt theo tiến độ (đường thẳng)",
    ),
    "projection": Texts("Projection", "Dự báo"),
    "marker_note": Texts(
        "The mark on each bar is where the straight line to the target stands at this date.",
        "Vạch trên mỗi thanh là mức cần đạt theo tiến độ (đường thẳng) tới mục tiêu tại thời điểm này.",
    ),
    "appendix": Texts("Appendix: who counts", "Phụ lục: danh sách được tính"),
    "nobody": Texts("Nobody yet.", "Chưa có."),
    "data_problems": Texts("Problems in the data", "Vấn đề trong dữ liệu"),
    "no_problems": Texts(
        "No problems were found in the data.",
        "Không phát hiện vấn đề nào trong dữ liệu.",
    ),
    "problems_line": Texts(
        "{errors} error(s) and {warnings} warning(s); {records} record(s) and {files} file(s) "
        "left out of the figures.",
        "{errors} lỗi và {warnings} cảnh báo; {records} bản ghi và {files} tệp bị loại khỏi "
        "số liệu.",
    ),
    "problems_more": Texts(
        "… and {n} more: run `pqp validate` for the full list.",
        "… và {n} vấn đề khác: chạy `pqp validate` để xem đầy đủ.",
    ),
    "severity": Texts("Severity", "Mức độ"),
    "code": Texts("Code", "Mã"),
    "location": Texts("Location", "Vị trí"),
    "message": Texts("Message", "Nội dung"),
    "authority": Texts("Issued by", "Cơ quan ban hành"),
    "focal_agency": Texts("Focal agency", "Cơ quan chủ trì"),
    "document": Texts("Document", "Văn bản"),
    "contents": Texts("Contents", "Mục lục"),
    "generated": Texts(
        "Generated by pqp from the data as of {as_of}; figures are evaluated at {at}.",
        "Lập bởi pqp từ dữ liệu tính đến {as_of}; số liệu tính tại ngày {at}.",
    ),
    "yes": Texts("yes", "có"),
    "no": Texts("no", "không"),
    "sheet_by_year": Texts("By year", "Theo năm"),
    "sheet_by_locality": Texts("By locality", "Theo địa bàn"),
    "sheet_problems": Texts("Problems", "Vấn đề"),
    "report_written": Texts("report written to {path}", "đã ghi báo cáo vào {path}"),
    "report_format_unknown": Texts(
        "cannot tell the report format from {path!r}: give --format html, md, xlsx or docx",
        "không xác định được định dạng báo cáo từ {path!r}: hãy dùng --format html, md, xlsx "
        "hoặc docx",
    ),
    "report_xlsx_stdout": Texts(
        "an xlsx report cannot go to standard output: give -o FILE.xlsx",
        "báo cáo xlsx không thể ghi ra màn hình: hãy dùng -o TỆP.xlsx",
    ),
    "report_docx_stdout": Texts(
        "a docx report cannot go to standard output: give -o FILE.docx",
        "báo cáo docx không thể ghi ra màn hình: hãy dùng -o TỆP.docx",
    ),
    "bad_doc_date": Texts(
        "invalid --date {value!r}: give a date as YYYY-MM-DD",
        "--date {value!r} không hợp lệ: hãy ghi ngày dạng YYYY-MM-DD",
    ),
    # --- pqp init, pqp diff: the command line's own sentences ---
    "init_next": Texts(
        "Next: fill in the lines marked 'ĐIỀN / FILL IN' in {targets}; then, from the folder "
        "{folder}, run `pqp validate` (see {readme}).",
        "Tiếp theo: điền các dòng ghi 'ĐIỀN / FILL IN' trong {targets}; rồi, trong thư mục "
        "{folder}, chạy `pqp validate` (xem {readme}).",
    ),
    "init_wrote": Texts("wrote: {path}", "đã ghi: {path}"),
    "init_kept": Texts("kept (already there): {path}", "giữ nguyên (đã có): {path}"),
    "git_created": Texts("made a git repository: git init", "đã tạo kho git (`git init`)"),
    "git_inside": Texts(
        "already inside a git repository: no git init",
        "đã nằm trong một kho git: không chạy `git init`",
    ),
    "git_no-git": Texts(
        "git is not installed: no repository made; install git, then run `git init` there",
        "chưa cài git: chưa tạo kho; hãy cài git rồi chạy `git init` trong thư mục đó",
    ),
    "git_failed": Texts(
        "git init failed: no repository made; run `git init` there",
        "`git init` không chạy được: chưa tạo kho; hãy chạy `git init` trong thư mục đó",
    ),
    # --- pqp import: the summary (importing/outcome.py) and what a re-import changes ---
    "import_read": Texts("Read {rows} rows from {where}.", "Đã đọc {rows} dòng từ {where}."),
    "import_counts": Texts(
        "{kind}: {created} created, {changed} changed, {unchanged} unchanged, {removed} removed",
        "{kind}: {created} tạo mới, {changed} thay đổi, {unchanged} không đổi, {removed} bị xóa",
    ),
    "import_new_establishments": Texts("; {n} new establishment(s)", "; {n} cơ sở mới"),
    "import_rows_rejected": Texts("{n} row(s) rejected:", "{n} dòng bị loại:"),
    "import_sheet_refused": Texts("The sheet is refused:", "Bảng tính bị từ chối:"),
    "import_dry_blocked": Texts(
        "Dry run: nothing written; a real import would write nothing either.",
        "Chạy thử (--dry-run): không ghi gì; khi chạy thật cũng không ghi gì.",
    ),
    "import_dry": Texts("Dry run: nothing written.", "Chạy thử (--dry-run): không ghi gì."),
    "import_skip_blocked": Texts(
        "Nothing written: an error belongs to no row that could be left out; fix the sheet.",
        "Không ghi gì: có lỗi không thuộc dòng nào để bỏ qua; hãy sửa bảng tính.",
    ),
    "import_sheet_blocked": Texts(
        "Nothing written: the sheet is refused, for the reason above.",
        "Không ghi gì: bảng tính bị từ chối, vì lý do nêu trên.",
    ),
    "import_blocked": Texts(
        "Nothing written, as rows were rejected: fix the sheet, or pass --skip-invalid.",
        "Không ghi gì vì có dòng bị loại; sửa bảng tính, hoặc dùng --skip-invalid.",
    ),
    "import_wrote": Texts("Wrote {paths}.", "Đã ghi {paths}."),
    "import_nothing_changed": Texts("Nothing changed.", "Không có gì thay đổi."),
    "import_rejects_in": Texts(
        " Rejected rows are in {path}.", " Các dòng bị loại đã ghi vào {path}."
    ),
    "import_row": Texts("row", "dòng"),
    "import_column": Texts("column", "cột"),
    "import_this_sheet_row": Texts("this sheet, row", "bảng này, dòng"),
    "rejects_row": Texts("Row", "Dòng"),
    "rejects_reason": Texts("Reason", "Lý do"),
    "template_required": Texts("yes", "Có"),
    "template_pick": Texts("Pick a value from the list", "Chọn trong danh sách"),
    "written_as": Texts("written", "ghi là"),
    "report_section_errors": Texts(
        "the 'report:' section of targets.yaml has errors; the Word report is not written",
        "mục 'report:' của targets.yaml có lỗi; không ghi báo cáo Word",
    ),
    "change_line": Texts("changed {id}: {parts}", "thay đổi {id}: {parts}"),
    "change_lost": Texts("lost {items}", "mất {items}"),
    "change_gained": Texts("gained {items}", "thêm {items}"),
    "change_reordered": Texts("reordered", "đổi thứ tự"),
    "change_list": Texts("{key} {what}", "{key} {what}"),
    "change_field_lost": Texts("lost {key} ({value})", "mất {key} ({value})"),
    "change_value": Texts("{key} {old} → {new}", "{key} {old} → {new}"),
    "change_removed": Texts("removed {id}{label}", "bỏ {id}{label}"),
    "diff_left_out": Texts(
        "note: at {where} the data has {errors} error(s); {records} record(s) and {files} "
        "file(s) are left out of its figures (run `pqp validate` there)",
        "lưu ý: ở {where} dữ liệu có {errors} lỗi; {records} bản ghi và {files} tệp bị loại "
        "khỏi số liệu (hãy chạy `pqp validate` ở đó)",
    ),
}


#: The column heads of `status --format csv` and of the xlsx report's sheets under `vi` (a JSON
#: key in English, where the CSV keeps its machine-friendly keys).
COLUMNS_VI: dict[str, str] = {
    "id": "Mã",
    "title": "Chỉ tiêu",
    "metric": "Chỉ số",
    "kind": "Loại",
    "value": "Đạt được",
    "target": "Mục tiêu",
    "numerator": "Tử số",
    "denominator": "Mẫu số",
    "progress_percent": "Tiến độ (%)",
    "expected": "Mức cần đạt theo tiến độ",
    "status": "Trạng thái",
    "projected_end_value": "Dự kiến cuối kỳ",
    "projected_met_on": "Dự kiến đạt vào",
    "projected_beyond_calendar": "Dự kiến đạt sau năm 9999",
    "severity": "Mức độ",
    "code": "Mã vấn đề",
    "file": "Tệp",
    "line": "Dòng",
    "record": "Bản ghi",
    "field": "Trường",
    "message": "Nội dung",
    "errors": "Số lỗi",
    "warnings": "Số cảnh báo",
    "files_left_out": "Số tệp bị loại",
    "records_left_out": "Số bản ghi bị loại",
    "targets_left_out": "Chỉ tiêu bị loại",
}
GROUPS_VI = {"by_locality": "Địa bàn", "by_district": "Huyện cũ", "by_commune": "Xã mới"}
KINDS_VI = {"count": "số lượng", "percent": "tỷ lệ"}
#: The Vietnamese heads of `by_year.*` columns: a year's value, a day's, the in-year increase.
BY_YEAR_VI = {"year": "Năm {point}", "day": "Ngày {day}", "in_year": "{shown} (trong năm)"}
