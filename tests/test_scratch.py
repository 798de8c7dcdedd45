"""The suite's own arrangements for its temporary files and example counts (tests/scratch.py,
tests/fuzzsize.py): a RAM-disk folder is used only when it is the user's alone, what killed runs
left there is cleared, a green run leaves nothing, and a bad `PQP_FUZZ_SCALE` stops the run in
one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import fuzzsize
import pytest
import scratch

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def ram_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in for /dev/shm: `scratch` looks there for the user's folder."""
    disk = tmp_path / "shm"
    disk.mkdir()
    monkeypatch.setattr(scratch, "RAM_DISK", disk)
    return disk


def _folder(disk: Path) -> Path:
    return disk / f"pqp-tests-{os.getuid()}"


def test_the_folder_is_made_private(ram_disk: Path) -> None:
    assert scratch.refusal() is None
    assert (_folder(ram_disk).stat().st_mode & 0o777) == 0o700


def test_a_folder_others_could_only_read_is_closed_to_them(ram_disk: Path) -> None:
    _folder(ram_disk).mkdir(mode=0o755)
    os.chmod(_folder(ram_disk), 0o755)  # as a plain `mkdir` under umask 022 makes it
    assert scratch.refusal() is None
    assert (_folder(ram_disk).stat().st_mode & 0o777) == 0o700


@pytest.mark.parametrize("mode", [0o777, 0o775, 0o757])
def test_a_folder_others_could_write_to_is_refused(ram_disk: Path, mode: int) -> None:
    _folder(ram_disk).mkdir()
    os.chmod(_folder(ram_disk), mode)
    assert "can be written by others" in (scratch.refusal() or "")


def test_a_link_or_a_file_in_the_folders_place_is_refused(ram_disk: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    _folder(ram_disk).symlink_to(elsewhere)
    assert "is not a folder" in (scratch.refusal() or "")
    _folder(ram_disk).unlink()
    _folder(ram_disk).write_text("x", encoding="utf-8")
    assert "is not a folder" in (scratch.refusal() or "")
    assert list(elsewhere.iterdir()) == []


@pytest.mark.skipif(os.getuid() != 0, reason="giving a folder to another user needs root")
def test_another_users_folder_is_refused(ram_disk: Path) -> None:
    _folder(ram_disk).mkdir(mode=0o700)
    os.chown(_folder(ram_disk), 4242, 4242)
    assert scratch.refusal() == f"{_folder(ram_disk)} belongs to user 4242"


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True,
                          capture_output=True, text=True)  # fmt: skip
    return int(done.stdout)


def test_a_sweep_removes_what_killed_runs_left_and_nothing_alive(ram_disk: Path) -> None:
    folder = _folder(ram_disk)
    folder.mkdir(mode=0o700)
    dead, alive = _dead_pid(), os.getpid()
    gone = [folder / f"pqp-tests-gw1-{dead}-abc", folder / "pytest-of-me" / "pytest-7"]
    kept = [folder / f"pqp-tests-main-{alive}-xyz", folder / "pytest-of-me" / "pytest-8"]
    kept += [folder / "pytest-of-me" / "pytest-6", folder / "tmpq1w2e3"]  # a failed run; other
    for made in gone + kept:
        made.mkdir(parents=True)
        (made / "a-file").write_text("x", encoding="utf-8")
    (folder / "pytest-of-me" / "pytest-7" / ".lock").write_text(str(dead), encoding="ascii")
    (folder / "pytest-of-me" / "pytest-8" / ".lock").write_text(str(alive), encoding="ascii")
    scratch.sweep()
    assert [p.exists() for p in gone] == [False, False]
    assert [p.exists() for p in kept] == [True] * 4


def _config(basetemp: Path, given: Path | None) -> SimpleNamespace:
    return SimpleNamespace(
        _tmp_path_factory=SimpleNamespace(_basetemp=basetemp, _given_basetemp=given)
    )


def test_a_green_run_leaves_its_folder_only_when_pytest_chose_it(ram_disk: Path) -> None:
    run = _folder(ram_disk) / "pytest-of-me" / "pytest-3"
    run.mkdir(parents=True)
    scratch.leave_nothing(_config(run, given=run))  # `--basetemp` names it: the user's
    assert run.is_dir()
    scratch.leave_nothing(_config(run, given=None))
    assert not run.exists()


def test_a_green_run_on_a_ram_disk_reached_through_a_link_still_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/dev/shm may be a link (to /run/shm); pytest names its folders by the real path."""
    real = tmp_path / "run-shm"
    run = real / f"pqp-tests-{os.getuid()}" / "pytest-of-me" / "pytest-0"
    run.mkdir(parents=True)
    (tmp_path / "shm").symlink_to(real)
    monkeypatch.setattr(scratch, "RAM_DISK", tmp_path / "shm")
    scratch.leave_nothing(_config(run, given=None))
    assert not run.exists()


@pytest.mark.parametrize(
    ("raw", "scale"),
    [(None, 1.0), ("", 1.0), (" ", 1.0), ("10", 10.0), (" 2 ", 2.0), ("0.5", 0.5), ("1000", 1e3)],
)
def test_a_fuzz_scale_is_read(raw: str | None, scale: float) -> None:
    assert fuzzsize._scale(raw) == (scale, None)


@pytest.mark.parametrize("raw", ["abc", "0", "-3", "nan", "inf", "-inf", "1e9", "1001"])
def test_a_fuzz_scale_that_cannot_be_run_is_named(raw: str) -> None:
    scale, problem = fuzzsize._scale(raw)
    assert scale == 1.0 and problem is not None
    assert problem.startswith(f"PQP_FUZZ_SCALE={raw!r}: give a number above 0")


def test_a_bad_fuzz_scale_stops_the_run_before_it_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The conftest raises pytest's UsageError, which pytest prints as one `ERROR:` line with
    exit 4 before anything is collected; `_scale` above says what the line holds."""
    import conftest

    monkeypatch.setattr(fuzzsize, "PROBLEM", fuzzsize._scale("abc")[1])
    with pytest.raises(pytest.UsageError, match=r"^PQP_FUZZ_SCALE='abc': give a number above 0"):
        conftest.pytest_configure(SimpleNamespace(workerinput={}))
