"""Round 20: the Word year table's vertical merges written in XML (`data_table(merged=...)`)
under hostile text and shapes: the same XML as python-docx's own cell merge, and a report that
opens, shows each code once beside its two rows, and converts with LibreOffice."""

from __future__ import annotations

import itertools
import random
import shutil
import subprocess
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
    for _ in range(6):
        rows = [[pick.choice(TEXTS) for _ in range(4)] for _ in range(count)]
        heads, widths = ["id", "title", "kind", "n"], [1.2, 3.4, 2.4, 2.0]
        mine = data_table(docx.Document(), heads, rows, widths, numeric=(3,), merged=(0, 1))
        theirs = data_table(docx.Document(), heads, rows, widths, numeric=(3,))
        merged_by_python_docx(theirs, (0, 1))
        assert xml(mine) == xml(theirs)
