"""An independent counter of docs/contract.md §4, for pinning pqp's figures: it reads the YAML itself (every
scalar as text, as docs/contract.md §2 says), counts by the contract's words, and rounds with `decimal`. It
imports nothing from pqp, so a bug in pqp cannot hide in it.

Deliberately small: it assumes data without errors (as the sample data is) and the default
params of each metric, except `categories`, read from targets.yaml.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

ALL_CATEGORIES = [
    "management_system",
    "improvement_tool",
    "product_standard",
    "measurement_assurance",
    "technology",
]
DEFAULT_CATEGORIES = {
    "supported_enterprises": [c for c in ALL_CATEGORIES if c != "product_standard"],
    "standards_coverage": ["product_standard"],
    "pilot_models": ALL_CATEGORIES,
}


def read(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def records(data: Path, kind: str) -> list[dict[str, Any]]:
    files = [data / f"{kind}.yaml", *sorted((data / kind).rglob("*.yaml"))]
    return [r for f in files if f.is_file() for r in (read(f) or [])]


def day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text not in (None, "", "~", "null") else None


def flag(record: dict[str, Any], key: str, default: bool) -> bool:
    text = record.get(key)
    if text is None:
        return default
    assert text in ("true", "false"), (key, text)  # the oracle knows only these spellings
    return text == "true"


class Oracle:
    """The sample's records, read once; `row(target, as_of)` is one target's JSON row."""

    def __init__(self, data: Path, targets: Path) -> None:
        plan = read(targets)
        self.start = day(plan["plan"]["period"]["start"])
        self.end = day(plan["plan"]["period"]["end"])
        self.ratio = Fraction(plan["plan"].get("at_risk_ratio", "0.8"))
        self.targets = plan["targets"]
        self.enterprises = {e["id"]: e for e in records(data, "enterprises")}
        self.trainings = records(data, "trainings")
        self.certifications = records(data, "certifications")
        self.experts = records(data, "experts")
        self.units = records(data, "units")

    def in_force(self, c: dict[str, Any], at: dt.date) -> bool:
        achieved, expires, withdrawn = (
            day(c.get(k)) for k in ("achieved_on", "expires_on", "withdrawn_on")
        )
        return (
            achieved is not None
            and self.start <= achieved <= at
            and (expires is None or expires >= at)
            and (withdrawn is None or withdrawn > at)
            and flag(c, "supported", True)
        )  # fmt: skip

    def held(self, at: dt.date, categories: list[str]) -> dict[str, set[str]]:
        """enterprise id → the categories it holds a certification in force in."""
        found: dict[str, set[str]] = {}
        for c in self.certifications:
            if c["category"] in categories and self.in_force(c, at):
                found.setdefault(c["enterprise"], set()).add(c["category"])
        return found

    def value(self, target: dict[str, Any], at: dt.date) -> tuple[int, int | None]:
        """(count, population) of the target's metric at R = `at`; population for coverage."""
        metric = target["metric"]
        params = target.get("params") or {}
        categories = params.get("categories", DEFAULT_CATEGORIES.get(metric))
        if metric == "trained_establishments":
            trained = {p for t in self.trainings if self.start <= day(t["date"]) <= at for p in t.get("participants", [])}  # type: ignore[operator]  # fmt: skip
            return len(trained & set(self.enterprises)), None
        if metric == "supported_enterprises":
            return len(self.held(at, categories)), None
        if metric == "standards_coverage":
            held = self.held(at, categories)
            population = [eid for eid, e in self.enterprises.items() if self.producer(e, at)]
            return sum(1 for eid in population if eid in held), len(population)
        if metric == "pilot_models":
            held = self.held(at, ALL_CATEGORIES)
            pilots = [eid for eid, e in self.enterprises.items() if flag(e, "pilot_model", False)]
            return sum(1 for eid in pilots if held.get(eid, set()) >= set(ALL_CATEGORIES)), None
        people = self.experts if metric == "experts" else [u for u in self.units if flag(u, "public", False)]  # fmt: skip
        return sum(1 for r in people if self.qualified(r, at)), None

    @staticmethod
    def producer(e: dict[str, Any], at: dt.date) -> bool:
        ocop = [
            o
            for o in e.get("ocop_products", [])
            if day(o["certified_on"]) <= at  # type: ignore[operator]
            and (day(o.get("expires_on")) is None or day(o.get("expires_on")) >= at)  # type: ignore[operator]
        ]
        return flag(e, "key_product", False) or bool(ocop)

    @staticmethod
    def qualified(r: dict[str, Any], at: dt.date) -> bool:
        revoked = day(r.get("revoked_on"))
        return day(r["qualified_on"]) <= at and (revoked is None or revoked > at)  # type: ignore[operator]

    def shown(self, target: dict[str, Any], at: dt.date) -> Fraction | None:
        """The exact value a target shows at R: a count, or 100 × N / P for a percentage."""
        count, population = self.value(target, at)
        if "target_percent" not in target:
            return Fraction(count)
        return None if not population else Fraction(100 * count, population)

    def row(self, target: dict[str, Any], as_of: dt.date) -> dict[str, Any]:
        """The figures of `status --format json` for one target, by docs/contract.md §4 and §5."""
        at = min(as_of, self.end)  # type: ignore[type-var]
        goal = Fraction(target.get("target") or target["target_percent"])
        pace = Fraction((at - self.start).days + 1, (self.end - self.start).days + 1)  # type: ignore[operator]
        expected = goal * min(max(pace, Fraction(0)), Fraction(1))
        value = self.shown(target, at)
        if as_of < self.start:  # type: ignore[operator]
            status = "not_started"
        elif value is None:
            status = "no_data"
        elif value >= goal:
            status = "met"
        elif as_of > self.end:  # type: ignore[operator]
            status = "missed"
        elif value >= expected:
            status = "on_track"
        elif value >= self.ratio * expected:
            status = "at_risk"
        else:
            status = "behind"
        percent = "target_percent" in target
        return {
            "id": target["id"],
            "value": (half_up(value) if percent else int(value)) if value is not None else None,  # type: ignore[arg-type]
            "progress_percent": None if value is None else half_up(100 * value / goal),
            "expected": half_up(expected),
            "status": status,
        }

    def by_year(self, target: dict[str, Any], as_of: dt.date) -> dict[str, Any]:
        """The value at each 31 December of the period up to R, and at R."""
        at = min(as_of, self.end)  # type: ignore[type-var]
        points = {str(y): dt.date(y, 12, 31) for y in range(self.start.year, at.year + 1)}  # type: ignore[union-attr]
        points = {k: d for k, d in points.items() if d <= at}
        if at not in points.values():
            points[at.isoformat()] = at
        out = {}
        for key, d in points.items():
            value = self.shown(target, d)
            percent = "target_percent" in target
            out[key] = None if value is None else half_up(value) if percent else int(value)
        return out

    def by_year_with_in_year(self, target: dict[str, Any], as_of: dt.date) -> dict[str, Any]:
        """`by_year` with each point's increase over the point before (the first over 0), as
        the figures shown: whole for counts, one decimal (percentage points) for percentages."""
        out: dict[str, Any] = {}
        before: float | int | None = 0
        for key, value in self.by_year(target, as_of).items():
            if value is None or before is None:
                change = None
            elif isinstance(value, float):
                change = half_up(Fraction(str(value)) - Fraction(str(before)))
            else:
                change = value - int(before)
            out[key] = {"value": value, "in_year": change}
            before = value
        return out


def half_up(x: Fraction) -> float:
    """One decimal, halves up: the rounding docs/contract.md §5 asks for, done with `decimal`."""
    quotient = Decimal(x.numerator) / Decimal(x.denominator)
    return float(quotient.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@functools.cache
def shared(data: Path, targets: Path) -> Oracle:
    """One `Oracle` per folder and process: reading the sample (PyYAML's pure-Python loader,
    every scalar as text) is most of the suite's collection time, so the modules share it."""
    return Oracle(data, targets)


class Lazy:
    """`shared(data, targets)`, read on first use: a module holding one reads nothing while it
    is collected, which every xdist worker does, but only on the worker that runs its tests."""

    def __init__(self, data: Path, targets: Path) -> None:
        self._where = (data, targets)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # what pytest asks each module attribute while it collects
            raise AttributeError(name)
        return getattr(shared(*self._where), name)
