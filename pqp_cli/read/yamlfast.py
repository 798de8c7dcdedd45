"""The fast path of `yamlread`: the common layout of data files, read line by line.

Data files are almost always block-style lists of mappings with one plain or quoted scalar a
line. `fast_parse` reads exactly that subset, three to four times faster than libyaml plus the
walker, and gives up (None) on anything else: flow collections, multi-line or escaped scalars,
tags, anchors, comments after a value, unusual keys, tabs, odd indentation, and any fault at
all. Its result then equals `yamlread.event_parse`'s (tests compare the two on fuzzed files).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from pqp_cli.core.text import clean
from pqp_cli.read.yamldoc import MAX_DEPTH, Parsed, Path

#: Characters that are printable to YAML and no line break other than \n.
_UNSAFE = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_PLAIN_NULLS = frozenset({"~", "null", "Null", "NULL"})
_NULL_KEYS = frozenset({"null", "Null", "NULL"})
#: A plain scalar may not start with these (indicators); a value may not start with a space.
_BAD_START = frozenset("-?:,[]{}#&*!|>%@` \t")


class _GiveUp(Exception):
    """The text is outside the fast path's subset: read it through libyaml instead."""


def _scalar(rest: str, scalar: Callable[[str], str] | None, seen: dict[str, Any]) -> Any:
    """A one-line scalar's value: plain, 'single' or "double" quoted (no escapes); else give up.

    `seen` remembers each text's value within a file: dates, enums and names repeat a lot.
    """
    value = seen.get(rest, _GiveUp)
    if value is not _GiveUp:
        return value
    first = rest[0]
    if first == "'":
        inner = rest[1:-1]
        if len(rest) < 2 or rest[-1] != "'" or "'" in inner.replace("''", ""):
            raise _GiveUp
        value = inner.replace("''", "'")
    elif first == '"':
        inner = rest[1:-1]
        if len(rest) < 2 or rest[-1] != '"' or '"' in inner or "\\" in inner:
            raise _GiveUp
        value = inner
    elif first in _BAD_START or ": " in rest or " #" in rest or rest[-1] == ":":
        raise _GiveUp
    elif rest in _PLAIN_NULLS:
        value = None
    else:
        value = rest
    # `clean` leaves one-line ASCII text without double spaces or spaces at either end as it
    # is: skip the call. (A quoted value may start or end with a space: `clean` strips it.)
    if (
        value is not None
        and scalar is not None
        and (
            scalar is not clean
            or not value.isascii()
            or "  " in value
            or value[:1] == " "
            or value[-1:] == " "
        )
    ):
        value = scalar(value)
    seen[rest] = value
    return value


def fast_parse(text: str, scalar: Callable[[str], str] | None = None) -> Parsed | None:
    """The subset reader: a Parsed equal to `event_parse`'s, or None when outside the subset."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if _UNSAFE.search(text) is not None:
        return None
    try:
        return _fast(text, scalar)
    except _GiveUp:
        return None


def _key(body: str) -> tuple[str | None, str | None]:
    """`key: rest` → (key, rest); `key:` → (key, None); anything else → (None, body)."""
    key, sep, rest = body.partition(": ")
    if not sep:
        if body[-1] != ":":
            return None, body
        key, rest = body[:-1], None  # type: ignore[assignment]
    if key.isidentifier() and key.isascii():
        if key in _NULL_KEYS:
            raise _GiveUp  # a null key: libyaml's path says what is wrong
        return key, rest
    return None, body


def _fast(text: str, scalar: Callable[[str], str] | None) -> Parsed:
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
        body = line.lstrip(" ")
        if not body or body[0] == "#":
            if line and not body:
                raise _GiveUp  # a line of spaces: rare, leave it to libyaml
            continue
        if line[-1] == " ":
            raise _GiveUp
        col = len(line) - len(body)
        is_item = body[:2] == "- "
        if is_item:
            body = body[2:]
        # `_key`, inlined for the common `key: value`: this loop is the hot path.
        key: str | None
        rest: str | None
        key, sep, rest = body.partition(": ")
        if not sep or not (key.isidentifier() and key.isascii()) or key in _NULL_KEYS:
            key, rest = _key(body)
        if key is None and not is_item:
            raise _GiveUp
        if not (col == top[1] and is_item != top[0] and top[4] is None):
            top = _place(stack, col, is_item, not root and not stack, root)
        if is_item:
            if len(stack) == 1:  # a record starts
                here = {}
                item_line.append(number)
                item_lines.append(here)
            frame = _item(stack, top, col, number, here, key, body, scalar, seen)
            if frame is None:
                continue
            top = frame
        container = top[2]
        if key in container:
            raise _GiveUp  # a duplicate key: libyaml's path reports it
        if top[3]:
            here[top[3] + (key,)] = number
        else:
            here[keys.get(key) or keys.setdefault(key, (key,))] = number  # type: ignore[arg-type]
        if rest is None:
            top[4] = key
            container[key] = None  # keeps the key's place; the value comes on later lines
        else:
            value = seen.get(rest, _GiveUp)
            container[key] = _scalar(rest, scalar, seen) if value is _GiveUp else value
    return Parsed.of_items(root if stack else None, item_line, item_lines)


def _item(
    stack: list[list[Any]],
    top: list[Any],
    col: int,
    number: int,
    here: dict[Path, int],
    key: str | None,
    body: str,
    scalar: Callable[[str], str] | None,
    seen: dict[str, Any],
) -> list[Any] | None:
    """A list item in `top`, the list's frame: a scalar appended (None: the line is done), or
    a mapping opened, whose frame is returned for the key on the same line."""
    items = top[2]
    path: Path = top[3] + (len(items),) if len(stack) > 1 else ()
    if path:
        here[path] = number
    if key is None:
        items.append(_scalar(body, scalar, seen))
        return None
    mapping: dict[str, Any] = {}
    items.append(mapping)
    frame = [True, col + 2, mapping, path, None]
    stack.append(frame)
    if len(stack) > MAX_DEPTH:
        raise _GiveUp
    return frame


def _place(
    stack: list[list[Any]], col: int, is_item: bool, first: bool, root: list[Any]
) -> list[Any]:
    """Close what a line at `col` ends and return the frame it belongs to (maybe a new one)."""
    while True:
        if not stack:
            if not first or col != 0 or not is_item:
                raise _GiveUp
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
                        raise _GiveUp
                    return stack[-1]
                continue  # the pending key's value stays None
            if col == frame[1] and not is_item:
                return frame
            if col < frame[1]:
                stack.pop()
                continue
            raise _GiveUp
        if col == frame[1] and is_item:
            return frame
        if col <= frame[1]:
            stack.pop()
            continue
        raise _GiveUp
