"""Generate pqp_cli/data/admin_units.json.gz, the register of Vietnam's administrative units.

Reads the data files of the MIT-licensed `vietnamadminunits` package (run it where that
package is installed, or give its data folder) and writes, for the whole country:

- the old units in force until 2025-06-30: provinces, district-level units (huyện, quận, thị
  xã, thành phố) and commune-level units (xã, phường, thị trấn) with their types and former
  names (the source's aliases: e.g. Tĩnh Gia for Thị xã Nghi Sơn);
- the new units in force from 2025-07-01 (provinces, xã, phường, đặc khu);
- the crosswalk: each old commune's new unit(s) (the default first when it was split), and each
  new unit's home district (the old district holding most of its area; see docs/data.md).

pqp reads only the generated file; the source package is not needed at run time.

    python scripts/gen_admin_units.py [--source DIR/vietnamadminunits]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import math
import re
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "pqp_cli" / "data" / "admin_units.json.gz"
SOURCE = {
    "package": "vietnamadminunits",
    "url": "https://pypi.org/project/vietnamadminunits/",
    "license": "MIT",
    "copyright": "Copyright (c) 2025 Tran Ngoc Minh Hieu",
}
_TYPE_PREFIX = re.compile(r"^(thanhpho|thixa|thitran|huyen|quan|phuong|xa|tt)(?=[a-z0-9])")


def source_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or spec.origin is None:
        raise SystemExit("vietnamadminunits is not installed here: give --source DIR")
    return Path(spec.origin).parent


def source_version(pkg: Path) -> str:
    for meta in pkg.parent.glob("vietnamadminunits-*.dist-info/METADATA"):
        for line in meta.read_text(encoding="utf-8").splitlines():
            if line.startswith("Version:"):
                return line.split(":", 1)[1].strip()
    raise SystemExit("cannot find the source package's version")


def aliases(raw: str | None) -> list[str]:
    """The source's former names (type words removed, one key each)."""
    keys = []
    for a in json.loads(raw) if raw else []:
        k = _TYPE_PREFIX.sub("", a)
        if k and k not in keys:
            keys.append(k)
    return keys


def bbox_km2(bounds: str | None) -> float:
    """The area of a unit's bounding box, a stand-in for its area (the source has none for
    the old units)."""
    if not bounds:
        return 0.0
    (lat1, lon1), (lat2, lon2) = (map(float, p.split(",")) for p in bounds.split(" – "))
    mid = math.radians((lat1 + lat2) / 2)
    return abs(lat2 - lat1) * 111.32 * abs(lon2 - lon1) * 111.32 * math.cos(mid)


def read_old(db: sqlite3.Connection) -> tuple[dict[str, Any], dict[str, tuple[str, int]], dict]:
    """Old provinces with their districts and communes; old commune key → (province, index)."""
    old: dict[str, Any] = {}
    index: dict[str, tuple[str, int]] = {}
    area: dict[tuple[str, int], float] = {}
    rows = db.execute(
        "SELECT provinceKey, provinceShortKey, province, provinceCode, provinceAlias,"
        " districtKey, districtShort, districtType, districtAlias,"
        " wardKey, wardShort, wardType, wardAlias, wardBounds"
        " FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode"
    )
    dindex: dict[tuple[str, str], int] = {}
    for (
        pk,
        psk,
        pname,
        pcode,
        palias,
        dk,
        dshort,
        dtype,
        dalias,
        wk,
        wshort,
        wtype,
        walias,
        wb,
    ) in rows:
        prov = old.setdefault(
            psk,
            {
                "name": pname,
                "code": pcode,
                "aliases": aliases(palias),
                "districts": [],
                "communes": [],
            },
        )
        if (psk, dk) not in dindex:
            dindex[psk, dk] = len(prov["districts"])
            prov["districts"].append([dtype, dshort, aliases(dalias)])
        if wk is None:
            continue  # a district without communes (an island district)
        i = len(prov["communes"])
        prov["communes"].append([wtype, wshort, dindex[psk, dk], aliases(walias)])
        index[f"{pk}_{dk}_{wk}"] = (psk, i)
        area[psk, i] = bbox_km2(wb)
    return old, index, area


