"""Under `--lang vi` each format writes the Vietnamese way: dates dd/mm/yyyy, a decimal comma
and `.` between thousands, a CSV with a BOM, Vietnamese heads and statuses; `--as-of`,
`--date` and `init` take day-first dates; English keeps its own form. On the broken sample of
tests/vi_dataset.py (the search for English words is tests/test_vi_everywhere.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner
from vi_dataset import build, docx_text, pqp

from pqp_cli.cli.app import app


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("vi"))


def test_vi_status_writes_dates_and_numbers_the_vietnamese_way(repo) -> None:
    table = pqp(repo, "status", "--as-of", "2025-09-30")
    assert "Tính đến 30/09/2025" in table and "01/01/2021 → 31/12/2025" in table
    assert "2025-09-30" not in table and "2021-01-01" not in table
    assert re.search(r"\d+,\d%", table) and not re.search(r"\d\.\d%", table)
    markdown = pqp(repo, "status", "--format", "markdown", "--as-of", "2025-09-30")
    assert "Tính đến 30/09/2025" in markdown and not re.search(r"\d\.\d%", markdown)


def test_vi_csv_has_a_bom_vietnamese_heads_statuses_and_decimal_commas(repo) -> None:
    where = ["--data", str(repo / "data"), "--targets", str(repo / "targets.yaml")]
    args = ["status", "--format", "csv", "--projection", "--as-of", "2025-09-30", *where]
    vi = CliRunner().invoke(app, [*args, "--lang", "vi"]).stdout_bytes
    en = CliRunner().invoke(app, [*args, "--lang", "en"]).stdout_bytes
    assert vi.startswith("\ufeff".encode()) and not en.startswith(b"\xef\xbb\xbf")
    head, first, *_ = vi.decode("utf-8-sig").splitlines()
    assert head.startswith("Mã,Chỉ tiêu,") and "Trạng thái" in head
    assert "behind" not in vi.decode() and "on_track" not in vi.decode()
    assert re.search(r'"\d+,\d"', first)  # a decimal comma, quoted by the CSV writer
    assert en.decode().splitlines()[0].startswith("id,title,metric,kind,value,target,")


def test_vi_xlsx_heads_statuses_and_dates(repo, tmp_path) -> None:
    out = tmp_path / "r.xlsx"
    pqp(repo, "report", "-o", str(out), "--as-of", "2025-09-30")
    wb = load_workbook(out)
    summary, problems = wb["Tổng hợp"], wb["Vấn đề"]
    heads = [c.value for c in summary[1]]
    assert heads[:3] == ["Mã", "Chỉ tiêu", "Chỉ số"] and "Trạng thái" in heads
    statuses = {r[heads.index("Trạng thái")] for r in summary.iter_rows(2, values_only=True)}
    assert statuses and not statuses & {"met", "behind", "on_track", "at_risk", "missed"}
    assert [c.value for c in problems[1]][:4] == ["Mức độ", "Mã vấn đề", "Tệp", "Dòng"]
    dated = [c for row in summary.iter_rows(2) for c in row if c.is_date]
    assert dated and all(c.number_format == "dd/mm/yyyy" for c in dated)


def test_english_output_is_unchanged_in_form(repo) -> None:
    """English keeps ISO dates, decimal points, raw CSV keys and codes (the golden files of
    tests/test_report_golden.py hold the English report byte for byte)."""
    where = ["--data", str(repo / "data"), "--targets", str(repo / "targets.yaml")]
    table = CliRunner().invoke(app, ["status", "--as-of", "2025-09-30", *where]).stdout
    assert "As of 2025-09-30" in table and "2021-01-01 → 2025-12-31" in table
    assert re.search(r"\d\.\d%", table)
    said = CliRunner().invoke(app, ["validate", *where]).stdout
    assert "date 2027-05-10 is after today" in said
    assert 'participants "CS-9999" matches no enterprise' in said or "CS-9999" in said


@pytest.mark.parametrize("given", ["15/12/2025", "2025-12-15", "15-12-2025"])
def test_report_date_takes_day_first_dates_as_as_of_does(repo, tmp_path, given) -> None:
    out = tmp_path / "r.docx"
    said = pqp(repo, "report", "-o", str(out), "--as-of", "2025-09-30", "--date", given)
    assert out.exists(), said
    assert "ngày 15 tháng 12 năm 2025" in docx_text(out)


def test_report_date_refuses_month_first_and_says_so_in_vietnamese(repo, tmp_path) -> None:
    out = tmp_path / "r.docx"
    said = pqp(repo, "report", "-o", str(out), "--date", "12/31/2025", code=(2,))
    assert "--date '12/31/2025' không hợp lệ: hãy ghi ngày dạng dd/mm/yyyy" in said
    early = pqp(
        repo, "report", "-o", str(out), "--as-of", "2025-09-30", "--date", "01/09/2025", code=(2,)
    )
    assert "--date 01/09/2025 trước --as-of 30/09/2025" in early  # dates day first under vi
    assert not out.exists()


def test_explain_head_writes_day_first_dates_and_decimal_commas_under_vi(repo) -> None:
    """It said `81.4% (179/220) / 100% (…) tính đến 2025-09-30` (found reading every command)."""
    said = pqp(repo, "explain", "T3", "--as-of", "2025-09-30")
    head = next(line for line in said.splitlines() if line.startswith("T3 · "))
    assert head.endswith("tính đến 30/09/2025") and re.search(r": \d+,\d% \(\d+/\d+\) / ", head)
    where = ["--data", str(repo / "data"), "--targets", str(repo / "targets.yaml")]
    english = CliRunner().invoke(app, ["explain", "T3", "--as-of", "2025-09-30", *where]).stdout
    assert re.search(r": \d+\.\d% \(\d+/\d+\) of 100% \(.*\) as of 2025-09-30", english)


def test_vi_xlsx_locality_and_plan_sheets_have_vietnamese_heads(repo, tmp_path) -> None:
    """The by-locality sheet headed a rate's denominator `T3 /` and the plan sheet wrote
    `tính tại` in lower case among capitalised heads (found reading every cell)."""
    out = tmp_path / "r.xlsx"
    pqp(repo, "report", "-o", str(out), "--as-of", "2025-09-30")
    wb = load_workbook(out)
    heads = [c.value for c in wb["Theo địa bàn"][1]]
    assert "T3 Mẫu số" in heads and not [h for h in heads if str(h).endswith(" /")]
    firsts = [r[0] for r in wb["Kế hoạch"].iter_rows(values_only=True) if r[0]]
    assert "Tính tại" in firsts and all(h[0].isupper() for h in firsts)


def _t3_cells(text: str) -> list[str]:
    row = next(line for line in text.splitlines() if line.startswith("| T3 "))
    return [c.strip() for c in row.strip("|").split("|")]


def test_vi_status_writes_a_rate_as_the_report_does(repo, tmp_path) -> None:
    """`status` wrote a rate target's expected level `95,0` where the reports write `95,0%`,
    and an unknown rate `–% (0/0)` where they write `– (0/0)` (found comparing outputs)."""
    status = _t3_cells(pqp(repo, "status", "--format", "markdown", "--as-of", "30/09/2025"))
    out = tmp_path / "r.md"
    pqp(repo, "report", "-o", str(out), "--as-of", "30/09/2025")
    report = _t3_cells(out.read_text(encoding="utf-8"))
    assert status[2:4] == report[2:4] and status[5] == report[5] == "95,0%"
    CliRunner().invoke(app, ["init", str(tmp_path / "moi")])  # a plan with no records yet
    where = ["--data", str(tmp_path / "moi/data"), "--targets", str(tmp_path / "moi/targets.yaml")]
    empty = CliRunner().invoke(app, ["status", "--format", "markdown", "--lang", "vi", *where])
    assert _t3_cells(empty.stdout)[2] == "– (0/0)" and "–%" not in empty.stdout


@pytest.mark.parametrize(
    ("args", "typed"),
    [
        (("status", "--as-of", "2025-02-30"), "'2025-02-30'"),
        (("report", "-o", "r.docx", "--date", "2026-02-30"), "'2026-02-30'"),
        (("init", "moi", "--end", "2030-02-30"), "'2030-02-30'"),
    ],
    ids=lambda v: v if isinstance(v, str) else v[0],
)
def test_a_wrong_date_is_quoted_as_typed_under_vi(args, typed, tmp_path, monkeypatch) -> None:
    """`--as-of 2025-02-30` was answered `--as-of '30/02/2025' không hợp lệ`: a value the user
    typed, rewritten as a date it is not (found with every wrong usage)."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [*args, "--lang", "vi"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2 and typed in result.stderr, result.stderr


