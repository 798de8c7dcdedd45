"""Writing the sample YAML files, and the self-check of the figures on the generated structures."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import defaultdict
from pathlib import Path

import yaml
from sample_common import (  # noqa: E402 - the scripts folder is on sys.path
    DATA,
    END,
    HEADER,
    LAST_DAY,
    SEED,
    START,
    D,
    add_months,
    name_key,
    tax_check,
)

# --- writing ---------------------------------------------------------------------------------


class Dumper(yaml.SafeDumper):
    """safe_dump without anchors and aliases (pqp rejects them; shared dates would make them)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    clean = [{k: v for k, v in r.items() if not k.startswith("_")} for r in records]
    text = yaml.dump(clean, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=4096)
    text = re.sub(r"\n(?=- )", "\n\n", text)  # a blank line between top-level records
    path.write_text(HEADER.format(seed=SEED) + "\n" + text, encoding="utf-8", newline="\n")


def write(ents: list[dict], trainings: list[dict], certs: list[dict], experts: list[dict],
          units: list[dict]) -> list[Path]:
    for sub in ("trainings", "certifications"):
        shutil.rmtree(DATA / sub, ignore_errors=True)
    for name in ("enterprises.yaml", "experts.yaml", "units.yaml"):
        (DATA / name).unlink(missing_ok=True)
    files: dict[Path, list[dict]] = {DATA / "enterprises.yaml": ents,
                                     DATA / "experts.yaml": experts, DATA / "units.yaml": units}
    for t in trainings:
        files.setdefault(DATA / "trainings" / f"{t['date'].year}.yaml", []).append(t)
    for c in certs:  # by the year achieved (or started, while in progress)
        year = c.get("achieved_on", c["started_on"]).year
        folder = "truoc-2021" if year < 2021 else str(year)
        group = "tieu-chuan-san-pham" if c["category"] == "product_standard" else "he-thong-cong-cu"
        files.setdefault(DATA / "certifications" / folder / f"{group}.yaml", []).append(c)
    for path, records in files.items():
        dump(path, records)
    return sorted(files)


# --- self-check: docs/contract.md §4 computed on the generated structures --------------------------------

T2_CATEGORIES = ("management_system", "improvement_tool", "measurement_assurance", "technology")
ALL_CATEGORIES = T2_CATEGORIES + ("product_standard",)


def in_force(c: dict, r: dt.date) -> bool:
    a = c.get("achieved_on")
    return (a is not None and START <= a <= r
            and (c.get("expires_on") is None or c["expires_on"] >= r)
            and (c.get("withdrawn_on") is None or c["withdrawn_on"] > r)
            and c.get("supported", True))


def figures(ents: list[dict], trainings: list[dict], certs: list[dict], experts: list[dict],
            units: list[dict], r: dt.date, t2_types: tuple[str, ...] | None = None) -> dict:
    types = {e["id"]: e["type"] for e in ents}
    t1 = {p for t in trainings if START <= t["date"] <= r for p in t["participants"]}
    t2 = {c["enterprise"] for c in certs if c["category"] in T2_CATEGORIES and in_force(c, r)
          and (t2_types is None or types[c["enterprise"]] in t2_types)}
    p = {e["id"] for e in ents if e.get("key_product") or any(
        o["certified_on"] <= r and (o.get("expires_on") is None or o["expires_on"] >= r)
        for o in e.get("ocop_products", []))}
    n = {c["enterprise"] for c in certs if c["category"] == "product_standard"
         and in_force(c, r)} & p
    t4 = [e["id"] for e in ents if e.get("pilot_model") and all(
        any(c["enterprise"] == e["id"] and c["category"] == cat and in_force(c, r)
            for c in certs) for cat in ALL_CATEGORIES)]
    t5a = [u for u in units if u.get("public") and u["qualified_on"] <= r
           and (u.get("revoked_on") is None or u["revoked_on"] > r)]
    t5b = [x for x in experts if x["qualified_on"] <= r
           and (x.get("revoked_on") is None or x["revoked_on"] > r)]
    return {"T1": (len(t1), 400), "T2": (len(t2), 150),
            "T3": (100 * len(n) / len(p) if p else None, 100, f"{len(n)}/{len(p)}"),
            "T4": (len(t4), 6), "T5a": (len(t5a), 1), "T5b": (len(t5b), 10)}


