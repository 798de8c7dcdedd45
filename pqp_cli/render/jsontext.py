"""Every `--format json`: `json.dumps(doc, ensure_ascii=False, indent=2) + "\\n"`, byte for byte,
at C speed.

With `indent`, the standard library takes its pure-Python encoder (a second for the 17,000
problems of a broken national dataset). orjson writes the same layout in C, and the same bytes
for text, integers, booleans, null, lists and dicts; it refuses what json cannot write as it
does (integers past 64 bits, lone surrogates, keys that are not text), and `default` refuses
every subclass, date and dataclass it is handed. What is left differs: floats (`1e-05` is
`0.00001` to orjson, NaN is `null`) and the types orjson writes that json refuses (a plain
Enum, a UUID). So the document is walked once: any value of another type sends it to the
standard library, and its floats are written by both and compared; on any difference the
standard library writes the document as before.
"""

from __future__ import annotations

import json
from typing import Any


def dumps(doc: Any) -> str:
    """`doc` as `json.dumps(doc, ensure_ascii=False, indent=2) + "\\n"` gives it."""
    fast = _orjson(doc)
    return fast if fast is not None else json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _refuse(value: Any) -> Any:
    raise TypeError(type(value).__name__)


def _orjson(doc: Any) -> str | None:
    """orjson's indented text when it is the standard library's, else None."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - a dependency; the standard library still works
        return None
    floats = _floats(doc)
    if floats is None:
        return None
    passthrough = (
        orjson.OPT_PASSTHROUGH_SUBCLASS
        | orjson.OPT_PASSTHROUGH_DATETIME
        | orjson.OPT_PASSTHROUGH_DATACLASS
    )
    try:
        if floats and orjson.dumps(floats) != json.dumps(floats, separators=(",", ":")).encode():
            return None
        indented = orjson.dumps(doc, default=_refuse, option=passthrough | orjson.OPT_INDENT_2)
    except (TypeError, ValueError, UnicodeError):  # orjson.JSONEncodeError is a TypeError
        return None
    return indented.decode("utf-8") + "\n"


_SCALARS = frozenset({str, int, bool, type(None)})


def _floats(doc: Any) -> list[float] | None:
    """Every float in `doc`, or None when it holds a value of a type not JSON's own (exactly:
    not a subclass), which the standard library then writes, or refuses, as before."""
    floats: list[float] = []
    stack = [doc]
    while stack:
        node = stack.pop()
        kind = type(node)
        if kind is dict:
            values = node.values()
        elif kind is list or kind is tuple:
            values = node
        elif kind is float:
            floats.append(node)
            continue
        elif kind in _SCALARS:
            continue
        else:
            return None
        for value in values:
            if type(value) not in _SCALARS:
                stack.append(value)
    return floats
