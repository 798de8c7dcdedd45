"""docs/contract.md §4 pace and status (first rule that applies, at its boundaries), and the §5 JSON of
`status` and `explain`."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from pqp_cli import api
from pqp_cli.cli.app import app
from pqp_cli.figures.progress import evaluate, pace, status_of
from pqp_cli.read.plan import Plan, read_plan

D = dt.date.fromisoformat
runner = CliRunner()


@pytest.fixture
def plan(ws) -> Plan:
    """2021-01-01..2025-12-31 (1826 days), at_risk_ratio 0.8 by default."""
    ws.write("- {id: T1, metric: experts, target: 10}")
    found, problems = read_plan(ws.targets)
    assert found is not None and problems == []
    return found


# --- pace -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "f"),
    [
        ("2020-06-30", 0.0),  # before S: clamped
        ("2020-12-31", 0.0),
        ("2021-01-01", 1 / 1826),  # both ends' days count
        ("2021-12-31", 365 / 1826),
        ("2024-06-30", 1277 / 1826),
        ("2025-12-31", 1.0),
        ("2026-06-30", 1.0),  # after E: clamped
    ],
)
def test_pace(plan: Plan, at: str, f: float) -> None:
    assert pace(plan, D(at)) == pytest.approx(f, abs=1e-12)


def test_expected_is_target_times_pace(ws) -> None:
    ws.write("- {id: T1, metric: trained_establishments, target: 400}")
    project = ws.load()
    [first_day] = evaluate(project.plan, project.dataset, D("2021-01-01"))
    [mid] = evaluate(project.plan, project.dataset, D("2024-06-30"))
    assert first_day.expected == pytest.approx(400 / 1826)
    assert mid.expected == pytest.approx(400 * 1277 / 1826)  # 279.7


# --- status_of: the first rule that applies ---------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected", "as_of", "status"),
    [
        # as_of < S → not_started, whatever the value
        (None, 0, "2020-12-31", "not_started"),
        (10, 0, "2020-12-31", "not_started"),
        # value null → no_data, even after the period
        (None, 1, "2021-01-01", "no_data"),
        (None, 10, "2026-01-01", "no_data"),
        # value ≥ target → met, exactly equal too, after the period too
        (10, 5, "2023-01-01", "met"),
        (11, 5, "2023-01-01", "met"),
        (10, 10, "2026-01-01", "met"),
        # as_of > E and below target → missed; on E itself the pace rules still apply
        (9.9, 10, "2026-01-01", "missed"),
        (0, 10, "2026-01-01", "missed"),
        (9, 10, "2025-12-31", "at_risk"),
        # value ≥ expected → on_track
        (5, 5, "2023-01-01", "on_track"),
        (5.1, 5, "2023-01-01", "on_track"),
        (0, 0, "2021-01-01", "on_track"),
        # value ≥ 0.8 × expected → at_risk; just below → behind
        (4, 5, "2023-01-01", "at_risk"),
        (3.99, 5, "2023-01-01", "behind"),
        (0, 5, "2023-01-01", "behind"),
    ],
)
def test_status_rules(plan: Plan, value, expected, as_of: str, status: str) -> None:
    assert status_of(value, 10, expected, 0.8, D(as_of), plan) == status


def test_status_ratio_boundary_is_at_risk(plan: Plan) -> None:
    assert status_of(150, 400, 200, 0.75, D("2023-01-01"), plan) == "at_risk"
    assert status_of(149.9, 400, 200, 0.75, D("2023-01-01"), plan) == "behind"


def test_status_ratio_boundary_is_exact(plan: Plan) -> None:
    assert status_of(55, 400, 100, 0.55, D("2023-01-01"), plan) == "at_risk"


def test_value_equal_to_expected_is_on_track_on_the_real_period(ws) -> None:
    ws.write(
        "- {id: T5b, metric: experts, target: 83}",
        experts="".join(
            f"- {{id: X{i}, name: Chuyên gia {i}, qualified_on: 2021-06-01}}\n" for i in range(25)
        ),
    )
    project = ws.load()
    [ts] = evaluate(project.plan, project.dataset, D("2022-07-04"))  # day 550 of 1826
    assert (ts.value, round(ts.expected, 9), ts.status) == (25, 25, "on_track")


@pytest.mark.parametrize(
    ("ratio", "qualified", "status"),
    [
        ("", 5, "on_track"),  # expected 5.0 on day 5 of 10
        ("", 4, "at_risk"),  # 4 = 0.8 × 5 (the default ratio)
        ("", 3, "behind"),
        ("at_risk_ratio: 0.9, ", 4, "behind"),  # 4 < 0.9 × 5
        ("at_risk_ratio: 0.6, ", 3, "at_risk"),  # 3 = 0.6 × 5
    ],
)
def test_at_risk_ratio_from_targets_yaml(ws, ratio: str, qualified: int, status: str) -> None:
    experts = "".join(
        f"- {{id: X{i}, name: Chuyên gia {i}, qualified_on: 2021-01-0{i}}}\n"
        for i in range(1, qualified + 1)
    )
    ws.write(
        "- {id: T5b, metric: experts, target: 10}",
        plan=f"plan: {{id: p, {ratio}period: {{start: 2021-01-01, end: 2021-01-10}}}}\n",
        experts=experts,
    )
    project = ws.load(today=D("2021-01-05"))
    [ts] = evaluate(project.plan, project.dataset, D("2021-01-05"))
    assert (ts.value, ts.expected, ts.status) == (qualified, 5.0, status)


def test_before_the_period_nothing_counts_and_not_started(ws) -> None:
    ws.write(
        "- {id: T5b, metric: experts, target: 10}",
        experts="- {id: X1, name: Lê Văn An, qualified_on: 2019-01-01}",
    )
    project = ws.load()
    [ts] = evaluate(project.plan, project.dataset, D("2020-12-31"))
    assert (ts.expected, ts.status) == (0, "not_started")


# --- status --format json (docs/contract.md §5) -----------------------------------------------------------

JSON_TARGETS = """
- {id: T1, title: {vi: Cơ sở được tập huấn, en: Establishments trained}, metric: trained_establishments, target: 400}
- {id: T3, title: {vi: Áp dụng tiêu chuẩn, en: Applying standards}, metric: standards_coverage, target_percent: 100}
"""
JSON_ENTERPRISES = """
- {id: A, name: Công ty Alpha, type: enterprise, key_product: true}
- {id: B, name: HTX Bình Minh, type: cooperative, key_product: true}
- {id: C, name: Hộ kinh doanh Cường, type: household, key_product: true}
"""
JSON_TRAININGS = """
- {id: TR1, title: ISO, date: 2022-03-01, topics: [standards], participants: [A, B, C]}
"""
JSON_CERTS = """
- {id: C1, enterprise: A, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2022-01-01}
"""


def _status_cli(ws, as_of: str, *extra: str) -> dict:
    result = runner.invoke(app, ws.args("status", "--as-of", as_of, "--format", "json", *extra))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_status_json_has_exactly_the_spec_keys(ws) -> None:
    ws.write(
        JSON_TARGETS,
        enterprises=JSON_ENTERPRISES,
        trainings=JSON_TRAININGS,
        certifications=JSON_CERTS,
    )
    doc = _status_cli(ws, "2024-06-30")
    assert list(doc) == ["plan", "as_of", "evaluated_at", "targets", "problems"]
    assert doc["plan"] == {
        "id": "test-plan",
        "period": {"start": "2021-01-01", "end": "2025-12-31"},
    }
    assert (doc["as_of"], doc["evaluated_at"]) == ("2024-06-30", "2024-06-30")
    t1, t3 = doc["targets"]
    assert t1 == {
        "id": "T1",
        "title": "Establishments trained",
        "metric": "trained_establishments",
        "kind": "count",
        "value": 3,
        "target": 400,
        "progress_percent": 0.8,  # 0.75
        "expected": 279.7,  # 400 × 1277/1826
        "status": "behind",
    }
    assert t3 == {
        "id": "T3",
        "title": "Applying standards",
        "metric": "standards_coverage",
        "kind": "percent",
        "value": 33.3,
        "target": 100,
        "numerator": 1,
        "denominator": 3,
        "progress_percent": 33.3,
        "expected": 69.9,
        "status": "behind",
    }
    assert type(t1["value"]) is int and type(t1["target"]) is int
    assert doc["problems"] == {
        "errors": 0,
        "warnings": 0,
        "files_left_out": 0,
        "records_left_out": 0,
    }


def test_status_json_after_the_period_and_in_vietnamese(ws) -> None:
    ws.write(JSON_TARGETS, enterprises=JSON_ENTERPRISES, certifications=JSON_CERTS)
    doc = _status_cli(ws, "2026-02-01", "--lang", "vi")
    assert (doc["as_of"], doc["evaluated_at"]) == ("2026-02-01", "2025-12-31")
    assert [(t["title"], t["value"], t["expected"], t["status"]) for t in doc["targets"]] == [
        ("Cơ sở được tập huấn", 0, 400, "missed"),
        ("Áp dụng tiêu chuẩn", 33.3, 100, "missed"),
    ]


def test_status_json_no_data_is_null(ws) -> None:
    ws.write(JSON_TARGETS, enterprises="- {id: A, name: Công ty Alpha, type: enterprise}")
    [_, t3] = _status_cli(ws, "2024-06-30")["targets"]
    assert (t3["value"], t3["numerator"], t3["denominator"], t3["progress_percent"]) == (
        None,
        0,
        0,
        None,
    )
    assert t3["status"] == "no_data"


def test_status_json_counts_problems(ws) -> None:
    ws.write(
        JSON_TARGETS,
        enterprises=JSON_ENTERPRISES + "- {id: D, name: Thiếu loại hình}\n",
        trainings=JSON_TRAININGS + "- {id: TR2, title: x, date: 2020-06-01, topics: [standards]}\n",
    )
    ws.file("certifications.yaml", "- id: [unclosed\n")
    doc = _status_cli(ws, "2024-06-30")
    assert doc["problems"] == {
        "errors": 2,
        "warnings": 1,
        "files_left_out": 1,
        "records_left_out": 1,
    }
    assert doc["targets"][0]["value"] == 3


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_status_cli_json_equals_the_library(ws, lang: str) -> None:
    ws.write(
        JSON_TARGETS,
        enterprises=JSON_ENTERPRISES,
        trainings=JSON_TRAININGS,
        certifications=JSON_CERTS,
    )
    project = ws.load()
    library = api.status(project, as_of=D("2023-09-15"), lang=lang).to_json()
    assert _status_cli(ws, "2023-09-15", "--lang", lang) == library


# --- explain ----------------------------------------------------------------------------------

EXPLAIN_TARGETS = """
- {id: T2, metric: supported_enterprises, target: 150}
- {id: T3, metric: standards_coverage, target_percent: 100}
- {id: T4, metric: pilot_models, target: 6, params: {require_categories: [management_system, product_standard]}}
"""
EXPLAIN_ENTERPRISES = """
- {id: A, name: Công ty Alpha, type: enterprise, locality: Thọ Xuân, key_product: true, pilot_model: true}
- {id: B, name: HTX Bình Minh, type: cooperative, key_product: true, pilot_model: true}
"""
EXPLAIN_CERTS = """
- {id: C1, enterprise: A, category: management_system, scheme: ISO 9001, achieved_on: 2022-01-01}
- {id: C2, enterprise: A, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2022-01-01}
- {id: C3, enterprise: A, category: improvement_tool, scheme: 5S, achieved_on: 2022-01-01}
- {id: C4, enterprise: B, category: management_system, scheme: VietGAP, achieved_on: 2022-01-01}
"""


def _explain(ws, target: str, lang: str = "en") -> dict:
    ws.write(EXPLAIN_TARGETS, enterprises=EXPLAIN_ENTERPRISES, certifications=EXPLAIN_CERTS)
    project = ws.load()
    return api.explain(project, target=target, as_of=D("2024-06-30"), lang=lang).to_json()


def test_explain_counted_with_their_record_ids(ws) -> None:
    doc = _explain(ws, "T2")
    assert (doc["value"], doc["subjects"]) == (2, "enterprises")
    assert doc["counted"] == [
        {"id": "A", "name": "Công ty Alpha", "locality": "Thọ Xuân", "records": ["C1", "C3"]},
        {"id": "B", "name": "HTX Bình Minh", "locality": None, "records": ["C4"]},
    ]
    assert "not_counted" not in doc


def test_explain_coverage_not_counted_and_what_they_lack(ws) -> None:
    doc = _explain(ws, "T3")
    assert [(s["id"], s["records"]) for s in doc["counted"]] == [("A", ["C2"])]
    assert [(s["id"], s["lacks"]) for s in doc["not_counted"]] == [("B", ["product_standard"])]


def test_explain_pilot_not_counted_and_what_they_lack_in_vietnamese(ws) -> None:
    doc = _explain(ws, "T4", "vi")
    assert [(s["id"], s["records"]) for s in doc["counted"]] == [("A", ["C1", "C2"])]
    assert [(s["id"], s["lacks"], s["lacks_labels"]) for s in doc["not_counted"]] == [
        ("B", ["product_standard"], ["Tiêu chuẩn sản phẩm"])
    ]


def test_explain_cli_json_equals_the_library(ws) -> None:
    doc = _explain(ws, "T4")
    result = runner.invoke(
        app, ws.args("explain", "T4", "--as-of", "2024-06-30", "--format", "json")
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == doc


def test_explain_unknown_target_is_a_usage_error(ws) -> None:
    ws.write(EXPLAIN_TARGETS, enterprises=EXPLAIN_ENTERPRISES)
    result = runner.invoke(app, ws.args("explain", "T9", "--as-of", "2024-06-30"))
    assert result.exit_code == 2
    assert result.stderr == "pqp: error: unknown target 'T9'; the targets are: T2, T3, T4\n"
    assert result.stdout == ""
