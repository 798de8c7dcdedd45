"""The fast reader gives what libyaml's events give, or gives up: never a different reading.

The generated files come from a seeded `random.Random` (one seed, one file, the same every
time; a failure names its seed and text), which makes thousands of files a second where
hypothesis made a few hundred. `PQP_FUZZ_YAML` sets how many (1,000 by default; .ci/run's
fuzz step sets 10,000).
"""

from __future__ import annotations

import importlib.util
import os
import random
from pathlib import Path

import pytest

from pqp_cli.core.text import clean
from pqp_cli.read import yamlfast, yamlread

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = int(os.environ.get("PQP_FUZZ_YAML", "1000"))

KEYS = ["id", "name", "type", "topics", "a_b", "x1", "null", "Null", "ké", "a b", "'q'", "-", "?"]
SEPARATORS = [": ", ":", ":  ", " : ", ":\t", ":   "]
FLOWS = [
    "[a, b]",
    "[]",
    "[ ]",
    "[standards]",
    "[\"x, y\", 'z']",
    "[a,b]",
    "[ a , b ]",
    "[a b, 'c''d']",
    "[~, null, '', \"\"]",
    "[Hà Nội, Nga Sơn]",
    "[a'b, c\"d]",
    '["a\\"b", "\\u00e9"]',
    "['x' , \"y\"]",
    "[a] # note",
    "[a]  #note",
    "[a, ]",
    "[a, , b]",
    "[,a]",
    "[a, [b]]",
    "[{a: 1}]",
    "[a: b]",
    "[a:b]",
    "[ISO 9001:2015]",
    "[a #c]",
    "[a]#c",
    "[a] b",
    "[a]]",
    "['a'b]",
    "['a' b]",
    "[-a]",
    "[- a]",
    "[a, b",
    "['a, b]",
    "[&x a]",
    "[*x]",
    "[!t a]",
    "[?a]",
    "[a, 'b' ]",
    "[a ,b]",
    "['']",
    "[a  b, \u00a0c]",
    "[a\\b, 'c\\d']",
    "[\"# not a comment\", 'a: b']",
    # split at commas, each item whole (`yamlscalar._flow`): quotes holding `,` or `]`, a
    # quote of the other kind, `''`, items known from the lines before, comments after
    "['a]b', c]",
    '["a,b"]',
    '["]"]',
    "['x', ']']",
    '["a", b"]',
    '["it\'s]"]',
    "[\"a\", 'b', c]",
    "[a:b, 'c']",
    "['a:b', c]",
    "[x, 'y'] # it's",
    "['x',\"y\",z]",
    "[ 'a' , \"b\" ]",
    "['a', ]",
    '["a" , , b]',
    "[null, 'null', \"~\", ~]",
    "['- a', b]",
    "[-a, 'b']",
    '[b, "a#b"]',
    "['a'', b']",
    "[x, 'y', \"z\"",
    "['e\u0301', Nga Sơn, 'Hà  Nội']",
]
ESCAPED = [
    '"a\\"b"',
    '"a\\\\b"',
    '"a\\nb"',
    '"a\\tb"',
    '"\\u00e9"',
    '"T\\u1eadp hu\\u1ea5n"',
    '"e\\u0301"',
    '"\\x41\\x7f"',
    '"\\xe9"',
    '"\\U0001F600"',
    '"\\0\\a\\b\\v\\f\\r\\e"',
    '"\\N\\_\\L\\P"',
    '"a\\ b"',
    '"  \\t x \\n "',
    '"\\ud800"',
    '"\\uDFFF"',
    '"\\U00110000"',
    '"\\x4"',
    '"\\x4g"',
    '"\\uZZZZ"',
    '"\\u+0041"',
    '"\\u_041"',
    '"\\/"',
    '"\\\'"',
    '"\\q"',
    '"a\\"',
    '"a\\\\"',
    '"\\"',
    '"a" # c',
    '"a"# c',
    '"a" b',
    '"a\\"b" # c "d"',
]
COMMENTED = [
    "x # c",
    "x  # c",
    "x #c",
    "x#c",
    "'x' # c",
    "'x'# c",
    "'it''s' # c",
    "# c",
    "#",
    "a: b # c",
]
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
    "' a: b '",
    '"double"',
    '""',
    '"open',
    '"a: b"',
    "a: b",
    "a:",
    "a #c",
    "# c",
    "- x",
    "-x",
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
    *FLOWS,
    *ESCAPED,
    *COMMENTED,
]
INDENTS = [0, 0, 2, 2, 2, 4, 4, 1, 3, 6]
SPECIAL = ["", "", "# comment", "  # c ", "---", "...", "   ", " ", "%YAML 1.1", "      # deep"]


