"""Sample certifications: supported enterprises, pilots, product standards."""

from __future__ import annotations

import datetime as dt

from sample_common import (  # noqa: E402 - the scripts folder is on sys.path
    END,
    LAST_DAY,
    D,
    Gen,
    add_months,
    fold,
)
from sample_enterprises import (  # noqa: E402 - the scripts folder is on sys.path
    products_of,
    quota,
)
from sample_vocab import (  # noqa: E402 - the scripts folder is on sys.path
    AGRI,
    CERT_GAP,
    CERT_ISO,
    CERT_MEAS,
    CERT_STD,
    CERT_TECH,
    CERT_TOOL,
    INDUSTRY,
    INDUSTRY_PRODUCTS,
    INDUSTRY_STANDARDS,
    OCOP_SECTORS,
    PRODUCT_STANDARDS,
    VALID_YEARS,
)

# --- certifications --------------------------------------------------------------------------


class Certs:
    """Collects certification records; ids are given in date order at the end."""

    def __init__(self, g: Gen) -> None:
        self.g = g
        self.items: list[dict] = []

    def add(self, ent: dict, category: str, scheme: str, started: dt.date,
            achieved: dt.date | None, *, supported: bool = True, product: str | None = None,
            certifier: str | None = None, expires: dt.date | None = None,
            withdrawn: dt.date | None = None) -> dict:
        rec: dict = {"id": "", "enterprise": ent["id"], "category": category, "scheme": scheme}
        if not supported:
            rec["supported"] = False
        if product:
            rec["product"] = product
        rec["started_on"] = started
        if achieved is not None and achieved <= LAST_DAY:
            rec["achieved_on"] = achieved
            years = VALID_YEARS.get(scheme)
            if expires is None and years:
                expires = add_months(achieved, 12 * years)
            if expires is not None:
                rec["expires_on"] = expires
            if withdrawn is not None:
                rec["withdrawn_on"] = withdrawn
        if certifier:
            rec["certifier"] = certifier
        self.items.append(rec)
        return rec

    def held(self, ent: dict, category: str, scheme: str, first: dt.date, *,
             renew: float, supported: bool = True, product: str | None = None) -> None:
        """A certificate achieved on `first`, renewed at each expiry with probability `renew`."""
        g = self.g
        certifier = certifier_for(g, category, scheme)
        achieved = first
        while True:
            started = achieved - dt.timedelta(days=g.rng.randint(60, 240))
            rec = self.add(ent, category, scheme, started, achieved, supported=supported,
                           product=product, certifier=certifier)
            expires = rec.get("expires_on")
            if expires is None or expires > END or g.rng.random() >= renew:
                return
            achieved = min(expires - dt.timedelta(days=g.rng.randint(5, 40)),
                           LAST_DAY - dt.timedelta(days=g.rng.randint(0, 20)))

    def ids(self) -> None:
        self.items.sort(key=lambda r: (r["started_on"], r["enterprise"], r["scheme"]))
        for i, rec in enumerate(self.items, start=1):
            rec["id"] = f"CN-{i:04d}"


def certifier_for(g: Gen, category: str, scheme: str) -> str | None:
    if category == "management_system":
        return g.pick(CERT_GAP if scheme == "VietGAP" else CERT_ISO)
    if category == "improvement_tool":
        return g.pick(CERT_TOOL)
    if category == "measurement_assurance":
        return g.pick(CERT_MEAS)
    if category == "technology":
        return g.pick(CERT_TECH)
    if scheme.startswith("TCCS"):
        return None  # a base standard is declared by the producer itself
    return g.pick(CERT_STD)


def management_scheme(g: Gen, e: dict) -> str:
    s = e["sector"]
    if s in ("Chế biến thực phẩm", "Thủy sản", "Đồ uống"):
        return g.weighted([("ISO 22000:2018", 45), ("HACCP", 35), ("ISO 9001:2015", 20)])
    if s in ("Nông nghiệp", "Chăn nuôi", "Dược liệu"):
        return g.weighted([("VietGAP", 75), ("ISO 9001:2015", 15), ("ISO 22000:2018", 10)])
    if s in INDUSTRY:
        return g.weighted([("ISO 9001:2015", 85), ("ISO 14001:2015", 15)])
    return "ISO 9001:2015"


