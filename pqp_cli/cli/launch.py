"""The `pqp` entry point: replay a recorded answer when nothing it depended on changed, else
run the command line (`cli.app.main`), recording the run when it may be replayed.

Only the standard library and `cache.replay` are imported before the answer is known: a
replayed run never imports typer, pydantic, rich or the data layers (`cache.replay` says what
is replayed and when). A run is recorded when it was eligible (`replay.eligible`), exited 0
or 1, started no process, wrote no file outside the caches, and none of its inputs changed
while it ran (by its stamp, nor by its change time: `replay.racy`). What it depended on is watched with an audit hook (`sys.addaudithook`: files
opened, folders listed, anything written or started) and a wrapper around `os.stat` and
`os.lstat` (the paths whose existence or kind it tested: a `targets.yaml` looked for and
missing); what it wrote is teed below the text streams, so `2>&1` keeps its order. Any
failure of this machinery means a normal run, said nowhere.
"""

from __future__ import annotations

import atexit
import io
import os
import sys
import time
from collections.abc import Callable
from typing import Any

from pqp_cli.cache import replay
from pqp_cli.cli import interrupt

#: Audit events that change something outside the run, or start another program: such a run
#: is not replayed (its effect would be missing) unless all it touched is pqp's caches.
_WRITES = frozenset(
    [
        "os.rename",
        "os.remove",
        "os.rmdir",
        "os.mkdir",
        "os.symlink",
        "os.link",
        "os.truncate",
        "os.chmod",
        "os.chown",
        "os.utime",
        "os.mkfifo",
        "os.mknod",
        "shutil.copyfile",
        "shutil.copymode",
        "shutil.copystat",
        "shutil.copytree",
        "shutil.move",
        "shutil.rmtree",
        "shutil.chown",
    ]
)
_STARTS = frozenset(
    [
        "subprocess.Popen",
        "os.system",
        "os.fork",
        "os.forkpty",
        "os.posix_spawn",
        "os.spawn",
        "os.exec",
        "os.startfile",
        "os.kill",
        "os.killpg",
        "os.chdir",
        "os.fchdir",
        "pty.spawn",
        "webbrowser.open",
    ]
)
#: The data cache's folder (`store.CACHE_DIR`), by name: its entries are keyed by content.
_DATA_CACHE = ".pqp-cache"
#: What the data cache keeps in its folder: its entries by kind, and its `.gitignore`.
_CACHE_PARTS = frozenset({"f", "d", "m", "h", ".gitignore"})
#: How a folder is opened (`os.open`'s flags): what is at its path is the input, not bytes.
_FOLDER = getattr(os, "O_DIRECTORY", 0)
_WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def main() -> None:
    """`pqp`: the recorded answer, or a run (recorded when it may be replayed). A Ctrl-C
    before the run has started (as its libraries are imported) ends it as one during it
    does: exit 130, nothing said (`cli.interrupt`). A run that has answered leaves at once
    (`_leave_now`)."""
    interrupt.watch()
    try:
        try:
            _start()
            code: object = 0
        except SystemExit as done:
            code = done.code
        _leave_now(code)
        raise SystemExit(code)
    except KeyboardInterrupt:
        raise interrupt.ended() from None
    except Exception:
        if interrupt.pressed():
            raise interrupt.ended() from None
        raise


def _leave_now(code: object) -> None:
    """End the process with `code` as Python would, but without tearing it down: the exit
    functions run and the streams are flushed, then the process ends (`os._exit`). Python
    would free every object of the run one by one first: 0.2 s after a cold `validate` of
    100,000 records, what the system does at once. Returns, for Python's own exit, when
    there is more to it: a Ctrl-C came, another thread runs, a stream cannot be flushed (a
    reader gone: Python says so), `code` is not a status (Python prints it), a profiler or
    tracer watches the run (`python -m cProfile`, coverage, a debugger: each has more to do
    once the run returns, such as writing what it found), or the process is not pqp's own
    (`_owned`)."""
    status = 0 if code is None else code
    threading = sys.modules.get("threading")
    if (
        not isinstance(status, int)
        or interrupt.pressed()
        or (threading is not None and threading.active_count() > 1)
        or sys.getprofile() is not None
        or sys.gettrace() is not None
        or not _owned(sys._getframe(2))  # noqa: SLF001 - who called `main`
    ):
        return
    atexit._run_exitfuncs()  # noqa: SLF001 - as Python runs them at exit, newest first
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:  # noqa: BLE001
        return
    os._exit(status & 0xFF)


def _owned(caller: Any) -> bool:
    """Whether `main` was called by the program the process was started to run, so that its
    end is the process's: a script's top level (`pqp`, `python -c`), or the module run by
    `python -m pqp_cli` (runpy's `_run_module_as_main`, then `_run_code`). A program that runs
    pqp inside itself (a notebook's `%run -m pqp_cli`, `runpy.run_module`) goes on after it."""
    frames = []
    while caller is not None:
        frames.append(caller.f_code.co_name)
        caller = caller.f_back
    return frames in (["<module>"], ["<module>", "_run_code", "_run_module_as_main"])


