"""Sample trainings, experts and public units."""

from __future__ import annotations

import datetime as dt

from sample_common import (  # noqa: E402 - the scripts folder is on sys.path
    NEW_UNITS_FROM,
    D,
    Gen,
)
from sample_enterprises import (  # noqa: E402 - the scripts folder is on sys.path
    district_of,
)
from sample_vocab import (  # noqa: E402 - the scripts folder is on sys.path
    DISTRICT_NAMES,
    KIND,
    NEW_UNIT_DISTRICT,
    NEW_UNITS,
)

# --- trainings -------------------------------------------------------------------------------

TEMPLATES: list[tuple[str, list[str]]] = [
    ("Tập huấn áp dụng công cụ 5S và Lean", ["improvement_tools"]),
    ("Hội nghị tập huấn hệ thống quản lý ISO 9001:2015", ["management_systems"]),
    ("Tập huấn hệ thống quản lý an toàn thực phẩm ISO 22000:2018 và HACCP",
     ["management_systems", "standards"]),
    ("Tập huấn thực hành sản xuất nông nghiệp tốt VietGAP", ["management_systems"]),
    ("Tập huấn xây dựng và công bố tiêu chuẩn cơ sở cho sản phẩm OCOP", ["standards"]),
    ("Tập huấn công bố hợp chuẩn, hợp quy sản phẩm, hàng hóa", ["standards"]),
    ("Tập huấn quy định về nhãn hàng hóa và mã số, mã vạch", ["standards", "technology"]),
    ("Tập huấn xây dựng Chương trình đảm bảo đo lường tại doanh nghiệp", ["measurement"]),
    ("Tập huấn quy định đo lường đối với hàng đóng gói sẵn", ["measurement", "standards"]),
    ("Tập huấn ứng dụng truy xuất nguồn gốc và chuyển đổi số cho chủ thể OCOP",
     ["technology"]),
    ("Hội thảo ứng dụng công nghệ cao trong sản xuất nông nghiệp", ["technology"]),
    ("Tập huấn công cụ cải tiến năng suất TPM, KPI và Kaizen", ["improvement_tools"]),
    ("Tập huấn nâng cao năng suất, chất lượng cho doanh nghiệp nhỏ và vừa",
     ["management_systems", "improvement_tools", "standards"]),
    ("Tập huấn chuyển đổi số và thương mại điện tử cho doanh nghiệp", ["technology"]),
    ("Tập huấn năng suất xanh và sử dụng năng lượng tiết kiệm, hiệu quả",
     ["improvement_tools", "technology"]),
]
ORGANIZERS = [("Sở Khoa học và Công nghệ Thanh Hóa", 40),
              ("Chi cục Tiêu chuẩn Đo lường Chất lượng Thanh Hóa", 30),
              ("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Thanh Hóa", 12),
              ("Văn phòng Điều phối nông thôn mới tỉnh Thanh Hóa", 8),
              ("Hiệp hội Doanh nghiệp tỉnh Thanh Hóa", 6)]
TRAININGS_PER_YEAR = {2021: 7, 2022: 12, 2023: 14, 2024: 14, 2025: 13}
#: Distinct establishments trained by the end of each year (T1 pace).
TRAINED_BY = {2021: 74, 2022: 162, 2023: 258, 2024: 352, 2025: 434}


def training_order(g: Gen, ents: list[dict], certs: list[dict]) -> list[dict]:
    """Who gets trained first: producers of key/OCOP products and supported firms."""
    supported = {c["enterprise"] for c in certs}
    def weight(e: dict) -> float:
        w = 1.0
        if e.get("key_product") or e.get("ocop_products"):
            w *= 3
        if e["id"] in supported:
            w *= 3
        if e.get("pilot_model"):
            w *= 20
        return w
    early = [e for e in ents if not e.get("_late")]
    early.sort(key=lambda e: g.rng.random() ** (1 / weight(e)), reverse=True)
    return early


