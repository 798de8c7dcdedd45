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
from typing import Any

from pqp_cli.read.yamldoc import MAX_DEPTH, Parsed, Path
from pqp_cli.read.yamlscalar import EMPTY, KEPT_CONTROL, GiveUp, Scalar
from pqp_cli.read.yamlscalar import value_of as _value

#: Any character YAML does not print, or a line break other than \n: the complement of `\n`,
#: `\x20-\x7e`, `\xa0-\u2027`, `\u202a-\ud7ff`, `\ue000-\ufefe`, `\uff00-\ufffd` and
#: `\U00010000-\U0010ffff`, spelled out (the negated class took 8 ms of every start to compile).
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_NULL_KEYS = frozenset({"null", "Null", "NULL"})


#: Every byte but the controls other than \n: what is left when `bytes.translate` deletes these.
_NOT_CONTROL = bytes(b for b in range(256) if b == 0x0A or (0x20 <= b != 0x7F))
#: The UTF-8 of `_UNSAFE`'s other characters, or of their neighbours: \xc2 starts U+0080-00BF
#: (the C1 controls among them), then the line and paragraph separators, the BOM and two
#: noncharacters. (Surrogates never come out of a strict UTF-8 decoding.)
_UNSAFE_UTF8 = (
    b"\xc2",
    b"\xe2\x80\xa8",
    b"\xe2\x80\xa9",
    b"\xef\xbb\xbf",
    b"\xef\xbf\xbe",
    b"\xef\xbf\xbf",
)


def printable_utf8(content: bytes) -> bool:
    """True when UTF-8 `content` holds none of `_UNSAFE` once its `\r\n` are `\n` (as
    `fast_parse` makes them), found at byte speed: a third of asking the text
    (`fast_parse(..., printable=True)`). False: it may hold one; ask its text."""
    controls = content.translate(None, _NOT_CONTROL)
    if controls and (controls.strip(b"\r") or content.count(b"\r") != content.count(b"\r\n")):
        return False  # a control character, or a \r not ending a line (Windows ends are fine)
    return not any(bad in content for bad in _UNSAFE_UTF8)


def fast_parse(text: str, scalar: Scalar = None, printable: bool = False) -> Parsed | None:
    """The subset reader: a Parsed equal to `event_parse`'s, or None when outside the subset.
    `printable`: the text's bytes passed `printable_utf8` (it holds no unsafe character)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if (
        not printable
        and not text.replace("\n", "").isprintable()
        and _UNSAFE.search(text) is not None
    ):
        return None  # (a text Python calls printable holds none of `_UNSAFE`: a C-speed test)
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
    heads: dict[str, Head] = {}  # `_head`'s reading of a line's start, by its text
    seen: dict[str, Any] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if not line or (line[-1] == " " and not (line := line.rstrip(" "))):
            continue
        head, sep, rest = line.partition(": ")  # (`key: ` of a known head: the common line)
        if (known := heads.get(head) if sep else None) is not None:
            col, is_item, key, path = known
        elif (found := _head(line, head, heads, keys)) is None:
            continue  # a comment
        else:
            col, is_item, key, rest, path, body = found
        if not (col == top[1] and is_item != top[0] and top[4] is None):
            top = _place(stack, col, is_item, not root and not stack, root)
        if is_item:
            if len(stack) == 1:  # a record starts
                item_line.append(number)
                item_lines.append(here := {})
            elif key is None:  # a value in a record's list: `_item`'s first case, inline
                items = top[2]
                at = top[3] + (len(items),)
                here[at] = number
                value = seen.get(body, GiveUp)
                if value is GiveUp:
                    value = _value(body, scalar, seen)
                if value.__class__ is tuple:
                    value = _listed_item(value, at, number, here, len(stack))
                items.append(value)
                continue
            if (frame := _item(stack, top, number, here, key, body, scalar, seen)) is None:
                continue
            top = frame
        container = top[2]
        if key in container:
            raise GiveUp  # a duplicate key: libyaml's path reports it
        if top[3]:
            path = top[3] + path
        here[path] = number
        value = EMPTY if rest is None else seen.get(rest, GiveUp)
        if value is GiveUp:
            value = _value(rest, scalar, seen)
        if value.__class__ is tuple:
            value = _tuple_value(top, key, value, path, number, here, len(stack))
        container[key] = value
    return Parsed.of_items(root if stack else None, item_line, item_lines, KEPT_CONTROL in seen)


#: A line's start, as `_head` reads it: its column, whether it is a list item, its key, and
#: the key's path.
Head = tuple[int, bool, str, Path]


def _head(
    line: str, head: str, heads: dict[str, Head], keys: dict[str, Path]
) -> tuple[int, bool, Any, Any, Any, str] | None:
    """A line's column, whether it is a list item, its key (None: `- value`), the text after
    `key: ` (None: `key:`), the key's path and the line past its indentation and dash; None
    for a comment. A line's start that names a key met before (`  key` or `  - key` before
    `: `) is kept in `heads` under `head`, the line's text before its first `: `: a later line
    that starts so is read from there."""
    body = line.lstrip(" ")
    if body[0] == "#":
        return None
    col = len(line) - len(body)
    is_item = body[:2] == "- "
    body = body[2:] if is_item else body
    key, sep, rest = body.partition(": ")  # a key met before is known good (`keys`)
    path = keys.get(key) if sep else None
    if path is not None:
        heads[head] = (col, is_item, key, path)
        return col, is_item, key, rest, path, body
    if is_item and not sep and body[-1] != ":":
        return col, is_item, None, body, None, body  # `- value`: as `_key` gives
    return col, is_item, *_key(body, is_item, keys), body


def _tuple_value(
    top: list[Any],
    key: str,
    value: tuple[Any, ...],
    path: Path,
    number: int,
    here: dict[Path, int],
    depth: int,
) -> Any:
    """A key's value read as a tuple: EMPTY (`key:` or `key: # note`: the value comes on later
    lines; None keeps the key's place meanwhile) or a flow list's values."""
    if value is EMPTY:
        top[4] = key
        return None
    return _listed(value, path, number, here, depth)


def _listed(
    values: tuple[Any, ...], path: Path, number: int, here: dict[Path, int], depth: int
) -> Any:
    """A flow list's values as a list, each item's line noted."""
    if depth >= MAX_DEPTH:
        raise GiveUp  # one container too deep: libyaml's path says so
    for index in range(len(values)):
        here[path + (index,)] = number
    return list(values)


def _listed_item(
    values: tuple[Any, ...], path: Path, number: int, here: dict[Path, int], depth: int
) -> Any:
    """A list item's flow list (`- [a, b]`) as `_listed` gives it; `- # note` gives up (what
    the item holds is on later lines)."""
    if values is EMPTY:
        raise GiveUp
    return _listed(values, path, number, here, depth)


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
    a mapping opened, whose frame is returned for the key on the same line. `body`, the line
    past its dash, is read only for a value (`key` None: a line `_head` read whole)."""
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
