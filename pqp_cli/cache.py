"""A per-file cache of what reading a data file produced, keyed by the file's content.

Entries live in `DATA/.pqp-cache/` (git-ignored by a `.gitignore` written inside it). Each is
signed with a key kept in the user's own cache folder, so a cache committed or copied from
elsewhere is never trusted: it fails the check and is rebuilt. Writes are atomic (temp file,
rename), so concurrent runs never read a torn entry; anything unreadable is simply rebuilt.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import tempfile
from pathlib import Path
from typing import Any

from pqp_cli import __version__

CACHE_DIR = ".pqp-cache"
_FORMAT = f"pqp-cache-1/{__version__}"


def _user_key() -> bytes | None:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pqp"
    path = base / "cache-key"
    try:
        return path.read_bytes()
    except OSError:
        pass
    try:
        base.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(32)
        fd, tmp = tempfile.mkstemp(dir=base)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
        return path.read_bytes()
    except OSError:
        return None


class FileCache:
    """get/put of a file's reading result by (kind, content)."""

    def __init__(self, data_dir: Path, salt: str, enabled: bool = True) -> None:
        """`salt` names the shape of what is stored: a change of it invalidates every entry."""
        self.root = data_dir / CACHE_DIR
        self.salt = f"{_FORMAT}/{salt}"
        self.key = _user_key() if enabled else None

    @property
    def enabled(self) -> bool:
        return self.key is not None

    def _path(self, kind: str, content: bytes) -> tuple[Path, str]:
        digest = hashlib.sha256(f"{self.salt}\0{kind}\0".encode() + content).hexdigest()
        return self.root / digest[:2] / f"{digest}.pkl", digest

    def get(self, kind: str, content: bytes) -> Any | None:
        if self.key is None:
            return None
        path, digest = self._path(kind, content)
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        signature, payload = blob[:32], blob[32:]
        expected = hmac.new(self.key, digest.encode() + payload, hashlib.sha256).digest()
        if not hmac.compare_digest(signature, expected):
            return None  # foreign, stale or torn: rebuild
        try:
            return pickle.loads(payload)  # noqa: S301 - signed with the user's own key
        except Exception:  # a corrupt entry is rebuilt, never fatal
            return None

    def put(self, kind: str, content: bytes, value: Any) -> None:
        if self.key is None:
            return
        path, digest = self._path(kind, content)
        try:
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            signature = hmac.new(self.key, digest.encode() + payload, hashlib.sha256).digest()
            self._ensure_root()
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                fh.write(signature + payload)
            os.replace(tmp, path)
        except (OSError, pickle.PicklingError):
            return  # a read-only data folder still works, uncached

    def _ensure_root(self) -> None:
        if not self.root.is_dir():
            self.root.mkdir(parents=True, exist_ok=True)
            (self.root / ".gitignore").write_text("*\n", encoding="utf-8")