def _start() -> None:
    argv = sys.argv[1:]
    recording = _prepare(argv)
    from pqp_cli.cli.app import main as run

    if recording is None:
        run()
        return
    code: object = None
    try:
        run()
    except SystemExit as done:
        code = 0 if done.code is None else done.code
        raise
    finally:
        recording.finish(code)


def _prepare(argv: list[str]) -> Recording | None:
    """Replay and exit when a valid record matches; otherwise what will record this run."""
    if sys.stdout is None or sys.stderr is None:  # refused by `app.main`: nothing to replay into
        return None
    try:
        if replay.at_terminal() or not replay.eligible(argv, os.environ):
            return None
        name = replay.invocation_key(argv, os.environ)
        found = replay.lookup(name, os.environ)
    except Exception:  # noqa: BLE001 - the machinery failed: run normally
        return None
    if found is not None:
        try:
            replay.write_out(found[1])
        except OSError:  # the reader went away, as a run's would have
            os._exit(found[2])
        raise SystemExit(found[2])
    try:
        return Recording(name)
    except Exception:  # noqa: BLE001
        return None


def _skipped_roots() -> tuple[str, ...]:
    """Where the standard library, the libraries and pqp itself live (their files are in the
    key) and the per-user cache: what a run reads or writes there is not an input of its
    answer. Not the whole of `sys.prefix`: with Python in `/usr` or `/usr/local` (a system or
    container Python), a project in `/usr/src/app` is below it, and its data is an input."""
    import site
    import sysconfig

    roots = {replay.cache_folder(os.environ), replay.PACKAGE}
    for scheme_vars in ({}, {"base": sys.base_prefix, "platbase": sys.base_exec_prefix}):
        paths = sysconfig.get_paths(vars=scheme_vars)
        roots.update(paths[k] for k in ("stdlib", "platstdlib", "purelib", "platlib"))
    roots.update(p for p in sys.path if p.endswith(("site-packages", "dist-packages")))
    roots.add(site.getusersitepackages())
    return tuple(os.path.join(os.path.abspath(r), "") for r in roots if r)


def _in_data_cache(parts: list[str]) -> bool:
    """Whether a path is a data cache's folder or in it: below its last `.pqp-cache`, nothing
    or what the cache keeps there. A project in a folder that happens to be so named (say,
    `~/.pqp-cache/plan/data`) is still an input."""
    if _DATA_CACHE not in parts:
        return False
    rest = parts[len(parts) - parts[::-1].index(_DATA_CACHE) :]
    return not rest or rest[0] in _CACHE_PARTS


class Watch:
    """The inputs a run depends on, and whether it did anything that forbids replaying it."""

    def __init__(self) -> None:
        self.cwd = os.getcwd()
        self.skip = _skipped_roots()
        self.cache = os.path.join(replay.cache_folder(os.environ), "")
        self.inputs: dict[str, str] = {}
        self.stamps: dict[str, str] = {}
        self.spoilt = False
        self.active = True

    def path(self, given: Any) -> str | None:
        """`given` as an absolute path, or None when pqp's caches or Python's own files."""
        path = os.fsdecode(os.fspath(given))
        path = os.path.join(self.cwd, path)
        normal = os.path.normpath(path)
        if (normal + os.sep).startswith(self.skip) or _in_data_cache(normal.split(os.sep)):
            return None
        return path

    def note(self, given: Any, kind: str) -> None:
        """An input: a file read (`f`), a folder listed (`d`), a path stat'ed (`s`)."""
        if not self.active or isinstance(given, int):
            return
        path = self.path(given)
        if path is None:
            return
        if path not in self.inputs or self.inputs[path] == "s" != kind:
            self.inputs[path] = kind
            self.stamps[path] = replay.stamp(path, kind)

    def audit(self, event: str, args: tuple[Any, ...]) -> None:
        if not self.active:
            return
        try:
            self._event(event, args)
        except Exception:  # noqa: BLE001 - never let the hook break the run: just don't record
            self.spoilt = True

    def _event(self, event: str, args: tuple[Any, ...]) -> None:
        if event == "open":
            given, _mode, flags = args
            if isinstance(given, int):
                return
            if flags & _WRITING:
                self.spoilt |= self.path(given) is not None
            else:  # a folder opened only to learn where it is (`datafiles.real_folder`): what
                # is there counts, link or folder; a folder listed after is its listing
                self.note(given, "s" if flags & _FOLDER else "f")
        elif event in ("os.scandir", "os.listdir"):
            self.note("." if args[0] is None else args[0], "d")
        elif event == "os.mkdir" and self._above_cache(args[0]):
            return  # `$XDG_CACHE_HOME` itself, made for the cache key
        elif event in _WRITES:
            paths = [a for a in args[:2] if isinstance(a, (str, bytes, os.PathLike))]
            self.spoilt |= any(self.path(p) is not None for p in paths)
        elif event in _STARTS:
            self.spoilt = True

    def _above_cache(self, given: Any) -> bool:
        """Whether `given` is a folder the per-user cache folder is in."""
        path = self.path(given)
        return path is not None and self.cache.startswith(os.path.join(os.path.normpath(path), ""))

    def wrap(self, real: Callable[..., Any]) -> Callable[..., Any]:
        """`os.stat` or `os.lstat`, noting the path asked about."""

        def stat(path: Any, *args: Any, **kwargs: Any) -> Any:
            if kwargs.get("dir_fd") is not None:
                self.spoilt = True
            try:
                self.note(path, "s")
            except Exception:  # noqa: BLE001
                self.spoilt = True
            return real(path, *args, **kwargs)

        return stat


