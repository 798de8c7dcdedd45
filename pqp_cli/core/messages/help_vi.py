"""The Vietnamese help of every command and option, shown under `--lang vi` or `PQP_LANG=vi`.

Kept apart from the English help in the command modules so that `pqp --help` in English loads
none of it; keyed by command and parameter name (not by the English text), so rewording an
English help keeps its translation. tests/test_help_vi.py fails when a command or option has
no Vietnamese help here.
"""

from __future__ import annotations

#: Command name ("" for the app itself) → its help.
COMMANDS: dict[str, str] = {
    "": "Theo dõi kế hoạch nâng cao năng suất và chất lượng cấp tỉnh (Quyết định 1322/QĐ-TTg) "
    "trên các tệp YAML.",
    "status": "Tình hình từng chỉ tiêu tính đến một ngày, và có kịp tiến độ hay không.",
    "validate": "Báo mọi lỗi trong dữ liệu và targets.yaml (mã thoát 1 khi có lỗi).",
    "explain": "Các cơ sở (hoặc chuyên gia, đơn vị) được tính cho một chỉ tiêu và những cơ sở "
    "còn thiếu.",
    "import": "Nhập các dòng của bảng tính thành bản ghi (mã thoát 1 khi có dòng bị từ chối).",
    "template": "Ghi một bảng tính trống có các tiêu đề cột mà `pqp import` đọc được (kế hoạch "
    "bắt đầu từ 01/07/2025 trở đi hỏi xã/phường thay cho huyện).",
    "report": "Báo cáo tiến độ đầy đủ: tóm tắt, biểu đồ theo năm, địa bàn, cơ sở được tính, "
    "các vấn đề.",
    "schema": "Lược đồ JSON (JSON Schema, bản 2020-12) của một loại bản ghi hoặc targets.yaml, "
    "cho trình soạn thảo và kiểm tra tự động.",
    "init": "Tạo thư mục dữ liệu mới: kho git, targets.yaml để điền, tệp bản ghi trống, "
    "hướng dẫn, kiểm tra tự động.",
    "diff": "Thay đổi của từng chỉ tiêu giữa hai phiên bản git, và cơ sở nào được thêm vào "
    "hoặc rời khỏi số đếm.",
}

#: Parameter name → its help, for every command that has the parameter.
SHARED: dict[str, str] = {
    "data": "Thư mục dữ liệu (bản ghi dạng YAML); mặc định: tìm lên từ thư mục hiện tại.",
    "targets": "Tệp chỉ tiêu của kế hoạch; mặc định: tìm lên từ thư mục hiện tại.",
    "as_of": "Tính đến ngày này (dd/mm/yyyy hoặc YYYY-MM-DD); mặc định hôm nay.",
    "lang": "Ngôn ngữ của nhãn và thông báo: en (tiếng Anh) hoặc vi (tiếng Việt).",
    "no_cache": "Đọc lại mọi tệp dữ liệu; không đọc, không ghi bộ nhớ đệm .pqp-cache/ "
    "trong thư mục dữ liệu.",
    "rev": "Đọc dữ liệu và chỉ tiêu như đã lưu ở phiên bản git này (mã phiên bản, thẻ, nhánh).",
    "strict": "Từ chối nếu dữ liệu có lỗi.",
    "force": "Ghi đè tệp đã được tạo ra nhưng sau đó bị sửa tay.",
    "version": "Hiện số phiên bản rồi thoát.",
    "install_completion": "Cài gợi ý tự hoàn thành lệnh cho trình dòng lệnh đang dùng.",
    "show_completion": "Hiện mã gợi ý tự hoàn thành lệnh cho trình dòng lệnh đang dùng, để sao "
    "chép hoặc tự cài.",
    "help": "Hiện trợ giúp này rồi thoát.",
}

