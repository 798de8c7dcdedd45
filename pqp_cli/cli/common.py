"""Options every command shares, and the turning of failures into messages and exit codes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pqp_cli.core.i18n import tr
from pqp_cli.core.pathtext import shown
from pqp_cli.core.problems import PqpError
from pqp_cli.core.settings import Settings

if TYPE_CHECKING:
    from pqp_cli.load.project import Project
    from pqp_cli.read.loading import Entry

DataOpt = Annotated[
    Path,
    typer.Option(
        "--data", envvar="PQP_DATA", help="Data folder (records as YAML).", show_default=True
    ),
]
TargetsOpt = Annotated[
    Path,
    typer.Option(
        "--targets", envvar="PQP_TARGETS", help="The plan's targets file.", show_default=True
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of", help="Evaluate at this date (YYYY-MM-DD); default today.", show_default=False
    ),
]
LangOpt = Annotated[
    str,
    typer.Option("--lang", envvar="PQP_LANG", help="Language of labels and messages: en or vi."),
]
NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read every data file afresh; neither read nor write DATA/.pqp-cache/.",
    ),
]
DEFAULT_DATA = Path("data")
DEFAULT_TARGETS = Path("targets.yaml")
RevOpt = Annotated[
    str | None,
    typer.Option(
        "--rev",
        help="Read the data and targets as committed at this git revision (commit, tag, branch).",
        show_default=False,
    ),
]


def settings(*, no_cache: bool = False) -> Settings:
    """The environment's settings, read once per command (the only place that reads them);
    `no_cache` is the command's `--no-cache`, which turns the cache off as PQP_NO_CACHE does."""
    found = Settings.from_env()
    return dataclasses.replace(found, no_cache=True) if no_cache else found


#: Past this many records, a loaded dataset is frozen out of the collector's scans.
FREEZE_PAST = 20_000


def load(opts: Options, *, no_cache: bool = False) -> Project:
    """The project a command reads, with the settings taken from the environment.

    Past FREEZE_PAST records, the dataset is frozen out of the garbage collector's later
    collections (`gc.freeze`) as soon as its records are made (now, or when first asked for
    if they come back from the cache): it lives as long as the command, and the collector
    would otherwise scan its millions of objects again while figures are computed. The
    command line does this, never the library: a freeze is for the whole process, and only a
    command knows that its process ends with it."""
    from pqp_cli.load.project import load_project

    was_enabled = gc.isenabled()
    gc.disable()  # until frozen: a collection now would scan every record just made
    try:
        project = load_project(opts.data, opts.targets, settings=settings(no_cache=no_cache))
        project.dataset.when_read(_freeze_if_large)
        return project
    finally:
        if was_enabled:
            gc.enable()


def _freeze_if_large(entries: list[Entry]) -> None:
    if len(entries) > FREEZE_PAST:
        gc.freeze()


def use_revision(rev: str | None, data: Path, targets: Path) -> tuple[Path, Path]:
    """The data folder and targets file to read: as given, or as committed at `rev` (through
    git, into a temporary folder removed when the process ends)."""
    if rev is None:
        return data, targets
    import atexit
    from contextlib import ExitStack

    from pqp_cli.load.gitrev import at_revision

    stack = ExitStack()
    paths = stack.enter_context(at_revision(rev, data, targets))
    atexit.register(stack.close)
    return paths


@dataclass
class Options:
    data: Path
    targets: Path
    as_of: dt.date
    lang: str


def resolve(data: Path, targets: Path, as_of: str | None, lang: str) -> Options:
    """Check the shared options; a bad one is a usage error (exit 2)."""
    lang = check_lang(lang)
    if as_of is None:
        day = dt.date.today()
    else:
        try:
            day = dt.date.fromisoformat(as_of.strip())
        except ValueError:
            raise PqpError(
                tr("bad_date", "en", value=as_of), tr("bad_date", "vi", value=as_of)
            ) from None
    return Options(data, targets, day, lang)


def check_lang(lang: str) -> str:
    lang = (lang or "en").strip().lower()
    if lang not in ("en", "vi"):
        raise PqpError(tr("bad_lang", "en", value=lang), tr("bad_lang", "vi", value=lang))
    return lang


def guess_lang() -> str:
    """The language for a message printed before options were read."""
    from pqp_cli.core.notes import language

    return language()


def fail(err: PqpError, lang: str) -> typer.Exit:
    """Print a PqpError the way every command does, and the exit to raise."""
    prefix = "lỗi" if lang == "vi" else "error"
    typer.echo(f"pqp: {prefix}: {shown(err.message(lang))}", err=True)
    return typer.Exit(err.exit_code)
