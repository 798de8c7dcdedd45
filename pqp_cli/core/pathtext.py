"""Names and paths as pqp prints them: every control character written as an escape.

A file name may hold a line break, ESC or BEL (git and most file systems allow them); printed
raw, it could start a line of its own (a workflow command) or drive the terminal. Every path or
entry name pqp shows goes through `shown`, so none of them reaches an output raw.
"""

from __future__ import annotations

import os
import re

#: C0 controls (tab and line feed included), DEL, C1 controls, line/paragraph separators and
#: lone surrogates (undecodable bytes in a file name).
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    c = match.group()
    if c in _NAMED:
        return _NAMED[c]
    code = ord(c)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(name: str | os.PathLike[str]) -> str:
    """`name` with each control character as a visible escape (`\\n`, `\\x1b`, `\\u2028`)."""
    return UNSAFE.sub(_escape, os.fspath(name))


def has_control(name: str) -> bool:
    return UNSAFE.search(name) is not None
