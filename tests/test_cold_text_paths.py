"""Text is cleaned and control characters refused the same way whichever path a record takes:
a data file (whose reader cleans first, so validation trusts it), the library's models
directly, or an imported spreadsheet. The cold-load shortcuts must not open a gap in any."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from pydantic import ValidationError

from pqp_cli.core.models import Enterprise, Training, cleaned_text, tax_code_check_ok
from pqp_cli.core.text import fold, parse_date
from pqp_cli.read.filecodec import CODECS
from pqp_cli.read.loading import read_records

NFD_NAME = unicodedata.normalize("NFD", "Công ty Bình Minh")
MESSY = f"  {NFD_NAME}   Hà\u00a0Nội  "  # NFD, spaces at both ends, runs inside
CLEAN = "Công ty Bình Minh Hà Nội"


def _enterprise(name: str, **more: str) -> dict[str, str]:
    return {"id": "E-1", "name": name, "type": "enterprise", **more}


def test_models_called_directly_clean_text_and_refuse_control_characters() -> None:
    assert Enterprise.model_validate(_enterprise(MESSY, sector=" a  b ")).name == CLEAN
    for bad in ("A\x01B", "tab\x0bhere", "del\x7f", "c1\x85"):
        with pytest.raises(ValidationError, match="control character"):
            Enterprise.model_validate(_enterprise(bad))
    with pytest.raises(ValidationError, match="control character"):
        Enterprise.model_validate(_enterprise("ok", type="enter\x02prise"))
    with pytest.raises(ValidationError, match="control character"):
        Training.model_validate(
            {"id": "T-1", "title": "x", "date": "2025-01-0\x01", "topics": ["standards"]}
        )


def test_trust_ends_with_its_block_and_does_not_reach_other_callers() -> None:
    with cleaned_text():
        trusted = Enterprise.model_validate(_enterprise("already clean"))
    assert trusted.name == "already clean"
    assert Enterprise.model_validate(_enterprise(MESSY)).name == CLEAN  # cleaned again
    with pytest.raises(ValidationError):
        Enterprise.model_validate(_enterprise("A\x01B"))


def _read(tmp_path: Path, body: str) -> tuple[list[str | None], list[str]]:
    read = read_records("enterprises", "e.yaml", body.encode("utf-8"))
    names = [None if e.model is None else e.model.name for e in read.entries]
    return names, [p.code for p in read.problems]


def test_a_data_file_gets_its_text_cleaned_and_its_control_characters_refused(
    tmp_path: Path,
) -> None:
    plain = f"- id: E-1\n  name: '{MESSY}'\n  type: enterprise\n"
    assert _read(tmp_path, plain)[0] == [CLEAN]
    crlf = plain.replace("\n", "\r\n")
    assert _read(tmp_path, crlf)[0] == [CLEAN]
    escaped = '- id: E-1\n  name: "A\\x01B"\n  type: enterprise\n'
    assert _read(tmp_path, escaped) == ([None], ["invalid-value"])
    raw = "- id: E-1\n  name: A\x01B\n  type: enterprise\n"
    assert _read(tmp_path, raw) == ([], ["yaml-syntax"])
    spaced = '- id: E-1\n  name: "  two\\u00a0 words "\n  type: enterprise\n'
    assert _read(tmp_path, spaced)[0] == ["two words"]


def test_an_imported_sheet_gets_the_same_cleaning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from openpyxl import Workbook

    from pqp_cli.importing import import_sheet

    monkeypatch.chdir(tmp_path)
    Path("data").mkdir()
    book = Workbook()
    sheet = book.active
    sheet.append(["Mã cơ sở", "Tên doanh nghiệp", "Loại hình"])
    sheet.append(["E-1", MESSY, "Doanh nghiệp"])
    book.save("dn.xlsx")
    report = import_sheet(kind="enterprises", source=Path("dn.xlsx"), data_dir=Path("data"))
    assert report.exit_code == 0, report
    read = read_records("enterprises", "x", report.written[0].read_bytes())
    assert [e.model.name for e in read.entries if e.model is not None] == [CLEAN]


@pytest.mark.parametrize(
    "text",
    ["2024-02-29", "2023-02-29", "2024-13-01", "2024-1-05", "0000-01-01", "２０２４-01-01"],
)
def test_a_date_reads_as_the_patterns_read_it(text: str) -> None:
    expected = None
    if text == "2024-02-29":
        expected = dt.date(2024, 2, 29)
    elif text == "2024-1-05":
        expected = dt.date(2024, 1, 5)
    elif text == "２０２４-01-01":
        expected = dt.date(2024, 1, 1)  # any decimal digits, as `\d` reads them
    assert parse_date(text) == expected


def test_the_tax_code_check_digit() -> None:
    assert tax_code_check_ok("0100109106")
    assert not tax_code_check_ok("0100109107")
    assert tax_code_check_ok("0100109106-001")


def test_records_come_back_from_their_codec_as_validated() -> None:
    for model in (
        Enterprise.model_validate(
            _enterprise("Đông Á", tax_code="0100109106", key_product="Có", ocop_products=[])  # type: ignore[arg-type]
        ),
        Enterprise.model_validate(
            {
                **_enterprise("B"),
                "ocop_products": [{"name": "Trà", "stars": "4", "certified_on": "2024-01-02"}],
            }
        ),
        Training.model_validate(
            {"id": "T-1", "title": "x", "date": "03/04/2025", "topics": ["Tiêu chuẩn"]}
        ),
    ):
        codec = CODECS["enterprises" if isinstance(model, Enterprise) else "trainings"]
        back = codec.decode(codec.encode(model))
        assert back == model and back.model_fields_set == model.model_fields_set
        assert back.__dict__ == model.__dict__


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Hợp tác xã  Đồng Tâm ", "hop tac xa dong tam"),
        ("CÔNG TY\tTNHH", "cong ty tnhh"),
        ("e\u0301 (NFD)", "e (nfd)"),  # a stray combining mark is dropped
        ("İstanbul", "istanbul"),  # lower() makes a combining dot, dropped too
        ("plain ascii", "plain ascii"),
        ("", ""),
    ],
)
def test_fold_sets_case_diacritics_and_spacing_aside(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(text) == folded  # the second time from the words kept
