"""Which establishment a row names: by id, tax code, then normalised name; `--create-missing`."""

from __future__ import annotations

import functools
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from pqp_cli.core.messages import Texts, phrase, texts
from pqp_cli.core.placetext import parse_part, split_text
from pqp_cli.core.text import forms_agree, legal_form, legal_form_type, nearest
from pqp_cli.importing.celltext import name_key, name_key_folded

#: A sheet names the same few thousand establishments, each beside several places, so the
#: memo of whole refs misses; the legal-form comparison of each pair of names is remembered
#: (with the cached name keys: 3/4 of the resolving time before).
_forms_agree = functools.lru_cache(maxsize=1 << 16)(forms_agree)


class Ref(NamedTuple):
    """What a row says about its establishment. A tuple (not a frozen dataclass): a sheet makes
    one for each row, and the resolver's memo hashes each one."""

    id: str | None = None
    tax_code: str | None = None
    name: str | None = None
    locality: str | None = None
    type: str | None = None


@dataclass
class Found:
    """The outcome of resolving a Ref: an id, or why not; and a warning to show, if any."""

    id: str | None
    column: str  # the column key the outcome rests on (to locate a message)
    en: str = ""
    vi: str = ""
    warning: bool = False
    also: str | None = None  # another column key the message is about (the name beside)


