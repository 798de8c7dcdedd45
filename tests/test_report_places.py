"""The XLSX report's locality sheet groups as the HTML and Markdown reports do: by old district
(or by 2025 commune with `--locality commune`), every figure equal to `status --format json
--by district|commune` on the bundled sample (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE  # this process's copy of data/ and targets.yaml
from openpyxl import load_workbook
from typer.testing import CliRunner

from pqp_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2025-12-31"
HEADS = {
    ("district", "vi"): "Huyện (cũ)",
    ("district", "en"): "Old district (to 2025-06-30)",
    ("commune", "vi"): "Xã, phường (từ 01/07/2025)",
}
NONE = {"vi": "(không rõ)", "en": "(none)"}


def invoke(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args), env={"NO_COLOR": "1", "PQP_LANG": ""})
    assert result.exit_code == 0, result.stderr
    return result


@pytest.fixture(autouse=True)
def _in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SAMPLE)


def _sheet(tmp_path: Path, lang: str, *extra: str) -> list[list[Any]]:
    out = tmp_path / f"r-{lang}.xlsx"
    invoke("report", "-o", str(out), "--as-of", AS_OF, "--lang", lang, *extra)
    book = load_workbook(out)
    sheet = book.worksheets[2]  # summary, by year, by locality
    return [[c.value for c in row] for row in sheet.iter_rows()]


def _status(level: str) -> dict[str, Any]:
    args = ("status", "--format", "json", "--by", level, "--as-of", AS_OF)
    return json.loads(invoke(*args).stdout)


def _expected(status: dict[str, Any], level: str, lang: str) -> tuple[list[Any], list[list[Any]]]:
    """The sheet as the status JSON says it should be: heads, then one row per group."""
    key = f"by_{level}"
    targets = [t for t in status["targets"] if t.get(key) is not None]
    heads: list[Any] = [HEADS[level, lang]]
    names: dict[str, None] = {}
    for t in targets:
        names.update(dict.fromkeys(t[key]))
        if t["kind"] == "count":
            heads.append(t["id"])
        else:
            counted, of = ("Được tính", "Mẫu số") if lang == "vi" else ("Counted", "/")
            heads += [f"{t['id']} {counted}", f"{t['id']} {of}", f"{t['id']} %"]
    rows = []
    for name in names:
        row: list[Any] = [NONE[lang] if name == "(none)" else name]
        for t in targets:
            entry = t[key].get(name)
            if t["kind"] == "count":
                row.append(entry or 0)
            else:
                entry = entry or {}
                row += [entry.get("numerator"), entry.get("denominator"), entry.get("value")]
        rows.append(row)
    return heads, rows


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_xlsx_locality_sheet_groups_by_old_district_as_status_json(tmp_path, lang) -> None:
    sheet = _sheet(tmp_path, lang)
    heads, rows = _expected(_status("district"), "district", lang)
    assert sheet[0] == heads
    assert sorted(sheet[1:], key=str) == sorted(rows, key=str)
    assert any(str(r[0]).startswith("Huyện ") for r in sheet[1:])


def test_xlsx_locality_sheet_by_commune_on_request(tmp_path) -> None:
    sheet = _sheet(tmp_path, "vi", "--locality", "commune")
    heads, rows = _expected(_status("commune"), "commune", "vi")
    assert sheet[0] == heads
    assert sorted(sheet[1:], key=str) == sorted(rows, key=str)


def test_word_locality_table_by_commune_on_request(tmp_path) -> None:
    import docx

    out = tmp_path / "r.docx"
    invoke("report", "-o", str(out), "--as-of", AS_OF, "--lang", "vi", "--locality", "commune")
    document = docx.Document(str(out))
    table = next(t for t in document.tables if t.rows[0].cells[1].text == HEADS["commune", "vi"])
    status = _status("commune")
    targets = [t for t in status["targets"] if t["by_commune"] is not None]
    assert [c.text for c in table.rows[0].cells][2:] == [t["id"] for t in targets]
    found = {row.cells[1].text: [c.text for c in row.cells[2:]] for row in table.rows[1:]}
    groups = {n for t in targets for n in t["by_commune"]}
    assert {"(none)" if n == NONE["vi"] else n for n in found} == groups
    for i, t in enumerate(targets):
        for name, cells in found.items():
            entry = t["by_commune"].get("(none)" if name == NONE["vi"] else name)
            if t["kind"] == "count":
                assert cells[i].replace(".", "") == str(entry or 0), (t["id"], name)
            elif entry is not None:
                n, d, v = entry["numerator"], entry["denominator"], entry["value"]
                assert cells[i] == f"{n}/{d} ({str(v).replace('.', ',')}%)", (t["id"], name)
    notes = [p.text for p in document.paragraphs]
    assert any(p.startswith("Theo xã, phường (từ 01/07/2025") for p in notes)
