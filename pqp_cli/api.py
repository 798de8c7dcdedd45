"""pqp as a library: what the command line is a thin layer over.

    import dataclasses
import datetime as dt
    from pqp_cli import api

    project = api.open_project(data="data", targets="targets.yaml")
    status = api.status(project, as_of=dt.date(2025, 12, 31))
    for row in status.targets:
        print(row.id, row.value, row.status)

Open a project once (`open_project`: a data folder and its targets file, as on disk or as
committed at a git revision), then build its documents at any date: `status`, `explain`,
`report`; `diff` compares two revisions. `import_sheet` imports a spreadsheet into the data
folder and returns its `ImportReport` (`describe` words it as `pqp import` prints it). Each document is typed (`pqp_cli.figures.documents`)
and holds the figures exactly as the command shows them; `doc.to_json()` is the command's
`--format json`, and the `render_*` functions give its other formats.

Everything but the first parameter is keyword-only. A problem that stops a command (a missing
folder, an unknown target, a bad revision) raises `PqpError`: `err.message("vi")` says it in
Vietnamese and `err.exit_code` is the command's exit code. Problems in the data do not raise:
`project.problems` lists them and the documents leave the bad records out, as the commands do.
Nothing here reads the environment: what the command line takes from it comes in a `Settings`
(`Settings()` by default, or `Settings.from_env()` to behave as the command line does).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pqp_cli.core.problems import PqpError
from pqp_cli.core.settings import Settings
from pqp_cli.figures.answers import answered
from pqp_cli.figures.documents import (
    DiffDoc,
    ExplainDoc,
    ProblemCounts,
    ReportDoc,
    StatusDoc,
    StatusRow,
)
from pqp_cli.figures.explain import explain as explain_target
from pqp_cli.figures.placegroups import add_places
from pqp_cli.figures.progress import TargetStatus, status_document
from pqp_cli.figures.progress import evaluate as evaluate_plan
from pqp_cli.figures.report import Stamp, build_report
from pqp_cli.figures.report import stamp as checked_stamp
from pqp_cli.figures.timeline import extend_rows
from pqp_cli.load.project import Project, load_project
from pqp_cli.read.reportmeta import InvalidSection

if TYPE_CHECKING:
    from pqp_cli.importing import ImportReport, describe, import_sheet

__all__ = [
    "DiffDoc",
    "ImportReport",
    "ExplainDoc",
    "PqpError",
    "Project",
    "ReportDoc",
    "Settings",
    "Stamp",
    "StatusDoc",
    "StatusRow",
    "check_word_report",
    "describe",
    "diff",
    "document_stamp",
    "evaluate",
    "explain",
    "import_sheet",
    "open_project",
    "render_diff",
    "render_explain",
    "render_report",
    "render_status",
    "report",
    "status",
]

_IMPORTING = frozenset({"ImportReport", "describe", "import_sheet"})


def __getattr__(name: str) -> Any:
    """The sheet import's names, imported when first asked for: a `status` or `validate`
    never pays for loading the importer (spreadsheet readers, the YAML writer)."""
    if name in _IMPORTING:
        from pqp_cli import importing

        return getattr(importing, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    """Every public name, those `__getattr__` imports on first use too (what `pqp_cli` lists):
    completion and `help()` in an interpreter name the importer's as well."""
    return sorted({*globals(), *__all__})


#: What `status(by=...)` can add: values at each 31 December, by locality as written, by old
#: district, by 2025 commune (the last two need the plan's province in pqp's register).
BREAKDOWNS = ("year", "locality", "district", "commune")


def open_project(
    *,
    data: str | Path = "data",
    targets: str | Path = "targets.yaml",
    rev: str | None = None,
    cache: bool = True,
    settings: Settings | None = None,
) -> Project:
    """Read a targets file and a data folder together, checking every record.

    `rev`: read both as committed at this git revision (commit, tag, branch) instead of as on
    disk, from a temporary checkout the project owns: `project.close()` (or a `with` block)
    removes it, as does the project's collection or the end of the process. `cache=False` reads
    every file afresh and writes no cache (`--no-cache`; so does `settings.no_cache`).
    """
    settings = settings or Settings()
    data, targets = Path(data), Path(targets)
    if not cache:
        settings = dataclasses.replace(settings, no_cache=True)
    if rev is None:
        return load_project(data, targets, settings=settings)
    return _at_revision(rev, data, targets, settings)


def _at_revision(rev: str, data: Path, targets: Path, settings: Settings) -> Project:
    """The project as committed at `rev`, read from a temporary checkout (what it leaves out
    is said on stderr) that the project owns: removed by `project.close()`, at the end of a
    `with` block, or when the project is collected (`weakref.finalize`, as the standard
    library's TemporaryDirectory does); nothing is registered on the process."""
    import weakref
    from contextlib import ExitStack

    from pqp_cli.load.gitrev import at_revision

    stack = ExitStack()
    try:
        data, targets = stack.enter_context(at_revision(rev, data, targets))
        project = load_project(data, targets, settings=settings)
    except BaseException:
        stack.close()
        raise
    project.closer = weakref.finalize(project, stack.close)
    return project


