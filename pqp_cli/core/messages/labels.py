"""Words that messages are built from: the nouns of record kinds and how a field is named.

The next step puts the CLI's labels, table headers and statuses (`core/i18n.py`) here too, and
may name a field by a Vietnamese label under `vi`: every message takes such words as `Texts`
parameters, so that changes no template.
"""

from __future__ import annotations

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