class Journal(io.RawIOBase):
    """A stream's file descriptor, keeping what is written to it in a list shared by both.
    A write that fails (its reader gone, the disk full) spoils the record: what was written
    is not the run's whole output, and a replay would give that part as if it were (a run
    piped into `head` once, then every replay of it cut at 64 kB)."""

    def __init__(self, fd: int, written: list[tuple[int, bytes]], watch: Watch) -> None:
        super().__init__()
        self.fd = fd
        self.written = written
        self.watch = watch

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.fd

    def isatty(self) -> bool:
        return os.isatty(self.fd)

    def write(self, data: Any) -> int:
        try:
            done = os.write(self.fd, data)
        except OSError:
            self.watch.spoilt = True
            raise
        self.written.append((self.fd, bytes(memoryview(data)[:done])))
        return done

    def close(self) -> None:  # the descriptor is the process's, not this object's
        self.flush()


def _teed(stream: Any, fd: int, written: list[tuple[int, bytes]], watch: Watch) -> io.TextIOWrapper:
    """A text stream like `stream` (encoding, errors, buffering as Python made it) writing to
    `fd` through a `Journal`."""
    size = os.fstat(fd).st_blksize
    journal = Journal(fd, written, watch)
    buffer = io.BufferedWriter(journal, size if size > 1 else io.DEFAULT_BUFFER_SIZE)
    return io.TextIOWrapper(
        buffer,
        encoding=stream.encoding,
        errors=stream.errors,
        newline="\n",
        line_buffering=stream.line_buffering,
        write_through=stream.write_through,
    )


class Recording:
    """One run being recorded: its watch, its teed streams, its key and the day it began."""

    def __init__(self, name: str) -> None:
        if not isinstance(sys.stdout, io.TextIOWrapper) or not isinstance(
            sys.stderr, io.TextIOWrapper
        ):
            raise TypeError("streams Python did not make")
        sys.stdout.flush()
        sys.stderr.flush()
        self.name = name
        self.day = time.strftime("%Y-%m-%d")
        self.began = time.time_ns()
        self.written: list[tuple[int, bytes]] = []
        self.streams = (sys.stdout, sys.stderr)
        self.stats = (os.stat, os.lstat)
        self.watch = Watch()
        sys.addaudithook(self.watch.audit)
        os.stat, os.lstat = (self.watch.wrap(f) for f in self.stats)
        sys.stdout = _teed(sys.stdout, 1, self.written, self.watch)
        sys.stderr = _teed(sys.stderr, 2, self.written, self.watch)

    def finish(self, code: object) -> None:
        """Put the streams and `os.stat` back, then keep the record when the run allows."""
        self.watch.active = False
        os.stat, os.lstat = self.stats
        try:
            for teed in (sys.stdout, sys.stderr):
                teed.flush()
        except Exception:  # noqa: BLE001
            self.watch.spoilt = True
        sys.stdout, sys.stderr = self.streams
        try:
            if code in (0, 1) and not self.watch.spoilt:
                self._keep(code)
        except Exception:  # noqa: BLE001 - a record not kept: the next run records
            return

    def _keep(self, code: int) -> None:
        """Sign and store the record, unless an input changed while the run read it."""
        from pqp_cli.cache.store import _user_key
        from pqp_cli.core.settings import Settings

        watch = self.watch
        inputs = [(path, kind, replay.state(path, kind)) for path, kind in watch.inputs.items()]
        if any(replay.stamp(path, kind) != watch.stamps[path] for path, kind, _ in inputs):
            return
        if any(replay.racy(path, kind, self.began) for path, kind, _ in inputs):
            return  # changed as the run read it, maybe back to the bytes hashed: not kept
        if time.strftime("%Y-%m-%d") != self.day:
            return
        key = _user_key(Settings.from_env())
        if key is None:
            return
        folder = os.path.join(replay.cache_folder(os.environ), replay.FOLDER)
        replay.save_record(folder, self.name, key, (inputs, self.written, code))
