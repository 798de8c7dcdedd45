"""Round 20: `DataCache._make` (string levels, each checked once) under a hostile user: a cache
folder swapped for a link while a run makes the levels below it, and odd data-folder paths."""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from test_cache import cli, user, write

from pqp_cli.cache.store import CACHE_DIR, DataCache

NAME = "f/ab/" + "ab" + "c" * 62


@pytest.fixture(autouse=True)
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("PQP_NO_CACHE", raising=False)


def swap_after_making(
    monkeypatch: pytest.MonkeyPatch, level: Path, elsewhere: Path
) -> Callable[[], None]:
    """Right after pqp makes `level`, someone replaces it with a link to `elsewhere`."""
    real = os.mkdir

    def mkdir(path: str | Path, *args: object, **kwargs: object) -> None:
        real(path, *args, **kwargs)  # type: ignore[arg-type]
        if os.fspath(path) == os.fspath(level):
            os.rmdir(level)
            os.symlink(elsewhere, level)

    monkeypatch.setattr(os, "mkdir", mkdir)
    return lambda: monkeypatch.setattr(os, "mkdir", real)


@pytest.mark.parametrize("level", ["", "f", "f/ab"])
def test_a_level_made_a_link_right_after_pqp_made_it_is_not_written_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, level: str
) -> None:
    """The window between making a level and making the next one: the old walk checked every
    level above each one it made; a link swapped in there must still stop the writes, and
    nothing (not even an empty folder) appears where the link points."""
    root = write(tmp_path)
    cache = DataCache((root / "data").resolve(), user(root))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    undo = swap_after_making(monkeypatch, cache.root / level if level else cache.root, elsewhere)
    stored = cache.put(NAME, b"two")
    undo()
    assert not stored
    assert list(elsewhere.rglob("*")) == []
    assert cache.get(NAME) is None


@pytest.mark.parametrize(
    "odd", ["with space", "new\nline", "bad-\udcff-bytes", "x" * 200], ids=repr
)
def test_a_data_folder_with_an_odd_path_gives_the_same_figures(tmp_path: Path, odd: str) -> None:
    root = write(tmp_path / odd)
    command = ("status", "--format", "json", "--as-of", "2024-06-30")
    plain = cli(root, *command, "--no-cache")
    assert cli(root, *command) == plain  # cold: the cache filled
    assert (root / "data" / CACHE_DIR / "d").is_dir()
    assert cli(root, *command) == plain  # warm: read back
    assert json.loads(plain[1])["targets"]


def test_a_link_at_the_cache_root_swapped_in_between_runs_is_named(tmp_path: Path) -> None:
    root = write(tmp_path)
    command = ("status", "--format", "json", "--as-of", "2024-06-30")
    plain = cli(root, *command, "--no-cache")
    assert cli(root, *command) == plain
    cache = root / "data" / CACHE_DIR
    elsewhere = tmp_path / "elsewhere"
    shutil.move(cache, elsewhere)
    cache.symlink_to(elsewhere)
    before = sorted(p.relative_to(elsewhere) for p in elsewhere.rglob("*"))
    code, out, err = cli(root, *command)
    assert (code, out) == plain[:2]
    assert "link" in err and ".pqp-cache" in err
    assert sorted(p.relative_to(elsewhere) for p in elsewhere.rglob("*")) == before


def block(level: Path, what: str, elsewhere: Path) -> None:
    if level.is_dir() and not level.is_symlink():
        shutil.rmtree(level)
    if what == "file":
        level.write_text("mine\n")
    elif what == "fifo":
        os.mkfifo(level)
    elif what == "link-to-file":
        level.symlink_to(elsewhere / "keep.txt")
    elif what == "dangling":
        level.symlink_to(elsewhere / "nothing")
    else:
        level.symlink_to(elsewhere)


@pytest.mark.parametrize("what", ["file", "fifo", "link-to-file", "dangling", "link"])
@pytest.mark.parametrize("level", ["", "f", "d", "m", "h", "f/ab"])
def test_something_else_where_a_cache_folder_is_changes_no_figure(
    tmp_path: Path, level: str, what: str
) -> None:
    """A file, a FIFO or a link (to a file, to nothing, to a folder) where a cache folder is,
    found by a later run: the same output and exit code as `--no-cache`, nothing written or
    removed elsewhere, and a link the run would go through named in a warning (a warm run does
    not look into `f/`: its dataset entry is gone here for it to)."""
    root = write(tmp_path)
    commands = [
        ("status", "--format", "json", "--as-of", "2024-06-30"),
        ("validate", "--format", "json"),
    ]
    plain = [cli(root, *c, "--no-cache")[:2] for c in commands]
    assert [cli(root, *c)[:2] for c in commands] == plain  # the cache filled
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep\n")
    cache = root / "data" / CACHE_DIR
    level_path = cache / level if level else cache
    if level == "f/ab":
        level_path = next(p for p in (cache / "f").iterdir() if p.is_dir())
    block(level_path, what, elsewhere)
    if level.startswith("f"):
        shutil.rmtree(cache / "d")  # the data read file by file: through `f/`
    for _ in range(2):
        runs = [cli(root, *c) for c in commands]
        assert [r[:2] for r in runs] == plain
        assert os.listdir(elsewhere) == ["keep.txt"]
        assert (elsewhere / "keep.txt").read_text() == "keep\n"
    if what not in ("file", "fifo") and level != "h":  # `h`: not read by these commands
        assert "link" in runs[0][2] and "warning" in runs[0][2]


@pytest.mark.parametrize("error", [errno.EACCES, errno.EROFS], ids=["no-permission", "read-only"])
@pytest.mark.parametrize("cold", [True, False], ids=["cold", "warm"])
def test_a_cache_pqp_cannot_write_changes_no_figure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: int, cold: bool
) -> None:
    """A data folder pqp may not write in (another user's, a read-only mount: the tests run as
    root here, so the refusal is the system's answer, given by hand): no folder, no entry, and
    the same output and exit code as `--no-cache`, with no word about the cache."""
    root = write(tmp_path)
    command = ("status", "--format", "json", "--as-of", "2024-06-30")
    plain = cli(root, *command, "--no-cache")
    if not cold:
        cli(root, *command, "--by", "year")  # some entries there, others to write
    cache = os.fspath(root / "data" / CACHE_DIR)
    real_mkdir, real_mkstemp = os.mkdir, tempfile.mkstemp

    def refuse(path: object) -> None:
        if os.fspath(path).startswith(cache):  # type: ignore[call-overload]
            raise OSError(error, os.strerror(error), os.fspath(path))  # type: ignore[call-overload]

    def mkdir(path: str, *args: object, **kwargs: object) -> None:
        refuse(path)
        real_mkdir(path, *args, **kwargs)  # type: ignore[arg-type]

    def mkstemp(*args: object, dir: str | None = None, **kwargs: object) -> tuple[int, str]:
        refuse(dir or "")
        return real_mkstemp(*args, dir=dir, **kwargs)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(os, "mkdir", mkdir)
    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    before = sorted(Path(cache).rglob("*")) if not cold else []
    for _ in range(2):
        assert cli(root, *command) == plain
    assert sorted(Path(cache).rglob("*")) == before
