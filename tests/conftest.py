"""Shared fixtures: a data folder and targets.yaml written from inline YAML, then loaded.

Also the suite's running arrangements (docs/testing.md): pytest-xdist on every core unless told
otherwise (never in a pytest run started from inside another), and for each process (each xdist
worker, or the one process) its own `$XDG_CACHE_HOME` and its own copy of the bundled sample
(`SAMPLE`), so no two workers share a cache key, a `data/.pqp-cache` or a temporary name, and the
checkout's `data/` is never written. typer's `CliRunner` builds the click command of an app once,
not on every `invoke`.
"""

from __future__ import annotations

import atexit
import ctypes
import datetime as dt
import gc
import os
import re
import shutil
import signal
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fuzzsize
import pytest
import scratch
import typer
import typer.testing
import workerend

if TYPE_CHECKING:  # imported by `Workspace.load`: not by every process that only runs pytest
    from pqp_cli.load.project import Project

ROOT = Path(__file__).resolve().parents[1]

#: Set in every test process: a pytest started from inside the suite (a script a test runs, a
#: nested run) sees it and runs in one process, never `-n auto` again (docs/testing.md).
INSIDE = "PQP_TESTS_INSIDE"

#: The key of an xdist worker's `workerinput` saying that the run keeps the `xdist_group`s.
GROUPED = "pqp_loadgroup"

#: pytest keeps each test module's rewritten bytecode (`tests/__pycache__`, which git ignores)
#: only while Python may write bytecode: under `PYTHONDONTWRITEBYTECODE`, as the development and
#: CI machines set it, every worker and every nested pytest rewrote and compiled all of its test
#: modules on every run (≈ 2.3 s of CPU of a worker's ≈ 4.7 s of collection). The environment
#: the tests' own child processes inherit is unchanged.
sys.dont_write_bytecode = False

# The run's temporary files on the RAM disk when it has room and `$TMPDIR` is not set
# (tests/scratch.py): decided before anything here makes one. A private folder found unfit
# (another user's, a link, open to others) is said once, by the process the user started.
_REFUSED = scratch.choose()
if _REFUSED and not os.environ.get(INSIDE) and not os.environ.get("PYTEST_XDIST_WORKER"):
    print(f"tests: temporary files on disk, not the RAM disk: {_REFUSED}", file=sys.stderr)

# An xdist worker's ending (tests/workerend.py), registered before anything else here runs
# at exit: it runs after all of them.
workerend.arm()

#: This process's scratch folder: removed when it exits.
SCRATCH = Path(
    tempfile.mkdtemp(
        prefix=f"pqp-tests-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{os.getpid()}-"
    )
)
atexit.register(shutil.rmtree, SCRATCH, True)

# The per-user cache key (`$XDG_CACHE_HOME/pqp/cache-key`): this process's own, not the user's.
# Tests that want another set `XDG_CACHE_HOME` themselves.
os.environ["XDG_CACHE_HOME"] = str(SCRATCH / "xdg-cache")

# Ctrl-C as a terminal gives it. A shell without job control (a script's `pytest &`, some CI
# runners) starts pytest with SIGINT ignored, which every process a test starts inherits (an
# ignored signal stays ignored across `exec`): the tests that press Ctrl-C in a run of their own
# saw it ignored, 4 of them until their minute's time out. Python's own handler instead, here
# (before xdist starts its workers) and in each worker; a started process gets the default.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

#: A copy of the bundled sample (`data/`, `targets.yaml`) for tests that run pqp on it: the
#: cache it writes (`data/.pqp-cache`) is this process's, never the checkout's.
SAMPLE = SCRATCH / "sample"
shutil.copytree(ROOT / "data", SAMPLE / "data", ignore=shutil.ignore_patterns(".pqp-cache"))
shutil.copy2(ROOT / "targets.yaml", SAMPLE / "targets.yaml")