def tool_scheme(g: Gen, e: dict) -> str:
    if e["sector"] in INDUSTRY:
        return g.weighted([("5S", 35), ("Lean", 25), ("KPI", 15), ("TPM", 15), ("Kaizen", 10)])
    return g.weighted([("5S", 60), ("KPI", 15), ("Kaizen", 15), ("Lean", 10)])


def tech_scheme(g: Gen, e: dict) -> str:
    if e["sector"] in AGRI or e["sector"] in OCOP_SECTORS:
        return g.weighted([("Truy xuất nguồn gốc", 60), ("Chuyển đổi số", 30), ("IoT", 10)])
    return g.weighted([("Chuyển đổi số", 60), ("ERP", 30), ("Thương mại điện tử", 10)])


#: First achievement of the T2 enterprises, by half-year: (start, end, weight).
T2_WAVES = [(D(2021, 7, 1), D(2021, 12, 31), 8), (D(2022, 1, 1), D(2022, 6, 30), 10),
            (D(2022, 7, 1), D(2022, 12, 31), 14), (D(2023, 1, 1), D(2023, 6, 30), 17),
            (D(2023, 7, 1), D(2023, 12, 31), 19), (D(2024, 1, 1), D(2024, 6, 30), 23),
            (D(2024, 7, 1), D(2024, 12, 31), 22), (D(2025, 1, 1), D(2025, 6, 30), 20),
            (D(2025, 7, 1), D(2025, 11, 20), 12)]


def support_enterprise(g: Gen, c: Certs, e: dict, window: tuple[dt.date, dt.date]) -> None:
    """One T2 enterprise: a first system or tool in `window`, then often a second one."""
    first = g.workday(*window)
    kind = g.weighted([("management_system", 60), ("improvement_tool", 30), ("technology", 6),
                       ("measurement_assurance", 4)])
    schemes = {"management_system": management_scheme, "improvement_tool": tool_scheme,
               "technology": tech_scheme,
               "measurement_assurance": lambda g, e: "Chương trình đảm bảo đo lường"}
    c.held(e, kind, schemes[kind](g, e), first, renew=0.8)
    if g.rng.random() < 0.3:
        other = g.weighted([(k, w) for k, w in (("management_system", 25),
                            ("improvement_tool", 40), ("technology", 20),
                            ("measurement_assurance", 15)) if k != kind])
        later = add_months(first, g.rng.randint(4, 20))
        if later <= LAST_DAY:
            c.held(e, other, schemes[other](g, e), later, renew=0.8)
        else:
            c.add(e, other, schemes[other](g, e), min(add_months(first, 3), LAST_DAY), None,
                  certifier=certifier_for(g, other, ""))


PILOT_PLANS = [  # when each pilot completes its five categories, or what it lacks
    D(2023, 6, 20), D(2024, 3, 15), D(2024, 9, 10), D(2025, 3, 20), D(2025, 8, 25),
    "measurement_assurance", "technology", "expired",
]


def pilot(g: Gen, c: Certs, e: dict, plan: object) -> None:
    """All five categories in force by the plan's date, or one missing (in progress/lapsed)."""
    done = plan if isinstance(plan, dt.date) else D(2025, 4, 15)
    product = e["ocop_products"][0]["name"] if e.get("ocop_products") else None
    mgmt = management_scheme(g, e)
    if mgmt == "VietGAP":
        mgmt = "ISO 22000:2018"
    steps = [("management_system", mgmt, -22), ("improvement_tool", tool_scheme(g, e), -14),
             ("product_standard", standard_for(g, e, product, add_months(done, -20).year),
              -18),
             ("measurement_assurance", "Chương trình đảm bảo đo lường", -6),
             ("technology", tech_scheme(g, e), 0)]
    for category, scheme, months in steps:
        day = done if months == 0 else g.workday(add_months(done, months), add_months(done, -2))
        if plan == category:
            c.add(e, category, scheme, D(2025, 6, 2), None, certifier=certifier_for(
                g, category, scheme))
        elif plan == "expired" and category == "management_system":
            c.held(e, category, scheme, D(2022, 5, 16), renew=0.0)
            c.add(e, category, scheme, D(2025, 4, 1), None, certifier=g.pick(CERT_ISO))
        else:
            c.held(e, category, scheme, day, renew=1.0,
                   product=product if category == "product_standard" else None)


