"""Issue 10, second round: every Markdown output (status with or without --by, explain, diff)
escapes data text with one function: no tag, no link, no `|` that splits a table cell."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from gitrepo import invoke
from test_hostile_reading import args, project

HOSTILE = "<b>x</b> | [l](javascript:x) \\| y"
TARGETS = f"""\
plan:
  id: p
  title: "{HOSTILE.replace(chr(92), chr(92) * 2)}"
  period: {{start: 2021-01-01, end: 2025-12-31}}
  province: Thanh Hóa
targets:
  - id: T1
    title: "{HOSTILE.replace(chr(92), chr(92) * 2)}"
    metric: trained_establishments
    target: 3
"""
ENTERPRISES = f"""\
- id: E1
  name: "{HOSTILE.replace(chr(92), chr(92) * 2)}"
  type: enterprise
  locality: "{HOSTILE.replace(chr(92), chr(92) * 2)}"
"""
TRAININGS = """\
- id: TH-0001
  title: 5S
  date: 2022-05-15
  topics: [improvement_tools]
  participants: [E1]
"""


def hostile(tmp_path: Path) -> Path:
    root = project(tmp_path, {"trainings.yaml": TRAININGS}, TARGETS)
    (root / "data" / "enterprises.yaml").write_text(ENTERPRISES, encoding="utf-8")
    return root


def inert(markdown: str) -> None:
    assert "<b>" not in markdown and "](javascript" not in markdown, markdown
    for line in markdown.splitlines():
        if line.startswith("|"):  # every row of a table has as many cells as its header
            cells = len(re.split(r"(?<!\\)\|", line))
            assert cells == len(re.split(r"(?<!\\)\|", table_head(markdown, line))), line


def table_head(markdown: str, row: str) -> str:
    lines = markdown.splitlines()
    at = lines.index(row)
    while at > 0 and lines[at - 1].startswith("|"):
        at -= 1
    return lines[at]


@pytest.mark.parametrize(
    "by", [[], ["--by", "locality"], ["--by", "district"], ["--by", "commune"]]
)
def test_status_markdown_escapes_data(tmp_path: Path, by: list[str]) -> None:
    root = hostile(tmp_path)
    command = args(root, "status", "--format", "markdown", "--no-cache", "--as-of", "2023-01-01")
    code, out, err = invoke(*command, *by)
    assert code in (0, 1), err
    assert "javascript" in out
    inert(out)


def test_explain_markdown_escapes_pipes(tmp_path: Path) -> None:
    root = hostile(tmp_path)
    command = args(root, "explain", "T1", "--format", "markdown", "--no-cache")
    code, out, err = invoke(*command, "--as-of", "2023-01-01")
    assert code == 0, err
    inert(out)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_markdown_escapes_pipes(tmp_path: Path) -> None:
    from gitrepo import two_commits

    repo = two_commits(tmp_path / "repo")
    repo.write("data/enterprises.yaml", ENTERPRISES.replace("E1", "E3"))
    repo.write("targets.yaml", TARGETS.replace("T1", "T5b").replace("trained_est", "exp"))
    repo.commit("hostile", tag="v3")
    code, out, err = invoke(*repo.args("diff", "v1", "v3", "--format", "markdown"))
    assert code == 0, err
    inert(out)