def copy_sample(root: Path) -> Path:
    """A project of its own at `root`: the sample's `data/` (without its cache) and
    `targets.yaml`, for a test that edits it, records runs on it or caches into it."""
    shutil.copytree(SAMPLE / "data", root / "data", ignore=shutil.ignore_patterns(".pqp-cache"))
    shutil.copy2(SAMPLE / "targets.yaml", root / "targets.yaml")
    return root


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """`-n auto` unless `-n` was given, and `--dist loadgroup` unless `--dist` was (or xdist is
    off: `-p no:xdist`, `-n 0`). Not in `addopts`, where `-p no:xdist` would make `-n` an
    unknown option. `-n 2` alone would be xdist's `load`, which ignores the `xdist_group`s and
    sends each worker a first quarter of the suite in one block: the long tests, collected
    first, all on the first worker."""
    option = config.option
    if hasattr(config, "workerinput"):  # an xdist worker: it runs what it is sent
        _die_with_parent()
        _groups_named(config)
        return
    _package_compiled()
    if os.environ.get(INSIDE) or getattr(option, "dist", "") != "no":
        return  # started from inside a test run (one process), or `--dist` given
    workers = getattr(option, "numprocesses", 0)
    if workers is None:
        option.numprocesses = "auto"
    if workers != 0:
        option.dist = "loadgroup"


def _package_compiled() -> None:
    """pqp's bytecode written once, before any test runs (0.3 s; nothing when up to date).

    With `PYTHONDONTWRITEBYTECODE` set (as on the development and CI machines), nothing else
    writes it: every `pqp` process the tests start, and every xdist worker, would compile
    pqp's 150 modules again, ≈ 0.35 s of its ≈ 0.9 s of CPU, hundreds of times a run. The
    bytecode goes where Python itself puts it, `pqp_cli/**/__pycache__` (git ignores it)."""
    import compileall

    compileall.compile_dir(ROOT / "pqp_cli", quiet=2)
    # and the tests' own helpers (`forkrun`, `oracle` ...), which the processes the tests
    # start import too: compiled once here, not in each of them (15 s of a first run's CPU);
    # not the test modules, which pytest compiles itself, rewritten (0.4 s of a first run)
    compileall.compile_dir(ROOT / "tests", quiet=2, maxlevels=0, rx=_TEST_MODULE)


#: A file of tests/ that pytest imports itself (`compileall`'s pattern of files to skip).
_TEST_MODULE = re.compile(r"(^|[/\\])(test_[^/\\]*|conftest)\.py$")


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:  # an xdist WorkerController
    """Tell each worker the controller's `--dist` (a worker reads its options from the command
    line as typed, where `loadgroup` came from this conftest, not from the user) and whether
    the controller removes a green run's folder (`workerend`)."""
    node.workerinput[GROUPED] = node.config.option.dist == "loadgroup"
    node.workerinput[workerend.LEAVE] = workerend.controller_leaves_nothing(node.config)


def _groups_named(config: pytest.Config) -> None:
    """In a worker of a `loadgroup` run, xdist's `loadgroup` option on, so that it adds each
    test's `xdist_group` to its id (`…@chromium`), by which the controller keeps a group on one
    worker: xdist derives the option from the worker's own command line, where a `--dist`
    added by `pytest_cmdline_main` is missing, and without it every group was split."""
    if config.workerinput.get(GROUPED):  # type: ignore[attr-defined]
        config.option.loadgroup = True


def pytest_configure(config: pytest.Config) -> None:
    """Every process of the run (controller, workers, the one process) marks the environment
    its children inherit; the process the user started first clears what killed runs left on
    the RAM disk, and refuses an unusable `PQP_FUZZ_SCALE` in one line."""
    if fuzzsize.PROBLEM:
        raise pytest.UsageError(fuzzsize.PROBLEM)
    the_first = not os.environ.get(INSIDE) and not hasattr(config, "workerinput")
    if the_first and os.environ.get(scratch.IN_MEMORY):
        scratch.sweep()
    os.environ[INSIDE] = "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under xdist, the tests marked `long` (seconds of CPU each: a hook environment built,
    thousands of loads, real processes) first, then the Hypothesis tests (many examples each),
    each in collection order: a long test handed out last leaves the other worker idle at the
    end. xdist already hands out the `xdist_group`s first, the largest first."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        items.sort(key=_handed_out)
        if getattr(config.option, "loadgroup", False):
            _group_suffixes(items)