def document(rng: random.Random) -> str:
    """Any lines at all: keys, values, list dashes and separators from the lists above."""
    lines = []
    for _ in range(rng.randrange(15)):
        indent = " " * rng.choice(INDENTS)
        dash = rng.choice(["", "", "- ", "-", "- - ", "-  ", "-   "])
        shape = rng.randrange(10)
        if shape == 0:
            lines.append(rng.choice(SPECIAL))
        elif shape == 1:
            lines.append(indent + dash + rng.choice(VALUES))
        elif shape == 2:
            lines.append(indent + dash + rng.choice(KEYS) + rng.choice([":", ":  ", ": # c"]))
        else:
            sep = rng.choice(SEPARATORS)
            lines.append(indent + dash + rng.choice(KEYS) + sep + rng.choice(VALUES))
    text = rng.choice(["\n", "\r\n", "\n", "\r"]).join(lines)
    return text + rng.choice(["", "\n", "\n\n"])


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
    '"a: b"',
    "'Tập huấn: 5S'",
    "a  b",
    "e\u0301",
    "x]",
    "[a, b]",
    "[]",
    "[standards, measurement]",
    "[\"x, y\", 'z']",
    "[TH-0001, 'TH-0002'] # 2 cơ sở",
    '"T\\u1eadp hu\\u1ea5n \\"5S\\""',
    '"a\\\\b\\tc"',
    '"\\x41\\u00e9"',
    "x  # note",
    "'x' # note",
    "  x",
]


def value(rng: random.Random) -> str:
    text = rng.choice(GOOD if rng.randrange(10) else VALUES)
    return text + (" " * rng.choice([0, 0, 0, 0, 1, 2]))  # now and then trailing spaces


def block(rng: random.Random, indent: int, depth: int) -> list[str]:
    """A block mapping's lines at `indent` (the first without its indent: it follows '- ')."""
    lines = []
    for key in rng.sample(KEYS[:6] if rng.randrange(10) else KEYS, k=rng.randint(1, 4)):
        shape = rng.randrange(7) if depth < 3 else 0
        if shape <= 2 or shape == 6:
            lines.append(f"{key}: {value(rng)}")
            if shape == 6:  # a comment line, at any indentation
                lines.append(" " * rng.choice(INDENTS) + rng.choice(["# note", "#"]))
            continue
        lines.append(f"{key}:" + rng.choice(["", "", "", "  # a list", " #"]))
        inner = indent + rng.choice([0, 2, 2, 4]) if shape < 5 else indent + 2
        for _ in range(rng.randrange(4)):
            if shape == 3:
                lines.append(" " * inner + f"- {value(rng)}")
            elif shape == 4:
                first, *rest = block(rng, inner + 2, depth + 1)
                lines += [" " * inner + "- " + first, *rest]
            else:
                lines += [" " * inner + x for x in block(rng, inner, depth + 1)]
            if not rng.randrange(6):
                lines.append(rng.choice(["", "  ", "    # between items"]))
    return [lines[0]] + [" " * indent + x if not x.startswith(" ") else x for x in lines[1:]]


def records(rng: random.Random) -> str:
    """A list of records in the layouts people write, then a few lines changed or added."""
    lines = []
    for _ in range(rng.randrange(5)):
        if rng.randrange(8):
            first, *rest = block(rng, 2, 0)
            lines += ["- " + first, *rest]
        else:
            lines.append(f"- {value(rng)}")
        if not rng.randrange(3):
            lines.append(rng.choice(["", "", "   ", "# note", "  # indented note"]))
    for _ in range(rng.choice([0, 0, 0, 1, 2])):
        i = rng.randrange(len(lines) + 1)
        mutant = document(rng).split("\n")[0]
        if rng.randrange(2) and i < len(lines):
            lines[i] = mutant
        else:
            lines.insert(i, mutant)
    return "\n".join(lines) + rng.choice(["", "\n"])


def same_reading(text: str) -> bool:
    """Both readers agree on `text` (True), or the fast one gave up (False)."""
    fast = yamlfast.fast_parse(text, clean)
    if fast is None:
        return False
    slow = yamlread.event_parse(text, clean)
    assert slow.faults == []
    assert repr(fast.root) == repr(slow.root)  # values, types and key order
    assert fast.lines == slow.lines
    if isinstance(slow.root, list):
        assert fast.items() == slow.items()
    return True