def status(value: float | None, target: float, as_of: dt.date, ratio: float = 0.8) -> tuple:
    r = min(as_of, END)
    f = min(max(((r - START).days + 1) / ((END - START).days + 1), 0), 1)
    expected = target * f
    if as_of < START:
        return expected, "not_started"
    if value is None:
        return expected, "no_data"
    if value >= target:
        return expected, "met"
    if as_of > END:
        return expected, "missed"
    if value >= expected:
        return expected, "on_track"
    return expected, "at_risk" if value >= ratio * expected else "behind"


def self_check(ents, trainings, certs, experts, units) -> None:  # type: ignore[no-untyped-def]
    for as_of in (D(2023, 12, 31), D(2025, 12, 31)):
        print(f"as of {as_of}:")
        figs = figures(ents, trainings, certs, experts, units, as_of)
        only = figures(ents, trainings, certs, experts, units, as_of, ("enterprise",))["T2"][0]
        for tid, (value, target, *extra) in figs.items():
            expected, st = status(value, target, as_of)
            shown = f"{value:.1f}" if isinstance(value, float) else value
            note = f" ({extra[0]})" if extra else ""
            note += f" [entity_types enterprise only: {only}]" if tid == "T2" else ""
            print(f"  {tid:4} {shown!s:>6} / {target:<4} expected {expected:6.1f}  {st}{note}")


def counts(ents, trainings, certs, experts, units) -> None:  # type: ignore[no-untyped-def]
    by_type: dict[str, int] = defaultdict(int)
    for e in ents:
        by_type[e["type"]] += 1
    products = sum(len(e.get("ocop_products", [])) for e in ents)
    print(f"enterprises {len(ents)} {dict(sorted(by_type.items()))}; "
          f"key_product {sum(bool(e.get('key_product')) for e in ents)}; "
          f"OCOP producers {sum(bool(e.get('ocop_products')) for e in ents)} "
          f"({products} product entries); pilots {sum(bool(e.get('pilot_model')) for e in ents)}")
    by_cat: dict[str, int] = defaultdict(int)
    for c in certs:
        by_cat[c["category"]] += 1
    print(f"trainings {len(trainings)}; certifications {len(certs)} "
          f"{dict(sorted(by_cat.items()))}; experts {len(experts)}; units {len(units)}")


def sane(ents, trainings, certs, experts, units) -> None:  # type: ignore[no-untyped-def]
    """Every event date lies in 2019-01-01..LAST_DAY and no date precedes the one it follows."""
    first = D(2019, 1, 1)
    for rec in [*ents, *trainings, *certs, *experts, *units]:
        for key, value in rec.items():
            if isinstance(value, dt.date) and key != "expires_on":
                assert first <= value <= LAST_DAY, (rec["id"], key, value)
        for before, after in (("date", "end_date"), ("started_on", "achieved_on"),
                              ("achieved_on", "expires_on"), ("achieved_on", "withdrawn_on"),
                              ("qualified_on", "revoked_on")):
            if before in rec and after in rec:
                assert rec[before] <= rec[after], (rec["id"], before, after)
        for o in rec.get("ocop_products", []):
            assert first <= o["certified_on"] <= LAST_DAY, (rec["id"], o)
            assert o["expires_on"] == add_months(o["certified_on"], 36), (rec["id"], o)
    known = {e["id"] for e in ents}
    assert all(p in known for t in trainings for p in t["participants"])
    assert all(len(set(t["participants"])) == len(t["participants"]) for t in trainings)
    assert all(c["enterprise"] in known for c in certs)
    codes = [e["tax_code"] for e in ents if "tax_code" in e]
    assert len(codes) == len(set(codes))
    assert all(tax_check(c[:9]) == int(c[9]) and c.startswith("28") for c in codes)
    assert len({name_key(e["name"]) for e in ents}) == len(ents)


