"""Review of issue 9, finding 3: two sources never silently share one output file.

Through the CLI on sheets built in the test; the figure (status JSON) and the message.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_import_helpers import csv_file, data_dir, pqp, xlsx
from test_import_nolose import figures

D = dt.datetime(2023, 4, 3)
HEADER = ["STT", "Tên lớp tập huấn", "Ngày tập huấn", "Nội dung", "Tên cơ sở"]


def _sheet(path: Path, title: str, name: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return xlsx(path, [HEADER, [1, title, D, "Đo lường", name]], title="DS")


def test_two_districts_bao_cao_do_not_replace_each_other(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    nga_son = _sheet(tmp_path / "in" / "nga-son" / "bao-cao.xlsx", "Lớp A", "Cty Bánh kẹo Lam Sơn")
    ha_trung = _sheet(tmp_path / "in" / "ha-trung" / "bao-cao.xlsx", "Lớp B", "HTX Nông nghiệp Lân")
    assert pqp("import", "trainings", nga_son, "--data", data).exit_code == 0
    assert figures(tmp_path, data)["T1"] == 1
    result = pqp("import", "trainings", ha_trung, "--data", data)
    assert result.exit_code == 1
    assert "trainings/bao-cao.yaml holds the records imported from bao-cao.xlsx in" in (
        result.stdout + result.stderr
    )
    assert "Pass --out OTHER.yaml to import this file into a new file, or --replace" in (
        result.stdout + result.stderr
    )
    assert figures(tmp_path, data)["T1"] == 1
    out = data / "trainings" / "ha-trung.yaml"
    assert pqp("import", "trainings", ha_trung, "--data", data, "--out", out).exit_code == 0
    assert figures(tmp_path, data)["T1"] == 2
    again = pqp("import", "trainings", nga_son, "--data", data)  # its own file: fine
    assert again.exit_code == 0, again.stdout + again.stderr


def test_q1_csv_then_q1_xlsx_is_refused_unless_replace(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    rows = [HEADER, [1, "Lớp A", "03/04/2023", "Đo lường", "Cty Bánh kẹo Lam Sơn"]]
    csv_source = csv_file(tmp_path / "q1.csv", rows)
    assert pqp("import", "trainings", csv_source, "--data", data).exit_code == 0
    xlsx_source = _sheet(tmp_path / "q1.xlsx", "Lớp B", "HTX Nông nghiệp Lân")
    result = pqp("import", "trainings", xlsx_source, "--data", data, "--lang", "vi")
    assert result.exit_code == 1
    assert "đang chứa bản ghi nhập từ q1.csv" in result.stdout + result.stderr
    assert figures(tmp_path, data)["T1"] == 1
    replaced = pqp("import", "trainings", xlsx_source, "--data", data, "--replace")
    assert replaced.exit_code == 0, replaced.stdout
    assert "which held the records from q1.csv (--replace)" in replaced.stderr
    assert figures(tmp_path, data)["T1"] == 1  # HTX01 now, Lam Sơn's training replaced


def test_dot_names_and_a_trailing_space_are_other_sources(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    first = _sheet(tmp_path / "..xlsx", "Lớp A", "Cty Bánh kẹo Lam Sơn")
    second = _sheet(tmp_path / "...xlsx", "Lớp B", "HTX Nông nghiệp Lân")
    assert pqp("import", "trainings", first, "--data", data).exit_code == 0
    assert pqp("import", "trainings", second, "--data", data).exit_code == 1
    lop = _sheet(tmp_path / "lop.xlsx", "Lớp C", "Cty Bánh kẹo Lam Sơn")
    lop_space = _sheet(tmp_path / "lop .xlsx", "Lớp D", "HTX Nông nghiệp Lân")
    assert pqp("import", "trainings", lop, "--data", data).exit_code == 0
    assert pqp("import", "trainings", lop_space, "--data", data).exit_code == 1
    assert figures(tmp_path, data)["T1"] == 1


def test_a_refusal_under_skip_invalid_does_not_advise_skip_invalid(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    first = _sheet(tmp_path / "lop.xlsx", "Lớp A", "Cty Bánh kẹo Lam Sơn")
    again = _sheet(tmp_path / "lop (ban sua).xlsx", "Lớp A", "Cty Bánh kẹo Lam Sơn")
    assert pqp("import", "trainings", first, "--data", data).exit_code == 0
    result = pqp("import", "trainings", again, "--data", data, "--skip-invalid")
    assert result.exit_code == 1
    assert "were already imported from lop.xlsx" in result.stdout
    assert "pass --skip-invalid" not in result.stdout
    assert "Nothing written: an error belongs to no row that could be left out" in result.stdout
    assert figures(tmp_path, data)["T1"] == 1


def test_a_whole_sheet_refusal_is_not_counted_as_a_rejected_row(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    first = _sheet(tmp_path / "lop.xlsx", "Lớp A", "Cty Bánh kẹo Lam Sơn")
    again = _sheet(tmp_path / "lop (ban sua).xlsx", "Lớp A", "Cty Bánh kẹo Lam Sơn")
    assert pqp("import", "trainings", first, "--data", data).exit_code == 0
    result = pqp("import", "trainings", again, "--data", data)
    assert result.exit_code == 1
    assert "row(s) rejected" not in result.stdout
    assert "The sheet is refused:" in result.stdout
    assert figures(tmp_path, data)["T1"] == 1


def test_a_whole_sheet_refusal_does_not_end_by_blaming_rows(tmp_path: Path) -> None:
    """The last line says why nothing was written: the sheet was refused. "As rows were
    rejected … pass --skip-invalid" would send the user to an option that cannot help."""
    data = data_dir(tmp_path)
    first = _sheet(tmp_path / "lop.xlsx", "Lớp A", "Cty Bánh kẹo Lam Sơn")
    again = _sheet(tmp_path / "lop (ban sua).xlsx", "Lớp A", "Cty Bánh kẹo Lam Sơn")
    assert pqp("import", "trainings", first, "--data", data).exit_code == 0
    for lang, refused in (("en", "Nothing written: the sheet is refused"), ("vi", "Không ghi gì")):
        result = pqp("import", "trainings", again, "--data", data, "--lang", lang)
        assert result.exit_code == 1
        last = result.stdout.strip().splitlines()[-1]
        assert last.startswith(refused), last
        assert "--skip-invalid" not in last and "dòng bị loại" not in last


def test_the_rejects_file_writes_dates_day_first_under_vi(tmp_path: Path) -> None:
    """A Vietnamese user fixes the rejected rows in the rejects file and imports it again: its
    dates read as the sheet showed them (`03/04/2023`, which import reads back), not ISO."""
    data = data_dir(tmp_path)
    sheet = xlsx(
        tmp_path / "lop.xlsx",
        [
            HEADER,
            [1, "Lớp A", D, "Đo lường", "Cty Bánh kẹo Lam Sơn"],
            [2, "Lớp B", D, "Đo lường", "Cty Không Có Thật"],
        ],
        title="DS",
    )
    result = pqp("import", "trainings", sheet, "--data", data, "--lang", "vi", "--skip-invalid")
    assert "1 dòng bị loại" in result.stdout, result.stdout + result.stderr
    (rejects,) = tmp_path.glob("*.rejects.csv")
    text = rejects.read_text(encoding="utf-8-sig")
    assert "03/04/2023" in text and "2023-04-03" not in text
