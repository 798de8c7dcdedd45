"""The whole progress report as one document: status with by-year, by-locality and projection,
a chart series and an `explain` appendix per target, and the problems found in the data."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from pqp_cli.core.i18n import tr
from pqp_cli.figures.explain import explain
from pqp_cli.figures.localities import report_places
from pqp_cli.figures.progress import evaluate, evaluation_date, measure, pace, status_json
from pqp_cli.figures.timeline import (
    extend_rows,
    point_key,
    series,
    series_in_year,
    with_in_year,
    year_points,
)
from pqp_cli.load.project import Project
from pqp_cli.read.loading import Dataset
from pqp_cli.read.plan import Plan, Target
from pqp_cli.read.reportmeta import resolve

#: What `report` adds to each target row of `status --format json`.
EXTRAS = ("year", "locality", "projection")


def build_report(
    project: Project, as_of: dt.date, lang: str = "en", locality: str | None = None
) -> dict[str, Any]:
    """The report document every renderer (html, md, xlsx) draws from.

    `status` is exactly `status --format json --by year --by locality --projection`; the rest
    is what the printed report needs beside it. Its table by locality groups by `locality`
    (district or commune; by default as the plan's period says, see `default_level`).
    """
    plan = project.require_plan()
    dataset = project.dataset
    statuses = evaluate(plan, dataset, as_of)
    status = status_json(plan, project.summary(), statuses, as_of, lang)
    status = with_in_year(extend_rows(status, statuses, plan, dataset, as_of, EXTRAS))
    status = report_places(status, statuses, plan, dataset, locality)
    info = plan.info
    return {
        "lang": lang,
        "plan": {
            "id": info.id,
            "title": info.title.get(lang) or info.id,
            "authority": info.authority,
            "focal_agency": info.focal_agency,
            "document": info.document,
            "start": plan.start.isoformat(),
            "end": plan.end.isoformat(),
        },
        "status": status,
        # the share of the period elapsed at R: where the straight line to each target stands
        "pace_percent": 100 * pace(plan, evaluation_date(plan, as_of)),
        "series": {
            t.id: series_in_year(series(plan, t, dataset, as_of), plan.start) for t in plan.targets
        },
        "explain": {t.id: explain(plan, dataset, t.id, as_of, lang) for t in plan.targets},
        "problem_list": [p.as_dict(lang) for p in project.problems],
        "schemes": {
            t.id: schemes_by_year(plan, t, dataset, as_of)
            for t in plan.targets
            if t.metric == "supported_enterprises"
        },
        "meta": resolve(plan.report, info),
    }


def scheme_name(scheme: str) -> str:
    """A system or tool without its edition: `ISO 9001:2015` → `ISO 9001`."""
    return scheme.split(":")[0].strip()


def schemes_by_year(
    plan: Plan, target: Target, dataset: Dataset, as_of: dt.date
) -> dict[str, dict[str, int]]:
    """`{"ISO 9001": {"2021": 5, ...}, ...}`: at each point of `by_year`, how many of the
    enterprises the target counts hold a counted record of each system or tool. An enterprise
    with two systems is in two rows, so a column may add up to more than the target's value."""
    table: dict[str, dict[str, int]] = defaultdict(dict)
    certifications = dataset.certifications
    for day in year_points(plan, as_of):
        key, holders = point_key(day), defaultdict(set)
        for eid, ids in measure(plan, target, dataset, day).counted.items():
            for cid in ids:
                holders[scheme_name(certifications[cid].scheme)].add(eid)
        for name, eids in holders.items():
            table[name][key] = len(eids)
    keys = [point_key(day) for day in year_points(plan, as_of)]
    order = sorted(table, key=lambda n: (-max(table[n].values()), n))
    return {name: {k: table[name].get(k, 0) for k in keys} for name in order}


def problems_table(
    report: dict[str, Any], shown: int
) -> tuple[str, list[str], list[list[str]], int]:
    """The report's problems section as text: its summary line, headers, the first `shown`
    rows, and how many more there are (each renderer escapes and lays it out)."""
    lang, summary, problems = report["lang"], report["status"]["problems"], report["problem_list"]
    line = tr(
        "problems_line",
        lang,
        errors=summary["errors"],
        warnings=summary["warnings"],
        records=summary["records_left_out"],
        files=summary["files_left_out"],
    )
    heads = [tr("severity", lang), tr("code", lang), tr("location", lang), tr("message", lang)]
    rows = [
        [
            tr(p["severity"], lang),
            p["code"],
            f"{p['file']}:{p['line']}" if p["line"] else p["file"],
            p["message"],
        ]
        for p in problems[:shown]
    ]
    return line, heads, rows, max(len(problems) - shown, 0)
