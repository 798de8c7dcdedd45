"""Identity rules: one establishment per tax code (the error lands on the record nothing
points to), and the same person, unit, training or certification recorded twice."""

from __future__ import annotations

from typing import Any

from pqp_cli.core.messages import PHRASES, Texts, noun
from pqp_cli.core.problems import Problem
from pqp_cli.read.loading import Entry

Finding = tuple[Entry, Problem]


def _problem(e: Entry, key: str, field: str | None, /, **params: Any) -> Finding:
    line = e.line_of(field) if field else e.line
    what = noun(e.kind)
    return e, Problem.of(
        key, e.file, line, record=e.id, field=field, kind=e.kind, what=what, id=e.id, **params
    )


def referenced_enterprises(ctx: Any) -> set[str]:
    """The enterprise ids some training or certification names."""
    named = {p for _, t in ctx.valid("trainings") for p in t.participants}
    return named | {c.enterprise for _, c in ctx.valid("certifications")}


def duplicate_tax_codes(ctx: Any) -> list[Finding]:
    """A tax code names one establishment. The error (which leaves a record out of the
    figures) lands on the record nothing references; when all or none are, on the later ones."""
    groups: dict[str, list[tuple[Entry, Any]]] = {}
    for e, ent in ctx.valid("enterprises"):
        if ent.tax_code is not None:
            groups.setdefault(ent.tax_code, []).append((e, ent))
    refs: set[str] | None = None
    found = []
    for code, group in groups.items():
        if len(group) < 2:
            continue
        refs = referenced_enterprises(ctx) if refs is None else refs
        used = [e for e, _ in group if e.id in refs]
        keep = used[0] if len(used) == 1 else group[0][0]
        kept_at = f"{keep.file}:{keep.line_of('tax_code')}"
        key = "duplicate-tax-code/referenced" if len(used) == 1 else "duplicate-tax-code"
        for e, _ in group:
            if e is keep:
                continue
            here = f"{e.file}:{e.line_of('tax_code')}"
            found.append(
                _problem(e, key, "tax_code", here=here, code=code, keep=keep.id, kept_at=kept_at)
            )
    return found


def _same_key(kind: str, r: Any, folded: str) -> tuple[Any, ...]:
    """What two records of a kind share when they are likely one; `folded` is the record's
    text as its facts keep it (`checks.facts.record_facts`)."""
    if kind == "trainings":
        return (folded, r.date)
    if kind == "certifications":
        return (r.enterprise, folded, r.started_on, r.achieved_on, r.expires_on)
    return (folded, r.qualified_on)


_SAME = {
    "experts": PHRASES["same_experts"],
    "units": PHRASES["same_units"],
    "trainings": PHRASES["same_trainings"],
    "certifications": PHRASES["same_certifications"],
}


def possible_duplicate_records(ctx: Any) -> list[Finding]:
    """One person, unit, training or certification recorded twice (in one file or two) is
    counted twice by the figures: say so, naming both places."""
    found = []
    for kind, (same_en, same_vi) in _SAME.items():
        first: dict[tuple[Any, ...], Entry] = {}
        facts = ctx.facts.of
        for e, r in ctx.valid(kind):
            seen = first.setdefault(_same_key(kind, r, facts(e, r)), e)
            if seen is e:
                continue
            here, there = f"{e.file}:{e.line}", f"{seen.file}:{seen.line}"
            found.append(
                _problem(
                    e,
                    "possible-duplicate/record",
                    None,
                    here=here,
                    same=Texts(same_en, same_vi),
                    other=seen.id,
                    there=there,
                )
            )
    return found
