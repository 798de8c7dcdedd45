"""Where the suite's temporary files go: the user's private folder on the RAM disk, when there is
one with room and `$TMPDIR` is not set (docs/testing.md, "The RAM disk").

The suite creates about 50,000 files a run (data folders, caches, checkouts, sheets). On the
development machine's disk a file's creation took 250 µs of CPU, on its RAM disk (`/dev/shm`)
7 µs: 30 s of the suite's 185 s. Files in memory cost memory until they are removed, so a green
run removes its folder there (`leave_nothing`) and a run finds and removes what killed runs left
(`sweep`); a failed run's files stay for a look, as on a disk.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Any

RAM_DISK = Path("/dev/shm")
ROOM = 1 << 30  # bytes free on the RAM disk, at least

#: Set when `choose` chose the RAM disk, in every process of that run.
IN_MEMORY = "PQP_TESTS_IN_MEMORY"

#: A test process's own scratch folder (tests/conftest.py's `SCRATCH`): its worker and its pid.
SCRATCH_NAME = re.compile(r"pqp-tests-(?:main|gw\d+)-(\d+)-.+")


def private_folder() -> Path:
    return RAM_DISK / f"pqp-tests-{os.getuid()}"


def refusal() -> str | None:
    """Why the private folder cannot take this run's files (None when it can), made if missing
    (mode 0700) or closed to others if they could only read it. A folder that is a link, not a
    folder, someone else's or writable by others is refused, never used."""
    folder = private_folder()
    try:
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=0o700)
        found = folder.lstat()
    except OSError as exc:
        return f"{folder}: {exc.strerror or exc}"
    if stat.S_ISLNK(found.st_mode) or not stat.S_ISDIR(found.st_mode):
        return f"{folder} is not a folder"
    if found.st_uid != os.getuid():
        return f"{folder} belongs to user {found.st_uid}"
    if found.st_mode & 0o022:
        return f"{folder} can be written by others (mode {stat.S_IMODE(found.st_mode):o})"
    if found.st_mode & 0o077:
        os.chmod(folder, 0o700)
    return None


def room() -> bool:
    """The RAM disk is there with `ROOM` bytes free."""
    try:
        free = os.statvfs(RAM_DISK)
    except OSError:
        return False
    return RAM_DISK.is_dir() and free.f_bavail * free.f_frsize >= ROOM


def choose() -> str | None:
    """`$TMPDIR` set to the private folder for this process and every process it starts, when
    `$TMPDIR` is not set and the RAM disk has room; else nothing (files go where they went).
    Returns what the user should be told: why the private folder was refused, or None."""
    if "TMPDIR" in os.environ or not room():
        return None
    why = refusal()
    if why is None:
        os.environ["TMPDIR"] = str(private_folder())
        os.environ[IN_MEMORY] = "1"
        tempfile.tempdir = None  # found again from $TMPDIR
    return why


def sweep() -> None:
    """What runs killed before their end (SIGTERM, SIGKILL, a CI job cancelled) left in the
    private folder: the test processes' scratch folders (named by their pid) and pytest's
    folders still locked by a process that is gone. Nothing of a live run is touched."""
    folder = private_folder()
    for entry in _listed(folder):
        if (named := SCRATCH_NAME.fullmatch(entry.name)) and not _alive(int(named[1])):
            shutil.rmtree(entry.path, ignore_errors=True)
    for user in _listed(folder):
        if user.name.startswith("pytest-of-") and user.is_dir(follow_symlinks=False):
            for run in _listed(user.path):
                _remove_if_orphaned(Path(run.path))


def _remove_if_orphaned(run: Path) -> None:
    """`pytest-N` whose `.lock` names a process that is gone (pytest removes the lock as it
    ends, failed or not: only a killed run leaves it)."""
    try:
        pid = int((run / ".lock").read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return
    if not _alive(pid):
        shutil.rmtree(run, ignore_errors=True)


def leave_nothing(config: Any) -> None:
    """A green run's folder removed from the RAM disk, where pytest would keep its last three
    runs' until the machine restarts; not a folder named with `--basetemp`."""
    factory = getattr(config, "_tmp_path_factory", None)  # pytest's, made when first asked
    basetemp = getattr(factory, "_basetemp", None)
    if getattr(factory, "_given_basetemp", True) is not None or not isinstance(basetemp, Path):
        return
    if basetemp.resolve().is_relative_to(private_folder().resolve()):
        shutil.rmtree(basetemp, ignore_errors=True)


def _listed(folder: str | Path) -> list[os.DirEntry[str]]:
    """The entries of `folder`; none when it cannot be listed (gone, or not a folder)."""
    entries: list[os.DirEntry[str]] = []
    with contextlib.suppress(OSError), os.scandir(folder) as listing:
        entries.extend(listing)
    return entries


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's: alive
        return True
    return True
