"""Targets over time and place: the value at each 31 December, the value by locality, and a
straight-line projection to the period's end (method: docs/report.md)."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from pqp_cli.core.text import fold
from pqp_cli.figures.documents import (
    Breakdown,
    ChartPoint,
    Figure,
    Projected,
    Share,
    StatusDoc,
    YearEntry,
)
from pqp_cli.figures.metrics import MetricResult
from pqp_cli.figures.progress import (
    TargetStatus,
    evaluation_date,
    exact,
    measure,
    pace,
    pace_fraction,
    round1,
)
from pqp_cli.read.loading import Dataset
from pqp_cli.read.plan import Plan, Target

#: The group of establishments that record no locality (JSON key; renderers translate it).
NO_LOCALITY = "(none)"
#: A projected date further than this many plan periods from the start is not told (null).
HORIZON_PERIODS = 2


# --- by year ------------------------------------------------------------------------------------


def year_points(plan: Plan, as_of: dt.date) -> list[dt.date]:
    """Each 31 December inside the period up to R = min(as_of, end), then R itself when R is
    not a 31 December. Nothing before the period starts."""
    if as_of < plan.start:
        return []
    at = evaluation_date(plan, as_of)
    points = [dt.date(y, 12, 31) for y in range(plan.start.year, at.year + 1)]
    points = [d for d in points if plan.start <= d <= at]
    if not points or points[-1] != at:
        points.append(at)
    return points


def point_key(day: dt.date) -> str:
    """`2023` for 31 December 2023, the ISO date for any other day (the as-of date)."""
    return str(day.year) if (day.month, day.day) == (12, 31) else day.isoformat()


def json_value(target: Target, value: float | None) -> Figure:
    """A value as `status --format json` shows it: counts whole, percentages to 1 decimal."""
    if value is None:
        return None
    return int(value) if target.kind == "count" else round1(value)


def by_year(plan: Plan, target: Target, dataset: Dataset, as_of: dt.date) -> dict[str, Figure]:
    """`{"2021": v, "2022": v, ..., "2024-06-30": v}`: the value at each point of `year_points`."""
    return {
        point_key(day): json_value(target, measure(plan, target, dataset, day).value)
        for day in year_points(plan, as_of)
    }


def series(plan: Plan, target: Target, dataset: Dataset, as_of: dt.date) -> list[ChartPoint]:
    """The period's first day, then the points of `by_year`, each with its date, value, the
    straight line's value there and the increase within its year: what a chart draws."""
    days = year_points(plan, as_of)
    if days and days[0] != plan.start:
        days.insert(0, plan.start)
    points = [
        ChartPoint(
            date=day.isoformat(),
            key=point_key(day),
            value=json_value(target, measure(plan, target, dataset, day).value),
            expected=round1(exact(target.goal) * pace_fraction(plan, day)),
            in_year=None,
        )
        for day in days
    ]
    return series_in_year(points, plan.start)


# --- by locality --------------------------------------------------------------------------------


def locality_of(dataset: Dataset, enterprise_id: str) -> str:
    """The locality recorded on the establishment (old district or new commune, as written)."""
    ent = dataset.enterprises.get(enterprise_id)
    return (ent.locality if ent is not None else None) or NO_LOCALITY


def locality_order(names: Iterable[str]) -> list[str]:
    """Alphabetical ignoring case and diacritics, `(none)` last."""
    return sorted(set(names), key=lambda n: (n == NO_LOCALITY, fold(n), n))


def by_locality(target: Target, result: MetricResult, dataset: Dataset) -> Breakdown:
    """Count targets: the number counted in each locality. Percent targets: a `Share` of the
    population there. No groups when the subjects are experts or units (no locality)."""
    if result.subjects != "enterprises":
        return Breakdown(groups=None)
    counted = Counter(locality_of(dataset, eid) for eid in result.counted)
    groups: dict[str, int | Share]
    if target.kind == "count":
        groups = {name: counted[name] for name in locality_order(counted)}
        return Breakdown(groups=groups)
    population = Counter(locality_of(dataset, eid) for eid in [*result.counted, *result.missing])
    groups = {
        name: Share(
            value=round1(Fraction(100 * counted[name], population[name])),
            numerator=counted[name],
            denominator=population[name],
        )
        for name in locality_order(population)
    }
    return Breakdown(groups=groups)


# --- projection ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Projection:
    end_value: float | None
    met_on: dt.date | None
    #: The pace so far would meet the target only after 9999-12-31, the calendar's last day.
    beyond_calendar: bool = False


