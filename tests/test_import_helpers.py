"""Helpers for the import tests: sheets built in the test (xlsx, csv, xls, ods), data folders."""

from __future__ import annotations

import csv
import datetime as dt
import io
import textwrap
import unicodedata
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from typer.testing import CliRunner

from pqp_cli.cli.app import app
from pqp_cli.load.dataset import load_dataset
from pqp_cli.read.loading import Dataset

_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def tax(body: str) -> str:
    """A tax code with the right check digit for its first nine digits."""
    check = 10 - sum(w * int(d) for w, d in zip(_WEIGHTS, body, strict=True)) % 11
    assert check < 10, f"no valid check digit for {body}"
    return body + str(check)


# Valid tax codes: of the tests' establishments, of a new one, and one that starts with 0.
TAX_LAMSON, TAX_LAN, TAX_NEW = tax("280000002"), tax("280000003"), tax("280000004")
TAX_ZERO = tax("010000004")

ENTERPRISES = f"""\
- id: DN001
  name: Công ty TNHH Bánh kẹo Lam Sơn
  type: enterprise
  tax_code: "{TAX_LAMSON}"
  locality: Thọ Xuân
- id: HTX01
  name: HTX Nông nghiệp Lân
  type: cooperative
  tax_code: "{TAX_LAN}"
- id: HTX02
  name: HTX Nông nghiệp Lan
  type: cooperative
- id: HKD01
  name: Hộ kinh doanh Nước mắm Hải Thanh
  type: household
- id: DN002
  name: Công ty CP Mía đường Nông Cống
  type: enterprise
  tax_code: "{TAX_ZERO}"
"""
UNITS = """\
- id: U1
  name: Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng
  public: true
  qualified_on: 2022-01-10
"""


def data_dir(root: Path, **kinds: str) -> Path:
    """`root/data` with `<kind>.yaml` files from inline YAML (enterprises by default)."""
    data = root / "data"
    data.mkdir(parents=True, exist_ok=True)
    kinds.setdefault("enterprises", ENTERPRISES)
    kinds.setdefault("units", UNITS)
    for kind, text in kinds.items():
        (data / f"{kind}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return data


def xlsx(
    path: Path, rows: list[list[Any]], title: str = "Sheet1", merges: tuple[str, ...] = ()
) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def csv_file(
    path: Path, rows: list[list[Any]], delimiter: str = ",", encoding: str = "utf-8"
) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    text = out.getvalue()
    path.write_bytes(cp1258(text) if encoding == "cp1258" else text.encode(encoding))
    return path


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(text: str) -> bytes:
    """Text as Vietnamese Windows writes it: base letters (â, ơ, ư…) and combining tone marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        marks = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in marks if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in marks if c not in _TONES))
        out += (base + tones).encode("cp1258")
    return bytes(out)


def xls(path: Path, rows: list[list[Any]], title: str = "Sheet1") -> Path:
    """A real .xls (BIFF8) written by xlwt."""
    import xlwt  # type: ignore[import-untyped]

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet(title)
    dates = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write(r, c, value, dates)
            elif value is not None:
                sheet.write(r, c, value)
    book.save(str(path))
    return path


def _ods_cell(value: Any) -> str:
    if value is None or value == "":
        return "<table:table-cell/>"
    if isinstance(value, dt.date):
        iso = value.isoformat()
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{iso}">'
            f"<text:p>{iso}</text:p></table:table-cell>"
        )
    if isinstance(value, (int, float)):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


def ods(path: Path, rows: list[list[Any]], title: str = "Sheet1") -> Path:
    """A minimal OpenDocument spreadsheet, zipped by hand."""
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    body = "".join(
        "<table:table-row>" + "".join(_ods_cell(v) for v in row) + "</table:table-row>"
        for row in rows
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{escape(title)}">{body}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def pqp(*args: str | Path) -> Any:
    """Run the CLI in-process; the result has exit_code, stdout and stderr."""
    return CliRunner().invoke(app, [str(a) for a in args])


def load(data: Path) -> Dataset:
    return load_dataset(data, today=dt.date(2025, 1, 1))


def errors(data: Path) -> list[str]:
    return [f"{p.file}:{p.line}: {p.code} {p.en}" for p in load(data).problems if p.is_error]
