"""The data folder and targets file as committed at a git revision, read through git itself.

`git ls-tree` lists the blobs under the data folder at the revision and `git cat-file --batch`
gives their bytes, which are written under a temporary folder that mirrors the repository
(`git archive` is not used: `export-ignore` attributes could leave files out). The figures
computed on that folder are those of the commit, whatever the working tree holds.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pqp_cli.cache.store import CACHE_DIR
from pqp_cli.core.fileio import make_folders, remove_tree
from pqp_cli.core.messages import Texts, phrase, texts
from pqp_cli.core.notes import say
from pqp_cli.core.pathtext import has_control, shown
from pqp_cli.core.problems import SHOWN_AS, PqpError, display_path
from pqp_cli.read.gitobjects import Entry, contents, entries, git

WORKING_TREE = None  # a revision of None: the files on disk
#: What one revision may write to its temporary folder: beyond, a clear refusal.
MAX_ENTRIES = 200_000
MAX_BYTES = 1 << 30
MAX_LINKS = 1000  # links whose target outside the data folder is marked (each costs git calls)


@dataclass(frozen=True)
class Revision:
    """What a revision was asked as, the commit it names, and where its files were written."""

    rev: str
    commit: str
    data: Path
    targets: Path
    left_out: tuple[Texts, ...] = ()  # what the figures at `rev` leave out


def _existing(path: Path) -> Path:
    """The nearest folder at or above `path` that exists and is not itself a link: a data
    folder linked into another repository belongs to the one it lies in."""
    path = path.absolute()
    while (not path.is_dir() or path.is_symlink()) and path != path.parent:
        path = path.parent
    return path


def repository_root(near: Path) -> Path:
    """The top of the git work tree holding `near` (or its nearest existing folder)."""
    start = _existing(near)
    done = git(["rev-parse", "--show-toplevel"], start)
    if done.returncode != 0:
        where = display_path(start)
        raise PqpError(*phrase("not-a-repository", where=where))
    return Path(os.fsdecode(done.stdout.strip()))


def resolve_commit(root: Path, rev: str) -> str:
    """The full commit id a revision names (a tag, branch, `HEAD~2`, an abbreviated id …)."""
    if rev.startswith("^") or ".." in rev or rev.endswith(("^!", "^@")) or "^-" in rev:
        raise PqpError(*phrase("rev-not-single", rev=shown(rev)))
    done = None
    if rev and not rev.startswith("-"):
        done = git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root)
    if done is None or done.returncode != 0:
        raise PqpError(*phrase("rev-unknown", rev=shown(rev)))
    return done.stdout.decode().strip()


def _inside(path: Path, root: Path) -> str:
    """`path` relative to the repository root, in git's spelling (forward slashes): the parts
    after the first of its leading paths that is the root (as the user reached the repository,
    links followed on disk), kept as given, links and `..` to be resolved inside the commit,
    never on disk, where they may lead elsewhere than at the revision."""
    given = path.absolute()  # `..` kept
    top, parts = os.path.realpath(root), given.parts
    for end in range(1, len(parts) + 1):
        rest = list(parts[end:])
        if not _climbs_out([], "/".join(rest)) and os.path.realpath(Path(*parts[:end])) == top:
            return "/".join(rest) or "."
    where = display_path(path)
    raise PqpError(*phrase("outside-repository", where=where, root=display_path(root)))


def _missing(what: str, spec: str, rev: str) -> PqpError:
    return PqpError(*phrase(f"rev-no-{what}", spec=shown(spec), rev=rev))


def _unsafe(name: str) -> bool:
    """A name from git that could lead outside its folder (`..`, `.`, empty or absolute parts)
    or break a line (any control character)."""
    parts = name.split("/")
    return (
        any(p in ("", ".", "..") or "\\" in p for p in parts)
        or os.path.isabs(name)
        or has_control(name)
    )


def _target(into: Path, name: str) -> Path:
    """Where a file from git goes: under `into`, never anywhere else."""
    if _unsafe(name):
        raise PqpError(*phrase("rev-unsafe-name", name=shown(name)))
    path = into.joinpath(*name.split("/"))
    real, inside = os.path.realpath(path.parent), os.path.realpath(into)
    if real != inside and not real.startswith(inside + os.sep):
        raise PqpError(*phrase("rev-escapes", name=shown(name)))
    return path


def _left(rev: str, name: str) -> Texts:
    return texts("submodule-left-out", rev=rev, name=shown(name))


def _too_large(rev: str) -> PqpError:
    return PqpError(*phrase("rev-too-large", rev=rev, files=MAX_ENTRIES, mib=MAX_BYTES // 2**20))


def _materialise(root: Path, commit: str, found: list[Entry], into: Path, rev: str) -> list[Texts]:
    """Write files as files and links as links (their text checked), exactly as a checkout
    would, so the folder reads as the checkout of `rev` reads; submodules are named."""
    files = [e for e in found if e.kind == "blob" and e.mode != "120000"]
    links = [e for e in found if e.kind == "blob" and e.mode == "120000"]
    if len(files) + len(links) > MAX_ENTRIES or sum(e.size for e in files + links) > MAX_BYTES:
        raise _too_large(rev)
    paths = [_target(into, e.name) for e in files + links]  # every name checked first
    read = contents(root, [e.name for e in files + links], [e.oid for e in files + links])
    _write(paths[: len(files)], read[: len(files)], [e.name for e in files])
    for path, text, link in zip(paths[len(files) :], read[len(files) :], links, strict=True):
        _link(into, path, text, link.name)
    return [_left(rev, e.name) for e in found if e.kind == "commit"]


def _link(into: Path, path: Path, text: bytes, name: str) -> None:
    """A link as committed; its text must be a plain path (no control character)."""
    target = os.fsdecode(text)
    if not target or has_control(target) or "\0" in target:
        raise PqpError(*phrase("rev-bad-link", name=shown(name), target=shown(target)))
    try:
        for step in reversed(path.parents):  # never through a link written before
            if step.is_relative_to(into) and step != into and step.is_symlink():
                raise FileExistsError(name)
        make_folders(path.parent, private=True)
        os.symlink(target, path)
    except OSError as exc:
        raise _not_written(name, exc) from None


#: What writing a name of the tree a second time (or below a file of it) raises.
_TWICE = (FileExistsError, NotADirectoryError, IsADirectoryError)


def _not_written(name: str, exc: OSError) -> PqpError:
    """The tree names `name` twice; or the checkout could not write it, and says why (a path
    longer than the system takes, a folder it may not write in): never a guess."""
    if isinstance(exc, _TWICE):
        return PqpError(*phrase("rev-twice", name=shown(name)))
    return PqpError(*phrase("rev-unwritable", name=shown(name), reason=exc))


def _write(paths: list[Path], contents: list[bytes], names: list[str]) -> None:
    """Write each file once; a tree that names a file twice (or as a file and a folder) is
    refused rather than letting one copy silently replace the other."""
    for path, content, name in zip(paths, contents, names, strict=True):
        try:
            make_folders(path.parent, private=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.fchmod(fd, 0o600)  # readable by pqp whatever the umask
            with os.fdopen(fd, "wb") as fh:
                fh.write(content)
        except OSError as exc:
            raise _not_written(
                _clash(path, name) if isinstance(exc, _TWICE) else name, exc
            ) from None


def _clash(path: Path, name: str) -> str:
    """The name at fault when `name` could not be written: the highest of its folders that the
    tree also names as a file (`data/trainings`, both a file and a folder), else `name`."""
    parts = name.split("/")
    for up in range(len(parts) - 1, 0, -1):
        folder = path.parents[up - 1]
        if os.path.lexists(folder) and not os.path.isdir(folder):
            return "/".join(parts[:-up])
    return name


def _at(rev: str, what: str, spec: str) -> PqpError:
    return PqpError(*phrase(f"rev-not-{what}", rev=rev, spec=shown(spec)))


def _resolve(root: Path, commit: str, spec: str, rev: str, what: str) -> tuple[str, Entry | None]:
    """The path `spec` leads to in the commit and its entry (None: the top of the tree), links
    followed inside the repository the way a checkout reads them; missing, or reached through a
    link that leads out of the repository: an error naming the part at fault."""
    parts, hops = spec.split("/"), 0
    done: list[str] = []
    while parts:
        part = parts.pop(0)
        if part in ("", "."):
            continue
        if part == "..":
            if not done:
                raise _missing("folder" if parts else what, spec, rev)
            done.pop()
            continue
        here = "/".join([*done, part])
        entry = next((e for e in entries(root, commit, here, ()) if e.name == here), None)
        if entry is None or entry.kind == "commit":
            raise _missing("folder", here, rev) if parts else _missing(what, spec, rev)
        if entry.mode == "120000":
            hops += 1
            text = os.fsdecode(contents(root, [here], [entry.oid])[0])
            if hops > 40:
                raise PqpError(
                    *phrase("rev-link-loop", spec=shown(spec), link=shown(here), rev=rev)
                )
            if has_control(text) or "\0" in text:
                raise _missing("folder" if parts else what, spec, rev)
            if os.path.isabs(text) or _climbs_out(done, text):
                key = "rev-link-out" if here != spec else "rev-is-link-out"
                raise PqpError(*phrase(key, spec=shown(spec), link=shown(here), rev=rev))
            parts = text.split("/") + parts
            continue
        if entry.kind != "tree" and parts:
            raise _at(rev, "folder", here)
        done.append(part)
    return "/".join(done), (entry if done else None)


def _climbs_out(done: list[str], text: str) -> bool:
    """Whether a link's relative text, read in the folder `done`, climbs above the top."""
    depth = len(done)
    for part in text.split("/"):
        depth += -1 if part == ".." else 0 if part in ("", ".") else 1
        if depth < 0:
            return True
    return False


