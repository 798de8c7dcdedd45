"""A status grouped by place: the groups of `--by district` / `--by commune` (the register's
old districts and 2025 units), the `places` note beside them, and the canonical name of each
subject `explain` lists."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from pqp_cli.checks.localities import province_of, register_of
from pqp_cli.core.places import Register
from pqp_cli.core.problems import PqpError
from pqp_cli.figures.documents import Breakdown, Places, Share, StatusDoc, Straddling, Subject
from pqp_cli.figures.localities import default_level
from pqp_cli.figures.timeline import NO_LOCALITY, locality_order

if TYPE_CHECKING:
    from pqp_cli.figures.progress import TargetStatus
    from pqp_cli.read.loading import Dataset
    from pqp_cli.read.plan import Plan

LEVELS = ("district", "commune")
#: After a locality that does not resolve, in the by-district and by-commune groups.
UNRESOLVED = "(?)"


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
) -> Breakdown:
    """Like `by_locality`, the establishments grouped by district or by commune."""
    result = ts.result
    if result.subjects != "enterprises":
        return Breakdown(groups=None)
    memo: dict[str | None, str] = {}

    def group(eid: str) -> str:
        ent = dataset.enterprises.get(eid)
        text = ent.locality if ent is not None else None
        if text not in memo:
            memo[text] = group_of(register, text, level)
        return memo[text]

    counted = Counter(group(eid) for eid in result.counted)
    groups: dict[str, int | Share]
    if ts.target.kind == "count":
        groups = {name: counted[name] for name in locality_order(counted)}
        return Breakdown(groups=groups)
    population = Counter(group(eid) for eid in [*result.counted, *result.missing])
    groups = {
        name: Share(
            value=round(100 * counted[name] / population[name], 1),
            numerator=counted[name],
            denominator=population[name],
        )
        for name in locality_order(population)
    }
    return Breakdown(groups=groups)


def straddling(register: Register | None, texts: Iterable[str | None]) -> list[Straddling]:
    """The 2025 units named that straddle two old districts, and where they are counted."""
    seen: dict[str, Straddling] = {}
    for text in set(texts):
        place = register.resolve(text).place if register is not None and text else None
        if place is not None and place.straddles and place.by_commune not in seen:
            seen[place.by_commune] = Straddling(
                unit=place.by_commune, district=place.district, area_percent=dict(place.straddles)
            )
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
    doc: StatusDoc,
    statuses: Sequence[TargetStatus],
    plan: Plan,
    dataset: Dataset,
    extras: Iterable[str],
) -> StatusDoc:
    """`doc` with `by_district` / `by_commune` on each row as asked, and a `places` note: the
    register used, straddling units counted under one district, the canonical names."""
    wanted = [x for x in LEVELS if x in set(extras)]
    if not wanted and "locality" not in set(extras):
        return doc
    register = register_of(plan)
    if register is None and wanted:
        raise PqpError(*_no_register(province_of(plan), wanted[0]))
    rows = []
    for row, ts in zip(doc.targets, statuses, strict=True):
        district, commune = (
            by_level(ts, dataset, register, level) if level in wanted else None for level in LEVELS
        )
        rows.append(replace(row, by_district=district, by_commune=commune))
    texts = [e.locality for e in dataset.enterprises.values()]
    places = Places(
        province=register.name if register else None,
        straddling=straddling(register, texts) if "district" in wanted else None,
        written=written_names(register, texts),
    )
    return replace(doc, targets=rows, places=places)


def report_places(
    doc: StatusDoc,
    statuses: Sequence[TargetStatus],
    plan: Plan,
    dataset: Dataset,
    level: str | None,
) -> StatusDoc:
    """The report's status with its table grouped by `level` (default: by the plan period),
    when the plan's province is in the register; as it was otherwise."""
    if register_of(plan) is None:
        return doc
    level = level or default_level(plan)
    doc = add_places(doc, statuses, plan, dataset, ["locality", level])
    assert doc.places is not None
    return replace(doc, places=replace(doc.places, table=level))


def with_places(subjects: list[Subject], register: Register) -> list[Subject]:
    """Each explained subject with `place`: the canonical name of its locality (None when the
    locality is empty or does not resolve); `locality` keeps what was written."""
    found = []
    for subject in subjects:
        text = subject.locality
        place = register.resolve(text).place if text else None
        found.append(replace(subject, place=place.canonical if place is not None else None))
    return found
