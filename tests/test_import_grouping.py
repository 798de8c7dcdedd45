"""Review of issue 9, finding 8: enterprise rows group by name only when they are one
establishment: another locality is another establishment; case, spacing and legal-form
abbreviations do not matter.

Through the CLI on sheets built in the test; the figure (status JSON) and the message.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_import_helpers import data_dir, pqp, xlsx
from test_import_nolose import figures, imported

D = dt.datetime(2023, 4, 3)


def test_same_name_other_locality_is_another_establishment(tmp_path: Path) -> None:
    data = data_dir(tmp_path, enterprises="[]\n")
    rows = [
        [
            "STT",
            "Tên doanh nghiệp",
            "Loại hình",
            "Huyện",
            "Sản phẩm OCOP",
            "Số sao",
            "Ngày công nhận",
        ],
        [1, "HTX Bình Minh", "HTX", "Nga Sơn", "Chiếu cói", 3, D],
        [2, "HTX Bình Minh", "HTX", "Hà Trung", None, None, None],
        [3, "CÔNG TY TNHH  LAM SƠN", "Doanh nghiệp", "Thọ Xuân", "Nem chua", 4, D],
        [4, "Công ty trách nhiệm hữu hạn Lam Sơn", None, None, "Bánh gai", 3, D],
        [5, "Cty TNHH Lam Sơn", None, None, None, None],
        [6, "Công ty CP Lam Sơn", "Doanh nghiệp", "Thọ Xuân", None, None],
    ]
    source = xlsx(tmp_path / "dn.xlsx", rows, title="DS")
    result = pqp("import", "enterprises", source, "--data", data)
    assert result.exit_code == 0, result.stdout
    assert 'column "Huyện"): differs from row' not in result.stderr  # never merged over
    assert "may be the same establishment" in result.stderr  # said, not merged
    written = {(e["name"], e.get("locality")): e for e in imported(data, "enterprises")}
    assert set(written) == {
        ("HTX Bình Minh", "Huyện Nga Sơn"),
        ("HTX Bình Minh", "Huyện Hà Trung"),
        ("CÔNG TY TNHH LAM SƠN", "Huyện Thọ Xuân"),
        ("Công ty CP Lam Sơn", "Huyện Thọ Xuân"),
    }
    ocop = written[("CÔNG TY TNHH LAM SƠN", "Huyện Thọ Xuân")]["ocop_products"]
    assert [p["name"] for p in ocop] == ["Nem chua", "Bánh gai"]
    header = ["STT", "Tên lớp tập huấn", "Ngày tập huấn", "Nội dung", "Tên cơ sở"]
    lop = xlsx(tmp_path / "lop.xlsx", [header, [1, "Lớp A", D, "Đo lường", "HTX Bình Minh"]])
    trained = pqp("import", "trainings", lop, "--data", data, "--skip-invalid")
    assert '"HTX Bình Minh" matches several establishments' in trained.stdout
    assert figures(tmp_path, data)["T1"] == 0  # which HTX Bình Minh? refused, not guessed


def test_a_row_without_locality_under_a_name_of_two_localities_is_rejected(tmp_path: Path) -> None:
    data = data_dir(tmp_path, enterprises="[]\n")
    rows = [
        ["STT", "Tên doanh nghiệp", "Loại hình", "Huyện"],
        [1, "HTX Bình Minh", "HTX", "Nga Sơn"],
        [2, "HTX Bình Minh", "HTX", "Hà Trung"],
        [3, "HTX Bình Minh", "HTX", None],
    ]
    source = xlsx(tmp_path / "dn.xlsx", rows, title="DS")
    result = pqp("import", "enterprises", source, "--data", data)
    assert result.exit_code == 1
    assert (
        'dn.xlsx › DS › D4 (column "Huyện"): this name is listed with several localities'
    ) in result.stdout
