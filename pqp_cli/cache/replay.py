"""Output replay: a `validate`, `status` or `explain` run whose inputs are all unchanged writes
the bytes it wrote last time, before typer, pydantic, rich or the data layers are imported.

A warm run's work (hash every data file, answer from the cached dataset and documents) is a
tenth of a second; starting Python and importing the command line is most of the rest. So the
entry point (`cli.launch`) first computes this invocation's key (`invocation_key`: argv, cwd,
the whole environment, today's date and zone, which streams are terminals and their sizes,
Python, pqp's own files and the installed distributions), and looks for a record under it in
the per-user cache (`$XDG_CACHE_HOME/pqp/replay/`). A record holds every input the run it was
made from depended on — each file it opened (content digest), each folder it listed (names
and entry types) and each path whose existence or kind it tested — with the stdout and stderr
bytes and the exit code. Every input is hashed again (never an mtime trusted); all equal, the
bytes are written and the code returned. Records are signed with the data cache's per-user key
(`store._user_key`), so a record written by anyone else, or changed, is never replayed.

This module imports only the standard library: it runs before everything else. Any failure
here means "no replay": the command simply runs.
"""

from __future__ import annotations

import hashlib
import hmac
import marshal
import os
import stat
import sys
import time
from collections.abc import Iterable, Mapping, Sequence

FORMAT = "pqp-replay-1"
COMMANDS = frozenset({"validate", "status", "explain"})
#: Records kept (the newest): one per invocation, so a few dozen cover a day's scripts.
KEEP = 64
#: A record larger than this is not read (nor written): outputs that large gain nothing.
MAX_RECORD = 64 * 1024 * 1024
FOLDER = "replay"
#: Options given before the command, with their value (`app.hoist_global_options`).
_HOISTED = ("--data", "--targets", "--as-of", "--lang")
#: Options that make a run depend on more than its files, or write elsewhere, or ask no cache.
_NEVER = ("--rev", "--no-cache", "--help", "--version", "--install-completion")
_HEX = frozenset("0123456789abcdef")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
#: The stat functions as the system gives them (a recording run watches `os.stat`).
_stat = os.stat
PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

#: An input: (absolute path, kind, state) with kind `f` (file content), `d` (a folder's
#: listing) or `s` (what a stat of the path says).
Input = tuple[str, str, str]


def command_of(argv: Sequence[str]) -> str | None:
    """The command `argv` (without the program) runs, past the options hoisted before it."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _HOISTED:
            i += 2
        elif arg.split("=", 1)[0] in _HOISTED and "=" in arg:
            i += 1
        else:
            return arg
    return None


def eligible(argv: Sequence[str], environ: Mapping[str, str]) -> bool:
    """Whether this invocation may be replayed or recorded: one of the three reading commands,
    no git revision, no help, cache on, no step summary to append to (`at_terminal` is the
    other condition)."""
    if command_of(argv) not in COMMANDS:
        return False
    if any(arg.split("=", 1)[0] in _NEVER for arg in argv):
        return False
    if environ.get("PQP_NO_CACHE") or environ.get("PQP_NO_REPLAY"):
        return False
    return not environ.get("GITHUB_STEP_SUMMARY")


def at_terminal() -> bool:
    """Whether stdout or stderr is a terminal: a person there gets a real run (and its
    colours); scripts, pipes and CI get the replay."""
    return _isatty(1) or _isatty(2)


def _isatty(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False


def _terminal(fd: int) -> str:
    try:
        size = os.get_terminal_size(fd)
    except (OSError, ValueError):
        return "-"
    return f"{size.columns}x{size.lines}"


def cache_folder(environ: Mapping[str, str]) -> str:
    """`Settings.cache_dir()` without importing it: `$XDG_CACHE_HOME/pqp` or `~/.cache/pqp`."""
    home = environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(home, "pqp")


def invocation_key(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The digest naming this invocation's record: everything a run may answer differently by
    that is not a file it reads (those are the record's inputs)."""
    h = hashlib.sha256(FORMAT.encode() + b"\0")
    parts = [
        repr(list(getattr(sys, "orig_argv", sys.argv))),
        repr(list(argv)),
        os.getcwd(),
        repr(sorted(environ.items())),
        time.strftime("%Y-%m-%d"),
        repr((time.tzname, time.timezone, time.altzone, time.daylight)),
        repr([(_isatty(fd), _terminal(fd)) for fd in (0, 1, 2)]),
        sys.version,
        sys.executable,
        repr(sys.flags),
        repr([getattr(s, "encoding", None) for s in (sys.stdout, sys.stderr)]),
        repr([getattr(s, "errors", None) for s in (sys.stdout, sys.stderr)]),
        package_digest(),
        distributions(),
    ]
    for part in parts:
        h.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return h.hexdigest()


