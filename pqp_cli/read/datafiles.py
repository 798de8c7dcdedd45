"""Which files under the data folder hold records, and what under it cannot be read."""

from __future__ import annotations

import os
import stat
from pathlib import Path

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
    be listed and each link that leads nowhere, in a loop or out of the data folder: nothing
    under the folder vanishes quietly, and nothing outside it is read."""
    found: list[tuple[str | None, Path]] = []
    problems: list[Problem] = []
    inside = os.path.realpath(data_dir)
    seen = {inside}

    def refuse(path: Path, exc: OSError) -> None:
        problems.append(unreadable_path(path, data_dir, exc))

    def failed(exc: OSError) -> None:
        refuse(Path(exc.filename) if exc.filename else data_dir, exc)

    for top, dirs, names in os.walk(data_dir, onerror=failed, followlinks=True):
        here = Path(top)
        for name in sorted(dirs):
            real = os.path.realpath(here / name)
            if name.startswith(".") or real in seen or not _within(real, inside):
                dirs.remove(name)
                if not name.startswith("."):
                    refuse(
                        here / name, _loop(here / name) if real in seen else _outside(here / name)
                    )
            seen.add(real)
        for name in names:
            path = here / name
            if name.startswith(".") or path.suffix.lower() not in YAML_SUFFIXES:
                continue
            try:
                mode = _mode(path, inside)
            except OSError as exc:
                refuse(path, exc)
                continue
            if not stat.S_ISREG(mode):
                refuse(path, OSError(21, "not a regular file", str(path)))
            else:
                found.append((kind_of(data_dir, path), path))
    # `kind.yaml` before `kind/**`, so "first defined" reads the way people lay files out.
    found.sort(key=lambda kp: (len(kp[1].relative_to(data_dir).parts) > 1, kp[1].parts))
    return found, problems


def _mode(path: Path, inside: str) -> int:
    """The kind of file `path` is (`st_mode`), following a link only when it stays in the
    data folder: one leading out is refused before its target is looked at (said the same
    whether or not it exists). A name that is no link is in the data folder already: `scan`
    walks only folders that are (their real paths checked), and `realpath`, which looks at
    every part of a path in Python, is asked only about links."""
    found = os.lstat(path)
    if not stat.S_ISLNK(found.st_mode):
        return found.st_mode
    if not _within(os.path.realpath(path), inside):
        raise _outside(path)
    return path.stat().st_mode


def _within(real: str, inside: str) -> bool:
    return real == inside or real.startswith(inside.rstrip(os.sep) + os.sep)


def _outside(path: Path) -> OSError:
    return OSError(1, "a link leading out of the data folder (not followed)", str(path))


def _loop(path: Path) -> OSError:
    return OSError(40, "a link back to a folder already read (a loop)", str(path))


def unreadable_path(path: Path, data_dir: Path, exc: OSError) -> Problem:
    """An error naming a path under the data folder that could not be read."""
    file = display_path(path)
    try:
        kind = kind_of(data_dir, path)
    except ValueError:
        kind = None
    reason = exc.strerror or str(exc)
    # docs/contract.md §5's code for a file that cannot be read
    return Problem.of("encoding/unreadable-path", file, None, kind=kind, file=file, reason=reason)
