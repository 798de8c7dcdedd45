"""The rules across records, run on each file's entries as `Part`s: their ids, names and facts
(`checks.facts`), never their records. So a run that read one file checks across all of them
from what the cache kept of the others.

- an id names one record of a kind, across all its files (later copies are left out);
- participants, certification enterprises and expert units name records that exist;
- a tax code names one establishment, and its check digit is right;
- two establishments whose names match but for case, diacritics and legal form;
- one person, unit, training or certification recorded twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from pqp_cli.checks.suggestions import HintStore, Lazy, Suggestions
from pqp_cli.core.messages import PHRASES, Texts, noun
from pqp_cli.core.problems import Problem
from pqp_cli.read.loading import Entry, Lines

#: An entry as a message names it: its item's index in the file, line, id and name.
Head = tuple[int, int, str | None, str]


@dataclass(eq=False)
class Part:
    """One file's entries as the rules see them; `duplicate` marks the later copies of an id."""

    kind: str
    file: str
    heads: list[Head]
    facts: list[Any]  # each entry's facts, None where its record is invalid
    source: Lines | None
    duplicate: bytearray = field(init=False)

    def __post_init__(self) -> None:
        self.duplicate = bytearray(len(self.heads))

    def entry(self, i: int) -> Entry:
        """The `i`th entry as far as a message needs it (where it stands, its lines)."""
        index, line, rid, name = self.heads[i]
        return Entry(self.kind, self.file, line, rid, name, index, self.source)


Finding = tuple[Part, int, Problem]


class Table:
    """Every file's part, in the order read, and its entries by kind."""

    def __init__(self, parts: list[Part], hints: HintStore | None = None) -> None:
        self.parts = parts
        self.hints = hints
        self.by_kind: dict[str, list[Part]] = {}
        self._valid: dict[str, list[tuple[Part, int, Any]]] = {}
        self._facts: dict[str, list[Any]] = {}
        self._ids: dict[str, set[str]] = {}
        for part in parts:
            self.by_kind.setdefault(part.kind, []).append(part)

    def valid(self, kind: str) -> list[tuple[Part, int, Any]]:
        """The entries of `kind` whose fields validated and that are no later copy of an id,
        with their facts: listed once (`duplicate_ids`, which marks the copies, runs first)."""
        found = self._valid.get(kind)
        if found is None:
            found = self._valid[kind] = [
                (part, i, facts)
                for part in self.by_kind.get(kind, [])
                for i, facts in enumerate(part.facts)
                if facts is not None and not part.duplicate[i]
            ]
        return found

    def facts(self, kind: str) -> list[Any]:
        """The facts of `valid(kind)`'s entries, in order (made without listing the entries
        when no copy of an id is marked)."""
        found = self._facts.get(kind)
        if found is None:
            parts = self.by_kind.get(kind, [])
            if any(1 in part.duplicate for part in parts):
                found = [facts for _, _, facts in self.valid(kind)]
            else:
                found = [facts for part in parts for facts in part.facts if facts is not None]
            self._facts[kind] = found
        return found

    def ids(self, kind: str) -> set[str]:
        """The ids of `kind`'s entries (kept: asked by more than one rule)."""
        found = self._ids.get(kind)
        if found is None:
            named: set[Any] = {h[2] for p in self.by_kind.get(kind, []) for h in p.heads}
            named.discard(None)
            found = self._ids[kind] = named
        return found

    def names(self, kind: str) -> dict[str, str]:
        return {h[2]: h[3] for p in self.by_kind.get(kind, []) for h in p.heads if h[2] is not None}


def _problem(
    part: Part, i: int, key: str, name: str | None, /, *path: Any, **params: Any
) -> Finding:
    e = part.entry(i)
    line = e.line_of(name, *path) if name else e.line
    what = noun(e.kind)
    problem = Problem.of(
        key, e.file, line, record=e.id, field=name, kind=e.kind, what=what, id=e.id, **params
    )
    return part, i, problem


def _at(part: Part, i: int) -> str:
    return f"{part.file}:{part.heads[i][1]}"


def _distinct(keys: list[Any], blank: Any = None) -> bool:
    """Whether no key but `blank` comes twice, asked at C speed: a rule's loop over every
    record then runs only when it has something to find (a clean dataset: nothing at all)."""
    found = set(keys)
    found.discard(blank)
    return len(found) == len(keys) - keys.count(blank)


def _all(values: Iterable[Any]) -> bool:
    """`all(values)`: the shortcuts' other question, asked of C-speed iterators."""
    return all(values)


def _named(parts: list[Part]) -> int:
    """How many of the parts' entries have an id."""
    return sum(len(p.heads) for p in parts) - sum(1 for p in parts for h in p.heads if h[2] is None)


def duplicate_ids(table: Table) -> list[Finding]:
    """An id names one record of a kind, across all its files."""
    if all(len(table.ids(kind)) == _named(parts) for kind, parts in table.by_kind.items()):
        return []  # as many ids as entries that have one: no id comes twice
    first: dict[tuple[str, str], tuple[Part, int]] = {}
    found = []
    for part in table.parts:
        kind = part.kind
        for i, head in enumerate(part.heads):
            if head[2] is None:
                continue
            here = (part, i)
            seen = first.setdefault((kind, head[2]), here)
            if seen is not here:
                part.duplicate[i] = 1  # left out; its other checks wait for an id of its own
                found.append(_problem(part, i, "duplicate-id", "id", first=_at(*seen)))
    return found


def _unknown_ref(
    part: Part, i: int, name: str, ref: str, target: str, names: Suggestions, *path: Any
) -> Finding:
    hint = names.hint(ref)
    key = "unknown-reference/hint" if hint else "unknown-reference"
    named = names.names[hint] if hint else None
    return _problem(
        part, i, key, name, *path, name=name, ref=ref, target=noun(target + "s"), hint=hint,
        hint_name=named,
    )  # fmt: skip


