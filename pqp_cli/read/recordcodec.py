"""Records to plain values and back, for the cache: marshal-able, and rebuilt without validation.

A cached record was validated when its file was read; reading it back only has to rebuild the
same pydantic instance (`__dict__` and fields set), which is several times cheaper than pickle
and than `model_construct` (measured in `ModelCodec._decoder`). The codec of each model is derived from its field annotations, so
a field added to `models.py` needs nothing here; a type it cannot encode raises `Unsupported`,
and such a record simply is not cached.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable
from enum import Enum
from operator import attrgetter, itemgetter
from typing import Annotated, Any

from pydantic import BaseModel

Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]


class Unsupported(Exception):
    """A value the codec cannot turn into plain values (the record is then not cached)."""


def _strip(tp: Any) -> Any:
    while typing.get_origin(tp) is Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _codec(tp: Any) -> Codec | None:
    """(encode, decode) for values of type `tp`; None when the value is plain already.

    Decoders never see None: `ModelCodec` passes None through itself.
    """
    tp = _strip(tp)
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) != 1:
            raise Unsupported(tp)
        inner = _codec(args[0])
        if inner is None:
            return None
        enc, dec = inner
        return (lambda v: None if v is None else enc(v)), dec
    if origin is list:
        inner = _codec(typing.get_args(tp)[0])
        if inner is None:
            return None
        enc, dec = inner
        return (lambda v: [enc(x) for x in v]), (lambda v: [dec(x) for x in v])
    if tp is dt.date:
        return dt.date.toordinal, dt.date.fromordinal
    if isinstance(tp, type) and issubclass(tp, Enum):
        return attrgetter("value"), {m.value: m for m in tp}.__getitem__
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        codec = ModelCodec(tp)
        return codec.encode, codec.decode
    if tp in (str, int, bool):
        return None
    raise Unsupported(tp)


def _required(tp: Any) -> Any:
    """`X` of an optional `X | None` (else `tp` as it is)."""
    tp = _strip(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


#: Fields sets kept per model with their masks (a few layouts in any real dataset).
_MASKS_KEPT = 4096

_new = object.__new__
_set = object.__setattr__


class ModelCodec:
    """One model's codec: an instance ↔ (fields-set mask, value, value, ...)."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.model = model
        self.names = tuple(model.model_fields)
        self.codecs = [_codec(f.annotation) for f in model.model_fields.values()]
        self.bits = {name: 1 << i for i, name in enumerate(self.names)}
        self._sets: dict[int, frozenset[str]] = {}
        self._masks: dict[tuple[str, ...], int] = {}  # fields set, as it iterates → its mask
        # Every field's value at once (a tuple: itemgetter of one name gives the bare value).
        getter = itemgetter(*self.names)
        self._values: Callable[[dict[str, Any]], tuple[Any, ...]] = (
            getter if len(self.names) > 1 else lambda values: (getter(values),)
        )
        # A field's encoder without its optional's None test: `encode` passes None itself.
        plain = [_codec(_required(f.annotation)) for f in model.model_fields.values()]
        self._coded = [(i + 1, c[0]) for i, c in enumerate(plain) if c is not None]
        self.decode: Callable[[tuple[Any, ...]], Any] = self._decoder()

    def encode(self, obj: BaseModel) -> tuple[Any, ...]:
        if type(obj) is not self.model or obj.__pydantic_extra__ or obj.__pydantic_private__:
            raise Unsupported(type(obj))
        values = obj.__dict__
        named = tuple(obj.__pydantic_fields_set__)  # (records of a file set the same fields)
        mask = self._masks.get(named)
        if mask is None:
            mask = sum(map(self.bits.__getitem__, named))
            if len(self._masks) < _MASKS_KEPT:
                self._masks[named] = mask
        if not self._coded:
            return (mask, *self._values(values))
        row = [mask, *self._values(values)]
        for at, enc in self._coded:  # only the fields that need encoding (dates, enums, models)
            if (value := row[at]) is not None:
                row[at] = enc(value)
        return tuple(row)

    def _decoder(self) -> Callable[[tuple[Any, ...]], Any]:
        """A function made for this model: each field's decoder chosen once, not per record.

        It fills the instance as pydantic's own validation leaves it (`__dict__` and the
        fields set), which `model_construct` would do too, but at 3.5 times the cost: 1.7 s
        against 0.5 s for the 100,000 records of a national benchmark dataset, and rebuilding
        records is the warm path's main cost. (A function generated with `exec`, each
        decoder inlined, was 25 % faster still; not worth generated code.) The plain values are
        zipped in at once and only the fields that need it decoded one by one."""
        model, sets, names = self.model, self._sets, self.names
        coded = [
            (name, i + 1, codec[1])
            for i, (name, codec) in enumerate(zip(names, self.codecs, strict=True))
            if codec is not None
        ]

        def decode(row: tuple[Any, ...]) -> Any:
            obj = _new(model)
            values = dict(zip(names, row[1:], strict=True))  # plain values as they are
            for name, i, dec in coded:
                value = row[i]
                if value is not None:
                    values[name] = dec(value)
            fields_set = sets.get(row[0])
            _set(obj, "__dict__", values)
            _set(obj, "__pydantic_fields_set__", set(fields_set or self._fields_set(row[0])))
            _set(obj, "__pydantic_extra__", None)
            _set(obj, "__pydantic_private__", None)
            return obj

        return decode

    def _fields_set(self, mask: int) -> frozenset[str]:
        found = self._sets.get(mask)
        if found is None:
            found = frozenset(n for n, bit in self.bits.items() if mask & bit)
            self._sets[mask] = found
        return found
