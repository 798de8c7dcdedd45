"""The rules on one record at a time (dates in order and in the period, no participant twice,
a known scheme): LOCAL_RULES, each a small function returning problems. They need the record
itself, so the cache keeps their findings by file (`cache.dataset`); the rules across records
are in `checks.cross`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pqp_cli.core.messages import noun
from pqp_cli.core.problems import Problem
from pqp_cli.core.schemes import is_known, nearest_scheme
from pqp_cli.read.loading import Entry, FileRead


@dataclass
class Context:
    entries: list[Entry]
    period: tuple[dt.date, dt.date] | None
    today: dt.date

    def __post_init__(self) -> None:
        self._valid: dict[str, list[tuple[Entry, Any]]] = {}
        self.by_kind: dict[str, list[Entry]] = defaultdict(list)
        for e in self.entries:
            self.by_kind[e.kind].append(e)

    def valid(self, kind: str) -> list[tuple[Entry, Any]]:
        """Entries whose fields validated and that are no later copy of an id (computed once
        per kind)."""
        if kind not in self._valid:
            self._valid[kind] = [
                (e, e.model) for e in self.by_kind[kind] if e.model is not None and not e.duplicate
            ]
        return self._valid[kind]


Finding = tuple[Entry, Problem]


Rule = Callable[[Context], list[Finding]]


def _problem(e: Entry, key: str, field: str | None, /, *path: Any, **params: Any) -> Finding:
    line = e.line_of(field, *path) if field else e.line
    what = noun(e.kind)
    return e, Problem.of(
        key, e.file, line, record=e.id, field=field, kind=e.kind, what=what, id=e.id, **params
    )


_ORDER: dict[str, list[tuple[str, str]]] = {
    "trainings": [("date", "end_date")],
    "certifications": [
        ("started_on", "achieved_on"),
        ("achieved_on", "expires_on"),
        ("achieved_on", "withdrawn_on"),
    ],
    "experts": [("qualified_on", "revoked_on")],
    "units": [("qualified_on", "revoked_on")],
}


def date_order(ctx: Context) -> list[Finding]:
    """A date never comes before the one it follows (end after start, expiry after award)."""
    found = []
    for kind, pairs in _ORDER.items():
        for e, r in ctx.valid(kind):
            for before, after in pairs:
                a, b = getattr(r, before), getattr(r, after)
                if a is not None and b is not None and b < a:
                    found.append(
                        _problem(
                            e,
                            "date-order",
                            after,
                            later=after,
                            later_date=b,
                            earlier=before,
                            earlier_date=a,
                        )
                    )
    for e, ent in ctx.valid("enterprises"):
        for i, p in enumerate(ent.ocop_products):
            if p.expires_on is not None and p.expires_on < p.certified_on:
                found.append(
                    _problem(
                        e,
                        "date-order/ocop",
                        "ocop_products",
                        i,
                        "expires_on",
                        product=p.name,
                        expires=p.expires_on,
                        certified=p.certified_on,
                    )
                )
    return found


def duplicate_participants(ctx: Context) -> list[Finding]:
    """An enterprise is listed once per training."""
    found = []
    for e, t in ctx.valid("trainings"):
        if len(set(t.participants)) == len(t.participants):
            continue  # the common case, asked at once
        seen: set[str] = set()
        for i, p in enumerate(t.participants):
            if p in seen:
                found.append(_problem(e, "duplicate-participant", "participants", i, participant=p))
            seen.add(p)
    return found


def unknown_schemes(ctx: Context) -> list[Finding]:
    """A certification's scheme is one known for its category (else, likely a typo)."""
    found = []
    known: dict[tuple[str, str], bool] = {}  # few distinct schemes: check each once
    hints: dict[tuple[str, str], str | None] = {}  # and look for each one's hint once
    for e, c in ctx.valid("certifications"):
        pair = (c.category.value, c.scheme)
        ok = known.get(pair)
        if ok is None:
            ok = known[pair] = is_known(*pair)
        if not ok:
            if pair not in hints:
                hints[pair] = nearest_scheme(*pair)
            hint = hints[pair]
            key = "unknown-scheme/hint" if hint else "unknown-scheme"
            found.append(
                _problem(e, key, "scheme", scheme=c.scheme, category=c.category.value, hint=hint)
            )
    return found


def outside_period(ctx: Context) -> list[Finding]:
    """Trainings and achievements fall inside the plan period (else they do not count)."""
    if ctx.period is None:
        return []
    start, end = ctx.period
    found = []
    for kind, name in (("trainings", "date"), ("certifications", "achieved_on")):
        for e, r in ctx.valid(kind):
            day = getattr(r, name)
            if day is not None and not start <= day <= end:
                found.append(
                    _problem(e, "outside-period", name, name=name, day=day, start=start, end=end)
                )
    return found


_DATES: dict[str, tuple[str, ...]] = {
    "trainings": ("date", "end_date"),
    "certifications": ("started_on", "achieved_on", "withdrawn_on"),
    "experts": ("qualified_on", "revoked_on"),
    "units": ("qualified_on", "revoked_on"),
}


def future_dates(ctx: Context) -> list[Finding]:
    """No date lies after today (a typo in the year, usually); expiry dates may."""
    found = []
    for kind, names in _DATES.items():
        for e, r in ctx.valid(kind):
            for name in names:
                value = getattr(r, name)
                if value is not None and value > ctx.today:
                    found.append(_future(e, name, value, ctx.today))
    for e, ent in ctx.valid("enterprises"):
        for i, p in enumerate(ent.ocop_products):
            if p.certified_on > ctx.today:
                found.append(_future(e, "ocop_products", p.certified_on, ctx.today, i))
    return found


def _future(e: Entry, name: str, value: dt.date, today: dt.date, *path: Any) -> Finding:
    return _problem(e, "future-date", name, *path, name=name, value=value, today=today)


LOCAL_RULES: list[Rule] = [
    date_order,
    duplicate_participants,
    unknown_schemes,
    outside_period,
    future_dates,
]


def local_findings(
    entries: list[Entry], period: tuple[dt.date, dt.date] | None, today: dt.date
) -> list[tuple[int, Problem]]:
    """What the rules on one record find among `entries` (those not marked a later copy of an
    id), each with its entry's place in the list."""
    ctx = Context(entries, period, today)
    found = [finding for rule in LOCAL_RULES for finding in rule(ctx)]
    if not found:
        return []  # (the common case: no entry's place to look up)
    place = {e: i for i, e in enumerate(entries)}
    return [(place[e], problem) for e, problem in found]


Row = tuple[Any, ...]


def local_rows(read: FileRead, period: tuple[dt.date, dt.date] | None, today: dt.date) -> list[Row]:
    """`local_findings` of a file read, as plain values: what the cache keeps of them, and
    what a worker process that read the file ships beside it. Each row is the entry's place,
    then the problem's fields but its file (`as_findings` puts it back)."""
    found = local_findings(read.entries, period, today)
    return [(i, p.code, p.line, p.en, p.vi, p.record, p.field, p.kind) for i, p in found]


def as_findings(file: str, rows: list[Row]) -> list[tuple[int, Problem]]:
    """The findings `local_rows` gave, of the file named `file`."""
    return [(i, Problem(code, file, *rest)) for i, code, *rest in rows]
