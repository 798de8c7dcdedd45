"""pqp finds targets.yaml and the data folder as git finds `.git`: from inside `data/` or any
subfolder, with no --data/--targets; and `--as-of` takes day-first dates as the sheets do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqp_cli.cli.app import app
from pqp_cli.cli.common import as_of_date, find_root

runner = CliRunner()

TARGETS = """\
plan: {id: test-plan, title: Test plan, period: {start: 2021-01-01, end: 2025-12-31}}
targets:
  - id: T5b
    title: {vi: Chuyên gia, en: Experts}
    metric: experts
    target: 10
"""
EXPERTS = "- {id: X1, name: Nguyễn Văn A, qualified_on: 2022-03-01}\n"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # the walk stops at a repository's top
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    (tmp_path / "data" / "experts").mkdir(parents=True)
    (tmp_path / "data" / "experts.yaml").write_text(EXPERTS, encoding="utf-8")
    for name in ("PQP_DATA", "PQP_TARGETS", "PQP_LANG"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def _experts(where: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.chdir(where)
    result = runner.invoke(app, ["status", "--format", "json", "--as-of", "2023-01-01", *args])
    assert result.exit_code == 0, result.output
    return int(json.loads(result.stdout)["targets"][0]["value"])


@pytest.mark.parametrize("sub", [".", "data", "data/experts"])
def test_status_from_the_folder_data_or_a_subfolder(
    root: Path, sub: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _experts(root / sub, monkeypatch) == 1


def test_validate_from_inside_data_names_files_as_seen_from_there(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (root / "data" / "experts.yaml").write_text("- {id: X1, name: A, qualified_on: 2022-13-01}\n")
    monkeypatch.chdir(root / "data")
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    assert "experts.yaml" in result.stdout
    assert "targets file not found" not in result.output


def test_given_options_and_environment_win_over_the_walk(
    root: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path_factory.mktemp("other")
    (other / "experts.yaml").write_text(EXPERTS + EXPERTS.replace("X1", "X2"), "utf-8")
    assert _experts(root / "data", monkeypatch, "--data", str(other)) == 2
    monkeypatch.setenv("PQP_DATA", str(other))
    assert _experts(root / "data", monkeypatch) == 2


def test_no_targets_file_up_to_the_repository_top_is_the_usual_error(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (root / "targets.yaml").rename(root.parent / f"{root.name}-targets.yaml")
    monkeypatch.chdir(root / "data")
    result = runner.invoke(app, ["status"])
    assert result.exit_code == 2
    assert "targets file not found: targets.yaml" in result.output
    assert find_root(root / "data") is None


@pytest.mark.parametrize(
    ("text", "day"),
    [("30/06/2024", "2024-06-30"), ("03/04/2024", "2024-04-03"), ("3-4-2024", "2024-04-03")],
)
def test_as_of_is_iso_or_day_first_never_month_first(text: str, day: str) -> None:
    assert as_of_date(text).isoformat() == day


def test_as_of_day_first_on_the_command_line(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(root)
    result = runner.invoke(app, ["status", "--format", "json", "--as-of", "01/03/2022"])
    assert json.loads(result.stdout)["as_of"] == "2022-03-01"
    bad = runner.invoke(app, ["status", "--as-of", "06/30/2024"])  # month first: refused
    assert bad.exit_code == 2
    assert "dd/mm/yyyy" in bad.output
