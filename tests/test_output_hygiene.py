"""Files pqp writes: ordinary permissions under the umask, and CSV cells a spreadsheet won't run."""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SAMPLE
from test_import_helpers import csv_file, data_dir, pqp, xlsx

from pqp_cli.core.text import csv_safe

ROWS = [
    ["STT", "Tên lớp", "Ngày", "Nội dung", "Mã cơ sở"],
    [1, "Lớp ISO 9001", "03/04/2023", "Hệ thống quản lý", "DN001"],
    [2, '=HYPERLINK("http://x","y")', "31/02/2023", "Hệ thống quản lý", "DN001"],
]


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_import_yaml_and_rejects_are_0644_under_umask_022(
    tmp_path: Path, umask_022: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data, source = data_dir(tmp_path), xlsx(tmp_path / "lop.xlsx", ROWS, title="DS")
    result = pqp("import", "trainings", source, "--data", data, "--skip-invalid")
    assert result.exit_code == 1, result.output  # one row rejected
    assert _mode(data / "trainings" / "lop.yaml") == 0o644
    assert _mode(tmp_path / "lop.xlsx.rejects.csv") == 0o644


def test_template_and_report_are_0644_under_umask_022(tmp_path: Path, umask_022: None) -> None:
    assert pqp("template", "trainings", "-o", tmp_path / "t.xlsx").exit_code == 0
    assert pqp("template", "trainings", "-o", tmp_path / "t.csv").exit_code == 0
    assert _mode(tmp_path / "t.xlsx") == 0o644
    assert _mode(tmp_path / "t.csv") == 0o644
    # the process's copy of the sample: a run on the checkout's wrote its `data/.pqp-cache`
    result = pqp(
        "report", "--data", SAMPLE / "data", "--targets", SAMPLE / "targets.yaml",
        "--as-of", "2023-12-31", "-o", tmp_path / "r.md",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert _mode(tmp_path / "r.md") == 0o644


def test_rejects_csv_neutralises_a_formula_in_a_rejected_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data, source = data_dir(tmp_path), csv_file(tmp_path / "lop.csv", ROWS)
    pqp("import", "trainings", source, "--data", data, "--skip-invalid")
    text = (tmp_path / "lop.csv.rejects.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1][1] == '\'=HYPERLINK("http://x","y")'
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_status_csv_neutralises_a_formula_in_a_target_title(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "targets.yaml").write_text(
        "plan: {id: p, title: P, period: {start: 2021-01-01, end: 2025-12-31}}\n"
        "targets:\n"
        "  - {id: T1, title: '=1+2', metric: experts, target: 3}\n"
        "  - {id: T2, title: '@SUM(A1)', metric: experts, target: 3}\n",
        encoding="utf-8",
    )
    result = pqp(
        "status", "--data", tmp_path / "data", "--targets", tmp_path / "targets.yaml",
        "--as-of", "2023-12-31", "--format", "csv",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["title"] for r in rows] == ["'=1+2", "'@SUM(A1)"]


@pytest.mark.parametrize("cell", ["=1", "+1", "-1", "@x", "\tx", "\rx"])
def test_csv_safe_prefixes_every_formula_start(cell: str) -> None:
    assert csv_safe(cell) == "'" + cell


def test_csv_safe_leaves_text_and_numbers_alone() -> None:
    assert [csv_safe(c) for c in ["Lớp 5S", "a=b", -3, 2.5, ""]] == ["Lớp 5S", "a=b", -3, 2.5, ""]
