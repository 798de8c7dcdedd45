"""docs/contract.md §4 metrics, one rule a test: who counts at R, and by which records.

Unless a test says otherwise the plan runs 2021-01-01..2025-12-31 and as_of = R = 2024-06-30.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pqp_cli.figures.progress import TargetStatus, evaluate

#: Three establishments of three types, for tests where who they are does not matter.
ABC = """
- {id: A, name: Công ty Alpha, type: enterprise}
- {id: B, name: HTX Bình Minh, type: cooperative}
- {id: C, name: Hộ kinh doanh Cường, type: household}
"""


def at(ws, as_of: str = "2024-06-30") -> TargetStatus:
    """The workspace's only target, evaluated at `as_of`."""
    project = ws.load()
    [status] = evaluate(project.plan, project.dataset, dt.date.fromisoformat(as_of))
    return status


# --- trained_establishments -------------------------------------------------------------------


def test_trained_counts_distinct_enterprises_across_trainings(ws) -> None:
    ws.write(
        "- {id: T1, metric: trained_establishments, target: 400}",
        enterprises=ABC,
        trainings="""
        - {id: TR1, title: ISO, date: 2022-03-01, topics: [standards], participants: [A, B]}
        - {id: TR2, title: 5S, date: 2023-03-01, topics: [improvement_tools], participants: [B, C]}
        """,
    )
    r = at(ws).result
    assert (r.value, r.counted) == (3, {"A": ["TR1"], "B": ["TR1", "TR2"], "C": ["TR2"]})


def test_trained_participant_listed_twice_counts_once(ws) -> None:
    ws.write(
        "- {id: T1, metric: trained_establishments, target: 400}",
        enterprises=ABC,
        trainings="""
        - {id: TR1, title: ISO, date: 2022-03-01, topics: [standards], participants: [A, A]}
        """,
    )
    r = at(ws).result
    assert (r.value, r.counted) == (1, {"A": ["TR1"]})


def test_trained_only_trainings_dated_from_S_to_R(ws) -> None:
    ws.write(
        "- {id: T1, metric: trained_establishments, target: 400}",
        enterprises=ABC,
        trainings="""
        - {id: before-S, title: x, date: 2020-12-31, topics: [standards], participants: [A]}
        - {id: on-S, title: x, date: 2021-01-01, topics: [standards], participants: [B]}
        - {id: on-R, title: x, date: 2024-06-30, topics: [standards], participants: [C]}
        - {id: after-R, title: x, date: 2024-07-01, topics: [standards], participants: [A]}
        """,
    )
    assert at(ws).result.counted == {"B": ["on-S"], "C": ["on-R"]}


def test_trained_by_date_not_end_date(ws) -> None:
    # A course that starts before S and ends inside the period is not of the period (§4: "date").
    ws.write(
        "- {id: T1, metric: trained_establishments, target: 400}",
        enterprises=ABC,
        trainings="""
        - {id: TR1, title: x, date: 2020-12-30, end_date: 2021-01-02, topics: [standards], participants: [A]}
        """,
    )
    assert at(ws).value == 0


@pytest.mark.parametrize(
    ("params", "counted"),
    [
        ("{}", {"A": ["TR1"], "B": ["TR1", "TR2"], "C": ["TR2"]}),
        ("{topics: [measurement]}", {"B": ["TR2"], "C": ["TR2"]}),
        ("{topics: [technology, standards]}", {"A": ["TR1"], "B": ["TR1"]}),
        ("{entity_types: [cooperative, household]}", {"B": ["TR1", "TR2"], "C": ["TR2"]}),
        ("{topics: [measurement], entity_types: [enterprise]}", {}),
    ],
)
def test_trained_topics_and_entity_types(ws, params: str, counted: dict) -> None:
    ws.write(
        f"- {{id: T1, metric: trained_establishments, target: 400, params: {params}}}",
        enterprises=ABC,
        trainings="""
        - {id: TR1, title: x, date: 2022-03-01, topics: [standards], participants: [A, B]}
        - {id: TR2, title: x, date: 2022-04-01, topics: [improvement_tools, measurement], participants: [B, C]}
        """,
    )
    r = at(ws).result
    assert (r.value, r.counted) == (len(counted), counted)


# --- supported_enterprises: in force at R -----------------------------------------------------