def short_hash(*parts: str, length: int = 8) -> str:
    """A stable short digest: derived ids are the same on every import of the same row."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def enterprise_id(tax_code: str | None, name: str) -> str:
    """The id an establishment gets when the sheet gives none: from its tax code, else its name."""
    if tax_code:
        return f"ent-{tax_code}"
    return f"ent-{short_hash(name_key(name))}"


@dataclass
class Resolver:
    """The enterprises already in DIR, indexed, plus the ones `--create-missing` makes."""

    enterprises: dict[str, Any]
    create_missing: bool = False
    created: dict[str, dict[str, Any]] = field(default_factory=dict)
    _by_tax: dict[str, str] = field(default_factory=dict)
    _by_key: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _by_folded: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    _names: dict[str, str] = field(default_factory=dict)
    _places: dict[str, str] = field(default_factory=dict)
    _memo: dict[Ref, Found] = field(default_factory=dict)  # sheets name one place many times
    _quick_names: dict[str, str | None] = field(default_factory=dict)  # see `quick`

    def __post_init__(self) -> None:
        for ent in self.enterprises.values():
            self._index(ent.id, ent.name, ent.tax_code, getattr(ent, "locality", None))

    def _index(self, ent_id: str, name: str, tax_code: str | None, place: str | None) -> None:
        self._names[ent_id] = name
        if place:
            self._places[ent_id] = place
        if tax_code:
            self._by_tax.setdefault(tax_code, ent_id)
        self._by_key[name_key(name)].append(ent_id)
        self._by_folded[name_key_folded(name)].append(ent_id)

    def quick(
        self, ids: list[str] | None, tax_code: str | None, names: list[str] | None
    ) -> list[str] | None:
        """The ids a row names when they resolve with nothing to say, else None (`resolve` then
        says why): every id an establishment's (its name, tax code and place play no part), a
        tax code alone that one has, or one name alone that resolves the same whatever the
        place beside it. Most rows of a sheet; `resolve` gives the same ids."""
        if ids:
            known = self._names
            for ent_id in ids:
                if ent_id not in known:
                    return None
            return ids
        if tax_code is not None:
            found = self._by_tax.get(tax_code) if not names else None
            return [found] if found is not None else None
        if names is None or len(names) != 1 or self.create_missing:
            return None
        ent = self._quick_names.get(names[0], "")
        if ent == "":
            ent = self._quick_names[names[0]] = self._quick_name(names[0])
        return [ent] if ent is not None else None

    def _quick_name(self, name: str) -> str | None:
        """The id one name alone resolves to whatever its place, when nothing is said of it."""
        if "\n" in name or self._place_matters(Ref(name=name)):  # a wrapped name: split?
            return None
        found = self.resolve(Ref(name=name))
        return found.id if not found.warning else None

    def resolve(self, ref: Ref) -> Found:
        """By id, else tax code, else name; unresolved → created (`--create-missing`) or why not."""
        found = self._memo.get(ref)
        if found is None:
            found = self._memo[ref] = self._resolve_shared(ref)
        return found

    def _resolve_shared(self, ref: Ref) -> Found:
        """`_resolve`, shared by the refs that differ only in what cannot change the outcome:
        a sheet names each establishment beside many places, and only a name whose candidates
        have a place of their own is resolved by it (the type and place of a ref only matter
        to `--create-missing`, which resolves every ref itself)."""
        if self.create_missing or (ref.locality is None and ref.type is None):
            return self._resolve(ref)
        if self._place_matters(ref):
            return self._resolve(ref)
        bare = Ref(ref.id, ref.tax_code, ref.name)
        found = self._memo.get(bare)
        if found is None:
            found = self._memo[bare] = self._resolve(bare)
        return found

    def _place_matters(self, ref: Ref) -> bool:
        """Whether the ref's locality may change how it resolves (without `--create-missing`):
        only by name, and only when some establishment of that name has a place."""
        if ref.id is not None or ref.tax_code in self._by_tax or ref.name is None:
            return False
        exact = self._by_key.get(name_key(ref.name))
        named = exact or self._by_folded.get(name_key_folded(ref.name), [])
        return any(i in self._places for i in named)

    def _resolve(self, ref: Ref) -> Found:
        if ref.id is not None:
            if ref.id in self._names:
                return Found(ref.id, "id")
            if not (self.create_missing and ref.name):
                return self._unknown_id(ref.id)
        elif ref.tax_code is not None and ref.tax_code in self._by_tax:
            return self._by_tax_and_name(self._by_tax[ref.tax_code], ref)
        if ref.name is not None:
            found = self._by_name(ref)
            if found is not None:
                return found
        if self.create_missing and ref.name:
            return Found(self._create(ref), "name")
        return self._unresolved(ref)

    def knows(self, name: str) -> bool:
        """Whether `name` is exactly one establishment in the data (or created already)."""
        found = self._by_name(Ref(name=name))
        return found is not None and found.id is not None and not found.warning

    def _by_name(self, ref: Ref) -> Found | None:
        assert ref.name is not None
        exact = self._by_key.get(name_key(ref.name), [])
        folded = [] if exact else self._by_folded.get(name_key_folded(ref.name), [])
        named = exact or folded
        matches = [i for i in named if self._differs(ref, i) is None]
        if not matches:
            return None if self.create_missing or not named else self._not_it(ref, named[0])
        if len(matches) > 1:
            listed = ", ".join(f"{i} ({self._names[i]})" for i in matches)
            several = texts("rejected/several-matches", name=ref.name, listed=listed)
            return Found(None, "name", *several)
        found_id = matches[0]
        other_tax = self._tax_of(found_id)
        if ref.tax_code and other_tax and other_tax != ref.tax_code:
            other = texts(
                "rejected/other-tax-code",
                tax_code=ref.tax_code,
                name=ref.name,
                id=found_id,
                other=other_tax,
            )
            return Found(None, "tax_code", *other)
        if exact:
            return Found(found_id, "name")
        known = self._names[found_id]
        taken = texts("warning/taken-as", name=ref.name, id=found_id, known=known)
        return Found(found_id, "name", *taken, warning=True)

    def _differs(self, ref: Ref, ent_id: str) -> tuple[Texts, str] | None:
        """How `ent_id` is not the establishment `ref` names though the names match: their
        legal forms or their localities differ (why, and the two values), else None."""
        assert ref.name is not None
        name = self._names[ent_id]
        if not _forms_agree(ref.name, name):
            pair = f"{(legal_form(ref.name) or ('',))[0]}, {(legal_form(name) or ('',))[0]}"
            return texts("rejected/forms-differ"), pair
        place = self._places.get(ent_id)
        if ref.locality and place and not _place_keys(ref.locality) & _place_keys(place):
            return texts("rejected/places-differ"), f"{ref.locality}, {place}"
        return None

    def _not_it(self, ref: Ref, ent_id: str) -> Found:
        differs = self._differs(ref, ent_id)
        assert differs is not None
        why, pair = differs
        known = self._names[ent_id]
        not_it = texts("rejected/not-it", name=ref.name, id=ent_id, known=known, why=why, pair=pair)
        return Found(None, "name", *not_it)

    def _by_tax_and_name(self, by_tax: str, ref: Ref) -> Found:
        """The establishment of a tax code, unless the name beside it is another one."""
        other = self._by_name(Ref(name=ref.name)) if ref.name else None
        if other is None or other.id is None or other.id == by_tax:
            return Found(by_tax, "tax_code")
        both = texts(
            "rejected/tax-code-and-name",
            tax_code=ref.tax_code,
            id=by_tax,
            known=self._names[by_tax],
            name=ref.name,
            other=other.id,
            other_name=self._names[other.id],
        )
        return Found(None, "tax_code", *both, also="name")

    def _tax_of(self, ent_id: str) -> str | None:
        if ent_id in self.created:
            return self.created[ent_id].get("tax_code")
        return getattr(self.enterprises.get(ent_id), "tax_code", None)

    def _create(self, ref: Ref) -> str:
        assert ref.name is not None
        new_id = ref.id or enterprise_id(ref.tax_code, ref.name)
        base, n = new_id, 1
        while new_id in self._names:
            n += 1
            new_id = f"{base}-{n}"
        record: dict[str, Any] = {"id": new_id, "name": ref.name}
        record["type"] = ref.type or legal_form_type(ref.name) or "other"
        if ref.tax_code:
            record["tax_code"] = ref.tax_code
        if ref.locality:
            record["locality"] = ref.locality
        self.created[new_id] = record
        self._index(new_id, ref.name, ref.tax_code, ref.locality)
        return new_id

    def _unknown_id(self, wanted: str) -> Found:
        hint = nearest(wanted, self._names)
        key = "rejected/unknown-id-hint" if hint else "rejected/unknown-id"
        return Found(None, "id", *texts(key, id=wanted, hint=hint))

    def _unresolved(self, ref: Ref) -> Found:
        if ref.tax_code is None and ref.name is None:
            return Found(None, "name", *texts("rejected/no-establishment"))
        tax = phrase("said_tax_code", code=ref.tax_code) if ref.tax_code else None
        name = f'"{ref.name}"' if ref.name else None
        said = phrase("said_either", first=tax, second=name) if tax and name else tax or name
        hint = nearest(ref.name, self._names.values()) if ref.name else None
        unmatched = texts(
            "rejected/unmatched",
            said=said,
            hint=texts("rejected/nearest", hint=hint) if hint else "",
        )
        return Found(None, "name" if ref.name else "tax_code", *unmatched)


@functools.lru_cache(maxsize=4096)
def _place_keys(text: str) -> frozenset[str]:
    """The places a locality text names, type words dropped (Thọ Xuân = Huyện Thọ Xuân)."""
    return frozenset({parse_part(part)[1] for part in split_text(text)} - {""})
