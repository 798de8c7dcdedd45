"""Problems are values: a stable code from the catalogue (core/messages), a location and a
message in en/vi."""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pqp_cli.core.messages import CATALOGUE, code_of, texts
from pqp_cli.core.pathtext import shown

Severity = Literal["error", "warning"]

#: docs/contract.md §5's codes → severity, from the catalogue (core/messages).
CODES: dict[str, Severity] = {
    code: "error" if e.severity == "error" else "warning"
    for code, e in CATALOGUE.items()
    if e.family == "problem"
}


class PqpError(Exception):
    """Cannot go on (missing folder, unreadable targets file, unknown target): exit 2."""

    def __init__(self, en: str, vi: str | None = None, exit_code: int = 2) -> None:
        super().__init__(en)
        self.en = en
        self.vi = vi or en
        self.exit_code = exit_code

    def message(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


#: Temporary folders whose files stand for others (a revision's checkout), and how a path
#: below each is named instead: `HEAD:data/trainings/2021.yaml`, as git names a committed file.
SHOWN_AS: dict[str, str] = {}


def display_path(path: Path | str) -> str:
    """A path relative to the current folder when it lies below it, else as given; control
    characters (a line break, ESC …) as visible escapes, so no name reaches an output raw. A
    file of a revision's temporary checkout is named as in the commit (`SHOWN_AS`)."""
    if SHOWN_AS:
        text = os.fspath(path)
        for folder, label in SHOWN_AS.items():
            if text.startswith(folder + os.sep):
                return shown(label + text[len(folder) + 1 :].replace(os.sep, "/"))
    try:
        rel = os.path.relpath(path)
    except (ValueError, OSError):  # another drive on Windows; no current folder to be below
        return shown(path)  # (removed while pqp ran in it, or a path too long to say)
    return shown(path) if rel.startswith("..") else shown(rel)


@dataclass(frozen=True)
class Problem:
    code: str
    file: str
    line: int | None
    en: str
    vi: str
    record: str | None = None
    field: str | None = None
    kind: str | None = dataclasses.field(default=None, compare=False)

    @classmethod
    def of(
        cls,
        key: str,
        file: str,
        line: int | None,
        /,
        *,
        record: str | None = None,
        field: str | None = None,
        kind: str | None = None,
        **params: Any,
    ) -> Problem:
        """The problem of catalogue message `key` (`code` or `code/variant`) at `file:line`,
        its English and Vietnamese texts the message's templates with `params` filled in."""
        en, vi = texts(key, **params)
        return cls(code_of(key), file, line, en, vi, record, field, kind)

    @property
    def severity(self) -> Severity:
        return CODES[self.code]

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def message(self, lang: str = "en") -> str:
        return self.vi if lang == "vi" else self.en

    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def as_dict(self, lang: str = "en") -> dict[str, object]:
        return {
            "severity": self.severity,
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "record": self.record,
            "field": self.field,
            "message": self.message(lang),
        }


def sort_key(p: Problem) -> tuple[str, int, str]:
    return (p.file, p.line or 0, p.code)