@pytest.mark.parametrize(
    ("dates", "params", "value"),
    [
        ("achieved_on: 2022-01-01", "{}", 1),
        ("achieved_on: 2021-01-01", "{}", 1),  # achieved on S
        ("achieved_on: 2024-06-30", "{}", 1),  # achieved on R
        ("achieved_on: 2020-12-31", "{}", 0),  # before S
        ("achieved_on: 2024-07-01", "{}", 0),  # after R
        ("started_on: 2023-01-01", "{}", 0),  # in progress: no achieved_on
        ("achieved_on: 2022-01-01, expires_on: 2024-06-29", "{}", 0),  # expired before R
        ("achieved_on: 2022-01-01, expires_on: 2024-06-30", "{}", 1),  # expires on R
        ("achieved_on: 2022-01-01, withdrawn_on: 2024-06-30", "{}", 0),  # withdrawn on R
        ("achieved_on: 2022-01-01, withdrawn_on: 2024-07-01", "{}", 1),  # withdrawn after R
        ("achieved_on: 2022-01-01, supported: false", "{}", 0),
        ("achieved_on: 2022-01-01, supported: false", "{supported_only: false}", 1),
        ("achieved_on: 2022-01-01, supported: 'yes'", "{}", 1),
    ],
)
def test_supported_in_force_at_R(ws, dates: str, params: str, value: int) -> None:
    ws.write(
        f"- {{id: T2, metric: supported_enterprises, target: 150, params: {params}}}",
        enterprises=ABC,
        certifications=f"""
        - {{id: C1, enterprise: A, category: management_system, scheme: ISO 9001, {dates}}}
        """,
    )
    assert at(ws).value == value


def test_supported_counts_an_enterprise_once_with_all_its_records(ws) -> None:
    ws.write(
        "- {id: T2, metric: supported_enterprises, target: 150}",
        enterprises=ABC,
        certifications="""
        - {id: C1, enterprise: A, category: management_system, scheme: ISO 9001, achieved_on: 2022-01-01}
        - {id: C2, enterprise: A, category: improvement_tool, scheme: 5S, achieved_on: 2022-02-01}
        - {id: C3, enterprise: B, category: technology, scheme: ERP, achieved_on: 2023-02-01}
        - {id: C4, enterprise: C, category: measurement_assurance, scheme: ISO 10012, achieved_on: 2023-05-01}
        """,
    )
    r = at(ws).result
    assert (r.value, r.counted) == (3, {"A": ["C1", "C2"], "B": ["C3"], "C": ["C4"]})


@pytest.mark.parametrize(
    ("params", "value"),
    [("{}", 0), ("{categories: [product_standard]}", 1)],
)
def test_supported_categories_default_leaves_out_product_standard(ws, params, value) -> None:
    ws.write(
        f"- {{id: T2, metric: supported_enterprises, target: 150, params: {params}}}",
        enterprises=ABC,
        certifications="""
        - {id: C1, enterprise: A, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2022-01-01}
        """,
    )
    assert at(ws).value == value


@pytest.mark.parametrize(
    ("wanted", "scheme", "matches"),
    [
        ("ISO 9001", "ISO 9001", True),
        ("ISO 9001", "iso  9001:2015", True),  # case, spacing and a version set aside
        ("ISO 9001", "ISO9001", True),
        ("ISO 9001", "ISO 90011", False),
        ("ISO 9001", "ISO 9001-2015", False),
        ("ISO 9001:2015", "ISO 9001", False),  # only the record's may add the version
        ("ISO 9001:2015", "ISO 9001:2008", False),
        ("HACCP", "haccp", True),
    ],
)
def test_supported_schemes_matching(ws, wanted: str, scheme: str, matches: bool) -> None:
    ws.write(
        f"- {{id: T2, metric: supported_enterprises, target: 150, params: {{schemes: ['{wanted}']}}}}",
        enterprises=ABC,
        certifications=f"""
        - {{id: C1, enterprise: A, category: management_system, scheme: '{scheme}', achieved_on: 2022-01-01}}
        """,
    )
    assert at(ws).value == int(matches)


