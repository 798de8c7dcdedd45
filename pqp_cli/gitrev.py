"""The data folder and targets file as committed at a git revision, read through git itself.

`git ls-tree` lists the blobs under the data folder at the revision and `git cat-file --batch`
gives their bytes, which are written under a temporary folder that mirrors the repository
(`git archive` is not used: `export-ignore` attributes could leave files out). The figures
computed on that folder are those of the commit, whatever the working tree holds.
"""

from __future__ import annotations

import os
import subprocess
import sys
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
    left_out: tuple[tuple[str, str], ...] = ()  # (en, vi): what the figures at `rev` leave out

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


@dataclass(frozen=True)
class _Entry:
    mode: str
    kind: str
    oid: str
    name: str


def _entries(root: Path, commit: str, spec: str) -> list[_Entry]:
    """Every entry at `spec` in the commit, recursively: files, links and submodules."""
    done = _git(
        ["--literal-pathspecs", "ls-tree", "-r", "-z", "--full-tree", commit, "--", spec], root
    )
    if done.returncode != 0:
        why = done.stderr.decode(errors="replace").strip()
        raise PqpError(
            f"git could not list {spec} at {commit[:10]} ({why}); the repository may be "
            "damaged or a shallow clone: run `git fsck`",
            f"git không liệt kê được {spec} ở {commit[:10]} ({why}); kho có thể bị hỏng hoặc "
            "là bản sao nông: hãy chạy `git fsck`",
        )
    found = []
    for item in done.stdout.split(b"\0"):
        if item:
            meta, _, name = item.partition(b"\t")
            mode, kind, oid = meta.decode().split()
            found.append(_Entry(mode, kind, oid, os.fsdecode(name)))
    return found


def _contents(root: Path, names: list[str], requests: list[str]) -> list[bytes]:
    """The bytes of each object, in order, from one `git cat-file --batch`; a missing object
    (a damaged repository or shallow clone) is a clear error naming the file."""
    if not requests:
        return []
    done = _git(["cat-file", "--batch"], root, stdin="".join(r + "\n" for r in requests).encode())
    out, at, found = done.stdout, 0, []
    for name in names:
        header_end = out.find(b"\n", at)
        header = out[at:header_end].split() if header_end >= 0 else []
        if len(header) != 3 or header[1] != b"blob":
            raise PqpError(
                f"{name} cannot be read at this revision: its object is missing from the "
                "repository (a shallow or damaged clone?); run `git fsck` or fetch it again",
                f"không đọc được {name} ở phiên bản này: đối tượng của nó bị thiếu trong kho "
                "(bản sao nông hoặc bị hỏng?); hãy chạy `git fsck` hoặc tải lại",
            )
        size = int(header[2])
        start = header_end + 1
        found.append(out[start : start + size])
        at = start + size + 1
    return found


def _missing(what: str, spec: str, rev: str) -> PqpError:
    return PqpError(
        f"{what} {spec} does not exist at revision {rev}",
        f"{'tệp' if what == 'file' else 'thư mục'} {spec} không có ở phiên bản {rev}",
    )


def _unsafe(name: str) -> bool:
    """A name from git that could lead outside its folder: `..`, `.`, empty or absolute parts."""
    parts = name.split("/")
    return any(p in ("", ".", "..") or "\\" in p or "\0" in p for p in parts) or (
        os.path.isabs(name)
    )


def _target(into: Path, name: str) -> Path:
    """Where a file from git goes: under `into`, never anywhere else."""
    if _unsafe(name):
        raise PqpError(
            f"the commit holds an entry named {name!r}, which would lead outside its folder; "
            "pqp reads no such revision (run `git fsck` on it)",
            f"commit có mục tên {name!r}, dẫn ra ngoài thư mục của nó; pqp không đọc phiên bản "
            "như vậy (hãy chạy `git fsck`)",
        )
    path = into.joinpath(*name.split("/"))
    if not os.path.realpath(path).startswith(os.path.realpath(into) + os.sep):
        raise PqpError(
            f"the entry {name!r} would be written outside the temporary folder; refused",
            f"mục {name!r} sẽ được ghi ra ngoài thư mục tạm; bị từ chối",
        )
    return path


_REASONS = {
    "submodule": (
        "a submodule: its files are in another repository",
        "một submodule: tệp của nó nằm ở kho khác",
    ),
    "symlink": ("a link leading outside the repository", "một liên kết dẫn ra ngoài kho"),
    "dangling": ("a link to nothing", "một liên kết không trỏ tới đâu"),
    "loop": ("a link in a loop", "một liên kết vòng"),
    "notdir": ("a link through a file", "một liên kết đi qua một tệp"),
    "missing": ("a link to nothing", "một liên kết không trỏ tới đâu"),
    "nested": ("a link inside a linked folder", "một liên kết bên trong thư mục liên kết"),
}


