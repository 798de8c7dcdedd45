"""Who counts towards a target (and by which records), and who does not yet and what they lack."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pqp_cli.core.models import label
from pqp_cli.figures.localities import add_place_names
from pqp_cli.figures.progress import evaluate_target, target_json
from pqp_cli.read.loading import Dataset
from pqp_cli.read.plan import Plan


def _subject(dataset: Dataset, kind: str, sid: str) -> dict[str, Any]:
    record = dataset.records(kind).get(sid)
    return {
        "id": sid,
        "name": getattr(record, "name", ""),
        "locality": getattr(record, "locality", None),
    }


def explain(
    plan: Plan, dataset: Dataset, target_id: str, as_of: dt.date, lang: str = "en"
) -> dict[str, Any]:
    """The target's status row plus `counted` and `not_counted` subjects."""
    target = plan.target(target_id)
    ts = evaluate_target(plan, target, dataset, as_of)
    kind = ts.result.subjects
    counted = [
        {**_subject(dataset, kind, sid), "records": sorted(ids)}
        for sid, ids in sorted(ts.result.counted.items())
    ]
    not_counted = [
        {
            **_subject(dataset, kind, sid),
            "lacks": lacks,
            "lacks_labels": [label("category", c, lang) for c in lacks],
        }
        for sid, lacks in sorted(ts.result.missing.items())
    ]
    doc = {
        "as_of": as_of.isoformat(),
        **target_json(ts, lang),
        "subjects": kind,
        "counted": counted,
    }
    if target.metric in ("standards_coverage", "pilot_models"):
        doc["not_counted"] = not_counted
    add_place_names(doc, plan)
    return doc