def test_supported_schemes_keep_only_matching_records(ws) -> None:
    ws.write(
        "- {id: T2, metric: supported_enterprises, target: 150, params: {schemes: [ISO 9001, 5S]}}",
        enterprises=ABC,
        certifications="""
        - {id: C1, enterprise: A, category: management_system, scheme: ISO 9001:2015, achieved_on: 2022-01-01}
        - {id: C2, enterprise: A, category: management_system, scheme: ISO 22000, achieved_on: 2022-01-01}
        - {id: C3, enterprise: B, category: improvement_tool, scheme: 5S, achieved_on: 2022-01-01}
        - {id: C4, enterprise: C, category: improvement_tool, scheme: Lean, achieved_on: 2022-01-01}
        """,
    )
    assert at(ws).result.counted == {"A": ["C1"], "B": ["C3"]}


def test_supported_entity_types(ws) -> None:
    ws.write(
        "- {id: T2, metric: supported_enterprises, target: 150, params: {entity_types: [enterprise]}}",
        enterprises=ABC,
        certifications="""
        - {id: C1, enterprise: A, category: management_system, scheme: ISO 9001, achieved_on: 2022-01-01}
        - {id: C2, enterprise: B, category: management_system, scheme: VietGAP, achieved_on: 2022-01-01}
        """,
    )
    assert at(ws).result.counted == {"A": ["C1"]}


# --- standards_coverage -----------------------------------------------------------------------

COVERAGE_T3 = "- {id: T3, metric: standards_coverage, target_percent: 100}"


def test_coverage_population_is_key_or_current_ocop_at_R(ws) -> None:
    ws.write(
        COVERAGE_T3,
        enterprises="""
        - {id: KEY, name: Chủ lực, type: enterprise, key_product: true}
        - id: OCOP
          name: Có OCOP
          type: cooperative
          ocop_products: [{name: Nem chua, stars: 4, certified_on: 2022-01-01, expires_on: 2025-01-01}]
        - id: ON-R
          name: OCOP hết hạn đúng ngày R
          type: household
          ocop_products: [{name: Mật ong, stars: 3, certified_on: 2021-06-30, expires_on: 2024-06-30}]
        - id: EXPIRED
          name: OCOP đã hết hạn
          type: household
          ocop_products: [{name: Chè, stars: 3, certified_on: 2021-06-29, expires_on: 2024-06-29}]
        - id: LATER
          name: OCOP sau R
          type: household
          ocop_products: [{name: Bánh gai, stars: 3, certified_on: 2024-07-01}]
        - id: NO-EXPIRY
          name: OCOP không ghi ngày hết hạn
          type: household
          ocop_products: [{name: Nước mắm, stars: 3, certified_on: 2019-06-01}]
        - {id: NONE, name: Không thuộc diện, type: enterprise}
        """,
        certifications="""
        - {id: C1, enterprise: KEY, category: product_standard, scheme: TCCS 01:2023/HTX, achieved_on: 2023-01-01}
        - {id: C2, enterprise: NONE, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2023-01-01}
        - {id: C3, enterprise: EXPIRED, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2023-01-01}
        """,
    )
    r = at(ws).result
    assert (r.numerator, r.denominator, r.value) == (1, 4, 25)
    assert r.counted == {"KEY": ["C1"]}
    assert sorted(r.missing) == ["NO-EXPIRY", "OCOP", "ON-R"]
    assert r.missing["OCOP"] == ["product_standard"]


def test_coverage_expired_ocop_drops_out_of_population(ws) -> None:
    ws.write(
        COVERAGE_T3,
        enterprises="""
        - {id: KEY, name: Chủ lực, type: enterprise, key_product: true}
        - id: OCOP
          name: Có OCOP
          type: cooperative
          ocop_products: [{name: Nem chua, stars: 4, certified_on: 2021-01-01, expires_on: 2023-12-31}]
        """,
        certifications="""
        - {id: C1, enterprise: KEY, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2022-01-01}
        """,
    )
    before, after = at(ws, "2023-12-31"), at(ws, "2024-01-01")
    assert (before.value, before.result.numerator, before.result.denominator) == (50, 1, 2)
    assert (after.value, after.result.numerator, after.result.denominator) == (100, 1, 1)
    assert after.status == "met"


