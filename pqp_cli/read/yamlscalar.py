"""The values of `yamlfast`'s subset, one at a time: what follows `key: ` or `- ` on a line.

A plain, 'single' or "double" quoted scalar (libyaml's common escapes) or a one-line flow list
of such scalars; anything else raises GiveUp, and the file is read through libyaml instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pqp_cli.core.text import CONTROL, clean

_PLAIN_NULLS = frozenset({"~", "null", "Null", "NULL"})
#: A plain scalar may not start with these (indicators); a value may not start with a space.
_BAD_START = frozenset("-?:,[]{}#&*!|>%@` \t")
Scalar = Callable[[str], str] | None


#: A flow list's plain item may hold none of these (flow indicators, a comment, a colon).
_FLOW_UNSAFE = re.compile(r"[\[\]{}#:]")
#: libyaml's one-character escapes in double quotes, but `\/` and `\'` (not in every version).
_ESCAPES = {
    "0": "\0",
    "a": "\a",
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "v": "\v",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    " ": " ",
    '"': '"',
    "\\": "\\",
    "N": "\x85",
    "_": "\xa0",
    "L": "\u2028",
    "P": "\u2029",
}
_HEX = {"x": re.compile("[0-9a-fA-F]{2}"), "u": re.compile("[0-9a-fA-F]{4}"),
        "U": re.compile("[0-9a-fA-F]{8}")}  # fmt: skip
_QUOTE_OR_ESCAPE = re.compile(r'["\\]')
_FLOW_END = re.compile(r"[,\]]")


class GiveUp(Exception):
    """The text is outside the fast path's subset: read it through libyaml instead."""


#: The value of `key: # note`: nothing on this line (a tuple, so one check finds it and lists).
EMPTY: tuple[Any, ...] = tuple(["(a comment)"])


def single(text: str, at: int) -> tuple[str, int, bool]:
    """The 'single-quoted' scalar opening at `at`: its value, the index past it, False."""
    start = at + 1
    while True:
        at = text.find("'", at + 1)
        if at < 0:
            raise GiveUp  # runs on to another line
        if text[at + 1 : at + 2] != "'":
            return text[start:at].replace("''", "'"), at + 1, False
        at += 1


def double(text: str, at: int) -> tuple[str, int, bool]:
    """The "double-quoted" scalar opening at `at`: its value, the index past it, and whether
    it held an escape. Escapes are libyaml's; an unusual one gives up."""
    close = text.find('"', at + 1)
    escape = text.find("\\", at + 1)
    if escape < 0 or 0 <= close < escape:
        if close < 0:
            raise GiveUp
        return text[at + 1 : close], close + 1, False
    parts = []
    at += 1
    while True:
        found = _QUOTE_OR_ESCAPE.search(text, at)
        if found is None:
            raise GiveUp
        end = found.start()
        parts.append(text[at:end])
        if text[end] == '"':
            return "".join(parts), end + 1, True
        kind = text[end + 1 : end + 2]
        if kind in _ESCAPES:
            parts.append(_ESCAPES[kind])
            at = end + 2
            continue
        digits = _HEX[kind].match(text, end + 2) if kind in _HEX else None
        code = int(digits.group(), 16) if digits else -1
        if code < 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            raise GiveUp  # not an escape libyaml takes
        parts.append(chr(code))
        at = digits.end()  # type: ignore[union-attr]


def tail(text: str, at: int) -> None:
    """Past a quoted scalar or a flow list, only a comment may follow."""
    if at < len(text) and (text[at] != " " or text[at:].lstrip(" ")[:1] != "#"):
        raise GiveUp


def flow_plain(text: str) -> str:
    """A plain item of a flow list, checked: what libyaml reads the same in every version."""
    if not text or text[0] in _BAD_START or _FLOW_UNSAFE.search(text) is not None:
        raise GiveUp
    return text


#: In a file's `seen` (`value_of`): there when a value made by escapes holds a control
#: character (kept as written, for validation to refuse). NUL keys it: no text the fast
#: reader reads holds one.
KEPT_CONTROL = "\x00"


def _cleaned(
    value: str, scalar: Scalar, escaped: bool = False, seen: dict[str, Any] | None = None
) -> str:
    """`scalar(value)`, as the event walker applies it.

    `clean` leaves one-line ASCII text without double spaces or spaces at either end as it is:
    the call is skipped then. A value made by escapes may hold any character: one with a
    control character is kept as written (the walker's rule, noted in `seen`), any other
    always cleaned.
    """
    if escaped and CONTROL.search(value) is not None:
        if seen is not None:
            seen[KEPT_CONTROL] = True
        return value
    if scalar is None:
        return value
    if escaped:
        return scalar(value)
    if (
        scalar is not clean
        or not value.isascii()
        or "  " in value
        or value[:1] == " "
        or value[-1:] == " "
    ):
        return scalar(value)
    return value


