"""The Word report's wording on made-up rows (review of issue 14): the narrative never
contradicts the status, dates and figures are written as the decree and Vietnamese usage write
them, and the data's problems are named in Vietnamese."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pqp_cli.figures.documents import (
    ProblemCounts,
    ProblemLine,
    ReportDoc,
    ReportPlan,
    StatusDoc,
    StatusRow,
    YearEntry,
)
from pqp_cli.read.reportmeta import ReportMeta
from pqp_cli.render.docx_text import narrative, problems_paragraph
from pqp_cli.render.vnformat import increase, long_date

START, END = "2021-01-01", "2025-12-31"


def row(**over: Any) -> StatusRow:
    base: dict[str, Any] = {
        "id": "T3",
        "title": "Áp dụng tiêu chuẩn",
        "metric": "standards_coverage",
        "kind": "percent",
        "value": 86.6,
        "numerator": 188,
        "denominator": 217,
        "target": 100.0,
        "progress_percent": 86.6,
        "expected": 100.0,
        "status": "at_risk",
        "by_year": {"2025": {"in_year": 20.2, "value": 86.6}},
    } | over
    base["by_year"] = {k: YearEntry(**e) for k, e in base["by_year"].items()}
    return StatusRow(**base)


def report(as_of: str, start: str = START, codes: list[str] | None = None) -> ReportDoc:
    """A report document holding only what the narrative reads."""
    problems = ProblemCounts(errors=0, warnings=6, files_left_out=0, records_left_out=0)
    status = StatusDoc(
        plan_id="p", start=start, end=END, as_of=as_of, evaluated_at=as_of, targets=[],
        problems=problems,
    )  # fmt: skip
    plan = ReportPlan(
        id="p", title="Kế hoạch", authority=None, focal_agency=None, document=None, start=start,
        end=END,
    )  # fmt: skip
    listed = [
        ProblemLine(
            severity="warning",
            code=code,
            file="f",
            line=None,
            record=None,
            field=None,
            message="",
        )  # fmt: skip
        for code in codes or []
    ]
    meta = ReportMeta(parent_body="", issuing_body="", symbol="", place="", recipients=[])
    return ReportDoc(
        lang="vi", plan=plan, status=status, pace_percent=0.0, series={}, explain={},
        problem_list=listed, schemes={}, meta=meta,
    )  # fmt: skip


def test_on_the_last_day_the_narrative_says_not_reached_and_shows_the_status() -> None:
    text = narrative(row(), report(END))
    assert "đến hết kỳ kế hoạch (31/12/2025) chưa đạt chỉ tiêu, còn thiếu 13,4 điểm" in text
    assert "(đánh giá: Có nguy cơ chậm)" in text and "đã kết thúc" not in text


def test_after_the_end_an_unmet_target_is_not_reached() -> None:
    text = narrative(row(status="missed"), report("2026-01-15"))
    assert "kế hoạch đã kết thúc" in text and "(đánh giá: Không đạt)" in text


def test_before_the_start_the_plan_has_not_started() -> None:
    count = row(
        metric="trained_establishments",
        kind="count",
        value=44,
        target=40,
        expected=0,
        progress_percent=110.0,
        status="not_started",
        by_year={},
    )
    text = narrative(count, report("2020-12-31"))
    assert "chưa bắt đầu" in text and "đạt 110,0%" not in text


def test_percentage_points_in_words_and_a_whole_target_without_decimals() -> None:
    text = narrative(row(), report(END))
    assert "20,2 điểm phần trăm" in text and "điểm %" not in text
    assert "(100%)" in text and "100,0%)" not in text
    assert increase(1.5, "percent", "vi") == "+1,5 điểm phần trăm"


def test_expected_counts_are_rounded_in_the_narrative() -> None:
    count = row(
        metric="trained_establishments",
        kind="count",
        value=200,
        target=400,
        expected=239.9,
        progress_percent=50.0,
        status="behind",
        by_year={},
    )
    text = narrative(count, report("2023-12-31"))
    assert "khoảng 240 cơ sở" in text and "239,9" not in text


def test_no_eligible_producer_yet_is_said_in_words() -> None:
    empty = row(value=None, numerator=0, denominator=0, progress_percent=None, status="behind")
    text = narrative(empty, report("2023-12-31"))
    assert "–" not in text and "chưa có" in text.lower()


def test_a_partial_first_year_gives_its_dates() -> None:
    count = row(
        metric="trained_establishments",
        kind="count",
        value=171,
        target=400,
        expected=100,
        progress_percent=42.8,
        status="on_track",
        by_year={"2025": {"in_year": 171, "value": 171}},
    )
    text = narrative(count, report("2025-12-31", start="2025-08-01"))
    assert "từ 01/08/2025 đến 31/12/2025 tăng 171 cơ sở" in text


def test_long_date_has_a_zero_only_for_days_1_to_9_and_months_1_and_2() -> None:
    assert long_date(dt.date(2026, 3, 5), "vi") == "ngày 05 tháng 3 năm 2026"
    assert long_date(dt.date(2026, 1, 15), "vi") == "ngày 15 tháng 01 năm 2026"
    assert long_date(dt.date(2026, 2, 1), "vi") == "ngày 01 tháng 02 năm 2026"
    assert long_date(dt.date(2026, 6, 30), "vi") == "ngày 30 tháng 6 năm 2026"
    assert long_date(dt.date(2026, 12, 31), "vi") == "ngày 31 tháng 12 năm 2026"


def test_problems_are_named_in_vietnamese_without_a_command_line() -> None:
    text = problems_paragraph(report(END, codes=["outside-period"] * 6))
    assert "outside-period" not in text and "pqp" not in text and "`" not in text
    assert "ngoài kỳ kế hoạch (6)" in text


def test_the_code_column_holds_a_long_code_on_one_line() -> None:
    from pqp_cli.render.docx_layout import code_width

    # Times New Roman 11 pt: "CT-0000679" is about 2.0 cm, plus the cell's margins
    assert code_width(["CT-0000679", "E1"], 11) >= 2.5
    assert code_width(["E1"], 11) <= 2.2


def test_merged_pairs_read_as_one_cell_beside_two_rows() -> None:
    """`data_table(merged=...)` writes the vertical merges itself (python-docx merged cell by
    cell): each pair's code once beside both rows, the lower's text kept under the upper's,
    an odd last row left alone, the other columns untouched."""
    import docx

    from pqp_cli.render.docx_layout import data_table

    rows = [["T1", "a", "1"], ["", "", "2"], ["T2", "b", "3"], ["", "more", "4"], ["T3", "c", "5"]]
    table = data_table(docx.Document(), ["id", "title", "n"], rows, [1, 2, 3], merged=(0, 1))
    cells = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert cells == [
        ["T1", "a", "1"],
        ["T1", "a", "2"],
        ["T2", "b\nmore", "3"],
        ["T2", "b\nmore", "4"],
        ["T3", "c", "5"],
    ]
    lower = table.rows[2]._tr.tc_lst[0]
    assert lower.vMerge == "continue" and len(lower.p_lst) == 1 and not lower.p_lst[0].r_lst
