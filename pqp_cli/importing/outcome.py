"""What an import tells: places as Excel shows them, warnings and rejected rows, the summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pqp_cli.core.messages import code_of, texts
from pqp_cli.core.models import NOUN_VI
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
    vi = lang == "vi"
    where = f"{report.source} › {report.sheet}"
    counts = (report.created, report.changed, report.unchanged, report.removed)
    if vi:
        lines = [
            f"Đã đọc {report.rows_read} dòng từ {where}.",
            "{}: {} tạo mới, {} thay đổi, {} không đổi, {} bị xóa".format(
                NOUN_VI.get(report.kind, report.kind), *counts
            ),
        ]
    else:
        lines = [
            f"Read {report.rows_read} rows from {where}.",
            "{}: {} created, {} changed, {} unchanged, {} removed".format(report.kind, *counts),
        ]
    if report.enterprises_created:
        n = report.enterprises_created
        lines[-1] += f"; {n} cơ sở mới" if vi else f"; {n} new establishment(s)"
    lines[-1] += "."
    lines += [f"  {vi_text if vi else en}" for en, vi_text in report.changes]
    rejected = len(report.rejected_rows)
    if rejected:
        lines.append(f"{rejected} dòng bị loại:" if vi else f"{rejected} row(s) rejected:")
    elif report.rejects:  # the whole sheet is refused, not some of its rows
        lines.append("Bảng tính bị từ chối:" if vi else "The sheet is refused:")
    if report.rejects:
        lines += [f"  {note.message(lang)}" for note in report.rejects]
    lines.append(_written(report, vi))
    return lines


def _written(report: ImportReport, vi: bool) -> str:
    if report.dry_run:
        if report.blocked:
            if vi:
                return "Chạy thử (--dry-run): không ghi gì; khi chạy thật cũng không ghi gì."
            return "Dry run: nothing written; a real import would write nothing either."
        return "Chạy thử (--dry-run): không ghi gì." if vi else "Dry run: nothing written."
    if report.blocked and report.skip_invalid:
        if vi:
            return "Không ghi gì: có lỗi không thuộc dòng nào để bỏ qua; hãy sửa bảng tính."
        return "Nothing written: an error belongs to no row that could be left out; fix the sheet."
    if report.blocked:
        if vi:
            return "Không ghi gì vì có dòng bị loại; sửa bảng tính, hoặc dùng --skip-invalid."
        return "Nothing written, as rows were rejected: fix the sheet, or pass --skip-invalid."
    text = ""
    if report.written:
        text = f"Đã ghi {_paths(report.written)}." if vi else f"Wrote {_paths(report.written)}."
    else:
        text = "Không có gì thay đổi." if vi else "Nothing changed."
    if report.rejects_file:
        path = display_path(report.rejects_file)
        text += f" Các dòng bị loại đã ghi vào {path}." if vi else f" Rejected rows are in {path}."
    if report.rejects_failed:
        text += " " + report.rejects_failed[1 if vi else 0]
    return text
