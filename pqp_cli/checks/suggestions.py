"""The nearest id or name suggested for an unknown reference: looked for once per distinct
reference in a run, and kept across runs (by the cache, `HintStore`) for as long as the records
it was chosen among stay the same: an edit elsewhere never pays for the search again."""

from __future__ import annotations

import hashlib
import marshal
from collections.abc import Callable
from functools import cached_property
from typing import Any, Protocol

from pqp_cli.core.text import closest, fold


class HintStore(Protocol):
    """Plain values by name, kept from one run to the next (the cache's `h/` entries)."""

    def get(self, name: str) -> Any | None: ...

    def put(self, name: str, value: Any) -> None: ...


class Suggestions:
    """Nearest id or name for an unknown reference (as `text.nearest` would find), with the
    candidates folded once rather than once per reference, and each distinct reference's hint
    looked for once (a mistyped id is often pasted into many records)."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names
        self.hints: dict[str, str | None] = {}

    @cached_property
    def ids(self) -> dict[str, str]:
        """The ids folded (made only when a hint is searched for, not when all were kept)."""
        return {fold(c): c for c in self.names}

    @cached_property
    def by_name(self) -> dict[str, str]:
        return {fold(n): n for n in {n: i for i, n in self.names.items()}}

    @cached_property
    def first_id(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for i, n in self.names.items():
            found.setdefault(n, i)
        return found

    @staticmethod
    def _nearest(word: str, folded: dict[str, str]) -> str | None:
        found = closest(fold(word), folded, 0.6)
        return folded[found] if found is not None else None

    def hint(self, ref: str) -> str | None:
        if ref not in self.hints:
            self.hints[ref] = self._hint(ref)
        return self.hints[ref]

    def _hint(self, ref: str) -> str | None:
        hint = self._nearest(ref, self.ids) or self.first_id.get(ref)
        if hint is None:
            by_name = self._nearest(ref, self.by_name)
            hint = self.first_id.get(by_name) if by_name else None
        return hint


class Lazy:
    """The suggestions among one kind's records, built at the first unknown reference (most
    data has none), with the hints a store kept for exactly these records."""

    def __init__(self, kind: str, names: Callable[[], dict[str, str]], store: HintStore | None):
        self.kind, self.names, self.store = kind, names, store
        self.value: Suggestions | None = None
        self.name = ""
        self.known = 0

    def get(self) -> Suggestions:
        if self.value is None:
            names = self.names()
            self.value = Suggestions(names)
            if self.store is not None:
                self.name = _name(self.kind, names)
                kept = self.store.get(self.name)
                if isinstance(kept, dict):
                    self.value.hints.update(kept)
                self.known = len(self.value.hints)
        return self.value

    def save(self) -> None:
        """Keep the hints for the next run, when this one found any new."""
        found = self.value
        if self.store is not None and found is not None and len(found.hints) > self.known:
            self.store.put(self.name, found.hints)


def _name(kind: str, names: dict[str, str]) -> str:
    """The records' ids and names, in order (what a hint is chosen among), as a digest."""
    digest = hashlib.sha256(marshal.dumps(list(names.items()))).hexdigest()
    return f"{kind}\0{digest}"
