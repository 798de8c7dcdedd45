"""Every example in the README runs (from the repository root, on the sample data), and the
figures it prints are the independent counter's (tests/oracle.py)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shlex
from pathlib import Path

import oracle
import pytest
from conftest import SAMPLE  # this process's copy of data/ and targets.yaml
from typer.testing import CliRunner

from pqp_cli.cli.app import app

#: The oracle reads the sample once per process: its two modules share one worker.
pytestmark = pytest.mark.xdist_group("oracle")

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _examples() -> list[str]:
    block = README.split("<!-- examples:", 1)[1]
    body = re.search(r"```sh\n(.*?)```", block, re.S)
    assert body is not None
    return [line for line in body.group(1).splitlines() if line.startswith("pqp ")]


def test_quick_start_is_exactly_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", quick, re.S)
    assert block is not None
    assert block.group(1).splitlines() == [
        "pip install . && pqp status",
        "pip install -e '.[test]' && pytest",
    ]


@pytest.mark.parametrize("line", _examples())
def test_readme_example_runs(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SAMPLE)
    result = CliRunner().invoke(app, shlex.split(line)[1:])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()


# --- the figures the examples print, against the independent counter (tests/oracle.py) ----------

ORACLE = oracle.Lazy(ROOT / "data", ROOT / "targets.yaml")
#: docs/contract.md §2's status labels, as a user reads them.
LABELS = {
    "en": {"met": "met", "on_track": "on track", "at_risk": "at risk", "behind": "behind", "missed": "missed"},
    "vi": {"met": "Đạt", "on_track": "Đúng tiến độ", "at_risk": "Có nguy cơ chậm", "behind": "Chậm tiến độ", "missed": "Không đạt"},
}  # fmt: skip


def _example(line: str, monkeypatch: pytest.MonkeyPatch) -> str:
    assert line in _examples(), "the README no longer shows this example"
    monkeypatch.chdir(SAMPLE)
    result = CliRunner().invoke(app, shlex.split(line)[1:])
    assert result.exit_code == 0, result.output
    return result.stdout


def _expected_cells(as_of: str, percent_expected: bool, lang: str = "en") -> dict[str, list[str]]:
    """Per target, the cells its row must show: value, progress, expected (under `vi` with a
    decimal comma: the figures here stay under 1,000, so no thousands separator)."""
    cells = {}
    for t in ORACLE.targets:
        row = ORACLE.row(t, dt.date.fromisoformat(as_of))
        percent = "target_percent" in t
        count, population = ORACLE.value(t, min(dt.date.fromisoformat(as_of), ORACLE.end))
        value = f"{row['value']:.1f}% ({count}/{population})" if percent else str(row["value"])
        expected = f"{row['expected']:.1f}" + ("%" if percent and percent_expected else "")
        shown = [value, f"{row['progress_percent']:.1f}%", expected]
        if lang == "vi":
            shown = [text.replace(".", ",") for text in shown]
        cells[t["id"]] = [*shown, row["status"]]
    return cells


@pytest.mark.parametrize(("line", "lang"), [("pqp status --as-of 2023-12-31", "en"), ("pqp status --as-of 2023-12-31 --lang vi", "vi")])  # fmt: skip
def test_readme_status_table_shows_the_independent_figures(
    line: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = {t["id"] for t in ORACLE.targets}
    rows = {r.split()[0]: r for r in _example(line, monkeypatch).splitlines() if r.split()[:1] and r.split()[0] in ids}  # fmt: skip
    # the Vietnamese table writes a rate target's expected level with its % (as the reports do)
    for tid, (value, progress, expected, status) in _expected_cells(
        "2023-12-31", lang == "vi", lang
    ).items():
        cells = re.split(
            r"\s{2,}", rows[tid]
        )  # id, title, value, target, progress, expected, status
        assert (cells[2], cells[5], cells[6]) == (value, expected, LABELS[lang][status]), cells
        assert cells[4].endswith(" " + progress), cells


def test_readme_status_json_shows_the_independent_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = json.loads(_example("pqp status --as-of 2023-12-31 --format json", monkeypatch))
    keys = ("id", "value", "progress_percent", "expected", "status")
    assert [{k: r[k] for k in keys} for r in doc["targets"]] == [
        ORACLE.row(t, dt.date(2023, 12, 31)) for t in ORACLE.targets
    ]


def test_readme_status_by_year_shows_the_independent_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = _example("pqp status --as-of 2023-12-31 --by year --by locality", monkeypatch)
    table = out.split("Value at each 31 December", 1)[1].split("By locality", 1)[0]
    rows = [line.split() for line in table.splitlines() if line.split()[:1] and line.split()[0].startswith("T")]  # fmt: skip
    expected = []
    for t in ORACLE.targets:
        cells = [t["id"]]
        for e in ORACLE.by_year_with_in_year(t, dt.date(2023, 12, 31)).values():
            if "target_percent" in t:
                cells += [f"{e['value']:.1f}%", f"(+{e['in_year']:.1f})"]
            else:
                cells += [str(e["value"]), f"(+{e['in_year']})"]
        expected.append(cells)
    assert rows == expected


def test_readme_explain_shows_the_independent_count(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _example("pqp explain T3 --as-of 2025-12-31", monkeypatch)
    [t3] = [t for t in ORACLE.targets if t["id"] == "T3"]
    count, population = ORACLE.value(t3, dt.date(2025, 12, 31))
    value = ORACLE.row(t3, dt.date(2025, 12, 31))["value"]
    assert f": {value:.1f}% ({count}/{population}) of 100%" in out.splitlines()[0]
    assert f"Counted (Establishments): {count}" in out


def test_readme_report_shows_the_independent_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _example("pqp report --as-of 2024-06-30 --lang vi --format md -o -", monkeypatch)
    summary = out.split("## 1.", 1)[1].split("## 2.", 1)[0]
    rows = {cells[0]: cells for line in summary.splitlines() if (cells := [c.strip() for c in line.strip("|").split("|")])[0] in {t["id"] for t in ORACLE.targets}}  # fmt: skip
    for tid, (value, progress, expected, status) in _expected_cells(
        "2024-06-30", True, "vi"
    ).items():
        cells = rows[tid]
        assert cells[2] == value and cells[5] == expected and cells[6] == LABELS["vi"][status]
        assert cells[4].endswith(" " + progress)
