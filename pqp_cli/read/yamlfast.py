"""The fast path of `yamlread`: data files as people write them, read line by line.

Data files are block-style lists of mappings with one value a line: a plain, 'single' or
"double" quoted scalar (the common escapes), or a one-line flow list of such scalars
(`topics: [standards, 'a, b']`), with comments on their own lines or after a value, blank
lines, and list items at their key's indentation or indented. `fast_parse` reads exactly that
subset, several times faster than libyaml plus the walker, and gives up (None) on anything
else: flow mappings, multi-line scalars or lists, unusual escapes, tags, anchors, unusual
keys, tabs, odd indentation, and any fault at all. Its result then equals
`yamlread.event_parse`'s (tests compare the two on fuzzed files).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pqp_cli.core.text import CONTROL, clean
from pqp_cli.read.yamldoc import MAX_DEPTH, Parsed, Path

#: Characters that are printable to YAML and no line break other than \n.
_UNSAFE = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_PLAIN_NULLS = frozenset({"~", "null", "Null", "NULL"})
_NULL_KEYS = frozenset({"null", "Null", "NULL"})
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


def _cleaned(value: str, scalar: Scalar, escaped: bool = False) -> str:
    """`scalar(value)`, as the event walker applies it.

    `clean` leaves one-line ASCII text without double spaces or spaces at either end as it is:
    the call is skipped then. A value made by escapes may hold any character: one with a
    control character is kept as written (the walker's rule), any other always cleaned.
    """
    if scalar is None:
        return value
    if escaped:
        return value if CONTROL.search(value) is not None else scalar(value)
    if (
        scalar is not clean
        or not value.isascii()
        or "  " in value
        or value[:1] == " "
        or value[-1:] == " "
    ):
        return scalar(value)
    return value


def _value(rest: str, scalar: Scalar, seen: dict[str, Any]) -> Any:
    """What follows `key: ` or `- ` (no space at the end): a scalar's value, a flow list as a
    tuple, or EMPTY (nothing but a comment); anything else gives up.

    `seen` remembers each text's value within a file: dates, enums and names repeat a lot.
    """
    first = rest[0]
    if first == " ":
        value = _value(rest.lstrip(" "), scalar, seen)
    elif first == "#":
        value = EMPTY
    elif first == "'" or first == '"':
        text, end, escaped = single(rest, 0) if first == "'" else double(rest, 0)
        tail(rest, end)
        value = _cleaned(text, scalar, escaped)
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
    """A one-line flow list of scalars (`[a, 'b, c']`), its values as a tuple."""
    if "'" in rest or '"' in rest:
        return _flow_quoted(rest, scalar, seen)
    close = rest.find("]")
    if close < 0:
        raise GiveUp
    tail(rest, close + 1)
    inner = rest[1:close]
    if not inner.strip(" "):
        return ()
    values = []
    for part in inner.split(","):
        text = flow_plain(part.strip(" "))
        value = seen.get(text, GiveUp)
        if value is GiveUp:
            value = None if text in _PLAIN_NULLS else _cleaned(text, scalar)
            seen[text] = value
        values.append(value)
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
            values.append(_cleaned(text, scalar, escaped))
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


def fast_parse(text: str, scalar: Scalar = None) -> Parsed | None:
    """The subset reader: a Parsed equal to `event_parse`'s, or None when outside the subset."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if _UNSAFE.search(text) is not None:
        return None
    try:
        return _fast(text, scalar)
    except GiveUp:
        return None


def _key(
    body: str, is_item: bool, keys: dict[str, Path]
) -> tuple[str | None, str | None, Path | None]:
    """`key: rest` → (key, rest, its path); `key:` → (key, None, path); anything else, on an
    item's line, → (None, body, None). A key is checked once, then kept in `keys`."""
    key, sep, rest = body.partition(": ")
    if not sep:
        key, rest = (body[:-1], None) if body[-1] == ":" else ("", body)  # type: ignore[assignment]
    if key.isidentifier() and key.isascii():
        if key in _NULL_KEYS:
            raise GiveUp  # a null key: libyaml's path says what is wrong
        return key, rest, keys.get(key) or keys.setdefault(key, (key,))
    if not is_item:
        raise GiveUp
    return None, body, None


def _fast(text: str, scalar: Scalar) -> Parsed:
    root: list[Any] = []
    item_line: list[int] = []
    item_lines: list[dict[Path, int]] = []
    here: dict[Path, int] = {}  # the current item's lines
    # A frame: [is_map, column, container, path relative to the item, pending key or None]
    stack: list[list[Any]] = []
    top: list[Any] = [False, -1, None, (), None]  # stack[-1], or a frame nothing matches
    keys: dict[str, Path] = {}  # one shared ('key',) tuple per key
    seen: dict[str, Any] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if not line:
            continue
        if line[-1] == " ":
            line = line.rstrip(" ")
            if not line:
                continue
        body = line.lstrip(" ")
        if body[0] == "#":
            continue
        col = len(line) - len(body)
        is_item = body[:2] == "- "
        if is_item:
            body = body[2:]
        # A key met before is known good (`keys`): this loop is the hot path.
        key: str | None
        rest: str | None
        key, sep, rest = body.partition(": ")
        path = keys.get(key) if sep else None
        if path is None:
            if is_item and not sep and body[-1] != ":":
                key, rest = None, body  # `- value`: what `_key` gives
            else:
                key, rest, path = _key(body, is_item, keys)
        if not (col == top[1] and is_item != top[0] and top[4] is None):
            top = _place(stack, col, is_item, not root and not stack, root)
        if is_item:
            if len(stack) == 1:  # a record starts
                here = {}
                item_line.append(number)
                item_lines.append(here)
            elif key is None:  # a value in a record's list: `_item`'s first case, inline
                items = top[2]
                at = top[3] + (len(items),)
                here[at] = number
                value = seen.get(body, GiveUp)
                if value is GiveUp:
                    value = _value(body, scalar, seen)
                if value.__class__ is tuple:
                    if value is EMPTY:
                        raise GiveUp  # `- # note`: what the item holds is on later lines
                    value = _listed(value, at, number, here, len(stack))
                items.append(value)
                continue
            frame = _item(stack, top, number, here, key, body, scalar, seen)
            if frame is None:
                continue
            top = frame
        container = top[2]
        if key in container:
            raise GiveUp  # a duplicate key: libyaml's path reports it
        if top[3]:
            path = top[3] + path
        here[path] = number  # type: ignore[index]
        value = EMPTY if rest is None else seen.get(rest, GiveUp)
        if value is GiveUp:
            value = _value(rest, scalar, seen)  # type: ignore[arg-type]
        if value.__class__ is tuple:
            if value is EMPTY:  # `key:` or `key: # note`: the value comes on later lines
                top[4] = key
                value = None  # keeps the key's place
            else:
                value = _listed(value, path, number, here, len(stack))  # type: ignore[arg-type]
        container[key] = value
    return Parsed.of_items(root if stack else None, item_line, item_lines)


def _listed(
    values: tuple[Any, ...], path: Path, number: int, here: dict[Path, int], depth: int
) -> Any:
    """A flow list's values as a list, each item's line noted."""
    if depth >= MAX_DEPTH:
        raise GiveUp  # one container too deep: libyaml's path says so
    for index in range(len(values)):
        here[path + (index,)] = number
    return list(values)


def _item(
    stack: list[list[Any]],
    top: list[Any],
    number: int,
    here: dict[Path, int],
    key: str | None,
    body: str,
    scalar: Scalar,
    seen: dict[str, Any],
) -> list[Any] | None:
    """A list item in `top`, the list's frame: a value appended (None: the line is done), or
    a mapping opened, whose frame is returned for the key on the same line."""
    items = top[2]
    path: Path = top[3] + (len(items),) if len(stack) > 1 else ()
    if path:
        here[path] = number
    if key is None:
        value = seen.get(body, GiveUp)
        if value is GiveUp:
            value = _value(body, scalar, seen)
        if value.__class__ is tuple:
            if value is EMPTY:
                raise GiveUp  # `- # note`: what the item holds is on later lines
            value = _listed(value, path, number, here, len(stack))
        items.append(value)
        return None
    mapping: dict[str, Any] = {}
    items.append(mapping)
    frame = [True, top[1] + 2, mapping, path, None]
    stack.append(frame)
    if len(stack) > MAX_DEPTH:
        raise GiveUp
    return frame


def _place(
    stack: list[list[Any]], col: int, is_item: bool, first: bool, root: list[Any]
) -> list[Any]:
    """Close what a line at `col` ends and return the frame it belongs to (maybe a new one)."""
    while True:
        if not stack:
            if not first or col != 0 or not is_item:
                raise GiveUp
            stack.append([False, 0, root, (), None])
            return stack[-1]
        frame = stack[-1]
        if frame[0]:  # a mapping
            pending = frame[4]
            if pending is not None:
                frame[4] = None
                if col > frame[1] or (col == frame[1] and is_item):
                    child: Any = [] if is_item else {}
                    frame[2][pending] = child
                    stack.append([not is_item, col, child, frame[3] + (pending,), None])
                    if len(stack) > MAX_DEPTH:
                        raise GiveUp
                    return stack[-1]
                continue  # the pending key's value stays None
            if col == frame[1] and not is_item:
                return frame
            if col < frame[1]:
                stack.pop()
                continue
            raise GiveUp
        if col == frame[1] and is_item:
            return frame
        if col <= frame[1]:
            stack.pop()
            continue
        raise GiveUp
