"""How a locality text is read (issue 15, the tester's findings): exact diacritics, tone
placement, ambiguity without diacritics, the province or its city, another province,
separators and orders, and the register file itself (docs/data.md)."""

from __future__ import annotations

import gzip

import pytest

from pqp_cli.core import provinces
from pqp_cli.core.places import province_problem, register_for
from pqp_cli.core.problems import PqpError
from pqp_cli.figures.localities import message


@pytest.fixture(scope="module")
def th():
    return register_for("Thanh Hóa")


def groups(th, text):
    place = th.resolve(text).place
    return None if place is None else (place.district, place.by_commune)


# 1. a name written exactly wins over names that only fold alike
@pytest.mark.parametrize(
    ("text", "district", "commune"),
    [
        ("Xã Đông Tiến", "Thành phố Thanh Hóa", "Phường Đông Tiến"),
        ("Xã Hoàng Sơn", "Huyện Nông Cống", "Xã Trung Chính"),
        ("Xã Hoàng Giang", "Huyện Nông Cống", "Xã Trung Chính"),
        ("Xã Hoằng Thành", "Huyện Hoằng Hóa", "Xã Hoằng Lộc"),
        ("Xã Hoằng Phụ", "Huyện Hoằng Hóa", "Xã Hoằng Thanh"),
        ("Xã Nga Thanh, huyện Nga Sơn", "Huyện Nga Sơn", "Xã Nga Sơn"),
    ],
)
def test_a_name_written_exactly_beats_names_that_fold_alike(th, text, district, commune):
    assert groups(th, text) == (district, commune)


# 2. old and new tone placement
@pytest.mark.parametrize(
    ("old_style", "new_style"),
    [
        ("Xã Thiệu Hoà", "Xã Thiệu Hòa"),
        ("Xã Hoằng Qúy, huyện Hoằng Hóa", "Xã Hoằng Quý, huyện Hoằng Hóa"),
        ("Xã Thuỷ Sơn", "Xã Thủy Sơn"),
    ],
)
def test_the_old_tone_placement_reads_like_the_new(th, old_style, new_style):
    assert groups(th, old_style) == groups(th, new_style) is not None


# 3. without diacritics, names folding alike in one district are ambiguous
@pytest.mark.parametrize(
    "text",
    [
        "Xa Vinh Hung, huyen Vinh Loc",
        "Xa Hoang Quy, huyen Hoang Hoa",
        "Xa Nga Thanh, huyen Nga Son",
        "Xa Hoang Thanh, huyen Hoang Hoa",
    ],
)
def test_names_that_fold_alike_without_diacritics_are_ambiguous(th, text):
    res = th.resolve(text)
    assert res.place is None and res.ambiguous and len(res.suggestions) == 2
    en, vi = message(res, th.name)
    assert f" or {res.suggestions[1]}; write the one meant" in en
    assert " hoặc " in vi


# 4. a trailing "Thanh Hóa" is the city when the commune is the city's
@pytest.mark.parametrize("name", ["Ba Đình", "Ngọc Trạo", "Lam Sơn", "Đông Sơn"])
def test_a_trailing_name_of_the_province_and_its_city_is_tried_as_the_city(th, name):
    assert groups(th, f"{name}, Thanh Hóa") == ("Thành phố Thanh Hóa", "Phường Hạc Thành")


def test_a_trailing_province_name_is_still_the_province_when_the_city_does_not_fit(th):
    assert groups(th, "Xã Hoằng Quý, Thanh Hóa") == ("Huyện Hoằng Hóa", "Xã Hoằng Phú")


# 5. another province
@pytest.mark.parametrize(
    "text",
    ["Phường Trường Thi, tỉnh Nghệ An", "Xã Ngọc Sơn, tỉnh Nghệ An", "Xã Ngọc Sơn, Nghệ An"],
)
def test_a_part_naming_another_province_is_a_warning(th, text):
    res = th.resolve(text)
    assert res.place is None and res.other_province is not None
    en, vi = message(res, th.name)
    assert "names another province" in en and "Nghệ An" in en
    assert "ghi tỉnh khác" in vi


# 6. an unknown plan.province
@pytest.mark.parametrize("province", ["Atlantis", "123", "true", "Sài Gòn"])
def test_an_unknown_plan_province_is_a_warning(province):
    problem = province_problem(province, "targets.yaml", 7)
    assert problem is not None and problem.line == 7 and problem.field == "province"
    assert f"plan.province {province!r} is not a province" in problem.en


def test_a_known_plan_province_is_no_problem():
    assert province_problem("Thanh Hoá", "targets.yaml", 7) is None
    assert province_problem(None, "targets.yaml", 7) is None


def test_the_nearest_provinces_are_named():
    assert "Tỉnh Thanh Hóa" in province_problem("Thanh Hao", "t.yaml", 1).en


