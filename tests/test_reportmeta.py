"""The `report:` section of targets.yaml (issue 14): its defaults from the plan, its problems
with the line they are on, `pqp init` writing it, and the docx options of `pqp report`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from typer.testing import CliRunner

from pqp_cli.cli.app import app
from pqp_cli.read.plan import read_plan
from pqp_cli.read.reportmeta import initials, place_of, resolve

runner = CliRunner()
PLAN = """\
plan:
  id: test-plan
  title: Kế hoạch thử
  authority: UBND tỉnh Thanh Hóa
  focal_agency: Sở Khoa học và Công nghệ
  period: {start: 2021-01-01, end: 2025-12-31}
"""
TARGETS = "- {id: T1, title: Cơ sở được tập huấn, metric: trained_establishments, target: 4}\n"
TRAININGS = """
- {id: TR1, title: Tập huấn 5S, date: 2021-05-10, topics: [improvement_tools], participants: [E1]}
"""
ENTERPRISES = "- {id: E1, name: Công ty TNHH Lam Sơn, type: enterprise, locality: Thọ Xuân}\n"


def pqp(ws, *args: str):
    return runner.invoke(app, ws.args(*args), env={"NO_COLOR": "1", "PQP_LANG": ""})


def test_defaults_come_from_the_authority_and_the_focal_agency(ws) -> None:
    ws.write(TARGETS, plan=PLAN)
    plan, problems = read_plan(ws.targets)
    assert plan is not None and not problems and plan.report is None
    meta = resolve(plan.report, plan.info)
    assert (meta.parent_body, meta.issuing_body) == (
        "UBND TỈNH THANH HÓA",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
    )
    assert (meta.symbol, meta.place, meta.archive) == ("BC-SKHCN", "Thanh Hóa", "VT, SKHCN")
    assert meta.recipients == ["Ủy ban nhân dân tỉnh Thanh Hóa"] and meta.signer_title == "GIÁM ĐỐC"


def test_initials_and_place() -> None:
    assert initials("Sở Khoa học và Công nghệ") == "SKHCN"
    assert initials("UBND") == "UBND"
    assert place_of("UBND thành phố Hà Nội") == "Hà Nội"
    assert place_of("Bộ Khoa học và Công nghệ") == ""


def test_section_overrides_the_defaults(ws) -> None:
    section = """\
report:
  parent_body: Ủy ban nhân dân tỉnh Nghệ An
  symbol: BC-TĐC
  recipients: [Bộ Khoa học và Công nghệ]
  signer_title: KT. Giám đốc
  signer_name: Trần Thị Bình
"""
    ws.write(TARGETS, plan=PLAN + section)
    plan, problems = read_plan(ws.targets)
    assert plan is not None and not problems
    meta = resolve(plan.report, plan.info)
    assert meta.parent_body == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" and meta.symbol == "BC-TĐC"
    assert meta.recipients == ["Bộ Khoa học và Công nghệ"]
    assert (meta.signer_title, meta.signer_name) == ("KT. GIÁM ĐỐC", "Trần Thị Bình")


def test_problems_in_the_section_carry_their_line(ws) -> None:
    section = """\
report:
  parent_body: UBND TỈNH THANH HÓA
  recipient: [Bộ Khoa học và Công nghệ]
  copies: Chi cục TĐC
