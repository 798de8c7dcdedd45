"""Which files under the data folder hold records, and what under it cannot be read."""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path, PurePath

from pqp_cli.core.models import KINDS
from pqp_cli.core.problems import Problem, display_path

YAML_SUFFIXES = (".yaml", ".yml")


def kind_of(data_dir: Path, path: Path) -> str | None:
    """The kind a file under `data_dir` holds: `kind.yaml` or anything under `kind/`."""
    rel = path.relative_to(data_dir)
    if len(rel.parts) == 1:
        return path.stem if path.stem in KINDS else None
    return rel.parts[0] if rel.parts[0] in KINDS else None


def scan(data_dir: Path) -> tuple[list[tuple[str | None, Path]], list[Problem]]:
    """Every YAML file under `data_dir` with its kind, and an error for each folder that cannot
    be listed, each link that leads nowhere or in a loop (a YAML file's, or one without a
    suffix, in a folder's place) and each link out of the data folder: nothing under the
    folder vanishes quietly, and nothing outside it is read. Walked on strings, a
    `Path` made only for each file found (pathlib's parsing was half of a run's listing). Each
    folder's real path is asked of the system as it is met (`real_folder`), never derived from
    its parent's: a folder swapped for a link meanwhile is caught, and nothing below it read."""
    found: list[tuple[tuple[bool, tuple[str, ...]], str | None, Path]] = []
    problems: list[Problem] = []
    top_dir = os.fspath(data_dir)
    inside = os.path.realpath(top_dir)
    seen = {inside}

    def refuse(path: str, exc: OSError) -> None:
        problems.append(unreadable_path(Path(path), data_dir, exc))

    def failed(exc: OSError) -> None:
        refuse(exc.filename or top_dir, exc)

    reals = {top_dir: inside}  # each folder walked, and its real path
    for top, rel, dirs, names in _walk(top_dir, failed):
        for name in sorted(dirs):
            path = os.path.join(top, name)
            plain = os.path.join(reals[top], name)
            real = real_folder(path, plain)
            if real != plain and _read_by_name(real, inside, reals[top]):
                dirs.remove(name)  # a link to a folder walked under its own name: the link
                problems.append(second_name(Path(path), Path(real), data_dir))
                continue
            if name.startswith(".") or real in seen or not _within(real, inside):
                dirs.remove(name)
                if not name.startswith("."):
                    refuse(path, (_loop if real in seen else _outside)(Path(path)))
                continue  # not walked: no later name of it is 'already read'
            seen.add(real)
            reals[path] = real
        for name in names:
            suffix = os.path.splitext(name)[1].lower()
            if name.startswith(".") or (suffix and suffix not in YAML_SUFFIXES):
                continue
            path = os.path.join(top, name)
            if not suffix:  # a folder is walked; a link to none, in its place, is an error
                if (gone := _broken_link(path)) is not None:
                    refuse(path, gone)
                continue
            try:
                mode = _mode(path, inside)
            except OSError as exc:
                refuse(path, exc)
                continue
            if not stat.S_ISREG(mode):
                refuse(path, OSError(21, "not a regular file", path))
            else:
                parts = (*rel, name)
                found.append(((len(parts) > 1, parts), _kind(parts), Path(path)))
    # `kind.yaml` before `kind/**`, so "first defined" reads the way people lay files out.
    found.sort(key=lambda entry: entry[0])
    return [(kind, path) for _, kind, path in found], problems


Walked = tuple[str, tuple[str, ...], list[str], list[str]]


def _walk(top: str, onerror: Callable[[OSError], None]) -> Iterator[Walked]:
    """`os.walk(top, onerror=onerror, followlinks=True)`, top down and in the same order, each
    folder with its parts below `top`, and a list of folders still to walk in place of
    Python's recursion: `os.walk` recurses once a level until Python 3.12, and a file ≈ 1,000
    folders deep ended every command in an internal error. The caller prunes the folders
    (the third item) as with `os.walk`."""
    todo: list[tuple[str, tuple[str, ...]]] = [(top, ())]
    while todo:
        top, rel = todo.pop()
        dirs: list[str] = []
        names: list[str] = []
        try:
            with os.scandir(top) as entries:
                for entry in entries:
                    try:
                        is_dir = entry.is_dir()
                    except OSError:
                        is_dir = False
                    (dirs if is_dir else names).append(entry.name)
        except OSError as exc:  # the folder, or its listing part way: said, nothing from it
            onerror(exc)
            continue
        yield top, rel, dirs, names
        todo.extend((os.path.join(top, name), (*rel, name)) for name in reversed(dirs))


