"""Issue 10, second round: the cache never writes or deletes outside its own folder, deletes
only what pqp wrote, and a hostile key file neither hangs pqp nor exhausts its memory."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from gitrepo import invoke
from test_hostile_reading import TRAININGS, args, project

AS_OF = "2023-01-01"


@pytest.fixture(autouse=True)
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("PQP_NO_CACHE", raising=False)
    return tmp_path / "user-cache"


def listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def run_status(root: Path) -> tuple[int, str, str]:
    return invoke(*args(root, "status", "--format", "json"), "--as-of", AS_OF)


def victim(tmp_path: Path) -> Path:
    folder = tmp_path / "victim"
    (folder / "d").mkdir(parents=True)
    (folder / "keep.txt").write_text("mine\n")
    for i in range(20):
        (folder / "d" / f"{i:064x}").write_text("not pqp's\n")
    return folder


def test_a_linked_cache_folder_is_never_written_or_pruned(tmp_path: Path) -> None:
    root = project(tmp_path / "p", {"trainings.yaml": TRAININGS})
    outside = victim(tmp_path)
    before = listing(outside)
    os.symlink(outside, root / "data" / ".pqp-cache")
    for _ in range(3):
        code, out, err = run_status(root)
        assert code == 0 and json.loads(out)["targets"][0]["value"] == 1
    assert listing(outside) == before
    assert ".pqp-cache" in err and "link" in err


def test_a_linked_folder_inside_the_cache_is_never_written(tmp_path: Path) -> None:
    root = project(tmp_path / "p", {"trainings.yaml": TRAININGS})
    outside = tmp_path / "victim"
    outside.mkdir()
    cache = root / "data" / ".pqp-cache"
    cache.mkdir()
    for name in ("f", "d", "m"):
        os.symlink(outside, cache / name)
    code, _, _ = run_status(root)
    code, _, _ = run_status(root)
    assert code == 0 and listing(outside) == {}


def test_prune_deletes_only_what_pqp_wrote(tmp_path: Path) -> None:
    root = project(tmp_path / "p", {"trainings.yaml": TRAININGS})
    cache = root / "data" / ".pqp-cache"
    (cache / "d").mkdir(parents=True)
    foreign = {f"note-{i}.txt" for i in range(30)}
    for name in foreign:
        (cache / "d" / name).write_text("x")
        os.utime(cache / "d" / name, (1, 1))
    for day in range(20):  # 20 datasets: pqp's own entries are pruned past 16
        invoke(*args(root, "status", "--format", "json"), "--as-of", f"2023-01-{day + 1:02d}")
    names = {p.name for p in (cache / "d").iterdir()}
    assert foreign <= names
    assert len(names - foreign) <= 16


def pqp_with_key(tmp_path: Path, user_cache: Path, make_key: object) -> subprocess.CompletedProcess:
    root = project(tmp_path / "p", {"trainings.yaml": TRAININGS})
    key = user_cache / "pqp" / "cache-key"
    key.parent.mkdir(parents=True)
    make_key(key)  # type: ignore[operator]

    def limit() -> None:  # a read without bound fails fast instead of eating the machine
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    command = [sys.executable, "-m", "pqp_cli", *args(root, "status", "--format", "json")]
    env = {**os.environ, "XDG_CACHE_HOME": str(user_cache), "PQP_LANG": ""}
    return subprocess.run(
        [*command, "--as-of", AS_OF],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit,
        env=env,
        check=False,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "big", "link-to-key"])
def test_a_hostile_key_file_neither_hangs_nor_exhausts(
    tmp_path: Path, user_cache: Path, kind: str
) -> None:
    def make_key(key: Path) -> None:
        if kind == "fifo":
            os.mkfifo(key)
        elif kind == "dev-zero":
            os.symlink("/dev/zero", key)
        elif kind == "big":
            key.write_bytes(b"k" * (1 << 20))
        else:
            (tmp_path / "elsewhere").write_bytes(b"s" * 32)
            os.symlink(tmp_path / "elsewhere", key)

    try:
        done = pqp_with_key(tmp_path, user_cache, make_key)
    except subprocess.TimeoutExpired:
        pytest.fail("pqp hung on the key file")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["targets"][0]["value"] == 1
    assert "Traceback" not in done.stderr
    key = user_cache / "pqp" / "cache-key"
    assert not key.is_symlink() and key.is_file() and len(key.read_bytes()) == 32
    assert key.stat().st_mode & 0o777 == 0o600