def _data_folder(root: Path, commit: str, spec: str, into: Path, rev: str) -> list[Texts]:
    """The data folder at `rev` under `into`: where it really is in the tree, with a link at
    `spec` when it is reached through one (so links inside it resolve as on disk)."""
    real, entry = _resolve(root, commit, spec, rev, "folder")
    if entry is not None and entry.kind != "tree":
        raise _at(rev, "folder", spec)
    found = entries(root, commit, real or ".")
    cache = f"{real}/{CACHE_DIR}/" if real else f"{CACHE_DIR}/"
    left_out = _materialise(
        root, commit, [e for e in found if not e.name.startswith(cache)], into, rev
    )
    _placeholders(root, commit, [e.name for e in found if e.mode == "120000"], into, rev)
    link = into.joinpath(*spec.split("/"))
    if real != spec and not os.path.lexists(link):  # else written with the tree it lies in
        try:
            make_folders(link.parent, private=True)
            os.symlink(os.path.relpath(into.joinpath(*real.split("/")), link.parent), link)
        except OSError as exc:
            raise _not_written(spec, exc) from None
    return left_out


def _placeholders(root: Path, commit: str, links: list[str], into: Path, rev: str) -> None:
    """What a link leads to outside the data folder, as an empty file or folder: a link then
    reads as on disk (leading out, never followed) rather than as a link to nothing."""
    for name in links[:MAX_LINKS]:
        try:
            real, entry = _resolve(root, commit, name, rev, "file")
            path = _target(into, real) if real else into
        except PqpError:
            continue  # a link to nothing, here as on disk
        if os.path.lexists(path) or entry is None:
            continue
        for step in reversed(path.parents):
            if step.is_relative_to(into) and step != into and step.is_symlink():
                break
        else:
            make_folders(path.parent, private=True)
            path.mkdir() if entry.kind == "tree" else path.touch()


