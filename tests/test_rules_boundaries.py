"""The cross-record rules (`pqp_cli/checks/rules.py`) at their edges: a date equal to the one it follows,
the period's first and last day, today, and OCOP certificates on either side of their dates."""

from __future__ import annotations

import datetime as dt

import pytest

TODAY = dt.date(2024, 6, 30)
ONE = "- {id: A, name: Công ty Alpha, type: enterprise}"


def found(ws, **kinds: str) -> list[tuple[str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    """(code, record, field) of every problem in the workspace, read on TODAY."""
    ws.write("- {id: T1, metric: experts, target: 10}", **kinds)
    return [(p.code, p.record, p.field) for p in ws.load(TODAY, check=False).problems]


# --- date-order ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "record"),
    [
        ("trainings", "{id: R, title: x, date: 2023-05-02, end_date: 2023-05-02, topics: [standards], participants: [A]}"),
        ("certifications", "{id: R, enterprise: A, category: technology, scheme: x, started_on: 2023-05-02, achieved_on: 2023-05-02}"),
        ("certifications", "{id: R, enterprise: A, category: technology, scheme: x, achieved_on: 2023-05-02, expires_on: 2023-05-02}"),
        ("certifications", "{id: R, enterprise: A, category: technology, scheme: x, achieved_on: 2023-05-02, withdrawn_on: 2023-05-02}"),
        ("experts", "{id: R, name: Lê Bình, qualified_on: 2023-05-02, revoked_on: 2023-05-02}"),
        ("units", "{id: R, name: Trung tâm, qualified_on: 2023-05-02, revoked_on: 2023-05-02}"),
    ],
)  # fmt: skip
def test_a_date_on_the_same_day_as_the_one_it_follows_is_no_date_order_error(
    ws, kind: str, record: str
) -> None:
    problems = found(ws, enterprises=ONE, **{kind: f"- {record}"})
    assert [p for p in problems if p[0] == "date-order"] == []


@pytest.mark.parametrize(
    ("kind", "record", "field"),
    [
        ("trainings", "{id: R, title: x, date: 2023-05-02, end_date: 2023-05-01, topics: [standards], participants: [A]}", "end_date"),
        ("certifications", "{id: R, enterprise: A, category: technology, scheme: x, started_on: 2023-05-02, achieved_on: 2023-05-01}", "achieved_on"),
        ("certifications", "{id: R, enterprise: A, category: technology, scheme: x, achieved_on: 2023-05-02, expires_on: 2023-05-01}", "expires_on"),
        ("certifications", "{id: R, enterprise: A, category: technology, scheme: x, achieved_on: 2023-05-02, withdrawn_on: 2023-05-01}", "withdrawn_on"),
        ("experts", "{id: R, name: Lê Bình, qualified_on: 2023-05-02, revoked_on: 2023-05-01}", "revoked_on"),
        ("units", "{id: R, name: Trung tâm, qualified_on: 2023-05-02, revoked_on: 2023-05-01}", "revoked_on"),
    ],
)  # fmt: skip
def test_a_date_one_day_before_the_one_it_follows_is_a_date_order_error(
    ws, kind: str, record: str, field: str
) -> None:
    problems = found(ws, enterprises=ONE, **{kind: f"- {record}"})
    assert [p for p in problems if p[0] == "date-order"] == [("date-order", "R", field)]


def _ocop(certified: str, expires: str) -> str:
    return (
        "- {id: A, name: HTX An, type: cooperative, ocop_products: "
        f"[{{name: Nem, stars: 3, certified_on: {certified}, expires_on: {expires}}}]}}"
    )


def test_an_ocop_product_expiring_before_its_certification_is_an_error(ws) -> None:
    problems = found(ws, enterprises=_ocop("2023-05-02", "2023-05-01"))
    assert ("date-order", "A", "ocop_products") in problems


def test_an_ocop_product_expiring_on_its_certification_day_is_no_error(ws) -> None:
    assert found(ws, enterprises=_ocop("2023-05-02", "2023-05-02")) == []


# --- outside-period -----------------------------------------------------------------------------


def _dated(day: str) -> dict[str, str]:
    return {
        "enterprises": ONE,
        "trainings": f"- {{id: R, title: x, date: {day}, topics: [standards], participants: [A]}}",
        "certifications": f"- {{id: C, enterprise: A, category: management_system, scheme: ISO 9001, achieved_on: {day}}}",
    }  # fmt: skip


@pytest.mark.parametrize("day", ["2021-01-01", "2024-06-30"])
def test_the_period_s_first_day_and_today_are_not_outside_period_nor_future(ws, day: str) -> None:
    assert found(ws, **_dated(day)) == []


def test_the_period_s_last_day_is_not_outside_it(ws) -> None:
    ws.write("- {id: T1, metric: experts, target: 10}", **_dated("2025-12-31"))
    problems = ws.load(dt.date(2026, 1, 1), check=False).problems
    assert [(p.code, p.record) for p in problems] == []


def test_the_day_before_the_period_is_outside_it(ws) -> None:
    assert sorted(found(ws, **_dated("2020-12-31"))) == [
        ("outside-period", "C", "achieved_on"),
        ("outside-period", "R", "date"),
    ]


def test_the_day_after_the_period_is_outside_it(ws) -> None:
    ws.write("- {id: T1, metric: experts, target: 10}", **_dated("2026-01-01"))
    problems = ws.load(dt.date(2026, 1, 1), check=False).problems
    assert sorted((p.code, p.record, p.field) for p in problems) == [
        ("outside-period", "C", "achieved_on"),
        ("outside-period", "R", "date"),
    ]


# --- future-date --------------------------------------------------------------------------------


def test_tomorrow_is_a_future_date_today_is_not(ws) -> None:
    problems = found(
        ws,
        enterprises=ONE,
        experts="""
        - {id: X1, name: Lê An, qualified_on: 2024-06-30}
        - {id: X2, name: Lê Bình, qualified_on: 2024-07-01}
        """,
        units="- {id: U1, name: Trung tâm, qualified_on: 2024-06-30, revoked_on: 2024-07-01}",
    )
    assert problems == [("future-date", "X2", "qualified_on"), ("future-date", "U1", "revoked_on")]


def test_an_ocop_product_certified_in_the_future_is_a_warning_certified_today_is_not(ws) -> None:
    ws.write(
        "- {id: T1, metric: experts, target: 10}",
        enterprises="""
        - {id: A, name: HTX An, type: cooperative, ocop_products: [{name: Nem, stars: 3, certified_on: 2024-06-30}]}
        - {id: B, name: HTX Bình, type: cooperative, ocop_products: [{name: Chè, stars: 4, certified_on: 2024-07-01}]}
        """,
    )
    problems = ws.load(TODAY, check=False).problems
    assert [(p.code, p.record, p.field, p.is_error) for p in problems] == [
        ("future-date", "B", "ocop_products", False)
    ]


def test_an_expiry_date_in_the_future_is_no_future_date(ws) -> None:
    problems = found(
        ws,
        enterprises=ONE,
        certifications="- {id: C, enterprise: A, category: management_system, scheme: ISO 9001, achieved_on: 2023-01-01, expires_on: 2026-01-01}",
    )  # fmt: skip
    assert problems == []


def test_a_record_with_a_date_order_error_is_left_out_of_the_figures(ws) -> None:
    ws.write(
        "- {id: T5b, metric: experts, target: 10}",
        experts="""
        - {id: X1, name: Lê An, qualified_on: 2023-01-01, revoked_on: 2022-01-01}
        - {id: X2, name: Lê Bình, qualified_on: 2023-01-01, revoked_on: 2023-01-01}
        """,
    )
    project = ws.load(TODAY, check=False)
    assert sorted(project.dataset.experts) == ["X2"]


# --- unknown-reference: the suggestion ----------------------------------------------------------

TWO = """
- {id: DN-0001, name: Công ty TNHH Alpha, type: enterprise}
- {id: HTX-17, name: Vinamilk, type: cooperative}
"""


@pytest.mark.parametrize(
    ("ref", "tail"),
    [
        ("DN-0002", ' (did you mean "DN-0001", Công ty TNHH Alpha?)'),  # near an id
        ("Vinamilk", ' (did you mean "HTX-17", Vinamilk?)'),  # a name
        ("Vinamillk", ' (did you mean "HTX-17", Vinamilk?)'),  # near a name
        ("ZZZ", ""),  # nothing near: no suggestion
    ],
)
def test_an_unknown_participant_suggests_the_nearest_id_or_name(ws, ref: str, tail: str) -> None:
    ws.write(
        "- {id: T1, metric: experts, target: 10}",
        enterprises=TWO,
        trainings=f"- {{id: R, title: x, date: 2023-05-02, topics: [standards], participants: ['{ref}']}}",
    )  # fmt: skip
    [problem] = ws.load(TODAY, check=False).problems
    assert (problem.code, problem.record) == ("unknown-reference", "R")
    assert problem.en == f'training R: participants "{ref}" names no enterprise{tail}'


# --- the record named in each message: its kind, singular ---------------------------------------


def messages(ws, **kinds: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    ws.write("- {id: T1, metric: experts, target: 10}", **kinds)
    return {p.code: p.en for p in ws.load(TODAY, check=False).problems}


def test_messages_name_the_kind_of_record(ws) -> None:
    found = messages(
        ws,
        enterprises=ONE + "\n- {id: A, name: Công ty Beta, type: enterprise}",
        trainings="- {id: R, title: x, date: 2020-12-31, end_date: 2020-12-30, topics: [standards], participants: [A]}",
        experts="- {id: X, name: Lê X, qualified_on: 2024-07-01}",
    )  # fmt: skip
    assert found["date-order"] == "training R: end_date 2020-12-30 is before date 2020-12-31"
    assert found["outside-period"] == (
        "training R: date 2020-12-31 is outside the plan period 2021-01-01..2025-12-31; "
        "it does not count towards the targets"
    )
    assert found["future-date"] == (
        "expert X: qualified_on 2024-07-01 is after today (2024-06-30); check the year"
    )
    assert found["duplicate-id"].startswith('enterprise id "A" is used again (first at ')
