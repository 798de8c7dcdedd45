"""A killed import, and two imports at once, leave every file old or new and the data valid."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from inprocess import run_pqp
from test_import_helpers import data_dir, errors, load, tax, xlsx

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and flock are POSIX")


#: Rows of the two versions the SIGKILL tests import, and of each of the two sheets imported at
#: once: a kill lands while a file is half written because `_SLOW_WRITES` pauses there, not
#: because the sheet is long (4,000 and 3,000 rows took ≈ 2.5 times the CPU for the same check).
VERSION_ROWS = 1500
RACE_ROWS = 1200


def _sheet(path: Path, rows: int, version: str) -> Path:
    """An attendance sheet: `rows` participants over 50 trainings, half of them new establishments."""
    table = [["Tên lớp", "Ngày", "Nội dung", "Mã số thuế", "Tên cơ sở", "Huyện"]]
    for i in range(rows):
        known = i % 2 == 0
        table.append(
            [
                f"Lớp {version} số {i % 50}",
                f"{i % 28 + 1:02d}/03/2023",
                "Hệ thống quản lý; Đo lường",
                "" if known else _tax(i % 997),
                "Công ty TNHH Bánh kẹo Lam Sơn" if known else f"HTX Dịch vụ số {i % 997}",
                "Thọ Xuân",
            ]
        )
    return xlsx(path, table, title="DS")


def _tax(n: int) -> str:
    """A valid tax code for establishment n, or none for some (they resolve by name)."""
    try:
        return tax(f"29{n:07d}") if n % 3 else ""  # 29…: none of the fixture's 28… codes
    except AssertionError:  # no check digit fits this body
        return ""


#: Run `pqp` with pqp_cli.core.fileio's writes slowed: half the bytes, a flush, a pause, the
#: rest, so that a test can kill the import while a temporary file is half written.
_SLOW_WRITES = """\
import os, sys, time, types
from pqp_cli.core import fileio

delay = float(sys.argv.pop(1))

class _Slow:
    def __init__(self, handle):
        self.handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self.handle.__exit__(*exc)

    def __getattr__(self, name):
        return getattr(self.handle, name)

    def write(self, data):
        half = len(data) // 2
        self.handle.write(data[:half])
        self.handle.flush()
        time.sleep(delay)
        return self.handle.write(data[half:])

def _fdopen(fd, *args, **kwargs):
    return _Slow(os.fdopen(fd, *args, **kwargs))

fileio.os = types.SimpleNamespace(**{**vars(os), "fdopen": _fdopen})
from pqp_cli.cli.app import main
main()
"""


def _start(tmp_path: Path, source: Path, delay: float = 0) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    runner = ["-c", _SLOW_WRITES, str(delay)] if delay else ["-m", "pqp_cli"]
    command = [sys.executable, *runner, "import", "trainings", str(source)]
    command += ["--data", "data", "--create-missing"]
    log = (tmp_path / f"{source.stem}.log").open("ab")  # a pipe left unread would block the child
    return subprocess.Popen(command, cwd=tmp_path, env=env, stdout=log, stderr=log)


def _import_here(cwd: Path, source: Path) -> None:
    """The import `_start` runs, in this process (`inprocess.run_pqp`: no interpreter started,
    ≈ 0.5 s of CPU less), for an import that only makes a version of the data or finishes
    one: none is killed, none races another."""
    args = ["import", "trainings", str(source), "--data", "data", "--create-missing"]
    done = run_pqp(args, cwd=cwd, env=dict(os.environ))
    assert done.code == 0, done.err.decode()


def _files(data: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(data)): p.read_bytes()
        for p in sorted(data.rglob("*.yaml"))
        if not any(part.startswith(".") for part in p.relative_to(data).parts)
    }


def _wait_for(predicate, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.005)


def _temp(folder: Path) -> bool:
    return folder.is_dir() and any(p.name.endswith(".tmp") for p in folder.iterdir())


Versions = tuple[Path, dict[str, bytes], dict[str, bytes]]


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Versions:
    """A folder holding the data after an import of version 1 and the version 2 sheet, the
    files of version 1 and those an import of version 2 writes: two imports of
    `VERSION_ROWS` rows, made once for the module (each test works on a copy)."""
    where = tmp_path_factory.mktemp("versions")
    data = data_dir(where)
    source = _sheet(where / "big.xlsx", VERSION_ROWS, "v1")
    _import_here(where, source)
    old = _files(data)
    shutil.copytree(data, where / "copy")
    _sheet(source, VERSION_ROWS, "v2")
    _import_here(where, source)
    new = _files(data)
    shutil.rmtree(data)
    shutil.move(where / "copy", data)
    assert old != new and set(old) == set(new)
    return where, old, new


def _own_copy(tmp_path: Path, versions: Versions) -> tuple[Path, Path]:
    """This test's own copy of the data after version 1, and the version 2 sheet (in the
    module's folder: a generated file names its source's folder, and a sheet from another
    folder would be another source)."""
    where = versions[0]
    shutil.copytree(where / "data", tmp_path / "data")
    return tmp_path / "data", where / "big.xlsx"


@pytest.mark.xdist_group("import-versions")  # one worker builds `versions` for both
@pytest.mark.parametrize("when", ["first write", "second write"])
def test_sigkill_while_writing_leaves_old_or_new_files_and_valid_data(
    tmp_path: Path, versions: Versions, when: str
) -> None:
    _, old, new = versions
    data, source = _own_copy(tmp_path, versions)
    process = _start(tmp_path, source, delay=0.6)  # ample: it is looked for every 5 ms
    try:
        if when == "first write":  # the new establishments' file, half written
            _wait_for(lambda: _temp(data / "enterprises"))
        else:  # establishments replaced, the trainings file half written
            _wait_for(lambda: _temp(data / "trainings"))
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert process.returncode == -signal.SIGKILL
    now = _files(data)
    assert set(now) == set(old)
    for name, content in now.items():
        assert content in (old[name], new[name]), f"{name} is torn"
    assert now["trainings/big.yaml"] == old["trainings/big.yaml"]
    if when == "second write":
        assert now["enterprises/big.yaml"] == new["enterprises/big.yaml"]
    assert errors(data) == []
    # The next import finishes the job.
    _import_here(tmp_path, source)
    assert _files(data) == new


@pytest.mark.long
def test_two_imports_at_once_do_not_create_one_establishment_twice(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    first = _sheet(tmp_path / "a.xlsx", RACE_ROWS, "a")
    second = _sheet(tmp_path / "b.xlsx", RACE_ROWS, "b")
    processes = [_start(tmp_path, source, delay=0.5) for source in (first, second)]
    codes = [p.wait(timeout=180) for p in processes]
    assert codes == [0, 0], [(tmp_path / f"{s}.log").read_text() for s in ("a", "b")]
    assert errors(data) == []
    enterprises = load(data).enterprises.values()
    names = [e.name for e in enterprises if e.name.startswith("HTX Dịch vụ số")]
    assert len(names) == len(set(names)) == len({i % 997 for i in range(RACE_ROWS) if i % 2})
    created = [_files(data).get(f"enterprises/{s}.yaml", b"") for s in ("a", "b")]
    assert sorted(bool(c.count(b"- id:")) for c in created) == [False, True]
