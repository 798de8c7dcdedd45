"""The fast reader gives what libyaml's events give, or gives up: never a different reading."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pqp_cli.core.text import clean
from pqp_cli.read import yamlfast, yamlread

ROOT = Path(__file__).resolve().parent.parent

KEYS = ["id", "name", "type", "topics", "a_b", "x1", "null", "Null", "ké", "a b", "'q'", "-", "?"]
SEPARATORS = [": ", ":", ":  ", " : ", ":\t"]
VALUES = [
    "",
    "x",
    "~",
    "null",
    "NULL",
    "Null",
    "true",
    "No",
    "0101234567",
    "2021-01-01",
    "1.5",
    "Công ty TNHH Hà Thanh",
    "Nga Sơn",
    "ISO 9001:2015",
    "a#b",
    "C#",
    "a  b",
    "a \u00a0b",
    "'quoted'",
    "'it''s'",
    "''",
    "'open",
    "'a' b",
    "'a'''",
    '"double"',
    '"a\\"b"',
    '""',
    '"open',
    "a: b",
    "a:",
    "a #c",
    "# c",
    "- x",
    "-x",
    "[1, 2]",
    "{a: 1}",
    "&a x",
    "*a",
    "!t x",
    "!!str x",
    "|",
    ">",
    "%x",
    "@x",
    "`x",
    ",x",
    "?x",
    ":x",
    " lead",
    "trail ",
    "a\tb",
    "\u2028",
    "\x85",
    "\ufeff",
    "\x07",
    "a ,b",
    "x]",
    "x}",
    "Công\u0301",
    "e\u0301",
]
INDENTS = [0, 0, 2, 2, 2, 4, 4, 1, 3, 6]


@st.composite
def line(draw: st.DrawFn) -> str:
    indent = " " * draw(st.sampled_from(INDENTS))
    dash = draw(st.sampled_from(["", "", "- ", "-", "- - ", "-  "]))
    shape = draw(st.integers(0, 9))
    if shape == 0:
        return draw(
            st.sampled_from(["", "", "# comment", "  # c ", "---", "...", "   ", "%YAML 1.1"])
        )
    if shape == 1:
        return indent + dash + draw(st.sampled_from(VALUES))
    key = draw(st.sampled_from(KEYS))
    if shape == 2:
        return indent + dash + key + ":"
    return indent + dash + key + draw(st.sampled_from(SEPARATORS)) + draw(st.sampled_from(VALUES))


@st.composite
def document(draw: st.DrawFn) -> str:
    lines = draw(st.lists(line(), max_size=14))
    text = draw(st.sampled_from(["\n", "\r\n", "\n", "\r"])).join(lines)
    return text + draw(st.sampled_from(["", "\n", "\n\n"]))


GOOD = [
    "x",
    "~",
    "null",
    "true",
    "No",
    "0101234567",
    "2021-01-01",
    "Công ty TNHH Hà Thanh",
    "Nga Sơn",
    "ISO 9001:2015",
    "a#b",
    "'it''s'",
    "''",
    '"double"',
    "a  b",
    "e\u0301",
    "x]",
]


@st.composite
def value(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(GOOD if draw(st.integers(0, 9)) else VALUES))


@st.composite
def block(draw: st.DrawFn, indent: int, depth: int) -> list[str]:
    """A block mapping's lines at `indent` (the first without its indent: it follows '- ')."""
    lines = []
    for key in draw(
        st.lists(
            st.sampled_from(KEYS[:6] if draw(st.integers(0, 9)) else KEYS),
            min_size=1,
            max_size=4,
            unique=True,
        )
    ):
        shape = draw(st.integers(0, 5)) if depth < 3 else 0
        if shape <= 2:
            lines.append(f"{key}: {draw(value())}")
            continue
        lines.append(f"{key}:")
        inner = indent + draw(st.sampled_from([0, 2, 2, 4])) if shape < 5 else indent + 2
        for _ in range(draw(st.integers(0, 3))):
            if shape == 3:
                lines.append(" " * inner + f"- {draw(value())}")
            elif shape == 4:
                first, *rest = draw(block(inner + 2, depth + 1))
                lines += [" " * inner + "- " + first, *rest]
            else:
                lines += [" " * inner + x for x in draw(block(inner, depth + 1))]
    return [lines[0]] + [" " * indent + x if not x.startswith(" ") else x for x in lines[1:]]


@st.composite
def records(draw: st.DrawFn) -> str:
    """A list of records in the layouts people write, then a few lines changed or added."""
    lines = []
    for _ in range(draw(st.integers(0, 4))):
        if draw(st.integers(0, 7)):
            first, *rest = draw(block(2, 0))
            lines += ["- " + first, *rest]
        else:
            lines.append(f"- {draw(value())}")
        if not draw(st.integers(0, 3)):
            lines.append(draw(st.sampled_from(["", "# note", "  # indented note"])))
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
        i = draw(st.integers(0, len(lines)))
        if draw(st.booleans()) and i < len(lines):
            lines[i] = draw(line())
        else:
            lines.insert(i, draw(line()))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


def same_reading(text: str) -> None:
    fast = yamlfast.fast_parse(text, clean)
    if fast is None:
        return
    slow = yamlread.event_parse(text, clean)
    assert slow.faults == []
    assert repr(fast.root) == repr(slow.root)  # values, types and key order
    assert fast.lines == slow.lines
    if isinstance(slow.root, list):
        assert fast.items() == slow.items()


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document())
def test_fast_reader_equals_libyaml_on_generated_documents(text: str) -> None:
    same_reading(text)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_fast_reader_equals_libyaml_on_record_files(text: str) -> None:
    same_reading(text)


def test_fast_reader_takes_the_sample_data_and_reads_it_the_same() -> None:
    files = sorted((ROOT / "data").rglob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert yamlfast.fast_parse(text, clean) is not None, path  # the common layout is fast
        same_reading(text)


def test_fast_reader_gives_up_rather_than_guess() -> None:
    for text in [
        "- id: a\n  id: b\n",  # duplicate key: libyaml's path reports it, with its line
        "- {id: a}\n",  # flow mapping
        "- id: a # comment\n",  # comment after a value
        "- name: >\n    folded\n",  # block scalar
        "- id: &x a\n",  # anchor
        "- id: a\n\tname: b\n",  # tab
        "- name: a\n    b\n",  # multi-line plain scalar
        "id: a\n",  # a mapping at the top: not-a-list is the loader's to say
    ]:
        assert yamlfast.fast_parse(text, clean) is None, text
