"""User-facing words of the CLI and reports, in English and Vietnamese."""

from __future__ import annotations

from typing import Any

_WORDS: dict[str, tuple[str, str]] = {
    "id": ("ID", "Mã"),
    "target_title": ("Target", "Chỉ tiêu"),
    "value": ("Value", "Đạt được"),
    "target": ("Target value", "Mục tiêu"),
    "progress": ("Progress", "Tiến độ"),
    "expected": ("Expected", "Mức cần đạt theo tiến độ"),
    "status": ("Status", "Trạng thái"),
    "metric": ("Metric", "Chỉ số"),
    "plan": ("Plan", "Kế hoạch"),
    "period": ("Period", "Kỳ kế hoạch"),
    "as_of": ("As of", "Tính đến"),
    "evaluated_at": ("evaluated at", "tính tại"),
    "counted": ("Counted", "Được tính"),
    "not_counted": ("Not yet counted", "Chưa được tính"),
    "records": ("records", "Hồ sơ"),
    "lacks": ("lacks", "Còn thiếu"),
    "none": ("(none)", "(không có)"),
    "banner": (
        "DATA HAS {errors} ERROR(S): {records} record(s) and {files} file(s) left out of these "
        "figures. Run `pqp validate` to see and fix them.",
        "DỮ LIỆU CÓ {errors} LỖI: {records} bản ghi và {files} tệp bị loại khỏi số liệu này. "
        "Hãy chạy `pqp validate` để xem và sửa.",
    ),
    "banner_targets": (
        "Targets left out (targets.yaml has errors): {targets}.",
        "Chỉ tiêu bị loại (targets.yaml có lỗi): {targets}.",
    ),
    "strict_refused": (
        "refusing to report: the data has {errors} error(s) (--strict); run `pqp validate`",
        "không báo cáo: dữ liệu có {errors} lỗi (--strict); hãy chạy `pqp validate`",
    ),
    "warnings_note": (
        "{warnings} warning(s) in the data; run `pqp validate` to see them",
        "dữ liệu có {warnings} cảnh báo; hãy chạy `pqp validate` để xem",
    ),
    "validate_ok": (
        "No problems found in {files} file(s).",
        "Không có vấn đề nào trong {files} tệp.",
    ),
    "validate_summary": (
        "{errors} error(s), {warnings} warning(s)",
        "{errors} lỗi, {warnings} cảnh báo",
    ),
    "error": ("error", "lỗi"),
    "warning": ("warning", "cảnh báo"),
    "bad_date": (
        "invalid --as-of {value!r}: give a date as YYYY-MM-DD",
        "--as-of {value!r} không hợp lệ: hãy ghi ngày dạng YYYY-MM-DD",
    ),
    "bad_lang": (
        "invalid --lang {value!r}: use en or vi",
        "--lang {value!r} không hợp lệ: dùng en hoặc vi",
    ),
    "internal": (
        "internal error ({what}); please report it with the command you ran",
        "lỗi nội bộ ({what}); hãy báo lỗi kèm câu lệnh đã chạy",
    ),
    "subjects_enterprises": ("Establishments", "Cơ sở"),
    "subjects_experts": ("Experts", "Chuyên gia"),
    "subjects_units": ("Units", "Đơn vị"),
    "name": ("Name", "Tên"),
    "locality": ("Locality", "Địa bàn"),
    "explain_head": (
        "{id} · {title}: {value} of {target} ({status}) as of {as_of}",
        "{id} · {title}: {value} / {target} ({status}) tính đến {as_of}",
    ),
    # --- status --by / --projection and `pqp report` ---
    "by_year_title": (
        "Value at each 31 December (and at the as-of date)",
        "Giá trị tại ngày 31/12 mỗi năm (và tại ngày tính)",
    ),
    "in_year": ("In year", "Trong năm"),
    "cumulative": ("Cumulative", "Lũy kế"),
    "in_year_note": (
        "the increase within the year (for a percentage target, in percentage "
        "points); the first year's counts from 0 at the period's start.",
        "mức tăng trong năm (chỉ tiêu tỷ lệ tính bằng điểm phần trăm); năm đầu "
        "tiên tính từ 0 tại ngày bắt đầu kỳ kế hoạch.",
    ),
    "in_brackets": ("In brackets:", "Trong ngoặc:"),
    "by_locality_title": (
        "By locality, as recorded on each establishment",
        "Theo địa bàn, theo tên ghi trên hồ sơ cơ sở",
    ),
    "no_locality": ("(none)", "(không rõ)"),
    "no_locality_subjects": (
        "Targets on experts or units ({ids}) are not in this table: those records name no locality.",
        "Các chỉ tiêu về chuyên gia, đơn vị ({ids}) không có trong bảng này vì hồ sơ không ghi địa bàn.",
    ),
    "projected_end_value": ("Projected at end", "Dự kiến cuối kỳ"),
    "projected_met_on": ("Projected met on", "Dự kiến đạt vào"),
    "projection_note": (
        "Projection: the pace so far (value ÷ share of the period elapsed) carried on in a "
        "straight line; a date already past is the day the target was met.",
        "Dự báo: giữ nguyên tốc độ từ đầu kỳ đến nay (giá trị ÷ phần thời gian đã qua) theo "
        "đường thẳng; ngày đã qua là ngày chỉ tiêu đã đạt.",
    ),
    "report_heading": ("Progress report", "Báo cáo tiến độ"),
    "target_kind": ("Kind: count or percent", "Loại: số lượng (count) hoặc tỷ lệ (percent)"),
    "numerator": ("Covered (numerator)", "Số được tính (tử số)"),
    "denominator": ("Population (denominator)", "Tổng số (mẫu số)"),
    "summary": ("Summary", "Tổng hợp"),
    "progress_by_year": ("Progress by year", "Tiến độ theo năm"),
    "date": ("Date", "Thời điểm"),
    "actual": ("Actual", "Thực hiện"),
    "straight_line": ("Straight line to the target", "Đường thẳng tới mục tiêu"),
    "expected_line": (
        "Expected (straight line)",
        "Mức cần đạt theo tiến độ (đường thẳng)",
    ),
    "projection": ("Projection", "Dự báo"),
    "marker_note": (
        "The mark on each bar is where the straight line to the target stands at this date.",
        "Vạch trên mỗi thanh là mức cần đạt theo tiến độ (đường thẳng) tới mục tiêu tại thời điểm này.",
    ),
    "appendix": ("Appendix: who counts", "Phụ lục: danh sách được tính"),
    "nobody": ("Nobody yet.", "Chưa có."),
    "data_problems": ("Problems in the data", "Vấn đề trong dữ liệu"),
    "no_problems": (
        "No problems were found in the data.",
        "Không phát hiện vấn đề nào trong dữ liệu.",
    ),
    "problems_line": (
        "{errors} error(s) and {warnings} warning(s); {records} record(s) and {files} file(s) "
        "left out of the figures.",
        "{errors} lỗi và {warnings} cảnh báo; {records} bản ghi và {files} tệp bị loại khỏi "
        "số liệu.",
    ),
    "problems_more": (
        "… and {n} more: run `pqp validate` for the full list.",
        "… và {n} vấn đề khác: chạy `pqp validate` để xem đầy đủ.",
    ),
    "severity": ("Severity", "Mức độ"),
    "code": ("Code", "Mã"),
    "location": ("Location", "Vị trí"),
    "message": ("Message", "Nội dung"),
    "authority": ("Issued by", "Cơ quan ban hành"),
    "focal_agency": ("Focal agency", "Cơ quan chủ trì"),
    "document": ("Document", "Văn bản"),
    "contents": ("Contents", "Mục lục"),
    "generated": (
        "Generated by pqp from the data as of {as_of}; figures are evaluated at {at}.",
        "Lập bởi pqp từ dữ liệu tính đến {as_of}; số liệu tính tại ngày {at}.",
    ),
    "yes": ("yes", "có"),
    "no": ("no", "không"),
    "sheet_by_year": ("By year", "Theo năm"),
    "sheet_by_locality": ("By locality", "Theo địa bàn"),
    "sheet_problems": ("Problems", "Vấn đề"),
    "report_written": ("report written to {path}", "đã ghi báo cáo vào {path}"),
    "report_format_unknown": (
        "cannot tell the report format from {path!r}: give --format html, md, xlsx or docx",
        "không xác định được định dạng báo cáo từ {path!r}: hãy dùng --format html, md, xlsx "
        "hoặc docx",
    ),
    "report_xlsx_stdout": (
        "an xlsx report cannot go to standard output: give -o FILE.xlsx",
        "báo cáo xlsx không thể ghi ra màn hình: hãy dùng -o TỆP.xlsx",
    ),
    "report_docx_stdout": (
        "a docx report cannot go to standard output: give -o FILE.docx",
        "báo cáo docx không thể ghi ra màn hình: hãy dùng -o TỆP.docx",
    ),
    "bad_doc_date": (
        "invalid --date {value!r}: give a date as YYYY-MM-DD",
        "--date {value!r} không hợp lệ: hãy ghi ngày dạng YYYY-MM-DD",
    ),
}


