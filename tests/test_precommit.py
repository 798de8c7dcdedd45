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

import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from importlib import metadata
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


def wheelhouse(where: Path) -> Path:
    """pqp's dependencies as this environment has them installed, each packed back into the
    wheel it was installed from (a wheel is a zip of the installed files and their dist-info),
    stored uncompressed: the hook environment installs them offline, never waiting on the
    package index (its pages, 7 MB for pydantic-core alone, took from 5 to 90 s on the shared
    machine, by the network's mood)."""
    where.mkdir()
    for dist in _closure("pqp"):
        _repack(dist, where)
    return where


def _closure(name: str) -> list[metadata.Distribution]:
    """The installed distributions `name` needs, at any depth, without `name` itself."""
    from packaging.requirements import Requirement

    seen: dict[str, metadata.Distribution] = {}
    todo = [name]
    while todo:
        dist = metadata.distribution(todo.pop())
        for text in dist.requires or []:
            wanted = Requirement(text)
            key = wanted.name.lower().replace("_", "-")
            if key not in seen and (wanted.marker is None or wanted.marker.evaluate({"extra": ""})):
                seen[key] = metadata.distribution(wanted.name)
                todo.append(wanted.name)
    return list(seen.values())


def _repack(dist: metadata.Distribution, where: Path) -> None:
    """`dist`'s files below site-packages (not its scripts, bytecode or the installer's own
    notes) and a RECORD of them, as `name-version-tags.whl` (every tag its WHEEL names, in the
    compressed form: `py2.py3-none-any`)."""
    files = [f.as_posix() for f in dist.files or []]
    info = next(f for f in files if f.endswith(".dist-info/METADATA")).split("/")[0]
    wheel_lines = (dist.read_text("WHEEL") or "").splitlines()
    tags = [line.split(": ", 1)[1].split("-") for line in wheel_lines if line.startswith("Tag: ")]
    tag = "-".join(".".join(dict.fromkeys(part)) for part in zip(*tags, strict=True))
    name = re.sub(r"[-_.]+", "_", dist.metadata["Name"])
    skip = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}
    record = []
    with zipfile.ZipFile(where / f"{name}-{dist.version}-{tag}.whl", "w") as wheel:
        for path in files:
            if path.startswith("..") or "__pycache__" in path or path.rsplit("/", 1)[-1] in skip:
                continue
            data = Path(str(dist.locate_file(path))).read_bytes()
            wheel.writestr(path, data)  # stored, not compressed: quicker to write and read
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            record.append(f"{path},sha256={digest.decode()},{len(data)}\n")
        wheel.writestr(f"{info}/RECORD", "".join(record) + f"{info}/RECORD,,\n")


#: pip settings for building the hook environment with less CPU, the same pqp and dependencies
#: installed: no bytecode compiled for every module of every dependency (≈ 3 s; the hook's runs
#: compile what they import); the dependencies from `wheelhouse`, no package index; and pqp built
#: with the setuptools virtualenv seeds into the environment, not with a copy installed into a
#: build environment of its own (≈ 3 s). virtualenv seeds setuptools before Python 3.12 only:
#: from 3.12 on, pqp is built as pip builds it by default, with setuptools from the index. pip
#: reads a boolean `PIP_NO_…` variable inverted: `PIP_NO_BUILD_ISOLATION=0` is
#: `--no-build-isolation`.
OFFLINE = sys.version_info < (3, 12)


def quick_pip(wheels: Path) -> dict[str, str]:
    if not OFFLINE:
        return {"PIP_COMPILE": "0"}
    return {
        "PIP_COMPILE": "0",
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheels),
        "PIP_NO_BUILD_ISOLATION": "0",
    }


def run_hook(data_repo: Path, home: Path, wheels: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "PQP_LANG": "en"}
    env.update(quick_pip(wheels))
    # virtualenv's background refresh of its seed wheels: with the test's own, empty cache
    # folder it started two `pip download`s (≈ 1 s of CPU) on every run, left running after it
    env["VIRTUALENV_NO_PERIODIC_UPDATE"] = "1"
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

    wheels = wheelhouse(tmp_path / "wheels") if OFFLINE else tmp_path
    broken = run_hook(data_repo, tmp_path / "pre-commit-home", wheels)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert "pqp validate" in broken.stdout and "Failed" in broken.stdout
    line = len(original.splitlines()) + 1
    assert f"data/enterprises.yaml:{line}: error [invalid-value]" in broken.stdout

    enterprises.write_text(
        original + "- {id: E1, name: HTX Đông Sơn, type: cooperative}\n", "utf-8"
    )
    git(data_repo, "add", "-A")
    fixed = run_hook(data_repo, tmp_path / "pre-commit-home", wheels)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "Passed" in fixed.stdout
