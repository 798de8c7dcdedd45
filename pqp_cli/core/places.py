"""The register of administrative units and the resolution of a locality text against one
province's: old districts and communes (to 2025-06-30), new communes and wards (from 2025-07-01).

The register is `pqp_cli/data/admin_units.json.gz` (made by scripts/gen_admin_units.py; its
source and licence are recorded in it; read in pqp_cli/core/provinces.py). Texts are cut into parts in
pqp_cli/core/placetext.py. docs/data.md gives the rules this module follows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pqp_cli.core.placetext import (
    DISTRICT_TYPES,
    NOTES,
    TYPE_CODES,
    TYPE_ONLY,
    Part,
    accented,
    below_register,
    cut_at_type_words,
    exact_key,
    name_key,
    ordered,
    parse_part,
    split_text,
)
from pqp_cli.core.problems import Problem
from pqp_cli.core.provinces import (
    nearest_provinces,
    province_key,
    province_names,
    register_data,
)

#: The day the district level was abolished and the merged communes took effect.
REFORM = dt.date(2025, 7, 1)

#: Where a commune is known but not which: "<district> (chưa rõ xã)".
NO_COMMUNE = "{district} (chưa rõ xã)"


@dataclass(frozen=True)
class Place:
    """A unit of the register. `district` is the old district it lies in (for a new unit, the
    one holding most of its area); `commune` the 2025 unit it is or became (None for a
    district); `straddles` the districts and their % of a new unit's area when it has two."""

    era: str  # "old" (to 2025-06-30) or "new" (from 2025-07-01)
    level: str  # "district" or "commune"
    type: str
    name: str
    district: str
    commune: str | None
    straddles: tuple[tuple[str, int], ...] = ()

    @property
    def code(self) -> str:
        return TYPE_CODES.get(self.type, "")

    @property
    def canonical(self) -> str:
        """The name to show: "Xã Xuân Hòa", "Huyện Thọ Xuân", "Thị trấn Lam Sơn, huyện Thọ Xuân"."""
        own = f"{self.type} {self.name}"
        if self.era == "old" and self.level == "commune":
            return f"{own}, {self.district[0].lower()}{self.district[1:]}"
        return own

    @property
    def by_commune(self) -> str:
        return self.commune or NO_COMMUNE.format(district=self.district)


@dataclass(frozen=True)
class Resolution:
    """A text resolved (`place`) or not: `ambiguous` when it could be several places (its
    `candidates`), `other_province` when a part names another province; `suggestions` are the
    candidates or the nearest names, looked up only when asked (a message is written)."""

    text: str
    place: Place | None
    candidates: tuple[str, ...] = ()
    ambiguous: bool = False
    other_province: str | None = None
    nearest: Callable[[], tuple[str, ...]] | None = field(default=None, compare=False, repr=False)

    @functools.cached_property
    def suggestions(self) -> tuple[str, ...]:
        if self.candidates or self.nearest is None:
            return self.candidates
        return self.nearest()


