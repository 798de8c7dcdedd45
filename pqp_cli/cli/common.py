"""Options every command shares, and the turning of failures into messages and exit codes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pqp_cli.core.i18n import tr
from pqp_cli.core.messages import Texts, phrase
from pqp_cli.core.pathtext import shown
from pqp_cli.core.problems import PqpError
from pqp_cli.core.settings import Settings

if TYPE_CHECKING:
    from pqp_cli.load.project import Project
    from pqp_cli.read.loading import Entry

DataOpt = Annotated[
    Path,
    typer.Option(
        "--data",
        envvar="PQP_DATA",
        help="Data folder (records as YAML); default: found by walking up from here.",
        show_default=True,
    ),
]
TargetsOpt = Annotated[
    Path,
    typer.Option(
        "--targets",
        envvar="PQP_TARGETS",
        help="The plan's targets file; default: found by walking up from here.",
        show_default=True,
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Evaluate at this date (YYYY-MM-DD or day first, dd/mm/yyyy); default today.",
        show_default=False,
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
#: Past this many objects made while the project was loaded, they are frozen out of them too.
FREEZE_OBJECTS_PAST = 200_000


def load(
    opts: Options, *, rev: str | None = None, no_cache: bool = False, env: Settings
) -> Project:
    """The project a command reads (`api.open_project`), with the command's settings.

    Past FREEZE_PAST records, the dataset is frozen out of the garbage collector's later
    collections (`gc.freeze`) as soon as its records are made (now, or when first asked for
    if they come back from the cache): it lives as long as the command, and the collector
    would otherwise scan its millions of objects again while figures are computed. The
    command line does this, never the library: a freeze is for the whole process, and only a
    command knows that its process ends with it.

    What loading made is frozen too when it is much (FREEZE_OBJECTS_PAST): made with the
    collector paused, it is all young, and the first collection after would scan it whole. A
    cold `validate` makes no record of the files a worker read (their outlines only), but the
    parent's own share and the outlines: 0.25 s of a 100,000-record run went in that scan."""
    from pqp_cli import api

    was_enabled = gc.isenabled()
    gc.disable()  # until frozen: a collection now would scan every record just made
    try:
        project = api.open_project(
            data=opts.data, targets=opts.targets, rev=rev, cache=not no_cache, settings=env
        )
        project.dataset.when_read(_freeze_if_large)
        return project
    finally:
        if gc.get_count()[0] > FREEZE_OBJECTS_PAST:
            gc.freeze()
        if was_enabled:
            gc.enable()


def _freeze_if_large(entries: list[Entry]) -> None:
    if len(entries) > FREEZE_PAST:
        gc.freeze()


@dataclass
class Options:
    data: Path
    targets: Path
    as_of: dt.date
    lang: str


def resolve(data: Path, targets: Path, as_of: str | None, lang: str) -> Options:
    """Check the shared options; a bad one is a usage error (exit 2)."""
    lang = check_lang(lang)
    day = dt.date.today() if as_of is None else as_of_date(as_of)
    return Options(data, targets, day, lang)


def check_lang(lang: str) -> str:
    lang = (lang or "en").strip().lower()
    if lang not in ("en", "vi"):
        raise PqpError(*phrase("bad_lang", value=lang))
    return lang


def guess_lang() -> str:
    """The language for a message printed before options were read: `--lang vi` or
    `--lang=vi` on the command line, else PQP_LANG."""
    lang = settings().lang
    argv = sys.argv[1:]
    for at, arg in enumerate(argv):
        value = None
        if arg == "--lang" and at + 1 < len(argv):
            value = argv[at + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value is not None:
            lang = "vi" if value.strip().lower() == "vi" else "en"
    return lang


def fail(err: PqpError, lang: str) -> typer.Exit:
    """Print a PqpError the way every command does, and the exit to raise. `lang` is the
    option as typed: `VI` means vi, and a wrong one (`fr`) leaves PQP_LANG's language."""
    lang = (lang or "").strip().lower()
    if lang not in ("en", "vi"):
        lang = settings().lang
    prefix = tr("error", lang)
    said = err.message(lang)
    typer.echo(f"pqp: {prefix}: {shown(said)}", err=True)
    gone = PqpError(*phrase("cwd-gone")).message(lang)
    if said != gone and _no_current_folder():  # why a relative path was not found, said too
        typer.echo(f"pqp: {prefix}: {gone}", err=True)
    return typer.Exit(err.exit_code)


def _no_current_folder() -> bool:
    import os

    try:
        os.getcwd()
    except FileNotFoundError:
        return True
    return False


def as_typed(text: str) -> Texts:
    """A value the user typed, shown as typed in both languages: `phrase` would write an
    ISO-looking text (`2025-02-30`) day first, a date the user never wrote."""
    return Texts(text, text)


def as_of_date(text: str) -> dt.date:
    """`--as-of` as the sheets and the YAML files write dates: `2024-06-30` or day first
    (`30/06/2024`, `30-06-2024`, `30.06.2024`); never month first, so `03/04/2024` is 3 April."""
    from pqp_cli.core.text import parse_date

    day = parse_date(text)
    if day is None:
        raise PqpError(*phrase("bad-as-of", value=as_typed(text)))
    return day


def locate(data: Path, targets: Path, *, need_data: bool = True) -> tuple[Path, Path]:
    """The data folder and targets file to read. Those given (option or PQP_DATA/PQP_TARGETS)
    are kept; the others are found as git finds `.git`: the nearest folder, from here up,
    holding `targets.yaml`, so a command works from inside `data/` or any subfolder. When
    none holds one (the walk stops at a git repository's top), the defaults stay and the
    command reports the missing file as before. `need_data=False`: a command that reads only
    the targets file (its data folder is then neither looked for nor checked)."""
    data_given = _given("data", data, DEFAULT_DATA) or not need_data
    targets_given = _given("targets", targets, DEFAULT_TARGETS)
    if data_given and targets_given:
        if not ((data.is_absolute() or not need_data) and targets.is_absolute()):
            here()  # a path relative to a folder that no longer exists: said so
        return data, targets
    root = find_root(here())
    if root is None:
        return data, targets
    return (
        data if data_given else _near(root / DEFAULT_DATA),
        targets if targets_given else _near(root / DEFAULT_TARGETS),
    )


def here() -> Path:
    """The current folder; removed while pqp ran in it (or before), a refusal saying so, since
    no relative path and no default can be read then."""
    try:
        return Path.cwd()
    except FileNotFoundError:
        raise PqpError(*phrase("cwd-gone")) from None


def find_root(start: Path) -> Path | None:
    """The nearest folder from `start` up that holds targets.yaml; None past a repository's
    top (a folder with `.git`) or the file system's root."""
    for folder in (start, *start.parents):
        if (folder / DEFAULT_TARGETS).is_file():
            return folder
        if (folder / ".git").exists():
            return None
    return None


def _near(path: Path) -> Path:
    """`path` relative to here when it is above or below it (`../targets.yaml`), so messages
    name files as the user sees them."""
    import os

    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive (Windows)
        return path


def _given(name: str, value: Path, default: Path) -> bool:
    """Whether the option `name` was given (command line or environment), not defaulted."""
    from typer._click.core import ParameterSource
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    source = ctx.get_parameter_source(name) if ctx is not None else None
    if source is None:
        return value != default
    return source is not ParameterSource.DEFAULT
