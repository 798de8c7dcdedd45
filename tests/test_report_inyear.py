"""In-year figures (issue 14): the increase within each year beside the cumulative value, from
the values as the JSON shows them; percentage points for a percentage target."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from pqp_cli.figures.documents import ChartPoint, StatusRow, YearEntry
from pqp_cli.figures.timeline import in_year_increases, series_in_year, year_entries


def test_first_year_counts_from_zero_and_later_years_from_the_previous_point() -> None:
    values = {"2021": 74, "2022": 162, "2023": 258, "2024-06-30": 296}
    assert in_year_increases(values) == {"2021": 74, "2022": 88, "2023": 96, "2024-06-30": 38}


def test_an_in_force_count_can_fall_and_the_increase_is_then_negative() -> None:
    assert in_year_increases({"2021": 3, "2022": 1}) == {"2021": 3, "2022": -2}


def test_percentage_points_are_the_difference_of_the_rounded_values_rounded_half_up() -> None:
    # 23.3 − 7.6 is 15.700000000000001 in floating point; 0.25 steps round half up
    assert in_year_increases({"2021": 7.6, "2022": 23.3}) == {"2021": 7.6, "2022": 15.7}
    assert in_year_increases({"2021": 10.0, "2022": 10.25}) == {"2021": 10.0, "2022": 0.3}


def test_an_unknown_value_gives_no_increase_on_either_side() -> None:
    values = {"2021": None, "2022": 50.0, "2023": 60.0}
    assert in_year_increases(values) == {"2021": None, "2022": None, "2023": 10.0}


def test_year_entries_give_each_point_its_value_and_in_year_increase() -> None:
    assert year_entries({"2021": 2, "2022": 5}) == {
        "2021": YearEntry(value=2, in_year=2),
        "2022": YearEntry(value=5, in_year=3),
    }


def test_only_a_row_asked_by_year_has_by_year_in_its_json() -> None:
    row = StatusRow(
        id="T1",
        title="x",
        metric="experts",
        kind="count",
        value=2,
        target=10,
        numerator=None,
        denominator=None,
        progress_percent=20.0,
        expected=5.0,
        status="behind",
    )
    assert "by_year" not in row.to_json()
    by_year = replace(row, by_year=year_entries({"2021": 2})).to_json()["by_year"]
    assert by_year == {"2021": {"value": 2, "in_year": 2}}


def point(date: str, key: str, value: int, expected: float) -> ChartPoint:
    return ChartPoint(date=date, key=key, value=value, expected=expected, in_year=None)


def test_series_start_point_has_no_in_year_figure() -> None:
    points = [
        point("2021-01-01", "2021-01-01", 0, 0.2),
        point("2021-12-31", "2021", 5, 80.0),
        point("2022-06-30", "2022-06-30", 9, 120.0),
    ]
    out = series_in_year(points, dt.date(2021, 1, 1))
    assert [p.in_year for p in out] == [None, 5, 4]
    # when the as-of date is the period's first day there is one point, and it is counted
    one = series_in_year(points[:1], dt.date(2021, 1, 1))
    assert one[0].in_year == 0


def test_a_period_starting_on_31_december_counts_its_first_point() -> None:
    """The first day is then a year-end point of `by_year` (key "2020"), so it is counted."""
    points = [
        point("2020-12-31", "2020", 2, 0.0),
        point("2021-12-31", "2021", 5, 5.0),
        point("2022-06-30", "2022-06-30", 9, 7.5),
    ]
    out = series_in_year(points, dt.date(2020, 12, 31))
    assert [p.in_year for p in out] == [2, 3, 4]


def test_a_chart_of_the_first_day_and_the_as_of_date_counts_only_the_as_of_date() -> None:
    points = [
        point("2021-01-01", "2021-01-01", 0, 0.2),
        point("2021-06-30", "2021-06-30", 3, 40.0),
    ]
    out = series_in_year(points, dt.date(2021, 1, 1))
    assert [p.in_year for p in out] == [None, 3]