def evaluate(project: Project, *, as_of: dt.date | None = None) -> list[TargetStatus]:
    """Each target's metric, pace and status at `as_of` (default today), unrounded: the
    figures every document is built from."""
    return evaluate_plan(project.require_plan(), project.dataset, as_of or dt.date.today())


def status(
    project: Project,
    *,
    as_of: dt.date | None = None,
    lang: str = "en",
    by: Iterable[str] = (),
    projection: bool = False,
) -> StatusDoc:
    """`pqp status`: each target's value, pace and status at `as_of` (default today), titles
    in `lang` (en or vi). `by` adds breakdowns (`BREAKDOWNS`); `projection` adds the projected
    end value and the day the target would be met."""
    wanted = list(by)
    unknown = sorted(set(wanted) - set(BREAKDOWNS))
    if unknown:
        raise ValueError(f"unknown breakdown {unknown[0]!r}: give any of {', '.join(BREAKDOWNS)}")
    plan, day = project.require_plan(), as_of or dt.date.today()
    extras = [*wanted, *(["projection"] if projection else [])]

    def compute() -> StatusDoc:
        statuses = evaluate(project, as_of=day)
        doc = status_document(plan, ProblemCounts(**project.summary()), statuses, day, lang)
        doc = extend_rows(doc, statuses, plan, project.dataset, day, extras)
        return add_places(doc, statuses, plan, project.dataset, extras)

    return answered(project, ("status", day, lang, tuple(extras)), StatusDoc, compute)


def explain(
    project: Project, *, target: str, as_of: dt.date | None = None, lang: str = "en"
) -> ExplainDoc:
    """`pqp explain TARGET`: who counts towards the target, by which records, and (coverage
    and pilot targets) who does not yet and what they lack."""
    day, plan = as_of or dt.date.today(), project.require_plan()
    question = ("explain", target, day, lang)
    return answered(
        project,
        question,
        ExplainDoc,
        lambda: explain_target(plan, project.dataset, target, day, lang),
    )


def diff(
    *,
    before: str,
    after: str | None = None,
    data: str | Path = "data",
    targets: str | Path = "targets.yaml",
    as_of: dt.date | None = None,
    lang: str = "en",
    settings: Settings | None = None,
) -> DiffDoc:
    """`pqp diff BEFORE [AFTER]`: each target's figures at two git revisions (`after` None:
    the files on disk), and who entered or left its count."""
    day = as_of or dt.date.today()
    from pqp_cli.figures.diff import diff as compare  # only `diff` needs it

    return compare(before, after, Path(data), Path(targets), day, lang, settings or Settings())


def document_stamp(
    *, number: str | None = None, date: str | dt.date | None = None, as_of: dt.date
) -> Stamp:
    """The Word report's number (`15`, or `15/BC-SKHCN` with its symbol) and date of signing
    (None: the day it is drawn), checked: the date may not be before `as_of`."""
    return checked_stamp(number, date, as_of)


def check_word_report(project: Project) -> None:
    """The Word report is written from the `report:` section of the targets file: raise
    `PqpError` (exit code 1) naming that section's problems when it has any."""
    section = project.require_plan().report
    if isinstance(section, InvalidSection):
        raise PqpError(section.message("en"), section.message("vi"), exit_code=1)


def report(
    project: Project,
    *,
    as_of: dt.date | None = None,
    lang: str = "en",
    locality: str | None = None,
    stamp: Stamp | None = None,
) -> ReportDoc:
    """`pqp report`: the whole progress report's content. `locality` (district or commune)
    groups its table by place (default: as the plan's period says); `stamp` is the Word
    report's number and date (`document_stamp`)."""
    return build_report(project, as_of or dt.date.today(), lang, locality, stamp)


# The renderers import what only their format needs (rich, openpyxl, python-docx) when asked.


def render_status(doc: StatusDoc, *, fmt: str = "table") -> str:
    """`status` as text: `table` (as printed when not on a terminal), `json`, `csv` or
    `markdown`."""
    from pqp_cli.render.status import render

    return render(doc, fmt)


def render_explain(doc: ExplainDoc, *, fmt: str = "text") -> str:
    """`explain` as text: `text`, `json` or `markdown`."""
    from pqp_cli.render.explain import render

    return render(doc, fmt)


def render_diff(doc: DiffDoc, *, fmt: str = "text") -> str:
    """`diff` as text: `text`, `json` or `markdown`."""
    from pqp_cli.render.diff import render

    return render(doc, fmt)


def render_report(doc: ReportDoc, *, fmt: str = "html") -> bytes:
    """The report's file: `html`, `md` (UTF-8 text), `xlsx` or `docx`."""
    from pqp_cli.render.report import render

    return render(doc, fmt)
