"""Kinds whose rows add up: trainings (a row per participant), enterprises (a row per OCOP product)."""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from typing import Any

from pqp_cli.core.messages import texts
from pqp_cli.core.text import fold, legal_form_type, name_key
from pqp_cli.core.text import key as text_key
from pqp_cli.importing.celltext import cached_fold
from pqp_cli.importing.resolve import enterprise_id, short_hash
from pqp_cli.importing.rows import (
    Built,
    Context,
    Row,
    finish,
    ocop_expiry,
    row_ids,
)

_TRAINING = ("id", "title", "date", "end_date", "organizer", "locality", "trainees")
_ENTERPRISE = (
    "id", "name", "type", "tax_code", "locality", "address", "sector", "key_product", "pilot_model"
)  # fmt: skip
_OCOP = ("ocop_name", "ocop_stars", "ocop_certified_on", "ocop_expires_on")
_ABSENT = object()


def _merge(ctx: Context, rows: list[Row], keys: Iterable[str]) -> dict[str, Any]:
    """The first value of each key across rows; a later, different value is a warning."""
    merged: dict[str, Any] = {}
    first: dict[str, int] = {}
    for row in rows:
        values = row.values
        for key in keys:
            value = values.get(key, _ABSENT)
            if value is _ABSENT:
                continue
            if key not in merged:
                merged[key], first[key] = value, row.index
            elif merged[key] != value:
                ctx.warn(row.index, key, *texts("warning/differs", row=first[key] + 1))
    return merged


def _grouped(
    ctx: Context, rows: list[Row], key_of: Any, missing: tuple[str, str, str]
) -> dict[Hashable, list[Row]]:
    groups: dict[Hashable, list[Row]] = {}
    for row in rows:
        key = key_of(row.values)
        if key is None:
            ctx.reject(row.index, *missing)
            continue
        groups.setdefault(key, []).append(row)
    return groups


def _training_key(v: dict[str, Any]) -> Hashable | None:
    if "id" in v:
        return ("id", v["id"])
    if "title" in v and "date" in v:
        return ("title-date", cached_fold(v["title"]), v["date"])
    return None


def trainings(ctx: Context, rows: list[Row]) -> list[Built]:
    """Rows group into trainings by the id column, else by (title, date)."""
    missing = ("title", *texts("rejected/no-training"))
    built = []
    for members in _grouped(ctx, rows, _training_key, missing).values():
        participants, good = _participants(ctx, members)
        if not good:
            continue
        record = _merge(ctx, good, _TRAINING)
        record["topics"] = list(dict.fromkeys(t for r in good for t in r.values.get("topics", [])))
        record["participants"] = participants
        if "id" not in record:
            day = record.get("date")
            stamp = day.strftime("%Y%m%d") if day else "nodate"
            record["id"] = f"trn-{stamp}-{short_hash(fold(record.get('title', '')), length=6)}"
        done = finish(ctx, record, [r.index for r in good])
        if done is not None:
            built.append(done)
    return built


def _participants(ctx: Context, members: list[Row]) -> tuple[list[str], list[Row]]:
    """The enterprise ids the rows name, each once, and the rows that resolved."""
    seen: dict[str, int] = {}
    good: list[Row] = []
    for row in members:
        ids = row_ids(ctx, row, "participant")
        if ids is None:
            continue
        good.append(row)
        for ent in ids:
            if ent in seen:
                twice = texts("warning/listed-twice", ent=ent, row=seen[ent] + 1)
                ctx.warn(row.index, _participant_column(ctx), *twice)
            else:
                seen[ent] = row.index
    return list(seen), good


def _participant_column(ctx: Context) -> str | None:
    keys = ("participant", "participant_tax_code", "participant_name")
    return next((k for k in keys if ctx.layout.col_of(k) is not None), None)


