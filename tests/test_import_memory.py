"""Issue 9, points 2, 4 and 5: remembered mappings, placeholders taken over, resent sheets,
hand-edited generated files. Through the CLI; the figure (status JSON) and the message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_import_helpers import TAX_LAMSON, TAX_LAN, TAX_NEW, csv_file, data_dir, errors, pqp, xlsx
from test_import_nolose import figures, imported

D = dt.date(2023, 4, 3)
ODD = ["Tên lớp", "Ngày", "Nội dung", "Doanh nghiệp được đào tạo"]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_mapping_is_remembered_by_the_next_import(tmp_path: Path) -> None:
    """Scenario 1, second half: a re-import without the mapping silently lost the participants."""
    data = data_dir(tmp_path)
    rows = [ODD, ["Lớp ISO", D, "Hệ thống quản lý", "Cty Bánh kẹo Lam Sơn"]]
    source = xlsx(tmp_path / "lop.xlsx", rows, title="DS")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("Doanh nghiệp được đào tạo: participant_name\n", encoding="utf-8")
    assert pqp("import", "trainings", source, "--data", data, "--mapping", mapping).exit_code == 0
    assert figures(tmp_path, data)["T1"] == 1
    rows.append(["Lớp ISO", D, "Hệ thống quản lý", "HTX Nông nghiệp Lân"])
    xlsx(source, rows, title="DS")
    result = pqp("import", "trainings", source, "--data", data)
    assert result.exit_code == 0, result.stdout
    assert (
        "using the column mapping remembered in data/trainings/lop.yaml"
        " (doanhnghiepduocdaotao → participant_name)" in result.stderr
    )
    assert "  changed trn-20230403-" in result.stdout
    assert ": participants gained HTX01" in result.stdout
    assert imported(data, "trainings")[0]["participants"] == ["DN001", "HTX01"]
    assert figures(tmp_path, data)["T1"] == 2


def test_reimport_summary_names_what_a_record_lost(tmp_path: Path) -> None:
    """Point 2: a fall in a figure is visible in the summary."""
    data = data_dir(tmp_path)
    header = ["Tên lớp", "Ngày", "Nội dung", "Mã cơ sở"]
    rows = [
        header,
        ["Lớp A", "03/04/2023", "Đo lường", "DN001"],
        ["Lớp A", "03/04/2023", "Đo lường", "HTX01"],
    ]
    source = csv_file(tmp_path / "lop.csv", rows, delimiter=";")
    assert pqp("import", "trainings", source, "--data", data).exit_code == 0
    assert figures(tmp_path, data)["T1"] == 2
    csv_file(source, rows[:2], delimiter=";")
    result = pqp("import", "trainings", source, "--data", data, "--lang", "vi")
    assert ": participants mất HTX01" in result.stdout
    assert figures(tmp_path, data)["T1"] == 1


def test_placeholder_is_taken_over_by_the_enterprise_list(tmp_path: Path) -> None:
    """Scenario 5 / point 4: a --create-missing placeholder blocked the real list."""
    data = data_dir(tmp_path)
    trn = [
        ["Tên lớp", "Ngày", "Nội dung", "Tên cơ sở"],
        ["Lớp ISO", D, "Đo lường", "HTX Rau sạch Đông Sơn"],
    ]
    lop = xlsx(tmp_path / "lop.xlsx", trn)
    assert pqp("import", "trainings", lop, "--data", data, "--create-missing").exit_code == 0
    [placeholder] = imported(data, "enterprises")
    ents = [
        ["Tên doanh nghiệp", "Loại hình", "Mã số thuế", "Huyện"],
        ["Hợp tác xã Rau sạch Đông Sơn", "HTX", TAX_NEW, "Đông Sơn"],
    ]
    result = pqp("import", "enterprises", xlsx(tmp_path / "dn.xlsx", ents), "--data", data)
    assert result.exit_code == 0, result.stdout
    assert (
        f"takes over {placeholder['id']}, the placeholder --create-missing wrote in"
        in result.stderr
    )
    listed = [e for e in imported(data, "enterprises") if e.get("tax_code") == TAX_NEW]
    assert [(e["id"], e["type"], e["locality"]) for e in listed] == [
        (placeholder["id"], "cooperative", "Đông Sơn")
    ]
    assert len(imported(data, "enterprises")) == 1
    assert errors(data) == []
    assert figures(tmp_path, data)["T1"] == 1


def test_resent_sheet_under_another_name_names_the_file_and_replace(tmp_path: Path) -> None:
    """Scenario 6 / point 5: `tap-huan (ban sua).xlsx` got "give this record its own id"."""
    data = data_dir(tmp_path)
    rows = [
        ["Mã lớp", "Tên lớp", "Ngày", "Nội dung", "MST"],
        ["TH1", "Lớp ISO", D, "Đo lường", TAX_LAMSON],
    ]
    assert (
        pqp("import", "trainings", xlsx(tmp_path / "tap-huan.xlsx", rows), "--data", data).exit_code
        == 0
    )
    rows.append(["TH1", "Lớp ISO", D, "Đo lường", TAX_LAN])
    again = xlsx(tmp_path / "tap-huan (ban sua).xlsx", rows)
    result = pqp("import", "trainings", again, "--data", data)
    assert result.exit_code == 1
    assert (
        "1 of these trainings (TH1) were already imported from tap-huan.xlsx into"
        " data/trainings/tap-huan.yaml: the same sheet sent again? Pass --replace" in result.stdout
    )
    assert "its own id" not in result.stdout
    assert figures(tmp_path, data)["T1"] == 1
    result = pqp("import", "trainings", again, "--data", data, "--replace")
    assert result.exit_code == 0, result.stdout
    assert "replacing data/trainings/tap-huan.yaml (--replace)" in result.stderr
    assert not (data / "trainings" / "tap-huan (ban sua).yaml").exists()
    assert figures(tmp_path, data)["T1"] == 2


def test_hand_edit_in_a_generated_file_is_not_overwritten(tmp_path: Path) -> None:
    """Scenario 7 / point 5: the next import overwrote a hand edit without a word."""
    data = data_dir(tmp_path)
    rows = [
        ["Tên lớp", "Ngày", "Nội dung", "Mã cơ sở"],
        ["Lớp A", "03/04/2023", "Đo lường", "DN001"],
    ]
    source = csv_file(tmp_path / "lop.csv", rows)
    assert pqp("import", "trainings", source, "--data", data).exit_code == 0
    target = data / "trainings" / "lop.yaml"
    target.write_text(
        target.read_text(encoding="utf-8").replace("- DN001", "- DN001\n  - HTX01"),
        encoding="utf-8",
    )
    assert figures(tmp_path, data)["T1"] == 2
    result = pqp("import", "trainings", source, "--data", data)
    assert result.exit_code == 1
    assert (
        "data/trainings/lop.yaml was edited by hand since pqp wrote it"
        in result.stdout + result.stderr
    )
    assert figures(tmp_path, data)["T1"] == 2
    result = pqp("import", "trainings", source, "--data", data, "--force")
    assert result.exit_code == 0
    assert "participants lost HTX01" in result.stdout
    assert figures(tmp_path, data)["T1"] == 1


def test_placeholder_written_by_district_is_taken_over_by_its_typed_name(tmp_path: Path) -> None:
    """A placeholder noted 'Thọ Xuân' agrees with a list naming 'Huyện Thọ Xuân' or a commune
    of it: the same place written two ways must not make a second establishment."""
    data = data_dir(tmp_path)
    trn = [
        ["Tên lớp", "Ngày", "Nội dung", "Tên cơ sở", "Huyện"],
        ["Lớp ISO", D, "Đo lường", "HTX Rau sạch Xuân Lập", "Thọ Xuân"],
    ]
    lop = xlsx(tmp_path / "lop.xlsx", trn)
    assert pqp("import", "trainings", lop, "--data", data, "--create-missing").exit_code == 0
    [placeholder] = imported(data, "enterprises")
    assert placeholder["locality"] == "Thọ Xuân"
    ents = [
        ["Tên doanh nghiệp", "Loại hình", "Huyện"],
        ["HTX Rau sạch Xuân Lập", "HTX", "Thị trấn Lam Sơn, huyện Thọ Xuân"],
    ]
    result = pqp("import", "enterprises", xlsx(tmp_path / "dn.xlsx", ents), "--data", data)
    assert result.exit_code == 0, result.stdout
    assert f"takes over {placeholder['id']}" in result.stderr
    assert [e["id"] for e in imported(data, "enterprises")] == [placeholder["id"]]
    assert figures(tmp_path, data)["T1"] == 1


@pytest.mark.parametrize("tax_code", [TAX_NEW, ""])
def test_sheet_that_took_a_placeholder_over_reimports_as_nothing_changed(
    tmp_path: Path, tax_code: str
) -> None:
    """a17: the unchanged sheet, imported again after "takes over ent-…", was refused for ever
    ("participants … names no enterprise", exit 1); the kept id is found again by identity."""
    data = data_dir(tmp_path)
    trn = [
        ["Tên lớp", "Ngày", "Nội dung", "Tên cơ sở", "Huyện"],
        ["Lớp 5S", D, "Công cụ cải tiến", "Cty Hoa Mai", "Nga Sơn"],
    ]
    lop = xlsx(tmp_path / "lop.xlsx", trn)
    assert pqp("import", "trainings", lop, "--data", data, "--create-missing").exit_code == 0
    [placeholder] = imported(data, "enterprises")
    ents = [
        ["Tên doanh nghiệp", "Mã số thuế", "Loại hình", "Huyện"],
        ["Công ty TNHH Hoa Mai", tax_code, "Doanh nghiệp", "Nga Sơn"],
    ]
    dn = xlsx(tmp_path / "dn.xlsx", ents)
    result = pqp("import", "enterprises", dn, "--data", data)
    assert f"takes over {placeholder['id']}" in result.stderr
    again = pqp("import", "enterprises", dn, "--data", data)
    assert again.exit_code == 0, again.stdout
    assert "Nothing changed." in again.stdout
    assert [e["id"] for e in imported(data, "enterprises")] == [placeholder["id"]]
    assert figures(tmp_path, data)["T1"] == 1


def test_same_name_from_another_district_keeps_the_existing_id(tmp_path: Path) -> None:
    """a11: adding a same-named HTX of Nga Sơn moved the Thọ Xuân one's id, and the import
    was refused for ever ("participants … names no enterprise"); T1 must stay 1."""
    data = data_dir(tmp_path)
    head = ["Tên doanh nghiệp", "Loại hình", "Huyện"]
    one = ["HTX Dịch vụ Nông nghiệp Đông Tiến", "HTX", "Thọ Xuân"]
    dn = xlsx(tmp_path / "dn.xlsx", [head, one])
    assert pqp("import", "enterprises", dn, "--data", data).exit_code == 0
    [kept] = imported(data, "enterprises")
    trn = [["Tên lớp", "Ngày", "Nội dung", "Tên cơ sở"], ["Lớp 5S", D, "Công cụ cải tiến", one[0]]]
    assert (
        pqp("import", "trainings", xlsx(tmp_path / "lop.xlsx", trn), "--data", data).exit_code == 0
    )
    other = ["HTX Dịch vụ Nông nghiệp Đông Tiến", "HTX", "Nga Sơn"]
    result = pqp(
        "import", "enterprises", xlsx(tmp_path / "dn.xlsx", [head, other, one]), "--data", data
    )
    assert result.exit_code == 0, result.stdout
    assert "1 created, 0 changed, 1 unchanged, 0 removed" in result.stdout
    ents = {e["locality"]: e["id"] for e in imported(data, "enterprises")}
    assert ents["Thọ Xuân"] == kept["id"] and ents["Nga Sơn"] != kept["id"]
    assert figures(tmp_path, data)["T1"] == 1