def _left(rev: str, name: str, reason: str) -> tuple[str, str]:
    en, vi = _REASONS.get(reason, _REASONS["dangling"])
    return (
        f"figures at {rev} leave out {name} ({en})",
        f"số liệu ở phiên bản {rev} không tính {name} ({vi})",
    )


def _follow(
    root: Path, commit: str, links: list[_Entry], rev: str, left_out: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """(object id, name) of what each link leads to inside the commit, as a checkout reads it;
    a link that leads outside the repository or nowhere is left out and named."""
    if not links:
        return []
    query = "".join(f"{commit}:{e.name}\n" for e in links).encode()
    done = _git(["cat-file", "--batch-check", "--follow-symlinks"], root, stdin=query)
    lines = iter(done.stdout.split(b"\n"))
    found: list[tuple[str, str]] = []
    for link in links:
        head = next(lines, b"").decode(errors="replace").split()
        if len(head) == 3 and head[1] == "blob":
            found.append((head[0], link.name))
        elif len(head) == 3 and head[1] == "tree":
            for inner in _entries(root, head[0], "."):
                if inner.kind == "blob" and inner.mode != "120000":
                    found.append((inner.oid, f"{link.name}/{inner.name}"))
                else:
                    left_out.append(_left(rev, f"{link.name}/{inner.name}", "nested"))
        else:
            reason = head[0] if head else "dangling"
            if reason in ("symlink", "dangling", "loop", "notdir"):
                next(lines, None)  # the line naming where the link led
            left_out.append(_left(rev, link.name, reason))
    return found


def _write_files(
    root: Path, commit: str, specs: list[str], into: Path, rev: str
) -> list[tuple[str, str]]:
    """Write the data folder's and the targets file's blobs under `into`; what was left out."""
    left_out: list[tuple[str, str]] = []
    for spec, what in zip(specs, ("folder", "file"), strict=True):
        entries = _entries(root, commit, spec)
        if what == "file":
            entries = [e for e in entries if e.name == spec]
        blobs = [(e.oid, e.name) for e in entries if e.kind == "blob" and e.mode != "120000"]
        links = [e for e in entries if e.kind == "blob" and e.mode == "120000"]
        for e in entries:
            if e.kind == "commit":
                left_out.append(_left(rev, e.name, "submodule"))
        blobs += _follow(root, commit, links, rev, left_out)
        if not blobs:
            raise _missing(what, spec, rev)
        paths = [_target(into, name) for _, name in blobs]  # every name checked before writing
        contents = _contents(root, [n for _, n in blobs], [oid for oid, _ in blobs])
        _write(paths, contents, [name for _, name in blobs])
    return left_out


def _write(paths: list[Path], contents: list[bytes], names: list[str]) -> None:
    """Write each file once; a tree that names a file twice (or as a file and a folder) is
    refused rather than letting one copy silently replace the other."""
    for path, content, name in zip(paths, contents, names, strict=True):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("xb") as fh:
                fh.write(content)
        except OSError:
            raise PqpError(
                f"the commit lists {name!r} twice (or as a file and a folder); "
                "pqp reads no such revision (run `git fsck` on it)",
                f"commit liệt kê {name!r} hai lần (hoặc vừa là tệp vừa là thư mục); "
                "pqp không đọc phiên bản như vậy (hãy chạy `git fsck`)",
            ) from None


@contextmanager
def checkout(rev: str, data: Path, targets: Path) -> Iterator[Revision]:
    """The data folder and targets file as committed at `rev`, in a temporary folder."""
    root = repository_root(data)
    commit = resolve_commit(root, rev)
    specs = [_inside(data, root), _inside(targets, root)]
    with tempfile.TemporaryDirectory(prefix="pqp-rev-") as tmp:
        into = Path(tmp)
        left_out = _write_files(root, commit, specs, into, rev)
        yield Revision(rev, commit, into / specs[0], into / specs[1], tuple(left_out))


@contextmanager
def at_revision(rev: str | None, data: Path, targets: Path) -> Iterator[tuple[Path, Path]]:
    """`(data, targets)` to read: the files on disk when `rev` is None, else as committed."""
    if rev is WORKING_TREE:
        yield data, targets
        return
    with checkout(rev, data, targets) as revision:
        tell_left_out(revision)
        yield revision.data, revision.targets


def tell_left_out(revision: Revision) -> None:
    """Say on stderr what the figures at a revision leave out (never silently)."""
    if not revision.left_out:
        return
    lang = "vi" if os.environ.get("PQP_LANG", "").strip().lower() == "vi" else "en"
    if "--lang" in sys.argv[:-1]:
        lang = "vi" if sys.argv[sys.argv.index("--lang") + 1].strip().lower() == "vi" else lang
    word = "cảnh báo" if lang == "vi" else "warning"
    for en, vi in revision.left_out:
        print(f"pqp: {word}: {vi if lang == 'vi' else en}", file=sys.stderr)
