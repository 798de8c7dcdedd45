"""The sample data's figures, pinned by an independent counter (tests/oracle.py) that reads the
YAML itself and counts by docs/contract.md §4's words: every target's value, expected, progress, status and
by-year values at several as-of dates, as `pqp status --format json` prints them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import oracle
import pytest
from conftest import SAMPLE  # this process's copy of data/ and targets.yaml
from typer.testing import CliRunner

from pqp_cli.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
ORACLE = oracle.Lazy(ROOT / "data", ROOT / "targets.yaml")
#: The oracle reads the sample once per process: its two modules share one worker.
pytestmark = pytest.mark.xdist_group("oracle")
FIGURES = ("value", "progress_percent", "expected", "status")


def status(*args: str) -> list[dict[str, object]]:
    runner = CliRunner()
    result = runner.invoke(
        app,
        ["status", "--format", "json", "--data", str(SAMPLE / "data"), "--targets", str(SAMPLE / "targets.yaml"), *args],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows: list[dict[str, object]] = json.loads(result.stdout)["targets"]
    return rows


@pytest.mark.parametrize("as_of", ["2023-12-31", "2024-06-30", "2022-07-15", "2026-01-15"])
def test_sample_figures_equal_the_independent_count(as_of: str) -> None:
    rows = status("--as-of", as_of, "--by", "year")
    day = dt.date.fromisoformat(as_of)
    assert [{k: r[k] for k in ("id", *FIGURES)} for r in rows] == [
        ORACLE.row(t, day) for t in ORACLE.targets
    ]
    assert [r["by_year"] for r in rows] == [
        ORACLE.by_year_with_in_year(t, day) for t in ORACLE.targets
    ]


def test_coverage_numerator_and_denominator_equal_the_independent_count() -> None:
    [t3] = [t for t in ORACLE.targets if t["id"] == "T3"]
    [row] = [r for r in status("--as-of", "2024-06-30") if r["id"] == "T3"]
    assert (row["numerator"], row["denominator"]) == ORACLE.value(t3, dt.date(2024, 6, 30))


def test_the_independent_count_is_not_vacuous() -> None:
    # The pinned figures only mean something if the sample moves: a mix of statuses, and every
    # count target with something counted by mid-2024.
    rows = [ORACLE.row(t, dt.date(2024, 6, 30)) for t in ORACLE.targets]
    assert all(r["value"] for r in rows)
    assert len({r["status"] for r in rows}) >= 3
    assert len(ORACLE.enterprises) >= 300