def test_coverage_needs_the_certification_in_force_and_in_categories(ws) -> None:
    ws.write(
        COVERAGE_T3,
        enterprises="""
        - {id: K1, name: Một, type: enterprise, key_product: true}
        - {id: K2, name: Hai, type: enterprise, key_product: true}
        - {id: K3, name: Ba, type: enterprise, key_product: true}
        - {id: K4, name: Bốn, type: enterprise, key_product: true}
        """,
        certifications="""
        - {id: C1, enterprise: K1, category: product_standard, scheme: QCVN 01-190:2020/BNNPTNT, achieved_on: 2022-01-01}
        - {id: C2, enterprise: K2, category: management_system, scheme: ISO 22000, achieved_on: 2022-01-01}
        - {id: C3, enterprise: K3, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2022-01-01, expires_on: 2024-01-01}
        - {id: C4, enterprise: K4, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2022-01-01, supported: false}
        """,
    )
    r = at(ws).result
    assert (r.value, r.counted, sorted(r.missing)) == (25, {"K1": ["C1"]}, ["K2", "K3", "K4"])


def test_coverage_params_categories_and_supported_only(ws) -> None:
    ws.write(
        """
        - id: T3
          metric: standards_coverage
          target_percent: 100
          params: {categories: [product_standard, management_system], supported_only: false}
        """,
        enterprises="""
        - {id: K1, name: Một, type: enterprise, key_product: true}
        - {id: K2, name: Hai, type: enterprise, key_product: true}
        """,
        certifications="""
        - {id: C1, enterprise: K1, category: management_system, scheme: HACCP, achieved_on: 2022-01-01}
        - {id: C2, enterprise: K2, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2022-01-01, supported: false}
        """,
    )
    assert at(ws).result.counted == {"K1": ["C1"], "K2": ["C2"]}


def test_coverage_empty_population_is_no_data(ws) -> None:
    ws.write(COVERAGE_T3, enterprises=ABC)
    status = at(ws)
    assert (status.value, status.status, status.progress_percent) == (None, "no_data", None)
    assert (status.result.numerator, status.result.denominator) == (0, 0)


# --- pilot_models -----------------------------------------------------------------------------

#: P1 holds all five categories; P2 all but technology; N1 all five but is no pilot.
PILOTS = """
- {id: P1, name: Mô hình Một, type: enterprise, pilot_model: true}
- {id: P2, name: Mô hình Hai, type: enterprise, pilot_model: true}
- {id: N1, name: Không phải mô hình, type: enterprise}
"""
PILOT_CERTS = """
- {id: P1-ms, enterprise: P1, category: management_system, scheme: ISO 9001, achieved_on: 2022-01-01}
- {id: P1-it, enterprise: P1, category: improvement_tool, scheme: 5S, achieved_on: 2022-01-01}
- {id: P1-ps, enterprise: P1, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2022-01-01}
- {id: P1-ma, enterprise: P1, category: measurement_assurance, scheme: ISO 10012, achieved_on: 2022-01-01}
- {id: P1-te, enterprise: P1, category: technology, scheme: ERP, achieved_on: 2022-01-01}
- {id: P2-ms, enterprise: P2, category: management_system, scheme: ISO 9001, achieved_on: 2022-01-01}
- {id: P2-it, enterprise: P2, category: improvement_tool, scheme: 5S, achieved_on: 2022-01-01}
- {id: P2-ps, enterprise: P2, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2022-01-01}
- {id: P2-ma, enterprise: P2, category: measurement_assurance, scheme: ISO 10012, achieved_on: 2022-01-01}
- {id: N1-ms, enterprise: N1, category: management_system, scheme: ISO 9001, achieved_on: 2022-01-01}
- {id: N1-it, enterprise: N1, category: improvement_tool, scheme: 5S, achieved_on: 2022-01-01}
- {id: N1-ps, enterprise: N1, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2022-01-01}
- {id: N1-ma, enterprise: N1, category: measurement_assurance, scheme: ISO 10012, achieved_on: 2022-01-01}
- {id: N1-te, enterprise: N1, category: technology, scheme: ERP, achieved_on: 2022-01-01}
"""


def test_pilot_needs_every_category_and_names_what_it_lacks(ws) -> None:
    ws.write(
        "- {id: T4, metric: pilot_models, target: 6}",
        enterprises=PILOTS,
        certifications=PILOT_CERTS,
    )
    r = at(ws).result
    assert r.value == 1
    assert r.counted == {"P1": ["P1-ms", "P1-it", "P1-ps", "P1-ma", "P1-te"]}
    assert r.missing == {"P2": ["technology"]}  # N1 is no pilot: neither counted nor missing


