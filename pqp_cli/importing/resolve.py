"""Which establishment a row names: by id, tax code, then normalised name; `--create-missing`."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from pqp_cli.core.placetext import parse_part, split_text
from pqp_cli.core.text import (
    forms_agree,
    legal_form,
    legal_form_type,
    name_key,
    name_key_folded,
    nearest,
)


@dataclass(frozen=True)
class Ref:
    """What a row says about its establishment; `column` is the column key each came from."""

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

    def resolve(self, ref: Ref) -> Found:
        """By id, else tax code, else name; unresolved → created (`--create-missing`) or why not."""
        found = self._memo.get(ref)
        if found is None:
            found = self._memo[ref] = self._resolve(ref)
        return found

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
            return Found(
                None,
                "name",
                f'"{ref.name}" matches several establishments: {listed}; give its id or tax code',
                f'"{ref.name}" khớp nhiều cơ sở: {listed}; hãy ghi mã cơ sở hoặc mã số thuế',
            )
        found_id = matches[0]
        other_tax = self._tax_of(found_id)
        if ref.tax_code and other_tax and other_tax != ref.tax_code:
            return Found(
                None,
                "tax_code",
                f'no establishment has tax code {ref.tax_code}; "{ref.name}" is {found_id},'
                f" whose tax code is {other_tax}",
                f'không cơ sở nào có mã số thuế {ref.tax_code}; "{ref.name}" là {found_id},'
                f" có mã số thuế {other_tax}",
            )
        if exact:
            return Found(found_id, "name")
        return Found(
            found_id,
            "name",
            f'"{ref.name}" taken as {found_id} ("{self._names[found_id]}"), the only name that'
            " matches once diacritics are set aside; check it",
            f'"{ref.name}" được hiểu là {found_id} ("{self._names[found_id]}"), tên duy nhất khớp'
            " khi bỏ dấu; hãy kiểm tra",
            warning=True,
        )

    def _differs(self, ref: Ref, ent_id: str) -> tuple[str, str, str] | None:
        """How `ent_id` is not the establishment `ref` names though the names match: their
        legal forms or their localities differ (en, vi, the two values), else None."""
        assert ref.name is not None
        name = self._names[ent_id]
        if not forms_agree(ref.name, name):
            pair = f"{(legal_form(ref.name) or ('',))[0]}, {(legal_form(name) or ('',))[0]}"
            return "the legal forms differ", "loại hình pháp lý khác nhau", pair
        place = self._places.get(ent_id)
        if ref.locality and place and not _place_keys(ref.locality) & _place_keys(place):
            return "the localities differ", "địa bàn khác nhau", f"{ref.locality}, {place}"
        return None

    def _not_it(self, ref: Ref, ent_id: str) -> Found:
        differs = self._differs(ref, ent_id)
        assert differs is not None
        en, vi, pair = differs
        return Found(
            None,
            "name",
            f'"{ref.name}" is not {ent_id} ("{self._names[ent_id]}"): {en} ({pair}); add it to'
            " the enterprises or pass --create-missing",
            f'"{ref.name}" không phải {ent_id} ("{self._names[ent_id]}"): {vi} ({pair}); hãy'
            " thêm vào danh sách cơ sở hoặc dùng --create-missing",
        )

    def _by_tax_and_name(self, by_tax: str, ref: Ref) -> Found:
        """The establishment of a tax code, unless the name beside it is another one."""
        other = self._by_name(Ref(name=ref.name)) if ref.name else None
        if other is None or other.id is None or other.id == by_tax:
            return Found(by_tax, "tax_code")
        return Found(
            None,
            "tax_code",
            f'tax code {ref.tax_code} is {by_tax} ("{self._names[by_tax]}"), but the name'
            f' "{ref.name}" beside it is {other.id} ("{self._names[other.id]}"): the two cells'
            " name different establishments; correct one of them",
            f'mã số thuế {ref.tax_code} là {by_tax} ("{self._names[by_tax]}"), nhưng tên'
            f' "{ref.name}" bên cạnh là {other.id} ("{self._names[other.id]}"): hai ô chỉ hai'
            " cơ sở khác nhau; hãy sửa một trong hai",
            also="name",
        )

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
        en = f"no establishment with id {wanted} in the data"
        vi = f"không có cơ sở mã {wanted} trong dữ liệu"
        if hint:
            en, vi = f"{en} (did you mean {hint}?)", f"{vi} (có phải {hint}?)"
        return Found(None, "id", en, vi)

    def _unresolved(self, ref: Ref) -> Found:
        if ref.tax_code is None and ref.name is None:
            return Found(
                None,
                "name",
                "no establishment given: fill its id, tax code or name",
                "chưa ghi cơ sở: hãy điền mã cơ sở, mã số thuế hoặc tên",
            )
        said_en = " or ".join(
            s
            for s in (ref.tax_code and f"tax code {ref.tax_code}", ref.name and f'"{ref.name}"')
            if s
        )
        said_vi = said_en.replace("tax code", "mã số thuế").replace(" or ", " hoặc ")
        en = f"no establishment in the data matches {said_en}"
        vi = f"không cơ sở nào trong dữ liệu khớp {said_vi}"
        hint = nearest(ref.name, self._names.values()) if ref.name else None
        if hint:
            en, vi = f'{en} (nearest: "{hint}")', f'{vi} (gần nhất: "{hint}")'
        en += "; add it to the enterprises or pass --create-missing"
        vi += "; hãy thêm vào danh sách cơ sở hoặc dùng --create-missing"
        return Found(None, "name" if ref.name else "tax_code", en, vi)


def _place_keys(text: str) -> set[str]:
    """The places a locality text names, type words dropped (Thọ Xuân = Huyện Thọ Xuân)."""
    return {parse_part(part)[1] for part in split_text(text)} - {""}
