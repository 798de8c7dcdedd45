"""Why a command cannot go on (exit 2): its options, `pqp init`, `pqp schema`, the report's
number and date. Raised as `PqpError(*phrase(key, …))`; the command line prints the language
asked for. The errors of opening a project are in errors_read.py, of import in errors_import.py.
"""

from __future__ import annotations

from pqp_cli.core.messages.base import Texts

ERRORS: dict[str, Texts] = {
    "bad-as-of": Texts(
        "invalid --as-of {value!r}: give a date as YYYY-MM-DD or dd/mm/yyyy",
        "--as-of {value!r} không hợp lệ: hãy ghi ngày dạng dd/mm/yyyy hoặc YYYY-MM-DD",
    ),
    "bad-doc-date": Texts(
        "invalid --date {value!r}: give a date as YYYY-MM-DD or dd/mm/yyyy",
        "--date {value!r} không hợp lệ: hãy ghi ngày dạng dd/mm/yyyy hoặc YYYY-MM-DD",
    ),
    "bad-doc-number": Texts(
        "--number {value!r}: give the number as digits (15) or with the whole symbol (15/BC-SKHCN)",
        "--number {value!r}: ghi số bằng chữ số (15) hoặc kèm cả ký hiệu (15/BC-SKHCN)",
    ),
    "doc-date-early": Texts(
        "--date {date} is before --as-of {as_of}: a report cannot be dated before the figures "
        "it reports",
        "--date {date} trước --as-of {as_of}: báo cáo không thể ký trước ngày chốt số liệu",
    ),
    # --- pqp init ---
    "init-bad-date": Texts(
        "invalid {option} {value!r}: give a date as YYYY-MM-DD or dd/mm/yyyy",
        "{option} {value!r} không hợp lệ: hãy ghi ngày dạng dd/mm/yyyy hoặc YYYY-MM-DD",
    ),
    "init-end-first": Texts(
        "the plan must end after it starts (--start {start}, --end {end})",
        "kế hoạch phải kết thúc sau khi bắt đầu (--start {start}, --end {end})",
    ),
    "init-bad-plan-id": Texts(
        "invalid --plan-id {value!r}: use letters, digits, '.', '_' and '-' "
        "(e.g. thanh-hoa-pqp-2026-2030)",
        "--plan-id {value!r} không hợp lệ: dùng chữ cái, chữ số, '.', '_' và '-' "
        "(vd. thanh-hoa-pqp-2026-2030)",
    ),
    "init-not-a-folder": Texts(
        "{path} exists and is not a folder", "{path} đã tồn tại và không phải thư mục"
    ),
    "init-cannot-write": Texts(
        "cannot write into {path}: {why}", "không ghi được vào {path}: {why}"
    ),
    "schema-cannot-write": Texts(
        "cannot write the schemas into {path}: {why}",
        "không ghi được lược đồ vào {path}: {why}",
    ),
}
