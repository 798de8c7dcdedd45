"""Writing files: one atomic writer for everything pqp writes (YAML, rejects, templates, reports,
init's scaffold, schemas).

A file is written to a temporary name beside its target, flushed, renamed over the target and
the folder synced: a reader sees the old file or the new one, never half of one. Its mode is
what an ordinary `open()` would give (0666 less the umask, so 0644 under umask 022) unless the
caller asks for a private file (the cache's signing key) or for a replaced file to keep its
mode (import's YAML: a group-writable data folder stays so). The mode is set on the temporary
file before the rename, so the target never has a wrong mode, even for an instant."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from pqp_cli.core.messages import phrase
from pqp_cli.core.problems import PqpError, display_path


def current_umask() -> int:
    """The process's umask (reading it means setting it; set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(
    path: Path,
    data: bytes,
    *,
    private: bool = False,
    make_folder: bool = False,
    keep_mode: bool = False,
) -> None:
    """`replace_file`, a failure told as a PqpError naming `path` (exit 2)."""
    try:
        replace_file(path, data, private=private, make_folder=make_folder, keep_mode=keep_mode)
    except OSError as exc:
        raise cannot_write(path, exc) from None


def replace_file(
    path: Path,
    data: bytes,
    *,
    private: bool = False,
    make_folder: bool = False,
    keep_mode: bool = False,
) -> None:
    """Temp file beside `path`, fsync, chmod, rename, fsync the folder: old or new, never torn.
    `make_folder` creates the folder first (import's `data/<kind>/`); a report or template
    into a folder that does not exist is an error, not a new folder. `keep_mode` gives a file
    that is replaced its old mode. Raises OSError (the temporary file removed), for callers
    that tell the failure their own way."""
    folder = path.parent if str(path.parent) else Path(".")
    if make_folder:
        folder.mkdir(parents=True, exist_ok=True)
    mode = _mode(path, private, keep_mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
        _fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _mode(path: Path, private: bool, keep_mode: bool) -> int:
    """The new file's mode: private, the replaced file's (`keep_mode`), else open()'s."""
    if private:
        return 0o600
    if keep_mode:
        with contextlib.suppress(OSError):
            return stat.S_IMODE(path.stat().st_mode)
    return 0o666 & ~current_umask()


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def cannot_write(path: Path, exc: OSError) -> PqpError:
    return PqpError(*phrase("cannot-write", path=display_path(path), why=exc))


def make_folders(folder: Path, *, private: bool = False) -> None:
    """`folder.mkdir(parents=True, exist_ok=True)`, one level after another in a loop: pathlib
    (and `os.makedirs`) recurse once a level, and a folder ≈ 1,000 levels deep ran out of
    Python's stack. A level that exists as something other than a folder is an error.
    `private`: each level made is the owner's alone to read, write and enter, whatever the
    umask (a revision's checkout, which pqp must read back)."""
    missing = []
    here = folder
    while not os.path.isdir(here) and here != here.parent:
        missing.append(here)
        here = here.parent
    for level in reversed(missing):
        try:
            os.mkdir(level, 0o700 if private else 0o777)
        except FileExistsError:
            if not os.path.isdir(level):
                raise
            continue
        if private:
            os.chmod(level, stat.S_IRWXU)


def remove_tree(top: Path) -> None:
    """`shutil.rmtree(top)` for a folder pqp made and alone writes in (a revision's checkout in
    its own private temporary folder), in a loop where shutil recurses once a level: links
    are removed, never followed, and each folder is made the owner's to empty first."""
    folders: list[str] = []
    todo = [os.fspath(top)]
    while todo:
        here = todo.pop()
        folders.append(here)
        os.chmod(here, stat.S_IRWXU)  # one made under a umask that left it no write: emptied too
        with os.scandir(here) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    todo.append(entry.path)
                else:
                    os.unlink(entry.path)
    for folder in reversed(folders):
        os.rmdir(folder)
