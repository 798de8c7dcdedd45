"""`pqp diff`: each target's figures at two revisions, and who entered or left its count."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pqp_cli.core.problems import PqpError
from pqp_cli.core.settings import Settings
from pqp_cli.figures.progress import TargetStatus, evaluate, target_json
from pqp_cli.load.gitrev import checkout, tell_left_out
from pqp_cli.load.project import Project, load_project
from pqp_cli.read.loading import Dataset


@dataclass
class Side:
    """One end of a comparison: a revision (None: the working tree) and what it holds."""

    rev: str | None
    commit: str | None
    project: Project

    def describe(self) -> dict[str, str | None]:
        return {"rev": self.rev, "commit": self.commit}


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


def _subjects(
    dataset: Dataset, kind: str, counted: dict[str, list[str]], ids: list[str]
) -> list[dict[str, Any]]:
    records = dataset.records(kind)
    return [
        {
            "id": sid,
            "name": getattr(records.get(sid), "name", ""),
            "records": sorted(counted[sid]),
        }
        for sid in sorted(ids)
    ]


def _change(before: dict[str, Any] | None, after: dict[str, Any] | None) -> float | int | None:
    if before is None or after is None or before["value"] is None or after["value"] is None:
        return None
    delta = after["value"] - before["value"]
    return delta if isinstance(delta, int) else round(delta, 1)


def compare_target(
    before: TargetStatus | None, after: TargetStatus | None, sides: tuple[Side, Side], lang: str
) -> dict[str, Any]:
    """One target's row: both ends' status rows, the change, and the subjects that moved."""
    either = after or before
    assert either is not None
    old = target_json(before, lang) if before else None
    new = target_json(after, lang) if after else None
    was = before.result.counted if before else {}
    now = after.result.counted if after else {}
    kind = either.result.subjects
    row = {
        "id": either.target.id,
        "title": either.target.label(lang),
        "metric": either.target.metric,
        "kind": either.target.kind,
        "before": old,
        "after": new,
        "change": _change(old, new),
        "entered": _subjects(sides[1].project.dataset, kind, now, [s for s in now if s not in was]),
        "left": _subjects(sides[0].project.dataset, kind, was, [s for s in was if s not in now]),
    }
    if either.target.metric in ("standards_coverage", "pilot_models"):
        row["now_lacking"] = _now_lacking(before, after, sides[1].project.dataset)
    return row


def _now_lacking(
    before: TargetStatus | None, after: TargetStatus | None, dataset: Dataset
) -> list[dict[str, Any]]:
    """Subjects not counted at the later end that were not in that list at the earlier one."""
    lacking = after.result.missing if after else {}
    known = before.result.missing if before else {}
    records = dataset.enterprises
    return [
        {"id": sid, "name": getattr(records.get(sid), "name", ""), "lacks": lacking[sid]}
        for sid in sorted(lacking)
        if sid not in known
    ]


def compare(before: Side, after: Side, as_of: dt.date, lang: str = "en") -> dict[str, Any]:
    """The diff document: both ends, the as-of date, one row per target of either end."""
    old, new = _statuses(before, as_of), _statuses(after, as_of)
    ids = list(new) + [tid for tid in old if tid not in new]
    return {
        "from": before.describe(),
        "to": after.describe(),
        "as_of": as_of.isoformat(),
        "targets": [compare_target(old.get(i), new.get(i), (before, after), lang) for i in ids],
        "problems": {"from": before.project.summary(), "to": after.project.summary()},
    }


def diff(
    rev1: str,
    rev2: str | None,
    data: Path,
    targets: Path,
    as_of: dt.date,
    lang: str = "en",
    settings: Settings = Settings(),
) -> dict[str, Any]:
    """Compare the data and targets at `rev1` with `rev2` (None: the working tree)."""
    before = load_side(rev1, data, targets, lang, settings)
    after = load_side(rev2, data, targets, lang, settings)
    return compare(before, after, as_of, lang)
