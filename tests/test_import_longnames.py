"""Review of issue 9, finding 6: a long source name never makes a write fail half-way.

Through the CLI on sheets built in the test; the figure (status JSON) and the message.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_import_helpers import data_dir, pqp, xlsx
from test_import_nolose import figures

D = dt.datetime(2023, 4, 3)
HEADER = ["STT", "Tên lớp tập huấn", "Ngày tập huấn", "Nội dung", "Tên cơ sở"]


def _long(tail: str) -> str:
    """A source file name of about 250 bytes (the most a file system allows is 255)."""
    name = "Báo cáo tập huấn năm học của huyện Nga Sơn " * 8
    while len((name + tail + ".xlsx").encode()) > 250:
        name = name[:-1]
    return name + tail + ".xlsx"


def test_a_long_source_name_writes_short_output_names(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    rows = [
        HEADER,
        [1, "Lớp A", D, "Đo lường", "Cty Bánh kẹo Lam Sơn"],
        [2, "Lớp B", D, "Đo lường", "Không có cơ sở này"],
    ]
    first = xlsx(tmp_path / _long("A"), rows, title="DS")
    second = xlsx(
        tmp_path / _long("B"), [HEADER, [1, "Lớp C", D, "Đo lường", "HTX Nông nghiệp Lân"]]
    )
    result = pqp("import", "trainings", first, "--data", data, "--skip-invalid", "--lang", "vi")
    assert result.exit_code == 1  # the row with an unknown establishment
    assert "Đã ghi" in result.stdout and "Các dòng bị loại đã ghi vào" in result.stdout
    assert "File name too long" not in result.stdout + result.stderr
    assert pqp("import", "trainings", second, "--data", data).exit_code == 0
    written = sorted(p.name for p in (data / "trainings").iterdir())
    assert len(written) == 2
    assert all(len(n.encode()) <= 200 for n in written)
    rejects = [p for p in tmp_path.iterdir() if p.name.endswith(".rejects.csv")]
    assert len(rejects) == 1 and len(rejects[0].name.encode()) <= 200
    assert figures(tmp_path, data)["T1"] == 2