# 7. the register file
@pytest.mark.parametrize("content", [None, b"not gzip", gzip.compress(b"{not json", mtime=0), b""])
def test_a_missing_or_damaged_register_is_a_clear_error(monkeypatch, tmp_path, content):
    pkg = tmp_path / "pqp_cli"
    (pkg / "data").mkdir(parents=True)
    if content is not None:
        (pkg / "data" / "admin_units.json.gz").write_bytes(content)
    monkeypatch.setattr(provinces.resources, "files", lambda _name: pkg)
    provinces.register_data.cache_clear()
    try:
        with pytest.raises(PqpError, match="missing or damaged.*reinstall pqp") as err:
            provinces.register_data()
        assert err.value.exit_code == 2
    finally:
        provinces.register_data.cache_clear()


# 8. separators and orders
@pytest.mark.parametrize(
    "text",
    [
        "Hoằng Quý - Hoằng Hóa",
        "Xã Hoằng Quý - Huyện Hoằng Hóa",
        "xã Hoằng Quý huyện Hoằng Hóa",
        "xã Hoằng Quý huyện Hoằng Hóa tỉnh Thanh Hóa",
        "Xã Hoằng Quý; huyện Hoằng Hóa",
        "Xã Hoằng Quý / Hoằng Hóa",
        "Xã Hoằng Quý (huyện Hoằng Hóa)",
        "Xã Hoằng Quý (cũ)",
        "Huyện Hoằng Hóa, Xã Hoằng Quý",
        "Thôn 3, Xã Hoằng Quý, Hoằng Hóa, Thanh Hóa, Việt Nam",
    ],
)
def test_common_separators_and_orders_are_read(th, text):
    assert groups(th, text) == ("Huyện Hoằng Hóa", "Xã Hoằng Phú")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("T.P Thanh Hóa", ("Thành phố Thanh Hóa", "Thành phố Thanh Hóa (chưa rõ xã)")),
        ("KCN Lễ Môn, TP Thanh Hóa", ("Thành phố Thanh Hóa", "Thành phố Thanh Hóa (chưa rõ xã)")),
        ("Thôn 3, Đông Hương", ("Thành phố Thanh Hóa", "Phường Hạc Thành")),
        ("Thanh Hoá, Việt Nam", ("Thành phố Thanh Hóa", "Thành phố Thanh Hóa (chưa rõ xã)")),
        ("thị trấn Quán Lào huyện Yên Định", ("Huyện Yên Định", "Xã Yên Định")),
        ("Bản Công, Bá Thước", ("Huyện Bá Thước", "Xã Bá Thước")),
    ],
)
def test_parts_below_the_register_leave_the_district(th, text, expected):
    assert groups(th, text) == expected


def test_a_misspelt_commune_beside_its_district_is_still_unknown(th):
    res = th.resolve("Xã Hoằng Quýx, huyện Hoằng Hóa")
    assert res.place is None and not res.ambiguous
    assert "Xã Hoằng Quý, huyện Hoằng Hóa" in res.suggestions


# 9. "Quan" in a later part
@pytest.mark.parametrize(
    ("text", "district"),
    [("Hồi Xuân, Quan Hóa", "Huyện Quan Hóa"), ("Sơn Lư, Quan Sơn", "Huyện Quan Sơn")],
)
def test_quan_in_a_later_part_is_the_district(th, text, district):
    assert th.resolve(text).place.district == district


# 11. wording
def test_the_province_is_named_in_lower_case_mid_sentence(th):
    en, vi = message(th.resolve("Thọ Xuâm"), th.name)
    assert "is not a place in Thanh Hóa province" in en
    assert "không phải đơn vị hành chính của tỉnh Thanh Hóa" in vi


# 10. suggestions only when asked
def test_suggestions_are_looked_up_only_when_asked(th, monkeypatch):
    calls = []
    real = th.suggest
    monkeypatch.setattr(th, "suggest", lambda *a: calls.append(a) or real(*a))
    res = th.resolve("Nowhere at all 12345")
    assert res.place is None and calls == []
    assert res.suggestions == () and len(calls) == 1


@pytest.mark.parametrize(
    ("province", "text", "district"),
    [
        ("Ninh Thuận", "Phường Đô Vinh, thành phố Phan Rang - Tháp Chàm", "Phan Rang - Tháp Chàm"),
        ("Hà Nội", "Phường Văn Miếu - Quốc Tử Giám", "Đống Đa"),
        ("Bạc Liêu", "Thị trấn Phước Long (Thị trấn), huyện Phước Long", "Phước Long"),
        ("Đồng Tháp", "Phường Mỹ Ngãi, thành phố Cao Lãnh (Thành phố)", "Cao Lãnh (Thành phố)"),
    ],
)
def test_names_holding_a_dash_or_a_bracket_still_resolve(province, text, district):
    place = register_for(province).resolve(text).place
    assert place is not None and place.district.endswith(district)
