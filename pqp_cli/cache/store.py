"""A cache of what reading the data produced, in `DATA/.pqp-cache/`, keyed by content digests.

Three kinds of entry, each a marshal blob named by a sha256 digest (see `cache.dataset`):
`f/` one data file's reading (records, problems, lines, the records' facts for the rules;
`read.filecodec`), keyed by the file's bytes;
`d/` a whole dataset's problems and which records were kept, keyed by every file's digest,
today and the plan's period; `m/` metric results for such a dataset, and whole answers
(`status` and `explain` documents, `pqp_cli.figures.answers`); `h/` the hints suggested
for unknown references, keyed by the records they were chosen among (`checks.suggestions`).

Every key also holds `salt()`: pqp's version and a digest of the source that decides what is
cached, so a changed pqp never reads what another one wrote. Each entry is signed with a key
kept in the user's own cache folder, so a cache committed or copied from elsewhere fails the
check and is rebuilt. Writes are atomic (temp file, rename): concurrent runs never read a torn
entry. `PQP_NO_CACHE=1` or `--no-cache` (`Settings.no_cache`) turn it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import re
import secrets
import stat
import sys
import tempfile
from pathlib import Path

from pqp_cli.core.fileio import write_atomic
from pqp_cli.core.notes import warn
from pqp_cli.core.pathtext import shown
from pqp_cli.core.problems import PqpError, display_path
from pqp_cli.core.settings import Settings
from pqp_cli.core.version import __version__

CACHE_DIR = ".pqp-cache"
_FORMAT = "pqp-cache-2"
#: Dataset and metric entries kept (the newest); file entries are pruned past `_FILE_SLACK`.
_KEEP = {"d": 16, "m": 256, "h": 16}
_FILE_SLACK = 64
_salt: str | None = None


#: The catalogue's modules, every one (a new one too): they word every problem a reading keeps.
_MESSAGES = sorted(p.stem for p in (Path(__file__).parent.parent / "core/messages").glob("*.py"))

#: The modules whose code decides what is cached: the digest of their source is in every key
#: (tests check this covers every pqp module they import, `from package import module` and
#: `__init__` included: the catalogue's modules word every cached problem).
SOURCES = (
    "cache/store",
    "cache/memo",
    "cache/dataset",
    "cache/checking",
    *(f"checks/{name}" for name in ("assemble", "cross", "facts", "rules", "suggestions")),
    "core/fileio",
    "core/models",
    *(f"core/messages/{name}" for name in _MESSAGES),
    "core/notes",
    "core/pathtext",
    "core/problems",
    "core/schemes",
    "core/settings",
    "core/text",
    "core/version",
    "figures/metrics",
    "read/datafiles",
    "read/filecodec",
    "read/__init__",
    "read/loading",
    "read/pool",
    "read/recordcodec",
    "read/sources",
    "read/trusted",
    "read/validation_messages",
    "read/workers",
    "read/yamldoc",
    "read/yamlfast",
    "read/yamlscalar",
    "read/yamlread",
)


def salt() -> str:
    """The cache format, pqp's version, the libraries that read the files and a digest of the
    modules in SOURCES (~150 kB)."""
    global _salt
    if _salt is None:
        h = hashlib.sha256(f"{_FORMAT}\0{__version__}\0".encode())
        h.update(_readers().encode())
        package = Path(__file__).resolve().parent.parent
        try:
            for name in SOURCES:
                h.update(name.encode() + b"\0" + (package / f"{name}.py").read_bytes())
        except OSError:  # pragma: no cover - a package we cannot read back: version only
            pass
        _salt = h.hexdigest()
    return _salt


def _readers() -> str:
    """Python (marshal and pickle formats) and the libraries whose reading a cached entry keeps:
    PyYAML and libyaml (the events), pydantic (its errors become problems). An upgrade may read
    a file otherwise, so what the old ones stored is never used."""
    import pydantic
    import pydantic_core
    import yaml

    libyaml = yaml._yaml.get_version_string() if yaml.__with_libyaml__ else "-"
    versions = (sys.version, yaml.__version__, libyaml, pydantic.VERSION, pydantic_core.__version__)
    return "\0".join(versions) + "\0"


_code: str | None = None


def code_digest() -> str:
    """A digest of every file of the pqp_cli package (sources and data, ~0.9 MB, read once a
    process): the key of whole answers (`figures.answers`, the place problems), which depend on
    more of pqp than `SOURCES` names."""
    global _code
    if _code is None:
        package = Path(__file__).resolve().parent.parent
        h = hashlib.sha256(salt().encode())
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".gz", ".json") and "__pycache__" not in path.parts:
                h.update(path.relative_to(package).as_posix().encode() + b"\0")
                h.update(path.read_bytes())
        _code = h.hexdigest()
    return _code


#: The signing key's length: a shorter key file (say, emptied) is replaced, never used.
KEY_BYTES = 32
#: A key file larger than this is not a key pqp wrote: replaced, never read whole.
KEY_MAX = 4096
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _read_regular(path: Path, limit: int | None = None) -> bytes | None:
    """The bytes of `path` when it is a regular file, not a link (a FIFO, a device or a link
    to one would hang or never end); None otherwise, or past `limit` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or (limit is not None and info.st_size > limit):
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read() if limit is None else fh.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if limit is None or len(data) <= limit else None


