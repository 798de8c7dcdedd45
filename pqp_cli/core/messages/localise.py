"""What a message's raw parameters become under `vi`: a field by its Vietnamese label with the
YAML key after it in quotes (`ngày đạt chứng nhận ("achieved_on")`), a date as `dd/mm/yyyy`,
and libyaml's English problem texts in Vietnamese.

The checks hand the catalogue raw values (a field's key, a `date`, libyaml's text) because the
English message shows them so; this is the one place that knows which parameter of which code
is a field or a date, so that no check has to build Vietnamese text itself.
"""

from __future__ import annotations

import datetime as dt
import errno
import re

from pqp_cli.core.messages.base import Texts
from pqp_cli.core.messages.labels import NOUNS, field_name

#: A code's parameters that name a field by its YAML key (the code with or without variant).
FIELD_PARAMS: dict[str, tuple[str, ...]] = {
    "outside-period": ("name",),
    "future-date": ("name",),
    "unknown-reference": ("name",),
    "date-order": ("later", "earlier"),
    "unknown-field": ("hint",),  # the field suggested for a typo
}

#: A code's parameters that hold a date (a `date` or an ISO text).
DATE_PARAMS: dict[str, tuple[str, ...]] = {
    "outside-period": ("day", "start", "end"),
    "future-date": ("value", "today"),
    "date-order": ("later_date", "earlier_date", "expires", "certified", "start", "end"),
}

#: What `_show` (checks) writes for a value that is no text, in Vietnamese.
SHOWN_VI = {"nothing": "(để trống)", "a mapping": "một ánh xạ", "a list": "một danh sách"}

#: libyaml's problem texts (the ones a hand-edited file meets) in Vietnamese.
YAML_PROBLEMS_VI: dict[str, str] = {
    "found a tab character that violates indentation": "có ký tự tab làm sai thụt lề "
    "(hãy thụt lề bằng dấu cách)",
    "found a tab character where an indentation space is expected": "có ký tự tab ở chỗ cần "
    "dấu cách thụt lề",
    "found character that cannot start any token": "có ký tự không được đứng đầu một giá trị "
    "(vd. @ hoặc `): hãy đặt giá trị trong dấu ngoặc kép",
    "mapping values are not allowed here": "không được có dấu hai chấm ở đây (giá trị có dấu "
    "hai chấm cần đặt trong dấu ngoặc kép, hoặc thụt lề sai)",
    "could not find expected ':'": "không tìm thấy dấu hai chấm ':' cần có",
    "mapping values are not allowed in this context": "không được có dấu hai chấm ở đây "
    "(giá trị có dấu hai chấm cần đặt trong dấu ngoặc kép)",
    "did not find expected key": "không tìm thấy tên trường cần có (thụt lề sai?)",
    "did not find expected '-' indicator": "không tìm thấy dấu '-' đầu mục cần có (thụt lề sai?)",
    "did not find expected node content": "thiếu giá trị ở đây",
    "did not find expected alphabetic or numeric character": "thiếu chữ hoặc số ở đây",
    "did not find expected comment or line break": "cần xuống dòng hoặc ghi chú ở đây",
    "found unexpected end of stream": "tệp kết thúc giữa chừng (thiếu dấu ngoặc kép đóng?)",
    "found unexpected ':'": "có dấu hai chấm ':' không đúng chỗ",
    "found undefined alias": "bí danh (*tên) chưa được định nghĩa",
    "found unknown escape character": "có ký tự thoát (\\) không hợp lệ trong dấu ngoặc kép",
    "found unexpected document indicator": "có dấu '---' hoặc '...' giữa chuỗi trong ngoặc",
    "block sequence entries are not allowed here": "không được mở danh sách '- ' ở đây "
    "(thụt lề sai?)",
    "found duplicate anchor": "neo (&tên) bị lặp",
    "expected <document start>, but found '<block mapping start>'": "có nội dung sau phần "
    "chính của tệp (thụt lề sai?)",
    "expected <block end>, but found '<block mapping start>'": "thụt lề sai: dòng này lệch "
    "so với các dòng cùng cấp",
    "expected <block end>, but found '<block sequence start>'": "thụt lề sai: dòng này lệch "
    "so với các dòng cùng cấp",
    "expected <block end>, but found '-'": "thụt lề sai: dấu '-' lệch so với các mục cùng cấp",
    "expected <block end>, but found '<scalar>'": "thụt lề sai: giá trị lệch so với các dòng "
    "cùng cấp",
    "expected ',' or ']', but got '<stream end>'": "thiếu dấu ']' đóng danh sách",
    "expected ',' or '}', but got '<stream end>'": "thiếu dấu '}' đóng ánh xạ",
}
_QUOTED_TOKEN = re.compile(r"'<[^>]*>'")


