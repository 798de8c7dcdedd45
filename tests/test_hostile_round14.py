"""Round 14, a hostile user of the Word report's split tables: a long period's years and a
plan's many targets in tables Word opens (63 columns at most) that a reader can follow (each
year and target once, in order, parts as even as can be, captions that tell the parts apart,
a table's note and its empty sentence said once)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from gitrepo import invoke
from test_hostile_reading import TARGETS, TRAININGS, args, project

from pqp_cli.render.docx_tables import YEARS_A_TABLE, by_years
from pqp_cli.render.docx_text import w
from pqp_cli.render.vnformat import point_label

#: Word opens no table of more than 63 columns.
WORD_COLUMNS = 63


@pytest.mark.parametrize("years", [*range(7, 50), 2021])
def test_a_split_year_table_leaves_no_year_on_its_own(years: int) -> None:
    """37 years were six tables of six and one of a single year (13: five, five, three): the
    parts differ by one year at most, the longer first."""
    heads = ["code", "title", "", *(str(y) for y in range(2000, 2000 + years))]
    sizes = [len(h) - 3 for h, _ in by_years(heads, [heads], fixed=3)]
    assert max(sizes) <= YEARS_A_TABLE and max(sizes) - min(sizes) <= 1, sizes
    assert sizes == sorted(sizes, reverse=True) and sum(sizes) == years


def test_column_parts_keep_the_first_columns_and_every_other_once_in_order() -> None:
    from pqp_cli.render.docx_tables import column_parts

    for count in (0, 1, 6, 7, 61, 62, 200):
        parts = column_parts(2 + count, fixed=2, most=6)
        assert all(p[:2] == [0, 1] and len(p) <= min(8, WORD_COLUMNS) for p in parts)
        assert [c for p in parts for c in p[2:]] == list(range(2, 2 + count))


def _targets(count: int) -> str:
    return TARGETS + "".join(
        f"  - id: X{i}\n    metric: trained_establishments\n    target: {i + 1}\n"
        for i in range(count)
    )


def _word(root: Path, *extra: str) -> tuple[list[str], list[list[str]]]:
    """The report's paragraphs and each table's header row."""
    import docx

    out = root / "r.docx"
    command = args(root, "report", "-o", str(out))
    code, _, err = invoke(*command, "--as-of", "2023-06-30", "--date", "2023-07-01", *extra)
    assert code == 0, err
    document = docx.Document(str(out))
    heads = [  # a date heading's break before its year left out (test_report_docx checks it)
        [cell.text.replace("\u200b", "") for cell in table.rows[0].cells]
        for table in document.tables
    ]
    return [p.text for p in document.paragraphs], heads


def _captions(paragraphs: list[str]) -> list[str]:
    return [p for p in paragraphs if re.match(r"(Bảng|Table) \d+\. ", p)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_plan_with_many_targets_has_its_locality_table_split(tmp_path: Path, lang: str) -> None:
    """Nine targets on establishments: the locality table had a column for each (eleven
    columns of 1 cm; 61 targets and Word would not open the report). In parts of six targets
    at most, each target once and in order, the place column in each, the note once."""
    root = project(tmp_path, {"trainings.yaml": TRAININGS}, _targets(8))
    paragraphs, heads = _word(root, "--lang", lang)
    places = [h for h in heads if h[2:] and all(re.fullmatch(r"T1|X\d", c) for c in h[2:])]
    assert [len(h) for h in places] == [7, 6]
    assert [i for h in places for i in h[2:]] == ["T1", *(f"X{i}" for i in range(8))]
    assert all(h[:2] == places[0][:2] for h in places)
    captions = _captions(paragraphs)
    assert [int(c.split()[1].rstrip(".")) for c in captions] == list(range(1, len(captions) + 1))
    assert len(set(captions[-2:])) == 2 and "T1" in captions[-2] and "X7" in captions[-1]
    first, last = paragraphs.index(captions[-2]), paragraphs.index(captions[-1])
    assert paragraphs[last + 1] not in paragraphs[first:last]  # the note, after the last part


def test_many_targets_and_no_data_say_there_is_no_locality_once(tmp_path: Path) -> None:
    root = project(tmp_path, {}, _targets(8))
    (root / "data" / "enterprises.yaml").unlink()
    paragraphs, heads = _word(root, "--lang", "en")
    assert all(len(h) <= 8 for h in heads)
    empty = [p for p in paragraphs if p == "No establishment with a locality yet."]
    assert len(empty) == 1, empty


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_part_of_a_year_table_names_its_years(tmp_path: Path, lang: str) -> None:
    """Thirteen years, to 30 June of the last: the parts' captions differ (their first and last
    year), every year once and in order; the note under the last part only."""
    targets = TARGETS.replace("2021-01-01, end: 2025-12-31", "2011-01-01, end: 2025-12-31")
    root = project(tmp_path, {"trainings.yaml": TRAININGS}, targets)
    paragraphs, heads = _word(root, "--lang", lang)
    years = [h[3:] for h in heads if len(h) > 3 and h[2] == ""]
    assert [len(y) for y in years] == [5, 4, 4]
    last = "30/06/2023" if lang == "vi" else "30 Jun 2023"
    assert [y for part in years for y in part] == [*(str(y) for y in range(2011, 2023)), last]
    captions = [c for c in _captions(paragraphs) if "2011" in c or "2016" in c or "2020" in c]
    assert len(captions) == 3 and len(set(captions)) == 3, captions
    assert captions[0].endswith(", 2011–2015") and captions[2].endswith(f", 2020–{last}")
    note = paragraphs.index(w("years_note", lang))  # once, after the last part
    assert paragraphs.count(paragraphs[note]) == 1 and note > paragraphs.index(captions[2])


def test_a_status_imports_no_fuzzy_matcher_nor_diff_until_a_name_is_not_found() -> None:
    """`rapidfuzz` and `figures.diff` are imported when used (≈ 15 ms of every start
    otherwise): a status of the sample (every name known) loads neither; a province not
    found still gets its nearest names, the matcher imported then."""
    from conftest import SAMPLE

    code = (
        "import sys\n"
        "from pqp_cli.cli.app import main\n"
        "sys.argv = ['pqp', 'status', '--no-cache', '--as-of', '2023-12-31']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('rapidfuzz', 'pqp_cli.figures.diff') if m in sys.modules))\n"
        "from pqp_cli.core.provinces import nearest_provinces\n"
        "print(nearest_provinces('Thanh Hoá x'), 'rapidfuzz' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=SAMPLE, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-2:] == ["[]", "('Tỉnh Thanh Hóa', 'Tỉnh Khánh Hòa') True"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_years_before_1000_are_in_order(tmp_path: Path, lang: str) -> None:
    """A period from year 1: the columns were sorted as text (1, 10, 11, 2, …, the as-of
    point `0012-06-30` first); they are the years in order, the as-of point last."""
    targets = TARGETS.replace("2021-01-01, end: 2025-12-31", "0001-01-01, end: 0020-12-31")
    root = project(tmp_path, {"trainings.yaml": TRAININGS}, targets)
    out = root / "r.docx"
    command = args(root, "report", "-o", str(out), "--lang", lang)
    code, _, err = invoke(*command, "--as-of", "0012-06-30", "--date", "2023-07-01")
    assert code == 0, err
    import docx

    heads = [
        [cell.text.replace("\u200b", "") for cell in t.rows[0].cells]
        for t in docx.Document(str(out)).tables
    ]
    years = [y for h in heads if len(h) > 3 and h[2] == "" for y in h[3:]]
    last = point_label("0012-06-30", lang)
    assert years == [*(str(y) for y in range(1, 12)), last]


def test_a_report_dated_before_the_period_draws_no_table_without_a_year(tmp_path: Path) -> None:
    """Dated before the plan begins, the year tables have no year: each says so in a sentence
    (the systems-and-tools table was drawn with its two first columns only)."""
    import docx
    from conftest import copy_sample

    root = copy_sample(tmp_path / "project")
    out = root / "r.docx"
    code, _, err = invoke(*args(root, "report", "-o", str(out)), "--as-of", "2020-06-30")
    assert code == 0, err
    document = docx.Document(str(out))
    heads = [  # a date heading's break before its year left out (test_report_docx checks it)
        [cell.text.replace("\u200b", "") for cell in table.rows[0].cells]
        for table in document.tables
    ]
    assert not [h for h in heads if h and h[0] in ("STT", "No.") and len(h) == 2], heads
    texts = [p.text for p in document.paragraphs]
    assert w("e_schemes", "vi") in texts and w("e_years", "vi") in texts