def value_of(rest: str, scalar: Scalar, seen: dict[str, Any]) -> Any:
    """What follows `key: ` or `- ` (no space at the end): a scalar's value, a flow list as a
    tuple, or EMPTY (nothing but a comment); anything else gives up.

    `seen` remembers each text's value within a file: dates, enums and names repeat a lot.
    """
    first = rest[0]
    if first == " ":
        value = value_of(rest.lstrip(" "), scalar, seen)
    elif first == "#":
        value = EMPTY
    elif first == "'" or first == '"':
        text, end, escaped = single(rest, 0) if first == "'" else double(rest, 0)
        tail(rest, end)
        value = _cleaned(text, scalar, escaped, seen)
    elif first == "[":
        value = _flow(rest, scalar, seen)
    else:
        text = rest.partition(" #")[0].rstrip(" ")
        if first in _BAD_START or ": " in text or text[-1] == ":":
            raise GiveUp
        # `_cleaned`'s shortcut, inline: a plain scalar has no space at either end
        kept = scalar is clean and text.isascii() and "  " not in text
        value = None if text in _PLAIN_NULLS else text if kept else _cleaned(text, scalar)
    seen[rest] = value
    return value


def _flow(rest: str, scalar: Scalar, seen: dict[str, Any]) -> tuple[Any, ...]:
    """A one-line flow list of scalars (`[a, 'b, c']`), its values as a tuple.

    Read by splitting at commas, each item whole: a plain one, or one quoted with no quote of
    its kind inside (what people write: `[TH-01, "TH-02"]`). An item that is not that (a
    quote holding a comma or `]`, `''`, an escape) has the list read character by character
    (`_flow_quoted`). Items are looked up in `seen` first: a plain item once it is known
    free of `[]{}#:` (every such text there was checked as a plain scalar, or as a flow
    item, before it was kept), a quoted one by its text with its quotes once it is known to
    be one quoted text (a value's text in `seen` may go on with a comment: `'a' # b`)."""
    close = rest.find("]")
    if close < 0:
        raise GiveUp
    inner = rest[1:close]
    quoted = "'" in inner or '"' in inner
    if quoted and "\\" in inner:
        return _flow_quoted(rest, scalar, seen)
    safe = _FLOW_UNSAFE.search(inner) is None
    values = []
    for part in inner.split(",") if inner.strip(" ") else ():
        text = part.strip(" ")
        first = text[:1]
        quote = first == "'" or first == '"'
        if quote and (len(text) < 2 or text[-1] != first or first in text[1:-1]):
            return _flow_quoted(rest, scalar, seen)  # (checked first: `'a' # b` is in `seen`)
        value = seen.get(text, GiveUp) if safe or quote else GiveUp
        if value is GiveUp:
            if quote:
                value = _cleaned(text[1:-1], scalar, False, seen)
            else:
                text = text if safe and first and first not in _BAD_START else flow_plain(text)
                value = None if text in _PLAIN_NULLS else _cleaned(text, scalar)
            seen[text] = value
        values.append(value)
    tail(rest, close + 1)
    return tuple(values)


def _flow_quoted(rest: str, scalar: Scalar, seen: dict[str, Any]) -> tuple[Any, ...]:
    """A flow list with quoted items, read item by item."""
    values: list[Any] = []
    at = 1
    while True:
        while rest[at : at + 1] == " ":
            at += 1
        first = rest[at : at + 1]
        if first == "]" and not values:
            break
        if first == "'" or first == '"':
            text, at, escaped = single(rest, at) if first == "'" else double(rest, at)
            values.append(_cleaned(text, scalar, escaped, seen))
        else:
            found = _FLOW_END.search(rest, at)
            if found is None:
                raise GiveUp  # runs on to another line
            text = flow_plain(rest[at : found.start()].rstrip(" "))
            values.append(None if text in _PLAIN_NULLS else _cleaned(text, scalar))
            at = found.start()
        while rest[at : at + 1] == " ":
            at += 1
        if rest[at : at + 1] == "]":
            break
        if rest[at : at + 1] != ",":
            raise GiveUp
        at += 1
    tail(rest, at + 1)
    return tuple(values)