def standard_for(g: Gen, e: dict, product: str | None, year: int) -> str:
    """A national standard or regulation for the product, else the producer's own TCCS."""
    kind = next((k for k in PRODUCT_STANDARDS if product and product.startswith(k)), None)
    if kind and g.rng.random() < 0.6:
        return PRODUCT_STANDARDS[kind]
    if e["sector"] in INDUSTRY_STANDARDS:
        return INDUSTRY_STANDARDS[e["sector"]]
    suffix = "HTX" if e["type"] == "cooperative" else initials(e["name"])
    return f"TCCS {g.rng.randint(1, 3):02d}:{year}/{suffix}"


def initials(name: str) -> str:
    words = [w for w in name.split() if w[0].isupper()]
    letters = "".join(fold(w)[0].upper() for w in words[-2:])
    return letters or "CS"


#: When producers first had a standard of theirs supported: (start, end, weight).
STD_WAVES = [(D(2021, 7, 1), D(2021, 12, 31), 9), (D(2022, 1, 1), D(2022, 12, 31), 17),
             (D(2023, 1, 1), D(2023, 12, 31), 20), (D(2024, 1, 1), D(2024, 12, 31), 30),
             (D(2025, 1, 1), D(2025, 11, 25), 24)]


def product_standard(g: Gen, c: Certs, e: dict, outcome: str,
                     window: tuple[dt.date, dt.date]) -> None:
    """A producer's product standard: supported and in force, or one of the ways it is not."""
    if e.get("ocop_products"):
        product = g.pick(e["ocop_products"])["name"]
    elif e["sector"] in INDUSTRY_PRODUCTS:
        product = INDUSTRY_PRODUCTS[e["sector"]]
    else:
        product = f"{g.pick(products_of(e))} {e['_commune']}"
    day = g.workday(*window)
    started = day - dt.timedelta(days=g.rng.randint(45, 150))
    scheme = standard_for(g, e, product, started.year)
    cert = certifier_for(g, "product_standard", scheme)
    if outcome == "in_progress":
        c.add(e, "product_standard", scheme, g.workday(D(2025, 3, 1), D(2025, 10, 31)), None,
              product=product, certifier=cert)
    elif outcome == "unsupported":
        c.add(e, "product_standard", scheme, started, day, supported=False, product=product,
              certifier=cert)
    elif outcome == "expired":  # a conformity certificate (3 years), not renewed
        day = g.workday(D(2021, 8, 1), D(2022, 9, 30))
        scheme = "TCVN 11041-2:2017" if e["sector"] in AGRI - {"Thủy sản"} else "QCVN 8-3:2012/BYT"
        c.add(e, "product_standard", scheme, day - dt.timedelta(days=90), day,
              product=product, certifier=g.pick(CERT_STD), expires=add_months(day, 36))
    elif outcome == "withdrawn":
        c.add(e, "product_standard", scheme, started, day, product=product, certifier=cert,
              withdrawn=min(LAST_DAY, add_months(day, g.rng.randint(8, 20))))
    else:
        c.add(e, "product_standard", scheme, started, day, product=product, certifier=cert)


