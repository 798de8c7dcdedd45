"""Review of issue 9, finding 12: the rejects CSV keeps its columns and the original values,
and a rewrite keeps a file's mode.

Through the CLI on sheets built in the test; the figure (status JSON) and the message.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import stat
from pathlib import Path

from test_import_helpers import csv_file, data_dir, pqp, xlsx
from test_import_nolose import figures

D = dt.datetime(2023, 4, 3)


def test_rejects_csv_stays_aligned_and_keeps_original_values(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    rows = [
        ["Tên lớp", "Ngày", "Nội dung", "Tên cơ sở"],
        ["Lớp A", "03/04/2023", "Đo lường", "Cty Bánh kẹo Lam Sơn"],
        ["Lớp B", "03/04/2023", "Đo lường", "HTX Nông nghiệp Lân", "ISO 9001", "5S"],
        ["\t=HYPERLINK(1)", "32/01/2023", "Đo lường", "HTX Nông nghiệp Lân"],
    ]
    source = csv_file(tmp_path / "lop.csv", rows)
    result = pqp("import", "trainings", source, "--data", data, "--skip-invalid")
    assert result.exit_code == 1
    with (tmp_path / "lop.csv.rejects.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["Tên lớp", "Ngày", "Nội dung", "Tên cơ sở", "", "", "Row", "Reason"]
    assert table[1][:6] == [
        "Lớp B",
        "03/04/2023",
        "Đo lường",
        "HTX Nông nghiệp Lân",
        "ISO 9001",
        "5S",
    ]
    assert table[1][6] == "3"
    assert table[2][0] == "'\t=HYPERLINK(1)"
    assert table[2][6] == "4"
    assert figures(tmp_path, data)["T1"] == 1


def test_a_rewrite_keeps_the_files_mode(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    header = ["Tên lớp", "Ngày", "Nội dung", "Tên cơ sở"]
    source = xlsx(tmp_path / "lop.xlsx", [header, ["Lớp A", D, "Đo lường", "HTX Nông nghiệp Lân"]])
    assert pqp("import", "trainings", source, "--data", data).exit_code == 0
    target = data / "trainings" / "lop.yaml"
    os.chmod(target, 0o664)
    source = xlsx(tmp_path / "lop.xlsx", [header, ["Lớp A", D, "Đo lường", "Cty Bánh kẹo Lam Sơn"]])
    assert pqp("import", "trainings", source, "--data", data).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert figures(tmp_path, data)["T1"] == 1
