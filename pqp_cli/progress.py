"""Pace and status of each target at a date (SPEC §4), and the JSON shape of SPEC §5."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pqp_cli.loading import Dataset
from pqp_cli.metrics import METRIC_FUNCTIONS, MetricResult
from pqp_cli.plan import Plan, Target

STATUSES = ("met", "on_track", "at_risk", "behind", "missed", "not_started", "no_data")


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
        if self.value is None:
            return None
        return 100 * self.value / self.target.goal


def evaluation_date(plan: Plan, as_of: dt.date) -> dt.date:
    """R = min(as_of, period end)."""
    return min(as_of, plan.end)


def pace(plan: Plan, at: dt.date) -> float:
    """The share of the period elapsed at `at`, counting both ends' days, clamped to [0, 1]."""
    elapsed = (at - plan.start).days + 1
    whole = (plan.end - plan.start).days + 1
    return min(max(elapsed / whole, 0.0), 1.0)


def status_of(
    value: float | None, goal: float, expected: float, ratio: float, as_of: dt.date, plan: Plan
) -> str:
    """The first rule of SPEC §4 that applies."""
    if as_of < plan.start:
        return "not_started"
    if value is None:
        return "no_data"
    if value >= goal:
        return "met"
    if as_of > plan.end:
        return "missed"
    if value >= expected:
        return "on_track"
    if value >= ratio * expected:
        return "at_risk"
    return "behind"


def measure(plan: Plan, target: Target, dataset: Dataset, at: dt.date) -> MetricResult:
    """The target's metric evaluated at `at`."""
    function = METRIC_FUNCTIONS[target.metric]
    result = function(dataset, target.parsed_params(), plan.start, at)
    if target.kind == "count" and target.metric == "standards_coverage":
        result.value = result.numerator  # a count target on coverage counts the covered
    return result


def evaluate_target(plan: Plan, target: Target, dataset: Dataset, as_of: dt.date) -> TargetStatus:
    at = evaluation_date(plan, as_of)
    result = measure(plan, target, dataset, at)
    expected = target.goal * pace(plan, at)
    status = status_of(result.value, target.goal, expected, plan.info.at_risk_ratio, as_of, plan)
    return TargetStatus(target, result, expected, status)


def evaluate(plan: Plan, dataset: Dataset, as_of: dt.date) -> list[TargetStatus]:
    return [evaluate_target(plan, t, dataset, as_of) for t in plan.targets]


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 1)


def _number(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 1)


def target_json(ts: TargetStatus, lang: str) -> dict[str, Any]:
    t = ts.target
    row: dict[str, Any] = {
        "id": t.id,
        "title": t.label(lang),
        "metric": t.metric,
        "kind": t.kind,
    }
    if t.kind == "count":
        row["value"] = None if ts.value is None else int(ts.value)
    else:
        row["value"] = _round(ts.value)
    row["target"] = _number(t.goal)
    if t.kind == "percent":
        row["numerator"] = ts.result.numerator
        row["denominator"] = ts.result.denominator
    row["progress_percent"] = _round(ts.progress_percent)
    row["expected"] = _round(ts.expected)
    row["status"] = ts.status
    return row


def status_json(
    plan: Plan,
    summary: dict[str, int],
    statuses: list[TargetStatus],
    as_of: dt.date,
    lang: str = "en",
) -> dict[str, Any]:
    """SPEC §5's `status --format json` document; `summary` is `Project.summary()`."""
    return {
        "plan": {
            "id": plan.info.id,
            "period": {"start": plan.start.isoformat(), "end": plan.end.isoformat()},
        },
        "as_of": as_of.isoformat(),
        "evaluated_at": evaluation_date(plan, as_of).isoformat(),
        "targets": [target_json(ts, lang) for ts in statuses],
        "problems": summary,
    }
