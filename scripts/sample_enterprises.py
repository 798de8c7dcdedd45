"""Sample establishments: names, places, flags and OCOP products."""

from __future__ import annotations

import datetime as dt

from sample_common import (  # noqa: E402 - the scripts folder is on sys.path
    LAST_DAY,
    D,
    Gen,
    add_months,
)
from sample_vocab import (  # noqa: E402 - the scripts folder is on sys.path
    AGRI,
    BRANDS,
    COMMUNES,
    DISTRICTS,
    FAMOUS_OCOP,
    INDUSTRY,
    KIND,
    NEW_UNIT_DISTRICT,
    NEW_UNITS,
    OCOP_BATCHES,
    OCOP_SECTORS,
    PARKS,
    SECTOR,
    STREETS,
)

# --- enterprises -----------------------------------------------------------------------------

TYPE_MIX = [("enterprise", 330), ("cooperative", 150), ("household", 100), ("other", 20)]
SECTOR_MIX = {
    "enterprise": [("Chế biến thực phẩm", 16), ("Thủy sản", 8), ("Nông nghiệp", 8),
                   ("Chăn nuôi", 5), ("Dược liệu", 5), ("Đồ uống", 4), ("Thủ công mỹ nghệ", 5),
                   ("Lâm sản", 6), ("Dệt may", 10), ("Cơ khí", 9), ("Vật liệu xây dựng", 9),
                   ("Thương mại và dịch vụ", 8), ("Bao bì, in ấn", 4)],
    "cooperative": [("Nông nghiệp", 40), ("Chăn nuôi", 10), ("Thủy sản", 12),
                    ("Dược liệu", 8), ("Thủ công mỹ nghệ", 10), ("Chế biến thực phẩm", 12),
                    ("Lâm sản", 6), ("Đồ uống", 2)],
    "household": [("Chế biến thực phẩm", 35), ("Thủy sản", 15), ("Thủ công mỹ nghệ", 15),
                  ("Đồ uống", 10), ("Chăn nuôi", 10), ("Nông nghiệp", 10), ("Dược liệu", 5)],
    "other": [("Thủ công mỹ nghệ", 40), ("Chế biến thực phẩm", 30), ("Thủy sản", 30)],
}


#: Name words that narrow what an establishment makes.
WORD_PRODUCTS = {
    "Cói": ["Chiếu cói", "Thảm cói", "Làn cói"], "Mây tre đan": ["Đồ mây tre đan"],
    "Đá mỹ nghệ": ["Đá mỹ nghệ"], "Thêu ren": ["Hàng thêu ren"],
    "Luồng": ["Đũa luồng", "Tăm tre", "Măng khô"], "Gỗ": ["Ván ghép thanh"],
    "Rượu truyền thống": ["Rượu nếp cái hoa vàng", "Rượu men lá"],
    "Nước giải khát": ["Nước uống đóng chai", "Trà xanh"],
    "Sản xuất và Tiêu thụ rau an toàn": ["Rau an toàn", "Dưa lưới", "Nấm sò"],
}


def products_of(e: dict) -> list[str]:
    name = e["name"]
    for word, products in WORD_PRODUCTS.items():
        if f" {word} " in f" {name} ":
            return products
    return SECTOR[e["sector"]][2]


def enterprise_name(g: Gen, etype: str, sector: str, district: str, commune: str) -> str:
    words, products = SECTOR[sector][1], SECTOR[sector][2]
    while True:
        if etype == "enterprise":
            form = g.weighted([("Công ty TNHH", 45), ("Công ty TNHH MTV", 12),
                               ("Công ty Cổ phần", 35), ("DNTN", 8)])
            if form == "DNTN" and g.rng.random() < 0.5:
                name = f"DNTN {g.person()}"
            else:
                brand = g.pick(BRANDS) if g.rng.random() < 0.85 else commune
                name = f"{form} {g.pick(words)} {brand}"
        elif etype == "cooperative":
            form = g.weighted([("HTX", 75), ("Hợp tác xã", 25)])
            name = f"{form} {g.pick(words)} {commune}"
        elif etype == "household":
            name = f"Hộ kinh doanh {g.person()}"
        else:
            what = g.pick(products).lower()
            name = (f"Tổ hợp tác sản xuất {what} {commune}" if g.rng.random() < 0.5
                    else f"Cơ sở sản xuất {what} {g.pick(BRANDS)}")
        if g.claim(name):
            return name


