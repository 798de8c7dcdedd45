"""By year, by locality and the projection (issue 4; method in docs/report.md), on hand-built data.

Unless a test says otherwise the plan runs 2021-01-01..2025-12-31.
"""

from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from pqp_cli.cli.app import app
from pqp_cli.figures.progress import evaluate
from pqp_cli.figures.timeline import (
    NO_LOCALITY,
    Projection,
    by_locality,
    by_year,
    project,
    year_points,
)

D = dt.date.fromisoformat
runner = CliRunner()

#: Trained: A on 2021-05-10, B on 2022-03-01, C on 2024-02-01.
TRAINED = dict(
    targets="- {id: T1, metric: trained_establishments, target: 4}",
    enterprises="""
    - {id: A, name: Công ty Alpha, type: enterprise, locality: Thọ Xuân}
    - {id: B, name: HTX Bình Minh, type: cooperative, locality: Phường Hạc Thành}
    - {id: C, name: Hộ kinh doanh Cường, type: household}
    """,
    trainings="""
    - {id: TR1, title: ISO, date: 2021-05-10, topics: [standards], participants: [A]}
    - {id: TR2, title: 5S, date: 2022-03-01, topics: [improvement_tools], participants: [B]}
    - {id: TR3, title: Lean, date: 2024-02-01, topics: [improvement_tools], participants: [C]}
    """,
)


def load(ws, **kinds):
    ws.write(kinds.pop("targets"), **kinds)
    project_ = ws.load()
    return project_.plan, project_.dataset


def the_target(ws, **kinds):
    plan, dataset = load(ws, **kinds)
    return plan, plan.targets[0], dataset


# --- by year ------------------------------------------------------------------------------------


def test_by_year_is_the_value_at_each_31_december_then_the_as_of_date(ws) -> None:
    plan, target, dataset = the_target(ws, **TRAINED)
    assert by_year(plan, target, dataset, D("2024-06-30")) == {
        "2021": 1,
        "2022": 2,
        "2023": 2,
        "2024-06-30": 3,
    }


def test_by_year_as_of_a_31_december_has_no_extra_point(ws) -> None:
    plan, target, dataset = the_target(ws, **TRAINED)
    assert list(by_year(plan, target, dataset, D("2023-12-31"))) == ["2021", "2022", "2023"]


def test_by_year_after_the_period_stops_at_its_end(ws) -> None:
    plan, target, dataset = the_target(ws, **TRAINED)
    values = by_year(plan, target, dataset, D("2027-03-01"))
    assert values == {"2021": 1, "2022": 2, "2023": 2, "2024": 3, "2025": 3}


def test_by_year_before_the_period_is_empty_and_inside_the_first_year_one_point(ws) -> None:
    plan, target, dataset = the_target(ws, **TRAINED)
    assert by_year(plan, target, dataset, D("2020-12-31")) == {}
    assert by_year(plan, target, dataset, D("2021-06-01")) == {"2021-06-01": 1}


def test_year_points_of_a_period_not_ending_on_31_december() -> None:
    class Period:
        start, end = D("2021-07-01"), D("2023-06-30")

    assert year_points(Period, D("2030-01-01")) == [
        D("2021-12-31"),
        D("2022-12-31"),
        D("2023-06-30"),
    ]  # type: ignore[arg-type]


def test_by_year_of_in_force_certificates_falls_when_one_expires(ws) -> None:
    plan, target, dataset = the_target(
        ws,
        targets="- {id: T2, metric: supported_enterprises, target: 3}",
        enterprises="- {id: A, name: Công ty Alpha, type: enterprise}",
        certifications="""
        - {id: C1, enterprise: A, category: management_system, scheme: ISO 9001,
           achieved_on: 2021-03-01, expires_on: 2023-06-30}
        """,
    )
    assert by_year(plan, target, dataset, D("2024-06-30")) == {
        "2021": 1,
        "2022": 1,
        "2023": 0,
        "2024-06-30": 0,
    }


COVERAGE = dict(
    targets="- {id: T3, metric: standards_coverage, target_percent: 100}",
    enterprises="""
    - {id: A, name: Công ty Alpha, type: enterprise, key_product: true, locality: Thọ Xuân}
    - {id: B, name: HTX Bình Minh, type: cooperative, key_product: true, locality: Thọ Xuân}
    - {id: C, name: HTX Cẩm Thủy, type: cooperative, key_product: true, locality: Cẩm Thủy}
    - {id: D, name: Hộ Dũng, type: household, key_product: true}
    """,
    certifications="""
    - {id: S1, enterprise: A, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2022-05-01}
    - {id: S2, enterprise: C, category: product_standard, scheme: TCCS 01:2023/HTX, achieved_on: 2023-05-01}
    """,
)