"""
    ws.write(TARGETS, plan=PLAN + section)
    result = pqp(ws, "validate")
    assert result.exit_code == 1
    lines = result.stdout + result.stderr
    assert "targets.yaml:9: error [unknown-field] unknown report.recipient" in lines
    assert "known: parent_body, issuing_body, symbol" in lines
    assert "targets.yaml:10: error [invalid-value] report.copies" in lines


def test_a_section_that_is_not_a_mapping_is_refused_with_its_line(ws) -> None:
    ws.write(TARGETS, plan=PLAN + "report: Sở KH&CN\n")
    _, problems = read_plan(ws.targets)
    assert [(p.code, p.line) for p in problems] == [("invalid-value", 7)]


def test_init_writes_the_section_and_it_validates(tmp_path: Path) -> None:
    folder = tmp_path / "kh"
    result = runner.invoke(app, ["init", str(folder), "--authority", "UBND tỉnh Hà Tĩnh"])
    assert result.exit_code == 0, result.stderr
    text = (folder / "targets.yaml").read_text(encoding="utf-8")
    assert "\nreport:\n" in text and "# signer_name: ..." in text
    plan, problems = read_plan(folder / "targets.yaml")
    assert plan is not None and not [p for p in problems if p.is_error]
    meta = resolve(plan.report, plan.info)
    assert (meta.parent_body, meta.place, meta.archive) == ("UBND TỈNH HÀ TĨNH", "Hà Tĩnh", "VT")


# --- pqp report --format docx -------------------------------------------------------------------


def test_docx_is_vietnamese_by_default_and_english_on_request(ws, tmp_path: Path) -> None:
    ws.write(TARGETS, plan=PLAN, trainings=TRAININGS, enterprises=ENTERPRISES)
    out = tmp_path / "r.docx"
    result = pqp(ws, "report", "-o", str(out), "--as-of", "2021-12-31", "--date", "2022-01-05")
    assert result.exit_code == 0, result.stderr
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "BÁO CÁO" in texts and "Kính gửi: Ủy ban nhân dân tỉnh Thanh Hóa." in texts
    head = docx.Document(str(out)).tables[0]
    assert head.rows[1].cells[1].text == "Thanh Hóa, ngày 05 tháng 01 năm 2022"
    result = pqp(ws, "report", "-o", str(out), "--as-of", "2021-12-31", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(out))
    assert "REPORT" in [p.text for p in document.paragraphs]
    narrative = next(p.text for p in document.paragraphs if p.text.startswith("1. "))
    assert narrative.startswith(
        "1. Cơ sở được tập huấn (T1): 1 establishment has been trained, 25.0% of the plan's "
        "target (4 establishments); in 2021: up 1 establishment;"
    )
    today = dt.date.today()
    assert document.tables[0].rows[1].cells[1].text.endswith(str(today.year))


def test_docx_cannot_go_to_standard_output_and_a_bad_date_is_refused(ws, tmp_path: Path) -> None:
    ws.write(TARGETS, plan=PLAN)
    result = pqp(ws, "report", "-o", "-", "--format", "docx")
    assert result.exit_code != 0 and "báo cáo docx không thể ghi ra màn hình" in result.stderr
    result = pqp(ws, "report", "-o", str(tmp_path / "r.docx"), "--date", "31/02/2026")
    assert result.exit_code != 0 and "--date '31/02/2026'" in result.stderr
    assert not (tmp_path / "r.docx").exists()


# --- review findings (issue 14, second pass) ----------------------------------------------------


def test_docx_refuses_a_report_section_with_an_error_naming_it_and_its_line(ws, tmp_path) -> None:
    section = "report:\n  recipient: [Bộ Khoa học và Công nghệ]\n  signer_name: Lê Văn A\n"
    ws.write(TARGETS, plan=PLAN + section, trainings=TRAININGS, enterprises=ENTERPRISES)
    out = tmp_path / "r.docx"
    result = pqp(ws, "report", "-o", str(out), "--as-of", "2021-12-31")
    assert result.exit_code == 1 and not out.exists()
    assert "targets.yaml:8" in result.stderr and "report.recipient" in result.stderr
    html = pqp(ws, "report", "-o", str(tmp_path / "r.html"), "--as-of", "2021-12-31")
    assert html.exit_code == 0, html.stderr


def test_empty_texts_in_the_report_section_are_errors(ws, tmp_path) -> None:
    ws.write(TARGETS, plan=PLAN + 'report:\n  place: ""\n  signer_name: ""\n')
    _, problems = read_plan(ws.targets)
    assert sorted((p.code, p.line) for p in problems) == [
        ("invalid-value", 8),
        ("invalid-value", 9),
    ]
    result = pqp(ws, "report", "-o", str(tmp_path / "r.docx"), "--as-of", "2021-12-31")
    assert result.exit_code == 1 and "report.place" in result.stderr


def test_number_is_digits_or_a_whole_symbol(ws, tmp_path) -> None:
    ws.write(TARGETS, plan=PLAN, trainings=TRAININGS, enterprises=ENTERPRISES)
    out = tmp_path / "r.docx"
    base = ("report", "-o", str(out), "--as-of", "2021-12-31", "--date", "2022-01-05")
    result = pqp(ws, *base, "--number", "12/BC")
    assert result.exit_code == 2 and "--number" in result.stderr
    result = pqp(ws, *base, "--number", "12/BC-TĐC")
    assert result.exit_code == 0, result.stderr
    head = docx.Document(str(out)).tables[0]
    assert head.rows[1].cells[0].text == "Số: 12/BC-TĐC"
    result = pqp(ws, *base, "--number", " 7 ")
    assert docx.Document(str(out)).tables[0].rows[1].cells[0].text == "Số: 7/BC-SKHCN"


def test_a_date_before_the_as_of_date_is_refused(ws, tmp_path) -> None:
    ws.write(TARGETS, plan=PLAN)
    out = tmp_path / "r.docx"
    result = pqp(ws, "report", "-o", str(out), "--as-of", "2021-12-31", "--date", "2021-12-30")
    assert result.exit_code == 2 and "--date" in result.stderr and not out.exists()


def test_a_symbol_with_xml_characters_is_written_as_text(ws, tmp_path) -> None:
    section = 'report:\n  symbol: "BC-<KH&CN>/\\"x\\""\n  signer_name: Lê Văn A\n'
    ws.write(TARGETS, plan=PLAN + section, trainings=TRAININGS, enterprises=ENTERPRISES)
    out = tmp_path / "r.docx"
    result = pqp(ws, "report", "-o", str(out), "--as-of", "2021-12-31", "--number", "3")
    assert result.exit_code == 0, result.stderr
    head = docx.Document(str(out)).tables[0]
    assert head.rows[1].cells[0].text == 'Số: 3/BC-<KH&CN>/"x"'


def test_a_fresh_init_plan_shows_visible_placeholders(tmp_path: Path) -> None:
    folder = tmp_path / "kh"
    result = runner.invoke(app, ["init", str(folder)])
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "r.docx"
    args = ["report", "-o", str(out), "--data", str(folder / "data")]
    args += ["--targets", str(folder / "targets.yaml"), "--as-of", "2021-06-30"]
    result = runner.invoke(app, args, env={"NO_COLOR": "1", "PQP_LANG": ""})
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(out))
    head = document.tables[0]
    assert head.rows[0].cells[0].paragraphs[0].text.strip() != ""
    assert head.rows[1].cells[1].text.startswith("……, ngày")
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("Kính gửi: ……") for t in texts)
    subject = texts[texts.index("BÁO CÁO") + 1]
    assert subject.startswith("Kết quả thực hiện ") and not subject[18].isupper()


def _one_target_docx(ws, tmp_path: Path, *extra: str):
    ws.write(TARGETS, plan=PLAN, trainings=TRAININGS, enterprises=ENTERPRISES)
    out = tmp_path / "r.docx"
    result = pqp(ws, "report", "-o", str(out), "--as-of", "2021-12-31", *extra)
    assert result.exit_code == 0, result.stderr
    return docx.Document(str(out))


def test_tables_and_headings_are_numbered_for_what_is_present(ws, tmp_path: Path) -> None:
    document = _one_target_docx(ws, tmp_path)
    texts = [p.text for p in document.paragraphs]
    captions = [t.split(".")[0] for t in texts if t.startswith("Bảng ")]
    assert captions == [f"Bảng {i}" for i in range(1, len(captions) + 1)]
    headings = [t.split(".")[0] for t in texts if t[:2] in ("I.", "II", "IV", "V.", "VI")]
    assert headings == ["I", "II", "III", "IV"][: len(headings)] and len(headings) >= 3
    assert not any("MÔ HÌNH ĐIỂM" in t for t in texts)


def test_an_empty_table_is_a_sentence(ws, tmp_path: Path) -> None:
    ws.write(TARGETS, plan=PLAN)
    out = tmp_path / "r.docx"
    result = pqp(ws, "report", "-o", str(out), "--as-of", "2021-12-31")
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(out))
    for table in document.tables[1:-1]:  # between the header block and the signature
        assert len(table.rows) > 1, [c.text for c in table.rows[0].cells]


def test_the_document_language_is_set_in_the_styles(ws, tmp_path: Path) -> None:
    from docx.oxml.ns import qn

    for extra, want in (((), "vi-VN"), (("--lang", "en"), "en-GB")):
        document = _one_target_docx(ws, tmp_path, *extra)
        lang = document.styles["Normal"].element.rPr.find(qn("w:lang"))
        assert lang is not None and lang.get(qn("w:val")) == want
