"""Data text made inert for Markdown: no tags, no links, no control characters."""

from __future__ import annotations

from typing import Any

from pqp_cli.yamlread import CONTROL

#: What Markdown (and the HTML it may carry) reads as markup: each is written as an entity.
_MARKUP = {c: f"&#{ord(c)};" for c in "<>[]"}


def text(x: Any) -> str:
    """`x` as text that renders as itself in Markdown (tags and link syntax as entities)."""
    plain = CONTROL.sub("", "" if x is None else str(x))
    return "".join(_MARKUP.get(c, c) for c in plain)


def inert(value: Any) -> Any:
    """A JSON-like document with every string made inert (for Markdown built from it)."""
    if isinstance(value, str):
        return text(value)
    if isinstance(value, dict):
        return {k: inert(v) for k, v in value.items()}
    if isinstance(value, list):
        return [inert(v) for v in value]
    return value