def fuzz(make: object, examples: int, seed: int) -> int:
    """`examples` files from `make(rng)`, each compared; how many the fast reader took."""
    taken = 0
    for n in range(examples):
        text = make(random.Random(seed * 1_000_003 + n))  # type: ignore[operator]
        try:
            taken += same_reading(text)
        except AssertionError as exc:
            raise AssertionError(f"example {n} (seed {seed}):\n{text!r}") from exc
    return taken


def test_fast_reader_equals_libyaml_on_generated_documents() -> None:
    fuzz(document, EXAMPLES, 1)


def test_fast_reader_equals_libyaml_on_record_files() -> None:
    taken = fuzz(records, EXAMPLES * 2, 2)
    assert taken > EXAMPLES // 4  # most record files are in the subset: the test compares


def test_fast_reader_takes_the_sample_data_and_reads_it_the_same() -> None:
    files = sorted((ROOT / "data").rglob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert same_reading(text), path  # the common layout is fast


@pytest.fixture(scope="module")
def benchmark_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """A small dataset of each layout of benchmarks/gen_dataset.py."""
    spec = importlib.util.spec_from_file_location("gen", ROOT / "benchmarks" / "gen_dataset.py")
    assert spec and spec.loader
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    found = {}
    for layout in ("block", "hand"):
        out = tmp_path_factory.mktemp(layout)
        gen.generate(1200, out, layout=layout)
        found[layout] = sorted((out / "data").rglob("*.yaml"))
    return found


@pytest.mark.parametrize("layout", ["block", "hand"])
def test_fast_reader_takes_both_benchmark_layouts(
    benchmark_files: dict[str, list[Path]], layout: str
) -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in benchmark_files[layout])
    if layout == "hand":  # the forms people write by hand are all there
        for form in [": [", "  # ", '"T\\u1ead', "\n    - ", "\n  - ", '\\"', "'Tập huấn: "]:
            assert form in text, form
    for path in benchmark_files[layout]:
        assert same_reading(path.read_text(encoding="utf-8")), path


#: Hand-written forms the fast reader takes, each read as libyaml reads it.
TAKEN = [
    "- id: a  # note\n  topics: [standards, measurement]\n",
    "- topics: []\n  names: ['x, y', \"z\"]\n",
    "- a: [ ]\n- [a, b]  # c\n- ['']\n",
    '- title: "Tập huấn \\"5S\\""\n  note: \'a: b\'\n',
    '- t: "\\t\\n\\\\ \\x41 \\u00e9 \\U0001F600"\n',
    '- t: "\\x01 kept as written"\n',
    "- key:\n  - a\n  - b\n- key:\n    - a\n",
    "# head\n\n- id: a\n\n    # deep comment\n  name: b   \n   \n- id: c\n",
    "- key:  # a list follows\n  - a\n- key: # nothing follows\n",
    "- key:   spaced\n-   item\n",
    "- a: x\n  b: 'y'\n  c: [x, 'y', \"y\", z]\n  d: [z, x]\n",
]


@pytest.mark.parametrize("text", TAKEN)
def test_fast_reader_takes_what_people_write(text: str) -> None:
    assert same_reading(text), text


def test_fast_reader_gives_up_rather_than_guess() -> None:
    for text in [
        "- id: a\n  id: b\n",  # duplicate key: libyaml's path reports it, with its line
        "- {id: a}\n",  # flow mapping
        "- id: [a,\n    b]\n",  # a flow list over two lines
        "- id: [a, [b]]\n",  # a flow list in a flow list
        "- id: [a: b]\n",  # a pair in a flow list
        "- id: [a, ]\n",  # an empty entry
        '- id: "\\q"\n',  # an escape libyaml refuses
        '- id: "\\/"\n',  # an escape not every libyaml takes
        "- id: 'a'# c\n",  # no space before the comment
        "- # a note where the item is\n  id: a\n",
        "- name: >\n    folded\n",  # block scalar
        "- id: &x a\n",  # anchor
        "- id: a\n\tname: b\n",  # tab
        "- name: a\n    b\n",  # multi-line plain scalar
        "- name: 'a\n    b'\n",  # multi-line quoted scalar
        "id: a\n",  # a mapping at the top: not-a-list is the loader's to say
    ]:
        assert yamlfast.fast_parse(text, clean) is None, text


