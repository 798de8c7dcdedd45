"""Data text made inert for Markdown: no tags, no links, no control characters."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar, cast

from pqp_cli.read.yamlread import CONTROL

T = TypeVar("T")

#: What Markdown (and the HTML it may carry) reads as markup: each is written as an entity;
#: a backslash too (it could escape what follows), and `|` is escaped so it never splits a
#: table cell; line breaks become spaces (a cell, a heading or a list item stays one line).
_MARKUP = {c: f"&#{ord(c)};" for c in "<>[]\\"}
_MARKUP.update({"|": "\\|", "\n": " ", "\r": " ", "\u2028": " ", "\u2029": " ", "\x85": " "})


def text(x: Any) -> str:
    """`x` as text that renders as itself anywhere in Markdown, table cells included: the one
    escaping every Markdown output uses (status, explain, diff, the report, the step summary)."""
    plain = CONTROL.sub("", "" if x is None else str(x).replace("\r\n", "\n").replace("\r", "\n"))
    return "".join(_MARKUP.get(c, c) for c in plain)


def inert(value: T) -> T:
    """A document (pqp_cli.figures.documents) with every string made inert: its fields',
    the keys of its mappings (locality names) and the items of its lists."""
    return cast(T, _inert(value))


def _inert(value: Any) -> Any:
    if isinstance(value, str):
        return text(value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _inert(getattr(value, f.name)) for f in fields(value)})
    if isinstance(value, dict):
        return {text(k) if isinstance(k, str) else k: _inert(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_inert(v) for v in value]
    return value
