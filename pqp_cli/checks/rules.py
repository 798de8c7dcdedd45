"""Cross-record checks: RULES is a list of small functions, each returning problems.

A rule gets every entry read and reports on those whose model validated (all of them, so
every problem is reported); an error it reports marks that entry bad, so the record is left
out of the figures.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pqp_cli.checks.facts import Facts
from pqp_cli.checks.rules_identity import duplicate_tax_codes, possible_duplicate_records
from pqp_cli.checks.suggestions import HintStore, Lazy, Suggestions
from pqp_cli.core.messages import noun
from pqp_cli.core.problems import Problem
from pqp_cli.core.schemes import is_known, nearest_scheme
from pqp_cli.read.loading import Entry


@dataclass
class Context:
    entries: list[Entry]
    period: tuple[dt.date, dt.date] | None
    today: dt.date
    facts: Facts = field(default_factory=Facts)
    hints: HintStore | None = None

    def __post_init__(self) -> None:
        self._valid: dict[str, list[tuple[Entry, Any]]] = {}
        self.by_kind: dict[str, list[Entry]] = defaultdict(list)
        for e in self.entries:
            self.by_kind[e.kind].append(e)

    def valid(self, kind: str) -> list[tuple[Entry, Any]]:
        """Entries whose fields validated (and that are no later copy of an id).

        Computed once per kind; `duplicate_ids`, which marks the copies, runs before any use.
        """
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


def duplicate_ids(ctx: Context) -> list[Finding]:
    """An id names one record of a kind, across all its files."""
    first: dict[tuple[str, str], Entry] = {}
    found = []
    for e in ctx.entries:
        if e.id is None:
            continue
        seen = first.setdefault((e.kind, e.id), e)
        if seen is not e:
            e.duplicate = True  # left out; its other checks wait until it has its own id
            found.append(_problem(e, "duplicate-id", "id", first=f"{seen.file}:{seen.line}"))
    return found


def _ids(ctx: Context, kind: str) -> set[str]:
    return {e.id for e in ctx.by_kind[kind] if e.id is not None}


def _names(ctx: Context, kind: str) -> dict[str, str]:
    return {e.id: e.name for e in ctx.by_kind[kind] if e.id is not None}


def _unknown_ref(
    e: Entry, field: str, ref: str, target: str, names: Suggestions, *path: Any
) -> Finding:
    hint = names.hint(ref)
    key = "unknown-reference/hint" if hint else "unknown-reference"
    named = names.names[hint] if hint else None
    return _problem(
        e,
        key,
        field,
        *path,
        name=field,
        ref=ref,
        target=noun(target + "s"),
        hint=hint,
        hint_name=named,
    )


def references(ctx: Context) -> list[Finding]:
    """Participants, certification enterprises and expert units name records that exist."""
    enterprises, units = _ids(ctx, "enterprises"), _ids(ctx, "units")
    e_names = Lazy("enterprises", lambda: _names(ctx, "enterprises"), ctx.hints)
    u_names = Lazy("units", lambda: _names(ctx, "units"), ctx.hints)
    found = []
    for e, t in ctx.valid("trainings"):
        if enterprises.issuperset(t.participants):
            continue  # the common case, asked at once (a training lists dozens)
        for i, p in enumerate(t.participants):
            if p not in enterprises:
                found.append(_unknown_ref(e, "participants", p, "enterprise", e_names.get(), i))
    for e, c in ctx.valid("certifications"):
        if c.enterprise not in enterprises:
            found.append(_unknown_ref(e, "enterprise", c.enterprise, "enterprise", e_names.get()))
    for e, x in ctx.valid("experts"):
        if x.unit is not None and x.unit not in units:
            found.append(_unknown_ref(e, "unit", x.unit, "unit", u_names.get()))
    e_names.save()
    u_names.save()
    return found


def tax_codes(ctx: Context) -> list[Finding]:
    """A tax code names one establishment, and its check digit is right."""
    found = duplicate_tax_codes(ctx)
    for e, ent in ctx.valid("enterprises"):
        if ent.tax_code is not None and not ctx.facts.of(e, ent)[1]:
            found.append(_problem(e, "tax-code-checksum", "tax_code", tax_code=ent.tax_code))
    return found


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


def possible_duplicates(ctx: Context) -> list[Finding]:
    """Two establishments whose names match but for case, diacritics and legal form."""
    first: dict[str, Entry] = {}
    found = []
    for e, ent in ctx.valid("enterprises"):
        k = ctx.facts.of(e, ent)[0]
        if not k:
            continue
        seen = first.setdefault(k, e)
        if seen is not e:
            found.append(
                _problem(
                    e,
                    "possible-duplicate",
                    "name",
                    name=ent.name,
                    other=seen.id,
                    other_name=seen.name,
                    other_at=f"{seen.file}:{seen.line}",
                )
            )
    return found


RULES: list[Rule] = [
    duplicate_ids,
    references,
    tax_codes,
    date_order,
    duplicate_participants,
    unknown_schemes,
    outside_period,
    future_dates,
    possible_duplicates,
    possible_duplicate_records,
]


def run_rules(
    entries: list[Entry],
    period: tuple[dt.date, dt.date] | None,
    today: dt.date,
    facts: Facts | None = None,
    hints: HintStore | None = None,
) -> list[Problem]:
    """Run every rule in order; an error marks its entry bad before later rules run. `hints`
    keeps the suggestions for unknown references from one run to the next."""
    ctx = Context(entries, period, today, facts or Facts(), hints)
    problems = []
    for rule in RULES:
        for entry, problem in rule(ctx):
            if problem.is_error:
                entry.bad = True
            problems.append(problem)
    return problems
