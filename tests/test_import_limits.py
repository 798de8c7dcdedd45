"""Review of issue 9, finding 9: resource limits, refused naming the cell, never exhausted.

Through the CLI on sheets built in the test; the figure (status JSON) and the message.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from test_import_helpers import data_dir, ods, pqp, xlsx
from test_import_nolose import figures

D = dt.datetime(2023, 4, 3)
HEADER = ["STT", "Tên lớp tập huấn", "Ngày tập huấn", "Nội dung", "Tên cơ sở"]


def test_a_cell_over_ten_thousand_characters_is_rejected(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    rows = [
        HEADER,
        [1, "Lớp A", D, "Đo lường", "Cty Bánh kẹo Lam Sơn"],
        [2, "Lớp B " + "x" * 20_000, D, "Đo lường", "HTX Nông nghiệp Lân"],
    ]
    source = xlsx(tmp_path / "lop.xlsx", rows, title="DS")
    result = pqp("import", "trainings", source, "--data", data)
    assert result.exit_code == 1
    assert (
        'lop.xlsx › DS › B3 (column "Tên lớp tập huấn"): the cell holds 20006 characters, more'
        " than 10000"
    ) in result.stdout
    assert "x" * 200 not in result.stdout
    assert figures(tmp_path, data)["T1"] == 0


def _far_ods(path: Path, stored: bool) -> Path:
    """An .ods with a list in A1:B2 and one stray cell a million rows below, at column AN."""
    ods(path, [["Tên doanh nghiệp", "Loại hình"], ["Công ty A", "Doanh nghiệp"]], title="DS")
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    far = (
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell/>'
        '</table:table-row><table:table-row><table:table-cell table:number-columns-repeated="39"/>'
        '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
        "</table:table-row>"
    )
    parts["content.xml"] = parts["content.xml"].replace(
        b"</table:table>", far.encode() + b"</table:table>"
    )
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            kind = zipfile.ZIP_STORED if stored or name == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(name, data, kind)
    return path


def test_an_ods_with_a_stray_far_cell_is_refused_naming_it(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    for stored in (False, True):
        source = _far_ods(tmp_path / f"dn{stored}.ods", stored)
        result = pqp("import", "enterprises", source, "--data", data)
        assert result.exit_code == 2
        assert "› DS: the used range reaches AN1000003 (a cell at AN1000003)" in result.stderr
        assert "web page" not in result.stderr
    assert not (data / "enterprises").is_dir()
    assert figures(tmp_path, data)["T1"] == 0