def test_by_year_of_a_percentage_target_is_rounded_to_one_decimal(ws) -> None:
    plan, target, dataset = the_target(ws, **COVERAGE)
    assert by_year(plan, target, dataset, D("2023-12-31")) == {
        "2021": 0.0,
        "2022": 25.0,
        "2023": 50.0,
    }


# --- by locality --------------------------------------------------------------------------------


def test_by_locality_groups_by_the_name_recorded_and_missing_goes_to_none(ws) -> None:
    # A names an old district, B a new commune (after the 2025 merger): each is its own group.
    plan, dataset = load(ws, **TRAINED)
    [ts] = evaluate(plan, dataset, D("2024-06-30"))
    assert by_locality(ts.target, ts.result, dataset).to_json() == {
        "Phường Hạc Thành": 1,
        "Thọ Xuân": 1,
        NO_LOCALITY: 1,
    }


def test_by_locality_of_coverage_has_numerator_and_denominator_per_locality(ws) -> None:
    plan, dataset = load(ws, **COVERAGE)
    [ts] = evaluate(plan, dataset, D("2024-06-30"))
    assert by_locality(ts.target, ts.result, dataset).to_json() == {
        "Cẩm Thủy": {"value": 100.0, "numerator": 1, "denominator": 1},
        "Thọ Xuân": {"value": 50.0, "numerator": 1, "denominator": 2},
        NO_LOCALITY: {"value": 0.0, "numerator": 0, "denominator": 1},
    }


def test_by_locality_of_experts_is_none(ws) -> None:
    plan, dataset = load(
        ws,
        targets="- {id: T5b, metric: experts, target: 10}",
        experts="- {id: X1, name: Nguyễn An, qualified_on: 2022-01-01}",
    )
    [ts] = evaluate(plan, dataset, D("2024-06-30"))
    assert by_locality(ts.target, ts.result, dataset).groups is None


# --- projection ---------------------------------------------------------------------------------

#: A 100-day plan: 2021-02-19 is day 50, half of it.
SHORT = "plan: {id: short, period: {start: 2021-01-01, end: 2021-04-10}}\n"


def projected(ws, participants_by_date: dict[str, str], as_of: str, target: int = 10):
    people = sorted({p for ps in participants_by_date.values() for p in ps.split()})
    ws.write(
        f"- {{id: T1, metric: trained_establishments, target: {target}}}",
        plan=SHORT,
        enterprises="\n".join(f"- {{id: {p}, name: Cơ sở {p}, type: other}}" for p in people),
        trainings="\n".join(
            f"- {{id: TR{i}, title: x, date: {day}, topics: [standards], participants: [{', '.join(ps.split())}]}}"
            for i, (day, ps) in enumerate(participants_by_date.items())
        ),
    )
    p = ws.load()
    [ts] = evaluate(p.plan, p.dataset, D(as_of))
    return project(p.plan, ts, p.dataset, D(as_of))


def test_projection_carries_the_pace_so_far_in_a_straight_line(ws) -> None:
    # 4 of 10 at day 50 of 100: 8 at the end; 10 needs ceil(10 × 50 / 4) = 125 days.
    p = projected(ws, {"2021-01-20": "A B C D"}, "2021-02-19")
    assert p == Projection(8.0, D("2021-05-05"))


def test_projection_on_pace_is_met_on_the_last_day(ws) -> None:
    p = projected(ws, {"2021-01-20": "A B C D E"}, "2021-02-19")
    assert p == Projection(10.0, D("2021-04-10"))


def test_projection_with_no_progress_yet(ws) -> None:
    p = projected(ws, {"2021-03-01": "A"}, "2021-02-19")
    assert p == Projection(0.0, None)


def test_projection_before_the_period_cannot_be_told(ws) -> None:
    assert projected(ws, {"2021-01-20": "A"}, "2020-12-01") == Projection(None, None)


def test_projection_already_met_is_the_day_it_was_met(ws) -> None:
    # The 10th establishment came on 2021-02-03; the end value still extrapolates.
    p = projected(ws, {"2021-01-20": "A B C D E F G H I", "2021-02-03": "J"}, "2021-02-19")
    assert p == Projection(20.0, D("2021-02-03"))


def test_projection_met_on_the_first_day(ws) -> None:
    p = projected(ws, {"2021-01-01": "A B"}, "2021-01-01", target=2)
    assert p == Projection(200.0, D("2021-01-01"))