def test_init_takes_day_first_dates_as_every_date_option_does(tmp_path, monkeypatch) -> None:
    """`pqp init --start 01/01/2026` was refused (`hãy ghi ngày dạng YYYY-MM-DD`) where
    `--as-of` and `--date` take the date as a Vietnamese user writes it."""
    monkeypatch.chdir(tmp_path)
    args = ["init", "moi", "--start", "01/01/2026", "--end", "31/12/2030", "--lang", "vi"]
    result = CliRunner().invoke(app, args, env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    assert "period: {start: 2026-01-01, end: 2030-12-31}" in Path("moi/targets.yaml").read_text(
        encoding="utf-8"
    )


def test_a_year_before_1000_keeps_its_four_digits_in_a_short_date() -> None:
    """`30/06/12` reads as 2012: a plan's day in the year 12 is written `30/06/0012`."""
    import datetime as dt

    from pqp_cli.core.messages.localise import vi_date
    from pqp_cli.render.vnformat import short_date

    day = dt.date(12, 6, 30)
    assert short_date(day, "vi") == "30/06/0012" == vi_date(day) == vi_date("0012-06-30")
    assert short_date(day, "en") == "30 Jun 0012"
    assert short_date(dt.date(2025, 12, 31), "vi") == "31/12/2025"
