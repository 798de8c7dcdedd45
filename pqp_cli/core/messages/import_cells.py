"""Why `pqp import` rejects a cell (or warns about it): a value its column cannot read, or an
establishment a row names that the data does not hold. Part of the `rejected` and `warning`
entries of imports.py; `allowed` is what the column allows, in each language."""

from __future__ import annotations

from pqp_cli.core.messages.base import Texts

_UNMATCHED = Texts(
    "no establishment in the data matches {said}{hint}; add it to the enterprises or pass "
    "--create-missing",
    "không cơ sở nào trong dữ liệu khớp {said}{hint}; hãy thêm vào danh sách cơ sở hoặc dùng "
    "--create-missing",
)
_UNKNOWN_ID = Texts(
    "no establishment with id {id} in the data", "không có cơ sở mã {id} trong dữ liệu"
)

#: Messages of the `rejected` code: cells that do not read, establishments not found.
REJECTED: dict[str, Texts] = {
    "not-id": Texts("'{text}' is not an id: {allowed}", "'{text}' không phải mã: {allowed}"),
    "not-a": Texts("'{text}' is not {allowed}", "'{text}' không phải {allowed}"),
    "not-one-of": Texts("'{text}' is not one of: {allowed}", "'{text}' không thuộc: {allowed}"),
    "no-such-day": Texts(
        "'{text}' is no such day (dates are day first: dd/mm/yyyy)",
        "'{text}' không phải ngày có thật (ghi theo ngày/tháng/năm)",
    ),
    "not-a-number": Texts(
        "'{text}' is not {allowed} (thousands are grouped by three: 1.200)",
        "'{text}' không phải {allowed} (hàng nghìn nhóm ba chữ số: 1.200)",
    ),
    "not-tax-code": Texts(
        "'{text}' is not a tax code: {allowed}", "'{text}' không phải mã số thuế: {allowed}"
    ),
    "form-only": Texts(
        "'{text}' is no name (only a legal form or punctuation): write the establishment's name",
        "'{text}' không phải tên (chỉ có loại hình hoặc dấu câu): hãy ghi tên cơ sở",
    ),
    "several-matches": Texts(
        '"{name}" matches several establishments: {listed}; give its id or tax code',
        '"{name}" khớp nhiều cơ sở: {listed}; hãy ghi mã cơ sở hoặc mã số thuế',
    ),
    "other-tax-code": Texts(
        'no establishment has tax code {tax_code}; "{name}" is {id}, whose tax code is {other}',
        'không cơ sở nào có mã số thuế {tax_code}; "{name}" là {id}, có mã số thuế {other}',
    ),
    "not-it": Texts(
        '"{name}" is not {id} ("{known}"): {why} ({pair}); add it to the enterprises or pass '
        "--create-missing",
        '"{name}" không phải {id} ("{known}"): {why} ({pair}); hãy thêm vào danh sách cơ sở '
        "hoặc dùng --create-missing",
    ),
    "forms-differ": Texts("the legal forms differ", "loại hình pháp lý khác nhau"),
    "places-differ": Texts("the localities differ", "địa bàn khác nhau"),
    "tax-code-and-name": Texts(
        'tax code {tax_code} is {id} ("{known}"), but the name "{name}" beside it is {other} '
        '("{other_name}"): the two cells name different establishments; correct one of them',
        'mã số thuế {tax_code} là {id} ("{known}"), nhưng tên "{name}" bên cạnh là {other} '
        '("{other_name}"): hai ô chỉ hai cơ sở khác nhau; hãy sửa một trong hai',
    ),
    "unknown-id": _UNKNOWN_ID,
    "unknown-id-hint": Texts(
        _UNKNOWN_ID.en + " (did you mean {hint}?)", _UNKNOWN_ID.vi + " (có phải {hint}?)"
    ),
    "no-establishment": Texts(
        "no establishment given: fill its id, tax code or name",
        "chưa ghi cơ sở: hãy điền mã cơ sở, mã số thuế hoặc tên",
    ),
    "unmatched": _UNMATCHED,
    "nearest": Texts(' (nearest: "{hint}")', ' (gần nhất: "{hint}")'),
}

#: Messages of the `warning` code about a cell read with a doubt.
WARNED: dict[str, Texts] = {
    "tax-code-zero": Texts(
        "tax code {text} has 9 digits: read as {code} (its leading zero was lost when it was "
        "typed as a number; format the column as Text)",
        "mã số thuế {text} có 9 chữ số: đọc thành {code} (số 0 đầu bị mất khi nhập dạng số; "
        "hãy định dạng cột là Văn bản)",
    ),
    "taken-as": Texts(
        '"{name}" taken as {id} ("{known}"), the only name that matches once diacritics are '
        "set aside; check it",
        '"{name}" được hiểu là {id} ("{known}"), tên duy nhất khớp khi bỏ dấu; hãy kiểm tra',
    ),
}
