"""Issue 9, points 3 and 4: duplicates in a sheet and across files; identity of establishments."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_import_helpers import ENTERPRISES, TAX_LAMSON, TAX_NEW, data_dir, pqp, xlsx
from test_import_nolose import figures, imported

D = dt.date(2023, 3, 15)


def test_expert_listed_twice_is_one_expert(tmp_path: Path) -> None:
    """Scenario 2: one person twice (same name, same date) was two experts in T5b."""
    data = data_dir(tmp_path)
    rows = [
        ["DANH SÁCH CHUYÊN GIA"],
        ["STT", "Họ và tên", "Ngày cấp chứng chỉ", "Đơn vị công tác"],
        [1, "Nguyễn Văn An", D, "U1"],
        [2, "Lê Thị Bình", D, "U1"],
        [3, "Nguyễn  văn An", D, ""],
    ]
    source = xlsx(tmp_path / "cg.xlsx", rows, title="DS", merges=("A1:D1",))
    result = pqp("import", "experts", source, "--data", data)
    assert result.exit_code == 0, result.stdout
    assert (
        "cg.xlsx › DS › row 5: row 5 repeats row 3 (same name and date): one record is kept,"
        " counted once; it differs in name, unit, the first row's values are kept" in result.stderr
    )
    assert [e["name"] for e in imported(data, "experts")] == ["Nguyễn Văn An", "Lê Thị Bình"]
    assert figures(tmp_path, data)["T5b"] == 2


def test_certification_listed_twice_is_one(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    row = [TAX_LAMSON, "Hệ thống quản lý", "ISO 9001", D]
    rows = [["MST", "Loại hỗ trợ", "Tiêu chuẩn", "Ngày cấp"], row, row]
    result = pqp("import", "certifications", xlsx(tmp_path / "cn.xlsx", rows), "--data", data)
    assert result.exit_code == 0, result.stdout
    assert "row 3 repeats row 2 (same enterprise, scheme and dates)" in result.stderr
    assert len(imported(data, "certifications")) == 1


def test_same_expert_in_two_files_is_a_possible_duplicate(tmp_path: Path) -> None:
    """Point 3: across files, `validate` warns, naming both places."""
    experts = "- id: X1\n  name: Nguyễn Văn An\n  qualified_on: 2023-03-15\n"
    data = data_dir(tmp_path, experts=experts)
    rows = [["Họ và tên", "Ngày cấp chứng chỉ"], ["Nguyen Van An", D]]
    assert pqp("import", "experts", xlsx(tmp_path / "cg.xlsx", rows), "--data", data).exit_code == 0
    result = pqp("validate", "--data", data)
    assert "warning [possible-duplicate] expert" in result.stdout
    assert "has the same name and qualification date as X1 (" in result.stdout
    assert "experts.yaml:1): the figures count both" in result.stdout
    assert figures(tmp_path, data)["T5b"] == 2  # counted twice, but never without the warning


def test_hand_typed_tax_code_does_not_drop_the_imported_establishment(tmp_path: Path) -> None:
    """Scenario 4 / point 4: the error lands on the record nothing references."""
    data = data_dir(tmp_path)
    ents = [
        ["Tên doanh nghiệp", "Loại hình", "Mã số thuế"],
        ["Công ty TNHH Hoa Mai", "DN", TAX_NEW],
    ]
    assert (
        pqp("import", "enterprises", xlsx(tmp_path / "dn.xlsx", ents), "--data", data).exit_code
        == 0
    )
    trn = [["Tên lớp", "Ngày", "Nội dung", "MST"], ["Lớp ISO", D, "Hệ thống quản lý", TAX_NEW]]
    assert (
        pqp("import", "trainings", xlsx(tmp_path / "lop.xlsx", trn), "--data", data).exit_code == 0
    )
    cert = [
        ["MST", "Loại hỗ trợ", "Tiêu chuẩn", "Ngày cấp"],
        [TAX_NEW, "Hệ thống quản lý", "ISO 9001", D],
    ]
    assert (
        pqp("import", "certifications", xlsx(tmp_path / "cn.xlsx", cert), "--data", data).exit_code
        == 0
    )
    assert (figures(tmp_path, data)["T1"], figures(tmp_path, data)["T2"]) == (1, 1)
    hand = ENTERPRISES + f'- id: HM\n  name: Hoa Mai\n  type: enterprise\n  tax_code: "{TAX_NEW}"\n'
    (data / "enterprises.yaml").write_text(hand, encoding="utf-8")
    result = pqp("validate", "--data", data)
    assert result.exit_code == 1
    assert (
        f"error [duplicate-tax-code] enterprise HM (data/enterprises.yaml:23): tax code {TAX_NEW}"
        f" is already ent-{TAX_NEW}'s (data/enterprises/dn.yaml:"
        in result.stdout.replace(str(tmp_path) + "/", "")
    )
    assert (figures(tmp_path, data)["T1"], figures(tmp_path, data)["T2"]) == (1, 1)
