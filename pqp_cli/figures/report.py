"""The whole progress report as one document (`ReportDoc`): status with by-year, by-locality
and projection, a chart series and an `explain` appendix per target, the problems found in the
data, and the Word report's header with the number and date it is given (`Stamp`)."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, replace

from pqp_cli.core.messages import phrase
from pqp_cli.core.problems import PqpError, Problem
from pqp_cli.figures.documents import ProblemCounts, ProblemLine, ReportDoc, ReportPlan
from pqp_cli.figures.explain import explain
from pqp_cli.figures.placegroups import report_places
from pqp_cli.figures.progress import evaluate, evaluation_date, measure, pace, status_document
from pqp_cli.figures.timeline import extend_rows, point_key, series, year_points
from pqp_cli.load.project import Project
from pqp_cli.read.loading import Dataset
from pqp_cli.read.plan import Plan, Target
from pqp_cli.read.reportmeta import ReportMeta, resolve

#: What `report` adds to each target row of `status --format json`.
EXTRAS = ("year", "locality", "projection")
#: `--number`: digits (`15`), or a whole number and symbol (`15/BC-TĐC`) that replaces both.
_NUMBER = re.compile(r"(\d+)(?:/([^\s/]+-[^\s]+))?")


@dataclass(frozen=True, kw_only=True)
class Stamp:
    """What the Word report is given beside the data: its number (and symbol, when given with
    it) and the day it is signed (None: today, decided when the document is drawn)."""

    number: str = ""
    symbol: str = ""
    date: dt.date | None = None


def build_report(
    project: Project,
    as_of: dt.date,
    lang: str = "en",
    locality: str | None = None,
    stamp: Stamp | None = None,
) -> ReportDoc:
    """The report document every renderer (html, md, xlsx, docx) draws from.

    `status` is exactly `status --format json --by year --by locality --projection`; the rest
    is what the printed report needs beside it. Its table by locality groups by `locality`
    (district or commune; by default as the plan's period says, see `default_level`).
    """
    plan = project.require_plan()
    dataset = project.dataset
    statuses = evaluate(plan, dataset, as_of)
    status = status_document(plan, ProblemCounts(**project.summary()), statuses, as_of, lang)
    status = extend_rows(status, statuses, plan, dataset, as_of, EXTRAS)
    status = report_places(status, statuses, plan, dataset, locality)
    return ReportDoc(
        lang=lang,
        plan=_plan(plan, lang),
        status=status,
        # the share of the period elapsed at R: where the straight line to each target stands
        pace_percent=100 * pace(plan, evaluation_date(plan, as_of)),
        series={t.id: series(plan, t, dataset, as_of) for t in plan.targets},
        explain={t.id: explain(plan, dataset, t.id, as_of, lang) for t in plan.targets},
        problem_list=[_line(p, lang) for p in project.problems],
        schemes={
            t.id: schemes_by_year(plan, t, dataset, as_of)
            for t in plan.targets
            if t.metric == "supported_enterprises"
        },
        meta=_stamped(resolve(plan.report, plan.info), stamp or Stamp()),
    )


def _plan(plan: Plan, lang: str) -> ReportPlan:
    info = plan.info
    return ReportPlan(
        id=info.id,
        title=info.title.get(lang) or info.id,
        authority=info.authority,
        focal_agency=info.focal_agency,
        document=info.document,
        start=plan.start.isoformat(),
        end=plan.end.isoformat(),
    )


def _line(p: Problem, lang: str) -> ProblemLine:
    return ProblemLine(
        severity=p.severity,
        code=p.code,
        file=p.file,
        line=p.line,
        record=p.record,
        field=p.field,
        message=p.message(lang),
    )


def _stamped(meta: ReportMeta, stamp: Stamp) -> ReportMeta:
    """The header as targets.yaml gives it, with the number, symbol and date given."""
    number, symbol = stamp.number or meta.number, stamp.symbol or meta.symbol
    return replace(meta, number=number, symbol=symbol, date=stamp.date)


def stamp(number: str | None, date: str | dt.date | None, as_of: dt.date) -> Stamp:
    """`--number` and `--date` checked: the number as digits or with its whole symbol; the
    date an ISO date never before the as-of date (a report dated before its figures)."""
    signed, fixed = _signed(date, as_of), ("", "")
    if number is not None:
        found = _NUMBER.fullmatch(number.strip())
        if found is None:
            raise PqpError(*phrase("bad-doc-number", value=number))
        fixed = (found.group(1), found.group(2) or "")
    return Stamp(number=fixed[0], symbol=fixed[1], date=signed)


def _signed(date: str | dt.date | None, as_of: dt.date) -> dt.date | None:
    if date is None or isinstance(date, dt.date):
        day = date
    else:
        try:
            day = dt.date.fromisoformat(date.strip())
        except ValueError:
            raise PqpError(*phrase("bad_doc_date", value=date)) from None
    if day is not None and day < as_of:
        raise PqpError(*phrase("doc-date-early", date=day, as_of=as_of))
    return day


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
