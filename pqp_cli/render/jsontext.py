"""Every `--format json`: `json.dumps(doc, ensure_ascii=False, indent=2) + "\\n"`, byte for byte,
at C speed.

With `indent`, the standard library takes its pure-Python encoder (a second for the 17,000
problems of a broken national dataset). orjson writes the same layout in C, but not always the
same bytes: `1e-05` is `0.00001` to it, NaN is `null`, and it takes types json refuses. So its
compact output is compared with the standard library's C encoder's (compact, the same escapes
and float repr), and on any difference, or anything orjson refuses or would write in its own
way (subclasses, dates, dataclasses, large integers, lone surrogates), the standard library
writes the document as before.
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
    """orjson's indented text when its compact form is the standard library's, else None."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - a dependency; the standard library still works
        return None
    passthrough = (
        orjson.OPT_PASSTHROUGH_SUBCLASS
        | orjson.OPT_PASSTHROUGH_DATETIME
        | orjson.OPT_PASSTHROUGH_DATACLASS
    )
    try:
        compact = orjson.dumps(doc, default=_refuse, option=passthrough)
        reference = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
        if compact != reference.encode("utf-8"):
            return None
        indented = orjson.dumps(doc, default=_refuse, option=passthrough | orjson.OPT_INDENT_2)
    except (TypeError, ValueError, UnicodeError):  # orjson.JSONEncodeError is a TypeError
        return None
    return indented.decode("utf-8") + "\n"
