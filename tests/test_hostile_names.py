"""Issue 10, second round: a name with a line break or a control character is printed escaped,
everywhere pqp prints a path, in the language asked for."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from forkrun import fork_pqp
from gitrepo import Repo, invoke, two_commits
from test_hostile_git import AS_OF, commit_with_data, git
from test_hostile_reading import TRAININGS, args, project

EVIL = "e\x1b]0;pwned\x07\x1b[2J\n::error title=pwned::owned\n.yaml"


def hostile_folder(tmp_path: Path) -> Path:
    root = project(tmp_path / "p", {"trainings.yaml": TRAININGS})
    (root / "data" / "trainings").mkdir()
    (root / "data" / "trainings" / EVIL).write_text("- id: [\n", encoding="utf-8")
    return root


def raw_free(text: str) -> bool:
    lines = text.splitlines()
    return (
        "\x1b" not in text
        and "\x07" not in text
        and not any(line.lstrip().startswith("::error title=pwned") for line in lines)
    )


@pytest.mark.parametrize("fmt", ["text", "github", "json"])
def test_validate_prints_file_names_escaped(tmp_path: Path, fmt: str) -> None:
    root = hostile_folder(tmp_path)
    code, out, err = invoke(*args(root, "validate", "--no-cache", "--format", fmt))
    assert code == 1, err
    assert raw_free(out) and raw_free(err), out
    assert "\\x1b]0;pwned\\x07" in out.replace("\\\\", "\\")


def test_status_banner_and_errors_print_names_escaped(tmp_path: Path) -> None:
    root = hostile_folder(tmp_path)
    code, out, err = invoke(*args(root, "status", "--no-cache"), "--as-of", "2023-01-01")
    assert raw_free(out) and raw_free(err)
    code, _, err = invoke(
        "status", "--data", str(tmp_path / "p" / EVIL), "--targets", str(root / "targets.yaml")
    )
    assert code == 2 and raw_free(err) and "\\x1b" in err


def _process(*args: str) -> tuple[int, str]:
    """`pqp ARGS` as a process of its own (its `sys.argv` as a shell gives it): its exit code
    and stderr; forked from this one (`forkrun`), or started when its Python would start
    otherwise."""
    forked = fork_pqp(args, cwd=Path.cwd(), env=dict(os.environ))
    if forked is not None:
        return forked.code, forked.err.decode()
    command = [sys.executable, "-m", "pqp_cli", *args]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return done.returncode, done.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.long
def test_left_out_at_a_revision_is_said_in_the_language_asked(tmp_path: Path) -> None:
    repo: Repo = two_commits(tmp_path / "repo")
    commit_with_data(repo, [("160000", "sub", git(repo, "rev-parse", "v1"))], "sub")
    for lang in (["--lang=vi"], ["--lang", "vi"]):  # as typed: sys.argv as a shell gives it
        code, err = _process(*repo.args("status", "--rev", "sub"), "--as-of", AS_OF, *lang)
        assert code == 0 and "cảnh báo" in err, err
        assert "data/sub" in err
    code, _, err = invoke(*repo.args("diff", "v2", "sub", "--as-of", AS_OF, "--lang=vi"))
    assert code == 0 and "cảnh báo" in err and "data/sub" in err, err
