"""A cache of what reading the data produced, in `DATA/.pqp-cache/`, keyed by content digests.

Three kinds of entry, each a marshal blob named by a sha256 digest (see `loading`):
`f/` one data file's reading (records, problems, lines), keyed by the file's bytes;
`d/` a whole dataset's problems and which records were kept, keyed by every file's digest,
today and the plan's period; `m/` metric results for such a dataset.

Every key also holds `salt()`: pqp's version and a digest of the source that decides what is
cached, so a changed pqp never reads what another one wrote. Each entry is signed with a key kept in the user's own
cache folder, so a cache committed or copied from elsewhere is never trusted: it fails the
check and is rebuilt. Writes are atomic (temp file, rename), so concurrent runs never read a
torn entry; anything unreadable is simply rebuilt. `PQP_NO_CACHE=1` or `--no-cache` turn it off.
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import secrets
import tempfile
from pathlib import Path
from typing import Any

from pqp_cli import __version__

CACHE_DIR = ".pqp-cache"
_FORMAT = "pqp-cache-2"
#: Dataset and metric entries kept (the newest); file entries are pruned past `_FILE_SLACK`.
_KEEP = {"d": 16, "m": 256}
_FILE_SLACK = 64
_salt: str | None = None


#: The modules whose code decides what is cached: the digest of their source is in every key
#: (a test checks that this covers every pqp module they import).
SOURCES = (
    "cache",
    "datacache",
    "datafiles",
    "loading",
    "metrics",
    "models",
    "problems",
    "recordcodec",
    "rules",
    "rules_identity",
    "schemes",
    "text",
    "validation_messages",
    "yamlfast",
    "yamlread",
)


def salt() -> str:
    """The cache format, pqp's version and a digest of the modules in SOURCES (~150 kB)."""
    global _salt
    if _salt is None:
        h = hashlib.sha256(f"{_FORMAT}\0{__version__}\0".encode())
        package = Path(__file__).resolve().parent
        try:
            for name in SOURCES:
                h.update(name.encode() + b"\0" + (package / f"{name}.py").read_bytes())
        except OSError:  # pragma: no cover - a package we cannot read back: version only
            pass
        _salt = h.hexdigest()
    return _salt


#: The signing key's length: a shorter key file (say, emptied) is replaced, never used.
KEY_BYTES = 32


def _user_key() -> bytes | None:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pqp"
    path = base / "cache-key"
    try:
        key = path.read_bytes()
        if len(key) >= KEY_BYTES:
            return key
    except OSError:
        pass
    # None yet, or empty or short (anyone could forge what such a key signs): a new random one.
    try:
        base.mkdir(parents=True, exist_ok=True)
        key = secrets.token_bytes(KEY_BYTES)
        fd, tmp = tempfile.mkstemp(dir=base)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
        key = path.read_bytes()
        return key if len(key) >= KEY_BYTES else None
    except OSError:
        return None


class DataCache:
    """Signed blobs by name (`f/ab/abcd…`, `d/…`, `m/…`) under `DATA/.pqp-cache/`."""

    def __init__(self, data_dir: Path, enabled: bool = True) -> None:
        self.root = data_dir / CACHE_DIR
        self.key = _user_key() if enabled else None
        self.wrote = False

    @property
    def enabled(self) -> bool:
        return self.key is not None

    def _sign(self, name: str, payload: bytes) -> bytes:
        assert self.key is not None
        return hmac.new(self.key, name.encode() + b"\0" + payload, hashlib.sha256).digest()

    def get(self, name: str) -> bytes | None:
        """The payload stored under `name`, or None (absent, foreign, stale or torn)."""
        if self.key is None:
            return None
        try:
            blob = (self.root / name).read_bytes()
        except OSError:
            return None
        signature, payload = blob[:32], blob[32:]
        if not hmac.compare_digest(signature, self._sign(name, payload)):
            return None
        return payload

    def put(self, name: str, payload: bytes) -> None:
        """Store atomically; a read-only data folder simply stays uncached."""
        if self.key is None:
            return
        path = self.root / name
        try:
            self._ensure_root()
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(self._sign(name, payload) + payload)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            self.wrote = True
        except OSError:
            return

    def prune(self, files_in_use: set[str]) -> None:
        """Drop old dataset entries, and file entries no current file has once they pile up."""
        if self.key is None or not self.wrote:
            return
        try:
            for folder, keep in _KEEP.items():
                found = sorted(
                    (p for p in (self.root / folder).glob("*") if p.is_file()),
                    key=lambda p: p.stat().st_mtime,
                    reverse=True,
                )
                for path in found[keep:]:
                    path.unlink(missing_ok=True)
            entries = [p for p in (self.root / "f").glob("*/*") if p.is_file()]
            if len(entries) > 2 * len(files_in_use) + _FILE_SLACK:
                for path in entries:
                    if f"f/{path.parent.name}/{path.name}" not in files_in_use:
                        path.unlink(missing_ok=True)
        except OSError:
            return

    def _ensure_root(self) -> None:
        if not self.root.is_dir():
            self.root.mkdir(parents=True, exist_ok=True)
            (self.root / ".gitignore").write_text("*\n", encoding="utf-8")


def file_entry(kind: str, digest: str) -> str:
    """The name of a data file's entry: by its kind and content digest."""
    key = hashlib.sha256(f"{salt()}\0{kind}\0{digest}".encode()).hexdigest()
    return f"f/{key[:2]}/{key}"


class MetricMemo:
    """Metric results for one dataset, one cache entry each, by what they were computed from."""

    def __init__(self, cache: DataCache, prefix: str) -> None:
        self.cache = cache
        self.prefix = prefix

    def _name(self, key: str) -> str:
        return f"{self.prefix}-{hashlib.sha256(key.encode()).hexdigest()[:32]}"

    def get(self, key: str) -> Any | None:
        payload = self.cache.get(self._name(key))
        if payload is None:
            return None
        try:
            stored_key, value = marshal.loads(payload)
        except Exception:  # a corrupt entry: compute again
            return None
        return value if stored_key == key else None

    def put(self, key: str, value: Any) -> None:
        try:
            payload = marshal.dumps((key, value))
        except ValueError:  # not plain values: not cached
            return
        self.cache.put(self._name(key), payload)