def test_projection_of_a_plan_already_over_and_missed(ws) -> None:
    p = projected(ws, {"2021-01-20": "A B C"}, "2022-06-01")
    assert p == Projection(3.0, None)


def test_projection_of_a_plan_already_over_and_met(ws) -> None:
    p = projected(ws, {"2021-01-20": "A B C D E F G H I J"}, "2022-06-01")
    assert p == Projection(10.0, D("2021-01-20"))


def test_projection_beyond_twice_the_period_is_not_told(ws) -> None:
    # 2 of 10 at day 50 needs 250 days, more than 2 × 100.
    p = projected(ws, {"2021-01-20": "A B"}, "2021-02-19")
    assert p == Projection(4.0, None)


def test_projection_of_a_percentage_is_capped_at_100(ws) -> None:
    # 1 of 2 producers covered (50%) at 20% of the period: 250% capped to 100%; the date still
    # follows the pace: ceil(100 × 365 / 50) = 730 days.
    plan, dataset = load(
        ws,
        targets="- {id: T3, metric: standards_coverage, target_percent: 100}",
        enterprises="""
        - {id: A, name: Công ty Alpha, type: enterprise, key_product: true}
        - {id: B, name: HTX Bình Minh, type: cooperative, key_product: true}
        """,
        certifications="""
        - {id: S1, enterprise: A, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2021-03-01}
        """,
    )
    [ts] = evaluate(plan, dataset, D("2021-12-31"))
    assert project(plan, ts, dataset, D("2021-12-31")) == Projection(100.0, D("2022-12-31"))


# --- status --by / --projection -----------------------------------------------------------------


def status(ws, *args: str) -> tuple[int, str]:
    result = runner.invoke(
        app, ws.args("status", "--as-of", "2024-06-30", *args), env={"NO_COLOR": "1"}
    )
    return result.exit_code, result.stdout


def test_status_json_by_year_and_by_locality_add_keys_as_the_spec_says(ws) -> None:
    load(ws, **TRAINED)
    code, out = status(ws, "--format", "json", "--by", "year", "--by", "locality")
    [row] = json.loads(out)["targets"]
    assert code == 0
    assert row["by_year"] == {
        "2021": {"value": 1, "in_year": 1},
        "2022": {"value": 2, "in_year": 1},
        "2023": {"value": 2, "in_year": 0},
        "2024-06-30": {"value": 3, "in_year": 1},
    }
    assert row["by_locality"] == {"Phường Hạc Thành": 1, "Thọ Xuân": 1, "(none)": 1}
    assert "projected_end_value" not in row


def test_status_json_projection_only_when_asked(ws) -> None:
    load(ws, **TRAINED)
    _, plain = status(ws, "--format", "json")
    assert "projected_end_value" not in plain and "by_year" not in plain
    _, out = status(ws, "--format", "json", "--projection")
    [row] = json.loads(out)["targets"]
    # 3 at day 1277 of 1826: 3 × 1826 / 1277 = 4.3; 4 needs ceil(4 × 1277 / 3) = 1703 days.
    assert (row["projected_end_value"], row["projected_met_on"]) == (4.3, "2025-08-30")


def test_status_table_by_year_locality_and_projection(ws) -> None:
    load(ws, **TRAINED)
    code, out = status(ws, "--by", "year", "--by", "locality", "--projection")
    assert code == 0
    assert "Projected at end" in out and "2025-08-30" in out
    assert "T1    1 (+1)  2 (+1)  2 (+0)  3 (+1)" in out
    assert "In brackets: the increase within the year" in out
    assert "Phường Hạc Thành" in out and "(none)" in out


def test_status_markdown_in_vietnamese_names_the_no_locality_group(ws) -> None:
    load(ws, **TRAINED)
    _, out = status(ws, "--format", "markdown", "--by", "locality", "--lang", "vi")
    assert "| (không rõ) " in out and "Theo địa bàn" in out


def test_status_csv_spreads_years_and_localities_into_columns(ws) -> None:
    load(ws, **TRAINED)
    _, out = status(ws, "--format", "csv", "--by", "year", "--by", "locality", "--projection")
    head, row = out.splitlines()
    assert head.endswith(
        "status,projected_end_value,projected_met_on,by_year.2021,by_year.2021.in_year,"
        "by_year.2022,by_year.2022.in_year,by_year.2023,by_year.2023.in_year,"
        "by_year.2024-06-30,by_year.2024-06-30.in_year,"
        "by_locality.Phường Hạc Thành,by_locality.Thọ Xuân,by_locality.(none)"
    )
    assert row.endswith("on_track,4.3,2025-08-30,1,1,2,1,2,0,3,1,1,1,1")
