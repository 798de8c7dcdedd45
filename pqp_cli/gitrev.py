"""The data folder and targets file as committed at a git revision, read through git itself.

`git ls-tree` lists the blobs under the data folder at the revision and `git cat-file --batch`
gives their bytes, which are written under a temporary folder that mirrors the repository
(`git archive` is not used: `export-ignore` attributes could leave files out). The figures
computed on that folder are those of the commit, whatever the working tree holds.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pqp_cli.problems import PqpError, display_path

WORKING_TREE = None  # a revision of None: the files on disk


@dataclass(frozen=True)
class Revision:
    """What a revision was asked as, the commit it names, and where its files were written."""

    rev: str
    commit: str
    data: Path
    targets: Path

    @property
    def short(self) -> str:
        return self.commit[:10]


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise PqpError(
            "--rev needs git, and git is not installed (or not on PATH)",
            "--rev cần git, nhưng git chưa được cài (hoặc không có trong PATH)",
        ) from None


def _existing(path: Path) -> Path:
    path = path.absolute()
    while not path.is_dir() and path != path.parent:
        path = path.parent
    return path


def repository_root(near: Path) -> Path:
    """The top of the git work tree holding `near` (or its nearest existing folder)."""
    start = _existing(near)
    done = _git(["rev-parse", "--show-toplevel"], start)
    if done.returncode != 0:
        where = display_path(start)
        raise PqpError(
            f"{where} is not inside a git repository, so there is no revision to read "
            "(run `git init` and commit the data, or leave out --rev)",
            f"{where} không nằm trong kho git nên không có phiên bản nào để đọc "
            "(hãy `git init` và commit dữ liệu, hoặc bỏ --rev)",
        )
    return Path(os.fsdecode(done.stdout.strip()))


def resolve_commit(root: Path, rev: str) -> str:
    """The full commit id a revision names (a tag, branch, `HEAD~2`, an abbreviated id …)."""
    done = None
    if rev and not rev.startswith("-"):
        done = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root)
    if done is None or done.returncode != 0:
        raise PqpError(
            f"unknown revision {rev!r}: give a commit, tag or branch of this repository "
            "(see `git log --oneline`)",
            f"không có phiên bản {rev!r}: hãy ghi một commit, tag hoặc nhánh của kho này "
            "(xem `git log --oneline`)",
        )
    return done.stdout.decode().strip()


def _inside(path: Path, root: Path) -> str:
    """`path` relative to the repository root, in git's spelling (forward slashes)."""
    absolute = Path(os.path.realpath(path.absolute()))
    try:
        relative = absolute.relative_to(Path(os.path.realpath(root)))
    except ValueError:
        where = display_path(path)
        raise PqpError(
            f"{where} lies outside the git repository at {display_path(root)}",
            f"{where} nằm ngoài kho git ở {display_path(root)}",
        ) from None
    return relative.as_posix()


def _blobs(root: Path, commit: str, spec: str) -> list[tuple[str, str]]:
    """(object id, path) of every file at `spec` in the commit (recursively, symlinks skipped)."""
    done = _git(
        ["--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", commit, "--", spec], root
    )
    if done.returncode != 0:
        raise PqpError(
            f"git could not list {spec} at {commit[:10]}: {done.stderr.decode(errors='replace')}",
            f"git không liệt kê được {spec} ở {commit[:10]}: {done.stderr.decode(errors='replace')}",
        )
    found = []
    for item in done.stdout.split(b"\0"):
        if not item:
            continue
        meta, _, name = item.partition(b"\t")
        mode, kind, oid = meta.decode().split()
        if kind == "blob" and mode != "120000":
            found.append((oid, os.fsdecode(name)))
    return found


def _contents(root: Path, oids: list[str]) -> list[bytes]:
    """The bytes of each blob, in order, from one `git cat-file --batch`."""
    if not oids:
        return []
    done = _git(["cat-file", "--batch"], root, stdin="".join(o + "\n" for o in oids).encode())
    out, at, found = done.stdout, 0, []
    for _ in oids:
        header_end = out.index(b"\n", at)
        size = int(out[at:header_end].split()[2])
        start = header_end + 1
        found.append(out[start : start + size])
        at = start + size + 1
    return found


def _missing(what: str, spec: str, rev: str) -> PqpError:
    return PqpError(
        f"{what} {spec} does not exist at revision {rev}",
        f"{'tệp' if what == 'file' else 'thư mục'} {spec} không có ở phiên bản {rev}",
    )


def _write_files(root: Path, commit: str, specs: list[str], into: Path, rev: str) -> None:
    for spec, what in zip(specs, ("folder", "file"), strict=True):
        blobs = _blobs(root, commit, spec)
        if what == "file":
            blobs = [b for b in blobs if b[1] == spec]
        if not blobs:
            raise _missing(what, spec, rev)
        for (_, name), content in zip(blobs, _contents(root, [b[0] for b in blobs]), strict=True):
            path = into.joinpath(*name.split("/"))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)


@contextmanager
def checkout(rev: str, data: Path, targets: Path) -> Iterator[Revision]:
    """The data folder and targets file as committed at `rev`, in a temporary folder."""
    root = repository_root(data)
    commit = resolve_commit(root, rev)
    specs = [_inside(data, root), _inside(targets, root)]
    with tempfile.TemporaryDirectory(prefix="pqp-rev-") as tmp:
        into = Path(tmp)
        _write_files(root, commit, specs, into, rev)
        yield Revision(rev, commit, into / specs[0], into / specs[1])


@contextmanager
def at_revision(rev: str | None, data: Path, targets: Path) -> Iterator[tuple[Path, Path]]:
    """`(data, targets)` to read: the files on disk when `rev` is None, else as committed."""
    if rev is WORKING_TREE:
        yield data, targets
        return
    with checkout(rev, data, targets) as revision:
        yield revision.data, revision.targets
