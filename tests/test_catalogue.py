"""The catalogue of messages (pqp_cli/core/messages): every code pqp says is in it, named the
same in both languages, and documented in docs/problems.md."""

from __future__ import annotations

import ast
import functools
import importlib.util
import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from pqp_cli.core import notes
from pqp_cli.core.messages import (
    CATALOGUE,
    PHRASES,
    parameters,
    plain_field,
    record_field,
    template,
    texts,
)
from pqp_cli.core.problems import CODES, Problem

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "pqp_cli").rglob("*.py"))
_KEY = re.compile(r"^[a-z][a-z0-9-]*(/[a-z0-9-]+)?$")


@functools.cache
def _trees() -> tuple[tuple[Path, tuple[ast.AST, ...]], ...]:
    """Every module of pqp_cli and every node in it (`ast.walk`'s order), parsed and walked
    once for the four tests that look at them all (no test changes a tree)."""
    parsed = ((p, ast.parse(p.read_text(encoding="utf-8"))) for p in SOURCES)
    return tuple((p, tuple(ast.walk(tree))) for p, tree in parsed)


def test_english_and_vietnamese_templates_take_the_same_parameters() -> None:
    for code, entry in CATALOGUE.items():
        assert entry.messages, code
        for variant, found in entry.messages.items():
            en, vi = parameters(found.en), parameters(found.vi)
            assert en == vi, f"{code}/{variant}: en {sorted(en)} vi {sorted(vi)}"


def test_every_entry_is_documented_in_the_catalogue_itself() -> None:
    for code, entry in CATALOGUE.items():
        assert entry.code == code and _KEY.match(code)
        assert entry.title.en and entry.title.vi and entry.meaning and entry.fix, code
        assert entry.example.strip(), code
        assert entry.shown in entry.messages, code
        assert parameters(entry.messages[entry.shown].en) <= set(entry.sample), code


def test_validate_codes_are_the_contracts_and_all_in_the_catalogue() -> None:
    contract = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")
    table = contract[contract.index("| code | severity | when |") :].split("\n\n")[0]
    listed = set(re.findall(r"`([a-z-]+)`", table))
    assert listed <= set(CODES)  # docs/contract.md §5 does not list unknown-locality yet
    for code in CODES:
        assert CATALOGUE[code].family == "problem"
        assert CATALOGUE[code].severity in ("error", "warning")


def test_every_message_key_in_the_code_names_a_catalogue_message() -> None:
    """Each literal `code/variant` anywhere in pqp_cli, and the first argument of every
    `Problem.of`, `Note.of`, `texts`, `warn` and YAML fault, is a message of the catalogue."""
    seen = set()
    for path, nodes in _trees():
        for node in nodes:
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                code, slash, _ = node.value.partition("/")
                if slash and code in CATALOGUE and _KEY.match(node.value):
                    template(node.value)  # KeyError: no such variant
                    seen.add(node.value)
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                first = node.args[0]
                if name in ("of", "texts", "fault", "warn") and isinstance(first, ast.Constant):
                    assert isinstance(first.value, str), f"{path}:{node.lineno}"
                    template(first.value)
                    seen.add(first.value)
    assert {"cache-link", "unsupported-yaml/anchor", "rejected/too-wide"} <= seen


def test_no_problem_or_note_is_built_with_a_code_outside_the_catalogue() -> None:
    """A Problem or Note built directly (from the cache, or from a problem) still carries a
    catalogue code; one built from a literal code must be a catalogue code too."""
    for path, nodes in _trees():
        for node in nodes:
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id in ("Problem", "Note", "Fault") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant):
                    assert first.value in CATALOGUE, f"{path}:{node.lineno}: {first.value}"


def test_field_errors_share_one_set_of_templates() -> None:
    record = texts("missing-field", **record_field("enterprises", "ent-1", "name"))
    assert record == ('enterprise ent-1: field "name" is missing; add it',
                      'cơ sở ent-1: thiếu trường tên ("name"); hãy bổ sung')  # fmt: skip
    plan = texts("missing-field", **plain_field("plan.start"))
    assert plan == (
        "plan.start is missing; add it",
        'thiếu trường ngày bắt đầu kỳ ("plan.start"); hãy bổ sung',
    )
    nameless = texts("missing-field", **record_field("enterprises", "?", "id"))
    assert nameless.vi == 'cơ sở (chưa có mã): thiếu trường mã ("id"); hãy bổ sung'
    known = texts("unknown-field", known="id, name", **record_field("units", "u1", "nmae"))
    assert known.en == 'unit u1: unknown field "nmae"; known fields: id, name'
    assert known.vi == 'đơn vị u1: trường không xác định "nmae"; các trường hợp lệ: id, name'
    problem = Problem.of(
        "invalid-value", "t.yaml", 4, got="'x'", allowed="a date", **plain_field("plan.end")
    )
    assert (problem.code, problem.line, problem.en) == (
        "invalid-value",
        4,
        "plan.end has 'x'; allowed: a date",
    )


