"""Every metric and status rule of docs/contract.md §4 at its edge: the day a record starts or stops
counting, a value exactly at `expected` and at `at_risk_ratio × expected`, non-integer goals,
and two targets on one metric with different params (cold cache, warm cache, no cache)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from pqp_cli.cli.app import app
from pqp_cli.core.settings import Settings
from pqp_cli.figures.progress import TargetStatus, evaluate, status_row
from pqp_cli.figures.timeline import by_locality, by_year, project, series, year_points

D = dt.date.fromisoformat
R = "2024-06-30"


def only(ws, as_of: str = R, *, use_cache: bool = True) -> TargetStatus:  # type: ignore[no-untyped-def]
    from pqp_cli.load.project import load_project

    project_ = load_project(ws.data, ws.targets, settings=Settings(no_cache=not use_cache))
    [ts] = evaluate(project_.plan, project_.dataset, D(as_of))
    return ts


# --- OCOP population: certified on R is in, expiring on R is still in --------------------------

COVERAGE = "- {id: T3, metric: standards_coverage, target_percent: 100}"


@pytest.mark.parametrize(
    ("ocop", "in_population"),
    [
        ("certified_on: 2024-06-30", True),
        ("certified_on: 2024-07-01", False),
        ("certified_on: 2021-06-30, expires_on: 2024-06-30", True),
        ("certified_on: 2021-06-30, expires_on: 2024-06-29", False),
    ],
)
def test_ocop_population_at_its_edges(ws, ocop: str, in_population: bool) -> None:
    ws.write(
        COVERAGE,
        enterprises=f"""
        - {{id: K, name: Cơ sở K, type: enterprise, key_product: true}}
        - {{id: O, name: HTX O, type: cooperative, ocop_products: [{{name: Nem, stars: 3, {ocop}}}]}}
        """,
    )
    ts = only(ws)
    assert (ts.result.numerator, ts.result.denominator) == (0, 2 if in_population else 1)
    assert sorted(ts.result.missing) == (["K", "O"] if in_population else ["K"])


# --- a certification in force: S ≤ achieved ≤ R, expires ≥ R, withdrawn > R --------------------


@pytest.mark.parametrize(
    ("dates", "counts"),
    [
        ("achieved_on: 2021-01-01", True),
        ("achieved_on: 2020-12-31", False),
        ("achieved_on: 2024-06-30", True),
        ("achieved_on: 2024-07-01", False),
        ("achieved_on: 2022-01-01, expires_on: 2024-06-30", True),
        ("achieved_on: 2022-01-01, expires_on: 2024-06-29", False),
        ("achieved_on: 2022-01-01, withdrawn_on: 2024-07-01", True),
        ("achieved_on: 2022-01-01, withdrawn_on: 2024-06-30", False),
        ("achieved_on: 2022-01-01, supported: false", False),
    ],
)
@pytest.mark.parametrize("metric", ["supported_enterprises", "standards_coverage", "pilot_models"])
def test_in_force_at_its_edges_for_every_certification_metric(
    ws, dates: str, counts: bool, metric: str
) -> None:
    category = "product_standard" if metric == "standards_coverage" else "technology"
    scheme = "TCVN 7046:2019" if metric == "standards_coverage" else "Chuyển đổi số"
    params = "{require_categories: [technology]}" if metric == "pilot_models" else "{}"
    ws.write(
        f"- {{id: T, metric: {metric}, target: 10, params: {params}}}",
        enterprises="- {id: A, name: Cơ sở A, type: enterprise, key_product: true, pilot_model: true}",
        certifications=f"- {{id: C, enterprise: A, category: {category}, scheme: {scheme}, {dates}}}",
    )
    ts = only(ws)
    assert (ts.value, ts.result.counted) == ((1, {"A": ["C"]}) if counts else (0, {}))


def test_an_unsupported_certification_counts_when_supported_only_is_false(ws) -> None:
    ws.write(
        "- {id: T, metric: supported_enterprises, target: 10, params: {supported_only: false}}",
        enterprises="- {id: A, name: Cơ sở A, type: enterprise}",
        certifications="- {id: C, enterprise: A, category: technology, scheme: Chuyển đổi số, achieved_on: 2022-01-01, supported: false}",
    )  # fmt: skip
    assert only(ws).value == 1


@pytest.mark.parametrize(
    ("dates", "counts"),
    [
        ("qualified_on: 2024-06-30", True),
        ("qualified_on: 2024-07-01", False),
        ("qualified_on: 2020-01-01", True),  # qualified before the period: still qualified at R
        ("qualified_on: 2022-01-01, revoked_on: 2024-07-01", True),
        ("qualified_on: 2022-01-01, revoked_on: 2024-06-30", False),
    ],
)
@pytest.mark.parametrize("metric", ["experts", "public_units"])
def test_qualified_at_its_edges(ws, dates: str, counts: bool, metric: str) -> None:
    kind = "experts" if metric == "experts" else "units"
    ws.write(
        f"- {{id: T, metric: {metric}, target: 1}}",
        **{kind: f"- {{id: X, name: Trung tâm X, public: true, {dates}}}"}
        if kind == "units"
        else {kind: f"- {{id: X, name: Lê X, {dates}}}"},
    )
    assert only(ws).value == (1 if counts else 0)


def test_a_training_on_r_counts_and_the_day_after_does_not(ws) -> None:
    ws.write(
        "- {id: T1, metric: trained_establishments, target: 10}",
        enterprises="- {id: A, name: Cơ sở A, type: enterprise}\n- {id: B, name: Cơ sở B, type: other}",
        trainings="""
        - {id: TR1, title: x, date: 2024-06-30, topics: [standards], participants: [A]}
        - {id: TR2, title: x, date: 2024-07-01, topics: [standards], participants: [B]}
        """,
    )
    assert only(ws).result.counted == {"A": ["TR1"]}


# --- status at exactly expected and at_risk_ratio × expected -----------------------------------

#: A 10-day plan: on day 5 (2021-01-05) the straight line stands at half the target.
TEN = "plan: {id: ten, period: {start: 2021-01-01, end: 2021-01-10}}\n"


def _experts(ws, goal: str, qualified: int) -> TargetStatus:  # type: ignore[no-untyped-def]
    ws.write(
        f"- {{id: T, metric: experts, target: {goal}}}",
        plan=TEN,
        experts="\n".join(
            f"- {{id: X{i}, name: Lê {i}, qualified_on: 2021-01-01}}" for i in range(qualified)
        ),
    )
    return only(ws, "2021-01-05")


@pytest.mark.parametrize(
    ("qualified", "status"), [(5, "on_track"), (4, "at_risk"), (3, "behind"), (10, "met")]
)
def test_count_target_at_expected_and_at_risk_ratio_times_expected(
    ws, qualified: int, status: str
) -> None:
    # expected = 10 × 5/10 = 5; 0.8 × 5 = 4.
    ts = _experts(ws, "10", qualified)
    assert (ts.expected, ts.status) == (5.0, status)


def _coverage(ws, goal: int, covered: int, population: int, plan: str, as_of: str) -> TargetStatus:  # type: ignore[no-untyped-def]
    ws.write(
        f"- {{id: T, metric: standards_coverage, target_percent: {goal}}}",
        plan=plan,
        enterprises="\n".join(
            f"- {{id: E{i}, name: Cơ sở {i}, type: enterprise, key_product: true}}"
            for i in range(population)
        ),
        certifications="\n".join(
            f"- {{id: S{i}, enterprise: E{i}, category: product_standard, scheme: TCVN 7046:2019,"
            f" achieved_on: 2021-01-01}}"
            for i in range(covered)
        ),
    )
    return only(ws, as_of)


@pytest.mark.parametrize(
    ("covered", "population", "status"),
    [(2, 5, "on_track"), (8, 25, "at_risk"), (7, 25, "behind"), (4, 5, "met")],
)
def test_percent_target_at_expected_and_at_risk_ratio_times_expected(
    ws, covered: int, population: int, status: str
) -> None:
    # target 80 %: expected on day 5 of 10 = 40 %; 2/5 = 40 % on track; 8/25 = 32 % = 0.8 × 40.
    ts = _coverage(ws, 80, covered, population, TEN, "2021-01-05")
    assert (ts.expected, ts.status) == (40.0, status)


def test_percent_status_compares_the_percentage_not_the_count(ws) -> None:
    # 1 of 2 covered: 50 % against a straight line at 100 × 101/201 = 50.25 %: at risk, not on
    # track (a value 1 % too high, or the count 1 compared, would read on track or behind).
    plan = "plan: {id: p, period: {start: 2021-01-01, end: 2021-07-20}}\n"  # 201 days
    ts = _coverage(ws, 100, 1, 2, plan, "2021-04-11")  # day 101
    assert (round(ts.expected, 3), ts.value, ts.status) == (50.249, 50.0, "at_risk")


def test_percent_target_of_a_population_of_one_hundred_and_one(ws) -> None:
    # 100 of 101 covered is 99.0 %: not met, on the last day at risk, after it missed.
    ts = _coverage(ws, 100, 100, 101, TEN, "2021-01-10")
    assert (ts.status, round(ts.progress_percent or 0, 3)) == ("at_risk", 99.01)
    assert only(ws, "2021-01-11").status == "missed"


def test_count_target_on_coverage_counts_the_covered(ws) -> None:
    ws.write(
        "- {id: T, metric: standards_coverage, target: 3}",
        enterprises="\n".join(
            f"- {{id: E{i}, name: Cơ sở {i}, type: enterprise, key_product: true}}" for i in range(4)
        ),
        certifications="- {id: S0, enterprise: E0, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2022-01-01}",
    )  # fmt: skip
    ts = only(ws)
    # 1 counted against 3 × pace(R) ≈ 2.1: behind (the percentage, 25, would read met).
    assert (ts.value, ts.target.kind, ts.status) == (1, "count", "behind")
    assert round(ts.progress_percent or 0, 2) == 33.33  # 1 of 3, not 25 % of 3


def test_a_percentage_equal_to_expected_is_on_track_though_its_float_is_below(ws) -> None:
    # 1 of 9 covered on day 1 of 9: value and expected are both exactly 100/9 %; the float
    # 11.11111111111111 lies below it, so only an exact comparison reads on track.
    plan = "plan: {id: p, period: {start: 2021-01-01, end: 2021-01-09}}\n"
    ts = _coverage(ws, 100, 1, 9, plan, "2021-01-01")
    assert ts.status == "on_track"


# --- non-integer goals ---------------------------------------------------------------------------


@pytest.mark.parametrize(("qualified", "status"), [(2, "missed"), (3, "met")])
def test_a_non_integer_count_goal_is_met_only_when_reached(ws, qualified: int, status: str) -> None:
    ts = _experts(ws, "2.5", qualified)
    assert ts.status == _experts(ws, "2.5", qualified).status
    after = only(ws, "2021-02-01")
    assert after.status == status


def test_a_non_integer_goal_is_shown_as_written(ws) -> None:
    ts = _experts(ws, "2.5", 1)  # expected 1.25 on day 5 of 10; 1 ≥ 0.8 × 1.25
    row = status_row(ts, "en")
    assert (row.target, row.expected, row.progress_percent, row.status) == (
        2.5,
        1.3,
        40.0,
        "at_risk",
    )


def test_an_integer_goal_is_shown_as_an_integer(ws) -> None:
    ts = _experts(ws, "10", 4)
    row = status_row(ts, "en")
    assert (row.target, type(row.target)) == (10, int)


# --- two targets on one metric, different params ------------------------------------------------

TWO = """
- {id: MS, metric: supported_enterprises, target: 10, params: {categories: [management_system]}}
- {id: TE, metric: supported_enterprises, target: 10, params: {categories: [technology]}}
"""
TWO_DATA = {
    "enterprises": "- {id: A, name: Cơ sở A, type: enterprise}\n- {id: B, name: Cơ sở B, type: other}",
    "certifications": """
    - {id: C1, enterprise: A, category: management_system, scheme: ISO 9001, achieved_on: 2022-01-01}
    - {id: C2, enterprise: A, category: technology, scheme: Chuyển đổi số, achieved_on: 2022-01-01}
    - {id: C3, enterprise: B, category: technology, scheme: Chuyển đổi số, achieved_on: 2022-01-01}
    """,
}


@pytest.mark.parametrize("run", ["cold", "warm", "uncached"])
def test_two_targets_on_one_metric_with_different_params_keep_their_own_figures(
    ws, run: str
) -> None:
    ws.write(TWO, **TWO_DATA)
    args = ws.args("status", "--format", "json", "--as-of", R)
    if run == "uncached":
        args.append("--no-cache")
    if run == "warm":
        assert CliRunner().invoke(app, args).exit_code == 0  # fills the cache
        assert (ws.data / ".pqp-cache").exists()
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)["targets"]
    assert [(r["id"], r["value"]) for r in rows] == [("MS", 1), ("TE", 2)]


def test_two_targets_on_one_metric_with_different_params_in_the_library(ws) -> None:
    ws.write(TWO, **TWO_DATA)
    for use_cache in (True, True, False):
        from pqp_cli.load.project import load_project

        p = load_project(ws.data, ws.targets, settings=Settings(no_cache=not use_cache))
        ms, te = evaluate(p.plan, p.dataset, D(R))
        assert (ms.result.counted, te.result.counted) == ({"A": ["C1"]}, {"A": ["C2"], "B": ["C3"]})


# --- timeline edges -----------------------------------------------------------------------------


def test_by_year_and_series_at_the_period_s_edges(ws) -> None:
    ws.write(
        "- {id: T5b, metric: experts, target: 10}",
        experts="""
        - {id: X1, name: Lê An, qualified_on: 2021-01-01}
        - {id: X2, name: Lê Bình, qualified_on: 2021-12-31}
        - {id: X3, name: Lê Cường, qualified_on: 2022-01-01}
        """,
    )
    p = ws.load()
    [target] = p.plan.targets
    assert by_year(p.plan, target, p.dataset, D("2022-01-01")) == {"2021": 2, "2022-01-01": 3}
    assert [(s.key, s.value, s.expected) for s in series(p.plan, target, p.dataset, D("2022-01-01"))] == [
        ("2021-01-01", 1, 0.0),
        ("2021", 2, 2.0),
        ("2022-01-01", 3, 2.0),
    ]  # fmt: skip


def test_by_locality_of_a_count_target_counts_each_locality(ws) -> None:
    ws.write(
        "- {id: T2, metric: supported_enterprises, target: 10}",
        enterprises="""
        - {id: A, name: Cơ sở A, type: enterprise, locality: Bá Thước}
        - {id: B, name: Cơ sở B, type: other, locality: bá thước}
        - {id: C, name: Cơ sở C, type: other, locality: Bá Thước}
        - {id: D, name: Cơ sở D, type: other}
        """,
        certifications="\n".join(
            f"- {{id: C{e}, enterprise: {e}, category: technology, scheme: Chuyển đổi số, achieved_on: 2022-01-01}}"
            for e in "ABCD"
        ),
    )
    p = ws.load()
    [ts] = evaluate(p.plan, p.dataset, D(R))
    assert list(by_locality(ts.target, ts.result, p.dataset).groups.items()) == [  # type: ignore[union-attr]
        ("Bá Thước", 2),
        ("bá thước", 1),
        ("(none)", 1),
    ]


def test_projection_exactly_on_the_horizon_is_told(ws) -> None:
    # 1 of 2 on day 5 of 10: 2 needs 10 days; 1 of 4 needs 20 = twice the period (told); 1 of 5
    # needs 25 (not told).
    for goal, met_on in (("2", "2021-01-10"), ("4", "2021-01-20"), ("5", None)):
        ws.write(
            f"- {{id: T, metric: experts, target: {goal}}}",
            plan=TEN,
            experts="- {id: X0, name: Lê 0, qualified_on: 2021-01-01}",
        )
        p = ws.load()
        [ts] = evaluate(p.plan, p.dataset, D("2021-01-05"))
        told = project(p.plan, ts, p.dataset, D("2021-01-05")).met_on
        assert (goal, told) == (goal, None if met_on is None else D(met_on))


def test_by_year_and_series_on_the_period_s_first_day_and_before_it(ws) -> None:
    ws.write(
        "- {id: T5b, metric: experts, target: 10}",
        experts="- {id: X1, name: Lê An, qualified_on: 2021-01-01}",
    )
    p = ws.load()
    [target] = p.plan.targets
    assert by_year(p.plan, target, p.dataset, D("2021-01-01")) == {"2021-01-01": 1}
    assert [s.key for s in series(p.plan, target, p.dataset, D("2021-01-01"))] == ["2021-01-01"]
    assert series(p.plan, target, p.dataset, D("2020-12-31")) == []


def test_a_period_starting_on_a_31_december_has_that_day_as_its_first_year(ws) -> None:
    ws.write(
        "- {id: T5b, metric: experts, target: 10}",
        plan="plan: {id: p, period: {start: 2020-12-31, end: 2022-12-30}}\n",
        experts="- {id: X1, name: Lê An, qualified_on: 2020-12-31}",
    )
    p = ws.load()
    [target] = p.plan.targets
    assert by_year(p.plan, target, p.dataset, D("2022-12-30")) == {"2020": 1, "2021": 1, "2022-12-30": 1}  # fmt: skip
    assert [s.key for s in series(p.plan, target, p.dataset, D("2021-06-01"))] == ["2020", "2021-06-01"]  # fmt: skip


def _projection(ws, goal: str, experts: int, as_of: str):  # type: ignore[no-untyped-def]
    ws.write(
        f"- {{id: T, metric: experts, target: {goal}}}",
        plan=TEN,
        experts="\n".join(
            f"- {{id: X{i}, name: Lê {i}, qualified_on: 2021-01-03}}" for i in range(experts)
        ),  # fmt: skip
    )
    p = ws.load()
    [ts] = evaluate(p.plan, p.dataset, D(as_of))
    return project(p.plan, ts, p.dataset, D(as_of))


def test_projection_on_the_last_day_not_met_is_told_after_the_end(ws) -> None:
    # 4 of 5 on day 10 of 10: 5 needs ceil(5 × 10 / 4) = 13 days: 2021-01-13, late.
    p = _projection(ws, "5", 4, "2021-01-10")
    assert (p.end_value, p.met_on) == (4.0, D("2021-01-13"))


def test_projection_met_exactly_is_the_day_it_was_met(ws) -> None:
    # 3 of 3 since day 3: met on 2021-01-03, not on the as-of date.
    p = _projection(ws, "3", 3, "2021-01-06")
    assert p.met_on == D("2021-01-03")


def test_projection_on_the_first_day(ws) -> None:
    # Nothing on day 1 (qualified on day 3): told as no progress, not "cannot be told".
    p = _projection(ws, "3", 3, "2021-01-01")
    assert (p.end_value, p.met_on) == (0.0, None)


@pytest.mark.parametrize("day", range(1, 11))
def test_projection_of_a_met_target_finds_the_exact_day_it_was_met(ws, day: int) -> None:
    ws.write(
        "- {id: T, metric: experts, target: 1}",
        plan=TEN,
        experts=f"- {{id: X, name: Lê X, qualified_on: 2021-01-{day:02d}}}",
    )
    p = ws.load()
    [ts] = evaluate(p.plan, p.dataset, D("2021-01-10"))
    assert project(p.plan, ts, p.dataset, D("2021-01-10")).met_on == dt.date(2021, 1, day)


def test_projection_a_day_past_the_horizon_is_not_told(ws) -> None:
    # 1 of 3 on day 7 of 10: 3 needs ceil(3 × 7 / 1) = 21 days, one more than twice the period.
    p = _projection(ws, "3", 1, "2021-01-07")
    assert p.met_on is None


def test_year_points_on_a_31_december_hold_it_once(ws) -> None:
    ws.write("- {id: T5b, metric: experts, target: 10}")
    plan = ws.load().plan
    assert year_points(plan, D("2023-12-31")) == [D("2021-12-31"), D("2022-12-31"), D("2023-12-31")]  # fmt: skip
    assert year_points(plan, D("2021-01-01")) == [D("2021-01-01")]