def _enterprise_key(v: dict[str, Any]) -> Hashable | None:
    if "id" in v:
        return ("id", v["id"])
    if "tax_code" in v:
        return ("tax", v["tax_code"])
    if "name" in v:
        return ("name", legal_key(v["name"]))
    return None


_EXPAND = {
    "cty": "công ty",
    "ctcp": "công ty cổ phần",
    "tnhh": "trách nhiệm hữu hạn",
    "cp": "cổ phần",
    "mtv": "một thành viên",
    "1tv": "một thành viên",
    "htx": "hợp tác xã",
    "dntn": "doanh nghiệp tư nhân",
    "hkd": "hộ kinh doanh",
}


def legal_key(name: str) -> str:
    """A name with case, spacing and punctuation set aside and legal-form abbreviations
    expanded (`Cty TNHH` = `Công ty trách nhiệm hữu hạn`), the legal form itself kept:
    `HTX Lam Sơn` and `Công ty Lam Sơn` are two establishments."""
    words = re.findall(r"\w+", text_key(name))
    return " ".join(_EXPAND.get(cached_fold(w), w) for w in words)


def _by_locality(ctx: Context, groups: dict[Hashable, list[Row]]) -> dict[Hashable, list[Row]]:
    """A name listed with several localities is several establishments; a row of that name
    with no locality is then ambiguous and rejected."""
    out: dict[Hashable, list[Row]] = {}
    for gkey, members in groups.items():
        places = {cached_fold(str(r.values["locality"])) for r in members if "locality" in r.values}
        if not (isinstance(gkey, tuple) and gkey[0] == "name") or len(places) < 2:
            out[gkey] = members
            continue
        for row in members:
            place = row.values.get("locality")
            if place is None:
                ctx.reject(row.index, "locality", *texts("rejected/several-localities"))
                continue
            out.setdefault((*gkey, cached_fold(str(place))), []).append(row)
    return out


def enterprises(ctx: Context, rows: list[Row]) -> list[Built]:
    """One establishment per id (else tax code, else name); its rows' OCOP products add up."""
    missing = ("name", *texts("rejected/no-name"))
    built = []
    for gkey, members in _by_locality(ctx, _grouped(ctx, rows, _enterprise_key, missing)).items():
        record = _merge(ctx, members, _ENTERPRISE)
        if isinstance(gkey, tuple) and len(gkey) == 3 and "tax_code" not in record:
            record.setdefault("id", f"ent-{short_hash(name_key(record['name']), gkey[2])}")
        if "type" not in record and ctx.layout.col_of("type") is None and "name" in record:
            found = legal_form_type(record["name"])
            if found:
                record["type"] = found
        products, product_rows = _ocop(ctx, members)
        record["ocop_products"] = products
        record.setdefault("id", enterprise_id(record.get("tax_code"), record.get("name", "")))
        rows_of = [r.index for r in members]
        done = finish(ctx, record, rows_of, product_rows)
        if done is not None:
            built.append(done)
    return built


def _ocop(ctx: Context, members: list[Row]) -> tuple[list[dict[str, Any]], list[int]]:
    products: list[dict[str, Any]] = []
    rows: list[int] = []
    names: dict[str, int] = {}
    for row in members:
        v = row.values
        if not any(k in v for k in _OCOP):
            continue
        name = v.get("ocop_name")
        if name is not None and fold(name) in names:
            ctx.warn(
                row.index, "ocop_name", *texts("warning/ocop-twice", row=names[fold(name)] + 1)
            )
            continue
        product = {
            "name": name,
            "stars": v.get("ocop_stars"),
            "certified_on": v.get("ocop_certified_on"),
        }
        expires = v.get("ocop_expires_on")
        if expires is None and product["certified_on"] is not None:
            expires = ocop_expiry(product["certified_on"])
        product["expires_on"] = expires
        products.append({k: x for k, x in product.items() if x is not None})
        rows.append(row.index)
        if name is not None:
            names[fold(name)] = row.index
    return products, rows