def training_days(g: Gen, year: int, count: int) -> list[dt.date]:
    start = D(2021, 7, 15) if year == 2021 else D(year, 3, 1)
    end = D(2025, 11, 25) if year == 2025 else D(year, 12, 20)
    days = sorted(g.workday(start, end) for _ in range(count))
    if year == 2024:  # the real 15-16/5/2024 conference on 5S and Lean
        days[3] = D(2024, 5, 15)
        days.sort()
    return days


def training_record(g: Gen, year: int, n: int, day: dt.date,
                    template: tuple[str, list[str]]) -> dict:
    if day == D(2024, 5, 15):
        return {"id": f"TR-{year}-{n:02d}",
                "title": "Hội nghị tập huấn nâng cao năng suất chất lượng: công cụ 5S và Lean",
                "date": day, "end_date": D(2024, 5, 16), "topics": ["improvement_tools"],
                "organizer": "Sở Khoa học và Công nghệ Thanh Hóa", "locality": "TP Thanh Hóa"}
    title, topics = template
    organizer = g.weighted(ORGANIZERS + [("local", 12)])
    if organizer == "local" and day >= NEW_UNITS_FROM:  # no more districts after 01/07/2025
        locality = g.pick(NEW_UNITS)[0]
        where = locality[0].lower() + locality[1:]
        organizer = f"UBND {where}"
        title = f"{title} cho các cơ sở sản xuất trên địa bàn {where}"
    elif organizer == "local":
        locality = g.pick([d for d in DISTRICT_NAMES if KIND[d] == "district"])
        organizer = f"UBND huyện {locality}"
        title = f"{title} cho các cơ sở sản xuất huyện {locality}"
    else:
        locality = g.weighted([("TP Thanh Hóa", 70), ("Thọ Xuân", 6), ("Hoằng Hóa", 6),
                               ("TX Nghi Sơn", 6), ("Ngọc Lặc", 6), ("TX Bỉm Sơn", 6)])
        if day >= NEW_UNITS_FROM:
            locality = next((u for u, d in NEW_UNITS if d == locality), "Phường Hạc Thành")
        title = f"{title} năm {year}"
    rec: dict = {"id": f"TR-{year}-{n:02d}", "title": title, "date": day}
    if g.rng.random() < 0.35:
        rec["end_date"] = day + dt.timedelta(days=1 if day.weekday() < 4 else 3)
    rec.update(topics=list(topics), organizer=organizer, locality=locality)
    return rec