class Register:
    """One province's units, old and new, indexed by name key (built once per province).
    A province the register does not know gives an empty register (`known` is False)."""

    def __init__(self, province: str) -> None:
        data = register_data()
        key = province_key(province) or ""
        old_keys: list[str] = []
        new_keys: list[str] = []
        if key in data["old"]:
            old_keys.append(key)
            new_keys.append(data["old"][key]["new"])
        if key in data["new"]:
            new_keys.append(key)
            old_keys.extend(data["new"][key]["from"])
        self.key = key
        self.index: dict[str, list[Place]] = {}
        self._district_keys: dict[str, set[str]] = {}
        for pk in dict.fromkeys(old_keys):
            self._add_old(data, pk)
        for pk in dict.fromkeys(new_keys):
            self._add_new(data, pk)
        self._memo: dict[tuple[str, str | None], Resolution] = {}
        self._read_memo: dict[tuple[tuple[str, ...], str | None], Resolution] = {}
        self.provinces = {*old_keys, *new_keys}
        self._qualifiers = {k for keys in self._district_keys.values() for k in keys}
        self._by_length: dict[int, list[str]] | None = None

    @property
    def known(self) -> bool:
        return bool(self.index)

    @property
    def name(self) -> str:
        """The province's name ("Tỉnh Thanh Hóa"), as it was before the reform if it changed."""
        data = register_data()
        prov = data["old"].get(self.key) or data["new"].get(self.key) or {}
        return str(prov.get("name", ""))

    def _put(self, keys: list[str], place: Place) -> None:
        for k in dict.fromkeys(keys):
            self.index.setdefault(k, []).append(place)

    def _add_old(self, data: dict[str, Any], pk: str) -> None:
        prov, new = data["old"][pk], data["new"][data["old"][pk]["new"]]
        names = []
        for dtype, dname, aliases in prov["districts"]:
            full = f"{dtype} {dname}"
            names.append(full)
            self._district_keys[full] = {name_key(dname), *aliases}
            self._put(
                [name_key(dname), *aliases], Place("old", "district", dtype, dname, full, None)
            )
        for ctype, cname, d, aliases, targets in prov["communes"]:
            t, n = new["units"][targets[0]][:2]
            place = Place("old", "commune", ctype, cname, names[d], f"{t} {n}")
            self._put([name_key(cname), *aliases], place)

    def _add_new(self, data: dict[str, Any], pk: str) -> None:
        old = data["old"]
        for utype, uname, opk, d, shares in data["new"][pk]["units"]:
            own = f"{utype} {uname}"
            district = own if opk is None else _district_name(old[opk]["districts"][d])
            straddles = tuple(
                (_district_name(old[p]["districts"][di]), pct) for p, di, pct in shares or ()
            )
            self._put(
                [name_key(uname)], Place("new", "commune", utype, uname, district, own, straddles)
            )

    def district_matches(self, place: Place, qualifier: str) -> bool:
        """Whether `place` lies in (or, for a new unit, drew on) the district keyed `qualifier`."""
        districts = [place.district, *(d for d, _ in place.straddles)]
        return any(qualifier in self._district_keys.get(d, ()) for d in districts)

    def resolve(self, text: str, on: dt.date | None = None) -> Resolution:
        """The place `text` names (memoised per distinct text and era)."""
        era = None if on is None else ("old" if on < REFORM else "new")
        memo_key = (text, era)
        found = self._memo.get(memo_key)
        if found is None:
            found = self._memo[memo_key] = self._resolve(text, era)
        return found

    def _resolve(self, text: str, era: str | None) -> Resolution:
        texts = split_text(text)
        found = self._read_parts(text, texts, era)
        if found.place is not None or found.other_province is not None:
            return found
        # "Xã X - Huyện Y" (names may hold a dash: "Phan Rang - Tháp Chàm"), "xã X huyện Y"
        again = split_text(text, dashes=True)
        if len(again) == 1:
            again = cut_at_type_words(again[0])
        if again != texts:
            other = self._read_parts(text, again, era)
            if other.place is not None or other.other_province is not None:
                return other
        return found

    def _read_parts(self, text: str, texts: list[str], era: str | None) -> Resolution:
        """The parts read (memoised: "Thôn 1, X" and "Thôn 2, X" are read once)."""
        texts = list(texts)
        for i in range(len(texts) - 1):  # "Thôn 3, ...", "KCN Lễ Môn, ...": below the register
            if not self._below(texts[i]):
                break
            texts[i] = ""
        memo_key = (tuple(texts), era)
        found = self._read_memo.get(memo_key)
        if found is None:
            found = self._read_memo[memo_key] = self._read(text, texts, era)
        return found if found.text == text else dataclasses.replace(found, text=text)

    def _read(self, text: str, texts: list[str], era: str | None) -> Resolution:
        """The parts read in order: notes and this province set aside; a part that may be
        this province or its district of the same name tried as the district first."""
        parts: list[Part] = []
        maybe: Part | None = None
        for i, raw in enumerate(texts):
            part = parse_part(raw)
            if not part[1]:
                continue
            if part[0] is None and part[1] in NOTES:
                era = era or NOTES[part[1]]  # "(cũ)" dates the record before the reform
                continue
            if part[0] is None and part[1] in TYPE_ONLY and parts:
                parts[-1] = self._typed(parts[-1], part)  # "Yên Viên (Thị trấn)"
                continue
            province = self._province_part(part, i)
            if province == "other":
                return Resolution(text, None, other_province=raw.strip())
            if province == "maybe":
                maybe = part
            if province in ("maybe", None):
                parts.append(part)
        found = self._match(text, ordered(parts), era)
        if found.place is None and maybe is not None:
            return self._match(text, ordered([p for p in parts if p is not maybe]), era)
        return found

    def _typed(self, part: Part, type_part: Part) -> Part:
        """A part followed by "(Thị trấn)": the register's name when it has one so ("Phước
        Long (Thị trấn)", "Cao Lãnh (Thành phố)"), else a part of that type."""
        code, key, exact, full = part
        if key + type_part[1] in self.index:
            return code, key + type_part[1], exact + type_part[2], full + type_part[3]
        return (code or TYPE_ONLY[type_part[1]], key, exact, full)

    def _below(self, raw: str) -> bool:
        """ "Thôn 3", "KCN Lễ Môn": below the register (but "Bản Công" is a commune)."""
        if not below_register(raw):
            return False
        part = parse_part(raw)
        return not {part[1], part[3]} & self.index.keys()

    def _province_part(self, part: Part, i: int) -> str | None:
        """ "this" for ", tỉnh Thanh Hóa" or a later ", Thanh Hóa" (a first "Thanh Hóa" is the
        city), "maybe" when a district has that name too, "other" for another province."""
        code, key = part[0], part[1]
        if code not in ("tinh", None) or (code is None and i == 0):
            return None
        prov = province_names().get(key)
        if prov is None:
            return None
        if prov in self.provinces:
            return "maybe" if code is None and key in self._qualifiers else "this"
        return "other" if code == "tinh" or key not in self.index else None

    def _match(self, text: str, parts: list[Part], era: str | None) -> Resolution:
        if not parts:
            return Resolution(text, None)
        (code, key, exact, full), qualifier = parts[0], None
        if len(parts) > 1:
            qualifier = self._qualifier(parts[1])
        found = self._candidates(key, code, qualifier, era)
        if not found and code is not None:  # "Quan Hóa" is a district, not a quận named Hóa
            found = self._candidates(full, None, qualifier, era)
        if found:
            written = exact if accented(text) else None  # "Xa Nga Thanh" could be Nga Thành
            return _decide(text, found, written, era, qualifier is not None)
        return Resolution(text, None, nearest=functools.partial(self.suggest, key, qualifier))

    def _qualifier(self, part: Part) -> Part:
        """A later part read as a district: ", Quan Hóa" is Huyện Quan Hóa, not a quận Hóa."""
        if part[1] not in self._qualifiers and part[3] in self._qualifiers:
            return (None, part[3], part[2], part[3])
        return part

    def _candidates(
        self, key: str, code: str | None, qualifier: Part | None, era: str | None
    ) -> list[Place]:
        found = list(self.index.get(key, ()))
        if code is not None:
            exact = [p for p in found if p.code == code]
            level = "district" if code in DISTRICT_TYPES else "commune"
            found = exact or [p for p in found if p.level == level]
        elif qualifier is not None:
            found = [p for p in found if p.level == "commune"]
        elif era != "new" and any(p.level == "district" for p in found):
            # a bare old district's name means the district (before the reform)
            found = [p for p in found if p.level == "district"]
        if qualifier is not None:
            found = [p for p in found if self.district_matches(p, qualifier[1])]
        return found

    def suggest(self, key: str, qualifier: Part | None) -> tuple[str, ...]:
        """The nearest names in the register (three at most, ratio 0.75 or more)."""
        if self._by_length is None:
            self._by_length = {}
            for k in self.index:
                self._by_length.setdefault(len(k), []).append(k)
        # a ratio 2M/(a+b) >= 0.75 needs the lengths within 3:5 of each other
        n = len(key)
        keys = [
            k for m, ks in self._by_length.items() if 3 * m <= 5 * n and 3 * n <= 5 * m for k in ks
        ]
        from rapidfuzz import fuzz, process  # only when a name is not found: ~15 ms of a start

        found = process.extract(key, keys, scorer=fuzz.ratio, limit=3, score_cutoff=75)
        near = [k for k, _, _ in found]
        places = [p for k in near for p in self.index[k]]
        if qualifier is not None:
            places = [p for p in places if self.district_matches(p, qualifier[1])] or places
        return tuple(dict.fromkeys(p.canonical for p in places))[:5]


