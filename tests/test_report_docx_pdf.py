"""The Word report looked at, not only parsed: LibreOffice headless converts it to PDF, and the
PDF has A4 pages, the body before the appendix, the page number printed from page 2 on. Skipped,
saying why, where LibreOffice (Debian's libreoffice-writer, installed by .ci/run) is missing."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SAMPLE  # this process's copy of data/ and targets.yaml
from fuzzsize import WHOLE
from typer.testing import CliRunner

from pqp_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
A4_PT = (595.3, 841.9)

pytestmark = [
    pytest.mark.skipif(
        SOFFICE is None,
        reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui "
        "(.ci/run does) to check the Word report's pages as printed",
    ),
    pytest.mark.xdist_group("libreoffice"),  # its module fixture runs LibreOffice once
]


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    os.chdir(SAMPLE)
    docx = folder / "bao-cao.docx"
    args = ["report", "-o", str(docx), "--as-of", "2025-12-31", "--date", "2026-01-05"]
    result = CliRunner().invoke(app, args, env={"NO_COLOR": "1", "PQP_LANG": ""})
    assert result.exit_code == 0, result.stderr
    hostile = _hostile_reports(folder)  # converted by the same LibreOffice run
    profile = folder / "lo-profile"  # its own profile: no clash with a running LibreOffice
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx),
            *map(str, hostile),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder / "bao-cao.pdf"


#: The hostile report's languages LibreOffice converts: in the README's `pytest` the
#: Vietnamese one (its titles hold XML's special characters and Vietnamese both; each
#: conversion is ≈ 1.7 s of CPU), in `.ci/run`'s fuzz step both (`fuzzsize.WHOLE`).
HOSTILE_LANGS = ("vi", "en") if WHOLE else ("vi",)


def _hostile_reports(folder: Path) -> list[Path]:
    """The Word report, in each of `HOSTILE_LANGS`, of a plan whose titles hold XML's special
    characters, Vietnamese and 5,000 characters (`test_hostile_round20_docx`)."""
    from gitrepo import invoke
    from test_hostile_reading import TRAININGS, args, project
    from test_hostile_round20_docx import HOSTILE_TARGETS

    targets = HOSTILE_TARGETS.replace("2320-12-31", "2025-12-31")
    root = project(folder / "hostile", {"trainings.yaml": TRAININGS}, targets)
    outs = []
    for lang in HOSTILE_LANGS:
        outs.append(folder / f"hostile-{lang}.docx")
        command = args(root, "report", "-o", str(outs[-1]), "--lang", lang)
        assert invoke(*command, "--as-of", "2023-06-30")[0] == 0
    return outs


def test_libreoffice_converts_a_hostile_word_report(pdf: Path) -> None:
    for lang in HOSTILE_LANGS:
        converted = (pdf.parent / f"hostile-{lang}.pdf").read_bytes()
        assert converted.startswith(b"%PDF") and len(converted) > 10_000


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    """The MediaBox of each page object of an (uncompressed-dictionary) PDF."""
    sizes = []
    for match in re.finditer(rb"/Type\s*/Page\b(?!s)(.*?)>>", data, re.S):
        box = re.search(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", match[1])
        if box:
            sizes.append((float(box[3]) - float(box[1]), float(box[4]) - float(box[2])))
    return sizes


def test_pdf_pages_are_a4_portrait_and_as_many_as_the_pdf_says(pdf) -> None:
    data = pdf.read_bytes()
    count = int(re.search(rb"/Type\s*/Pages\b.*?/Count\s+(\d+)", data, re.S)[1])
    sizes = page_sizes(data)
    assert len(sizes) == count
    # the report's body (header block, narrative, six tables, signature) and the appendix of
    # who counts (444 establishments, 151 enterprises, ...): tens of pages, not one, not hundreds
    assert 10 <= count <= 80
    for width, height in sizes:
        assert abs(width - A4_PT[0]) < 1 and abs(height - A4_PT[1]) < 1


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
def test_page_number_is_printed_from_page_two_and_the_header_block_is_on_page_one(pdf) -> None:
    def page(n: int) -> list[str]:
        out = subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return [line.strip() for line in out.splitlines() if line.strip()]

    first, second, third = page(1), page(2), page(3)
    assert "UBND TỈNH THANH HÓA" in first[0] and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first[0]
    assert "BÁO CÁO" in first and first[0] != "1"
    assert second[0] == "2" and third[0] == "3"