def make_trainings(g: Gen, ents: list[dict], certs: list[dict]) -> list[dict]:
    order = training_order(g, ents, certs)
    late = [e for e in ents if e.get("_late")]
    trained: list[dict] = []
    out = []
    for year, count in TRAININGS_PER_YEAR.items():
        days = training_days(g, year, count)
        sizes = [g.rng.randint(10, 40) for _ in days]
        need = TRAINED_BY[year] - len(trained)
        shares = split(need, sizes)
        templates = g.rng.sample(TEMPLATES, len(days))  # no title twice in a year
        for n, (day, size, new) in enumerate(zip(days, sizes, shares, strict=True), start=1):
            rec = training_record(g, year, n, day, templates[n - 1])
            fresh = take_new(order, trained, new, rec["locality"])
            if day >= NEW_UNITS_FROM:  # the new establishments join the late classes
                fresh += [e for e in late if e not in trained][: g.rng.randint(0, 3)]
            again = take_again(g, trained, size - len(fresh), rec["locality"])
            people = fresh + again
            trained += [e for e in fresh if e not in trained]
            people.sort(key=lambda e: e["id"])
            rec["trainees"] = len(people) + g.rng.randint(len(people) // 3, len(people)) + \
                g.rng.randint(2, 12)
            rec["participants"] = [e["id"] for e in people]
            out.append(rec)
    return out


def split(total: int, sizes: list[int]) -> list[int]:
    """`total` new participants shared in proportion to class sizes, never above a size."""
    whole = sum(sizes)
    shares = [min(s, round(total * s / whole)) for s in sizes]
    i = 0
    while sum(shares) != total:
        step = 1 if sum(shares) < total else -1
        if 0 <= shares[i % len(sizes)] + step <= sizes[i % len(sizes)]:
            shares[i % len(sizes)] += step
        i += 1
    return shares


def home(e: dict) -> str:
    return district_of(e)


def place_of(locality: str) -> str:
    return NEW_UNIT_DISTRICT.get(locality, locality)


def take_new(order: list[dict], trained: list[dict], count: int, locality: str) -> list[dict]:
    """The next untrained establishments in order, those of the venue's district first."""
    seen = {e["id"] for e in trained}
    todo = [e for e in order if e["id"] not in seen]
    near = place_of(locality)
    local = [e for e in todo[:150] if home(e) == near] if near != "TP Thanh Hóa" else []
    picked = local[:count]
    picked += [e for e in todo if e not in picked][: count - len(picked)]
    for e in picked:
        order.remove(e)
        order.append(e)  # keep `order` a permutation; trained ones are skipped later
    return picked


def take_again(g: Gen, trained: list[dict], count: int, locality: str) -> list[dict]:
    if count <= 0 or not trained:
        return []
    near = place_of(locality)
    local = [e for e in trained if home(e) == near]
    pool = local + [e for e in trained if home(e) != near]
    weights = [4 if home(e) == near else 1 for e in pool]
    picked: list[dict] = []
    while len(picked) < min(count, len(pool)):
        e = g.rng.choices(pool, weights)[0]
        if e not in picked:
            picked.append(e)
    return picked


# --- experts and units -----------------------------------------------------------------------

UNITS = [
    {"id": "DV-01", "name": "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Thanh Hóa",
     "public": True, "qualified_on": D(2022, 9, 15)},
    {"id": "DV-02", "name": "Công ty TNHH Tư vấn Năng suất Chất lượng Xứ Thanh",
     "qualified_on": D(2023, 4, 20)},
    {"id": "DV-03", "name": "Công ty Cổ phần Tư vấn và Đào tạo Quản lý Hàm Rồng",
     "qualified_on": D(2024, 10, 8)},
]
EXPERT_FIELDS = [["ISO 9001", "ISO 14001"], ["ISO 22000", "HACCP"], ["5S", "Kaizen", "Lean"],
                 ["TPM", "KPI"], ["Đảm bảo đo lường"], ["Tiêu chuẩn, quy chuẩn kỹ thuật"],
                 ["VietGAP", "Truy xuất nguồn gốc"], ["Chuyển đổi số"], ["Năng suất xanh"]]
EXPERT_DAYS = [D(2021, 11, 26), D(2021, 11, 26), D(2022, 6, 10), D(2022, 12, 16),
               D(2023, 5, 19), D(2023, 9, 22), D(2023, 11, 24), D(2024, 4, 12), D(2024, 6, 21),
               D(2024, 10, 25), D(2024, 12, 13), D(2025, 5, 16), D(2025, 8, 29),
               D(2025, 10, 24)]


def make_experts(g: Gen) -> list[dict]:
    out = []
    for i, day in enumerate(EXPERT_DAYS, start=1):
        rec: dict = {"id": f"CG-{i:02d}", "name": g.person(), "qualified_on": day}
        if i == 3:
            rec["revoked_on"] = D(2024, 8, 30)  # moved to a post outside the province
        weights = {"DV-01": 5, "DV-02": 3, "DV-03": 2, "": 3}
        open_units = [(u["id"], weights[u["id"]]) for u in UNITS if u["qualified_on"] <= day]
        unit = g.weighted(open_units + [("", 3)])
        if unit:
            rec["unit"] = unit
        rec["fields"] = EXPERT_FIELDS[(i * 4) % len(EXPERT_FIELDS)]
        out.append(rec)
    return out


