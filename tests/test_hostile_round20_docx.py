"""Round 20: the Word year table's vertical merges written in XML (`data_table(merged=...)`)
under hostile text and shapes: the same XML as python-docx's own cell merge, and a report that
opens, shows each code once beside its two rows, and converts with LibreOffice."""

from __future__ import annotations

import json
import random
from pathlib import Path

import docx
import pytest
from docx.table import Table, _Cell
from gitrepo import invoke
from test_hostile_reading import TRAININGS, args, project

from pqp_cli.render.docx_layout import data_table

TEXTS = [
    "",
    "T1",
    "<b>&amp; ]]> \"q\" 'a'",
    "Đào tạo năng suất chất lượng tỉnh Bắc Ninh",
    "x" * 3000,
    "  spaced  ",
    "0",
    "a\nb\tc",
]


def merged_by_python_docx(table: Table, columns: tuple[int, ...]) -> None:
    """What the report did before: python-docx's `merge`, pair by pair, empty paragraphs it
    moved up dropped."""
    rows = table._tbl.tr_lst
    for top in range(1, len(rows) - 1, 2):
        for col in columns:
            upper, lower = (_Cell(row.tc_lst[col], table) for row in rows[top : top + 2])
            merged = upper.merge(lower)
            for extra in merged.paragraphs[1:]:
                if not extra.text:
                    extra._p.getparent().remove(extra._p)


def xml(table: Table) -> bytes:
    from lxml import etree

    return etree.tostring(table._tbl)


@pytest.mark.parametrize("count", range(7))
def test_merged_columns_are_python_docx_s_merge_for_any_text_and_row_count(count: int) -> None:
    pick = random.Random(count)
    ours, python_docx = docx.Document(), docx.Document()  # each table added to one document
    for _ in range(6):
        rows = [[pick.choice(TEXTS) for _ in range(4)] for _ in range(count)]
        heads, widths = ["id", "title", "kind", "n"], [1.2, 3.4, 2.4, 2.0]
        mine = data_table(ours, heads, rows, widths, numeric=(3,), merged=(0, 1))
        theirs = data_table(python_docx, heads, rows, widths, numeric=(3,))
        merged_by_python_docx(theirs, (0, 1))
        assert xml(mine) == xml(theirs)


@pytest.mark.parametrize("escape", ["\\uFFFE", "\\uFFFF"])
def test_a_noncharacter_is_an_invalid_value_not_a_crash_of_the_word_report(
    tmp_path: Path, escape: str
) -> None:
    """U+FFFE and U+FFFF (YAML's escapes make them; XML forbids them, as it does control
    characters): python-docx and openpyxl refused them with an internal error (exit 2) when a
    target's title held one. Like a control character, the value is invalid: named, left out."""
    targets = (
        "plan:\n  id: p\n  period: {start: 2021-01-01, end: 2025-12-31}\ntargets:\n"
        f'  - id: T1\n    title: "A{escape}B"\n    metric: trained_establishments\n'
        "    target: 3\n"
    )
    enterprises = f'- id: E1\n  name: "C{escape}"\n  type: enterprise\n'
    root = project(
        tmp_path, {"trainings.yaml": TRAININGS, "enterprises.yaml": enterprises}, targets
    )
    code, out, _ = invoke(*args(root, "validate", "--format", "json", "--no-cache"))
    found = {(p["code"], Path(p["file"]).name, p["field"]) for p in json.loads(out)["problems"]}
    assert code == 1
    assert {("invalid-value", "enterprises.yaml", "name")} <= found
    assert {
        ("invalid-value", "targets.yaml", "vi"),
        ("invalid-value", "targets.yaml", "en"),
    } <= found
    for suffix in ("docx", "xlsx"):
        out_file = tmp_path / f"r.{suffix}"
        code, _, err = invoke(*args(root, "report", "-o", str(out_file)), "--as-of", "2023-01-01")
        assert code != 2 and "internal error" not in err, err


HOSTILE_TARGETS = """\
plan:
  id: p
  title: "Kế hoạch <b>&amp; ]]> \\"q\\" 'a'"
  period: {start: 2021-01-01, end: 2320-12-31}
targets:
  - id: T1.a_b-c
    title: "Đào tạo <x> & ]]> \\"quoted\\" 'single'"
    metric: trained_establishments
    target: 3
  - id: T2
    title: "%s"
    metric: trained_establishments
    target: 2
""" % ("Năng suất chất lượng " * 250)


def year_tables(path: Path) -> list[list[tuple[str | None, str]]]:
    """Each Word table whose first column is merged: (vMerge, text) of its body cells there."""
    found = []
    for table in docx.Document(str(path)).tables:
        column = [row._tr.tc_lst[0] for row in table.rows[1:]]
        if any(tc.vMerge for tc in column):
            found.append(
                [(tc.vMerge, "".join(t.text or "" for t in tc.xpath(".//w:t"))) for tc in column]
            )
    return found


def test_a_hostile_plan_of_three_hundred_years_gives_each_code_once_beside_its_rows(
    tmp_path: Path,
) -> None:
    """XML-special and Vietnamese titles, one of 5,000 characters, over 300 years (the year
    table in fifty parts), in both languages: python-docx opens the report, and each
    part shows each code once, on the upper of its two rows, the lower merged into it."""
    root = project(tmp_path, {"trainings.yaml": TRAININGS}, HOSTILE_TARGETS)
    for lang in ("en", "vi"):
        out = tmp_path / f"r-{lang}.docx"
        command = args(root, "report", "-o", str(out), "--lang", lang)
        code, _, err = invoke(*command, "--as-of", "2320-12-31")
        assert code == 0, err
        tables = year_tables(out)
        assert len(tables) > 45
        for column in tables:
            assert column == [
                ("restart", "T1.a_b-c"),
                ("continue", ""),
                ("restart", "T2"),
                ("continue", ""),
            ]