def make_certifications(g: Gen, ents: list[dict]) -> list[dict]:
    c = Certs(g)
    pilots = [e for e in ents if e.get("pilot_model")]
    for e, plan in zip(pilots, PILOT_PLANS, strict=True):
        pilot(g, c, e, plan)
    producers = [e for e in ents if (e.get("key_product") or e.get("ocop_products"))
                 and not e.get("pilot_model") and not e.get("_late")]
    outcomes = quota(g, [("standard", 86), ("none", 5), ("in_progress", 3),
                         ("unsupported", 3), ("expired", 2), ("withdrawn", 1)], len(producers))
    windows = quota(g, [((a, b), w) for a, b, w in STD_WAVES], len(producers))
    for e, outcome, window in zip(producers, outcomes, windows, strict=True):
        if any(o["stars"] == 5 for o in e.get("ocop_products", [])):
            outcome = "standard"  # a 5-star product meets its standards, by the criteria
        if outcome != "none":
            product_standard(g, c, e, outcome, window)
    industry = [e for e in ents if e["sector"] in INDUSTRY and e["type"] == "enterprise"]
    for e in industry[:12]:  # a few standards outside the producers of T3
        product_standard(g, c, e, "standard", g.pick(STD_WAVES)[:2])
    supported_pool(g, c, ents)
    extras(g, c, ents)
    c.ids()
    return c.items


def supported_pool(g: Gen, c: Certs, ents: list[dict]) -> None:
    """The enterprises of T2: mostly companies, some cooperatives (VietGAP), few households."""
    pool = [e for e in ents if not e.get("pilot_model") and not e.get("_late")]
    weight = {"enterprise": 6, "cooperative": 1.2, "household": 0.1, "other": 0.05}
    pool.sort(key=lambda e: g.rng.random() ** (1 / (weight[e["type"]] * (
        2 if e.get("key_product") or e.get("_ocop") else 1))), reverse=True)
    windows = quota(g, [((a, b), w) for a, b, w in T2_WAVES], T2_POOL)
    for e, window in zip(pool[:T2_POOL], windows, strict=True):
        support_enterprise(g, c, e, window)


T2_POOL = 150


def extras(g: Gen, c: Certs, ents: list[dict]) -> None:
    """Records that must not count: before the plan, self-funded, withdrawn, in progress."""
    firms = [e for e in ents if e["type"] == "enterprise" and not e.get("_late")
             and not e.get("pilot_model")]
    g.rng.shuffle(firms)
    for e in firms[:6]:  # certified before 2021 (outside the period); half renewed since
        day = g.workday(D(2019, 9, 2), D(2020, 10, 30))
        scheme = management_scheme(g, e)
        c.held(e, "management_system", scheme, day, renew=0.5)
    for e in firms[6:18]:  # self-funded, not from the plan
        scheme = g.weighted([("ISO 9001:2015", 50), ("ISO 14001:2015", 30), ("5S", 20)])
        category = "improvement_tool" if scheme == "5S" else "management_system"
        day = g.workday(D(2021, 3, 1), D(2025, 10, 31))
        c.held(e, category, scheme, day, renew=0.9, supported=False)
    for e in firms[18:23]:  # withdrawn after a failed surveillance audit
        day = g.workday(D(2021, 6, 1), D(2023, 12, 31))
        scheme = management_scheme(g, e)
        rec = c.add(e, "management_system", scheme, day - dt.timedelta(days=120), day,
                    certifier=certifier_for(g, "management_system", scheme))
        rec["withdrawn_on"] = min(add_months(day, g.rng.randint(10, 22)), LAST_DAY)
    for e in firms[23:33]:  # started in 2025, not yet achieved
        category = g.weighted([("management_system", 5), ("improvement_tool", 3),
                               ("technology", 2), ("measurement_assurance", 1)])
        scheme = {"management_system": management_scheme, "improvement_tool": tool_scheme,
                  "technology": tech_scheme}.get(category, lambda g, e: "Đảm bảo đo lường")(g, e)
        c.add(e, category, scheme, g.workday(D(2025, 2, 1), D(2025, 11, 10)), None,
              certifier=certifier_for(g, category, scheme))