def test_the_fast_reader_gives_up_on_exactly_what_yaml_does_not_print() -> None:
    """YAML's printable characters (and `\\n`, the one line break it keeps) go to the fast
    reader; every other code point sends the file to libyaml, which names the character."""
    from pqp_cli.read.yamlfast import _UNSAFE

    printable = [(0x0A, 0x0A), (0x20, 0x7E), (0xA0, 0x2027), (0x202A, 0xD7FF)]
    printable += [(0xE000, 0xFEFE), (0xFF00, 0xFFFD), (0x10000, 0x10FFFF)]
    everything = "".join(map(chr, range(0x110000)))
    unsafe = {ord(c) for c in _UNSAFE.findall(everything)}
    safe = {c for low, high in printable for c in range(low, high + 1)}
    assert unsafe == set(range(0x110000)) - safe
    # `fast_parse` asks `str.isprintable` first (at C speed): a text it passes holds none
    assert not any(chr(c).isprintable() for c in unsafe)
    for c in sorted(unsafe)[::97]:
        assert yamlfast.fast_parse(f"- name: a{chr(c)}b\n", clean) is None, hex(c)
    assert (
        yamlfast.fast_parse("- name: a\u00a0b\u00adc\n", clean) is not None
    )  # not printable to Python


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ('- name: "T\\u1eadp hu\\u1ea5n \\"5S\\""\n- name: "a\\tb"\n', False),
        ('- name: "a\\x01b"\n', True),
        ('- name: x\n  topics: [a, "b\\u0007"]\n', True),
        ('- name: "a\\x01b"\n- name: "a\\x01b"\n', True),  # the second from the file's memo
    ],
)
def test_a_control_character_an_escape_made_is_noted(text: str, kept: bool) -> None:
    """Loading validates a file's records the trusted way (no control character to refuse)
    unless the reader kept one: only an escape makes one in what the fast reader reads."""
    parsed = yamlfast.fast_parse(text, clean)
    assert parsed is not None and parsed.kept_control is kept
    assert same_reading(text)


#: Texts a file may hold as values before (or after) a flow list holds them as items: the
#: list's items are looked up among the values met before (`yamlscalar._flow`).
_MET = ["a:b", "x", "'y'", '"y"', "null", "'null'", "a#b", "-a", "Hà  Nội", "e\u0301"]
_LISTS = ["[a:b, 'c']", "[x, 'y']", "['null', null]", "[a#b, 'q']", "[-a, 'r']",
          "['Hà  Nội', x]", "[e\u0301, 'z']", "['y', \"y\", y]"]  # fmt: skip


def test_a_flow_item_reads_as_libyaml_reads_it_whatever_came_before() -> None:
    taken = 0
    for met in _MET:
        for listed in _LISTS:
            taken += same_reading(f"- id: q\n  a: {met}\n  b: {listed}\n")
            taken += same_reading(f"- id: q\n  b: {listed}\n  a: {met}\n")
    assert taken > 80  # (the fast reader gives up on `-a` and on lists holding `:` or `#`)


def test_bytes_that_pass_the_byte_check_hold_no_unsafe_character() -> None:
    """`printable_utf8` says yes only for UTF-8 holding none of `_UNSAFE` (every code point),
    and no for every unsafe one; what it is unsure of it leaves to the text's own test. A
    file people write passes it."""
    from pqp_cli.read.yamlfast import _UNSAFE, printable_utf8

    # Every code point below U+10000 (surrogates never come out of UTF-8), and astral ones
    # sampled: their four bytes hold none of the sequences it looks for.
    codes = [c for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
    codes += range(0x10000, 0x110000, 251)
    unsafe = {ord(c) for c in _UNSAFE.findall("".join(map(chr, codes)))}
    passed = {c for c in codes if printable_utf8(chr(c).encode())}
    assert not passed & unsafe
    assert not any(printable_utf8(f"- id: a{chr(c)}b\n".encode()) for c in unsafe)
    assert set(codes) - passed == unsafe | set(range(0x80, 0xC0))  # unsure of U+0080-00BF only
    assert printable_utf8("- name: Công ty TNHH Hà Thanh  # ghi chú\n  ids: [a, 'b']\n".encode())
    assert printable_utf8(b"- id: a\r\n  name: b\r\n")  # Windows line ends
    for text in (b"- id: a\rb\n", b"- id: a\r\r\n", b"- id: a\r", b"- id: a\x01\r\n"):
        assert not printable_utf8(text), text