#: How to open a folder only to ask where it is (Linux's `O_PATH`: no permission to read it
#: needed), and where the system says an open file is; elsewhere `os.path.realpath`.
_WHERE = getattr(os, "O_PATH", 0) | getattr(os, "O_DIRECTORY", 0)
_FD_PATHS = "/proc/self/fd"


@functools.cache
def _the_system_says() -> bool:
    return bool(getattr(os, "O_PATH", 0)) and os.path.isdir(_FD_PATHS)


def real_folder(path: str, plain: str | None = None) -> str:
    """`os.path.realpath(path)` for a folder. Where the system can say (Linux), it is asked
    first, in one step: the folder opened and the path of what was opened read back. When
    that is `plain` (the parent's real path and the folder's name: no link on the way),
    that is the answer: Python's `realpath` looks at every part of the path in turn, and was
    asked once a folder (a file 1,200 folders deep took 32 s to find). Otherwise, a link on
    the way, `realpath` answers, as before: it looks at each link, and the replay's watch
    (`cli.launch`) notes each as an input, so a link retargeted later is seen. Anything
    that will not open as a folder (a link to nowhere, a loop) takes `realpath`'s answer."""
    if plain is not None and _the_system_says():
        try:
            fd = os.open(path, _WHERE)
        except OSError:
            return os.path.realpath(path)
        try:
            where = os.readlink(f"{_FD_PATHS}/{fd}")
        except OSError:
            where = ""
        finally:
            os.close(fd)
        if where == plain:
            return where
    return os.path.realpath(path)


def _kind(parts: tuple[str, ...]) -> str | None:
    """`kind_of` for a file's parts below the data folder."""
    if len(parts) == 1:
        stem = PurePath(parts[0]).stem
        return stem if stem in KINDS else None
    return parts[0] if parts[0] in KINDS else None


def _broken_link(path: str) -> OSError | None:
    """Why the link at `path` leads to nothing (nowhere, or round in a loop); None for anything
    else: no link, or a link to a file, which without a .yaml suffix holds no records."""
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            os.stat(path)
    except OSError as exc:
        return exc
    return None


def _mode(path: str, inside: str) -> int:
    """The kind of file `path` is (`st_mode`), following a link only when it stays in the
    data folder: one leading out is refused before its target is looked at (said the same
    whether or not it exists). A name that is no link is in the data folder already: `scan`
    walks only folders that are (their real paths checked), and `realpath`, which looks at
    every part of a path in Python, is asked only about links."""
    found = os.lstat(path)
    if not stat.S_ISLNK(found.st_mode):
        return found.st_mode
    if not _within(os.path.realpath(path), inside):
        raise _outside(Path(path))
    return os.stat(path).st_mode


def _read_by_name(real: str, inside: str, parent: str) -> bool:
    """Whether the folder at `real` is walked under its own name, whatever the order of names:
    inside the data folder, no hidden folder on the way to it, and not one the link lies in
    (a link up the tree is a loop, said as one)."""
    if not _within(real, inside) or _within(parent, real):
        return False
    rest = real[len(inside) :].strip(os.sep)
    return not any(part.startswith(".") for part in rest.split(os.sep) if part)


def _within(real: str, inside: str) -> bool:
    return real == inside or real.startswith(inside.rstrip(os.sep) + os.sep)


def _outside(path: Path) -> OSError:
    return OSError(1, "a link leading out of the data folder (not followed)", str(path))


def _loop(path: Path) -> OSError:
    return OSError(40, "a link back to a folder already read (a loop)", str(path))


def second_name(path: Path, real: Path, data_dir: Path) -> Problem:
    """An error naming a link to a folder of the data folder read under its own name: the
    folder is read there, once, and the link is the one left, in whichever order they sort."""
    file = display_path(path)
    try:
        kind = kind_of(data_dir, path)
    except ValueError:
        kind = None
    return Problem.of(
        "encoding/second-name", file, None, kind=kind, file=file, real=display_path(real)
    )


def unreadable_path(path: Path, data_dir: Path, exc: OSError) -> Problem:
    """An error naming a path under the data folder that could not be read."""
    file = display_path(path)
    try:
        kind = kind_of(data_dir, path)
    except ValueError:
        kind = None
    # docs/contract.md §5's code for a file that cannot be read
    return Problem.of("encoding/unreadable-path", file, None, kind=kind, file=file, reason=exc)
