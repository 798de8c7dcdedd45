"""What the rules work out from one record alone, once per record: given back by the cache with
its file's reading (a changed file does not cost every record's work again), else worked out
when a rule first asks."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pqp_cli.core.models import tax_code_check_ok
from pqp_cli.core.text import fold, name_key_folded
from pqp_cli.read.loading import Entry, FileRead


def record_facts(kind: str, model: Any) -> Any:
    """For an enterprise: its name with case, diacritics and legal form set aside, and whether
    its tax code's check digit is right. For another kind, the text its possible duplicates
    are told by, diacritics set aside (`rules_identity.possible_duplicate_records`): a
    training's title, a certification's scheme, a name with its legal form set aside too."""
    if kind == "enterprises":
        tax_ok = model.tax_code is None or tax_code_check_ok(model.tax_code)
        return (name_key_folded(model.name), tax_ok)
    if kind == "trainings":
        return fold(model.title)
    if kind == "certifications":
        return fold(model.scheme)
    return name_key_folded(model.name)


def file_facts(read: FileRead) -> list[Any]:
    """The facts of each entry of a file read (None where its record is invalid): plain
    values, kept with the reading."""
    return [None if e.model is None else record_facts(e.kind, e.model) for e in read.entries]


def gathered(found: Iterable[tuple[FileRead, list[Any] | None]]) -> Facts:
    """The facts `file_facts` gave for each file read (None: none were worked out for it)."""
    known: dict[Entry, Any] = {}
    for read, facts in found:
        if facts is not None:
            known.update((e, f) for e, f in zip(read.entries, facts, strict=True) if f is not None)
    return Facts(known)


class Facts:
    """Each entry's facts: those `known` already, the rest worked out when first asked for."""

    def __init__(self, known: dict[Entry, Any] | None = None) -> None:
        self.known = known if known is not None else {}

    def of(self, entry: Entry, model: Any) -> Any:
        found = self.known.get(entry)
        if found is None:
            found = self.known[entry] = record_facts(entry.kind, model)
        return found
