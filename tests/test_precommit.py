"""The `pqp-validate` pre-commit hook, run by pre-commit itself on a scratch data repository.

`pre-commit try-repo` needs the hook repository committed: the test builds one from this
checkout's working files (pyproject.toml, README.md, .pre-commit-hooks.yaml, pqp_cli/), so it
runs the same on a clean CI clone. pre-commit installs pqp into its own environment, which
needs pqp's dependencies from the package index (network on CI). Skipped where pre-commit or
git is missing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from gitrepo import GIT

from pqp_cli.scaffold.initdata import create, make_seed

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    shutil.which("pre-commit") is None or shutil.which("git") is None,
    reason="pre-commit (pip install pre-commit) and git are needed",
)


def test_hooks_file_declares_pqp_validate_on_the_whole_folder() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "pqp-validate"]
    assert hook["entry"] == "pqp validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False


def git(cwd: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=cwd, check=True, capture_output=True)


def hook_repository(where: Path) -> Path:
    """This project as a committed git repository (what try-repo installs from)."""
    where.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, where / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pqp-cache")
    shutil.copytree(ROOT / "pqp_cli", where / "pqp_cli", ignore=ignore)
    git(where, "init", "-q")
    git(where, "add", "-A")
    git(where, "commit", "-q", "-m", "pqp")
    return where


def try_repo(data_repo: Path, hooks: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PQP_LANG": "en"}
    env.pop("PQP_DATA", None)
    env.pop("PQP_TARGETS", None)
    return subprocess.run(
        ["pre-commit", "try-repo", str(hooks), "pqp-validate", "--all-files"],
        cwd=data_repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_try_repo_fails_on_a_broken_record_and_passes_once_fixed(tmp_path: Path) -> None:
    hooks = hook_repository(tmp_path / "pqp")
    data_repo = tmp_path / "data-repo"
    create(data_repo, make_seed(None, None, None, "UBND tỉnh Thanh Hóa"))
    enterprises = data_repo / "data" / "enterprises.yaml"
    original = enterprises.read_text(encoding="utf-8")
    enterprises.write_text(original + "- {id: E1, name: HTX Đông Sơn, type: company}\n", "utf-8")
    git(data_repo, "init", "-q")
    git(data_repo, "add", "-A")

    broken = try_repo(data_repo, hooks, tmp_path / "pre-commit-home")
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "pqp validate" in broken.stdout and "Failed" in broken.stdout
    line = len(original.splitlines()) + 1
    assert f"data/enterprises.yaml:{line}: error [invalid-value]" in broken.stdout

    enterprises.write_text(
        original + "- {id: E1, name: HTX Đông Sơn, type: cooperative}\n", "utf-8"
    )
    git(data_repo, "add", "-A")
    fixed = try_repo(data_repo, hooks, tmp_path / "pre-commit-home")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "Passed" in fixed.stdout