def _user_key(settings: Settings) -> bytes | None:
    base = settings.cache_dir()
    path = base / "cache-key"
    key = _read_regular(path, KEY_MAX)
    if key is not None and len(key) >= KEY_BYTES:
        return key
    # None yet, empty, short (anyone could forge what such a key signs), too large, or not a
    # regular file (a FIFO, a link): a new random one replaces the entry itself.
    try:
        base.mkdir(parents=True, exist_ok=True)
        write_atomic(path, secrets.token_bytes(KEY_BYTES), private=True)
        key = _read_regular(path, KEY_MAX)
        return key if key is not None and len(key) >= KEY_BYTES else None
    except (OSError, PqpError):
        return None


#: The names pqp gives its entries (see `file_entry`, `MetricMemo` and `cache.dataset`): prune
#: deletes nothing else.
_OWN = {
    "f": re.compile(r"[0-9a-f]{2}/[0-9a-f]{64}"),
    "d": re.compile(r"[0-9a-f]{64}"),
    "m": re.compile(r"[0-9a-f]{64}-[0-9a-f]{32}"),
    "h": re.compile(r"[0-9a-f]{64}"),
}
_BUCKET = re.compile(r"[0-9a-f]{2}")


class DataCache:
    """Signed blobs by name (`f/ab/abcd…`, `d/…`, `m/…`) under `DATA/.pqp-cache/`."""

    def __init__(self, data_dir: Path, settings: Settings) -> None:
        self.root = data_dir / CACHE_DIR
        self.key = _user_key(settings)
        self.wrote = False
        self._made: set[Path] = set()  # folders this run made (or found) under the root
        if self.key is not None and self.root.is_symlink():
            self._refuse(self.root)

    def _refuse(self, link: Path) -> None:
        """No cache for this run: pqp writes and deletes nothing through a link."""
        self.key = None
        where = shown(display_path(link))
        warn("cache-link", where=where)

    def _no_link_to(self, folder: Path) -> bool:
        """`folder` and every folder between it and the cache's root are real folders (or not
        there yet); a link on the way turns the cache off."""
        root, step = os.fspath(self.root), os.fspath(folder)  # both normalized, as Paths are
        while True:  # up to the root only (not every parent up to `/`, as `.parents` lists)
            if os.path.islink(step):
                self._refuse(Path(step))
                return False
            if step == root:
                return True
            parent = os.path.dirname(step)
            if parent == step:
                return False
            step = parent

    @property
    def enabled(self) -> bool:
        return self.key is not None

    def _sign(self, name: str, payload: bytes) -> bytes:
        assert self.key is not None
        return hmac.new(self.key, name.encode() + b"\0" + payload, hashlib.sha256).digest()

    def get(self, name: str) -> bytes | None:
        """The payload stored under `name`, or None (absent, foreign, stale or torn)."""
        path = self.root / name
        if self.key is None or not self._no_link_to(path.parent):
            return None
        blob = _read_regular(path)
        if blob is None or self.key is None:
            return None
        signature, payload = blob[:32], blob[32:]
        if not hmac.compare_digest(signature, self._sign(name, payload)):
            return None
        return payload

    def put(self, name: str, payload: bytes) -> bool:
        """Store atomically (True when stored); a read-only data folder simply stays uncached.

        Not `core.fileio.write_atomic`, which the key uses: an entry needs no fsync (a lost or
        torn one fails its signature and is rebuilt; the two fsyncs cost 8 ms an entry here, half
        a second on a cold national run), a failure must stay silent rather than stop the
        command, and entries are private (0600, as `mkstemp` makes them): only this user's key
        can verify them, so no one else has any use for them."""
        path = self.root / name
        for _ in range(2):  # a folder removed meanwhile (`_make` knew it made) is made again
            try:
                return self._write(path, name, payload)
            except FileNotFoundError:
                self._made.discard(path.parent)
            except OSError:
                return False
        return False

    def _write(self, path: Path, name: str, payload: bytes) -> bool:
        if self.key is None or not self._make(path.parent):
            return False
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(self._sign(name, payload) + payload)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self.wrote = True
        return True

    def _make(self, folder: Path) -> bool:
        """Make `folder` under the cache's root one level at a time, never through a link
        (each folder once a run: `put` forgets one found gone)."""
        if folder in self._made:
            return self._no_link_to(folder)
        root = os.fspath(self.root)
        made_root = not os.path.exists(root)
        levels = [root]
        for part in os.fspath(folder.relative_to(self.root)).split(os.sep):
            if part not in ("", "."):
                levels.append(os.path.join(levels[-1], part))
        # Each level checked once, after it is made or found: a check before `mkdir` would let
        # a link swapped in meanwhile through, and the level below it be made at its target.
        for here in levels:
            with contextlib.suppress(FileExistsError):
                os.mkdir(here)
            mode = os.lstat(here).st_mode
            if stat.S_ISLNK(mode):
                self._refuse(Path(here))
                return False
            if not stat.S_ISDIR(mode):
                raise NotADirectoryError(here)
        if made_root:
            _ignore_all(self.root / ".gitignore")
        if not self._no_link_to(folder):
            return False
        self._made.add(folder)
        return True

    def prune(self, files_in_use: set[str], *, files: bool = True) -> None:
        """Drop old dataset entries, and (`files`) file entries no current file has once they
        pile up; only entries pqp wrote (by their names), in real folders under its root."""
        if self.key is None or not self.wrote:
            return
        try:
            for folder in _KEEP:
                self._keep_newest(folder)
            if not files:
                return
            entries = self._own("f")
            if len(entries) > 2 * len(files_in_use) + _FILE_SLACK:
                for e in entries:
                    if (
                        f"f/{os.path.basename(os.path.dirname(e.path))}/{e.name}"
                        not in files_in_use
                    ):
                        Path(e.path).unlink(missing_ok=True)
        except OSError:
            return

    def trim(self, folder: str) -> None:
        """Drop all but the newest entries of `folder` (`_KEEP`): what a run writes after its
        data is loaded (metric results, `cache.memo`) comes after `prune`, which a warm load,
        writing nothing, does not even do."""
        if self.key is None:
            return
        with contextlib.suppress(OSError):
            self._keep_newest(folder)

    def names(self, folder: str) -> set[str]:
        """The names of pqp's own entries in the flat folder `folder` (`d`, `m`, `h`), as `get`
        takes them: one listing instead of a failed open for each name that is not there.
        Nothing when the cache is off (a link on the way was refused and said once already)."""
        if self.key is None:
            return set()
        return {f"{folder}/{entry.name}" for entry in self._own(folder)}

    def _keep_newest(self, folder: str) -> None:
        found = [(e.stat(follow_symlinks=False).st_mtime, e.path) for e in self._own(folder)]
        for _, path in sorted(found, reverse=True)[_KEEP[folder] :]:
            Path(path).unlink(missing_ok=True)

    def _own(self, folder: str) -> list[os.DirEntry[str]]:
        """pqp's own entries under `folder`: regular files named as pqp names them, listed with
        `os.scandir` (what each is comes with the listing: no call per entry)."""
        top = self.root / folder
        if not self._no_link_to(top) or not top.is_dir():
            return []
        pattern, found = _OWN[folder], []
        for entry in _listed(top):
            if folder != "f":
                if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                    found.append(entry)
            elif _BUCKET.fullmatch(entry.name) and entry.is_symlink():
                self._refuse(Path(entry.path))  # a link on the way
            elif _BUCKET.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False):
                found.extend(
                    e
                    for e in _listed(entry.path)
                    if pattern.fullmatch(f"{entry.name}/{e.name}")
                    and e.is_file(follow_symlinks=False)
                )
        return found


def _listed(folder: str | Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            return list(entries)
    except OSError:
        return []


def _ignore_all(path: Path) -> None:
    """The cache folder's `.gitignore`, created only if absent (never through a link)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
    except OSError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("*\n")


def file_entry(kind: str, digest: str) -> str:
    """The name of a data file's entry: by its kind and content digest."""
    key = hashlib.sha256(f"{salt()}\0{kind}\0{digest}".encode()).hexdigest()
    return f"f/{key[:2]}/{key}"
