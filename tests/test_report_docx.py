"""The Word report (`pqp report --format docx`) read back with python-docx: the state format's
page setup, fonts, header block and end, every figure of every table against `status --format
json` at the same as-of date, the in-year values, and the generated narrative (golden files for
a plan in progress and a plan ended), on the bundled sample data. Regenerate the narratives after
a deliberate change with `PQP_UPDATE_GOLDEN=1 pytest tests/test_report_docx.py`."""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from conftest import SAMPLE  # this process's copy of data/ and targets.yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt
from typer.testing import CliRunner

from pqp_cli.cli.app import app

#: Its module fixture writes two reports: once, on one worker.
pytestmark = pytest.mark.xdist_group("docx-sample")

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("PQP_UPDATE_GOLDEN") == "1"
ENDED, RUNNING = "2025-12-31", "2023-12-31"
runner = CliRunner()


def invoke(*args: str) -> Any:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "PQP_LANG": ""})
    assert result.exit_code == 0, result.stderr
    return result


def make_docx(folder: Path, as_of: str, *extra: str) -> Path:
    out = folder / f"bao-cao-{as_of}.docx"
    invoke("report", "-o", str(out), "--as-of", as_of, "--date", "2026-01-05", *extra)
    return out


def status_json(as_of: str) -> dict[str, Any]:
    args = ("status", "--format", "json", "--by", "year", "--by", "locality", "--projection")
    args = (*args, "--by", "district")  # the locality table groups by old district
    return json.loads(invoke(*args, "--as-of", as_of, "--lang", "vi").stdout)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The two reports of the sample data (with --number 15 for the ended plan), their status."""
    os.chdir(SAMPLE)
    folder = tmp_path_factory.mktemp("docx")
    return {
        ENDED: (make_docx(folder, ENDED, "--number", "15"), status_json(ENDED)),
        RUNNING: (make_docx(folder, RUNNING), status_json(RUNNING)),
    }


def read(sample: dict[str, Any], as_of: str = ENDED) -> tuple[Any, dict[str, Any]]:
    """The report as python-docx reads it (parsed once a report: no test changes it)."""
    path, status = sample[as_of]
    return _parsed(str(path)), status


@functools.cache
def _parsed(path: str) -> Any:
    return docx.Document(path)


def parse(text: str) -> float:
    """A figure written the Vietnamese way back to a number: `1.234` → 1234, `86,6%` → 86.6,
    `+7,6` → 7.6, `−3` → -3."""
    text = text.strip().rstrip("%").replace("−", "-").replace("+", "").replace(".", "")
    return float(text.replace(",", "."))


def table_by_header(document: Any, *first_cells: str) -> Any:
    for table in document.tables:
        heads = [c.text for c in table.rows[0].cells]
        if heads[: len(first_cells)] == list(first_cells):
            return table
    raise AssertionError(f"no table with headers {first_cells}")


def rows(table: Any) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows[1:]]


def targets_by_id(status: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {t["id"]: t for t in status["targets"]}


# --- page, fonts, header block, end -------------------------------------------------------------


def test_page_is_a4_portrait_with_the_decree_margins(sample) -> None:
    document, _ = read(sample)
    for section in document.sections:
        assert abs(section.page_width - Mm(210)) < Mm(1)
        assert abs(section.page_height - Mm(297)) < Mm(1)
        assert Mm(20) <= section.top_margin <= Mm(25)
        assert Mm(20) <= section.bottom_margin <= Mm(25)
        assert Mm(30) <= section.left_margin <= Mm(35)
        assert Mm(15) <= section.right_margin <= Mm(20)


def test_body_is_times_new_roman_justified_with_indent_and_spacing(sample) -> None:
    document, _ = read(sample)
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert Pt(13) <= normal.font.size <= Pt(14)
    fmt = normal.paragraph_format
    assert fmt.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert Cm(1) <= fmt.first_line_indent <= Cm(1.27) + 1
    assert fmt.space_after == Pt(6)
    fonts = {run.font.name for p in document.paragraphs for run in p.runs}
    for table in document.tables:
        for cell in table._cells:
            fonts |= {run.font.name for p in cell.paragraphs for run in p.runs}
    assert fonts == {"Times New Roman"}
    narrative = next(p for p in document.paragraphs if p.text.startswith("1. "))
    assert narrative.runs[-1].font.size is None or narrative.runs[-1].font.size == Pt(14)


def test_page_number_is_a_page_field_centred_in_the_header_from_page_two(sample) -> None:
    document, _ = read(sample)
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert not section.first_page_header.paragraphs[0].text.strip()
    header = section.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    xml = header._p.xml
    assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", xml)


def test_header_block_names_the_bodies_the_nation_the_number_and_the_date(sample) -> None:
    document, _ = read(sample)
    head = document.tables[0]
    left, right = head.rows[0].cells
    parent, body = left.paragraphs[0], left.paragraphs[1]
    assert parent.text == "UBND TỈNH THANH HÓA" and not parent.runs[0].bold
    assert body.text == "SỞ KHOA HỌC VÀ CÔNG NGHỆ" and body.runs[0].bold
    nation, motto = right.paragraphs[0], right.paragraphs[1]
    assert nation.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and nation.runs[0].bold
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert motto.runs[0].bold and motto.runs[0].underline
    number, date = head.rows[1].cells
    assert number.text == "Số: 15/BC-SKHCN"
    assert date.text == "Thanh Hóa, ngày 05 tháng 01 năm 2026" and date.paragraphs[0].runs[0].italic
    texts = [p.text for p in document.paragraphs]
    title = texts.index("BÁO CÁO")
    assert document.paragraphs[title].runs[0].bold
    subject = document.paragraphs[title + 1]
    # a no-break space keeps "năm 2025" together on one line
    assert subject.text == "Kết quả thực hiện Kế hoạch 159/KH-UBND ngày 30/06/2021 năm\u00a02025"
    assert subject.runs[0].bold
    assert "Kính gửi:" in texts
    assert "- Ủy ban nhân dân tỉnh Thanh Hóa;" in texts and "- Bộ Khoa học và Công nghệ." in texts


def test_end_has_the_recipients_the_file_copy_and_the_signer(sample) -> None:
    document, _ = read(sample)
    closing = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))
    left, right = closing.rows[0].cells
    first = left.paragraphs[0].runs[0]
    assert first.text == "Nơi nhận:" and first.bold and first.italic
    lines = [p.text for p in left.paragraphs[1:]]
    assert lines == [
        "- Như trên;",
        "- Giám đốc Sở (để b/c);",
        "- Chi cục Tiêu chuẩn Đo lường Chất lượng;",
        "- Lưu: VT, TĐC.",
    ]
    signer = [p.text for p in right.paragraphs if p.text]
    assert signer == ["GIÁM ĐỐC", "Nguyễn Văn An"]


def test_number_left_blank_without_the_option(sample) -> None:
    document, _ = read(sample, RUNNING)
    assert (
        document.tables[0].rows[1].cells[0].text
        == "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-SKHCN"
    )


# --- every figure equals status --format json ---------------------------------------------------


@pytest.mark.parametrize("as_of", [ENDED, RUNNING])
def test_targets_table_equals_the_status_json(sample, as_of) -> None:
    document, status = read(sample, as_of)
    table = table_by_header(document, "STT", "Chỉ tiêu", "Kết quả")
    found = rows(table)
    assert len(found) == len(status["targets"])
    for row, t in zip(found, status["targets"], strict=True):
        assert row[1] == f"{t['id']}. {t['title']}"
        value = row[2].split(" (")[0]
        assert parse(value) == t["value"]
        if t["kind"] == "percent":
            assert row[2].endswith(f"({t['numerator']}/{t['denominator']})")
        assert parse(row[3]) == t["target"]
        assert parse(row[4]) == t["progress_percent"]
        assert parse(row[5]) == t["expected"]
    statuses = [r[6] for r in found]
    assert statuses == [
        {"met": "Đạt", "at_risk": "Có nguy cơ chậm"}.get(t["status"], statuses[i])
        for i, t in enumerate(status["targets"])
    ]


@pytest.mark.parametrize("as_of", [ENDED, RUNNING])
def test_year_table_gives_in_year_and_cumulative_equal_to_the_status_json(sample, as_of) -> None:
    document, status = read(sample, as_of)
    table = table_by_header(document, "Mã", "Chỉ tiêu", "")
    keys = [c.text for c in table.rows[0].cells][3:]
    assert keys == list(status["targets"][0]["by_year"])
    found = rows(table)
    assert len(found) == 2 * len(status["targets"])
    for i, t in enumerate(status["targets"]):
        in_year, cumulative = found[2 * i], found[2 * i + 1]
        assert in_year[0] == cumulative[0] == t["id"]  # merged cell: one id beside both rows
        assert in_year[2].startswith("Trong năm") and cumulative[2] == "Lũy kế"
        assert [parse(c) for c in in_year[3:]] == [e["in_year"] for e in t["by_year"].values()]
        assert [parse(c) for c in cumulative[3:]] == [e["value"] for e in t["by_year"].values()]


def test_in_year_values_are_the_differences_of_the_year_end_values(sample) -> None:
    _, status = read(sample)
    t1, t3 = targets_by_id(status)["T1"], targets_by_id(status)["T3"]
    assert t1["by_year"]["2021"] == {"value": 74, "in_year": 74}
    assert t1["by_year"]["2022"] == {"value": 162, "in_year": 88}
    assert t1["by_year"]["2025"] == {"value": 444, "in_year": 92}
    # a percentage target's in-year change is in percentage points, from the rounded values
    assert t3["by_year"]["2024"] == {"value": 66.4, "in_year": 22.9}
    assert t3["by_year"]["2025"] == {"value": 86.6, "in_year": 20.2}
    document, _ = read(sample)
    row = next(r for r in rows(table_by_header(document, "Mã", "Chỉ tiêu", "")) if r[0] == "T3")
    assert row[2] == "Trong năm (điểm phần trăm)" and row[3:] == [
        "+7,6",
        "+15,7",
        "+20,2",
        "+22,9",
        "+20,2",
    ]


def test_systems_and_tools_table_ends_with_the_target_by_year(sample) -> None:
    document, status = read(sample)
    table = table_by_header(document, "STT", "Hệ thống, công cụ")
    found = rows(table)
    names = [r[1] for r in found[:-1]]
    assert {"ISO 9001", "VietGAP", "HACCP", "5S", "Kaizen", "Lean", "TPM", "KPI"} <= set(names)
    total = found[-1]
    assert total[1] == "Số doanh nghiệp được tính (T2)"
    t2 = targets_by_id(status)["T2"]
    assert [parse(c) for c in total[2:]] == [e["value"] for e in t2["by_year"].values()]
    for row in found[:-1]:  # no system is held by more enterprises than are counted
        assert all(parse(a) <= parse(b) for a, b in zip(row[2:], total[2:], strict=True))


def test_pilot_expert_and_unit_tables_count_what_the_status_counts(sample) -> None:
    document, status = read(sample)
    by_id = targets_by_id(status)
    pilots = rows(table_by_header(document, "STT", "Mã", "Tên", "Chỉ tiêu"))
    counted = [r for r in pilots if r[3] == "T4" and r[4] == "Được tính"]
    assert len(counted) == by_id["T4"]["value"]
    assert any(r[4].startswith("Chưa được tính: còn thiếu") for r in pilots)
    people = [t for t in document.tables if [c.text for c in t.rows[0].cells][3:4] == ["Chỉ tiêu"]]
    experts = [r for r in rows(people[1]) if r[3] == "T5b"]
    units = [r for r in rows(people[1]) if r[3] == "T5a"]
    assert (len(units), len(experts)) == (by_id["T5a"]["value"], by_id["T5b"]["value"])


@pytest.mark.parametrize("as_of", [ENDED, RUNNING])
def test_locality_table_groups_by_old_district_as_the_status_json(sample, as_of) -> None:
    document, status = read(sample, as_of)
    table = table_by_header(document, "STT", "Huyện (cũ)")
    heads = [c.text for c in table.rows[0].cells][2:]
    targets = targets_by_id(status)
    assert heads == [t["id"] for t in status["targets"] if t["by_district"] is not None]
    found = {r[1]: r[2:] for r in rows(table)}
    groups = {n for t in status["targets"] for n in t["by_district"] or {}}
    assert {"(none)" if n == "(không rõ)" else n for n in found} == groups
    for tid, column in zip(heads, zip(*found.values(), strict=True), strict=True):
        t = targets[tid]
        for name, cell in zip(found, column, strict=True):
            key = "(none)" if name == "(không rõ)" else name
            entry = t["by_district"].get(key)
            if t["kind"] == "count":
                assert parse(cell) == (entry or 0), (tid, name)
            elif entry is None:
                assert cell == "–"
            else:
                n, d = entry["numerator"], entry["denominator"]
                assert cell == f"{n}/{d} ({str(entry['value']).replace('.', ',')}%)"
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("Theo huyện cũ (đến 30/06/2025") for t in texts)


def test_appendix_lists_who_counts_as_many_as_the_status_counts(sample) -> None:
    document, status = read(sample)
    texts = [p.text for p in document.paragraphs]
    assert "PHỤ LỤC" in texts
    assert "(Kèm theo Báo cáo số 15/BC-SKHCN ngày 05/01/2026 của Sở Khoa học và Công nghệ)" in texts
    appendix = [t for t in document.tables if [c.text for c in t.rows[0].cells][-1] == "Hồ sơ"]
    counts = [len(t.rows) - 1 for t in appendix]
    expected = [t["value"] for t in status["targets"] if t["kind"] == "count"]
    expected.insert(2, targets_by_id(status)["T3"]["numerator"])
    assert counts == expected
    assert f"Được tính: {targets_by_id(status)['T1']['value']}" in texts


def test_problems_paragraph_gives_the_counts_of_the_status(sample) -> None:
    document, status = read(sample)
    texts = [p.text for p in document.paragraphs]
    problems = texts[texts.index("V. TỒN TẠI VỀ SỐ LIỆU") + 1]
    p = status["problems"]
    assert problems.startswith(
        f"Dữ liệu có {p['errors']} lỗi và {p['warnings']} cảnh báo; {p['records_left_out']} bản "
        f"ghi và {p['files_left_out']} tệp bị loại khỏi số liệu."
    )


# --- the narrative ------------------------------------------------------------------------------


def narrative(document: Any) -> str:
    """Section I's paragraphs: the introduction and one per target."""
    texts = [p.text for p in document.paragraphs]
    start = texts.index("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    end = next(i for i, t in enumerate(texts) if t.startswith("Bảng 1."))
    return "\n\n".join([texts[start - 1], *texts[start:end]]) + "\n"


@pytest.mark.parametrize("as_of", [RUNNING, ENDED])
def test_narrative_matches_its_golden_file(sample, as_of) -> None:
    document, _ = read(sample, as_of)
    produced = narrative(document)
    golden = GOLDEN / f"narrative-{as_of}.txt"
    if UPDATE:
        golden.write_text(produced, encoding="utf-8")
    assert golden.exists(), f"no {golden}; run PQP_UPDATE_GOLDEN=1 pytest {__file__}"
    assert produced == golden.read_text(encoding="utf-8"), (
        f"the narrative differs from {golden}; if intended, regenerate with "
        "PQP_UPDATE_GOLDEN=1 pytest tests/test_report_docx.py and review the diff"
    )


def test_narrative_of_the_ended_plan_says_what_was_met_with_the_json_figures(sample) -> None:
    document, status = read(sample)
    t1 = targets_by_id(status)["T1"]
    assert (t1["value"], t1["target"], t1["progress_percent"]) == (444, 400, 111.0)
    text = narrative(document)
    assert "Đã tập huấn cho 444 cơ sở, đạt 111,0% chỉ tiêu kế hoạch (400 cơ sở)" in text
    assert "đến hết kỳ kế hoạch (31/12/2025) đã đạt chỉ tiêu" in text


def test_the_signature_is_kept_with_the_last_paragraph_of_the_text(sample) -> None:
    document, _ = read(sample)
    body = document.element.body
    closing = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))
    before = closing._tbl.getprevious()
    paragraphs = {p._p: p for p in document.paragraphs}
    blank, last = paragraphs[before], paragraphs[before.getprevious()]
    assert blank.paragraph_format.keep_with_next and last.paragraph_format.keep_with_next
    assert last.text.startswith("Dữ liệu có") and body is not None


