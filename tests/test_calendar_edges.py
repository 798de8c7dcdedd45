"""A plan reaching the calendar's last day: projections past 9999-12-31 say so, never crash."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pqp_cli.cli.app import app

PLAN = "plan: {id: p, title: P, period: {start: 9990-01-01, end: 9999-12-31}}\n"


@pytest.fixture
def four_of_ten(ws):
    """Four experts of ten six years into a ten-year period ending 9999-12-31: at that pace the
    tenth comes in year 10005, inside the two-period horizon but past the calendar."""
    experts = "".join(
        f"- {{id: X{i}, name: Người {i}, qualified_on: 2020-01-{i + 1:02d}}}\n" for i in range(4)
    )
    return ws.write(
        "- {id: T1, title: Experts, metric: experts, target: 10}", plan=PLAN, experts=experts
    )


def _run(ws, *args: str):
    return CliRunner().invoke(app, ws.args(*args))


def test_a_projection_past_the_calendar_says_so_in_json_and_table(four_of_ten) -> None:
    result = _run(
        four_of_ten, "status", "--as-of", "9995-12-31", "--projection", "--format", "json"
    )
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.stdout)["targets"]
    assert (row["projected_met_on"], row["projected_beyond_calendar"]) == (None, True)
    table = _run(four_of_ten, "status", "--as-of", "9995-12-31", "--projection")
    assert table.exit_code == 0 and "> 9999-12-31" in table.stdout


def test_a_projection_inside_the_calendar_has_no_beyond_key(four_of_ten) -> None:
    result = _run(
        four_of_ten, "status", "--as-of", "9991-12-31", "--projection", "--format", "json"
    )
    [row] = json.loads(result.stdout)["targets"]
    assert "projected_beyond_calendar" not in row


@pytest.mark.parametrize("suffix", ["html", "md", "xlsx", "docx"])
def test_every_report_at_the_calendar_s_edge_is_written(four_of_ten, tmp_path, suffix) -> None:
    for as_of in ("9995-12-31", "9999-12-31"):
        out = tmp_path / f"r-{as_of}.{suffix}"
        result = _run(four_of_ten, "report", "--as-of", as_of, "-o", str(out))
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0


@pytest.mark.parametrize(
    ("target", "met_on", "beyond"),
    [(31, "9999-12-31", None), (32, None, True)],
    ids=["on-the-last-day", "one-day-past"],
)
def test_a_projection_at_the_calendar_s_last_day(ws, target, met_on, beyond) -> None:
    """16 experts after 16 of the period's 31 days: the line reaches 31 on day 31
    (9999-12-31, a date that can be written) and 32 on day 32 (10000-01-01, which cannot)."""
    experts = "".join(
        f"- {{id: X{i}, name: Người {i}, qualified_on: 2020-01-01}}\n" for i in range(16)
    )
    plan = "plan: {id: p, title: P, period: {start: 9999-12-01, end: 9999-12-31}}\n"
    ws.write(
        f"- {{id: T1, title: Experts, metric: experts, target: {target}}}",
        plan=plan,
        experts=experts,
    )
    result = _run(ws, "status", "--as-of", "9999-12-16", "--projection", "--format", "json")
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.stdout)["targets"]
    assert (row["projected_met_on"], row.get("projected_beyond_calendar")) == (met_on, beyond)