def package_digest() -> str:
    """pqp's own files as `store.code_digest` hashes them (sources and data), without the
    imports its salt needs: every file of the package, by name and content."""
    h = hashlib.sha256()
    found = []
    for top, dirs, names in os.walk(PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        found += [os.path.join(top, n) for n in names if n.endswith((".py", ".gz", ".json"))]
    for path in sorted(found):
        with open(path, "rb") as fh:
            h.update(path[len(PACKAGE) + 1 :].encode() + b"\0" + fh.read())
    return h.hexdigest()


def distributions() -> str:
    """The installed distributions and their versions (`*.dist-info` names on `sys.path`):
    an upgraded PyYAML, pydantic or rich may word or read something otherwise."""
    names = [repr(sys.path)]
    for entry in sys.path:
        try:
            listed = os.listdir(entry or ".")
        except OSError:
            continue
        names += sorted(n for n in listed if n.endswith((".dist-info", ".egg-info", ".pth")))
    return "\0".join(names)


def read_private(path: str, limit: int) -> bytes | None:
    """The bytes of `path` when it is a regular file of this user, not a link, at most `limit`
    bytes; None otherwise (a FIFO, a device, someone else's file, too large)."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
        if not stat.S_ISREG(info.st_mode) or not mine or info.st_size > limit:
            return None
        with os.fdopen(os.dup(fd), "rb") as fh:
            data = fh.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) <= limit else None


def user_key(environ: Mapping[str, str]) -> bytes | None:
    """The data cache's signing key (`store._user_key`), read only: none yet, no replay."""
    key = read_private(os.path.join(cache_folder(environ), "cache-key"), 4096)
    return key if key is not None and len(key) >= 32 else None


def _sign(key: bytes, name: str, payload: bytes) -> bytes:
    return hmac.new(key, name.encode() + b"\0" + payload, hashlib.sha256).digest()


#: A run as recorded: its inputs, what it wrote (stream 1 or 2, bytes, in the order written:
#: `2>&1` interleaves them as the run did) and its exit code.
Record = tuple[list[Input], list[tuple[int, bytes]], int]


def load_record(folder: str, name: str, key: bytes) -> Record | None:
    """The record stored under `name`, when it is this user's, signed with `key`, whole."""
    blob = read_private(os.path.join(folder, name), MAX_RECORD)
    if blob is None or len(blob) < 32:
        return None
    signature, payload = blob[:32], blob[32:]
    if not hmac.compare_digest(signature, _sign(key, name, payload)):
        return None
    try:
        fmt, stored, inputs, written, code = marshal.loads(payload)
    except Exception:  # noqa: BLE001 - signed but unreadable: a record of another format
        return None
    if fmt != FORMAT or stored != name or code not in (0, 1):
        return None
    return inputs, written, code


def unchanged(inputs: Iterable[Input]) -> bool:
    """Whether every input is as it was when recorded (each hashed or listed again)."""
    return all(state(path, kind) == was for path, kind, was in inputs)


def lookup(name: str, environ: Mapping[str, str]) -> Record | None:
    """The record to replay for the invocation `name`, or None: none, not ours, or stale."""
    key = user_key(environ)
    if key is None:
        return None
    found = load_record(os.path.join(cache_folder(environ), FOLDER), name, key)
    if found is None or not unchanged(found[0]):
        return None
    return found


def write_out(written: Iterable[tuple[int, bytes]]) -> None:
    """Write a record's output to the process's streams, in the order it was written."""
    for fd, chunk in written:
        view = memoryview(chunk)
        while view:
            view = view[os.write(fd, view) :]


def save_record(folder: str, name: str, key: bytes, record: Record) -> None:
    """Write the record atomically (temp file, rename: a concurrent reader sees the old record
    or the new one) and keep only the newest `KEEP`."""
    import tempfile  # only when recording: a replay never needs it

    inputs, written, code = record
    payload = marshal.dumps((FORMAT, name, inputs, written, code))
    if len(payload) + 32 > MAX_RECORD:
        return
    os.makedirs(folder, mode=0o700, exist_ok=True)
    if os.path.islink(folder):
        return
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_sign(key, name, payload) + payload)
        os.replace(tmp, os.path.join(folder, name))
    except BaseException:
        os.unlink(tmp)
        raise
    prune(folder)


