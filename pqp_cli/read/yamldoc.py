"""What reading one YAML document gives, shared by both readers (`yamlread`, `yamlfast`).

Kept apart from the readers so that the fast reader needs nothing of the reference one, and
the reference one can try the fast one first without importing in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Deeper than any record needs (a record is 4 levels deep); refuses bracket bombs cheaply.
MAX_DEPTH = 40

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
    what loading keeps per record (the fast reader builds that form directly: `of_items`).
    """

    def __init__(self) -> None:
        self.root: Any = None
        self.faults: list[Fault] = []
        #: Set by the fast reader: a value made by escapes holds a control character.
        self.kept_control = False
        self._lines: dict[Path, int] | None = {}
        self._items: tuple[list[int], list[dict[Path, int]]] | None = None

    @classmethod
    def of_items(
        cls,
        root: list[Any] | None,
        item_line: list[int],
        item_lines: list[dict[Path, int]],
        kept_control: bool = False,
    ) -> Parsed:
        """A list of items read without fault, its lines given per item (`lines` is then
        worked out from them only if asked for)."""
        parsed = cls()
        parsed.kept_control = kept_control
        parsed.root = root
        parsed._lines = None
        parsed._items = (item_line, item_lines)
        return parsed

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
