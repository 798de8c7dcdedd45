"""A file's reading as bytes and back: how worker processes hand their readings to the parent,
and what the cache keeps of each file (`pqp_cli.cache.dataset`).

Records go through `recordcodec` (no validation on the way back: they were validated when the
file was read); a file's lines stay packed until a message needs one. `extra` carries plain
values worked out beside the reading (the checks' facts of each record, for the cache)."""

from __future__ import annotations

import marshal
from typing import Any

from pqp_cli.core.models import MODELS
from pqp_cli.core.problems import Problem
from pqp_cli.read.loading import Entry, FileRead, Lines
from pqp_cli.read.recordcodec import ModelCodec, Unsupported

CODECS = {kind: ModelCodec(model) for kind, model in MODELS.items()}

__all__ = ["CODECS", "Unsupported", "decode_read", "encode_read"]


def encode_read(kind: str, read: FileRead, extra: Any = None) -> bytes:
    """`read` (and `extra`) as bytes; raises Unsupported for a record the codec cannot take."""
    encode = CODECS[kind].encode
    rows = [
        (e.index, e.line, e.id, e.name, e.bad, None if e.model is None else encode(e.model))
        for e in read.entries
    ]
    found = [(p.code, p.line, p.en, p.vi, p.record, p.field, p.kind) for p in read.problems]
    source = read.entries[0].source if read.entries else None
    lines = source.packed() if source is not None else marshal.dumps([])
    try:
        return marshal.dumps((rows, found, lines, extra))
    except ValueError as exc:  # a value marshal cannot take
        raise Unsupported(exc) from None


def decode_read(kind: str, file: str, payload: bytes) -> tuple[FileRead, Any]:
    """What `encode_read` was given (the file named `file`); raises on a payload it did not make."""
    rows, found, lines, extra = marshal.loads(payload)
    source = Lines(lines)
    decode = CODECS[kind].decode
    entries = [
        Entry(kind, file, line, rid, name, index, source, None, m and decode(m), bad)
        for index, line, rid, name, bad, m in rows
    ]
    problems = [
        Problem(code, file, line, en, vi, record, field, pkind)
        for code, line, en, vi, record, field, pkind in found
    ]
    return FileRead(file, entries, problems), extra


Head = tuple[int, int, str | None, str]


def decode_outline(
    file: str, payload: bytes
) -> tuple[list[Head], bytes, list[Problem], Lines, Any]:
    """What `encode_read` was given but the records themselves: each entry's index, line, id and
    name; which entries reading left out (a flag byte each); the problems; the lines; `extra`.
    Raises on a payload it did not make."""
    rows, found, lines, extra = marshal.loads(payload)
    heads = [(index, line, rid, name) for index, line, rid, name, _, _ in rows]
    bad = bytes(1 if row[4] else 0 for row in rows)
    if not isinstance(extra, list) or len(extra) != len(rows):
        raise ValueError("no facts for each entry")
    if any((facts is None) != (row[5] is None) for facts, row in zip(extra, rows, strict=True)):
        raise ValueError("facts for an invalid record")
    problems = [
        Problem(code, file, line, en, vi, record, field, pkind)
        for code, line, en, vi, record, field, pkind in found
    ]
    return heads, bad, problems, Lines(lines), extra
