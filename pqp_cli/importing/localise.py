"""A dataset problem found on the files import is about to write names `FILE:LINE` of a file
that may never be written (a dry run, a blocked import, a record left out): say "this sheet,
row N" instead, the place the analyst can open."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pqp_cli.core.i18n import tr
from pqp_cli.core.problems import display_path

_RECORD_START = re.compile(r"^- id: ?(.*)$")


def _starts(text: str) -> list[tuple[int, str]]:
    """(1-based line, id) of each record of a generated file's text."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _RECORD_START.match(line)
        if match:
            found.append((number, match.group(1).strip().strip("'\"")))
    return found


def _row_of(starts: list[tuple[int, str]], rows_of: dict[str, list[int]], line: int) -> int | None:
    rid = next((r for n, r in reversed(starts) if n <= line), None)
    rows = rows_of.get(rid or "", [])
    return rows[0] + 1 if rows else None


def localise(
    en: str, vi: str, files: dict[Path, str], rows_of: dict[str, list[int]]
) -> tuple[str, str]:
    """`en`/`vi` with each `FILE:LINE` of an unwritten file replaced by its sheet row."""
    for path, text in files.items():
        names = {str(path), display_path(path)}
        pattern = re.compile("(" + "|".join(re.escape(n) for n in names) + r"):(\d+)")
        if not pattern.search(en) and not pattern.search(vi):
            continue
        starts = _starts(text)
        for lang in ("en", "vi"):
            said = tr("import_this_sheet_row", lang)
            parts, last = [], 0
            source = en if lang == "en" else vi
            for match in pattern.finditer(source):
                row = _row_of(starts, rows_of, int(match.group(2)))
                parts += [source[last : match.start()], f"{said} {row}" if row else match.group(0)]
                last = match.end()
            parts.append(source[last:])
            en, vi = ("".join(parts), vi) if lang == "en" else (en, "".join(parts))
    return en, vi


def local_problem(files: dict[Path, str], built: list[Any], p: Any) -> tuple[str, str]:
    """A problem's text with places in files not written named as sheet rows (`built`: the
    records written from the sheet, each with `.record` and `.rows`)."""
    rows_of = {b.record["id"]: b.rows for b in built}
    return localise(p.en, p.vi, files, rows_of)