def test_docs_problems_md_is_generated_from_the_catalogue() -> None:
    """Stale? Run `python scripts/gen_problems_docs.py` and commit docs/problems.md."""
    spec = importlib.util.spec_from_file_location(
        "gen_problems_docs", ROOT / "scripts" / "gen_problems_docs.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    current = (ROOT / "docs" / "problems.md").read_text(encoding="utf-8")
    assert current == module.render(), "docs/problems.md is stale: run scripts/gen_problems_docs.py"
    for code, entry in CATALOGUE.items():
        assert f"### `{code}`" in current
        for variant in entry.messages:
            assert f"| `{code}/{variant}` |" in current or not variant


def test_notes_take_their_language_from_the_caller(capsys: pytest.CaptureFixture[str]) -> None:
    source = (ROOT / "pqp_cli" / "core" / "notes.py").read_text(encoding="utf-8")
    assert "os.environ" not in source and "sys.argv" not in source
    try:
        notes.use_language("vi")
        notes.warn("cache-link", where="data/.pqp-cache")
        notes.warn("cache-link", "en", where="data/.pqp-cache")
    finally:
        notes.use_language("en")
    said = capsys.readouterr().err.splitlines()
    assert said[0].startswith("pqp: cảnh báo: data/.pqp-cache là một liên kết")
    assert said[1].startswith("pqp: warning: data/.pqp-cache is a link")


def test_unknown_top_level_key_of_targets_yaml_is_named(tmp_path: Path) -> None:
    from pqp_cli.read.plan import read_plan

    path = tmp_path / "targets.yaml"
    path.write_text((ROOT / "targets.yaml").read_text(encoding="utf-8") + "extra: 1\n")
    _, problems = read_plan(path)
    found = [p for p in problems if p.code == "unknown-field"]
    assert [p.message("en") for p in found] == [
        "unknown top-level key 'extra'; known: plan, targets, report"
    ]
    assert found[0].message("vi") == (
        'khóa cấp cao nhất không xác định \'extra\'; hợp lệ: "plan", "targets", "report"'
    )


# --- one catalogue: no user-facing pair of texts outside core/messages ---------------------------

_VI = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.I)
#: Files whose pairs of literals are vocabulary, not messages (each says why).
_VOCABULARY = {
    "core/models.py": "Vietnamese labels and aliases of enum values, read by import as well",
    "core/schemes.py": "scheme names and the Vietnamese names they are known by",
    "core/text.py": "legal-form abbreviations matched inside names",
    "core/placetext.py": "place-type words matched inside localities",
    "importing/headers.py": "the column vocabulary: headers a sheet may use, in both languages",
    "scaffold/initdata.py": "a line of the targets.yaml it writes (a YAML comment)",
}


def _literal(node: ast.AST) -> str | None:
    """A string literal's text (an f-string's constant parts), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def _pairs(nodes: Iterable[ast.AST]) -> list[int]:
    """Lines where an English literal sits beside a Vietnamese one: two arguments of a call,
    two items of a tuple or list, or the two sides of `vi_text if vi else en_text`."""
    found = []
    for node in nodes:
        seqs = [node.args] if isinstance(node, ast.Call) else []
        seqs += [node.elts] if isinstance(node, ast.Tuple | ast.List) else []
        if isinstance(node, ast.IfExp):
            seqs.append(
                sorted(
                    [node.body, node.orelse],
                    key=lambda n: _VI.search(_literal(n) or "") is not None,
                )
            )
        for seq in seqs:
            for a, b in zip(seq, seq[1:], strict=False):
                en, vi = _literal(a), _literal(b)
                if en is not None and vi is not None and not _VI.search(en) and _VI.search(vi):
                    found.append(node.lineno)
    return found


def _outside_the_catalogue() -> list[tuple[str, tuple[ast.AST, ...]]]:
    out = []
    for path, tree in _trees():
        name = path.relative_to(ROOT / "pqp_cli").as_posix()
        if not name.startswith("core/messages/") and name not in _VOCABULARY:
            out.append((name, tree))
    return out


def test_no_error_is_written_in_place() -> None:
    """Every `PqpError` takes its texts from the catalogue (`PqpError(*phrase(key, …))`),
    never literal text, so no error can forget a language."""
    bad = []
    for name, nodes in [(p.name, t) for p, t in _trees() if "messages" not in p.parts]:
        for node in nodes:
            called = isinstance(node, ast.Call) and getattr(node.func, "id", "") == "PqpError"
            if called and any(_literal(a) is not None for a in node.args):  # type: ignore[attr-defined]
                bad.append(f"{name}:{node.lineno}")
    assert bad == [], "move these texts into core/messages and raise PqpError(*phrase(key))"


def test_no_pair_of_texts_outside_the_catalogue() -> None:
    """A text in English and Vietnamese is written once, in core/messages; elsewhere it is
    named by key. (Add a vocabulary file to _VOCABULARY only with its reason.)"""
    bad = [f"{name}:{line}" for name, tree in _outside_the_catalogue() for line in _pairs(tree)]
    assert bad == [], "move these (en, vi) texts into core/messages and look them up by key"


def test_the_pair_scan_finds_a_pair() -> None:
    """The scan can fail: each way of writing a pair in place is found, a lookup is not."""
    for code in [
        'raise PqpError(f"no {x}", f"không có {x}")',
        'said = ("Before", "Trước")',
        'head = "Trạng thái" if vi else "Status"',
    ]:
        assert _pairs(ast.walk(ast.parse(code))) == [1], code
    assert _pairs(ast.walk(ast.parse('raise PqpError(*phrase("no-such-file", path=p))'))) == []


def test_phrases_take_the_same_parameters_in_both_languages_and_keys_are_unique() -> None:
    from pqp_cli.core.messages import errors, errors_import, errors_read, outputs, words

    tables = [words.WORDS, outputs.TEXTS, errors.ERRORS, errors_read.ERRORS, errors_import.ERRORS]
    assert len(PHRASES) == sum(map(len, tables))  # no key of one table hides another's
    for key, found in PHRASES.items():
        assert found.en != "" or found.vi != "", key
        if key != "docx_appendix_of":  # the Vietnamese says whose report it is attached to
            assert parameters(found.en) == parameters(found.vi), key
