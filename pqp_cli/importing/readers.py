"""Spreadsheet readers: .xlsx/.xls/.ods through calamine, .csv through the csv module."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pqp_cli.core.messages import phrase
from pqp_cli.core.problems import PqpError, display_path
from pqp_cli.core.text import fold
from pqp_cli.importing import odsscan, xlsscan, xlsxscan
from pqp_cli.importing.outcome import Note

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".ods")
FORMATS = (*SPREADSHEETS, ".csv", ".txt", ".tsv")
_DELIMITERS = (",", ";", "\t")
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class Workbook:
    """The sheets of a source: their names in order, and their cells row by row from A1."""

    path: Path
    names: list[str]
    notes: list[Note] = field(default_factory=list)
    _book: Any = None
    _csv_rows: list[list[Any]] | None = None
    #: Per sheet, the 0-based (row, column) of formula cells without a saved value (.xlsx).
    formulas: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    #: Per sheet, the 0-based (row, column) of cells showing an Excel error, and the error.
    errors: dict[str, dict[tuple[int, int], str]] = field(default_factory=dict)

    @property
    def is_csv(self) -> bool:
        return self._csv_rows is not None

    def rows(self, name: str) -> list[list[Any]]:
        if self._csv_rows is not None:
            return self._csv_rows
        suffix = self.path.suffix.lower()
        if suffix in (".xlsx", ".xlsm", ".xls"):
            look = xlsscan.scan if suffix == ".xls" else xlsxscan.scan
            found = look(self.path, name)
            if found is not None:
                xlsxscan.refuse_absurd(found, self.path, name)
                self.formulas[name] = found.formulas
                self.errors[name] = found.errors
        try:
            return self._book.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except Exception as exc:  # calamine raises many kinds: every one means "unreadable"
            raise _unreadable(self.path, exc) from None


def open_workbook(path: Path, encoding: str | None = None) -> Workbook:
    """Open a source; a missing, corrupt or password-protected file raises PqpError (exit 2)."""
    if not path.is_file():
        raise PqpError(*phrase("no-such-file", path=display_path(path)))
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        shown = suffix or phrase("suffix-less")
        raise PqpError(*phrase("cannot-import-suffix", path=display_path(path), suffix=shown))
    if suffix in SPREADSHEETS:
        return _open_calamine(path)
    rows, notes = read_csv(path, encoding)
    return Workbook(path, [path.stem], notes, _csv_rows=rows)


def _open_calamine(path: Path) -> Workbook:
    from python_calamine import CalamineWorkbook

    if path.suffix.lower() == ".ods":  # calamine reads every sheet's grid when it opens one
        for sheet, far in odsscan.scan(path).items():
            xlsxscan.refuse_absurd(far, path, sheet)
    try:
        book = CalamineWorkbook.from_path(str(path))
        names = [
            m.name
            for m in book.sheets_metadata
            if str(m.typ).endswith("WorkSheet") and str(m.visible).endswith(".Visible")
        ] or list(book.sheet_names)
    except Exception as exc:  # corrupt zip, bad XML, password, not a workbook at all
        raise _unreadable(path, exc) from None
    return Workbook(path, names, _book=book)


def _unreadable(path: Path, exc: Exception) -> PqpError:
    name = display_path(path)
    head = _head(path)
    if type(exc).__name__ == "PasswordError" or _encrypted(path, head):
        return PqpError(*phrase("workbook-password", path=name))
    if not head.startswith((b"PK", _OLE)) and re.search(
        rb"<(html|table)[\s>]", head[:4096].lower()
    ):
        return PqpError(*phrase("workbook-html", path=name))
    detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return PqpError(*phrase("workbook-damaged", path=name, suffix=path.suffix, detail=detail))


def _head(path: Path, size: int = 65536) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def _encrypted(path: Path, head: bytes) -> bool:
    """An encrypted OOXML workbook: an OLE container holding an `EncryptionInfo` stream."""
    if not head.startswith(_OLE):
        return False
    return _ENCRYPTED in head or _ENCRYPTED in _head(path, 256 << 20)


def read_csv(path: Path, encoding: str | None = None) -> tuple[list[list[Any]], list[Note]]:
    """The rows of a CSV file, its encoding detected and its delimiter sniffed."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PqpError(*phrase("cannot-read", path=display_path(path), why=exc)) from None
    text, notes = decode(data, encoding, display_path(path))
    text = text.replace("\x00", "")
    delimiter = sniff_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:  # a cell past the field size limit, a stray quote at the end…
        raise PqpError(*phrase("csv-unreadable", path=display_path(path), why=exc)) from None
    _refuse_open_quote(path, text, delimiter, len(rows))
    return rows, notes


def _refuse_open_quote(path: Path, text: str, delimiter: str, count: int) -> None:
    """A quote opened and never closed swallows every later row into one cell: exit 2 naming
    the row where it opens."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    read = 0
    try:
        for _ in reader:
            read += 1
    except csv.Error as exc:
        if "unexpected end of data" not in str(exc) or read + 1 != count:
            return
        row = read + 1
        raise PqpError(*phrase("csv-open-quote", path=display_path(path), row=row)) from None


def decode(data: bytes, encoding: str | None, name: str) -> tuple[str, list[Note]]:
    """Text of a CSV file: `encoding` if given, else UTF-8 (BOM or not), UTF-16 with BOM, cp1258."""
    if encoding:
        try:
            codecs.lookup(encoding)
            return data.decode(encoding), []
        except LookupError:
            raise PqpError(*phrase("unknown-encoding", encoding=encoding)) from None
        except UnicodeDecodeError as exc:
            raise PqpError(
                *phrase("not-in-encoding", path=name, encoding=encoding, at=exc.start)
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), []
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        note = Note.of("encoding/csv-utf16", name=name, codec=utf16)
        return data.decode(utf16, errors="replace"), [note]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    note = Note.of("encoding/csv-cp1258", name=name)
    return data.decode("cp1258", errors="replace"), [note]


def _utf16_without_bom(data: bytes) -> str | None:
    """`utf-16-le`/`utf-16-be` when the bytes look like UTF-16 text without a BOM (ASCII
    characters then have a NUL byte beside them), else None."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even == 0:
        return "utf-16-le"
    if even > half * 0.3 and odd == 0:
        return "utf-16-be"
    return None


def sniff_delimiter(text: str) -> str:
    """`,`, `;` or tab: the one that splits the first lines into the most regular rows."""
    lines = [line for line in text.splitlines()[:40] if line.strip()]
    sample = "\n".join(line[:4096] for line in lines)
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        widths = Counter(
            sum(1 for c in row if c.strip())
            for row in csv.reader(io.StringIO(sample), delimiter=delimiter)
        )
        widths.pop(0, None)
        widths.pop(1, None)
        if not widths:
            continue
        width, count = max(widths.items(), key=lambda kv: (kv[1], kv[0]))
        if (count, width) > best_score:
            best, best_score = delimiter, (count, width)
    return best


def pick_sheet(book: Workbook, wanted: str) -> str:
    """The sheet `--sheet` names: exactly, else ignoring case and diacritics when unique."""
    if wanted in book.names:
        return wanted
    folded = [n for n in book.names if fold(n) == fold(wanted)]
    if len(folded) == 1:
        return folded[0]
    names = ", ".join(f'"{n}"' for n in book.names)
    raise PqpError(
        *phrase("no-such-sheet", path=display_path(book.path), wanted=wanted, names=names)
    )