@pytest.mark.parametrize(
    ("years", "parts"),
    [
        (0, [0]),
        (5, [5]),
        (6, [6]),
        (7, [4, 3]),
        (12, [6, 6]),
        (13, [5, 4, 4]),
        (2021, [6] * 336 + [5]),
    ],
)
def test_a_long_period_splits_the_year_columns_into_tables_of_six_at_most(
    years: int, parts: list[int]
) -> None:
    """Every year in order, once, each part with the first columns repeated in every row."""
    from pqp_cli.render.docx_tables import by_years

    heads = ["code", "title", "", *(str(y) for y in range(1, years + 1))]
    rows = [["T1", "Trained", "in the year", *(f"r{y}" for y in range(years))]]
    split = by_years(heads, rows, fixed=3)
    assert [len(h) - 3 for h, _ in split] == parts
    assert [y for h, _ in split for y in h[3:]] == heads[3:]
    assert all(h[:3] == heads[:3] and r[0][:3] == rows[0][:3] for h, r in split)
    assert [c for _, r in split for c in r[0][3:]] == rows[0][3:]


def test_a_date_heading_breaks_before_its_year_only(tmp_path: Path) -> None:
    """Six year columns, the last to 30 June: a sixth of the page's width holds `30/06/2026` on
    no line, and Word and LibreOffice broke it inside the year (`30/06/2` over `026`). The
    heading may now break before its year only (a zero-width space), and says nothing else:
    the caption and the text keep the date whole."""
    from conftest import copy_sample

    copy_sample(tmp_path)
    targets = tmp_path / "targets.yaml"
    targets.write_text(
        targets.read_text(encoding="utf-8").replace("end: 2025-12-31", "end: 2026-12-31"),
        encoding="utf-8",
    )
    out, data = tmp_path / "r.docx", ("--data", str(tmp_path / "data"), "--targets", str(targets))
    invoke("report", "-o", str(out), *data, "--as-of", "2026-06-30", "--lang", "vi")
    document = docx.Document(str(out))
    heads = [c.text for c in table_by_header(document, "Mã", "Chỉ tiêu", "").rows[0].cells]
    assert heads[3:] == ["2021", "2022", "2023", "2024", "2025", "30/06/\u200b2026"]
    assert not [p.text for p in document.paragraphs if "\u200b" in p.text]
