"""Words that messages are built from: the nouns of record kinds and how a field is named.

The next step puts the CLI's labels, table headers and statuses (`core/i18n.py`) here too, and
may name a field by a Vietnamese label under `vi`: every message takes such words as `Texts`
parameters, so that changes no template.
"""

from __future__ import annotations

from collections.abc import Iterable

from pqp_cli.core.messages.base import Texts

#: A record kind (its file's name) → its noun, singular, in English and Vietnamese.
NOUNS: dict[str, Texts] = {
    "enterprises": Texts("enterprise", "cơ sở"),
    "trainings": Texts("training", "lớp tập huấn"),
    "certifications": Texts("certification", "hồ sơ chứng nhận"),
    "experts": Texts("expert", "chuyên gia"),
    "units": Texts("unit", "đơn vị"),
}

#: A YAML key → what a Vietnamese reader calls the field (the key follows it in quotes).
FIELD_LABELS: dict[str, str] = {
    "id": "mã",
    "name": "tên",
    "type": "loại hình",
    "tax_code": "mã số thuế",
    "locality": "địa bàn",
    "address": "địa chỉ",
    "sector": "ngành nghề",
    "key_product": "sản phẩm chủ lực",
    "pilot_model": "mô hình điểm",
    "ocop_products": "sản phẩm OCOP",
    "stars": "số sao",
    "certified_on": "ngày công nhận OCOP",
    "title": "tên",
    "date": "ngày tập huấn",
    "end_date": "ngày kết thúc",
    "topics": "nội dung",
    "participants": "cơ sở tham gia",
    "organizer": "đơn vị tổ chức",
    "trainees": "số học viên",
    "enterprise": "doanh nghiệp",
    "category": "nhóm",
    "scheme": "hệ thống/tiêu chuẩn",
    "supported": "được hỗ trợ",
    "product": "sản phẩm",
    "started_on": "ngày bắt đầu",
    "achieved_on": "ngày đạt chứng nhận",
    "expires_on": "ngày hết hạn",
    "withdrawn_on": "ngày thu hồi",
    "certifier": "tổ chức chứng nhận",
    "qualified_on": "ngày công nhận",
    "revoked_on": "ngày thu hồi công nhận",
    "unit": "đơn vị",
    "fields": "lĩnh vực",
    "public": "công lập",
    "plan": "kế hoạch",
    "targets": "chỉ tiêu",
    "start": "ngày bắt đầu kỳ",
    "end": "ngày kết thúc kỳ",
    "province": "tỉnh",
    "document": "văn bản",
    "authority": "cơ quan ban hành",
    "focal_agency": "cơ quan chủ trì",
    "metric": "chỉ số",
    "target": "mục tiêu",
    "target_percent": "mục tiêu tỷ lệ",
    "at_risk_ratio": "ngưỡng có nguy cơ",
    "report": "báo cáo",
    "period": "kỳ kế hoạch",
    "note": "ghi chú",
    # a target's params (read/plan.py), named in targets.yaml's errors
    "params": "tham số",
    "categories": "các nhóm",
    "require_categories": "các nhóm phải có",
    "entity_types": "các loại hình",
    "schemes": "các hệ thống/tiêu chuẩn",
    "supported_only": "chỉ tính khi được hỗ trợ",
}


def field_name(shown: str) -> str:
    """A field under `vi`: `ngày đạt chứng nhận ("achieved_on")`, by the last key of a path
    (`ocop_products.1.expires_on`); a key with no label (an unknown one) just quoted."""
    last = next((p for p in reversed(shown.split(".")) if not p.isdigit()), shown)
    label = FIELD_LABELS.get(last)
    return f'{label} ("{shown}")' if label else f'"{shown}"'


_FIELD = Texts("field ", "trường ")
_FIELDS = Texts(" fields", "các trường ")


def noun(kind: str) -> Texts:
    """`enterprises` → ("enterprise", "cơ sở")."""
    return NOUNS[kind]


def record_field(kind: str, record: str, shown: str) -> dict[str, object]:
    """The parameters of a field error about one record: `enterprise ent-1: field "name" …`."""
    what = noun(kind)
    vi_record = "(chưa có mã)" if record == "?" else record  # a record whose id is missing
    who = Texts(f"{what.en} {record}: ", f"{what.vi} {vi_record}: ")
    name = Texts(f'"{shown}"', field_name(shown))
    return {"who": who, "noun": _FIELD, "name": name, "fields": _FIELDS}


def plain_field(shown: str) -> dict[str, object]:
    """The parameters of a field error in targets.yaml, named by its path: `plan.start …`
    (under `vi` its label first: `ngày bắt đầu kỳ ("plan.start")`)."""
    name = Texts(shown, field_name(shown))
    return {"who": "", "noun": Texts("", "trường "), "name": name, "fields": ""}


def kind_word(kind: str) -> Texts:
    """A kind as a message names it: its file's name in English (`trainings`), its noun in
    Vietnamese (`lớp tập huấn`); an unknown kind as it is."""
    return Texts(kind, NOUNS[kind].vi) if kind in NOUNS else Texts(kind, kind)


def kind_named(kind: str) -> Texts:
    """A kind named for someone who will type it: `trainings`, `lớp tập huấn ("trainings")`."""
    return Texts(kind, f'{NOUNS[kind].vi} ("{kind}")') if kind in NOUNS else Texts(kind, kind)


def mapping_shown(kept: dict[str, str]) -> Texts:
    """A remembered column mapping: `loai → type` in English, `loai → loại hình ("type")` in
    Vietnamese (a field by its label, as every message names it); `~` for a column ignored."""
    pairs = sorted(kept.items())
    en = ", ".join(f"{h} → {k or '~'}" for h, k in pairs)
    vi = ", ".join(f"{h} → {field_name(k) if k else '~'}" for h, k in pairs)
    return Texts(en, vi)


def fields_listed(keys: Iterable[str]) -> Texts:
    """The fields a record may hold, for an `unknown-field` error: the keys in English
    (`id, name`), each by its label with its key in quotes in Vietnamese (`mã ("id"), tên
    ("name")`), so no bare English key stands in a Vietnamese sentence."""
    keys = list(keys)
    return Texts(", ".join(keys), ", ".join(field_name(k) for k in keys))
