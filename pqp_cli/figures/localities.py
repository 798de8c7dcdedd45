"""Localities read against the register: the `unknown-locality` warnings, the groups of
`--by district` / `--by commune`, and the canonical names shown beside what was written."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pqp_cli.checks.localities import message, province_of, register_of
from pqp_cli.core.places import REFORM, Register, register_for
from pqp_cli.core.problems import PqpError
from pqp_cli.figures.timeline import NO_LOCALITY, locality_order

if TYPE_CHECKING:
    from pqp_cli.figures.progress import TargetStatus
    from pqp_cli.read.loading import Dataset
    from pqp_cli.read.plan import Plan

LEVELS = ("district", "commune")
#: After a locality that does not resolve, in the by-district and by-commune groups.
UNRESOLVED = "(?)"


@dataclass(frozen=True)
class LocalityCheck:
    """What import writes for a locality: its canonical `name`, or None and a warning."""

    name: str | None
    en: str | None = None
    vi: str | None = None
    suggestions: tuple[str, ...] = ()


def resolve_locality(text: str, province: str, on: dt.date | None = None) -> LocalityCheck:
    """For import: a locality text (and its record's date, if any) → the canonical name, or
    the `unknown-locality` message (en, vi) naming the nearest places."""
    register = register_for(province)
    found = register.resolve(text, on)
    if found.place is not None:
        return LocalityCheck(found.place.canonical)
    en, vi = message(found, register.name or province)
    return LocalityCheck(None, en, vi, found.suggestions)


def default_level(plan: Plan) -> str:
    """Districts for a plan that ends before the reform or spans it; communes for one that
    starts on or after 2025-07-01."""
    return "commune" if plan.start >= REFORM else "district"


# --- groups -------------------------------------------------------------------------------------


def group_of(register: Register | None, text: str | None, level: str) -> str:
    """The group an establishment's locality falls in: its old district or its 2025 unit; the
    text as written and " (?)" when it does not resolve (a warning names it); `(none)` when
    empty."""
    if not text:
        return NO_LOCALITY
    place = register.resolve(text).place if register is not None else None
    if place is None:
        return f"{text} {UNRESOLVED}"
    return place.district if level == "district" else place.by_commune


def by_level(
    ts: TargetStatus, dataset: Dataset, register: Register | None, level: str
) -> dict[str, Any] | None:
    """Like `by_locality`, the establishments grouped by district or by commune."""
    result = ts.result
    if result.subjects != "enterprises":
        return None
    memo: dict[str | None, str] = {}

    def group(eid: str) -> str:
        ent = dataset.enterprises.get(eid)
        text = ent.locality if ent is not None else None
        if text not in memo:
            memo[text] = group_of(register, text, level)
        return memo[text]

    counted = Counter(group(eid) for eid in result.counted)
    if ts.target.kind == "count":
        return {name: counted[name] for name in locality_order(counted)}
    population = Counter(group(eid) for eid in [*result.counted, *result.missing])
    return {
        name: {
            "value": round(100 * counted[name] / population[name], 1),
            "numerator": counted[name],
            "denominator": population[name],
        }
        for name in locality_order(population)
    }


def straddling(register: Register | None, texts: Iterable[str | None]) -> list[dict[str, Any]]:
    """The 2025 units named that straddle two old districts, and where they are counted."""
    seen: dict[str, dict[str, Any]] = {}
    for text in set(texts):
        place = register.resolve(text).place if register is not None and text else None
        if place is not None and place.straddles and place.by_commune not in seen:
            seen[place.by_commune] = {
                "unit": place.by_commune,
                "district": place.district,
                "area_percent": dict(place.straddles),
            }
    return [seen[k] for k in sorted(seen)]


def written_names(register: Register | None, texts: Iterable[str | None]) -> dict[str, str]:
    """Each locality as written → its canonical name, where the two differ, in the order of the
    texts (so the JSON is the same byte for byte on every run, whatever the hash seed)."""
    names = {}
    for text in sorted({t for t in texts if t}):
        place = register.resolve(text).place if register is not None and text else None
        if text and place is not None and place.canonical != text:
            names[text] = place.canonical
    return names


def _no_register(province: str | None, level: str) -> tuple[str, str]:
    vi_level = "huyện" if level == "district" else "xã"
    if province is None:
        return (
            f"--by {level} needs the plan's province, and targets.yaml names none: set "
            "plan.province (e.g. 'Thanh Hóa')",
            f"--by {level} cần biết tỉnh của kế hoạch, mà targets.yaml chưa ghi: hãy ghi "
            f"plan.province (vd. 'Thanh Hóa') để nhóm theo {vi_level}",
        )
    return (
        f"--by {level} needs the plan's province in pqp's register, and {province!r} is not "
        "one: set plan.province in targets.yaml (e.g. 'Thanh Hóa'); see `pqp validate`",
        f"--by {level} cần tỉnh của kế hoạch có trong danh mục của pqp, mà {province!r} thì "
        f"không: hãy ghi plan.province trong targets.yaml (vd. 'Thanh Hóa') để nhóm theo "
        f"{vi_level}; xem `pqp validate`",
    )


def add_places(
    doc: dict[str, Any],
    statuses: Sequence[TargetStatus],
    plan: Plan,
    dataset: Dataset,
    extras: Iterable[str],
) -> dict[str, Any]:
    """`doc` with `by_district` / `by_commune` on each row as asked, and a `places` note: the
    register used, straddling units counted under one district, the canonical names."""
    wanted = [x for x in LEVELS if x in set(extras)]
    if not wanted and "locality" not in set(extras):
        return doc
    register = register_of(plan)
    if register is None and wanted:
        raise PqpError(*_no_register(province_of(plan), wanted[0]))
    rows = []
    for row, ts in zip(doc["targets"], statuses, strict=True):
        row = dict(row)
        for level in wanted:
            row[f"by_{level}"] = by_level(ts, dataset, register, level)
        rows.append(row)
    texts = [e.locality for e in dataset.enterprises.values()]
    places: dict[str, Any] = {"province": register.name if register else None}
    if "district" in wanted:
        places["straddling"] = straddling(register, texts)
    places["written"] = written_names(register, texts)
    return {**doc, "targets": rows, "places": places}


def add_place_names(doc: dict[str, Any], plan: Plan) -> None:
    """Each explained subject's `place`: the canonical name of its locality (None when the
    locality is empty or does not resolve); `locality` keeps what was written. Nothing is
    added when the plan's province is not in the register."""
    register = register_of(plan)
    if register is None:
        return
    for subject in [*doc.get("counted", ()), *doc.get("not_counted", ())]:
        text = subject.get("locality")
        place = register.resolve(text).place if register is not None and text else None
        subject["place"] = place.canonical if place is not None else None


def report_places(
    doc: dict[str, Any],
    statuses: Sequence[TargetStatus],
    plan: Plan,
    dataset: Dataset,
    level: str | None,
) -> dict[str, Any]:
    """The report's status with its table grouped by `level` (default: by the plan period),
    when the plan's province is in the register; as it was otherwise."""
    if register_of(plan) is None:
        return doc
    level = level or default_level(plan)
    doc = add_places(doc, statuses, plan, dataset, ["locality", level])
    doc["places"]["table"] = level
    return doc
