"""The faster paths give what the slow ones gave, to the byte: `--format json` through orjson,
and the nearest-match search behind every suggestion."""

from __future__ import annotations

import difflib
import enum
import json
import math
from typing import Any

from fuzzsize import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from pqp_cli.checks.suggestions import Suggestions as _Suggestions
from pqp_cli.core.text import closest, fold, nearest
from pqp_cli.render.jsontext import dumps


def reference(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


class Shade(str, enum.Enum):
    dark = "dark"


class Plain(enum.Enum):
    one = 1


#: Values where orjson and the standard library write different bytes, or one of them refuses.
AWKWARD = [
    1e-05,
    1e16,
    1e22,
    -0.0,
    5e-324,
    math.nan,
    math.inf,
    -math.inf,
    2**64,
    -(2**63) - 1,
    "\ud800",
    "\x00\x1f\x7f\u2028\u2029\x85",
    'é\n\t"\\',
    Shade.dark,
    {1: "int key"},
    {Shade.dark: "a text subclass as a key"},
    ("a", "tuple", 1.5),
    {"nested": [[], {}, [[]], {"a": {}}]},
    [],
    {},
    "",
    True,
    None,
]


def test_json_is_the_standard_librarys_for_awkward_values() -> None:
    for value in AWKWARD:
        doc = {"value": value, "list": [value, value], "empty": []}
        assert dumps(doc) == reference(doc), value


def test_json_refuses_what_the_standard_library_refuses() -> None:
    for bad in (Plain.one, {("a",): 1}, object()):
        for function in (dumps, reference):
            try:
                function({"x": bad})
            except TypeError:
                continue
            raise AssertionError(f"{bad!r} was written by {function.__name__}")


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=examples(120), deadline=None)
@given(json_values)
def test_json_is_the_standard_librarys_for_any_document(doc: Any) -> None:
    try:
        expected = reference(doc)
    except (TypeError, ValueError):
        return
    assert dumps(doc) == expected


words = st.text(alphabet="abcdeđé -0123", max_size=8)


@settings(max_examples=examples(150), deadline=None)
@given(words, st.lists(words, max_size=12), st.sampled_from([0.0, 0.4, 0.6, 0.8, 1.0]))
def test_closest_is_what_difflib_finds(word: str, candidates: list[str], cutoff: float) -> None:
    found = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    assert closest(word, candidates, cutoff) == (found[0] if found else None)


def test_closest_breaks_ties_as_difflib_does() -> None:
    # "ab" and "ba" are each half of "aba"'s letters in order: difflib takes the larger.
    for pool in (["ab", "ba"], ["ba", "ab"], ["abc", "abd", "abb"]):
        expected = difflib.get_close_matches("abx" if "abc" in pool else "aba", pool, n=1)
        assert closest("abx" if "abc" in pool else "aba", pool) == expected[0]


def test_nearest_still_folds_diacritics() -> None:
    assert nearest("cong ty ha thanh", ["Công ty Hà Thành", "HTX Lân"]) == "Công ty Hà Thành"
    assert nearest("zzz", ["Công ty"]) is None


def test_a_reference_hint_is_looked_for_once_per_distinct_reference() -> None:
    names = {f"HN-{n:07d}": f"Công ty số {n}" for n in range(300)}
    suggestions = _Suggestions(names)
    first = suggestions.hint("HN-000012")
    assert (
        first
        == max(
            (difflib.SequenceMatcher(None, fold("HN-000012"), fold(i)).ratio(), i) for i in names
        )[1]
    )
    suggestions.ids.clear()  # a second search would now find nothing
    assert suggestions.hint("HN-000012") == first


class DictStore:
    def __init__(self) -> None:
        self.kept: dict[str, Any] = {}

    def get(self, name: str) -> Any | None:
        return self.kept.get(name)

    def put(self, name: str, value: Any) -> None:
        self.kept[name] = dict(value)


def test_hints_are_kept_for_the_same_records_only() -> None:
    from pqp_cli.checks.suggestions import Lazy

    names = {"HN-0000001": "Công ty A", "HN-0000002": "HTX B"}
    store = DictStore()
    first = Lazy("enterprises", lambda: dict(names), store)
    assert first.get().hint("HN-000001") == "HN-0000001"
    first.save()
    again = Lazy("enterprises", lambda: dict(names), store)
    again.get().ids.clear()  # no search possible: the hint must come from the store
    assert again.get().hint("HN-000001") == "HN-0000001"
    changed = Lazy("enterprises", lambda: {**names, "HN-0000003": "Cơ sở C"}, store)
    changed.get().ids.clear()  # other records: nothing kept applies, so nothing is found
    assert changed.get().hint("HN-000001") is None
