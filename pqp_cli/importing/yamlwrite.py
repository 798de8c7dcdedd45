"""The YAML text of generated records, written directly: the same bytes PyYAML's dumper gives.

A generated file's records have a fixed shape (a list of flat mappings whose values are text,
dates, whole numbers, booleans or lists of text), and almost every value is a plain word or
name. Those records are written here, a line a value, without the dumper's per-node machinery
(which cost as much as reading the sheet). Any record holding something else (a nested mapping,
a float, a text the dumper would quote, escape or fold) goes through the dumper itself, alone:
the items of a block sequence are independent, so its text is the same as inside the whole
dump. A text is written plain only when the dumper's own resolver reads it back as text and it
holds nothing that could make the emitter quote it (see `_PLAIN`): never YAML structure.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

import yaml

_BASE_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class Dumper(_BASE_DUMPER):
    """Safe YAML without anchors: the loader refuses them, and a shared date would get one."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


#: Texts the emitter (libyaml's, as PyYAML's) writes plain in block context: a letter or digit
#: first (no indicator, no `---`), then letters, digits, spaces and punctuation other than `:`
#: and `#` (`: ` and ` #` are structure); at most 200 characters, far from the width (4096)
#: where a plain text would be folded. `plain_text` adds: no trailing or double space, only
#: printable characters of the Basic Multilingual Plane that libyaml writes as they are (no
#: line break, NBSP, combining mark, BOM, surrogate or private-use character).
_PLAIN = re.compile(r"[^\W_][\w .,()/&'\"+%;!?*@<>=~\[\]{}|`$^\\-]{0,199}\Z")
_UNSAFE = re.compile(r"[\u00a0-\u00bf\u0300-\u036f\ud800-\uf8ff\ufeff\ufff0-\uffff]|  | \Z")
_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"


@functools.lru_cache(maxsize=1 << 16)  # ids and titles recur in record after record
def plain_text(text: str) -> bool:
    """Whether the dumper writes `text` as it is (plain, unquoted) as a block mapping value."""
    return (
        _PLAIN.match(text) is not None
        and text.isprintable()
        and _UNSAFE.search(text) is None
        and max(text) <= "\uffff"
        and _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR
    )


def _scalar(value: Any) -> str | None:
    """A value's plain text as the dumper writes it, or None when this writer leaves it to the
    dumper."""
    if value.__class__ is str:
        return value if plain_text(value) else None
    if value.__class__ is bool:
        return "true" if value else "false"
    if value.__class__ is int:
        return str(value)
    if value.__class__ is dt.date:
        return value.isoformat()
    return None


def _direct(record: dict[str, Any]) -> str | None:
    """A record's item text (`- id: …`), or None when some value is not of the simple kinds."""
    lines = []
    for key, value in record.items():
        if value.__class__ is list:
            if not value:
                return None
            lines.append(f"{key}:")
            for item in value:
                text = _scalar(item)
                if text is None:
                    return None
                lines.append(f"- {text}")
            continue
        text = _scalar(value)
        if text is None:
            return None
        lines.append(f"{key}: {text}")
    if not lines or not all(k.__class__ is str and plain_text(k) for k in record):
        return None
    return "- " + "\n  ".join(lines) + "\n"


def dump_one(record: dict[str, Any]) -> str:
    """A record's item text through the dumper (the reference this writer must equal)."""
    text: str = yaml.dump([record], Dumper=Dumper, allow_unicode=True, sort_keys=False, width=4096)
    return text


def item_text(record: dict[str, Any]) -> str:
    """The text of one record as an item of the generated file's sequence."""
    return _direct(record) or dump_one(record)
