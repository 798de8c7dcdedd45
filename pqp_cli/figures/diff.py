"""`pqp diff`: each target's figures at two revisions, and who entered or left its count."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pqp_cli.core.problems import PqpError
from pqp_cli.core.settings import Settings
from pqp_cli.figures.documents import DiffDoc, DiffRow, End, Figure, Mover, ProblemCounts, StatusRow
from pqp_cli.figures.explain import LISTS_MISSING
from pqp_cli.figures.progress import TargetStatus, evaluate, status_row
from pqp_cli.load.gitrev import checkout, tell_left_out
from pqp_cli.load.project import Project, load_project
from pqp_cli.read.loading import Dataset


@dataclass
class Side:
    """One end of a comparison: a revision (None: the working tree) and what it holds."""

    rev: str | None
    commit: str | None
    project: Project

    def end(self) -> End:
        return End(rev=self.rev, commit=self.commit)


def load_side(
    rev: str | None,
    data: Path,
    targets: Path,
    lang: str | None = None,
    settings: Settings = Settings(),
) -> Side:
    """The project as committed at `rev` (read through git), or as on disk when `rev` is None."""
    if rev is None:
        return Side(None, None, load_project(data, targets, settings=settings))
    with checkout(rev, data, targets) as revision:
        tell_left_out(revision, lang)
        return Side(
            rev, revision.commit, load_project(revision.data, revision.targets, settings=settings)
        )


def _statuses(side: Side, as_of: dt.date) -> dict[str, TargetStatus]:
    try:
        plan = side.project.require_plan()
    except PqpError as err:
        where = side.rev or "working tree"
        where_vi = side.rev or "thư mục làm việc"
        raise PqpError(f"{where}: {err.en}", f"{where_vi}: {err.vi}") from None
    return {ts.target.id: ts for ts in evaluate(plan, side.project.dataset, as_of)}


def _movers(
    dataset: Dataset, kind: str, counted: dict[str, list[str]], ids: list[str]
) -> list[Mover]:
    records = dataset.records(kind)
    return [
        Mover(id=sid, name=getattr(records.get(sid), "name", ""), records=sorted(counted[sid]))
        for sid in sorted(ids)
    ]


def _change(before: StatusRow | None, after: StatusRow | None) -> Figure:
    if before is None or after is None or before.value is None or after.value is None:
        return None
    delta = after.value - before.value
    return delta if isinstance(delta, int) else round(delta, 1)


def compare_target(
    before: TargetStatus | None, after: TargetStatus | None, sides: tuple[Side, Side], lang: str
) -> DiffRow:
    """One target's row: both ends' status rows, the change, and the subjects that moved."""
    either = after or before
    assert either is not None
    old = status_row(before, lang) if before else None
    new = status_row(after, lang) if after else None
    was = before.result.counted if before else {}
    now = after.result.counted if after else {}
    kind, target = either.result.subjects, either.target
    lacking = None
    if target.metric in LISTS_MISSING:
        lacking = _now_lacking(before, after, sides[1].project.dataset)
    return DiffRow(
        id=target.id,
        title=target.label(lang),
        metric=target.metric,
        kind=target.kind,
        before=old,
        after=new,
        change=_change(old, new),
        entered=_movers(sides[1].project.dataset, kind, now, [s for s in now if s not in was]),
        left=_movers(sides[0].project.dataset, kind, was, [s for s in was if s not in now]),
        now_lacking=lacking,
    )


def _now_lacking(
    before: TargetStatus | None, after: TargetStatus | None, dataset: Dataset
) -> list[Mover]:
    """Subjects not counted at the later end that were not in that list at the earlier one."""
    lacking = after.result.missing if after else {}
    known = before.result.missing if before else {}
    records = dataset.enterprises
    return [
        Mover(id=sid, name=getattr(records.get(sid), "name", ""), lacks=lacking[sid])
        for sid in sorted(lacking)
        if sid not in known
    ]


def compare(before: Side, after: Side, as_of: dt.date, lang: str = "en") -> DiffDoc:
    """The diff document: both ends, the as-of date, one row per target of either end."""
    old, new = _statuses(before, as_of), _statuses(after, as_of)
    ids = list(new) + [tid for tid in old if tid not in new]
    return DiffDoc(
        old=before.end(),
        new=after.end(),
        as_of=as_of.isoformat(),
        targets=[compare_target(old.get(i), new.get(i), (before, after), lang) for i in ids],
        old_problems=ProblemCounts(**before.project.summary()),
        new_problems=ProblemCounts(**after.project.summary()),
        lang=lang,
    )


def diff(
    rev1: str,
    rev2: str | None,
    data: Path,
    targets: Path,
    as_of: dt.date,
    lang: str = "en",
    settings: Settings = Settings(),
) -> DiffDoc:
    """Compare the data and targets at `rev1` with `rev2` (None: the working tree)."""
    before = load_side(rev1, data, targets, lang, settings)
    after = load_side(rev2, data, targets, lang, settings)
    return compare(before, after, as_of, lang)