def test_pilot_require_categories(ws) -> None:
    ws.write(
        """
        - id: T4
          metric: pilot_models
          target: 6
          params: {require_categories: [management_system, technology]}
        """,
        enterprises=PILOTS,
        certifications=PILOT_CERTS,
    )
    r = at(ws).result
    assert (r.value, r.counted, r.missing) == (
        1,
        {"P1": ["P1-ms", "P1-te"]},
        {"P2": ["technology"]},
    )


def test_pilot_category_not_in_force_is_lacking(ws) -> None:
    ws.write(
        "- {id: T4, metric: pilot_models, target: 6, params: {require_categories: [management_system, improvement_tool]}}",
        enterprises="- {id: P1, name: Mô hình, type: enterprise, pilot_model: true}",
        certifications="""
        - {id: ms, enterprise: P1, category: management_system, scheme: ISO 9001, achieved_on: 2022-01-01, expires_on: 2024-06-29}
        - {id: it, enterprise: P1, category: improvement_tool, scheme: 5S, achieved_on: 2022-01-01}
        """,
    )
    r = at(ws).result
    assert (r.value, r.missing) == (0, {"P1": ["management_system"]})


# --- experts / public_units -------------------------------------------------------------------


def test_experts_qualified_by_R_and_not_revoked(ws) -> None:
    ws.write(
        "- {id: T5b, metric: experts, target: 10}",
        experts="""
        - {id: before-plan, name: Lê Văn An, qualified_on: 2019-05-01}
        - {id: on-R, name: Trần Thị Bình, qualified_on: 2024-06-30}
        - {id: after-R, name: Ngô Văn Cường, qualified_on: 2024-07-01}
        - {id: revoked-on-R, name: Phạm Thị Dung, qualified_on: 2022-01-01, revoked_on: 2024-06-30}
        - {id: revoked-after-R, name: Hoàng Văn Em, qualified_on: 2022-01-01, revoked_on: 2024-07-01}
        """,
    )
    r = at(ws).result
    assert (r.value, sorted(r.counted)) == (3, ["before-plan", "on-R", "revoked-after-R"])


def test_public_units_only_public_ones(ws) -> None:
    ws.write(
        "- {id: T5a, metric: public_units, target: 1}",
        units="""
        - {id: U1, name: Trung tâm Kỹ thuật TĐC, public: true, qualified_on: 2023-01-01}
        - {id: U2, name: Công ty Tư vấn, qualified_on: 2022-01-01}
        - {id: U3, name: Viện công lập, public: true, qualified_on: 2022-01-01, revoked_on: 2024-06-30}
        - {id: U4, name: Trung tâm sau R, public: true, qualified_on: 2024-07-01}
        """,
    )
    r = at(ws).result
    assert (r.value, r.counted, r.subjects) == (1, {"U1": ["U1"]}, "units")


# --- R = min(as_of, period end) ---------------------------------------------------------------


def test_as_of_after_the_period_evaluates_at_its_end(ws) -> None:
    ws.write(
        """
        - {id: T1, metric: trained_establishments, target: 400}
        - {id: T2, metric: supported_enterprises, target: 150}
        """,
        enterprises=ABC,
        trainings="""
        - {id: TR1, title: x, date: 2025-12-31, topics: [standards], participants: [A]}
        - {id: TR2, title: x, date: 2026-01-15, topics: [standards], participants: [B]}
        """,
        certifications="""
        - {id: C1, enterprise: A, category: management_system, scheme: ISO 9001, achieved_on: 2022-01-01, expires_on: 2025-12-31}
        - {id: C2, enterprise: B, category: management_system, scheme: ISO 9001, achieved_on: 2026-01-02}
        """,
    )
    project = ws.load()
    t1, t2 = evaluate(project.plan, project.dataset, dt.date(2026, 3, 1))
    assert (t1.result.counted, t1.expected, t1.status) == ({"A": ["TR1"]}, 400, "missed")
    assert (t2.result.counted, t2.expected, t2.status) == ({"A": ["C1"]}, 150, "missed")
