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

from pqp_cli.core.models import (
    ALLOWED,
    CONTROL_ERROR,
    ENUM_FIELDS,
    MODELS,
    NOUN_VI,
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
    what = f"{kind[:-1]} {record}"
    what_vi = f"{NOUN_VI[kind]} {record}"
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
        if err["type"] == "missing":
            code = "missing-field"
            en = f'{what}: field "{shown}" is missing; add it'
            vi = f'{what_vi}: thiếu trường "{shown}"; hãy bổ sung'
        elif err["type"] == "extra_forbidden":
            code = "unknown-field"
            hint = nearest(name, model.model_fields)
            known = ", ".join(model.model_fields)
            en = f'{what}: unknown field "{shown}"' + (
                f' (did you mean "{hint}"?)' if hint else f"; known fields: {known}"
            )
            vi = f'{what_vi}: trường không xác định "{shown}"' + (
                f' (có phải "{hint}"?)' if hint else f"; các trường hợp lệ: {known}"
            )
        else:
            code = "invalid-value"
            allowed_en, allowed_vi = allowed_for(model, name)
            if err["type"] in ("list_type", "too_short") and name in ("topics",):
                allowed_en = f"a list of at least one of: {allowed_en}"
                allowed_vi = f"danh sách có ít nhất một trong: {allowed_vi}"
            elif err["type"] == "list_type":
                allowed_en, allowed_vi = ALLOWED["list"]
            elif err["type"] in ("model_type", "dict_type"):
                allowed_en, allowed_vi = ALLOWED["mapping"]
            elif err["type"] == "value_error" and CONTROL_ERROR in str(err.get("ctx", {})):
                allowed_en, allowed_vi = ALLOWED["control"]
            got = _show(err.get("input"))
            en = f'{what}: field "{shown}" has {got}; allowed: {allowed_en}'
            vi = f'{what_vi}: trường "{shown}" có giá trị {got}; cho phép: {allowed_vi}'
        problems.append(
            Problem(code, entry.file, line, en, vi, record=entry.id, field=shown, kind=kind)
        )
    return problems
