"""Localities checked against the register: the `unknown-locality` warnings on records (a
check over the records read, which loading runs), and the plan's province and its register
that the figures' groups by district and commune use too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from pqp_cli.checks.assemble import BAD
from pqp_cli.core.messages import Texts, noun, texts
from pqp_cli.core.places import Register, Resolution, register_for
from pqp_cli.core.problems import Problem

if TYPE_CHECKING:
    from pqp_cli.read.loading import Dataset, Entry
    from pqp_cli.read.plan import Plan

#: The kinds whose records carry a locality, and the date each is resolved by.
LOCALITY_KINDS = {"enterprises": None, "trainings": "date"}


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


def locality_problems(plan: Plan | None, dataset: Dataset) -> list[Problem]:
    """`unknown-locality`: a valid record's locality that is not a place of the province's
    register, or that could be places in two districts (nearest names suggested)."""
    register = register_of(plan)
    if register is None:
        return []
    found = []
    for entry, text, day in _localities(dataset):
        res = register.resolve(text, day)
        if res.place is None:
            found.append(_unknown(entry(), res, register.name))
    return found


#: Where the locality and the day it is resolved by stand in each kind's facts.
_IN_FACTS = {"enterprises": (4, None), "trainings": (3, 2)}

Located = Iterator[tuple[Callable[[], "Entry"], str, dt.date | None]]


def _localities(dataset: Dataset) -> Located:
    """Each valid record's locality and the day it is resolved by, in order, with its entry
    (made only for a message): from what the rules saw of each file when this run checked
    them (`Dataset.outline`: no record decoded), else from the records."""
    if dataset.outline is None:
        for e in dataset.entries:
            if e.kind not in LOCALITY_KINDS or e.model is None or e.bad:
                continue
            text = getattr(e.model, "locality", None)
            date_field = LOCALITY_KINDS[e.kind]
            if text:
                yield partial(_same, e), text, getattr(e.model, date_field) if date_field else None
        return
    for part, flags in dataset.outline:
        where = _IN_FACTS.get(part.kind)
        if where is None:
            continue
        at_text, at_day = where
        for i, facts in enumerate(part.facts):
            if facts is None or flags[i] & BAD or not facts[at_text]:
                continue
            day = dt.date.fromordinal(facts[at_day]) if at_day is not None else None
            yield partial(part.entry, i), facts[at_text], day


def _same(entry: Entry) -> Entry:
    return entry


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
