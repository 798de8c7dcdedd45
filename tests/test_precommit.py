"""The `pqp-validate` pre-commit hook, run by pre-commit itself on a scratch data repository.

The data repository names the hook as docs/ci.md tells a user to (`.pre-commit-config.yaml`:
`repo`, `rev`, `hooks: [{id: pqp-validate}]`), and `pre-commit run --all-files` runs it. The
hook repository is built from this checkout's working files (pyproject.toml, README.md,
.pre-commit-hooks.yaml, pqp_cli/) and committed, so the test runs the same on a clean CI clone.
pre-commit installs pqp into its own environment, which needs pqp's dependencies from the
package index (network on CI); both runs share one `PRE_COMMIT_HOME`, so that environment is
built once (`pre-commit try-repo` would build it afresh in a temporary store on every call).
Skipped where pre-commit or git is missing.
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


def use_hook(data_repo: Path, hooks: Path) -> None:
    """The data repository's `.pre-commit-config.yaml`: the hook repository at its commit."""
    rev = subprocess.run(
        [*GIT, "rev-parse", "HEAD"], cwd=hooks, check=True, capture_output=True, text=True
    ).stdout.strip()
    repo = {"repo": str(hooks), "rev": rev, "hooks": [{"id": "pqp-validate"}]}
    config = yaml.safe_dump({"repos": [repo]})
    (data_repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")


def run_hook(data_repo: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PQP_LANG": "en"}
    env.pop("PQP_DATA", None)
    env.pop("PQP_TARGETS", None)
    return subprocess.run(
        ["pre-commit", "run", "pqp-validate", "--all-files"],
        cwd=data_repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.mark.long
def test_the_hook_fails_on_a_broken_record_and_passes_once_fixed(tmp_path: Path) -> None:
    hooks = hook_repository(tmp_path / "pqp")
    data_repo = tmp_path / "data-repo"
    create(data_repo, make_seed(None, None, None, "UBND tỉnh Thanh Hóa"))
    use_hook(data_repo, hooks)
    enterprises = data_repo / "data" / "enterprises.yaml"
    original = enterprises.read_text(encoding="utf-8")
    enterprises.write_text(original + "- {id: E1, name: HTX Đông Sơn, type: company}\n", "utf-8")
    git(data_repo, "init", "-q")
    git(data_repo, "add", "-A")

    broken = run_hook(data_repo, tmp_path / "pre-commit-home")
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "pqp validate" in broken.stdout and "Failed" in broken.stdout
    line = len(original.splitlines()) + 1
    assert f"data/enterprises.yaml:{line}: error [invalid-value]" in broken.stdout

    enterprises.write_text(
        original + "- {id: E1, name: HTX Đông Sơn, type: cooperative}\n", "utf-8"
    )
    git(data_repo, "add", "-A")
    fixed = run_hook(data_repo, tmp_path / "pre-commit-home")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "Passed" in fixed.stdout
