"""User-facing words of the CLI and reports, in English and Vietnamese."""

from __future__ import annotations

from typing import Any

from pqp_cli.models import label

_WORDS: dict[str, tuple[str, str]] = {
    "id": ("ID", "Mã"),
    "target_title": ("Target", "Chỉ tiêu"),
    "value": ("Value", "Đạt được"),
    "target": ("Target value", "Mục tiêu"),
    "progress": ("Progress", "Tiến độ"),
    "expected": ("Expected", "Kỳ vọng"),
    "status": ("Status", "Trạng thái"),
    "metric": ("Metric", "Chỉ số"),
    "plan": ("Plan", "Kế hoạch"),
    "period": ("Period", "Kỳ kế hoạch"),
    "as_of": ("As of", "Tính đến"),
    "evaluated_at": ("evaluated at", "tính tại"),
    "counted": ("Counted", "Được tính"),
    "not_counted": ("Not yet counted", "Chưa được tính"),
    "records": ("records", "hồ sơ"),
    "lacks": ("lacks", "còn thiếu"),
    "none": ("(none)", "(không có)"),
    "banner": (
        "DATA HAS {errors} ERROR(S): {records} record(s) and {files} file(s) left out of these "
        "figures. Run `pqp validate` to see and fix them.",
        "DỮ LIỆU CÓ {errors} LỖI: {records} bản ghi và {files} tệp bị loại khỏi số liệu này. "
        "Hãy chạy `pqp validate` để xem và sửa.",
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
}


def tr(key: str, lang: str, **params: Any) -> str:
    en, vi = _WORDS[key]
    return (vi if lang == "vi" else en).format(**params)


def status_label(status: str, lang: str) -> str:
    return label("status", status, "vi") if lang == "vi" else status.replace("_", " ")
