"""`validate --format github` as docs/contract.md §5 says: the text lines, annotations for the first 10 of
each severity, and the full table appended to `$GITHUB_STEP_SUMMARY`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqp_cli.cli.app import app
from pqp_cli.core.models import tax_code_check_ok
from pqp_cli.core.problems import Problem
from pqp_cli.render.problems import to_github

TARGETS = "- {id: T1, title: Trained, metric: trained_establishments, target: 5}"


def bad_tax_codes(n: int) -> list[str]:
    codes = (f"28{i:08d}" for i in range(10_000))
    return [c for c in codes if not tax_code_check_ok(c)][:n]


@pytest.fixture
def noisy(ws):  # type: ignore[no-untyped-def]
    """12 errors (missing type) and 12 warnings (tax-code check digit), one record each."""
    errors = "".join(f"- {{id: X{i}, name: Cơ sở {i}}}\n" for i in range(12))
    warnings = "".join(
        f"- {{id: W{i}, name: Công ty {i}, type: enterprise, tax_code: '{code}'}}\n"
        for i, code in enumerate(bad_tax_codes(12))
    )
    return ws.write(TARGETS, enterprises=errors + warnings)


def run(args: list[str], summary: Path | None) -> tuple[int, str]:
    env = {"PQP_LANG": "", "NO_COLOR": "1", "GITHUB_STEP_SUMMARY": str(summary) if summary else ""}
    result = CliRunner().invoke(app, args, env=env)
    return result.exit_code, result.stdout


def test_annotations_for_the_first_ten_of_each_severity(noisy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out = run(noisy.args("validate", "--format", "github"), tmp_path / "summary.md")
    lines = out.splitlines()
    assert code == 1
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 10
    assert sum(" error [missing-field] " in line for line in lines) == 12, "every text line"
    assert sum(" warning [tax-code-checksum] " in line for line in lines) == 12
    first = next(line for line in lines if line.startswith("::error "))
    assert first.startswith("::error file=") and ",line=1,title=missing-field::" in first
    assert lines[-1] == "12 error(s), 12 warning(s)"


def test_the_full_table_is_appended_to_the_step_summary(noisy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    summary = tmp_path / "summary.md"
    summary.write_text("## earlier step\n", encoding="utf-8")
    run(noisy.args("validate", "--format", "github"), summary)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## earlier step\n"), "appended, never overwritten"
    assert "### pqp validate: 12 error(s), 12 warning(s)" in text
    rows = [
        line
        for line in text.splitlines()
        if line.startswith("| error") or line.startswith("| warning")
    ]
    assert len(rows) == 24
    assert "| severity " in text and "| message " in text


def test_no_summary_file_without_github(noisy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out = run(noisy.args("validate", "--format", "github"), None)
    assert code == 1 and "::error " in out
    assert not list(tmp_path.glob("*.md"))


def test_clean_data_passes_with_a_one_line_summary(ws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws.write(TARGETS, enterprises="- {id: E1, name: Lam Sơn, type: enterprise}\n")
    summary = tmp_path / "summary.md"
    code, out = run(ws.args("validate", "--format", "github"), summary)
    assert (code, out) == (0, "0 error(s), 0 warning(s)\n")
    assert "0 error(s), 0 warning(s)" in summary.read_text(encoding="utf-8")


def test_workflow_command_escaping() -> None:
    problems = [
        Problem("invalid-value", "data/a,b:c.yaml", 3, "50% done\r\nnext: x, y", "vi"),
        Problem("unknown-file", "data/notes.yaml", None, "ignored", "bỏ qua"),
    ]
    out = to_github(problems, "en")
    assert (
        "::error file=data/a%2Cb%3Ac.yaml,line=3,title=invalid-value::50%25 done%0D%0Anext: x, y"
        in out
    )
    assert "::warning file=data/notes.yaml,title=unknown-file::ignored" in out
    assert "data/a,b:c.yaml:3: error [invalid-value] 50% done" in out
