"""Review of issue 9, finding 7: `--force` says what each rewritten record loses, and a removed
digest line does not switch the hand-edit check off.

Through the CLI on sheets built in the test; the figure (status JSON) and the message.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_import_helpers import data_dir, pqp, xlsx
from test_import_nolose import figures

D = dt.datetime(2023, 4, 3)
HEADER = ["STT", "Tên lớp tập huấn", "Ngày tập huấn", "Nội dung", "Tên cơ sở"]


def _imported(tmp_path: Path) -> tuple[Path, Path]:
    data = data_dir(tmp_path)
    source = xlsx(
        tmp_path / "lop.xlsx", [HEADER, [1, "Lớp A", D, "Đo lường", "Công ty May Hà Trung"]]
    )
    result = pqp("import", "trainings", source, "--data", data, "--create-missing")
    assert result.exit_code == 0, result.stdout
    return data, source


def test_force_lists_what_the_placeholder_loses(tmp_path: Path) -> None:
    data, source = _imported(tmp_path)
    placeholder = data / "enterprises" / "lop.yaml"
    text = placeholder.read_text(encoding="utf-8")
    placeholder.write_text(text + "  locality: Nga Sơn\n  key_product: true\n", encoding="utf-8")
    refused = pqp("import", "trainings", source, "--data", data, "--create-missing")
    assert refused.exit_code == 1
    assert "enterprises/lop.yaml was edited by hand" in refused.stdout + refused.stderr
    forced = pqp("import", "trainings", source, "--data", data, "--create-missing", "--force")
    assert forced.exit_code == 0, forced.stdout
    assert "lost locality (Nga Sơn); lost key_product (true)" in forced.stdout
    assert figures(tmp_path, data)["T1"] == 1


def test_a_removed_digest_line_counts_as_an_edit(tmp_path: Path) -> None:
    data, source = _imported(tmp_path)
    target = data / "trainings" / "lop.yaml"
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    target.write_text(
        "".join(x for x in lines if not x.startswith("# content sha256:")).replace(
            "Lớp A", "Lớp A (sửa tay)"
        ),
        encoding="utf-8",
    )
    refused = pqp("import", "trainings", source, "--data", data, "--create-missing")
    assert refused.exit_code == 1
    assert "trainings/lop.yaml was edited by hand" in refused.stdout + refused.stderr
    assert "Lớp A (sửa tay)" in target.read_text(encoding="utf-8")
    assert figures(tmp_path, data)["T1"] == 1