def prune(folder: str) -> None:
    """Drop all but the newest `KEEP` records (only names pqp gives them; a record another
    run removes first is simply gone)."""
    dated = []
    for entry in os.scandir(folder):
        try:
            if (
                len(entry.name) == 64
                and _HEX.issuperset(entry.name)
                and entry.is_file(follow_symlinks=False)
            ):
                dated.append((entry.stat(follow_symlinks=False).st_mtime_ns, entry.path))
        except OSError:
            continue
    for _, path in sorted(dated, reverse=True)[KEEP:]:
        try:
            os.unlink(path)
        except OSError:
            continue


def state(path: str, kind: str) -> str:
    """What a run depending on `path` saw: the content digest of a file (`f`), the sorted
    listing of a folder with its entries' types and, reached through a link, the link's text
    (`d`), or the kind of what is there (`s`)."""
    try:
        if kind == "f":
            return _file_state(path)
        if kind == "d":  # and, for a link, where it leads (a copy elsewhere lists the same)
            return _listing_state(path) + _link_text(path)
        return _stat_state(path)
    except OSError as exc:
        return f"error {exc.errno}"


def _file_state(path: str) -> str:
    fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return f"mode {stat.S_IFMT(info.st_mode)}"
        h = hashlib.sha256()
        with os.fdopen(os.dup(fd), "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
        return h.hexdigest()
    finally:
        os.close(fd)


def _listing_state(path: str) -> str:
    entries = []
    with os.scandir(path) as found:
        for entry in found:
            entries.append(f"{entry.name}\0{_entry_type(entry)}")
    return hashlib.sha256("\n".join(sorted(entries)).encode("utf-8", "surrogateescape")).hexdigest()


def _link_text(path: str) -> str:
    """`\0` and the text of the link at `path`; nothing when it is no link."""
    try:
        return "\0" + os.readlink(path)
    except OSError:  # no link (EINVAL), or gone: the listing says the rest
        return ""


def _entry_type(entry: os.DirEntry[str]) -> str:
    try:
        if entry.is_symlink():
            return "l" + ("d" if entry.is_dir() else "f" if entry.is_file() else "-")
        return "d" if entry.is_dir(follow_symlinks=False) else "f" if entry.is_file() else "o"
    except OSError:
        return "?"


def _stat_state(path: str) -> str:
    """The kind of what `path` names, as lstat and stat see it (and a link's target)."""
    parts = []
    for follow in (False, True):
        try:
            mode = _stat(path, follow_symlinks=follow).st_mode
            parts.append(str(stat.S_IFMT(mode)))
            if stat.S_ISLNK(mode):
                parts.append(os.readlink(path))
        except OSError as exc:
            parts.append(f"error {exc.errno}")
    return "\0".join(parts)


#: How far before a run began a change may be stamped and still have happened while it ran:
#: the kernel stamps files from a clock that lags by a tick (a few milliseconds); a filesystem
#: keeping whole seconds (ext3, HFS+, FAT's two) may stamp a change up to two seconds early.
RACY_NS = 50_000_000
RACY_COARSE_NS = 2_000_000_000


def racy(path: str, kind: str, began_ns: int) -> bool:
    """Whether the file or folder `path` may have changed after a run that began at
    `began_ns` first read it: its change time (which no one can set back, unlike the
    modification time) is not clearly before the run began. Its content at the end, then,
    need not be what the run read (cut short and written back as it was, within one tick of
    the filesystem's clock, looks the same to `stamp`): such a run is not recorded."""
    if kind == "s":
        return False
    for follow in (False, True):
        try:
            changed = _stat(path, follow_symlinks=follow).st_ctime_ns
        except OSError:
            continue
        slack = RACY_COARSE_NS if changed % 1_000_000_000 == 0 else RACY_NS
        if changed >= began_ns - slack:
            return True
    return False


def stamp(path: str, kind: str) -> str:
    """What stat says of a file or folder read (identity, size, times, for the path and a link
    to it), or of a path only stat'ed (its kind): taken when a recorded run first touches an
    input and again at its end, so that an input changed during the run is never recorded
    with the other's output. Replay never trusts it."""
    if kind == "s":
        return _stat_state(path)
    parts = []
    for follow in (False, True):
        try:
            info = _stat(path, follow_symlinks=follow)
            parts.append(f"{info.st_mode} {info.st_ino} {info.st_size} {info.st_mtime_ns}")
            parts.append(str(info.st_ctime_ns))
        except OSError as exc:
            parts.append(f"error {exc.errno}")
    return "\0".join(parts)
