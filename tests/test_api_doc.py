"""docs/api.md's examples run as written, in a copy of the bundled sample, and give what the
commands give: the library is what the command line is a thin layer over."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from pqp_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[1]


def _examples() -> list[str]:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)


@contextlib.contextmanager
def _in_sample_copy(tmp_path: Path) -> Iterator[Path]:
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns(".pqp-cache"))
    shutil.copy(ROOT / "targets.yaml", tmp_path / "targets.yaml")
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(here)


def _run(code: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "docs/api.md", "exec"), {"__name__": "docs_api_example"})  # noqa: S102
    return out.getvalue()


def test_the_docs_show_two_examples() -> None:
    assert len(_examples()) == 2


def test_the_status_example_prints_the_figures_of_pqp_status(tmp_path: Path) -> None:
    with _in_sample_copy(tmp_path):
        printed = _run(_examples()[0])
        cli = CliRunner().invoke(app, ["status", "--as-of", "2025-12-31", "--format", "json"])
        markdown = CliRunner().invoke(
            app, ["status", "--as-of", "2025-12-31", "--format", "markdown"]
        )
        word = Document("bao-cao.docx")
    rows = json.loads(cli.stdout)["targets"]
    expected = [f"{r['id']} {r['value']} {r['target']} {r['status']}" for r in rows]
    lines = printed.splitlines()
    assert [line for line in lines if line.split(" ")[0] in {r["id"] for r in rows}][
        : len(rows)
    ] == expected
    assert markdown.stdout.strip() in printed  # render_status gives the command's markdown
    assert "BÁO CÁO" in "\n".join(p.text for p in word.paragraphs)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_import_example_writes_the_trainings_it_says(tmp_path: Path) -> None:
    with _in_sample_copy(tmp_path):
        printed = _run(_examples()[1])
        written = (tmp_path / "data" / "trainings" / "diem-danh.yaml").read_text(encoding="utf-8")
        after = CliRunner().invoke(app, ["validate", "--format", "json"])
    assert printed.splitlines() == [
        "Read 3 rows from diem-danh.xlsx › Điểm danh.",
        "trainings: 2 created, 0 changed, 0 unchanged, 0 removed.",
        "Wrote data/trainings/diem-danh.yaml.",
    ]
    assert written.count("- id:") == 2 and "TH-0001" in written and "TH-0002" in written
    assert json.loads(after.stdout)["errors"] == 0