def address(g: Gen, district: str, commune: str, sector: str, etype: str) -> str:
    kind = KIND[district]
    if etype == "enterprise" and sector in INDUSTRY and district in PARKS:
        return f"Lô {g.pick('ABCDE')}{g.rng.randint(1, 40)}, {g.pick(PARKS[district])}, {district}"
    if kind == "city" and district == "TP Thanh Hóa":
        return (f"Số {g.rng.randint(2, 420)} {g.pick(STREETS)}, phường {commune}, "
                "TP Thanh Hóa")
    if kind in ("city", "town"):
        return f"Số {g.rng.randint(2, 180)}, phường {commune}, {district}"
    hamlet = g.pick(["Thôn", "Thôn", "Xóm", "Làng"]) + " " + (
        str(g.rng.randint(1, 12)) if g.rng.random() < 0.6
        else g.pick(["Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng", "Hạ", "Tân Lập"]))
    return f"{hamlet}, xã {commune}, huyện {district}"


COASTAL = {"TP Sầm Sơn", "TX Nghi Sơn", "Hoằng Hóa", "Hậu Lộc", "Nga Sơn", "Quảng Xương"}
MOUNTAIN = {"Bá Thước", "Cẩm Thủy", "Lang Chánh", "Mường Lát", "Ngọc Lặc", "Như Thanh",
            "Như Xuân", "Quan Hóa", "Quan Sơn", "Thạch Thành", "Thường Xuân"}


def affinity(sector: str, district: str) -> float:
    """Seafood on the coast, forest products and herbs in the hills, industry in the towns."""
    if sector == "Thủy sản":
        return 6.0 if district in COASTAL else (0.05 if district in MOUNTAIN else 0.3)
    if sector in ("Lâm sản", "Dược liệu"):
        return 5.0 if district in MOUNTAIN else 0.4
    if sector in INDUSTRY or sector == "Thương mại và dịch vụ":
        return 0.2 if district in MOUNTAIN else (2.0 if KIND[district] != "district" else 1.0)
    return 1.0


def make_enterprises(g: Gen) -> list[dict]:
    types = [t for t, n in TYPE_MIX for _ in range(n)]
    g.rng.shuffle(types)
    out = []
    for i, etype in enumerate(types, start=1):
        sector = g.weighted(SECTOR_MIX[etype])
        district = g.weighted([(d[0], d[1] * affinity(sector, d[0])) for d in DISTRICTS])
        commune = g.pick(COMMUNES[district])
        name = enterprise_name(g, etype, sector, district, commune)
        has_tax = {"enterprise": 1.0, "cooperative": 1.0, "household": 0.3, "other": 0.4}[etype]
        rec: dict = {"id": f"TH-{i:04d}", "name": name, "type": etype}
        if g.rng.random() < has_tax:
            rec["tax_code"] = g.tax_code()
        rec["locality"] = district
        if g.rng.random() < 0.85:
            rec["address"] = address(g, district, commune, sector, etype)
        rec["sector"] = sector
        out.append(rec)
        rec["_commune"] = commune
    add_branches(g, out)
    add_late_establishments(g, out)
    return out


def add_branches(g: Gen, out: list[dict]) -> None:
    """Two branches of bigger companies: the parent's tax code and a -001 suffix."""
    parents = [e for e in out if e["name"].startswith("Công ty Cổ phần") and "tax_code" in e]
    for parent, district in zip(parents[:2], ("TX Nghi Sơn", "Thọ Xuân"), strict=True):
        name = f"Chi nhánh {parent['name']} tại {district.replace('TX ', '')}"
        g.claim(name)
        out.append({"id": f"TH-{len(out) + 1:04d}", "name": name, "type": "enterprise",
                    "tax_code": parent["tax_code"] + "-001", "locality": district,
                    "sector": parent["sector"], "_commune": g.pick(COMMUNES[district])})


def add_late_establishments(g: Gen, out: list[dict]) -> None:
    """Establishments recorded after 01/07/2025 name their new commune/ward, no district."""
    for unit, district in NEW_UNITS:
        etype = g.weighted([("enterprise", 5), ("cooperative", 3), ("household", 2)])
        sector = g.weighted(SECTOR_MIX[etype])
        commune = unit.split(" ", 1)[1]
        name = enterprise_name(g, etype, sector, district, commune)
        rec: dict = {"id": f"TH-{len(out) + 1:04d}", "name": name, "type": etype}
        if etype != "household":
            rec["tax_code"] = g.tax_code()
        rec["locality"] = unit
        rec["address"] = (f"Số {g.rng.randint(2, 99)}, phường {commune}" if unit.startswith("Ph")
                          else f"Thôn {g.rng.randint(1, 15)}, xã {commune}")
        rec["sector"] = sector
        rec["_commune"], rec["_late"] = commune, True
        out.append(rec)