#: (command, parameter name) → its help, where it differs from `SHARED`.
SPECIFIC: dict[tuple[str, str], str] = {
    ("status", "fmt"): "table (bảng), json, csv hoặc markdown.",
    ("status", "by"): "Thêm số liệu theo năm (mỗi ngày 31/12), theo địa bàn như đã ghi, theo "
    "huyện cũ hoặc theo xã năm 2025; có thể lặp lại.",
    ("status", "projection"): "Thêm giá trị dự kiến cuối kỳ và ngày dự kiến đạt.",
    ("validate", "fmt"): "text (văn bản), json hoặc github.",
    ("validate", "strict"): "Có cảnh báo cũng là không đạt (mã thoát 1).",
    ("explain", "target"): "Mã chỉ tiêu, vd. T3.",
    ("explain", "fmt"): "text (văn bản), json hoặc markdown.",
    ("import", "kind"): "Loại bản ghi.",
    ("import", "source"): "Tệp .xlsx, .xls, .ods hoặc .csv.",
    ("import", "sheet"): "Trang tính cần đọc (mặc định: trang đầu tiên có dòng tiêu đề).",
    ("import", "mapping"): "Tệp YAML, mỗi dòng 'tiêu đề cột: trường'.",
    ("import", "out"): "Tệp ghi ra (mặc định THƯ_MỤC_DỮ_LIỆU/LOẠI/TÊN_TỆP.yaml).",
    ("import", "dry_run"): "Chỉ báo kết quả; không ghi gì.",
    ("import", "encoding"): "Bảng mã của tệp CSV (mặc định: tự nhận biết).",
    ("import", "create_missing"): "Thêm các cơ sở chưa có trong dữ liệu.",
    ("import", "skip_invalid"): "Ghi các dòng hợp lệ; các dòng bị từ chối ghi ra một tệp CSV.",
    ("import", "replace"): "Thay tệp mà các bản ghi này đã được nhập vào trước đây.",
    ("template", "kind"): "Loại bản ghi.",
    ("template", "output"): "TỆP.xlsx hoặc TỆP.csv.",
    ("template", "force"): "Ghi đè tệp đã có.",
    ("report", "output"): "Tệp cần ghi (- là hiện ra màn hình).",
    ("report", "lang"): "Ngôn ngữ của báo cáo: en hoặc vi (mặc định vi cho docx, en cho các "
    "định dạng khác).",
    ("report", "fmt"): "html, md, xlsx hoặc docx; mặc định theo phần đuôi tên tệp.",
    ("report", "locality"): "Nhóm bảng theo huyện cũ hoặc theo xã năm 2025; mặc định theo "
    "thời kỳ của kế hoạch.",
    ("report", "number"): "docx: số văn bản: chỉ chữ số (15), hoặc kèm ký hiệu (15/BC-SKHCN).",
    (
        "report",
        "date",
    ): "docx: ngày ban hành văn bản (dd/mm/yyyy hoặc YYYY-MM-DD); mặc định hôm nay.",
    ("schema", "kind"): "Một loại bản ghi, hoặc `targets` cho targets.yaml; bỏ trống là tất cả.",
    ("schema", "out"): "Ghi TÊN.schema.json vào thư mục này thay vì hiện ra màn hình.",
    ("init", "folder"): "Thư mục cần tạo (hoặc bổ sung).",
    ("init", "plan_id"): "Mã kế hoạch; mặc định pqp-NĂM_ĐẦU-NĂM_CUỐI.",
    ("init", "start"): "Ngày đầu của kế hoạch (mặc định 2026-01-01).",
    ("init", "end"): "Ngày cuối của kế hoạch (mặc định 2030-12-31).",
    ("init", "authority"): "Cơ quan ban hành kế hoạch, vd. 'UBND tỉnh Thanh Hóa'.",
    ("diff", "rev1"): "Phiên bản trước (mã phiên bản, thẻ, nhánh).",
    ("diff", "rev2"): "Phiên bản sau; bỏ trống là các tệp hiện có.",
    ("diff", "fmt"): "text (văn bản), json hoặc markdown (cho yêu cầu hợp nhất).",
}

#: Argument name → the name shown for it in usage lines and errors.
ARGUMENTS: dict[str, str] = {
    "kind": "LOẠI",
    "source": "TỆP",
    "target": "CHỈ_TIÊU",
    "folder": "THƯ_MỤC",
    "rev1": "PHIÊN_BẢN_1",
    "rev2": "PHIÊN_BẢN_2",
}

#: What click and typer write around the help texts.
HEADINGS: dict[str, str] = {
    "Options": "Tùy chọn",
    "Arguments": "Đối số",
    "Commands": "Lệnh",
}
USAGE = "Cách dùng: "
USAGE_PIECES: dict[str, str] = {"[OPTIONS]": "[TÙY_CHỌN]", "COMMAND [ARGS]...": "LỆNH [ĐỐI_SỐ]..."}
EXTRAS: dict[str, str] = {"env var: ": "biến môi trường: ", "default: ": "mặc định: "}
REQUIRED = ("required", "bắt buộc")
TYPES: dict[str, str] = {
    "<path>": "<đường_dẫn>",
    "<str>": "<chuỗi>",
    "<int>": "<số>",
    "<list[": "<nhiều[",
}


def help_for(command: str, param: str) -> str | None:
    """The Vietnamese help of `param` in `command`, or None when there is none."""
    return SPECIFIC.get((command, param)) or SHARED.get(param)


#: What `cli/run_vi.py` says of a usage error, in Vietnamese (click's own words are English).
USAGE_ERRORS: dict[str, str] = {
    "error": "Lỗi: {message}",
    "aborted": "Đã hủy.",
    "see_help": "Xem '{command} {option}' để được trợ giúp.\n",
    "no_such_option": "Không có tùy chọn {option}",
    "did_you_mean": " (có lẽ là: {names})",
    "bad_value": "Giá trị không hợp lệ cho {hint}: {reason}",
    "missing": "Thiếu {kind} {hint}",
    "choose_one": " Chọn một trong:\n\t",
    "bad_value_here": "giá trị này không dùng được ở đây.",
    "bad_usage": "cách dùng lệnh không đúng.",
}
#: A missing parameter's kind, as click names it → in Vietnamese.
PARAMETER_KINDS = {"argument": "đối số", "option": "tùy chọn", "parameter": "tham số"}
#: click's and typer's messages inside an error, as patterns → their Vietnamese (`re.sub`).
REASONS: tuple[tuple[str, str], ...] = (
    (r"^(?:Value error, )?(.*) is not one of (.*)\.$", r"\1 không phải là một trong \2."),
    (r"^(?:Value error, )?Value (.*) is not a valid (.*)\.$", r"\1 không hợp lệ."),
    (r"^Option '(.*)' requires an argument\.$", r"Tùy chọn '\1' cần một giá trị."),
    (r"^Option '(.*)' requires (\d+) arguments\.$", r"Tùy chọn '\1' cần \2 giá trị."),
    (r"^Option '(.*)' does not take a value\.$", r"Tùy chọn '\1' không nhận giá trị."),
    (r"^Got unexpected extra argument(?:\(s\)|s)? \((.*)\)$", r"Thừa đối số: \1"),
    (
        r"^No such command '(.*)'\. Did you mean (.*)\?$",
        r"Không có lệnh '\1'. Có phải ý bạn là \2?",
    ),
    (r"^No such command '(.*)'\.$", r"Không có lệnh '\1'."),
    (r"^Missing command\.$", "Thiếu tên lệnh."),
    (r"^Argument '(.*)' takes (\d+) values\.$", r"Đối số '\1' cần \2 giá trị."),
)
