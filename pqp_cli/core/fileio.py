"""Writing files: one atomic writer for everything pqp writes (YAML, rejects, templates, reports).

A file is written to a temporary name beside its target, flushed, renamed over the target and
the folder synced: a reader sees the old file or the new one, never half of one. Its mode is
what an ordinary `open()` would give (0666 less the umask, so 0644 under umask 022) unless the
caller asks for a private file (the cache's signing key)."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from pqp_cli.core.problems import PqpError, display_path


def current_umask() -> int:
    """The process's umask (reading it means setting it; set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(
    path: Path, data: bytes, *, private: bool = False, make_folder: bool = False
) -> None:
    """Temp file beside `path`, fsync, chmod, rename, fsync the folder: old or new, never torn.
    `make_folder` creates the folder first (import's `data/<kind>/`); a report or template
    into a folder that does not exist is an error, not a new folder."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if make_folder:
            folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            _write(handle, data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600 if private else 0o666 & ~current_umask())
        os.replace(tmp, path)
        _fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise cannot_write(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _write(handle: Any, data: bytes) -> None:
    # PQP_IMPORT_WRITE_DELAY (seconds) slows the write so that tests can kill it half-way.
    delay = float(os.environ.get("PQP_IMPORT_WRITE_DELAY") or 0)
    if not delay:
        handle.write(data)
        return
    half = len(data) // 2
    handle.write(data[:half])
    handle.flush()
    time.sleep(delay)
    handle.write(data[half:])


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def cannot_write(path: Path, exc: OSError) -> PqpError:
    return PqpError(
        f"cannot write {display_path(path)}: {exc.strerror}",
        f"không ghi được {display_path(path)}: {exc.strerror}",
    )