#: The collector's thresholds as this Python started: what `forkrun` gives a forked run back.
GC_AT_START = gc.get_threshold()


def pytest_collection_finish(session: pytest.Session) -> None:
    """The collector spared the suite's own long-lived objects: what collection made (modules,
    test items, their marks) frozen out of its scans, and a full collection five times rarer
    (`gc`'s third threshold; the young generations' as Python has them). A worker's full
    collections scanned its whole heap, larger with each library the tests import, ≈ 0.08 s
    each: on ten in-process test modules the collector took 2.6 s of ≈ 25 s, now 1.0 s.
    Garbage is still collected; `gc.collect()` still collects all of it."""
    gc.collect()
    gc.freeze()
    young, middle, _ = GC_AT_START
    gc.set_threshold(young, middle, 50)


def _group_suffixes(items: list[pytest.Item]) -> None:
    """pytest-xdist (3.8) names a test's `xdist_group` in its id (`…@chromium`), by which the
    controller keeps the group on one worker, by setting `item._nodeid`; pytest 9 reads a
    node's id from `item._id` instead, so no group had its suffix and every group was split
    (Chromium, LibreOffice, each module fixture, built on both workers). The same suffix, where
    pytest 9 reads it; nothing under a pytest whose id xdist's own suffix reaches."""
    if not items or not hasattr(items[0], "_id"):
        return
    from _pytest.nodeid import NodeId  # pytest 9's, private: only reached under pytest 9

    for item in items:
        marks = item.iter_markers("xdist_group")
        names = {str(m.args[0] if m.args else m.kwargs.get("name", "default")) for m in marks}
        suffix = "@" + "_".join(sorted(names))
        if names and not item.nodeid.endswith(suffix):
            item._id = NodeId.parse(item.nodeid + suffix)  # type: ignore[attr-defined]


def _handed_out(item: pytest.Item) -> int:
    """0 for a test marked `long`, 1 for a Hypothesis test, 2 for the rest."""
    if item.get_closest_marker("long") is not None:
        return 0
    return 1 if getattr(getattr(item, "obj", None), "is_hypothesis_test", False) else 2


#: `PQP_TESTS_CPU=PREFIX pytest`: each process writes the CPU seconds each test took (its own and
#: its finished child processes', setup and teardown included), then when it began and ended
#: (seconds since the epoch: how the workers finish), to `PREFIX.<worker>.tsv`
#: (docs/testing.md): on a busy machine wall times lie, CPU times much less.
CPU_REPORT = os.environ.get("PQP_TESTS_CPU")
_cpu_rows: list[str] = []


def _cpu_seconds() -> tuple[float, float]:
    import resource  # Unix only, and only when asked for

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> object:
    if not CPU_REPORT:
        return (yield)
    own, children = _cpu_seconds()
    began = time.time()
    try:
        return (yield)
    finally:
        own_after, children_after = _cpu_seconds()
        spent = (own_after - own, children_after - children)
        cpu = f"{sum(spent):.3f}\t{spent[0]:.3f}\t{spent[1]:.3f}"
        _cpu_rows.append(f"{cpu}\t{began:.2f}\t{time.time():.2f}\t{item.nodeid}\n")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if CPU_REPORT and _cpu_rows:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        Path(f"{CPU_REPORT}.{worker}.tsv").write_text("".join(_cpu_rows), encoding="utf-8")
    if hasattr(session.config, "workerinput"):
        workerend.session_finished(session.config, exitstatus)
    elif exitstatus == 0 and os.environ.get(scratch.IN_MEMORY):
        scratch.leave_nothing(session.config)


