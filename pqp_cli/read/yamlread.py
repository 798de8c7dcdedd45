"""A strict YAML reader: scalars as text, no tags/anchors/aliases/duplicate keys, lines kept.

It walks libyaml's event stream itself rather than composing nodes, so aliases are refused
before anything expands, nesting depth is bounded before the C composer could recurse, and
every mapping key's line is recorded for messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from pqp_cli.core.messages import code_of, texts
from pqp_cli.core.text import CONTROL
from pqp_cli.read.yamldoc import MAX_DEPTH, Fault, Parsed, Path
from pqp_cli.read.yamlfast import fast_parse

try:
    from yaml import CBaseLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import BaseLoader as _Loader  # type: ignore[assignment]

__all__ = ["CONTROL", "MAX_DEPTH", "Fault", "Parsed", "Path", "event_parse", "parse"]
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


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
        self, message: str, line: int, path: Path, fatal: bool = False, /, **params: Any
    ) -> None:
        """A fault of catalogue message `message` (core/messages) at `line`."""
        en, vi = texts(message, **params)
        self.parsed.faults.append(Fault(code_of(message), line, en, vi, path[:1], fatal))

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
            if is_key_candidate and value is None:
                self.fault("unsupported-yaml/null-key", line, path)
                frame[2] = _BADKEY
                return
            if not is_key_candidate:
                self.fault("unsupported-yaml/key-not-text", line, path)
                frame[2] = _BADKEY
                return
            if value in container:
                first = self.parsed.lines[path + (value,)]
                self.fault("duplicate-key", line, path, key=value, first=first)
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
    Plain block-style files take a fast path (`yamlfast.fast_parse`); anything else, and every
    file with a fault, is read through libyaml's events.
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
                        "unsupported-yaml/second-document", _line(event.start_mark), (), True
                    )
                    return parsed
                continue
            if not _event(walker, event):
                return parsed
    except yaml.YAMLError as exc:
        line, column = _error_line(exc, text)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if "nesting depth" in problem:  # newer libyaml refuses deep nesting while scanning ahead
            walker.fault("unsupported-yaml/deep", line, (), True, depth=MAX_DEPTH)
            return parsed
        key = "yaml-syntax/column" if column else "yaml-syntax"
        walker.fault(key, line, (), True, column=column, problem=problem)
    except RecursionError:  # pragma: no cover - the depth guard stops this first
        walker.fault("unsupported-yaml/too-deep", 1, (), True)
    return parsed


def _tagged(walker: Any, event: Any) -> bool:
    """A YAML tag other than the plain `!` (e.g. `!!python/object`): a fault, and True."""
    if event.tag is None or event.tag == "!":
        return False
    walker.fault(
        "unsupported-yaml/tag", _line(event.start_mark), walker.child_path(), True, tag=event.tag
    )
    return True


def _event(walker: _Walker, event: Any) -> bool:
    """Apply one event; False stops reading (a fatal fault was recorded)."""
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
        walker.fault("unsupported-yaml/anchor", _line(event.start_mark), (), True)
        return False
    if isinstance(event, yaml.ScalarEvent):
        if _tagged(walker, event):
            return False
        value: Any = event.value
        if not event.style and value in _NULLS:  # plain: None (pure) or '' (libyaml)
            value = None
        elif walker.scalar is not None and CONTROL.search(value) is None:
            # A text with a control character is kept as written (not cleaned, which would turn
            # some of them into spaces) so that validation refuses it on its own field.
            value = walker.scalar(value)
        walker.add(value, _line(event.start_mark), True)
    elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
        if _tagged(walker, event):
            return False
        if len(walker.stack) >= MAX_DEPTH:
            walker.fault(
                "unsupported-yaml/deep", _line(event.start_mark), (), True, depth=MAX_DEPTH
            )
            return False
        container: Any = [] if isinstance(event, yaml.SequenceStartEvent) else {}
        path = walker.child_path()
        walker.add(container, _line(event.start_mark), False)
        walker.stack.append([container, path, _NOKEY])
    elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
        walker.stack.pop()
    return True
