"""A record's codec keeps the mask of each fields set it meets (records of a file set the same
fields) and passes None through itself, not through each optional field's encoder: every
record must still come back with its values and with the fields it was given, not more."""

from __future__ import annotations

import itertools

import pytest

from pqp_cli.core.models import Certification
from pqp_cli.read import recordcodec

_OPTIONAL = {
    "product": "Nước mắm",
    "started_on": "2022-01-05",
    "expires_on": "2026-01-05",
    "withdrawn_on": None,
    "certifier": "QUACERT",
}


def _records() -> list[Certification]:
    """Every choice of optional fields given (a value, or None written out) or left out."""
    found = []
    for n, given in enumerate(itertools.product([0, 1, 2], repeat=len(_OPTIONAL))):
        raw = {"id": f"CN-{n}", "enterprise": "E1", "category": "management_system",
               "scheme": "ISO 9001:2015", "achieved_on": "2023-01-05"}  # fmt: skip
        for (name, value), how in zip(_OPTIONAL.items(), given, strict=True):
            if how:
                raw[name] = value if how == 1 else None
        found.append(Certification.model_validate(raw))
    return found


@pytest.mark.parametrize("kept", [recordcodec._MASKS_KEPT, 0])
def test_each_record_comes_back_with_the_fields_it_was_given(
    kept: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recordcodec, "_MASKS_KEPT", kept)
    codec = recordcodec.ModelCodec(Certification)  # no masks kept from other tests
    records = _records()
    assert len({frozenset(r.model_fields_set) for r in records}) == 2 ** len(_OPTIONAL)
    for record in records * 2:  # the second time, from the masks kept
        back = codec.decode(codec.encode(record))
        assert back == record
        assert back.model_fields_set == record.model_fields_set
        assert back.__dict__ == record.__dict__
