"""A name match must agree on the legal form and the locality (hostile a22, a23)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_import_helpers import data_dir, pqp, xlsx
from test_import_nolose import figures, imported

D = dt.date(2023, 4, 3)
HEAD = ["Tên lớp", "Ngày tập huấn", "Nội dung", "Tên cơ sở", "Huyện"]


def _sheet(tmp_path: Path, *people: tuple[str, str]) -> Path:
    rows = [HEAD] + [["Lớp 5S", D, "Công cụ cải tiến", n, h] for n, h in people]
    return xlsx(tmp_path / "lop.xlsx", rows)


def test_other_legal_form_or_locality_is_another_establishment(tmp_path: Path) -> None:
    """HTX / Hộ kinh doanh / another district were all credited to DN002 (T1 1, should be 4)."""
    data = data_dir(tmp_path)
    people = [
        ("HTX Mía đường Nông Cống", "Nông Cống"),
        ("Công ty Cổ phần Mía đường Nông Cống", ""),
        ("Hộ kinh doanh Mía đường Nông Cống", "Nông Cống"),
        ("Công ty TNHH Bánh kẹo Lam Sơn", "Nga Sơn"),
        ("Công ty TNHH Bánh kẹo Lam Sơn", "Thọ Xuân"),
    ]
    result = pqp("import", "trainings", _sheet(tmp_path, *people), "--data", data,
                 "--create-missing")  # fmt: skip
    assert result.exit_code == 0, result.stdout + result.stderr
    [training] = imported(data, "trainings")
    ids = training["participants"]
    assert len(ids) == 5 and {"DN001", "DN002"} <= set(ids)
    made = {e["name"]: e["type"] for e in imported(data, "enterprises")}
    assert made["HTX Mía đường Nông Cống"] == "cooperative"
    assert made["Hộ kinh doanh Mía đường Nông Cống"] == "household"
    assert figures(tmp_path, data)["T1"] == 5


def test_other_legal_form_is_rejected_without_create_missing(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    sheet = _sheet(tmp_path, ("HTX Mía đường Nông Cống", ""), ("Công ty CP Bánh kẹo Lam Sơn", ""))
    result = pqp("import", "trainings", sheet, "--data", data)
    assert result.exit_code == 1
    out = result.stdout
    assert 'D2 (column "Tên cơ sở"): "HTX Mía đường Nông Cống" is not DN002' in out
    assert "the legal forms differ (HTX, Công ty CP)" in out
    assert "the legal forms differ (Công ty CP, Công ty TNHH)" in out
    assert figures(tmp_path, data)["T1"] == 0


def test_lines_each_opening_with_a_legal_form_are_several_new_establishments(
    tmp_path: Path,
) -> None:
    """a15: three new establishments on three lines of one cell were one (T1 1, should be 3)."""
    data = data_dir(tmp_path)
    cell = "HTX Nông nghiệp Xuân Lập\nCông ty TNHH Bánh kẹo Hồng Hà\nHKD Lê Văn Tám"
    wrapped = "Doanh nghiệp tư nhân Bánh kẹo\nHồng Phát"
    sheet = _sheet(tmp_path, (cell, ""), (wrapped, ""))
    result = pqp("import", "trainings", sheet, "--data", data, "--create-missing")
    assert result.exit_code == 0, result.stdout + result.stderr
    names = sorted(e["name"] for e in imported(data, "enterprises"))
    assert names == [
        "Công ty TNHH Bánh kẹo Hồng Hà",
        "Doanh nghiệp tư nhân Bánh kẹo Hồng Phát",
        "HKD Lê Văn Tám",
        "HTX Nông nghiệp Xuân Lập",
    ]
    assert figures(tmp_path, data)["T1"] == 4
