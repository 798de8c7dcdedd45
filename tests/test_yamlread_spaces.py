"""Issue 10, point 2: both YAML readers give the same values for quoting and white space.

The fast reader (`yamlfast`) and libyaml's events (`yamlread.event_parse`) must agree on every
input the fast reader takes; here the values are built from quoting styles, escapes and every
kind of space at either end, and whole files go through the CLI both ways (with and without a
comment, which sends a file down the other reader) to compare the figures.
"""

from __future__ import annotations

import itertools
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_yamlread_fast import same_reading

from pqp_cli.core.text import clean
from pqp_cli.read import yamlread

#: 200 in the README's `pytest` (each of Hypothesis's examples costs ≈ 5 ms: 1,000 were 5 s
#: of the suite's 2 minutes); `.ci/run` sets PQP_FUZZ_YAML=10000 in a step of its own.
EXAMPLES = int(os.environ.get("PQP_FUZZ_YAML", "200"))

SPACES = ["", " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\u200b", "\ufeff", "\u2028", " \t"]
CORES = ["TH-0001", "a b", "Hà Nội", "", "x'y", 'x"y', "#", "a #b", ": ", "e\u0301", "-", "~"]
ESCAPES = ["\\t", "\\x20", "\\u00a0", "\\n", "\\\\", '\\"', "\\ ", "\\_", "\\0", "\\e", "\\N"]


#: Space before, a core, space after: one choice among all of them, drawn at once (as three
#: independent choices, uniformly): each of Hypothesis's draws costs ≈ 0.3 ms, most of the test.
SPACED = list(itertools.product(SPACES, CORES, SPACES))
#: What follows a key (its colon) and a value (space or a comment), drawn at once.
AROUND = list(itertools.product([": ", ": ", ":  ", ":\t", " : "], ["", "", " ", "\t", " # c"]))


@st.composite
def scalar(draw: st.DrawFn) -> str:
    text = "".join(draw(st.sampled_from(SPACED)))
    style = draw(st.sampled_from(["plain", "single", "double", "escaped", "empty"]))
    if style == "plain":
        return text
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    if style == "double":
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if style == "escaped":
        parts = [text.replace("\\", "\\\\").replace('"', '\\"'), draw(st.sampled_from(ESCAPES))]
        return '"' + "".join(draw(st.permutations(parts))) + '"'
    return draw(st.sampled_from(["''", '""']))


@st.composite
def record_file(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        keys = draw(
            st.lists(
                st.sampled_from(["id", "name", "title", "note"]),
                min_size=1,
                max_size=3,
                unique=True,
            )
        )
        for i, key in enumerate(keys):
            colon, after = draw(st.sampled_from(AROUND))
            lead = "- " if i == 0 else "  "
            lines.append(f"{lead}{key}{colon}{draw(scalar())}{after}")
    return "\n".join(lines) + "\n"


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(record_file())
def test_both_readers_agree_on_quotes_and_spaces(text: str) -> None:
    same_reading(text)
    # and a comment line (which the fast reader takes) never changes a value it read
    fast = yamlread.parse(text, clean)
    commented = yamlread.parse("# note\n" + text, clean)
    assert repr(fast.root) == repr(commented.root)
    assert [f.code for f in fast.faults] == [f.code for f in commented.faults]


def test_a_quoted_id_with_a_trailing_space_reads_the_same_both_ways() -> None:
    text = "- id: 'TH-0001 '\n  title: x\n"
    same_reading(text)
    assert yamlread.parse(text, clean).root == [{"id": "TH-0001", "title": "x"}]
