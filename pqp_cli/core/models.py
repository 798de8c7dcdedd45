"""Record kinds of docs/contract.md §2 as pydantic models, their enums and Vietnamese labels."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from contextvars import ContextVar
from enum import Enum
from operator import mul
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from pqp_cli.core.messages import PHRASES
from pqp_cli.core.messages.labels import NOUNS
from pqp_cli.core.text import CONTROL, clean, fold, parse_date

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
TAX_CODE_PATTERN = r"^\d{10}(-\d{3})?$"
_TAX_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_TAX_ZERO = 48 * sum(_TAX_WEIGHTS)  # the weighted sum of nine "0" bytes


class EntityType(str, Enum):
    enterprise = "enterprise"
    cooperative = "cooperative"
    household = "household"
    other = "other"


class Topic(str, Enum):
    management_systems = "management_systems"
    improvement_tools = "improvement_tools"
    standards = "standards"
    measurement = "measurement"
    technology = "technology"


class Category(str, Enum):
    management_system = "management_system"
    improvement_tool = "improvement_tool"
    product_standard = "product_standard"
    measurement_assurance = "measurement_assurance"
    technology = "technology"


#: Vietnamese label and aliases of each enum value (docs/contract.md §2): import reads them, `--lang vi` prints them.
VI_LABELS: dict[str, dict[str, tuple[str, ...]]] = {
    "type": {
        "enterprise": ("Doanh nghiệp", "DN", "Công ty"),
        "cooperative": ("Hợp tác xã", "HTX"),
        "household": ("Hộ kinh doanh", "HKD", "Hộ gia đình"),
        "other": ("Khác",),
    },
    "topics": {
        "management_systems": ("Hệ thống quản lý",),
        "improvement_tools": ("Công cụ cải tiến",),
        "standards": ("Tiêu chuẩn", "Quy chuẩn"),
        "measurement": ("Đo lường",),
        "technology": ("Công nghệ", "Chuyển đổi số"),
    },
    "category": {
        "management_system": ("Hệ thống quản lý",),
        "improvement_tool": ("Công cụ cải tiến",),
        "product_standard": ("Tiêu chuẩn sản phẩm", "Tiêu chuẩn", "Quy chuẩn"),
        "measurement_assurance": ("Đảm bảo đo lường", "Đo lường"),
        "technology": ("Công nghệ", "Chuyển đổi số"),
    },
    "bool": {
        "true": ("Có", "x", "✓", "1", "yes", "true", "có"),
        "false": ("Không", "", "0", "no", "false"),
    },
    "status": {
        "met": ("Đạt",),
        "on_track": ("Đúng tiến độ",),
        "at_risk": ("Có nguy cơ chậm",),
        "behind": ("Chậm tiến độ",),
        "missed": ("Không đạt",),
        "not_started": ("Chưa bắt đầu",),
        "no_data": ("Chưa có dữ liệu",),
    },
}


#: What a record of each kind is called in Vietnamese messages.
NOUN_VI = {kind: noun.vi for kind, noun in NOUNS.items()}


def label(group: str, value: str, lang: str) -> str:
    """The label of an enum value: itself in English, its Vietnamese label under `vi`."""
    if lang != "vi":
        return value
    return VI_LABELS.get(group, {}).get(value, (value,))[0]


_LABEL_INDEX: dict[str, dict[str, str]] = {
    group: {fold(name): value for value, names in values.items() for name in (value, *names)}
    for group, values in VI_LABELS.items()
}


def lookup_label(group: str, text: str) -> str | None:
    """The enum value a label, alias or value names (case and diacritics ignored), or None."""
    index = _LABEL_INDEX[group]
    found = index.get(text)  # the common case: the value itself, as written
    return found if found is not None else index.get(fold(text))


def tax_code_check_ok(code: str) -> bool:
    """Whether the 10th digit of a tax code is its check digit (weights 31 29 23 19 17 13 7 5 3).

    A check of 10 fits no digit: no valid code has that body. ASCII digits are summed as their
    bytes (each its digit + 48), a third of the cost of `int` on each."""
    head = code[:10]
    if head.isascii() and head.isdigit():
        digits = head.encode()
        return 10 - (sum(map(mul, _TAX_WEIGHTS, digits)) - _TAX_ZERO) % 11 == digits[9] - 48
    check = 10 - sum(map(mul, _TAX_WEIGHTS, map(int, code[:9]))) % 11
    return check == int(code[9])


# --- scalar parsing from text (YAML implicit typing is off) -----------------------------------


#: Set (`cleaned_text`) while validating text a reader has cleaned already and found free of
#: control characters: the checks below would only redo that work (a quarter of a cold load).
_CLEANED: ContextVar[bool] = ContextVar("pqp_cleaned_text", default=False)


@contextlib.contextmanager
def cleaned_text() -> Iterator[None]:
    """Validate trusting that every text is `clean` already and holds no control character.

    Only for values a reader made that way (`read.loading` checks a whole file first); text
    from anywhere else (import, the API) is validated without it, cleaned and checked."""
    token = _CLEANED.set(True)
    try:
        yield
    finally:
        _CLEANED.reset(token)


def _text(value: Any) -> Any:
    if isinstance(value, str) and not _CLEANED.get():
        if CONTROL.search(value) is not None:
            raise ValueError(CONTROL_ERROR)
        return clean(value)
    return value


CONTROL_ERROR = "control character"


def _refuse_control(value: str) -> None:
    if not _CLEANED.get() and CONTROL.search(value) is not None:
        raise ValueError(CONTROL_ERROR)


def _bool(value: Any) -> Any:
    if isinstance(value, str):
        _refuse_control(value)
        found = lookup_label("bool", value)
        if found is None:
            raise ValueError("not a yes/no value")
        return found == "true"
    return value


def _date(value: Any) -> Any:
    if isinstance(value, str):
        _refuse_control(value)
        parsed = parse_date(value)
        if parsed is None:
            raise ValueError("not a date")
        return parsed
    return value


def _enum(group: str) -> BeforeValidator:
    def parse(value: Any) -> Any:
        if isinstance(value, str):
            _refuse_control(value)
            return lookup_label(group, value) or value
        return value

    def parse_trusted(value: Any) -> Any:
        return lookup_label(group, value) or value if isinstance(value, str) else value

    TRUSTED_STEPS[parse] = parse_trusted
    return BeforeValidator(parse)


def _bool_trusted(value: Any) -> Any:
    if isinstance(value, str):
        found = lookup_label("bool", value)
        if found is None:
            raise ValueError("not a yes/no value")
        return found == "true"
    return value


_DATES: dict[str, dt.date] = {}
_DATES_MAX = 100_000  # texts kept (a dataset's dates repeat: days of a few years)


def _date_trusted(value: Any) -> Any:
    if isinstance(value, str):
        parsed = _DATES.get(value)
        if parsed is None:
            parsed = parse_date(value)
            if parsed is None:
                raise ValueError("not a date")
            if len(_DATES) < _DATES_MAX:
                _DATES[value] = parsed
        return parsed
    return value


#: Each before-validator above → what it does under `cleaned_text()` (None: nothing at all),
#: without asking the context each time: `read.trusted` builds validators of these for the
#: files a reader cleaned whole. They must accept exactly what their originals accept there.
TRUSTED_STEPS: dict[Any, Any] = {_text: None, _bool: _bool_trusted, _date: _date_trusted}


Text = Annotated[str, BeforeValidator(_text), Field(min_length=1)]
Id = Annotated[str, BeforeValidator(_text), Field(pattern=ID_PATTERN)]
Bool = Annotated[bool, BeforeValidator(_bool)]
Date = Annotated[dt.date, BeforeValidator(_date)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Id


class OcopProduct(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text
    stars: Annotated[int, Field(ge=3, le=5)]
    certified_on: Date
    expires_on: Date | None = None


class Enterprise(Record):
    name: Text
    type: Annotated[EntityType, _enum("type")]
    tax_code: Annotated[str, BeforeValidator(_text), Field(pattern=TAX_CODE_PATTERN)] | None = None
    locality: Text | None = None
    address: Text | None = None
    sector: Text | None = None
    key_product: Bool = False
    pilot_model: Bool = False
    ocop_products: list[OcopProduct] = []


class Training(Record):
    title: Text
    date: Date
    end_date: Date | None = None
    topics: Annotated[list[Annotated[Topic, _enum("topics")]], Field(min_length=1)]
    participants: list[Id] = []
    organizer: Text | None = None
    locality: Text | None = None
    trainees: Annotated[int, Field(ge=0)] | None = None


class Certification(Record):
    enterprise: Id
    category: Annotated[Category, _enum("category")]
    scheme: Text
    supported: Bool = True
    product: Text | None = None
    started_on: Date | None = None
    achieved_on: Date | None = None
    expires_on: Date | None = None
    withdrawn_on: Date | None = None
    certifier: Text | None = None


class Expert(Record):
    name: Text
    qualified_on: Date
    revoked_on: Date | None = None
    unit: Id | None = None
    fields: list[Text] = []


class Unit(Record):
    name: Text
    public: Bool = False
    qualified_on: Date
    revoked_on: Date | None = None


MODELS: dict[str, type[Record]] = {
    "enterprises": Enterprise,
    "trainings": Training,
    "certifications": Certification,
    "experts": Expert,
    "units": Unit,
}
KINDS: tuple[str, ...] = tuple(MODELS)

#: What a field allows, for messages: English, Vietnamese.
ALLOWED: dict[str, tuple[str, str]] = {
    "id": PHRASES["allowed_id"],
    "tax_code": PHRASES["allowed_tax_code"],
    "date": PHRASES["allowed_date"],
    "bool": PHRASES["allowed_bool"],
    "stars": PHRASES["allowed_stars"],
    "trainees": PHRASES["allowed_trainees"],
    "text": PHRASES["allowed_text"],
    "list": PHRASES["allowed_list"],
    "mapping": PHRASES["allowed_mapping"],
    "control": PHRASES["allowed_control"],
}


def enum_allowed(group: str, enum: type[Enum]) -> tuple[str, str]:
    en = ", ".join(e.value for e in enum)
    vi = ", ".join(f'{VI_LABELS[group][e.value][0]} ("{e.value}")' for e in enum)
    return en, vi


ENUM_FIELDS: dict[str, tuple[str, type[Enum]]] = {
    "type": ("type", EntityType),
    "topics": ("topics", Topic),
    "category": ("category", Category),
}
