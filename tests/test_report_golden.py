"""Golden files: the Markdown (English, mid-2024: projections under way) and HTML (Vietnamese,
2025-09-30: targets met, the new communes' names) reports of the bundled sample data.
Regenerate after a deliberate change, then review the diff:

    PQP_UPDATE_GOLDEN=1 pytest tests/test_report_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SAMPLE  # this process's copy of data/ and targets.yaml
from typer.testing import CliRunner

from pqp_cli.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("PQP_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize(
    ("name", "as_of", "lang"),
    [("report.md", "2024-06-30", "en"), ("report.html", "2025-09-30", "vi")],
)
def test_report_of_the_sample_data_matches_its_golden_file(
    name, as_of, lang, tmp_path, monkeypatch
):
    monkeypatch.chdir(SAMPLE)  # problem locations are printed relative to the current folder
    out = tmp_path / name
    args = ["report", "-o", str(out), "--as-of", as_of, "--lang", lang]
    args += ["--data", "data", "--targets", "targets.yaml"]
    result = CliRunner().invoke(app, args, env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    produced = out.read_text(encoding="utf-8")
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(produced, encoding="utf-8")
    assert golden.exists(), f"no {golden}; run PQP_UPDATE_GOLDEN=1 pytest {__file__}"
    assert produced == golden.read_text(encoding="utf-8"), (
        f"{name} differs from {golden}; if the change is intended, regenerate with "
        "PQP_UPDATE_GOLDEN=1 pytest tests/test_report_golden.py and review the diff"
    )