def references(table: Table) -> list[Finding]:
    """Participants, certification enterprises and expert units name records that exist."""
    enterprises, units = table.ids("enterprises"), table.ids("units")
    e_names = Lazy("enterprises", lambda: table.names("enterprises"), table.hints)
    u_names = Lazy("units", lambda: table.names("units"), table.hints)
    found = []
    # Each names only enterprises that exist (the common case, asked at C speed): nothing to find
    known = _all(map(enterprises.issuperset, map(itemgetter(0), table.facts("trainings"))))
    trainings = [] if known else table.valid("trainings")
    known = _all(map(enterprises.__contains__, map(itemgetter(0), table.facts("certifications"))))
    certifications = [] if known else table.valid("certifications")
    for part, i, facts in trainings:
        if enterprises.issuperset(facts[0]):
            continue  # the common case, asked at once (a training lists dozens)
        for j, p in enumerate(facts[0]):
            if p not in enterprises:
                found.append(
                    _unknown_ref(part, i, "participants", p, "enterprise", e_names.get(), j)
                )
    for part, i, facts in certifications:
        if facts[0] not in enterprises:
            found.append(_unknown_ref(part, i, "enterprise", facts[0], "enterprise", e_names.get()))
    for part, i, facts in table.valid("experts"):
        if facts[0] is not None and facts[0] not in units:
            found.append(_unknown_ref(part, i, "unit", facts[0], "unit", u_names.get()))
    e_names.save()
    u_names.save()
    return found


def _referenced(table: Table) -> set[str]:
    """The enterprise ids some training or certification names."""
    named = {p for _, _, facts in table.valid("trainings") for p in facts[0]}
    return named | {facts[0] for _, _, facts in table.valid("certifications")}


def tax_codes(table: Table) -> list[Finding]:
    """A tax code names one establishment: the error (which leaves a record out of the figures)
    lands on the record nothing references; when all or none are, on the later ones. And a
    tax code's check digit is right."""
    groups: dict[str, list[tuple[Part, int]]] = {}
    enterprises = table.facts("enterprises")
    shared = not _distinct([facts[0] for facts in enterprises])
    for part, i, facts in table.valid("enterprises") if shared else []:
        if facts[0] is not None:
            groups.setdefault(facts[0], []).append((part, i))
    refs: set[str] | None = None
    found = []
    for code, group in groups.items():
        if len(group) < 2:
            continue
        refs = _referenced(table) if refs is None else refs
        used = [(p, i) for p, i in group if p.heads[i][2] in refs]
        keep = used[0] if len(used) == 1 else group[0]
        kept = keep[0].entry(keep[1])
        kept_at = f"{kept.file}:{kept.line_of('tax_code')}"
        key = "duplicate-tax-code/referenced" if len(used) == 1 else "duplicate-tax-code"
        for part, i in group:
            if part is keep[0] and i == keep[1]:
                continue
            here = f"{part.file}:{part.entry(i).line_of('tax_code')}"
            params = {"here": here, "code": code, "keep": kept.id, "kept_at": kept_at}
            found.append(_problem(part, i, key, "tax_code", **params))
    right = _all(map(itemgetter(3), enterprises))  # (True for an enterprise with no tax code)
    for part, i, facts in [] if right else table.valid("enterprises"):
        if facts[0] is not None and not facts[3]:
            found.append(_problem(part, i, "tax-code-checksum", "tax_code", tax_code=facts[0]))
    return found


def possible_duplicates(table: Table) -> list[Finding]:
    """Two establishments whose names match but for case, diacritics and legal form."""
    first: dict[str, tuple[Part, int]] = {}
    found: list[Finding] = []
    if _distinct([facts[1] for facts in table.facts("enterprises")], ""):
        return found
    for part, i, facts in table.valid("enterprises"):
        if not facts[1]:
            continue
        here = (part, i)
        seen = first.setdefault(facts[1], here)
        if seen is not here:
            other = seen[0].heads[seen[1]]
            params = {"other": other[2], "other_name": other[3], "other_at": _at(*seen)}
            found.append(_problem(part, i, "possible-duplicate", "name", name=facts[2], **params))
    return found


#: What makes two records of a kind the same one, out of its facts.
_SAME_KEY = {
    "experts": slice(1, 3),
    "units": slice(0, 2),
    "trainings": slice(1, 3),
    "certifications": slice(0, 5),
}


_NOTHING = object()  # a key no record has


def possible_duplicate_records(table: Table) -> list[Finding]:
    """One person, unit, training or certification recorded twice (in one file or two) is
    counted twice by the figures: say so, naming both places."""
    found = []
    for kind, same_key in _SAME_KEY.items():
        same = Texts(*PHRASES[f"same_{kind}"])
        first: dict[tuple[Any, ...], tuple[Part, int]] = {}
        if _distinct(list(map(itemgetter(same_key), table.facts(kind))), _NOTHING):
            continue
        for part, i, facts in table.valid(kind):
            here = (part, i)
            seen = first.setdefault(facts[same_key], here)
            if seen is here:
                continue
            other = seen[0].heads[seen[1]][2]
            params = {"here": _at(part, i), "same": same, "other": other, "there": _at(*seen)}
            found.append(_problem(part, i, "possible-duplicate/record", None, **params))
    return found


def cross_rules(table: Table) -> list[Finding]:
    """Every rule across records, `duplicate_ids` first (the others pass over the copies)."""
    found = duplicate_ids(table)
    for rule in (references, tax_codes, possible_duplicates, possible_duplicate_records):
        found.extend(rule(table))
    return found
