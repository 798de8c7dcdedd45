"""One function per metric (docs/contract.md §4): (dataset, params, S, R) → value + who counts and why."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from pqp_cli.core.models import Certification, Enterprise
from pqp_cli.core.schemes import scheme_matches
from pqp_cli.read.loading import Dataset


@dataclass
class MetricResult:
    """A metric's value at R, the subjects that count (with the record ids that make them
    count) and, for coverage and pilot metrics, those that do not yet (with what they lack)."""

    value: float | int | None
    subjects: str  # the kind counted: enterprises, experts or units
    counted: dict[str, list[str]] = field(default_factory=dict)
    missing: dict[str, list[str]] = field(default_factory=dict)
    numerator: int | None = None
    denominator: int | None = None


def in_force(c: Certification, start: dt.date, at: dt.date, supported_only: bool) -> bool:
    """docs/contract.md §4: achieved inside [S, R], not expired before R, not withdrawn by R."""
    return (
        c.achieved_on is not None
        and start <= c.achieved_on <= at
        and (c.expires_on is None or c.expires_on >= at)
        and (c.withdrawn_on is None or c.withdrawn_on > at)
        and (c.supported or not supported_only)
    )


def _type_ok(ent: Enterprise, entity_types: list[Any] | None) -> bool:
    return entity_types is None or ent.type in entity_types


def _certs_in_force(
    ds: Dataset, start: dt.date, at: dt.date, supported_only: bool, categories: Iterable[Any]
) -> dict[str, dict[Any, list[str]]]:
    """enterprise id → category → ids of its certifications in force at R in those categories."""
    wanted = set(categories)
    enterprises = ds.enterprises
    found: dict[str, dict[Any, list[str]]] = defaultdict(lambda: defaultdict(list))
    for c in ds.certifications.values():
        if (
            c.category in wanted
            and c.enterprise in enterprises
            and in_force(c, start, at, supported_only)
        ):
            found[c.enterprise][c.category].append(c.id)
    return found


def trained_establishments(ds: Dataset, p: Any, start: dt.date, at: dt.date) -> MetricResult:
    topics = set(p.topics) if p.topics is not None else None
    counted: dict[str, list[str]] = defaultdict(list)
    enterprises, types = ds.enterprises, p.entity_types  # looked up once: a hot loop
    for t in ds.trainings.values():
        if not start <= t.date <= at or (topics is not None and not topics & set(t.topics)):
            continue
        for eid in dict.fromkeys(t.participants):
            ent = enterprises.get(eid)
            if ent is not None and (types is None or ent.type in types):
                counted[eid].append(t.id)
    return MetricResult(len(counted), "enterprises", dict(counted))


def supported_enterprises(ds: Dataset, p: Any, start: dt.date, at: dt.date) -> MetricResult:
    schemes = p.schemes
    counted: dict[str, list[str]] = defaultdict(list)
    enterprises, categories, types = ds.enterprises, set(p.categories), p.entity_types
    for c in ds.certifications.values():
        ent = enterprises.get(c.enterprise)
        if (
            ent is None
            or c.category not in categories
            or not _type_ok(ent, types)
            or not in_force(c, start, at, p.supported_only)
        ):
            continue
        if schemes is None or any(scheme_matches(s, c.scheme) for s in schemes):
            counted[c.enterprise].append(c.id)
    return MetricResult(len(counted), "enterprises", dict(counted))


def _ocop_current(ent: Enterprise, at: dt.date) -> list[str]:
    return [
        o.name
        for o in ent.ocop_products
        if o.certified_on <= at and (o.expires_on is None or o.expires_on >= at)
    ]


def standards_coverage(ds: Dataset, p: Any, start: dt.date, at: dt.date) -> MetricResult:
    certs = _certs_in_force(ds, start, at, p.supported_only, p.categories)
    population = [e for e in ds.enterprises.values() if e.key_product or _ocop_current(e, at)]
    counted, missing = {}, {}
    for ent in population:
        held = certs.get(ent.id, {})
        if held:
            counted[ent.id] = [cid for ids in held.values() for cid in ids]
        else:
            missing[ent.id] = [c.value for c in p.categories]
    value = 100 * len(counted) / len(population) if population else None
    return MetricResult(value, "enterprises", counted, missing, len(counted), len(population))


def pilot_models(ds: Dataset, p: Any, start: dt.date, at: dt.date) -> MetricResult:
    required = list(p.require_categories)
    certs = _certs_in_force(ds, start, at, p.supported_only, required)
    counted, missing = {}, {}
    for ent in ds.enterprises.values():
        if not ent.pilot_model:
            continue
        held = certs.get(ent.id, {})
        lacking = [c.value for c in required if c not in held]
        if lacking:
            missing[ent.id] = lacking
        else:
            counted[ent.id] = [cid for c in required for cid in held[c]]
    return MetricResult(len(counted), "enterprises", counted, missing)


def _qualified(records: Iterable[Any], at: dt.date) -> dict[str, list[str]]:
    return {
        r.id: [r.id]
        for r in records
        if r.qualified_on <= at and (r.revoked_on is None or r.revoked_on > at)
    }


def experts(ds: Dataset, p: Any, start: dt.date, at: dt.date) -> MetricResult:
    counted = _qualified(ds.experts.values(), at)
    return MetricResult(len(counted), "experts", counted)


def public_units(ds: Dataset, p: Any, start: dt.date, at: dt.date) -> MetricResult:
    counted = _qualified((u for u in ds.units.values() if u.public), at)
    return MetricResult(len(counted), "units", counted)


Metric = Callable[[Dataset, Any, dt.date, dt.date], MetricResult]
_FIELDS = tuple(f.name for f in fields(MetricResult))


def memoized(name: str, function: Metric) -> Metric:
    """`function`, its results kept in the dataset's memo when it has one (`Dataset.memo`).

    A metric is a function of the valid records, its params and two dates; a memo belongs to
    one dataset (the cache's: every file's digest, today, the period, pqp's own code), so a
    result read back is the one computing would give, and a warm `status` needs no records.
    """

    def run(ds: Dataset, p: Any, start: dt.date, at: dt.date) -> MetricResult:
        memo = ds.memo
        if memo is None:
            return function(ds, p, start, at)
        key = f"{name}\0{type(p).__name__}\0{p!r}\0{start}\0{at}"
        stored = memo.get(key)
        if stored is not None:
            return MetricResult(**dict(zip(_FIELDS, stored, strict=True)))
        result = function(ds, p, start, at)
        memo.put(key, tuple(getattr(result, f) for f in _FIELDS))
        return result

    run.__name__ = run.__qualname__ = function.__name__
    run.__doc__ = function.__doc__
    return run


METRIC_FUNCTIONS: dict[str, Metric] = {
    name: memoized(name, function)
    for name, function in {
        "trained_establishments": trained_establishments,
        "supported_enterprises": supported_enterprises,
        "standards_coverage": standards_coverage,
        "pilot_models": pilot_models,
        "experts": experts,
        "public_units": public_units,
    }.items()
}
