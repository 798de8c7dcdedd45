"""The register of administrative units and the resolution of a locality text (docs/data.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from pqp_cli.core.places import province_key, register_data, register_for
from pqp_cli.figures.localities import resolve_locality

BEFORE = dt.date(2024, 5, 1)
AFTER = dt.date(2025, 9, 1)


@pytest.fixture(scope="module")
def th():
    return register_for("UBND tỉnh Thanh Hóa")


def test_the_register_holds_thanh_hoa_26_districts_547_communes_166_new_units():
    data = register_data()
    old, new = data["old"]["thanhhoa"], data["new"]["thanhhoa"]
    assert (len(old["districts"]), len(old["communes"]), len(new["units"])) == (26, 547, 166)
    types = [u[0] for u in new["units"]]
    assert (types.count("Xã"), types.count("Phường")) == (147, 19)
    assert new["from"] == ["thanhhoa"]


def test_the_register_covers_the_country_and_names_its_source_and_licence():
    data = register_data()
    assert (len(data["old"]), len(data["new"])) == (63, 34)
    assert data["source"]["package"] == "vietnamadminunits"
    assert data["source"]["version"] == "1.0.4"
    assert data["source"]["license"] == "MIT"
    assert data["source"]["copyright"] == "Copyright (c) 2025 Tran Ngoc Minh Hieu"


def test_every_old_commune_of_thanh_hoa_maps_to_a_new_unit_ten_of_them_split():
    data = register_data()
    communes = data["old"]["thanhhoa"]["communes"]
    assert all(c[4] for c in communes)
    assert sum(len(c[4]) > 1 for c in communes) == 10


def test_three_new_thanh_hoa_units_straddle_two_old_districts():
    units = register_data()["new"]["thanhhoa"]["units"]
    assert sorted(u[1] for u in units if u[4]) == ["Bỉm Sơn", "Nam Sầm Sơn", "Đông Tiến"]


@pytest.mark.parametrize(
    ("text", "district", "commune"),
    [
        ("Thọ Xuân", "Huyện Thọ Xuân", "Huyện Thọ Xuân (chưa rõ xã)"),
        ("Huyện Nga Sơn", "Huyện Nga Sơn", "Huyện Nga Sơn (chưa rõ xã)"),
        ("H. Nga Sơn", "Huyện Nga Sơn", "Huyện Nga Sơn (chưa rõ xã)"),
        ("huyen  nga son", "Huyện Nga Sơn", "Huyện Nga Sơn (chưa rõ xã)"),
        ("TX Bỉm Sơn", "Thị xã Bỉm Sơn", "Thị xã Bỉm Sơn (chưa rõ xã)"),
        ("TP. Thanh Hóa", "Thành phố Thanh Hóa", "Thành phố Thanh Hóa (chưa rõ xã)"),
        ("Quan Hóa", "Huyện Quan Hóa", "Huyện Quan Hóa (chưa rõ xã)"),
        ("Thị trấn Lam Sơn, huyện Thọ Xuân", "Huyện Thọ Xuân", "Xã Lam Sơn"),
        ("TT Lam Sơn, H.Thọ Xuân, tỉnh Thanh Hóa", "Huyện Thọ Xuân", "Xã Lam Sơn"),
        ("Xã Xuân Hòa, huyện Như Xuân", "Huyện Như Xuân", "Xã Xuân Bình"),
        ("Thôn 3, xã Xuân Hòa, huyện Như Xuân", "Huyện Như Xuân", "Xã Xuân Bình"),
        ("Phường Lam Sơn, TX Bỉm Sơn", "Thị xã Bỉm Sơn", "Phường Bỉm Sơn"),
        ("Phường Hạc Thành", "Thành phố Thanh Hóa", "Phường Hạc Thành"),
        ("Xã Pù Luông", "Huyện Bá Thước", "Xã Pù Luông"),
        # in-period changes: Tĩnh Gia became Thị xã Nghi Sơn, Đông Sơn joined the city
        ("Tĩnh Gia", "Thị xã Nghi Sơn", "Thị xã Nghi Sơn (chưa rõ xã)"),
        ("Huyện Đông Sơn", "Thành phố Thanh Hóa", "Thành phố Thanh Hóa (chưa rõ xã)"),
        ("Xã Đông Hoàng, huyện Đông Sơn", "Thành phố Thanh Hóa", "Phường Đông Sơn"),
        ("Thị trấn Rừng Thông", "Thành phố Thanh Hóa", "Phường Đông Sơn"),
        # straddling units go to the district holding most of their area
        ("Phường Bỉm Sơn", "Thị xã Bỉm Sơn", "Phường Bỉm Sơn"),
        ("Phường Đông Tiến", "Thành phố Thanh Hóa", "Phường Đông Tiến"),
        ("Phường Nam Sầm Sơn", "Thành phố Sầm Sơn", "Phường Nam Sầm Sơn"),
    ],
)
def test_a_locality_resolves_to_its_district_and_2025_unit(th, text, district, commune):
    place = th.resolve(text).place
    assert place is not None, th.resolve(text)
    assert (place.district, place.by_commune) == (district, commune)


def test_a_name_in_both_registers_goes_by_the_record_date(th):
    # "Xã Lam Sơn": an old commune of Ngọc Lặc (to 2025-06-30) and a 2025 commune of Thọ Xuân
    before, after = th.resolve("Xã Lam Sơn", BEFORE).place, th.resolve("Xã Lam Sơn", AFTER).place
    assert (before.district, before.by_commune) == ("Huyện Ngọc Lặc", "Xã Minh Sơn")
    assert (after.district, after.by_commune) == ("Huyện Thọ Xuân", "Xã Lam Sơn")


def test_without_a_date_the_unit_whose_ancestry_agrees_wins(th):
    # old Xuân Hòa (Thọ Xuân) merged into the new Xã Xuân Hòa; Xuân Hòa of Như Xuân did not
    place = th.resolve("Xã Xuân Hòa").place
    assert (place.district, place.by_commune, place.era) == ("Huyện Thọ Xuân", "Xã Xuân Hòa", "new")


def test_a_bare_district_name_after_the_reform_is_the_new_commune_of_that_name(th):
    assert th.resolve("Thọ Xuân").place.canonical == "Huyện Thọ Xuân"
    assert th.resolve("Thọ Xuân", AFTER).place.canonical == "Xã Thọ Xuân"


def test_case_diacritics_and_spacing_are_ignored(th):
    assert th.resolve("  THỊ TRẤN   lam son ,huyện tho xuan").place.canonical == (
        "Thị trấn Lam Sơn, huyện Thọ Xuân"
    )
    assert th.resolve("Xã Xuân Hoà").place.canonical == "Xã Xuân Hòa"  # old tone placement


def test_a_type_word_narrows_the_match(th):
    assert th.resolve("Thị trấn Thọ Xuân").place.canonical == "Thị trấn Thọ Xuân, huyện Thọ Xuân"
    assert th.resolve("Xã Thọ Xuân").place.canonical == "Xã Thọ Xuân"
    assert th.resolve("Huyện Thọ Xuân", AFTER).place.canonical == "Huyện Thọ Xuân"


def test_a_misspelt_place_is_unknown_with_the_nearest_names(th):
    found = th.resolve("Thọ Xuâm")
    assert found.place is None and not found.ambiguous
    assert "Huyện Thọ Xuân" in found.suggestions


def test_a_place_in_two_districts_is_ambiguous(th):
    found = th.resolve("Phường Lam Sơn")
    assert found.place is None and found.ambiguous
    assert found.suggestions == (
        "Phường Lam Sơn, thành phố Thanh Hóa",
        "Phường Lam Sơn, thị xã Bỉm Sơn",
    )


def test_a_qualifier_that_disagrees_leaves_the_place_unknown(th):
    assert th.resolve("Thị trấn Lam Sơn, huyện Nga Sơn").place is None
    assert th.resolve("Hà Nội").place is None


def test_the_province_is_found_in_the_authority_or_its_name():
    assert province_key("UBND tỉnh Thanh Hóa") == "thanhhoa"
    assert province_key("Thanh Hoá") == "thanhhoa"
    assert province_key("Ủy ban nhân dân tỉnh Nghệ An") == "nghean"
    assert not register_for("Sở Khoa học và Công nghệ").known


def test_import_gets_the_canonical_name_or_a_warning():
    assert resolve_locality("tt lam son, h. tho xuan", "Thanh Hóa").name == (
        "Thị trấn Lam Sơn, huyện Thọ Xuân"
    )
    assert resolve_locality("Xã Lam Sơn", "Thanh Hóa", dt.date(2023, 1, 1)).name == (
        "Xã Lam Sơn, huyện Ngọc Lặc"
    )
    found = resolve_locality("Thọ Xuâm", "Thanh Hóa")
    assert found.name is None
    assert found.en.startswith("locality 'Thọ Xuâm' is not a place in Thanh Hóa province")
    assert found.vi.startswith("địa bàn 'Thọ Xuâm' không phải đơn vị hành chính của tỉnh Thanh Hóa")


def test_every_old_thanh_hoa_commune_with_its_district_resolves_through_the_crosswalk(th):
    old, new = register_data()["old"]["thanhhoa"], register_data()["new"]["thanhhoa"]
    wrong = []
    for ctype, name, d, _aliases, targets in old["communes"]:
        dtype, dname, _ = old["districts"][d]
        place = th.resolve(f"{ctype} {name}, {dtype.lower()} {dname}").place
        expected = (f"{dtype} {dname}", " ".join(new["units"][targets[0]][:2]))
        if place is None or (place.district, place.by_commune) != expected:
            wrong.append((name, dname))
    assert wrong == []


def test_every_new_thanh_hoa_unit_resolves_in_a_record_dated_after_the_reform(th):
    units = [f"{t} {n}" for t, n, *_ in register_data()["new"]["thanhhoa"]["units"]]
    assert [u for u in units if th.resolve(u, AFTER).place.by_commune != u] == []
    # without a date, only the two names that were also old communes elsewhere stay open
    assert [u for u in units if th.resolve(u).place is None] == ["Xã Lam Sơn", "Phường Đông Sơn"]


def test_a_district_named_beside_a_commune_dates_the_record_before_the_reform(th):
    # the old ward Đông Sơn of the city joined Hạc Thành; a new Phường Đông Sơn took other communes
    place = th.resolve("Phường Đông Sơn, thành phố Thanh Hóa").place
    assert (place.era, place.by_commune) == ("old", "Phường Hạc Thành")


def test_names_that_fold_alike_are_told_apart_by_their_diacritics(th):
    # Vĩnh Hùng and Vĩnh Hưng were both communes of Vĩnh Lộc, now in different units
    assert th.resolve("Xã Vĩnh Hùng, huyện Vĩnh Lộc").place.by_commune == "Xã Biện Thượng"
    assert th.resolve("Xã Vĩnh Hưng, huyện Vĩnh Lộc").place.by_commune == "Xã Vĩnh Lộc"
