"""A cold load validates the records of a file its reader cleaned whole with `read.trusted`'s
validators: they must accept exactly what the models accept there, build the same records,
and leave every message to the models."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest
from pydantic import ValidationError

from pqp_cli.core.models import MODELS, cleaned_text
from pqp_cli.core.text import clean, fold
from pqp_cli.read import loading
from pqp_cli.read.trusted import trusted

E = {"id": "E-1", "name": "Công ty A", "type": "enterprise"}
T = {"id": "T-1", "title": "Lớp ISO", "date": "2025-03-01", "topics": ["standards"]}
C = {"id": "C-1", "enterprise": "E-1", "category": "management_system", "scheme": "ISO 9001"}
X = {"id": "X-1", "name": "Chuyên gia", "qualified_on": "2024-01-02"}
U = {"id": "U-1", "name": "Đơn vị", "qualified_on": "2024-01-02"}
OCOP = {"name": "Trà", "stars": "4", "certified_on": "2024-05-06"}

CASES: list[tuple[str, dict[str, Any]]] = [
    ("enterprises", E),
    ("enterprises", {**E, "type": "Hợp tác xã", "tax_code": "0100109106", "key_product": "Có"}),
    ("enterprises", {**E, "tax_code": "0100109106-001", "pilot_model": "x", "locality": "Hà Nội"}),
    ("enterprises", {**E, "ocop_products": [OCOP, {**OCOP, "expires_on": "31/12/2026"}]}),
    ("enterprises", {**E, "name": ""}),
    ("enterprises", {**E, "name": None}),
    ("enterprises", {**E, "name": ["a"]}),
    ("enterprises", {**E, "id": "-bad"}),
    ("enterprises", {**E, "id": ""}),
    ("enterprises", {**E, "id": None}),
    ("enterprises", {**E, "tax_code": "123"}),
    ("enterprises", {**E, "tax_code": ""}),
    ("enterprises", {**E, "tax_code": None}),
    ("enterprises", {**E, "type": "company"}),
    ("enterprises", {**E, "key_product": "maybe"}),
    ("enterprises", {**E, "unknown": "field"}),
    ("enterprises", {**E, "sector": ""}),
    ("enterprises", {**E, "ocop_products": [{**OCOP, "stars": "2"}]}),
    ("enterprises", {**E, "ocop_products": [{**OCOP, "name": ""}]}),
    ("enterprises", {**E, "ocop_products": [{**OCOP, "extra": "1"}]}),
    ("enterprises", {**E, "ocop_products": "Trà"}),
    ("enterprises", {k: v for k, v in E.items() if k != "name"}),
    ("trainings", T),
    ("trainings", {**T, "topics": ["Đo lường", "technology"], "participants": ["E-1", "E-2"]}),
    ("trainings", {**T, "topics": []}),
    ("trainings", {**T, "participants": ["E-1", "bad id"]}),
    ("trainings", {**T, "participants": [""]}),
    ("trainings", {**T, "date": "2025-02-30"}),
    ("trainings", {**T, "date": "1/3/2025", "end_date": "2025-3-2", "trainees": "12"}),
    ("trainings", {**T, "trainees": "-1"}),
    ("trainings", {**T, "trainees": "many"}),
    ("certifications", C),
    ("certifications", {**C, "supported": "Không", "achieved_on": "2025-01-01"}),
    ("certifications", {**C, "enterprise": "x y"}),
    ("certifications", {**C, "scheme": ""}),
    ("experts", {**X, "fields": ["đo lường", "ISO"], "unit": "U-1"}),
    ("experts", {**X, "fields": [""]}),
    ("experts", {**X, "unit": ""}),
    ("units", {**U, "public": "yes", "revoked_on": "2025-01-01"}),
    ("units", {**U, "qualified_on": ""}),
]


def _outcome(validate: Any, raw: dict[str, Any]) -> tuple[Any, ...]:
    try:
        model = validate(raw)
    except ValidationError:
        return ("refused",)
    return type(model), model.__dict__, model.__pydantic_fields_set__


@pytest.mark.parametrize(("kind", "raw"), CASES)
def test_trusted_validation_accepts_and_builds_what_the_model_does(
    kind: str, raw: dict[str, Any]
) -> None:
    with cleaned_text():
        expected = _outcome(MODELS[kind].model_validate, raw)
        assert _outcome(trusted(kind), raw) == expected


def test_the_cases_cover_both_outcomes_for_every_kind() -> None:
    with cleaned_text():
        outcomes = {(kind, _outcome(trusted(kind), raw)[0] == "refused") for kind, raw in CASES}
    assert outcomes == {(kind, refused) for kind in MODELS for refused in (False, True)}


def test_records_never_share_a_default_list() -> None:
    with cleaned_text():
        one, two = trusted("experts")(X), trusted("experts")(X)
    assert one.fields == [] and one.fields is not two.fields


def test_a_file_refused_by_trusted_validation_gets_the_models_own_problems(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body = (
        b"- id: E-1\n  name: A\n  type: enterprise\n"
        b"- id: E-2\n  name: ''\n  type: company\n  tax_code: '12'\n"
        b"- id: E 3\n  name: B\n  type: enterprise\n  extra: 1\n"
        b"- id: E-4\n  name: C\n  type: household\n  ocop_products:\n"
        b"    - name: D\n      stars: 9\n      certified_on: 2024-02-30\n"
    )
    fast = loading.read_records("enterprises", "e.yaml", body)
    monkeypatch.setattr(loading, "trusted", lambda kind: None)  # the models alone
    plain = loading.read_records("enterprises", "e.yaml", body)
    assert [p.code for p in fast.problems] == [p.code for p in plain.problems]
    assert fast.problems == plain.problems
    assert [(e.bad, e.model) for e in fast.entries] == [(e.bad, e.model) for e in plain.entries]
    assert [e.bad for e in fast.entries] == [False, True, True, True]


def _spaced(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def test_clean_and_fold_collapse_every_white_space_character() -> None:
    """Their shortcut for text needing no collapsing must see every kind of white space."""
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()] + ["\u200b", "\ufeff"]
    assert len(spaces) > 20
    for space in spaces:
        for text in (f"Hà{space}Nội", f"A{space}B", f"{space}Lan", f"Lan{space}", f"x {space}y"):
            assert clean(text) == _spaced(text)
            assert fold(text) == _spaced(fold(text))  # nothing left to collapse
