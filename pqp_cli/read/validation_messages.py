"""pydantic's validation errors → Problems with our codes, lines and en/vi messages.

No raw pydantic text reaches a user: each message is built from what the field allows.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from enum import Enum
from typing import Any, Protocol

from pydantic import BaseModel, ValidationError

from pqp_cli.core.messages import Texts, fill, record_field
from pqp_cli.core.messages.reading import LIST_OF
from pqp_cli.core.models import (
    ALLOWED,
    CONTROL_ERROR,
    ENUM_FIELDS,
    MODELS,
    OcopProduct,
    enum_allowed,
)
from pqp_cli.core.problems import Problem
from pqp_cli.core.text import nearest, visible


class Entry(Protocol):
    """What a message reads of the record (a `pqp_cli.read.loading.Entry`, which imports this
    module: named by its shape, not imported back)."""

    file: str
    id: str | None
    raw: Any

    def line_of(self, *path: Any) -> int: ...


_NESTED: dict[str, type[BaseModel]] = {"ocop_products": OcopProduct}
_ID_FIELDS = {"id", "enterprise", "unit", "participants"}


def _base_type(annotation: Any) -> Any:
    """The inner type of `X | None`, `Annotated[X, ...]` and `list[X]`."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        elif origin is list:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def allowed_for(model: type[BaseModel], name: str) -> tuple[str, str]:
    """What a field allows, in English and Vietnamese."""
    if name in ENUM_FIELDS:
        return enum_allowed(*ENUM_FIELDS[name])
    if name in _ID_FIELDS:
        return ALLOWED["id"]
    if name in ALLOWED:
        return ALLOWED[name]
    info = model.model_fields.get(name)
    base = _base_type(info.annotation) if info else str
    if base is dt.date:
        return ALLOWED["date"]
    if base is bool:
        return ALLOWED["bool"]
    if isinstance(base, type) and issubclass(base, Enum):
        names = ", ".join(e.value for e in base)
        return names, names
    return ALLOWED["text"]


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    text = visible(str(value))
    return f'"{text[:60]}…"' if len(text) > 60 else f'"{text}"'


def _model_at(kind: str, loc: tuple[Any, ...]) -> tuple[type[BaseModel], str]:
    """The model that owns the last field name in `loc`, and that name."""
    model: type[BaseModel] = MODELS[kind]
    names = [part for part in loc if isinstance(part, str)]
    for part in names[:-1]:
        model = _NESTED.get(part, model)
    return model, names[-1] if names else ""


def _field_path(loc: tuple[Any, ...], raw: dict[str, Any]) -> tuple[Any, ...]:
    """`loc` without pydantic's own tags (union members, validator names)."""
    path: list[Any] = []
    node: Any = raw
    for part in loc:
        if (
            isinstance(node, dict)
            and part in node
            or isinstance(node, list)
            and isinstance(part, int)
            and part < len(node)
        ):
            path.append(part)
            node = node[part]
        elif isinstance(part, str) and not path and part not in raw:
            path.append(part)  # a missing or unknown top-level field
            node = None
    return tuple(path) or loc[:1]


def problems_from_validation(kind: str, entry: Entry, exc: ValidationError) -> list[Problem]:
    record = entry.id or "?"
    problems: list[Problem] = []
    seen: set[tuple[Any, ...]] = set()
    for err in exc.errors():
        path = _field_path(tuple(err["loc"]), entry.raw)
        if path in seen:
            continue
        seen.add(path)
        model, name = _model_at(kind, path)
        shown = ".".join(str(p + 1) if isinstance(p, int) else p for p in path)
        line = entry.line_of(*path)
        params: dict[str, Any] = record_field(kind, record, shown)
        if err["type"] == "missing":
            key = "missing-field"
        elif err["type"] == "extra_forbidden":
            hint = nearest(name, model.model_fields)
            key = "unknown-field/hint" if hint else "unknown-field"
            params.update(hint=hint, known=", ".join(model.model_fields))
        else:
            key = "invalid-value"
            allowed = Texts(*allowed_for(model, name))
            if err["type"] in ("list_type", "too_short") and name in ("topics",):
                allowed = fill(LIST_OF, allowed=allowed)
            elif err["type"] == "list_type":
                allowed = Texts(*ALLOWED["list"])
            elif err["type"] in ("model_type", "dict_type"):
                allowed = Texts(*ALLOWED["mapping"])
            elif err["type"] == "value_error" and CONTROL_ERROR in str(err.get("ctx", {})):
                allowed = Texts(*ALLOWED["control"])
            params.update(got=_show(err.get("input")), allowed=allowed)
        problems.append(
            Problem.of(key, entry.file, line, record=entry.id, field=shown, kind=kind, **params)
        )
    return problems