def yaml_problem(text: str) -> Texts:
    """libyaml's text in English, and in Vietnamese from the table; a text the table lacks is
    quoted as it is (named, not mistaken for pqp's own words)."""
    vi = YAML_PROBLEMS_VI.get(text)
    if vi is None and text.startswith("expected "):
        vi = "cấu trúc YAML không như mong đợi (thụt lề hoặc dấu ngoặc sai?)"
    return Texts(text, vi if vi is not None else f'"{text}"')


#: The system's reasons for a file it cannot read or write (`OSError.errno`), in Vietnamese.
OS_REASONS_VI: dict[int, str] = {
    errno.ENOENT: "không có tệp hay thư mục này",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "thao tác không được phép",
    errno.ELOOP: "liên kết vòng quanh quá nhiều lớp (một vòng lặp liên kết)",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.ENOTDIR: "không phải thư mục",
    errno.EISDIR: "là một thư mục",
    errno.EIO: "lỗi đọc/ghi của thiết bị",
    errno.ENOSPC: "ổ đĩa hết chỗ trống",
    errno.EDQUOT: "vượt hạn mức dung lượng",
    errno.EROFS: "hệ thống tệp chỉ cho đọc",
    errno.EEXIST: "đã có tệp này",
    errno.EBUSY: "tệp đang bận",
    errno.ETXTBSY: "tệp đang bận",
    errno.EMFILE: "quá nhiều tệp đang mở",
    errno.ENFILE: "quá nhiều tệp đang mở",
    errno.EFBIG: "tệp quá lớn",
    errno.EINVAL: "tham số không hợp lệ",
}

#: pqp's own reasons for a path under the data folder it does not read (`read.datafiles`).
OWN_REASONS_VI: dict[str, str] = {
    "a link leading out of the data folder (not followed)": "một liên kết dẫn ra ngoài thư mục "
    "dữ liệu (không theo)",
    "a link back to a folder already read (a loop)": "một liên kết quay về thư mục đã đọc "
    "(một vòng lặp)",
    "not a regular file": "không phải tệp thường",
}


def os_reason(exc: OSError) -> Texts:
    """Why the system refused a file, in English as the system says it and in Vietnamese from
    the tables; a reason they lack is named by its number, never left in English."""
    said = exc.strerror or str(exc)
    vi = OWN_REASONS_VI.get(said) or OS_REASONS_VI.get(exc.errno or 0)
    if vi is None:
        vi = f"lỗi hệ thống số {exc.errno}" if exc.errno else "lỗi hệ thống"
    return Texts(said, vi)


def vi_date(value: object) -> object:
    """`2026-12-15` (a date or its ISO text) → `15/12/2026` (`0012-06-30` → `30/06/0012`);
    anything else as it is."""
    if isinstance(value, dt.date):
        return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        year, month, day = value.split("-")
        return f"{day}/{month}/{year}"
    return value


def dated(value: object) -> object:
    """A date parameter: ISO in English (as today), `dd/mm/yyyy` in Vietnamese."""
    shown = vi_date(value)
    if shown is value or isinstance(value, Texts):
        return value
    english = value.isoformat() if isinstance(value, dt.date) else str(value)
    return Texts(english, str(shown))


def _labelled(code: str, out: dict[str, object]) -> None:
    """A kind of record by its noun, a certification's category by its label (under `vi`)."""
    kinds = out.get("kinds")
    if code == "not-a-list" and isinstance(kinds, str) and kinds in NOUNS:
        out["kinds"] = Texts(kinds, NOUNS[kinds].vi)
    category = out.get("category")
    if code == "unknown-scheme" and isinstance(category, str):
        from pqp_cli.core.models import label  # models imports this package: not at load

        out["category"] = Texts(category, f'{label("category", category, "vi")} ("{category}")')


def localised(key: str, params: dict[str, object]) -> dict[str, object]:
    """`params` with each field, date, libyaml text and system error (an `OSError`: its reason)
    of message `key` in both languages (the English text stays exactly what it was)."""
    code = key.partition("/")[0]
    out = {k: os_reason(v) if isinstance(v, OSError) else v for k, v in params.items()}
    for name in FIELD_PARAMS.get(code, ()):
        value = out.get(name)
        if isinstance(value, str):
            out[name] = Texts(value, field_name(value))
    for name in DATE_PARAMS.get(code, ()):
        if out.get(name) is not None:
            out[name] = dated(out[name])
    if code == "yaml-syntax" and isinstance(out.get("problem"), str):
        out["problem"] = yaml_problem(str(out["problem"]))
    _labelled(code, out)
    got = out.get("got")
    if code == "invalid-value" and isinstance(got, str) and got in SHOWN_VI:
        out["got"] = Texts(got, SHOWN_VI[got])
    return out
