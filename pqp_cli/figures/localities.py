"""Localities read against the register: the province's register, the canonical name import
writes, and the `unknown-locality` warnings (the groups of `--by district` / `--by commune`
are `pqp_cli.figures.placegroups`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pqp_cli.checks.localities import message
from pqp_cli.core.places import REFORM, register_for

if TYPE_CHECKING:
    from pqp_cli.read.plan import Plan


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
