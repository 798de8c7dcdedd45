"""A strict YAML reader: scalars as text, no tags/anchors/aliases/duplicate keys, lines kept.

It walks libyaml's event stream itself rather than composing nodes, so aliases are refused
before anything expands, nesting depth is bounded before the C composer could recurse, and
every mapping key's line is recorded for messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from pqp_cli.text import clean

try:
    from yaml import CBaseLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import BaseLoader as _Loader  # type: ignore[assignment]

#: Deeper than any record needs (a record is 4 levels deep); refuses bracket bombs cheaply.
MAX_DEPTH = 40
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})

Path = tuple[Any, ...]
_PLAIN_PARTS = (str, int, type(None))


@dataclass
class Fault:
    """A problem found while reading: `path` locates the record it spoils ((), the whole file)."""

    code: str
    line: int
    en: str
    vi: str
    path: Path = ()
    fatal: bool = False


class Parsed:
    """A document read: its value, every fault, and the line of every key and list item.

    `lines` maps a path (keys and indexes from the root) to its line. When the root is a list,
    `items()` gives each item's line and its lines keyed by paths relative to the item, which is
    what loading keeps per record (the fast reader builds that form directly).
    """

    def __init__(self) -> None:
        self.root: Any = None
        self.faults: list[Fault] = []
        self._lines: dict[Path, int] | None = {}
        self._items: tuple[list[int], list[dict[Path, int]]] | None = None

    @property
    def fatal(self) -> bool:
        return any(f.fatal for f in self.faults)

    @property
    def lines(self) -> dict[Path, int]:
        if self._lines is None:
            item_line, item_lines = self.items()
            self._lines = {}
            for index, (line, lines) in enumerate(zip(item_line, item_lines, strict=True)):
                self._lines[(index,)] = line
                for path, number in lines.items():
                    self._lines[(index,) + path] = number
        return self._lines

    def items(self) -> tuple[list[int], list[dict[Path, int]]]:
        """For a list root: each item's line, and its lines relative to the item."""
        if self._items is None:
            count = len(self.root) if isinstance(self.root, list) else 0
            item_line = [1] * count
            item_lines: list[dict[Path, int]] = [{} for _ in range(count)]
            for path, number in self.lines.items():
                if not path or not isinstance(path[0], int) or path[0] >= count:
                    continue
                if not all(type(part) in _PLAIN_PARTS for part in path):
                    continue  # under a refused key: never looked up, and not plain to cache
                if len(path) == 1:
                    item_line[path[0]] = number
                else:
                    item_lines[path[0]][path[1:]] = number
            self._items = (item_line, item_lines)
        return self._items


def _line(mark: Any) -> int:
    return int(mark.line) + 1 if mark is not None else 1


def _error_line(exc: yaml.YAMLError, text: str) -> tuple[int, int | None]:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return mark.line + 1, mark.column + 1
    position = getattr(exc, "position", None)
    if isinstance(position, int):
        return text.count("\n", 0, position) + 1, None
    return 1, None


class _Walker:
    """Builds Python values from parse events; one instance per document."""

    def __init__(self, parsed: Parsed, scalar: Callable[[str], str] | None) -> None:
        self.parsed = parsed
        self.scalar = scalar
        # Each frame: [container, path, pending key or _NOKEY]
        self.stack: list[list[Any]] = []

    def fault(
        self, code: str, line: int, en: str, vi: str, path: Path, fatal: bool = False
    ) -> None:
        self.parsed.faults.append(Fault(code, line, en, vi, path[:1], fatal))

    def child_path(self) -> Path:
        if not self.stack:
            return ()
        container, path, key = self.stack[-1]
        return path + (len(container),) if isinstance(container, list) else path + (key,)

    def add(self, value: Any, line: int, is_key_candidate: bool) -> None:
        if not self.stack:
            self.parsed.root = value
            return
        frame = self.stack[-1]
        container, path, key = frame
        if isinstance(container, list):
            self.parsed.lines[path + (len(container),)] = line
            container.append(value)
        elif key is _NOKEY:
            if not is_key_candidate:
                self.fault(
                    "unsupported-yaml",
                    line,
                    "a mapping key must be plain text",
                    "khóa của ánh xạ phải là văn bản thường",
                    path,
                )
                frame[2] = _BADKEY
                return
            if value in container:
                self.fault(
                    "duplicate-key",
                    line,
                    f'key "{value}" repeats (first on line {self.parsed.lines[path + (value,)]}); '
                    "keep one",
                    f'khóa "{value}" bị lặp (lần đầu ở dòng {self.parsed.lines[path + (value,)]}); '
                    "chỉ giữ một",
                    path,
                )
                frame[2] = _BADKEY
                return
            self.parsed.lines[path + (value,)] = line
            frame[2] = value
        else:
            if key is not _BADKEY:
                container[key] = value
            frame[2] = _NOKEY


_NOKEY = object()
_BADKEY = object()


def parse(text: str, scalar: Callable[[str], str] | None = None) -> Parsed:
    """Read one YAML document; `Parsed.faults` say what was wrong and where.

    `scalar` maps every non-null scalar's text (e.g. to NFC with spacing collapsed).
    Plain block-style files take a fast path (`fast_parse`); anything else, and every file
    with a fault, is read through libyaml's events.
    """
    fast = fast_parse(text, scalar)
    if fast is not None:
        return fast
    return event_parse(text, scalar)