def district_of(e: dict) -> str:
    return NEW_UNIT_DISTRICT.get(e["locality"], e["locality"])


def choose_flags(g: Gen, ents: list[dict]) -> None:
    """key_product (~150), OCOP producers (~200, about half of them key), pilots (8)."""
    early = [e for e in ents if not e.get("_late") and not e["name"].startswith("Chi nhánh")]
    key_pool = [e for e in early if e["sector"] in AGRI and e["type"] != "other"]
    key_pool.sort(key=lambda e: g.rng.random() ** (1 / {"enterprise": 3, "cooperative": 4,
                                                         "household": 0.6}[e["type"]]),
                  reverse=True)
    for e in key_pool[:150]:
        e["key_product"] = True
    ocop_pool = [e for e in early if e["sector"] in OCOP_SECTORS]
    keyed = [e for e in ocop_pool if e.get("key_product")]
    plain = [e for e in ocop_pool if not e.get("key_product")]
    g.rng.shuffle(keyed)
    g.rng.shuffle(plain)
    for e in keyed[:118] + plain[:82]:
        e["_ocop"] = True
    late = [e for e in ents if e.get("_late") and e["sector"] in OCOP_SECTORS]
    if late:
        late[0]["_ocop"] = True  # a new producer of the last 2025 round, no standard yet
    pilots = [e for e in keyed[:118] if e["type"] == "enterprise"
              and e["locality"] not in MOUNTAIN]  # pilots near the lowland centres
    for e in pilots[:8]:
        e["pilot_model"] = True


def ocop_products(g: Gen, e: dict) -> list[dict]:
    """1-3 products, certified in recognition rounds; most expired ones re-certified."""
    products = products_of(e)
    count = min(g.weighted([(1, 70), (2, 22), (3, 8)]), len(products))
    place = e["_commune"]
    famous = FAMOUS_OCOP.get(district_of(e))
    names: list[str] = []
    while len(names) < count:
        if famous and not names and g.rng.random() < 0.35:
            name = famous
        else:
            brand = next((b for b in BRANDS if e["name"].endswith(" " + b)), place)
            name = f"{g.pick(products)} {brand if g.rng.random() < 0.7 else place}"
        if name not in names:
            names.append(name)
    if e.get("_late"):
        return [{"name": names[0], "stars": 3, "certified_on": D(2025, 11, 14),
                 "expires_on": D(2028, 11, 14)}]
    batches = OCOP_BATCHES[:-1] if e.get("pilot_model") else OCOP_BATCHES
    out = []
    for name in names:
        day = g.weighted(batches)
        stars = g.weighted([(3, 90), (4, 10)])
        out.append(entry(name, stars, day))
        while add_months(day, 36) <= LAST_DAY and g.rng.random() < 0.62:
            day = next(b for b, _ in OCOP_BATCHES if b >= add_months(day, 34))
            stars = 4 if stars == 4 or g.rng.random() < 0.12 else 3
            out.append(entry(name, stars, day))
    return sorted(out, key=lambda p: (p["certified_on"], p["name"]))


def quota(g: Gen, pairs: list, n: int) -> list:  # type: ignore[type-arg]
    """n values in exact proportion to their weights (largest remainder), shuffled: the
    figures then depend on the plan of the data rather than on the luck of the draw."""
    total = sum(w for _, w in pairs)
    exact = [n * w / total for _, w in pairs]
    counts = [int(x) for x in exact]
    for i in sorted(range(len(pairs)), key=lambda i: counts[i] - exact[i])[: n - sum(counts)]:
        counts[i] += 1
    out = [v for (v, _), k in zip(pairs, counts, strict=True) for _ in range(k)]
    g.rng.shuffle(out)
    return out


def entry(name: str, stars: int, day: dt.date) -> dict:
    return {"name": name, "stars": stars, "certified_on": day, "expires_on": add_months(day, 36)}


def give_ocop(g: Gen, ents: list[dict]) -> None:
    for e in ents:
        if e.get("_ocop"):
            e["ocop_products"] = ocop_products(g, e)
    # Two 5-star products (central council), as the province had by late 2025.
    fives = [e for e in ents if e.get("_ocop") and e["sector"] == "Thủy sản"
             and e["type"] != "household" and not e.get("pilot_model")][:2]
    for e, day in zip(fives, (D(2023, 12, 22), D(2025, 6, 26)), strict=True):
        name = e["ocop_products"][0]["name"]
        kept = [o for o in e["ocop_products"] if o["name"] != name or o["certified_on"] < day]
        e["ocop_products"] = sorted([*kept, entry(name, 5, day)],
                                    key=lambda p: (p["certified_on"], p["name"]))