def _decide(
    text: str, found: list[Place], exact: str | None, era: str | None, qualified: bool
) -> Resolution:
    """One place among the candidates: the ones written with the same diacritics first, then
    by the record's era (a district named beside a commune dates it before the reform), then
    by agreeing ancestry; candidates left that are different places make it ambiguous."""
    found = [p for p in found if exact_key(p.name) == exact] or found
    era = era or ("old" if qualified else None)
    if era is not None:
        found = [p for p in found if p.era == era or p.level == "district"] or found
    news = {p.commune for p in found if p.era == "new"}
    if era is None and len(news) == 1:
        # an old commune merged into the new one of its name: the two agree on the district
        agree = [p for p in found if p.commune in news and p.level == "commune"]
        if len(agree) > 1:
            found = agree

    def rank(p: Place) -> tuple[bool, bool]:
        return p.era != (era or "new"), p.level == "district"

    first = min(rank(p) for p in found)
    tier = [p for p in found if rank(p) == first]
    if len({p.district for p in found}) == 1 and len({(p.district, p.commune) for p in tier}) == 1:
        return Resolution(text, tier[0])
    names = tuple(dict.fromkeys(p.canonical for p in sorted(found, key=rank)))
    return Resolution(text, None, names, ambiguous=True)


def _district_name(row: list[Any]) -> str:
    return f"{row[0]} {row[1]}"


@functools.lru_cache(maxsize=8)
def register_for(province: str) -> Register:
    """The register of the province named (memoised: built once per province)."""
    return Register(province)


def province_problem(province: str | None, file: str, line: int | None) -> Problem | None:
    """A `plan.province` the register does not know: a warning naming the nearest provinces
    (localities are then not checked and cannot be grouped by district or commune)."""
    if not province or register_for(province).known:
        return None
    near = nearest_provinces(province)
    key = "unknown-locality/province-near" if near else "unknown-locality/province"
    return Problem.of(key, file, line, field="province", province=province, near="; ".join(near))