def event_parse(text: str, scalar: Callable[[str], str] | None = None) -> Parsed:
    """The reference reader: libyaml's event stream, walked; every fault found."""
    parsed = Parsed()
    walker = _Walker(parsed, scalar)
    documents = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    walker.fault(
                        "unsupported-yaml",
                        _line(event.start_mark),
                        "a second YAML document ('---'): keep one document a file",
                        "tài liệu YAML thứ hai ('---'): mỗi tệp chỉ một tài liệu",
                        (),
                        fatal=True,
                    )
                    return parsed
                continue
            if not _event(walker, event):
                return parsed
    except yaml.YAMLError as exc:
        line, column = _error_line(exc, text)
        where = f", column {column}" if column else ""
        where_vi = f", cột {column}" if column else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if "nesting depth" in problem:  # newer libyaml refuses deep nesting while scanning ahead
            walker.fault(
                "unsupported-yaml",
                line,
                f"nesting deeper than {MAX_DEPTH} levels: records are never this deep",
                f"lồng sâu quá {MAX_DEPTH} mức: bản ghi không bao giờ sâu như vậy",
                (),
                fatal=True,
            )
            return parsed
        walker.fault(
            "yaml-syntax",
            line,
            f"YAML syntax error{where}: {problem}",
            f"lỗi cú pháp YAML{where_vi}: {problem}",
            (),
            fatal=True,
        )
    except RecursionError:  # pragma: no cover - the depth guard stops this first
        walker.fault("unsupported-yaml", 1, "nesting too deep", "lồng quá sâu", (), fatal=True)
    return parsed


def _event(walker: _Walker, event: Any) -> bool:
    """Apply one event; False stops reading (a fatal fault was recorded)."""
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
        walker.fault(
            "unsupported-yaml",
            _line(event.start_mark),
            "anchors and aliases (&name, *name) are not supported: write the value out",
            "không hỗ trợ neo và bí danh (&tên, *tên): hãy viết giá trị ra",
            (),
            fatal=True,
        )
        return False
    if isinstance(event, yaml.ScalarEvent):
        if event.tag is not None and event.tag != "!":
            walker.fault(
                "unsupported-yaml",
                _line(event.start_mark),
                f"tags such as {event.tag} are not supported: remove it",
                f"không hỗ trợ thẻ như {event.tag}: hãy bỏ thẻ",
                walker.child_path(),
                fatal=True,
            )
            return False
        value: Any = event.value
        if not event.style and value in _NULLS:  # plain: None (pure) or '' (libyaml)
            value = None
        elif walker.scalar is not None:
            value = walker.scalar(value)
        walker.add(value, _line(event.start_mark), True)
    elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
        if event.tag is not None and event.tag != "!":
            walker.fault(
                "unsupported-yaml",
                _line(event.start_mark),
                f"tags such as {event.tag} are not supported: remove it",
                f"không hỗ trợ thẻ như {event.tag}: hãy bỏ thẻ",
                walker.child_path(),
                fatal=True,
            )
            return False
        if len(walker.stack) >= MAX_DEPTH:
            walker.fault(
                "unsupported-yaml",
                _line(event.start_mark),
                f"nesting deeper than {MAX_DEPTH} levels: records are never this deep",
                f"lồng sâu quá {MAX_DEPTH} mức: bản ghi không bao giờ sâu như vậy",
                (),
                fatal=True,
            )
            return False
        container: Any = [] if isinstance(event, yaml.SequenceStartEvent) else {}
        path = walker.child_path()
        walker.add(container, _line(event.start_mark), False)
        walker.stack.append([container, path, _NOKEY])
    elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
        walker.stack.pop()
    return True


# --- the fast path ----------------------------------------------------------------------------
#
# Data files are almost always block-style lists of mappings with one plain or quoted scalar a
# line. `fast_parse` reads exactly that subset line by line, about ten times faster than libyaml
# plus the walker, and gives up (None) on anything else: flow collections, multi-line or escaped
# scalars, tags, anchors, comments after a value, unusual keys, tabs, odd indentation, and any
# fault at all. Its result then equals `event_parse`'s (tests compare the two on fuzzed files).

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
    # `clean` leaves one-line ASCII text without double spaces as it is: skip the call.
    if (
        value is not None
        and scalar is not None
        and (scalar is not clean or not value.isascii() or "  " in value)
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
    number = 0
    for line in text.split("\n"):
        number += 1
        if not line:
            continue
        body = line.lstrip(" ")
        col = len(line) - len(body)
        if not body or body[0] == "#":
            if not body:
                raise _GiveUp  # a line of spaces: rare, leave it to libyaml
            continue
        if line[-1] == " ":
            raise _GiveUp
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
            items = top[2]
            if len(stack) == 1:
                here = {}
                item_line.append(number)
                item_lines.append(here)
                path: Path = ()
            else:
                path = top[3] + (len(items),)
                here[path] = number
            if key is None:
                items.append(_scalar(body, scalar, seen))
                continue
            mapping: dict[str, Any] = {}
            items.append(mapping)
            top = [True, col + 2, mapping, path, None]
            stack.append(top)
            if len(stack) > MAX_DEPTH:
                raise _GiveUp
        container = top[2]
        if key in container:
            raise _GiveUp  # a duplicate key: libyaml's path reports it
        if top[3]:
            here[top[3] + (key,)] = number
        else:
            key_path = keys.get(key)  # type: ignore[arg-type]
            if key_path is None:
                key_path = keys[key] = (key,)  # type: ignore[index]
            here[key_path] = number
        if rest is None:
            top[4] = key
            container[key] = None  # keeps the key's place; the value comes on later lines
        else:
            value = seen.get(rest, _GiveUp)
            container[key] = _scalar(rest, scalar, seen) if value is _GiveUp else value
    parsed = Parsed()
    parsed.root = root if stack else None
    parsed._lines = None
    parsed._items = (item_line, item_lines)
    return parsed


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
