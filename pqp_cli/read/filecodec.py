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

__all__ = ["CODECS", "Unsupported", "decode_outline", "decode_read", "encode_read", "same_reading"]


def encode_read(kind: str, read: FileRead, extra: Any = None) -> bytes:
    """`read` (and `extra`) as bytes; raises Unsupported for a record the codec cannot take.

    The records are packed apart (bytes within the bytes), so that `decode_outline` unpacks
    the rest without them: at a cold start, the parent takes in what a worker read this way."""
    encode = CODECS[kind].encode
    heads = [(e.index, e.line, e.id, e.name, e.bad, e.model is not None) for e in read.entries]
    found = [(p.code, p.line, p.en, p.vi, p.record, p.field, p.kind) for p in read.problems]
    source = read.entries[0].source if read.entries else None
    lines = source.packed() if source is not None else marshal.dumps([])
    try:
        records = marshal.dumps(
            [None if e.model is None else encode(e.model) for e in read.entries]
        )
        return marshal.dumps((heads, found, lines, extra, records))
    except ValueError as exc:  # a value marshal cannot take
        raise Unsupported(exc) from None


def decode_read(kind: str, file: str, payload: bytes) -> tuple[FileRead, Any]:
    """What `encode_read` was given (the file named `file`); raises on a payload it did not make."""
    heads, found, lines, extra, records = marshal.loads(payload)
    source = Lines(lines)
    decode = CODECS[kind].decode
    entries = [
        Entry(kind, file, line, rid, name, index, source, None, m and decode(m), bad)
        for (index, line, rid, name, bad, _), m in zip(heads, marshal.loads(records), strict=True)
    ]
    return FileRead(file, entries, _problems(file, found)), extra


def _problems(file: str, found: list[tuple[Any, ...]]) -> list[Problem]:
    return [
        Problem(code, file, line, en, vi, record, field, pkind)
        for code, line, en, vi, record, field, pkind in found
    ]


Head = tuple[int, int, str | None, str]


def decode_outline(
    file: str, payload: bytes
) -> tuple[list[Head], bytes, list[Problem], Lines, Any]:
    """What `encode_read` was given but the records themselves (left packed): each entry's
    index, line, id and name; which entries reading left out (a flag byte each); the problems;
    the lines; `extra`. Raises on a payload it did not make."""
    rows, found, lines, extra, _ = marshal.loads(payload)
    heads = [(index, line, rid, name) for index, line, rid, name, _, _ in rows]
    bad = bytes(1 if row[4] else 0 for row in rows)
    if not isinstance(extra, list) or len(extra) != len(rows):
        raise ValueError("no facts for each entry")
    if any((facts is None) == row[5] for facts, row in zip(extra, rows, strict=True)):
        raise ValueError("facts for an invalid record")
    return heads, bad, _problems(file, found), Lines(lines), extra


def same_reading(one: bytes, other: bytes) -> bool:
    """Whether two payloads hold the same reading: their values compared, not their bytes
    (marshal writes one value in more than one way: a string another object also holds is
    flagged so). Raises on a payload `encode_read` did not make."""
    heads, found, lines, extra, records = marshal.loads(one)
    unpacked = (heads, found, marshal.loads(lines), extra, marshal.loads(records))
    heads, found, lines, extra, records = marshal.loads(other)
    return unpacked == (heads, found, marshal.loads(lines), extra, marshal.loads(records))