def read_new(db: sqlite3.Connection) -> tuple[dict[str, Any], dict[tuple[str, str], int]]:
    new: dict[str, Any] = {}
    index: dict[tuple[str, str], int] = {}
    rows = db.execute(
        "SELECT provinceKey, provinceShortKey, province, provinceCode, provinceAlias,"
        " wardKey, wardShort, wardType FROM admin_units ORDER BY provinceCode, wardCode"
    )
    for pk, psk, pname, pcode, palias, wk, wshort, wtype in rows:
        prov = new.setdefault(
            psk, {"name": pname, "code": pcode, "aliases": aliases(palias), "units": []}
        )
        index[pk, wk] = len(prov["units"])
        prov["units"].append([wtype, wshort])
    return new, index


def pkey_short(db: sqlite3.Connection, table: str) -> dict[str, str]:
    rows = db.execute(f"SELECT DISTINCT provinceKey, provinceShortKey FROM {table}")
    return dict(rows.fetchall())


def crosswalk(conv: dict[str, Any], db: sqlite3.Connection, out: dict[str, Any]) -> None:
    """Each old commune → its new units (default first); each new unit → its home district."""
    old, new = out["old"], out["new"]
    old_index, area = out.pop("_old_index"), out.pop("_area")
    new_index = out.pop("_new_index")
    old_short, new_short = pkey_short(db, "admin_units_legacy"), pkey_short(db, "admin_units")
    for npk, olds in conv["DICT_PROVINCE"].items():
        new[new_short[npk]]["from"] = [old_short[o] for o in olds]
        for o in olds:
            old[old_short[o]]["new"] = new_short[npk]
    whole: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
    parts: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
    for npk, units in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for wk, old_keys in units.items():
            unit = (new_short[npk], new_index[npk, wk])
            for ok in old_keys:
                if ok.endswith("_"):
                    continue  # a district without communes (Hoàng Sa)
                ref = old_index[ok]
                whole[unit].append(ref)
                old[ref[0]]["communes"][ref[1]].append([unit[1]])
    for npk, split in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for ok, targets in split.items():
            ref = old_index[ok]
            ordered = sorted(targets, key=lambda t: not t["isDefaultNewWard"])
            idx = [new_index[npk, t["newWardKey"]] for t in ordered]
            old[ref[0]]["communes"][ref[1]].append(idx)
            for i in idx:
                parts[new_short[npk], i].append(ref)
    for psk, prov in new.items():
        for i, unit in enumerate(prov["units"]):
            unit.extend(home_district(whole[psk, i] or parts[psk, i], old, area))
    missing = [c for p in old.values() for c in p["communes"] if len(c) != 5]
    if missing:
        raise SystemExit(f"old communes without exactly one crosswalk entry: {missing[:5]}")


def home_district(
    refs: list[tuple[str, int]], old: dict[str, Any], area: dict[tuple[str, int], float]
) -> list[Any]:
    """[old province, district index, shares]: the district holding most of the unit's area
    (bounding boxes of the old communes merged whole into it); shares (percent per district)
    only when those communes lie in more than one district."""
    if not refs:
        return [None, None, 0]  # a unit with no old commune (đặc khu Hoàng Sa)
    by_district: dict[tuple[str, int], float] = defaultdict(float)
    for psk, i in refs:
        by_district[psk, old[psk]["communes"][i][2]] += area[psk, i] or 1.0
    (psk, d), _ = max(by_district.items(), key=lambda kv: kv[1])
    if len(by_district) == 1:
        return [psk, d, 0]
    total = sum(by_district.values())
    shares = [[p, di, round(100 * a / total)] for (p, di), a in by_district.items()]
    return [psk, d, sorted(shares, key=lambda s: -s[2])]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", help="the vietnamadminunits package folder")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    pkg = source_dir(args.source)
    db = sqlite3.connect(pkg / "data" / "dataset.db")
    conv = json.loads((pkg / "data" / "converter_2025.json").read_text(encoding="utf-8"))
    old, old_index, area = read_old(db)
    new, new_index = read_new(db)
    out: dict[str, Any] = {
        "format": 1,
        "source": {**SOURCE, "version": source_version(pkg)},
        "generated_by": "scripts/gen_admin_units.py",
        "layout": {
            "old": "province → districts [type, name, former names], communes [type, name, "
            "district index, former names, [new unit indices, default first]]",
            "new": "province → from [old provinces], units [type, name, old province of the "
            "home district, home district index, 0 or [[old province, district, % area]]]",
        },
        "old": old,
        "new": new,
        "_old_index": old_index,
        "_area": area,
        "_new_index": new_index,
    }
    crosswalk(conv, db, out)
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{args.out}: {len(old)} old provinces, {len(new)} new, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
