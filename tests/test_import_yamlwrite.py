"""The direct writer of generated records (`importing/yamlwrite.py`) against PyYAML's dumper:
the same text for every record, hostile names included, and never YAML structure from a name.
No timing here: `benchmarks/bench_import.py` measures the speed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from fuzzsize import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from pqp_cli.importing.yamlwrite import _direct, dump_one, item_text, plain_text

HOSTILE = [
    "Công ty TNHH Sản xuất số 1 Thọ Xuân",
    "HTX Nông nghiệp: Lân",
    "Cơ sở # 5",
    "Cơ sở #5",
    "- Công ty",
    "? HTX",
    "[HTX]",
    "{a: b}",
    "&anchor",
    "*alias",
    "!tag",
    "|",
    ">",
    "'quoted'",
    '"quoted"',
    "%YAML",
    "@home",
    "`tick`",
    "---",
    "...",
    "yes",
    "No",
    "on",
    "null",
    "~",
    "123",
    "0x1F",
    "1e3",
    "1_000",
    "2023-04-03",
    "12:30",
    ".inf",
    "<<",
    "=",
    "trailing ",
    " leading",
    "two  spaces",
    "tab\there",
    "line\nbreak",
    "nel\x85x",
    "ls\u2028x",
    "nbsp\u00a0x",
    "bom\ufeffx",
    "emoji 😀",
    "private \ue000",
    "combining e\u0301",
    "a" * 250,
    "Công ty " + "rất dài " * 600,
    "Cty TNHH (Việt Nam), chi nhánh 2; số 3/4 & co.",
    "x",
    "_underscore",
]


def _record(value: Any) -> dict[str, Any]:
    return {"id": "trn-1", "title": value, "date": dt.date(2023, 4, 3), "participants": [value]}


def test_every_hostile_name_is_written_as_the_dumper_writes_it() -> None:
    for name in HOSTILE:
        record = _record(name)
        assert item_text(record) == dump_one(record), name
        assert yaml.safe_load(item_text(record)) == [record], name


def test_names_that_could_be_structure_are_left_to_the_dumper() -> None:
    for name in ("a: b", "a #b", "- a", "yes", "123", "line\nbreak", "[x]", "2023-04-03"):
        assert not plain_text(name), name
    assert plain_text("Công ty TNHH Bánh kẹo Lam Sơn")


def test_simple_records_are_written_directly() -> None:
    record = {"id": "ent-1", "name": "HTX Lân", "key_product": True, "trainees": 25}
    assert _direct(record) is not None
    assert item_text(record) == dump_one(record)
    nested = {"id": "ent-1", "ocop_products": [{"name": "Chè", "stars": 4}]}
    assert _direct(nested) is None  # a nested mapping goes through the dumper


_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFFF), min_size=0, max_size=30
)
_VALUE = st.one_of(
    _TEXT,
    st.sampled_from(HOSTILE),
    st.integers(-(10**12), 10**12),
    st.booleans(),
    st.dates(),
    st.lists(st.one_of(_TEXT, st.sampled_from(HOSTILE)), max_size=3),
)


@settings(max_examples=examples(150), deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "name", "title", "tax_code", "x"]), _VALUE))
def test_any_record_is_written_as_the_dumper_writes_it(record: dict[str, Any]) -> None:
    assert item_text(record) == dump_one(record)
