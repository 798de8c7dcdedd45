"""The library call under `pqp import`, as a program uses it (docs/api.md shows this example)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pqp_cli.load.dataset import load_dataset

ROOT = Path(__file__).resolve().parents[1]


def test_import_sheet_example_writes_the_trainings_of_an_attendance_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "data", tmp_path / "data")  # a copy of the sample data
    shutil.copy(ROOT / "targets.yaml", tmp_path / "targets.yaml")
    monkeypatch.chdir(tmp_path)
    before = load_dataset(Path("data"))

    # --- the example ---
    from openpyxl import Workbook

    from pqp_cli.importing import describe, import_sheet

    book = Workbook()
    sheet = book.active
    sheet.title = "Điểm danh"
    sheet.append(["Tên lớp", "Ngày", "Nội dung", "Mã cơ sở"])  # one row per participant
    sheet.append(["Lớp ISO 9001:2015", "03/04/2025", "Hệ thống quản lý", "TH-0001"])
    sheet.append(["Lớp ISO 9001:2015", "03/04/2025", "Hệ thống quản lý", "TH-0002"])
    sheet.append(["Lớp 5S tại doanh nghiệp", "12/09/2025", "Công cụ cải tiến", "TH-0002"])
    book.save("diem-danh.xlsx")

    report = import_sheet(
        kind="trainings",
        source=Path("diem-danh.xlsx"),
        data_dir=Path("data"),
        targets=Path("targets.yaml"),  # the plan: its period, its province's localities
    )
    print("\n".join(describe(report)))
    # --- end of the example ---

    assert report.exit_code == 0 and not report.rejects and not report.warnings
    assert (report.rows_read, report.created, report.changed, report.removed) == (3, 2, 0, 0)
    written = Path("data/trainings/diem-danh.yaml")
    assert report.written == [written]
    records = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert [(r["title"], str(r["date"]), r["participants"]) for r in records] == [
        ("Lớp ISO 9001:2015", "2025-04-03", ["TH-0001", "TH-0002"]),
        ("Lớp 5S tại doanh nghiệp", "2025-09-12", ["TH-0002"]),
    ]
    assert [r["topics"] for r in records] == [["management_systems"], ["improvement_tools"]]
    after = load_dataset(Path("data"))
    assert len(after.trainings) == len(before.trainings) + 2
    assert [p for p in after.problems if p.is_error] == [p for p in before.problems if p.is_error]
    assert describe(report)[-1] == "Wrote data/trainings/diem-danh.yaml."


@pytest.mark.parametrize("no_cache", [False, True])
def test_import_sheet_reads_the_cache_setting_from_its_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_cache: bool
) -> None:
    from test_import_helpers import data_dir, xlsx

    from pqp_cli.core.settings import Settings
    from pqp_cli.importing import import_sheet

    monkeypatch.delenv("PQP_NO_CACHE", raising=False)
    data = data_dir(tmp_path)
    rows = [
        ["Tên lớp", "Ngày", "Nội dung", "Mã cơ sở"],
        ["Lớp 5S", "12/09/2023", "Công cụ cải tiến", "DN001"],
    ]
    report = import_sheet(
        kind="trainings",
        source=xlsx(tmp_path / "lop.xlsx", rows),
        data_dir=data,
        settings=Settings(no_cache=no_cache),
    )
    assert report.exit_code == 0 and report.written
    assert (data / ".pqp-cache").exists() is not no_cache
