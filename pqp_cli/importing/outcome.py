"""What an import tells: places as Excel shows them, warnings and rejected rows, the summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the column letters Excel shows."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Where:
    """A place in a sheet: 1-based row as Excel numbers it, 0-based column, and its header."""

    source: str
    sheet: str
    row: int | None = None
    col: int | None = None
    header: str | None = None

    def text(self, lang: str = "en") -> str:
        parts = [self.source, self.sheet]
        if self.row is not None and self.col is not None:
            parts.append(f"{column_letter(self.col)}{self.row}")
        elif self.row is not None:
            parts.append(f"{'dòng' if lang == 'vi' else 'row'} {self.row}")
        text = " › ".join(parts)
        if self.header:
            text += f' ({"cột" if lang == "vi" else "column"} "{self.header}")'
        return text


@dataclass(frozen=True)
class Note:
    """A warning about the sheet, or the reason a row was rejected, in English and Vietnamese."""

    code: str
    en: str
    vi: str
    where: Where | None = None

    def message(self, lang: str = "en") -> str:
        text = self.vi if lang == "vi" else self.en
        return f"{self.where.text(lang)}: {text}" if self.where else text


@dataclass
class ImportReport:
    """The outcome of one import, for the CLI to render."""

    kind: str
    source: str
    sheet: str = ""
    rows_read: int = 0
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    enterprises_created: int = 0
    rejects: list[Note] = field(default_factory=list)
    warnings: list[Note] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    rejects_file: Path | None = None
    dry_run: bool = False

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({n.where.row for n in self.rejects if n.where and n.where.row})

    @property
    def exit_code(self) -> int:
        return 1 if self.rejects else 0
