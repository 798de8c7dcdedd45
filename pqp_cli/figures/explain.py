"""Who counts towards a target (and by which records), and who does not yet and what they lack."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pqp_cli.checks.localities import register_of
from pqp_cli.core.models import label
from pqp_cli.figures.documents import ExplainDoc, Subject
from pqp_cli.figures.placegroups import with_places
from pqp_cli.figures.progress import evaluate_target, status_row
from pqp_cli.read.loading import Dataset
from pqp_cli.read.plan import Plan

#: The metrics whose `explain` lists who is not counted yet and what they lack.
LISTS_MISSING = ("standards_coverage", "pilot_models")


def explain(
    plan: Plan, dataset: Dataset, target_id: str, as_of: dt.date, lang: str = "en"
) -> ExplainDoc:
    """The target's status row plus `counted` and (coverage and pilot targets) `not_counted`
    subjects; each with the canonical name of its locality when the register knows the plan's
    province."""
    target = plan.target(target_id)
    ts = evaluate_target(plan, target, dataset, as_of)
    kind = ts.result.subjects
    records = dataset.records(kind)

    def named(sid: str) -> dict[str, Any]:
        record = records.get(sid)
        return {"name": getattr(record, "name", ""), "locality": getattr(record, "locality", None)}

    counted = [
        Subject(id=sid, **named(sid), records=sorted(ids))
        for sid, ids in sorted(ts.result.counted.items())
    ]
    not_counted = [
        Subject(
            id=sid,
            **named(sid),
            lacks=lacks,
            lacks_labels=[label("category", c, lang) for c in lacks],
        )
        for sid, lacks in sorted(ts.result.missing.items())
    ]
    register = register_of(plan)
    if register is not None:
        counted, not_counted = with_places(counted, register), with_places(not_counted, register)
    return ExplainDoc(
        as_of=as_of.isoformat(),
        row=status_row(ts, lang),
        subjects=kind,
        counted=counted,
        not_counted=not_counted if target.metric in LISTS_MISSING else None,
        places_named=register is not None,
        lang=lang,
    )
