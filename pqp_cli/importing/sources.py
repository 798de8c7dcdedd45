"""Which source a generated file holds: one output file never silently takes another source.

A generated file's header names its source (`# source file: {"name", "folder"}` and
`# source sha256:`). Another source whose records would go to the same file (`q1.csv` then
`q1.xlsx`, two districts' `bao-cao.xlsx`, `--out` of another import) is refused unless
`--replace`: the same name from the same folder (a new version of the sheet), or the very same
bytes, is the same source.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pqp_cli.core.messages import phrase
from pqp_cli.core.problems import PqpError, display_path
from pqp_cli.importing import writing
from pqp_cli.importing.outcome import Note, Where

_SHA = "# source sha256: "
_MARK_NAME = re.compile(r"^" + re.escape(writing.MARK) + r": \S+ from (.*), sheet \"")


@dataclass(frozen=True)
class Recorded:
    """The source a generated file names: its file name, folder (newer files) and digest."""

    name: str
    folder: str | None
    digest: str | None


def recorded(path: Path) -> Recorded | None:
    """The source a generated file was imported from; None when absent or not generated."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if not text.startswith(writing.MARK):
        return None
    name: str | None = None
    folder = digest = None
    for line in writing.header_lines(text):
        if line.startswith(writing.SOURCE):
            with contextlib.suppress(ValueError, AttributeError):
                info = json.loads(line[len(writing.SOURCE) :])
                name, folder = str(info["name"]), str(info["folder"])
        elif line.startswith(_SHA):
            digest = line[len(_SHA) :].strip()
        elif name is None and (match := _MARK_NAME.match(line)):
            name = match.group(1)
    return Recorded(name, folder, digest) if name is not None else None


def same_source(old: Recorded, source: Path, digest: str) -> bool:
    if old.digest == digest:
        return True  # the very same bytes, wherever they lie now
    if old.name not in (source.name, writing.comment_safe(source.name)):
        return False
    return old.folder is None or old.folder == str(source.resolve().parent)


def refuse_other_source(path: Path, source: Path, digest: str, replace: bool) -> str | None:
    """Exit 1 when `path` holds another source's records (unless `replace`); the name of that
    other source when it is being replaced, else None."""
    old = recorded(path)
    if old is None or same_source(old, source, digest):
        return None
    if replace:
        return old.name
    name, digest = display_path(path), (old.digest or "?")[:12]
    where = phrase("source-in-folder", name=old.name, folder=old.folder) if old.folder else old.name
    said = phrase("other-source", path=name, where=where, digest=digest, source=source.name)
    raise PqpError(*said, exit_code=1)


def replacing(path: Path, other: str, where: Where) -> Note:
    """The warning that `--replace` replaces another source's records."""
    return Note.of("replacing/other", where, path=display_path(path), other=other)