#: The column heads of `status --format csv` and of the xlsx report's sheets under `vi` (a JSON
#: key in English, where the CSV keeps its machine-friendly keys).
_COLUMNS_VI: dict[str, str] = {
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
_GROUPS_VI = {"by_locality": "Địa bàn", "by_district": "Huyện cũ", "by_commune": "Xã mới"}
_KINDS_VI = {"count": "số lượng", "percent": "tỷ lệ"}


def column(key: str, lang: str) -> str:
    """A column of a CSV or sheet: the JSON key in English (scripts read it), a Vietnamese
    head under `vi` (`by_year.2021.in_year` → `Năm 2021 (trong năm)`, `by_locality.X` →
    `Địa bàn: X`), since an analyst opens the CSV in Excel and reads no JSON keys."""
    if lang != "vi":
        return key
    if key in _COLUMNS_VI:
        return _COLUMNS_VI[key]
    group, _, rest = key.partition(".")
    if group == "by_year":
        point, _, part = rest.partition(".")
        shown = f"Năm {point}" if point.isdigit() else f"Ngày {_vi_day(point)}"
        return f"{shown} (trong năm)" if part == "in_year" else shown
    if group in _GROUPS_VI:
        return f"{_GROUPS_VI[group]}: {rest}"
    return key


def _vi_day(iso: str) -> str:
    """`2024-06-30` → `30/06/2024` (the text as is when it is no date)."""
    parts = iso.split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else iso


def kind_label(kind: str, lang: str) -> str:
    """A target's kind: `count`/`percent` in English, `số lượng`/`tỷ lệ` under `vi`."""
    return _KINDS_VI.get(kind, kind) if lang == "vi" else kind


def tr(key: str, lang: str, **params: Any) -> str:
    en, vi = _WORDS[key]
    return (vi if lang == "vi" else en).format(**params)


def status_label(status: str, lang: str) -> str:
    from pqp_cli.core.models import label

    return label("status", status, "vi") if lang == "vi" else status.replace("_", " ")


def banner(summary: dict[str, Any], lang: str) -> str:
    """The loud left-out banner of docs/contract.md §5, from a `problems` summary."""
    text = tr(
        "banner",
        lang,
        errors=summary["errors"],
        records=summary["records_left_out"],
        files=summary["files_left_out"],
    )
    targets = summary.get("targets_left_out")
    if targets:
        text += " " + tr("banner_targets", lang, targets=", ".join(targets))
    return text
