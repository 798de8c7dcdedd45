"""Cell → value: Excel dates, day-first text dates, tax codes, Vietnamese labels, lists."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from pqp_cli.core.messages import Texts, texts
from pqp_cli.core.models import ALLOWED, ENUM_FIELDS, ID_PATTERN, enum_allowed
from pqp_cli.core.models import lookup_label as _lookup_label
from pqp_cli.core.text import parse_date
from pqp_cli.importing.celltext import cell_text, name_key

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL_RANGE = (20000, 80000)  # 1954 … 2119: a plain number in a date column is a date serial
_DATE_SHAPE = re.compile(r"^(\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})$")
_TIME_TAIL = re.compile(r"[ T]0?0:00(:00(\.0+)?)?$")
_ID = re.compile(ID_PATTERN)
_SPLIT_ALL = re.compile(r"\s*[;,\n]+\s*")
_SPLIT_NAMES = re.compile(r"\s*;+\s*")  # names may hold commas; line breaks: see `wrapped`
_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x0b]+\s*")
#: A name kept with its line breaks (Alt+Enter) as this character: several names, or one
#: wrapped name? `rows.establishment_refs` decides, once it knows the establishments.
WRAP = "\n"
_STARS = re.compile(r"^([3-5])\s*(sao|\*|★)?$")


@functools.lru_cache(maxsize=4096)
def lookup_label(group: str, text: str) -> str | None:
    """`models.lookup_label`, remembered: a sheet repeats the same few labels many times."""
    return _lookup_label(group, text)


class CellError(ValueError):
    """A cell that cannot become its field's value: why, in English and Vietnamese."""

    def __init__(self, en: str, vi: str) -> None:
        super().__init__(en)
        self.en, self.vi = en, vi


class Warned:
    """A value read with a warning to show (a tax code whose zero came back)."""

    def __init__(self, value: Any, en: str, vi: str) -> None:
        self.value, self.en, self.vi = value, en, vi


def convert(value: Any, type_: str) -> Any:
    """The value of a cell for a column of `type_`; None when blank; raises CellError."""
    found = _convert(value, type_)
    return list(found) if isinstance(found, list) else found  # callers may keep the list


@functools.lru_cache(maxsize=1 << 16, typed=True)
def _convert(value: Any, type_: str) -> Any:
    if isinstance(value, str) and not value.strip() or value is None:
        return None
    if type_ in _CONVERTERS:
        return _CONVERTERS[type_](value)
    group = type_.partition(":")[2]
    if type_.startswith("enum:"):
        return _enum(group, cell_text(value))
    if type_.startswith("list:"):
        return [_enum(group, part) for part in split(value)] or None
    raise KeyError(type_)


def split(value: Any, names: bool = False) -> list[str]:
    """Several values in one cell, separated by `;`, `,` or line breaks (names: not `,`)."""
    raw = value if isinstance(value, str) else cell_text(value)
    parts = (_SPLIT_NAMES if names else _SPLIT_ALL).split(raw)
    return [text for text in (cell_text(p) for p in parts) if text]


def _text(value: Any) -> str | None:
    return cell_text(value) or None


def _id(value: Any) -> str:
    text = cell_text(value)
    if not _ID.match(text):
        raise CellError(*texts("rejected/not-id", text=text, allowed=Texts(*ALLOWED["id"])))
    return text


def _ids(value: Any) -> list[str]:
    return [_id(part) for part in split(value)]


def _names(value: Any) -> list[str]:
    """Names split on `;`; a piece holding line breaks keeps them as WRAP between its lines."""
    raw = value if isinstance(value, str) else cell_text(value)
    out = []
    for piece in _SPLIT_NAMES.split(raw):
        lines = [text for text in (cell_text(p) for p in _BREAKS.split(piece)) if text]
        if lines:
            out.append(WRAP.join(lines))
    return out


_NAME_KEYS = frozenset({"name", "participant_name", "enterprise_name"})


def check_names(key: str, value: Any) -> None:
    """A name that is only a legal form or punctuation (`Công ty TNHH`, `HTX`, `-`) names no
    one: its id would be the digest of an empty text. Raises CellError."""
    if key not in _NAME_KEYS or value is None:
        return
    for name in value if isinstance(value, list) else [value]:
        if isinstance(name, str) and not name_key(name.replace(WRAP, " ")):
            raise CellError(*texts("rejected/form-only", text=name.replace(WRAP, " ")))


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if number and _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    text = _TIME_TAIL.sub("", cell_text(value))
    parsed = parse_date(text)
    if parsed is not None:
        return parsed
    if _DATE_SHAPE.match(text):
        raise CellError(*texts("rejected/no-such-day", text=text))
    raise CellError(*texts("rejected/not-a", text=text, allowed=Texts(*ALLOWED["date"])))


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    found = lookup_label("bool", cell_text(value))
    if found is None:
        text = cell_text(value)
        raise CellError(*texts("rejected/not-a", text=text, allowed=Texts(*ALLOWED["bool"])))
    return found == "true"


_GROUPED = re.compile(r"^[0-9]{1,3}(?:([.,\u00a0 ])[0-9]{3})(?:\1[0-9]{3})*$")


def _int(value: Any) -> int:
    """A whole number; `1.200`, `1,200` and `1 200` read as 1200 (groups of exactly three)."""
    if isinstance(value, float) and value.is_integer() and value >= 0:
        return int(value)
    text = cell_text(value).strip()
    if text.isascii() and text.isdigit():  # not `¹` (a digit to `isdigit`, not to `int`) nor `٣`
        return int(text)
    if _GROUPED.match(text):
        return int(re.sub(r"\D", "", text))
    allowed = Texts(*ALLOWED["trainees"])
    raise CellError(*texts("rejected/not-a-number", text=text, allowed=allowed))


def _stars(value: Any) -> int:
    text = cell_text(value).lower()
    match = _STARS.match(text)
    if match:
        return int(match.group(1))
    if text and set(text) <= {"★", "*"} and 3 <= len(text) <= 5:
        return len(text)
    allowed = Texts(*ALLOWED["stars"])
    raise CellError(*texts("rejected/not-a", text=cell_text(value), allowed=allowed))


_TAX = re.compile(r"(\d{9,10})(?:-?(\d{3}))?")


def _tax_code(value: Any) -> Any:
    """Text of a tax code; a number that lost its leading zero gets it back, with a warning."""
    text = cell_text(value)
    match = _TAX.fullmatch(re.sub(r"[\s.]", "", text))
    if match is None:
        allowed = Texts(*ALLOWED["tax_code"])
        raise CellError(*texts("rejected/not-tax-code", text=text, allowed=allowed))
    body, branch = match.groups()
    code = body.zfill(10) + (f"-{branch}" if branch else "")
    if len(body) == 10:
        return code
    return Warned(code, *texts("warning/tax-code-zero", text=text, code=code))


def _enum(group: str, text: str) -> str:
    found = lookup_label(group, text)
    if found is None:
        allowed = Texts(*enum_allowed(*ENUM_FIELDS[group]))
        raise CellError(*texts("rejected/not-one-of", text=text, allowed=allowed))
    return found


def _list(value: Any) -> list[str]:
    return split(value)


_CONVERTERS = {
    "text": _text,
    "unit": _text,
    "id": _id,
    "ids": _ids,
    "names": _names,
    "date": _date,
    "bool": _bool,
    "int": _int,
    "stars": _stars,
    "tax_code": _tax_code,
    "list": _list,
}
