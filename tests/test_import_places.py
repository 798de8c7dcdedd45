"""Import reads the "Huyện" and "Xã/phường" columns, writes the register's canonical name, and
warns (naming the cell) about a place it cannot resolve; the template asks for the level of the
plan's period (issue 15, point 4)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook
from test_import_helpers import TAX_LAMSON, csv_file, data_dir, pqp, xlsx

PLAN = """\
plan:
  id: t
  title: Test plan
  authority: UBND tỉnh Thanh Hóa
  province: Thanh Hóa
  period: {{start: {start}, end: {end}}}
targets: []
"""
OLD, NEW = ("2021-01-01", "2025-12-31"), ("2026-01-01", "2030-12-31")
MAKERS = {"xlsx": xlsx, "csv": csv_file}


def _project(root: Path, period: tuple[str, str] = OLD, plan: str = PLAN) -> tuple[Path, Path]:
    targets = root / "targets.yaml"
    targets.write_text(plan.format(start=period[0], end=period[1]), encoding="utf-8")
    return data_dir(root), targets


def _import(root: Path, rows: list[list[Any]], fmt: str, *more: str, **kw: Any) -> Any:
    data, targets = _project(root, **kw)
    sheet = MAKERS[fmt](root / f"places.{fmt}", rows)
    result = pqp("import", "enterprises", sheet, "--data", data, "--targets", targets, *more)
    return result, data / "enterprises" / "places.yaml"


def _localities(path: Path) -> dict[str, Any]:
    return {r["name"]: r.get("locality") for r in yaml.safe_load(path.read_text("utf-8"))}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_old_districts_bare_and_typed_are_written_by_their_canonical_name(tmp_path, fmt):
    rows = [
        ["Tên doanh nghiệp", "Loại hình", "Huyện"],
        ["Cơ sở A", "Doanh nghiệp", "Thọ Xuân"],
        ["Cơ sở B", "Doanh nghiệp", "H. Nga Sơn"],
        ["Cơ sở C", "Doanh nghiệp", "huyen Hoang Hoa"],
    ]
    result, out = _import(tmp_path, rows, fmt)
    assert result.exit_code == 0, result.output
    assert "unknown-locality" not in result.output and "locality" not in result.stderr
    assert _localities(out) == {
        "Cơ sở A": "Huyện Thọ Xuân",
        "Cơ sở B": "Huyện Nga Sơn",
        "Cơ sở C": "Huyện Hoằng Hóa",
    }


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_old_commune_and_district_in_two_columns_resolve_together(tmp_path, fmt):
    rows = [
        ["Tên doanh nghiệp", "Loại hình", "Xã/phường", "Huyện"],
        ["Cơ sở A", "Doanh nghiệp", "Thị trấn Lam Sơn", "Thọ Xuân"],
        ["Cơ sở B", "Doanh nghiệp", "Xuân Hòa", "Huyện Thọ Xuân"],
        ["Cơ sở C", "Doanh nghiệp", "", "Nga Sơn"],
    ]
    result, out = _import(tmp_path, rows, fmt)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert _localities(out) == {
        "Cơ sở A": "Thị trấn Lam Sơn, huyện Thọ Xuân",
        "Cơ sở B": "Xã Xuân Hòa, huyện Thọ Xuân",
        "Cơ sở C": "Huyện Nga Sơn",
    }


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_new_communes_and_wards_alone(tmp_path, fmt):
    rows = [
        ["Tên doanh nghiệp", "Loại hình", "Xã/phường"],
        ["Cơ sở A", "Doanh nghiệp", "phường hạc thành"],
        ["Cơ sở B", "Doanh nghiệp", "Xã Xuân Hòa, huyện Như Xuân"],
    ]
    result, out = _import(tmp_path, rows, fmt, period=NEW)
    assert result.exit_code == 0, result.output
    assert _localities(out) == {
        "Cơ sở A": "Phường Hạc Thành",
        "Cơ sở B": "Xã Xuân Hòa, huyện Như Xuân",
    }


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_misspelt_place_is_written_as_given_and_its_cell_named(tmp_path, fmt):
    rows = [
        ["Tên doanh nghiệp", "Loại hình", "Huyện"],
        ["Cơ sở A", "Doanh nghiệp", "Thọ Xuânn"],
        ["Cơ sở B", "Doanh nghiệp", "Thọ Xuân"],
    ]
    result, out = _import(tmp_path, rows, fmt)
    assert result.exit_code == 0, result.output
    assert _localities(out) == {"Cơ sở A": "Thọ Xuânn", "Cơ sở B": "Huyện Thọ Xuân"}
    cell = "C2"
    warned = [line for line in result.stderr.splitlines() if "Thọ Xuânn" in line]
    assert len(warned) == 1, result.stderr
    assert cell in warned[0] and "is not a place in Thanh Hóa province" in warned[0]
    assert "nearest: Huyện Thọ Xuân" in warned[0]
    data = tmp_path / "data"
    vi = pqp(
        "import", "enterprises", tmp_path / f"places.{fmt}", "--data", data,
        "--targets", tmp_path / "targets.yaml", "--lang", "vi", "--dry-run",
    )  # fmt: skip
    assert "không phải đơn vị hành chính của tỉnh Thanh Hóa" in vi.stderr


def test_two_columns_that_do_not_resolve_are_written_as_given(tmp_path):
    rows = [["Tên doanh nghiệp", "Loại hình", "Xã/phường", "Huyện"]]
    rows.append(["Cơ sở A", "Doanh nghiệp", "Xã Không Có", "Thọ Xuân"])
    result, out = _import(tmp_path, rows, "xlsx")
    assert result.exit_code == 0, result.output
    assert _localities(out) == {"Cơ sở A": "Xã Không Có, Thọ Xuân"}
    assert "C2" in result.stderr and "Xã Không Có" in result.stderr


def test_without_a_known_province_the_text_is_written_as_given(tmp_path):
    plan = PLAN.replace("  authority: UBND tỉnh Thanh Hóa\n  province: Thanh Hóa\n", "")
    rows = [["Tên doanh nghiệp", "Loại hình", "Huyện"], ["Cơ sở A", "Doanh nghiệp", "Thọ Xuânn"]]
    result, out = _import(tmp_path, rows, "xlsx", plan=plan)
    assert result.exit_code == 0, result.output
    assert _localities(out) == {"Cơ sở A": "Thọ Xuânn"}
    assert result.stderr == ""


def _template_headers(root: Path, period: tuple[str, str], name: str, lang: str) -> list[Any]:
    _, targets = _project(root, period)
    result = pqp("template", "enterprises", "-o", root / name, "--targets", targets, "--lang", lang)
    assert result.exit_code == 0, result.output
    if name.endswith(".csv"):
        return (root / name).read_text("utf-8-sig").splitlines()[0].split(",")
    book = load_workbook(root / name)
    return [c.value for c in book.worksheets[0][1]]


@pytest.mark.parametrize("name", ["t.xlsx", "t.csv"])
def test_template_of_a_2026_2030_plan_asks_for_the_commune(tmp_path, name):
    headers = _template_headers(tmp_path, NEW, name, "vi")
    assert "Xã/phường" in headers and "Huyện" not in headers
    assert "Commune or ward" in _template_headers(tmp_path, NEW, "en-" + name, "en")


@pytest.mark.parametrize("name", ["t.xlsx", "t.csv"])
def test_template_of_a_2021_2025_plan_keeps_the_district(tmp_path, name):
    headers = _template_headers(tmp_path, OLD, name, "vi")
    assert "Huyện" in headers and "Xã/phường" not in headers


def test_a_filled_2026_template_imports_back_with_its_commune(tmp_path):
    _template_headers(tmp_path, NEW, "t.xlsx", "vi")
    book = load_workbook(tmp_path / "t.xlsx")
    sheet = book.worksheets[0]
    heads = [c.value for c in sheet[1]]
    row = {"Tên cơ sở *": "Cơ sở A", "Loại hình *": "Doanh nghiệp"}
    row["Xã/phường"] = "Hạc Thành"
    for col, head in enumerate(heads, start=1):
        if head in row:
            sheet.cell(row=2, column=col, value=row[head])
    book.save(tmp_path / "t.xlsx")
    data = tmp_path / "data"
    result = pqp(
        "import", "enterprises", tmp_path / "t.xlsx", "--data", data,
        "--targets", tmp_path / "targets.yaml",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _localities(data / "enterprises" / "t.yaml") == {"Cơ sở A": "Phường Hạc Thành"}


def test_a_training_venue_resolves_by_the_training_date(tmp_path):
    rows = [
        ["Tên lớp tập huấn", "Từ ngày", "Nội dung", "Mã số thuế", "Địa điểm"],
        ["Lớp A", dt.date(2026, 3, 2), "Đo lường", TAX_LAMSON, "xa Xuan Hoa"],
        ["Lớp B", dt.date(2024, 3, 4), "Đo lường", TAX_LAMSON, "Xã Xuân Hòa"],
    ]
    data, targets = _project(tmp_path, NEW)
    sheet = xlsx(tmp_path / "lop.xlsx", rows)
    result = pqp("import", "trainings", sheet, "--data", data, "--targets", targets)
    assert result.exit_code == 0, result.output
    written = yaml.safe_load((data / "trainings" / "lop.yaml").read_text("utf-8"))
    assert {r["title"]: r["locality"] for r in written} == {
        "Lớp A": "Xã Xuân Hòa",  # after the reform: the 2025 commune
        "Lớp B": "Xã Xuân Hòa",  # before it, two old communes bear the name: as given, warned
    }
    warned = [line for line in result.stderr.splitlines() if "could be" in line]
    assert len(warned) == 1 and "E3" in warned[0], result.stderr
