"""Objects of a git repository read through git itself: tree entries and blob bytes.

Object ids go to git, never names or link texts: nothing from the data can desynchronise a
batch reply (`cat-file --batch` is asked only for hex ids, and answers are read by size).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pqp_cli.core.messages import phrase
from pqp_cli.core.pathtext import shown
from pqp_cli.core.problems import PqpError


def git(args: list[str], cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise PqpError(*phrase("git-missing")) from None


@dataclass(frozen=True)
class Entry:
    mode: str
    kind: str
    oid: str
    name: str
    size: int = 0


def entries(root: Path, commit: str, spec: str, flags: tuple[str, ...] = ("-r",)) -> list[Entry]:
    """Every entry at `spec` in the commit, recursively: files, links and submodules."""
    done = git(
        ["--literal-pathspecs", "ls-tree", *flags, "-z", "-l", "--full-tree", commit, "--", spec],
        root,
    )
    if done.returncode != 0:
        why = done.stderr.decode(errors="replace").strip()
        raise PqpError(*phrase("git-cannot-list", spec=shown(spec), commit=commit[:10], why=why))
    found = []
    for item in done.stdout.split(b"\0"):
        if item:
            meta, _, name = item.partition(b"\t")
            mode, kind, oid, size = meta.decode().split()
            found.append(
                Entry(mode, kind, oid, os.fsdecode(name), int(size) if size.isdigit() else 0)
            )
    return found


def contents(root: Path, names: list[str], requests: list[str]) -> list[bytes]:
    """The bytes of each object, in order, from one `git cat-file --batch`; a missing object
    (a damaged repository or shallow clone) is a clear error naming the file."""
    if not requests:
        return []
    done = git(["cat-file", "--batch"], root, stdin="".join(r + "\n" for r in requests).encode())
    out, at, found = done.stdout, 0, []
    for name in names:
        header_end = out.find(b"\n", at)
        header = out[at:header_end].split() if header_end >= 0 else []
        if len(header) != 3 or header[1] != b"blob":
            raise PqpError(*phrase("git-object-missing", name=shown(name)))
        size = int(header[2])
        start = header_end + 1
        found.append(out[start : start + size])
        at = start + size + 1
    return found