def _die_with_parent() -> None:
    """An xdist worker ends with its controller (Linux): a controller killed on a timeout must
    not leave its workers running the test that hung (execnet's own clean-up waits 15 s, and
    not at all while the worker is stuck outside Python)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the controller was gone before the call
        os._exit(1)


def _built_once(build: Callable[[typer.Typer], Any]) -> Callable[[typer.Typer], Any]:
    """typer's `get_command`, remembering each app's click command: `CliRunner.invoke(app)`
    rebuilds it every time (≈85 ms, the signature of every command read again), 70 % of an
    in-process CLI test. Rebuilt when the app gains a command or the one environment variable
    the build reads changes; click commands are made to be run many times."""
    built: dict[int, tuple[typer.Typer, object, Any]] = {}

    def get_command(app: typer.Typer) -> Any:  # a click command
        shape = (
            len(app.registered_commands),
            len(app.registered_groups),
            app.registered_callback,
            os.environ.get("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"),
        )
        hit = built.get(id(app))
        if hit is None or hit[0] is not app or hit[1] != shape:
            hit = built[id(app)] = (app, shape, build(app))
        return hit[2]

    return get_command


typer.testing._get_command = _built_once(typer.testing._get_command)  # type: ignore[attr-defined]


def _calls_built_once(build: Callable[[typer.Typer], Any]) -> Callable[[typer.Typer], Any]:
    """`typer.main.get_command` remembering the command for `pqp`'s `main`, in this process
    (`inprocess.run_pqp`, `app()`) and in the runs forked from it (`forkrun.fork_pqp`), each
    of which built it again (≈ 15 ms of CPU, a quarter of a warm forked run): one command for
    `Typer.__call__` (English), another for pqp's Vietnamese runner (`cli.run_vi.run`), which
    translates the help of the command it is given in place (to the same words every time).
    Any other caller gets a new command."""
    english, vietnamese = _built_once(build), _built_once(build)
    call = typer.Typer.__call__.__code__
    run_vi = os.path.join("cli", "run_vi.py")

    def get_command(app: typer.Typer) -> Any:  # a click command
        caller = sys._getframe(1).f_code
        if caller is call:
            return english(app)
        if caller.co_name == "run" and caller.co_filename.endswith(run_vi):
            return vietnamese(app)
        return build(app)

    return get_command


typer.main.get_command = _calls_built_once(typer.main.get_command)


#: The plan header most tests need: the real plan's period, the default at_risk_ratio.
PLAN = "plan: {id: test-plan, title: Test plan, period: {start: 2021-01-01, end: 2025-12-31}}\n"


@dataclass
class Workspace:
    """`root/data/` and `root/targets.yaml`, written from YAML text given in the test."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def targets(self) -> Path:
        return self.root / "targets.yaml"

    def write(self, targets: str | None = None, *, plan: str = PLAN, **kinds: str) -> Workspace:
        """`targets` is the list under `targets:`; each keyword writes `data/<kind>.yaml`."""
        self.data.mkdir(parents=True, exist_ok=True)
        if targets is not None:
            body = textwrap.indent(textwrap.dedent(targets).strip("\n"), "  ")
            self.targets.write_text(textwrap.dedent(plan) + "targets:\n" + body + "\n", "utf-8")
        for kind, text in kinds.items():
            self.file(f"{kind}.yaml", text)
        return self

    def file(self, relative: str, text: str) -> Path:
        """Any file under `data/` (sub-folders made), its YAML dedented."""
        path = self.data / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def load(self, today: dt.date | None = None, *, check: bool = True) -> Project:
        """The project; with `check`, a fixture typo (any error) fails the test at once."""
        from pqp_cli.load.project import load_project

        project = load_project(self.data, self.targets, today=today)
        if check:
            errors = [p for p in project.problems if p.is_error]
            assert not errors, [f"{p.location()}: {p.en}" for p in errors]
        return project

    def args(self, *command: str) -> list[str]:
        """CLI arguments for a command on this workspace: `ws.args("status", "--as-of", ...)`."""
        return [*command, "--data", str(self.data), "--targets", str(self.targets)]


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path)
