"""What an import tells: places as Excel shows them, warnings and rejected rows, the summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pqp_cli.core.i18n import tr
from pqp_cli.core.messages import Texts, code_of, kind_word, texts
from pqp_cli.core.problems import display_path


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
            parts.append(f"{tr('import_row', lang)} {self.row}")
        text = " › ".join(parts)
        if self.header:
            text += f' ({tr("import_column", lang)} "{self.header}")'
        return text


@dataclass(frozen=True)
class Note:
    """A warning about the sheet, or the reason a row was rejected, in English and Vietnamese."""

    code: str
    en: str
    vi: str
    where: Where | None = None

    @classmethod
    def of(cls, key: str, where: Where | None = None, /, **params: object) -> Note:
        """The note of catalogue message `key` (core/messages), its parameters filled in."""
        en, vi = texts(key, **params)
        return cls(code_of(key), en, vi, where)

    def message(self, lang: str = "en") -> str:
        text = self.vi if lang == "vi" else self.en
        return f"{self.where.text(lang)}: {text}" if self.where else text


@dataclass(kw_only=True)
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
    changes: list[tuple[str, str]] = field(default_factory=list)  # per changed record, en/vi
    written: list[Path] = field(default_factory=list)
    rejects_file: Path | None = None
    rejects_failed: tuple[str, str] | None = None  # why the rejects CSV was not written
    dry_run: bool = False
    blocked: bool = False  # nothing may be written (rejects without --skip-invalid, or errors)
    skip_invalid: bool = False  # --skip-invalid was given (so never advise it)

    @property
    def rejected_rows(self) -> list[int]:
        return sorted({n.where.row for n in self.rejects if n.where and n.where.row})

    @property
    def exit_code(self) -> int:
        return 1 if self.rejects else 0


def _paths(paths: list[Path]) -> str:
    return ", ".join(display_path(p) for p in paths)


def describe(report: ImportReport, lang: str = "en") -> list[str]:
    """The summary of an import, line by line: counts, then what was (or was not) written."""
    where = f"{report.source} › {report.sheet}"
    counts = dict(
        created=report.created,
        changed=report.changed,
        unchanged=report.unchanged,
        removed=report.removed,
    )
    lines = [
        tr("import_read", lang, rows=report.rows_read, where=where),
        tr("import_counts", lang, kind=kind_word(report.kind), **counts),
    ]
    if report.enterprises_created:
        lines[-1] += tr("import_new_establishments", lang, n=report.enterprises_created)
    lines[-1] += "."
    lines += [f"  {Texts(*change).text(lang)}" for change in report.changes]
    rejected = len(report.rejected_rows)
    if rejected:
        lines.append(tr("import_rows_rejected", lang, n=rejected))
    elif report.rejects:  # the whole sheet is refused, not some of its rows
        lines.append(tr("import_sheet_refused", lang))
    if report.rejects:
        lines += [f"  {note.message(lang)}" for note in report.rejects]
    lines.append(_written(report, lang))
    return lines


def _written(report: ImportReport, lang: str) -> str:
    if report.dry_run:
        return tr("import_dry_blocked" if report.blocked else "import_dry", lang)
    if report.blocked and report.skip_invalid:
        return tr("import_skip_blocked", lang)
    if report.blocked and report.rejects and not report.rejected_rows:
        return tr("import_sheet_blocked", lang)  # the whole sheet: no row to leave out
    if report.blocked:
        return tr("import_blocked", lang)
    if report.written:
        text = tr("import_wrote", lang, paths=_paths(report.written))
    else:
        text = tr("import_nothing_changed", lang)
    if report.rejects_file:
        text += tr("import_rejects_in", lang, path=display_path(report.rejects_file))
    if report.rejects_failed:
        text += " " + Texts(*report.rejects_failed).text(lang)
    return text
