"""Pace and status of each target at a date (docs/contract.md §4), and its status row (§5)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal, get_args

from pqp_cli.figures.documents import ProblemCounts, StatusDoc, StatusRow
from pqp_cli.figures.metrics import METRIC_FUNCTIONS, MetricResult
from pqp_cli.read.loading import Dataset
from pqp_cli.read.plan import Plan, Target

#: The seven statuses `status_of` gives (docs/targets.md states the rule of each).
Status = Literal["met", "on_track", "at_risk", "behind", "missed", "not_started", "no_data"]
STATUSES: tuple[str, ...] = get_args(Status)


@dataclass
class TargetStatus:
    target: Target
    result: MetricResult
    expected: float
    status: str

    @property
    def value(self) -> float | int | None:
        return self.result.value

    @property
    def progress_percent(self) -> float | None:
        """100 × value / target, computed exactly (a percentage from its counts), then a float."""
        value = judged_value(self.target, self.result)
        return None if value is None else float(100 * value / exact(self.target.goal))


def evaluation_date(plan: Plan, as_of: dt.date) -> dt.date:
    """R = min(as_of, period end)."""
    return min(as_of, plan.end)


def pace_fraction(plan: Plan, at: dt.date) -> Fraction:
    """The share of the period elapsed at `at`, counting both ends' days, clamped to [0, 1]."""
    elapsed = (at - plan.start).days + 1
    whole = (plan.end - plan.start).days + 1
    return min(max(Fraction(elapsed, whole), Fraction(0)), Fraction(1))


def pace(plan: Plan, at: dt.date) -> float:
    return float(pace_fraction(plan, at))


def exact(x: float | Fraction) -> Fraction:
    """A number as an exact fraction; a float as the decimal it prints as (0.55 → 11/20)."""
    return (
        x if isinstance(x, Fraction) else Fraction(repr(x)) if isinstance(x, float) else Fraction(x)
    )


def status_of(
    value: float | Fraction | None,
    goal: float,
    expected: float | Fraction,
    ratio: float,
    as_of: dt.date,
    plan: Plan,
) -> Status:
    """The first rule of docs/contract.md §4 that applies, compared exactly (no float rounding at the edges)."""
    if as_of < plan.start:
        return "not_started"
    if value is None:
        return "no_data"
    v = exact(value)
    if v >= exact(goal):
        return "met"
    if as_of > plan.end:
        return "missed"
    if v >= exact(expected):
        return "on_track"
    if v >= exact(ratio) * exact(expected):
        return "at_risk"
    return "behind"


def measure(plan: Plan, target: Target, dataset: Dataset, at: dt.date) -> MetricResult:
    """The target's metric evaluated at `at`."""
    function = METRIC_FUNCTIONS[target.metric]
    result = function(dataset, target.parsed_params(), plan.start, at)
    if target.kind == "count" and target.metric == "standards_coverage":
        result.value = result.numerator  # a count target on coverage counts the covered
    return result


def judged_value(target: Target, result: MetricResult) -> Fraction | None:
    """The value a target is judged by, exactly: a percentage target's from its counts (so
    1 of 9 is 100/9 %, not the float just below it), any other the metric's value."""
    if target.kind == "percent" and result.denominator:
        assert result.numerator is not None  # a metric with a population counts within it
        return Fraction(100 * result.numerator, result.denominator)
    return None if result.value is None else exact(result.value)


def evaluate_target(plan: Plan, target: Target, dataset: Dataset, as_of: dt.date) -> TargetStatus:
    at = evaluation_date(plan, as_of)
    result = measure(plan, target, dataset, at)
    expected = exact(target.goal) * pace_fraction(plan, at)
    value = judged_value(target, result)
    status = status_of(value, target.goal, expected, plan.info.at_risk_ratio, as_of, plan)
    return TargetStatus(target, result, float(expected), status)


def evaluate(plan: Plan, dataset: Dataset, as_of: dt.date) -> list[TargetStatus]:
    return [evaluate_target(plan, t, dataset, as_of) for t in plan.targets]


def round1(x: float | Fraction | None) -> float | None:
    """The one rounding of every figure pqp shows: one decimal, halves away from zero as a
    spreadsheet does (1.25 → 1.3, -1.25 → -1.3), never to even. A float counts as the decimal
    it prints as (2.675 → 2.7); a Fraction is rounded exactly (1/16 of 100 → 6.3)."""
    if x is None:
        return None
    tenths = abs(exact(x)) * 10
    whole = (tenths.numerator * 2 + tenths.denominator) // (tenths.denominator * 2)
    return float(Decimal(whole if x >= 0 else -whole).scaleb(-1))


def _number(x: float) -> float | int:
    return int(x) if float(x).is_integer() else float(round1(x) or 0.0)


def status_row(ts: TargetStatus, lang: str) -> StatusRow:
    """A target's row of docs/contract.md §5: its figures as the JSON shows them (counts whole,
    everything else to one decimal by `round1`), its title in `lang`."""
    t = ts.target
    value = ts.value
    return StatusRow(
        id=t.id,
        title=t.label(lang),
        metric=t.metric,
        kind=t.kind,
        value=(None if value is None else int(value)) if t.kind == "count" else round1(value),
        target=_number(t.goal),
        numerator=ts.result.numerator,
        denominator=ts.result.denominator,
        progress_percent=round1(ts.progress_percent),
        expected=round1(ts.expected),
        status=ts.status,
    )


def status_document(
    plan: Plan, problems: ProblemCounts, statuses: list[TargetStatus], as_of: dt.date, lang: str
) -> StatusDoc:
    """docs/contract.md §5's `status --format json` document, one row per status."""
    return StatusDoc(
        plan_id=plan.info.id,
        start=plan.start.isoformat(),
        end=plan.end.isoformat(),
        as_of=as_of.isoformat(),
        evaluated_at=evaluation_date(plan, as_of).isoformat(),
        targets=[status_row(ts, lang) for ts in statuses],
        problems=problems,
        title=plan.info.title.get(lang) or plan.info.id,
        lang=lang,
    )
