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

_FIELD = Texts("field ", "trường ")
_FIELDS = Texts(" fields", "các trường ")


def noun(kind: str) -> Texts:
    """`enterprises` → ("enterprise", "cơ sở")."""
    return NOUNS[kind]


def record_field(kind: str, record: str, shown: str) -> dict[str, object]:
    """The parameters of a field error about one record: `enterprise ent-1: field "name" …`."""
    what = noun(kind)
    who = Texts(f"{what.en} {record}: ", f"{what.vi} {record}: ")
    return {"who": who, "noun": _FIELD, "name": f'"{shown}"', "fields": _FIELDS}


def plain_field(shown: str) -> dict[str, object]:
    """The parameters of a field error in targets.yaml, named by its path: `plan.start …`."""
    return {"who": "", "noun": "", "name": shown, "fields": ""}