def first_met_on(plan: Plan, target: Target, dataset: Dataset, at: dt.date) -> dt.date:
    """The day the value reached the target, by bisection over [S, at] (the value at `at` has).
    Exact when the value never falls back; otherwise one of the days it crossed the target."""
    if _reached(plan, target, dataset, plan.start):
        return plan.start
    low, high = plan.start, at  # value(low) < goal <= value(high)
    while (high - low).days > 1:
        mid = low + (high - low) // 2
        if _reached(plan, target, dataset, mid):
            high = mid
        else:
            low = mid
    return high


def _reached(plan: Plan, target: Target, dataset: Dataset, day: dt.date) -> bool:
    value = measure(plan, target, dataset, day).value
    return value is not None and value >= target.goal


def project(plan: Plan, ts: TargetStatus, dataset: Dataset, as_of: dt.date) -> Projection:
    """Straight-line extrapolation of the pace so far (docs/report.md)."""
    value, goal = ts.value, ts.target.goal
    if as_of < plan.start or value is None:
        return Projection(None, None)
    at = evaluation_date(plan, as_of)
    end_value = value / pace(plan, at)
    if ts.target.kind == "percent":
        end_value = min(end_value, 100.0)
    if value >= goal:
        return Projection(end_value, first_met_on(plan, ts.target, dataset, at))
    if as_of > plan.end or value <= 0:
        return Projection(end_value, None)
    elapsed = (at - plan.start).days + 1
    days = math.ceil(goal * elapsed / value)
    if days > HORIZON_PERIODS * ((plan.end - plan.start).days + 1):
        return Projection(end_value, None)
    if days - 1 > (dt.date.max - plan.start).days:
        return Projection(end_value, None, beyond_calendar=True)
    return Projection(end_value, plan.start + dt.timedelta(days=days - 1))


def projected(p: Projection) -> Projected:
    """The projection as the JSON shows it: the end value to one decimal, the date as text."""
    return Projected(
        projected_end_value=round1(p.end_value),
        projected_met_on=None if p.met_on is None else p.met_on.isoformat(),
        projected_beyond_calendar=p.beyond_calendar,
    )


# --- status rows --------------------------------------------------------------------------------


def extend_rows(
    doc: StatusDoc,
    statuses: Sequence[TargetStatus],
    plan: Plan,
    dataset: Dataset,
    as_of: dt.date,
    extras: Iterable[str],
) -> StatusDoc:
    """`doc` with, per target, the extras asked for: `year` adds `by_year` (each point's value
    and increase within its year), `locality` adds `by_locality`, `projection` the projection."""
    wanted = set(extras)
    rows = []
    for row, ts in zip(doc.targets, statuses, strict=True):
        if "year" in wanted:
            row = replace(row, by_year=year_entries(by_year(plan, ts.target, dataset, as_of)))
        if "locality" in wanted:
            row = replace(row, by_locality=by_locality(ts.target, ts.result, dataset))
        if "projection" in wanted:
            row = replace(row, projection=projected(project(plan, ts, dataset, as_of)))
        rows.append(row)
    return replace(doc, targets=rows)


# --- in-year figures ----------------------------------------------------------------------------


def in_year_increases(values: dict[str, Figure]) -> dict[str, Figure]:
    """The increase within each point's year, from the values of `by_year` (already rounded as
    the JSON shows them, so each increase is exactly the difference a reader computes): the
    first point's increase is its value (the plan's line starts from 0 at S), each later one
    its value minus the previous point's; a percentage target's increase is in percentage
    points. None where either value is unknown."""
    out: dict[str, Figure] = {}
    previous: Figure = 0
    for key, value in values.items():
        if value is None or previous is None:
            out[key] = None
        elif isinstance(value, int) and isinstance(previous, int):
            out[key] = value - previous
        else:
            out[key] = round1(value - previous)
        previous = value
    return out


def year_entries(values: dict[str, Figure]) -> dict[str, YearEntry]:
    """`{"2021": 74, "2022": 162}` → `{"2021": (value 74, in_year 74), "2022": (value 162,
    in_year 88)}`: each year's entry gives the cumulative value and the increase within the
    year (docs/report.md)."""
    increases = in_year_increases(values)
    return {key: YearEntry(value=value, in_year=increases[key]) for key, value in values.items()}


def series_in_year(points: list[ChartPoint], start: dt.date) -> list[ChartPoint]:
    """The chart's points each with `in_year` as in `year_entries`; None on the period's first
    day when the chart only starts there (it is not a point of `by_year`)."""
    first = 1 if len(points) > 1 and points[0].key == start.isoformat() else 0
    increases = in_year_increases({p.key: p.value for p in points[first:]})
    return [
        replace(p, in_year=increases[p.key] if i >= first else None) for i, p in enumerate(points)
    ]
