"""`status --by district` / `--by commune` through the CLI, and the `unknown-locality` warnings."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pqp_cli.cli.app import app

PLAN = """\
plan:
  id: th
  title: Thanh Hóa plan
  authority: UBND tỉnh Thanh Hóa
  period: {start: 2021-01-01, end: 2025-12-31}
"""
TARGETS = """\
- id: T2
  title: Supported enterprises
  metric: supported_enterprises
  target: 20
"""
#: id → locality: old districts, old communes with their district, new communes and wards,
#: names in both registers, the in-period changes, a misspelling, an ambiguous and an unknown.
LOCALITIES = {
    "E01": "Thọ Xuân",  # a bare old district
    "E02": "Huyện Thọ Xuân",
    "E03": "Thị trấn Lam Sơn, huyện Thọ Xuân",  # an old commune and its district
    "E04": "Xã Xuân Hòa",  # new commune; also an old one of Thọ Xuân merged into it
    "E05": "Phường Hạc Thành",  # a new ward
    "E06": "Phường Bỉm Sơn",  # straddles Bỉm Sơn and Hà Trung
    "E07": "Xã Hà Vinh, huyện Hà Trung",  # old commune merged into Phường Bỉm Sơn
    "E08": "Tĩnh Gia",  # became Thị xã Nghi Sơn
    "E09": "Xã Đông Hoàng, huyện Đông Sơn",  # Đông Sơn joined Thành phố Thanh Hóa
    "E10": "Nga son",
    "E11": "Thọ Xuâm",  # misspelt
    "E12": "Phường Lam Sơn",  # in Thành phố Thanh Hóa and in Thị xã Bỉm Sơn
    "E13": "Quận 1",  # not in Thanh Hóa
}
BY_DISTRICT = {
    "Huyện Hà Trung": 1,  # an old commune stays in its own district
    "Huyện Nga Sơn": 1,
    "Huyện Thọ Xuân": 4,
    "Phường Lam Sơn (?)": 1,
    "Quận 1 (?)": 1,
    "Thành phố Thanh Hóa": 2,
    "Thị xã Bỉm Sơn": 1,
    "Thị xã Nghi Sơn": 1,
    "Thọ Xuâm (?)": 1,
}
BY_COMMUNE = {
    "Huyện Nga Sơn (chưa rõ xã)": 1,
    "Huyện Thọ Xuân (chưa rõ xã)": 2,
    "Phường Bỉm Sơn": 2,
    "Phường Đông Sơn": 1,
    "Phường Hạc Thành": 1,
    "Phường Lam Sơn (?)": 1,
    "Quận 1 (?)": 1,
    "Thị xã Nghi Sơn (chưa rõ xã)": 1,
    "Thọ Xuâm (?)": 1,
    "Xã Lam Sơn": 1,
    "Xã Xuân Hòa": 1,
}


def enterprises() -> str:
    return "".join(
        f"- id: {eid}\n  name: Cơ sở {eid}\n  type: enterprise\n  locality: {where}\n"
        for eid, where in LOCALITIES.items()
    )


def certifications(day: str = "2024-03-01") -> str:
    return "".join(
        f"- id: C{eid}\n  enterprise: {eid}\n  category: management_system\n"
        f"  scheme: ISO 9001\n  achieved_on: {day}\n"
        for eid in LOCALITIES
    )


@pytest.fixture
def places(ws):
    return ws.write(TARGETS, plan=PLAN, enterprises=enterprises(), certifications=certifications())


def status_json(ws, *by: str) -> dict:
    args = ws.args("status", "--format", "json", "--as-of", "2025-12-31")
    result = CliRunner().invoke(app, [*args, *(a for b in by for a in ("--by", b))])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_status_by_district_groups_every_record_under_its_old_district(places):
    doc = status_json(places, "district")
    assert doc["targets"][0]["by_district"] == BY_DISTRICT
    assert doc["places"]["straddling"] == [
        {
            "unit": "Phường Bỉm Sơn",
            "district": "Thị xã Bỉm Sơn",
            "area_percent": {"Thị xã Bỉm Sơn": 59, "Huyện Hà Trung": 41},
        }
    ]


def test_status_by_commune_groups_every_record_under_its_2025_unit(places):
    doc = status_json(places, "commune")
    assert doc["targets"][0]["by_commune"] == BY_COMMUNE


def test_by_locality_keeps_the_text_as_written_beside_the_new_groups(places):
    row = status_json(places, "locality", "district", "commune")["targets"][0]
    assert set(row["by_locality"]) == set(LOCALITIES.values())
    assert sum(row["by_locality"].values()) == sum(row["by_district"].values()) == 13
    assert sum(row["by_commune"].values()) == 13


def test_misspelt_ambiguous_and_unknown_places_are_warnings_on_the_locality_field(places):
    project = places.load()
    found = [(p.code, p.record, p.field, p.line) for p in project.problems]
    assert found == [
        ("unknown-locality", "E11", "locality", 44),
        ("unknown-locality", "E12", "locality", 48),
        ("unknown-locality", "E13", "locality", 52),
    ]
    by_id = {p.record: p for p in project.problems}
    assert "is not a place in Thanh Hóa province (nearest: Huyện Thọ Xuân" in by_id["E11"].en
    assert "không phải đơn vị hành chính của tỉnh Thanh Hóa (gần nhất:" in by_id["E11"].vi
    assert by_id["E12"].en == (
        "enterprise E12: locality 'Phường Lam Sơn' could be Phường Lam Sơn, thành phố Thanh "
        "Hóa or Phường Lam Sơn, thị xã Bỉm Sơn; write the one meant, e.g. 'Phường Lam Sơn, "
        "thành phố Thanh Hóa'"
    )
    assert by_id["E12"].vi.startswith("cơ sở E12: địa bàn 'Phường Lam Sơn' có thể là Phường")


def test_validate_prints_the_warning_with_its_line(places):
    result = CliRunner().invoke(app, places.args("validate"))
    assert result.exit_code == 0
    assert (
        "data/enterprises.yaml:44: warning [unknown-locality] enterprise E11: locality "
        "'Thọ Xuâm' is not a place in Thanh Hóa province" in result.stdout
    )


def test_a_training_locality_resolves_by_its_date(ws):
    trainings = """\
    - {id: L1, title: A, date: 2023-05-01, locality: Xã Lam Sơn, topics: [standards]}
    - {id: L2, title: B, date: 2025-08-01, locality: Xã Lam Sơn, topics: [standards]}
    - {id: L3, title: C, date: 2025-08-01, locality: Xã Lam Sơnn, topics: [standards]}
    """
    project = ws.write(TARGETS, plan=PLAN, trainings=trainings).load()
    assert [(p.code, p.record) for p in project.problems] == [("unknown-locality", "L3")]


def test_without_a_known_province_localities_are_not_checked(ws):
    plan = PLAN.replace("UBND tỉnh Thanh Hóa", "Sở Khoa học và Công nghệ")
    project = ws.write(TARGETS, plan=plan, enterprises=enterprises()).load()
    assert project.problems == []


def test_plan_province_overrides_the_authority(ws):
    plan = PLAN.replace(
        "authority: UBND tỉnh Thanh Hóa", "authority: Sở KH&CN\n  province: Thanh Hóa"
    )
    project = ws.write(TARGETS, plan=plan, enterprises=enterprises()).load()
    assert [p.record for p in project.problems] == ["E11", "E12", "E13"]


def test_the_tables_show_canonical_names_what_was_written_and_the_straddling_unit(places):
    args = places.args("status", "--as-of", "2025-12-31", "--by", "locality", "--by", "district")
    out = CliRunner().invoke(app, args, env={"NO_COLOR": "1", "COLUMNS": "200"}).stdout
    assert "Huyện Nga Sơn (written “Nga son”)" in out
    assert "Thị xã Nghi Sơn (written “Tĩnh Gia”)" in out
    assert (
        "Phường Bỉm Sơn straddles two old districts (Thị xã Bỉm Sơn 59%, Huyện Hà Trung 41% "
        "of its area): counted under Thị xã Bỉm Sơn." in out
    )


def test_explain_shows_the_canonical_name_beside_what_was_written(places):
    args = places.args("explain", "T2", "--as-of", "2025-12-31", "--format", "json")
    doc = json.loads(CliRunner().invoke(app, args).stdout)
    subjects = {s["id"]: (s["locality"], s["place"]) for s in doc["counted"]}
    assert subjects["E10"] == ("Nga son", "Huyện Nga Sơn")
    assert subjects["E05"] == ("Phường Hạc Thành", "Phường Hạc Thành")
    assert subjects["E11"] == ("Thọ Xuâm", None)
    text = CliRunner().invoke(app, places.args("explain", "T2", "--as-of", "2025-12-31")).stdout
    assert "Thị xã Nghi Sơn (written “Tĩnh Gia”)" in text


def report_md(ws, tmp_path, *extra: str) -> str:
    out = tmp_path / "r.md"
    args = ws.args("report", "-o", str(out), "--as-of", "2025-12-31", *extra)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def table_rows(md: str) -> dict[str, str]:
    rows = [r.strip("|").split("|") for r in md.splitlines() if r.startswith("| ")]
    return {r[0].strip(): r[1].strip() for r in rows if len(r) == 2}


def test_the_report_of_a_plan_spanning_the_reform_groups_by_district(places, tmp_path):
    md = report_md(places, tmp_path)
    assert {k: v for k, v in table_rows(md).items() if k in BY_DISTRICT} == {
        k: str(v) for k, v in BY_DISTRICT.items()
    }
    assert "counted under Thị xã Bỉm Sơn" in md
    commune = table_rows(report_md(places, tmp_path, "--locality", "commune"))
    assert commune["Huyện Thọ Xuân (chưa rõ xã)"] == "2"


def test_the_report_of_a_plan_after_the_reform_groups_by_commune(ws, tmp_path):
    plan = PLAN.replace(
        "{start: 2021-01-01, end: 2025-12-31}", "{start: 2025-07-01, end: 2030-12-31}"
    )
    ws.write(
        TARGETS, plan=plan, enterprises=enterprises(), certifications=certifications("2025-08-01")
    )
    rows = table_rows(report_md(ws, tmp_path))
    assert rows["Phường Bỉm Sơn"] == "2"
    assert "Huyện Hà Trung" not in rows


def test_csv_spreads_the_groups_into_columns(places):
    args = places.args("status", "--format", "csv", "--as-of", "2025-12-31", "--by", "district")
    header, row = CliRunner().invoke(app, args).stdout.splitlines()[:2]
    cells = dict(zip(header.split(","), row.split(","), strict=True))
    assert cells["by_district.Huyện Thọ Xuân"] == "4"
    assert cells["by_district.Thị xã Bỉm Sơn"] == "1"


@pytest.mark.parametrize("province", ["Atlantis", "Sài Gòn"])
def test_an_unknown_plan_province_is_a_warning_on_its_line(ws, province):
    plan = PLAN.replace("authority: UBND tỉnh Thanh Hóa", f"province: {province}")
    project = ws.write(TARGETS, plan=plan, enterprises=enterprises()).load()
    found = [(p.code, p.file.endswith("targets.yaml"), p.line, p.field) for p in project.problems]
    assert found == [("unknown-locality", True, 4, "province")]
    result = CliRunner().invoke(app, ws.args("validate"))
    assert f"plan.province {province!r} is not a province" in result.stdout


def test_grouping_by_district_without_a_known_province_is_refused(ws):
    plan = PLAN.replace("authority: UBND tỉnh Thanh Hóa", "province: Atlantis")
    ws.write(TARGETS, plan=plan, enterprises=enterprises(), certifications=certifications())
    for level in ("district", "commune"):
        result = CliRunner().invoke(app, [*ws.args("status"), "--by", level])
        assert result.exit_code == 2
        assert f"--by {level} needs the plan's province" in result.output
        assert "(?)" not in result.output
    result = CliRunner().invoke(app, [*ws.args("status"), "--by", "locality"])
    assert result.exit_code == 0


def test_a_damaged_register_is_exit_2_for_status_and_validate(places, monkeypatch):
    from pqp_cli.core import places as register
    from pqp_cli.core import provinces

    monkeypatch.setattr(provinces.resources, "files", lambda _name: places.root / "nowhere")
    provinces.register_data.cache_clear()
    register.register_for.cache_clear()
    provinces.province_names.cache_clear()
    try:
        for command in ("status", "validate"):
            result = CliRunner().invoke(app, places.args(command))
            assert result.exit_code == 2, result.output
            assert "missing or damaged" in result.output and "reinstall pqp" in result.output
    finally:
        provinces.register_data.cache_clear()
        register.register_for.cache_clear()
        provinces.province_names.cache_clear()
