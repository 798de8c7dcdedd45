"""Localities read against the register: the `unknown-locality` warnings, the groups of
`--by district` / `--by commune`, and the canonical names shown beside what was written."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pqp_cli.core.messages import Texts, noun, texts
from pqp_cli.core.places import REFORM, Register, Resolution, register_for
from pqp_cli.core.problems import PqpError, Problem
from pqp_cli.core.provinces import nearest_provinces
from pqp_cli.figures.timeline import NO_LOCALITY, locality_order

if TYPE_CHECKING:
    from pqp_cli.figures.progress import TargetStatus
    from pqp_cli.read.loading import Dataset, Entry
    from pqp_cli.read.plan import Plan

#: The kinds whose records carry a locality, and the date each is resolved by.
LOCALITY_KINDS = {"enterprises": None, "trainings": "date"}
LEVELS = ("district", "commune")
#: After a locality that does not resolve, in the by-district and by-commune groups.
UNRESOLVED = "(?)"


def province_of(plan: Plan | None) -> str | None:
    """The plan's province: `plan.province`, else what `plan.authority` names."""
    if plan is None:
        return None
    return getattr(plan.info, "province", None) or plan.info.authority


def register_of(plan: Plan | None) -> Register | None:
    """The register of the plan's province, or None when the register does not know it."""
    province = province_of(plan)
    if not province:
        return None
    register = register_for(province)
    return register if register.known else None


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


# --- warnings -----------------------------------------------------------------------------------


def locality_problems(plan: Plan | None, dataset: Dataset) -> list[Problem]:
    """`unknown-locality`: a valid record's locality that is not a place of the province's
    register, or that could be places in two districts (nearest names suggested)."""
    register = register_of(plan)
    if register is None:
        return []
    found = []
    for e in dataset.entries:
        if e.kind not in LOCALITY_KINDS or e.model is None or e.bad:
            continue
        text = getattr(e.model, "locality", None)
        if not text:
            continue
        date_field = LOCALITY_KINDS[e.kind]
        res = register.resolve(text, getattr(e.model, date_field) if date_field else None)
        if res.place is None:
            found.append(_unknown(e, res, register.name))
    return found


def message(res: Resolution, province: str) -> Texts:
    """Why a locality did not resolve, en and vi, with the nearest names."""
    where = Texts(*province_words(province))
    hint = "; ".join(res.suggestions)
    if res.other_province is not None:
        return texts(
            "unknown-locality/other-province",
            text=res.text,
            other=res.other_province,
            province=where,
        )
    if res.ambiguous:
        *first, last = res.suggestions
        return texts(
            "unknown-locality/ambiguous",
            text=res.text,
            first="; ".join(first),
            last=last,
            example=res.suggestions[0],
        )
    key = "unknown-locality/near" if hint else "unknown-locality"
    return texts(key, text=res.text, province=where, hint=hint)


def province_words(province: str) -> tuple[str, str]:
    """ "Tỉnh Thanh Hóa" → ("Thanh Hóa province", "tỉnh Thanh Hóa"): the type word in lower
    case mid-sentence, and after the name in English."""
    for vi_type, en_type in (("Tỉnh ", "province"), ("Thành phố ", "city")):
        if province.startswith(vi_type):
            name = province[len(vi_type) :]
            return f"{name} {en_type}", f"{vi_type.strip().lower()} {name}"
    return province, province


def province_problem(province: str | None, file: str, line: int | None) -> Problem | None:
    """A `plan.province` the register does not know: a warning naming the nearest provinces
    (localities are then not checked and cannot be grouped by district or commune)."""
    if not province or register_for(province).known:
        return None
    near = nearest_provinces(province)
    key = "unknown-locality/province-near" if near else "unknown-locality/province"
    return Problem.of(key, file, line, field="province", province=province, near="; ".join(near))


def _unknown(e: Entry, res: Resolution, province: str) -> Problem:
    reason = message(res, province)
    line = e.line_of("locality")
    return Problem.of(
        "unknown-locality/record",
        e.file,
        line,
        record=e.id,
        field="locality",
        kind=e.kind,
        what=noun(e.kind),
        id=e.id,
        reason=reason,
    )


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
