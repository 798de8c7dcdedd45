"""The shipped sample data and targets.yaml: zero errors, and a useful mix of statuses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import SAMPLE  # this process's copy of data/ and targets.yaml

from pqp_cli.figures.progress import evaluate
from pqp_cli.load.project import load_project

ROOT = Path(__file__).resolve().parent.parent


def _project():  # type: ignore[no-untyped-def]
    return load_project(SAMPLE / "data", SAMPLE / "targets.yaml", today=dt.date(2026, 11, 25))


def test_sample_data_loads_with_zero_errors() -> None:
    project = _project()
    assert project.plan is not None
    assert [p for p in project.problems if p.is_error] == []
    assert len(project.dataset.enterprises) >= 300  # sized like the real plan


def test_targets_encode_the_thanh_hoa_plan() -> None:
    plan = _project().plan
    assert plan is not None
    assert [(t.id, t.metric, t.goal) for t in plan.targets] == [
        ("T1", "trained_establishments", 400),
        ("T2", "supported_enterprises", 150),
        ("T3", "standards_coverage", 100),
        ("T4", "pilot_models", 6),
        ("T5a", "public_units", 1),
        ("T5b", "experts", 10),
    ]
    assert (plan.start, plan.end) == (dt.date(2021, 1, 1), dt.date(2025, 12, 31))


def test_end_of_2023_shows_met_on_pace_and_behind_targets() -> None:
    project = _project()
    assert project.plan is not None
    statuses = {ts.status for ts in evaluate(project.plan, project.dataset, dt.date(2023, 12, 31))}
    assert "met" in statuses
    assert statuses & {"on_track", "at_risk"}
    assert "behind" in statuses


def test_sample_files_say_they_are_synthetic() -> None:
    for path in sorted((ROOT / "data").rglob("*.yaml")):
        head = path.read_text(encoding="utf-8")[:400].lower()
        assert "synthetic" in head or "mô phỏng" in head, path
