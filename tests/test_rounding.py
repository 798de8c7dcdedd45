"""One rounding for every figure, everywhere: one decimal, halves up (6.25 → 6.3, never the
banker's 6.2), in the status row, by year, by locality, the projection, the chart series and
every format a user reads (json, csv, table, markdown, html, xlsx)."""

from __future__ import annotations

import datetime as dt
import json
import re
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from pqp_cli import api
from pqp_cli.cli.app import app
from pqp_cli.figures.progress import round1


@pytest.mark.parametrize(
    ("x", "shown"),
    [
        (1.25, 1.3),
        (6.25, 6.3),
        (31.25, 31.3),
        (0.05, 0.1),
        (62.5, 62.5),
        (2.675, 2.7),
        (-1.25, -1.3),
        (-0.25, -0.3),
        (0, 0.0),  # a fall (diff, in-year change) rounds like a rise, away from zero
        (Fraction(100, 3), 33.3),
        (Fraction(200, 3), 66.7),
        (Fraction(100, 16), 6.3),
        (Fraction(500, 8), 62.5),
        (Fraction(1, 20), 0.1),
        (7, 7.0),
    ],
)
def test_round1_one_decimal_halves_up(x: float | Fraction, shown: float) -> None:
    assert round1(x) == shown


def test_round1_of_none_is_none() -> None:
    assert round1(None) is None


def _covered(ws, covered: int, population: int) -> None:  # type: ignore[no-untyped-def]
    """`covered` of `population` key-product producers in one locality with a product standard."""
    ws.write(
        "- {id: T3, metric: standards_coverage, target_percent: 100}",
        enterprises="\n".join(
            f"- {{id: E{i}, name: Cơ sở {i}, type: enterprise, key_product: true, locality: Xã An}}"
            for i in range(population)
        ),
        certifications="\n".join(
            f"- {{id: S{i}, enterprise: E{i}, category: product_standard, scheme: TCVN 7046:2019,"
            " achieved_on: 2022-05-01}"
            for i in range(covered)
        ),
    )


#: covered, population, the figure shown (one decimal, halves up), the banker's figure (wrong).
CASES = [
    (1, 3, "33.3", None),
    (2, 3, "66.7", None),
    (1, 16, "6.3", "6.2"),
    (5, 16, "31.3", "31.2"),
    (5, 8, "62.5", None),
]
#: After the period: R is its last day, the pace is 1, so value = progress = projection.
AFTER = "2026-01-15"


def _run(ws, *args: str) -> str:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ws.args(*args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(("covered", "population", "shown", "wrong"), CASES)
def test_status_json_rounds_every_figure_alike(
    ws, covered: int, population: int, shown: str, wrong: str | None
) -> None:
    _covered(ws, covered, population)
    out = _run(
        ws, "status", "--format", "json", "--as-of", AFTER, "--by", "year", "--by", "locality",
        "--projection",
    )  # fmt: skip
    [row] = json.loads(out)["targets"]
    x = float(shown)
    assert (row["value"], row["progress_percent"], row["projected_end_value"]) == (x, x, x)
    assert row["by_year"]["2025"]["value"] == x
    assert row["by_locality"]["Xã An"]["value"] == x


@pytest.mark.parametrize(("covered", "population", "shown", "wrong"), CASES)
@pytest.mark.parametrize("fmt", ["table", "csv", "markdown"])
def test_status_text_formats_show_the_half_up_figure(
    ws, covered: int, population: int, shown: str, wrong: str | None, fmt: str
) -> None:
    _covered(ws, covered, population)
    out = _run(
        ws, "status", "--format", fmt, "--as-of", AFTER, "--by", "year", "--by", "locality",
        "--projection",
    )  # fmt: skip
    assert shown in out
    if wrong is not None:
        assert wrong not in out


@pytest.mark.parametrize(("covered", "population", "shown", "wrong"), CASES)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_report_text_formats_show_the_half_up_figure(
    ws, tmp_path: Path, covered: int, population: int, shown: str, wrong: str | None, fmt: str
) -> None:
    _covered(ws, covered, population)
    out = tmp_path / f"report.{fmt}"
    _run(ws, "report", "--format", fmt, "--as-of", AFTER, "-o", str(out))
    text = re.sub(r"<[^>]*>", " ", out.read_text(encoding="utf-8"))  # the words, not SVG's x, y
    assert shown in text
    if wrong is not None:
        assert wrong not in text


@pytest.mark.parametrize(("covered", "population", "shown", "wrong"), CASES)
def test_report_xlsx_cells_hold_the_half_up_figure(
    ws, tmp_path: Path, covered: int, population: int, shown: str, wrong: str | None
) -> None:
    _covered(ws, covered, population)
    out = tmp_path / "report.xlsx"
    _run(ws, "report", "--format", "xlsx", "--as-of", AFTER, "-o", str(out))
    numbers = {
        cell
        for sheet in load_workbook(out).worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, float)
    }
    assert float(shown) in numbers
    if wrong is not None:
        assert float(wrong) not in numbers


def test_expected_on_a_half_is_rounded_up_in_the_chart_series(ws) -> None:
    # A 4-day plan, target 1: on day 1 the straight line stands at 0.25 → 0.3 (not 0.2).
    ws.write(
        "- {id: T1, metric: trained_establishments, target: 1}",
        plan="plan: {id: p, period: {start: 2021-01-01, end: 2021-01-04}}\n",
        enterprises="- {id: A, name: Cơ sở A, type: other}",
    )
    report = api.report(ws.load(), as_of=dt.date(2021, 1, 1))
    [row] = report.status.targets
    assert row.expected == 0.3
    assert [p.expected for p in report.series["T1"]] == [0.3]


@pytest.mark.parametrize(("covered", "population", "shown", "wrong"), CASES)
def test_explain_shows_the_half_up_figure(
    ws, covered: int, population: int, shown: str, wrong: str | None
) -> None:
    _covered(ws, covered, population)
    first = _run(ws, "explain", "T3", "--as-of", AFTER).splitlines()[0]
    assert f"{shown}% ({covered}/{population})" in first


def test_a_district_share_rounds_halves_up_as_every_other_figure():
    """1 of 16 establishments is 6.25 %: the district and commune groups show 6.3, as the
    locality groups and the target's own figure do, never Python's round-half-even 6.2."""
    from types import SimpleNamespace

    from pqp_cli.figures.placegroups import by_level
    from pqp_cli.figures.timeline import by_locality

    ids = [f"E{i}" for i in range(16)]
    result = SimpleNamespace(subjects="enterprises", counted=ids[:1], missing=ids[1:])
    target = SimpleNamespace(kind="percent")
    dataset = SimpleNamespace(
        enterprises={eid: SimpleNamespace(locality="Xã A") for eid in ids}, locality_of=None
    )
    ts = SimpleNamespace(result=result, target=target)
    by_district = by_level(ts, dataset, None, "district").groups  # type: ignore[arg-type]
    assert [share.value for share in by_district.values()] == [6.3]
    by_place = by_locality(target, result, dataset).groups  # type: ignore[arg-type]
    assert [share.value for share in by_place.values()] == [6.3]
