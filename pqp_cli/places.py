"""The register of administrative units and the resolution of a locality text against one
province's: old districts and communes (to 2025-06-30), new communes and wards (from 2025-07-01).

The register is `pqp_cli/data/admin_units.json.gz` (made by scripts/gen_admin_units.py; its
source and licence are recorded in it). docs/data.md gives the rules this module follows.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import gzip
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any

from pqp_cli.text import fold

#: The day the district level was abolished and the merged communes took effect.
REFORM = dt.date(2025, 7, 1)

DISTRICT_TYPES = ("huyen", "thixa", "thanhpho", "quan")
_TYPE_CODES = {
    "Huyện": "huyen",
    "Thị xã": "thixa",
    "Thành phố": "thanhpho",
    "Quận": "quan",
    "Xã": "xa",
    "Phường": "phuong",
    "Thị trấn": "thitran",
    "Đặc khu": "dackhu",
}
# type words as written (folded tokens) → type code; "tinh" marks the province
_TYPE_WORDS: list[tuple[tuple[str, ...], str]] = [
    (("thi", "xa"), "thixa"),
    (("thi", "tran"), "thitran"),
    (("thanh", "pho"), "thanhpho"),
    (("dac", "khu"), "dackhu"),
    (("huyen",), "huyen"),
    (("h",), "huyen"),
    (("tx",), "thixa"),
    (("tp",), "thanhpho"),
    (("quan",), "quan"),
    (("q",), "quan"),
    (("tt",), "thitran"),
    (("xa",), "xa"),
    (("x",), "xa"),
    (("phuong",), "phuong"),
    (("p",), "phuong"),
    (("tinh",), "tinh"),
]
_TOKENS = re.compile(r"[a-z0-9]+")
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
        return _TYPE_CODES.get(self.type, "")

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
    """A text resolved (`place`) or not (`suggestions`: the nearest names, `ambiguous` when
    the text could be places in two districts)."""

    text: str
    place: Place | None
    suggestions: tuple[str, ...] = ()
    ambiguous: bool = False


@functools.lru_cache(maxsize=1)
def register_data() -> dict[str, Any]:
    """The whole register as stored (read once)."""
    raw = resources.files("pqp_cli").joinpath("data/admin_units.json.gz").read_bytes()
    data: dict[str, Any] = json.loads(gzip.decompress(raw))
    return data


def name_key(text: str) -> str:
    """Letters and digits only, case and diacritics set aside: "Thọ  Xuân" → "thoxuan"."""
    return "".join(_TOKENS.findall(fold(text)))


def exact_key(text: str) -> str:
    """Like name_key but keeping diacritics (a tie-break between names that fold alike)."""
    text = unicodedata.normalize("NFC", text).casefold()
    return "".join(c for c in text if c.isalnum())


#: A comma-separated part of a locality: type code or None, name key, the name's exact key, and
#: the key of the whole part (type words included).
Part = tuple[str | None, str, str, str]


def parse_part(part: str) -> Part:
    """One comma-separated part of a locality text, its type words recognised."""
    words = re.findall(r"\w+", unicodedata.normalize("NFC", part).casefold())
    tokens = [name_key(w) for w in words]
    for type_words, code in _TYPE_WORDS:
        n = len(type_words)
        if tuple(tokens[:n]) == type_words and len(tokens) > n:
            return code, "".join(tokens[n:]), "".join(words[n:]), "".join(tokens)
    return None, "".join(tokens), "".join(words), "".join(tokens)


def province_key(text: str) -> str | None:
    """The register's key for a province named in `text` ("UBND tỉnh Thanh Hóa" → "thanhhoa"):
    the longest province name or former name the text ends with."""
    joined = name_key(text)
    data = register_data()
    best: str | None = None
    best_len = 0
    for era in ("old", "new"):
        for key, prov in data[era].items():
            for k in (key, *prov["aliases"]):
                if joined.endswith(k) and len(k) > best_len:
                    best, best_len = key, len(k)
    return best


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
        parts = [parse_part(p) for p in text.split(",")]
        parts = [
            (None, p[3], p[2], p[3]) if p[0] == "tinh" else p
            for i, p in enumerate(parts)
            if p[1] and not self._is_province(p, i)
        ]
        if not parts:
            return Resolution(text, None, ())
        if len(parts) > 1 and parts[0][0] is None and parts[1][0] not in (None, *DISTRICT_TYPES):
            parts = parts[1:]  # "Thôn 3, xã X, huyện Y": the village is not in the register
        (code, key, exact, full), qualifier = parts[0], parts[1] if len(parts) > 1 else None
        found = self._candidates(key, code, qualifier, era)
        if not found and code is not None:  # "Quan Hóa" is a district, not a quận named Hóa
            found = self._candidates(full, None, qualifier, era)
        if found:
            return _decide(text, found, exact, era, qualifier is not None)
        return Resolution(text, None, self.suggest(key, qualifier))

    def _is_province(self, part: Part, i: int) -> bool:
        """ ", tỉnh Thanh Hóa" or a later ", Thanh Hóa" (a first "Thanh Hóa" is the city)."""
        if part[0] == "tinh":
            return part[1] in register_data()["old"] or part[1] in register_data()["new"]
        return i > 0 and part[0] is None and part[1] == self.key

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
        """The nearest names in the register (three at most)."""
        near = difflib.get_close_matches(key, list(self.index), n=3, cutoff=0.75)
        places = [p for k in near for p in self.index[k]]
        if qualifier is not None:
            places = [p for p in places if self.district_matches(p, qualifier[1])] or places
        return tuple(dict.fromkeys(p.canonical for p in places))[:5]


def _decide(
    text: str, found: list[Place], exact: str, era: str | None, qualified: bool
) -> Resolution:
    """One place among the candidates: by the record's era (a district named beside a commune
    dates it before the reform), then by agreeing ancestry, then by the name's exact
    diacritics; candidates left in two districts make the text ambiguous."""
    era = era or ("old" if qualified else None)
    if era is not None:
        found = [p for p in found if p.era == era or p.level == "district"] or found
    news = {p.commune for p in found if p.era == "new"}
    if era is None and len(news) == 1:
        # an old commune merged into the new one of its name: the two agree on the district
        agree = [p for p in found if p.commune in news and p.level == "commune"]
        if len(agree) > 1:
            found = agree
    if len({(p.district, p.commune) for p in found}) > 1:
        found = [p for p in found if exact_key(p.name) == exact] or found
    if len({p.district for p in found}) == 1:
        best = min(found, key=lambda p: (p.era != (era or "new"), p.level == "district"))
        return Resolution(text, best)
    names = tuple(dict.fromkeys(p.canonical for p in found))
    return Resolution(text, None, names, ambiguous=True)


def _district_name(row: list[Any]) -> str:
    return f"{row[0]} {row[1]}"


@functools.lru_cache(maxsize=8)
def register_for(province: str) -> Register:
    """The register of the province named (memoised: built once per province)."""
    return Register(province)
