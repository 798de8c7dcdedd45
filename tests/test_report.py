"""`pqp report` (issue 4) on hand-built data: every section in Markdown, HTML and XLSX, the HTML
self-contained, and the XLSX summary sheet equal to `status --format json --projection`."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from pqp_cli.cli.app import app
from pqp_cli.render.report_xlsx import SUMMARY_KEYS

runner = CliRunner()
AS_OF = "2024-06-30"

PLAN = """\
plan:
  id: test-plan
  title: {vi: Kế hoạch nâng cao năng suất chất lượng, en: Productivity and quality plan}
  authority: UBND tỉnh Thanh Hóa
  document: Kế hoạch 159/KH-UBND
  period: {start: 2021-01-01, end: 2025-12-31}
"""
TARGETS = """\
- {id: T1, title: {vi: Cơ sở được tập huấn, en: Establishments trained}, metric: trained_establishments, target: 4}
- {id: T2, title: {vi: Doanh nghiệp được hỗ trợ, en: Enterprises supported}, metric: supported_enterprises, target: 3}
- {id: T3, title: {vi: Đơn vị OCOP áp dụng tiêu chuẩn, en: OCOP producers applying standards}, metric: standards_coverage, target_percent: 100}
- {id: T4, title: {vi: Mô hình điểm, en: Pilot models}, metric: pilot_models, target: 1}
- {id: T5b, title: {vi: Chuyên gia, en: Experts}, metric: experts, target: 2}
"""
#: At 2024-06-30: T1 3/4 on track, T2 2/3 at risk, T3 1/2 behind, T4 0/1, T5b 1/2.
DATA = {
    "enterprises": """
    - {id: E1, name: Công ty TNHH Lam Sơn, type: enterprise, locality: Thọ Xuân, key_product: true}
    - {id: E2, name: HTX Hoằng Đồng, type: cooperative, locality: Hoằng Hóa,
       ocop_products: [{name: Nem chua, stars: 3, certified_on: 2021-06-01}]}
    - {id: E3, name: Hộ kinh doanh Cường, type: household, locality: Thọ Xuân, pilot_model: true}
    - {id: E4, name: Công ty CP Sầm Sơn, type: enterprise}
    """,
    "trainings": """
    - {id: TR1, title: Tập huấn 5S, date: 2021-05-10, topics: [improvement_tools], participants: [E1, E2]}
    - {id: TR2, title: Tập huấn ISO, date: 2023-03-01, topics: [management_systems], participants: [E3]}
    """,
    "certifications": """
    - {id: C1, enterprise: E1, category: management_system, scheme: ISO 9001, achieved_on: 2022-02-01}
    - {id: C2, enterprise: E1, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2022-08-01}
    - {id: C3, enterprise: E4, category: improvement_tool, scheme: 5S, achieved_on: 2023-09-01}
    """,
    "experts": "- {id: X1, name: Nguyễn Văn An, qualified_on: 2022-05-01}\n",
}
TARGET_IDS = ["T1", "T2", "T3", "T4", "T5b"]


@pytest.fixture
def plan_ws(ws):
    return ws.write(TARGETS, plan=PLAN, **DATA)


def pqp(ws, *args: str):
    result = runner.invoke(app, ws.args(*args), env={"NO_COLOR": "1", "PQP_LANG": ""})
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result


def report(ws, tmp_path: Path, name: str, *args: str) -> str | Path:
    out = tmp_path / name
    result = pqp(ws, "report", "-o", str(out), "--as-of", AS_OF, *args)
    assert result.exit_code == 0, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last in (f"report written to {out}", f"đã ghi báo cáo vào {out}")
    return out if name.endswith(".xlsx") else out.read_text(encoding="utf-8")


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_report_has_every_section(plan_ws, tmp_path) -> None:
    md = report(plan_ws, tmp_path, "r.md")
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1. Summary",
        "## 2. Progress by year",
        "## 3. By locality",
        "## 4. Appendix: who counts",
        "## 5. Problems in the data",
    ]
    assert "# Progress report: Productivity and quality plan" in md
    assert "- **Document:** Kế hoạch 159/KH-UBND" in md


def test_markdown_summary_row_has_a_bar_marked_at_the_expected_pace(plan_ws, tmp_path) -> None:
    # T1: 3 of 4 (75%, 15 of 20 cells); the straight line stands at 69.9% (cell 14).
    md = report(plan_ws, tmp_path, "r.md")
    row = next(line for line in md.splitlines() if line.startswith("| T1 "))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells == [
        "T1",
        "Establishments trained",
        "3",
        "4",
        "`██████████████│░░░░░` 75.0%",
        "2.8",
        "on track",
        "4.3",
        "2025-08-30",
    ]


def test_markdown_by_year_by_locality_and_appendix(plan_ws, tmp_path) -> None:
    md = report(plan_ws, tmp_path, "r.md")
    # T3 by year: cumulative, then the change within the year in percentage points
    assert "| 2022-12-31 | 50.0%    | +50.0     | 40.0%                      |" in md
    assert "| 2023-12-31 | 50.0%    | +0.0      | 60.0%                      |" in md
    # the plan ends before the reform: the table groups by old district (docs/data.md)
    row = next(line for line in md.splitlines() if line.startswith("| Huyện Thọ Xuân "))
    assert [c.strip() for c in row.strip("|").split("|")][1:] == ["2", "1", "1/1 (100.0%)", "0"]
    row = next(line for line in md.splitlines() if line.startswith("| (none) "))
    assert [c.strip() for c in row.strip("|").split("|")][1:] == ["0", "1", "–", "0"]
    assert "| E4   | Công ty CP Sầm Sơn   |            | C3        |" in md
    assert "| E2   | HTX Hoằng Đồng | Hoằng Hóa  | product_standard |" in md
    assert "No problems were found in the data." in md


def test_markdown_escapes_pipes_in_names(plan_ws, tmp_path) -> None:
    plan_ws.file("enterprises/more.yaml", "- {id: E9, name: 'A | B', type: other}\n")
    plan_ws.file(
        "trainings/more.yaml",
        "- {id: TR9, title: x, date: 2022-01-01, topics: [standards], participants: [E9]}\n",
    )
    md = report(plan_ws, tmp_path, "r.md")
    assert "| E9   | A \\| B" in md


# --- HTML ---------------------------------------------------------------------------------------


def test_html_report_is_self_contained_and_script_free(plan_ws, tmp_path) -> None:
    html = report(plan_ws, tmp_path, "r.html")
    assert not re.search(r"(?i)https?:|//[a-z]", html)  # no URL at all, not even a namespace
    assert "<script" not in html.lower() and " on" + "load=" not in html.lower()
    assert not re.search(r"(?i)\bsrc=|url\(|@import", html)
    assert set(re.findall(r'href="([^"]*)"', html)) == {
        "#summary",
        "#by-year",
        "#by-locality",
        "#appendix",
        "#problems",
    }


def test_html_report_prints_on_a4_with_page_breaks(plan_ws, tmp_path) -> None:
    html = report(plan_ws, tmp_path, "r.html")
    assert "@page { size: A4;" in html
    assert "section.page { break-before: page; }" in html
    assert html.count('<section id="') == 5 and html.count('class="page"') == 4


def test_html_report_keeps_vietnamese_text_intact(plan_ws, tmp_path) -> None:
    html = report(plan_ws, tmp_path, "r.html", "--lang", "vi")
    assert '<html lang="vi">' in html and '<meta charset="utf-8">' in html
    for text in ("Kế hoạch nâng cao năng suất chất lượng", "Công ty TNHH Lam Sơn", "Đúng tiến độ"):
        assert text in html
    assert "Theo địa bàn" in html and "(không rõ)" in html


def test_html_summary_has_one_row_per_target_with_status_and_pace_marker(plan_ws, tmp_path) -> None:
    html = report(plan_ws, tmp_path, "r.html")
    rows = re.findall(r'<tr class="target-row" data-target="([^"]+)">(.*?)</tr>', html)
    assert [r[0] for r in rows] == TARGET_IDS
    t1 = rows[0][1]
    # 75% of a 160-wide bar is filled; the mark stands at 69.9% of it (x = 111.9).
    assert '<rect x="0" y="2" width="120" height="10" rx="2" fill="#2e9e4f"/>' in t1
    assert '<line x1="111.9" x2="111.9"' in t1
    assert "on track" in t1 and "2025-08-30" in t1


def test_html_has_a_chart_per_target_against_the_straight_line(plan_ws, tmp_path) -> None:
    html = report(plan_ws, tmp_path, "r.html")
    charts = re.findall(r'<svg class="chart".*?</svg>', html, flags=re.S)
    assert len(charts) == len(TARGET_IDS)
    t1 = charts[0]
    # start, four year-ends' worth of points up to the as-of date: 2021-01-01, 2021..2023, as-of
    assert len(re.search(r'<polyline points="([^"]+)"', t1)[1].split()) == 5
    assert t1.count('stroke-dasharray="6 4"') == 2  # the straight line and its legend swatch
    assert (
        "Straight line to the target (4)" in t1
        and "<title>T1 · Establishments trained</title>" in t1
    )


def test_html_by_year_table_has_the_in_year_increase_beside_the_value(plan_ws, tmp_path) -> None:
    html = report(plan_ws, tmp_path, "r.html")
    assert '<th class="num">In year</th>' in html
    # T3 (percent): 0% at the end of 2021, 50% at the end of 2022: +50.0 percentage points
    row = '<tr><td>2022-12-31</td><td class="num">50.0%</td><td class="num">+50.0</td>'
    assert row in html
    # the chart's starting point (the period's first day) has no in-year figure
    assert '<tr><td>2021-01-01</td><td class="num">0</td><td class="num">–</td>' in html


def test_html_lists_problems_and_records_left_out(plan_ws, tmp_path) -> None:
    plan_ws.file("enterprises/broken.yaml", "- {id: E7, name: Thiếu loại hình}\n")
    html = report(plan_ws, tmp_path, "r.html")
    assert "DATA HAS 1 ERROR(S): 1 record(s) and 0 file(s) left out" in html
    assert "1 error(s) and 0 warning(s); 1 record(s) and 0 file(s) left out of the figures." in html
    assert "<td>missing-field</td>" in html and "broken.yaml:1" in html


def test_report_problem_list_is_capped_with_a_pointer_to_validate(plan_ws, tmp_path) -> None:
    broken = "".join(f"- {{id: B{i}, name: x}}\n" for i in range(105))
    plan_ws.file("enterprises/broken.yaml", broken)
    md = report(plan_ws, tmp_path, "r.md")
    assert md.count("| error      | missing-field |") == 100
    assert "… and 5 more: run `pqp validate` for the full list." in md


# --- XLSX ---------------------------------------------------------------------------------------


def test_xlsx_summary_sheet_equals_status_json(plan_ws, tmp_path) -> None:
    path = report(plan_ws, tmp_path, "r.xlsx")
    status = pqp(plan_ws, "status", "--format", "json", "--projection", "--as-of", AS_OF)
    expected = json.loads(status.stdout)["targets"]
    sheet = load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == SUMMARY_KEYS
    found = [
        {
            k: (v.date().isoformat() if isinstance(v, dt.datetime) else v)
            for k, v in zip(rows[0], r, strict=True)
        }
        for r in rows[1:]
    ]
    assert found == [{k: row.get(k) for k in SUMMARY_KEYS} for row in expected]
    assert all(set(row) <= set(SUMMARY_KEYS) for row in expected)


def test_xlsx_has_typed_cells_frozen_headers_and_fitting_widths(plan_ws, tmp_path) -> None:
    wb = load_workbook(report(plan_ws, tmp_path, "r.xlsx", "--lang", "vi"))
    assert wb.sheetnames == [
        "Tổng hợp",
        "Theo năm",
        "Theo địa bàn",
        *TARGET_IDS,
        "Vấn đề",
        "Kế hoạch",
    ]
    summary = wb["Tổng hợp"]
    assert summary["E2"].value == 3 and summary["I2"].value == 75.0  # value, progress_percent
    assert (
        isinstance(summary["M2"].value, dt.datetime) and summary["M2"].number_format == "dd/mm/yyyy"
    )
    assert summary["B2"].value == "Cơ sở được tập huấn"
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        for column in ws.iter_cols(min_row=1):
            texts = [
                c.value.date().isoformat() if isinstance(c.value, dt.datetime) else str(c.value)
                for c in column
                if c.value is not None
            ]
            longest = max(map(len, texts), default=0)
            width = ws.column_dimensions[column[0].column_letter].width
            assert width >= min(longest, 58), (ws.title, column[0].column_letter)
    assert [c.value for c in wb["Theo địa bàn"][1]] == [
        "Huyện (cũ)",  # the plan's province is in the register: grouped by old district
        "T1",
        "T2",
        "T3 Được tính",
        "T3 Mẫu số",
        "T3 %",
        "T4",
    ]
    assert [c.value for c in wb["Theo địa bàn"][4]] == ["(không rõ)", 0, 1, None, None, None, 0]
    assert [c.value for c in wb["T3"][3]] == [
        "E2",
        "HTX Hoằng Đồng",
        "Hoằng Hóa",
        "không",
        None,
        "Tiêu chuẩn sản phẩm",
    ]


def test_xlsx_by_year_sheet(plan_ws, tmp_path) -> None:
    wb = load_workbook(report(plan_ws, tmp_path, "r.xlsx"))
    rows = list(wb["By year"].iter_rows(values_only=True))
    assert rows[0] == ("ID", "Target", None, "2021", "2022", "2023", "2024-06-30")
    t3 = "OCOP producers applying standards"
    assert rows[5] == ("T3", t3, "Cumulative", 0.0, 50.0, 50.0, 50.0)
    assert rows[6] == ("T3", t3, "In year", 0.0, 50.0, 0.0, 0.0)


# --- the command --------------------------------------------------------------------------------


def test_report_format_comes_from_the_suffix_or_the_option(plan_ws, tmp_path) -> None:
    assert report(plan_ws, tmp_path, "r.htm").startswith("<!DOCTYPE html>")
    assert report(plan_ws, tmp_path, "r.txt", "--format", "md").startswith("# Progress report")


def test_report_to_standard_output(plan_ws) -> None:
    result = pqp(plan_ws, "report", "-o", "-", "--format", "md", "--as-of", AS_OF)
    assert result.exit_code == 0 and result.stdout.startswith("# Progress report")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-o", "r.pdf"],
            "pqp: error: cannot tell the report format from 'r.pdf': give --format html, md, xlsx or docx",
        ),
        (
            ["-o", "-", "--format", "xlsx"],
            "pqp: error: an xlsx report cannot go to standard output: give -o FILE.xlsx",
        ),
        (
            ["-o", "/nonexistent-dir/r.md"],
            "pqp: error: cannot write /nonexistent-dir/r.md: No such file or directory",
        ),
    ],
)
def test_report_usage_errors_exit_2(plan_ws, args, message) -> None:
    result = pqp(plan_ws, "report", *args)
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == message


def test_report_strict_refuses_data_with_errors(plan_ws, tmp_path) -> None:
    plan_ws.file("enterprises/broken.yaml", "- {id: E7, name: Thiếu loại hình}\n")
    result = pqp(plan_ws, "report", "-o", str(tmp_path / "r.md"), "--strict")
    assert result.exit_code == 1 and not (tmp_path / "r.md").exists()