def _targets_file(root: Path, commit: str, spec: str, into: Path, rev: str) -> Path:
    """The targets file as committed, and the path to read it at: `spec` under `into` when that
    leads to it there as in the commit, else where it really lies. Every link on the way is
    resolved inside the commit (a link out is refused), never followed on disk."""
    real, entry = _resolve(root, commit, spec, rev, "file")
    if entry is None or entry.kind != "blob":
        raise _at(rev, "file", spec)
    path = _target(into, real)
    if os.path.lexists(path) and not os.path.isfile(path):  # a stand-in folder, or a link
        raise _not_written(real, IsADirectoryError(real))
    try:  # the committed bytes, over any empty stand-in written for a link to the file
        make_folders(path.parent, private=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(contents(root, [real], [entry.oid])[0])
    except OSError as exc:
        raise _not_written(real, exc) from None
    named = into.joinpath(*spec.split("/"))
    return named if os.path.realpath(named) == os.path.realpath(path) else path


@contextmanager
def checkout(rev: str, data: Path, targets: Path) -> Iterator[Revision]:
    """The data folder and targets file as committed at `rev`, in a temporary folder."""
    root = repository_root(data)
    commit = resolve_commit(root, rev)
    specs = [_inside(data, root), _inside(targets, root)]
    tmp = tempfile.mkdtemp(prefix="pqp-rev-")
    try:
        into = Path(os.path.realpath(tmp))
        SHOWN_AS[str(into)] = f"{rev}:"  # its files named as in the commit, not the copy
        left_out = _data_folder(root, commit, specs[0], into, rev)
        targets = _targets_file(root, commit, specs[1], into, rev)
        yield Revision(rev, commit, into / specs[0], targets, tuple(left_out))
    finally:  # a tree of any depth (`TemporaryDirectory` removes with shutil, which recurses)
        SHOWN_AS.pop(os.path.realpath(tmp), None)
        remove_tree(Path(tmp))


@contextmanager
def at_revision(rev: str | None, data: Path, targets: Path) -> Iterator[tuple[Path, Path]]:
    """`(data, targets)` to read: the files on disk when `rev` is None, else as committed."""
    if rev is WORKING_TREE:
        yield data, targets
        return
    with checkout(rev, data, targets) as revision:
        tell_left_out(revision)
        yield revision.data, revision.targets


def tell_left_out(revision: Revision, lang: str | None = None) -> None:
    """Say on stderr what the figures at a revision leave out (never silently)."""
    for message in revision.left_out:
        say(message, lang)
