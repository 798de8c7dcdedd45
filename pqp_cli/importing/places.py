"""Localities at import (issue 15): the "Huyện" and "Xã/phường" cells of a row become one
locality, written by the register's canonical name; a text the register does not know is
written as given, with an `unknown-locality` warning naming its cell. The template asks for the
level of the plan's period."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from pqp_cli.core.text import fold
from pqp_cli.importing.headers import COLUMNS, Column
from pqp_cli.importing.outcome import Note

if TYPE_CHECKING:
    from pqp_cli.figures.localities import LocalityCheck
    from pqp_cli.importing.rows import Context, Row
    from pqp_cli.read.plan import Plan

#: Column keys holding a locality: the record's own, and an establishment's (--create-missing).
LOCALITY_KEYS = ("locality", "participant_locality", "enterprise_locality")
COMMUNE = "commune"  # the enterprises' "Xã/phường" column, joined into `locality`
_COMMUNE_HEADER = "Xã/phường"


def import_province(plan: Plan | None) -> str | None:
    """The province whose register import resolves localities against; None when the plan
    names none the register knows (the texts are then written as given)."""
    from pqp_cli.checks.localities import province_of, register_of

    return province_of(plan) if register_of(plan) is not None else None


def template_level(plan: Plan | None) -> str:
    """`commune` for a plan starting on or after 2025-07-01, else (or with no plan) `district`."""
    from pqp_cli.figures.localities import default_level

    return default_level(plan) if plan is not None else "district"


def template_columns(kind: str, level: str) -> list[Column]:
    """The template's columns: the district column ("Huyện") before the reform; the commune
    column ("Xã/phường") instead for a plan of the 2025 units."""
    if level != "commune":
        return [c for c in COLUMNS[kind] if c.key != COMMUNE]
    if kind == "enterprises":
        return [c for c in COLUMNS[kind] if c.key != "locality"]
    return [_commune_first(c) if c.key in LOCALITY_KEYS[1:] else c for c in COLUMNS[kind]]


def _commune_first(col: Column) -> Column:
    vi = (_COMMUNE_HEADER, *(h for h in col.vi if h != _COMMUNE_HEADER))
    return dataclasses.replace(col, vi=vi)


def canonical_places(ctx: Context, rows: list[Row], province: str | None) -> None:
    """Join each row's commune into its locality; with a province, write every locality by its
    canonical name, or as given with a warning on its cell."""
    from pqp_cli.figures.localities import resolve_locality

    given: dict[int, str] = {}  # row → the column key its locality warning names
    for row in rows:
        if _join(row.values):
            given[row.index] = COMMUNE
    if not province:
        return
    memo: dict[tuple[str, dt.date | None], LocalityCheck] = {}
    for row in rows:
        date = row.values.get("date")
        on = date if isinstance(date, dt.date) else None
        for key in LOCALITY_KEYS:
            text = row.values.get(key)
            if not isinstance(text, str) or not text:
                continue
            if (text, on) not in memo:
                memo[text, on] = resolve_locality(text, province, on=on)
            check = memo[text, on]
            if check.name is not None:
                row.values[key] = check.name
                continue
            column = given.get(row.index, key) if key == "locality" else key
            where = ctx.layout.where(row.index, ctx.layout.col_of(column))
            ctx.warnings.append(Note("unknown-locality", check.en or "", check.vi or "", where))


def _join(values: dict[str, object]) -> bool:
    """`Xã/phường` and `Huyện` → "xã, huyện" (the commune alone when it names its district
    already, or when there is no district); True when a commune was given."""
    commune = values.pop(COMMUNE, None)
    if not isinstance(commune, str) or not commune:
        return False
    district = values.get("locality")
    if isinstance(district, str) and district and fold(district) not in fold(commune):
        values["locality"] = f"{commune}, {district}"
    else:
        values["locality"] = commune
    return True
