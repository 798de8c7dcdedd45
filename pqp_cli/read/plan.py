"""targets.yaml: the plan, its targets and each metric's params (docs/contract.md §3)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pqp_cli.core.messages import phrase
from pqp_cli.core.models import Bool, Category, Date, EntityType, Id, Text, Topic, _enum
from pqp_cli.core.places import province_problem
from pqp_cli.core.problems import PqpError, Problem, display_path
from pqp_cli.core.text import clean, visible
from pqp_cli.read import yamlread
from pqp_cli.read.loading import decode
from pqp_cli.read.metricnames import METRICS as METRICS
from pqp_cli.read.metricnames import Metric
from pqp_cli.read.plan_messages import convert as _convert
from pqp_cli.read.reportmeta import read_section

_Cat = Annotated[Category, _enum("category")]
_Top = Annotated[Topic, _enum("topics")]
_Typ = Annotated[EntityType, _enum("type")]
#: No plan counts more than this; a larger (or infinite) target is a typing slip.
MAX_TARGET = 1_000_000_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Localized(_Strict):
    vi: Text | None = None
    en: Text | None = None

    def get(self, lang: str) -> str:
        return (self.vi if lang == "vi" else self.en) or self.en or self.vi or ""


def _localized(value: Any) -> Any:
    return {"vi": value, "en": value} if isinstance(value, str) else value


class Period(_Strict):
    start: Date
    end: Date


class PlanInfo(_Strict):
    id: Id
    title: Localized = Localized()
    authority: Text | None = None
    province: Text | None = None
    focal_agency: Text | None = None
    document: Text | None = None
    period: Period
    at_risk_ratio: Annotated[float, Field(gt=0, le=1, allow_inf_nan=False)] = 0.8

    @model_validator(mode="before")
    @classmethod
    def _titles(cls, data: Any) -> Any:
        if isinstance(data, dict) and "title" in data:
            data = {**data, "title": _localized(data["title"])}
        return data


class TrainedParams(_Strict):
    topics: list[_Top] | None = None
    entity_types: list[_Typ] | None = None


class SupportedParams(_Strict):
    categories: list[_Cat] = [
        Category.management_system,
        Category.improvement_tool,
        Category.measurement_assurance,
        Category.technology,
    ]
    schemes: list[Text] | None = None
    entity_types: list[_Typ] | None = None
    supported_only: Bool = True


class CoverageParams(_Strict):
    categories: list[_Cat] = [Category.product_standard]
    supported_only: Bool = True


class PilotParams(_Strict):
    require_categories: list[_Cat] = list(Category)
    supported_only: Bool = True


class NoParams(_Strict):
    pass


PARAMS: dict[str, type[_Strict]] = {
    "trained_establishments": TrainedParams,
    "supported_enterprises": SupportedParams,
    "standards_coverage": CoverageParams,
    "pilot_models": PilotParams,
    "experts": NoParams,
    "public_units": NoParams,
}


class Target(_Strict):
    id: Id
    title: Localized = Localized()
    metric: Metric
    target: Annotated[float, Field(gt=0, le=MAX_TARGET, allow_inf_nan=False)] | None = None
    target_percent: Annotated[float, Field(gt=0, le=100, allow_inf_nan=False)] | None = None
    params: dict[str, Any] = {}
    note: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _titles(cls, data: Any) -> Any:
        if isinstance(data, dict) and "title" in data:
            data = {**data, "title": _localized(data["title"])}
        return data

    @property
    def kind(self) -> Literal["count", "percent"]:
        return "percent" if self.target_percent is not None else "count"

    @property
    def goal(self) -> float:
        return self.target_percent if self.target_percent is not None else self.target or 0.0

    def parsed_params(self) -> Any:
        return PARAMS[self.metric].model_validate(self.params)

    def label(self, lang: str) -> str:
        return self.title.get(lang) or self.id


@dataclass
class Plan:
    info: PlanInfo
    targets: list[Target]
    file: str
    problems: list[Problem] = field(default_factory=list)
    report: Any = None  # the `report:` section, a pqp_cli.read.reportmeta.ReportSection
    left_out: list[str] = field(default_factory=list)  # targets with errors, by id or position

    @property
    def start(self) -> dt.date:
        return self.info.period.start

    @property
    def end(self) -> dt.date:
        return self.info.period.end

    def target(self, target_id: str) -> Target:
        for t in self.targets:
            if t.id == target_id:
                return t
        if target_id in self.left_out:  # written, but with errors: not "unknown"
            raise PqpError(*phrase("target-left-out", id=target_id))
        known = ", ".join(t.id for t in self.targets)
        raise PqpError(*phrase("unknown-target", id=target_id, known=known))


@dataclass
class _PlanFile:
    file: str
    lines: dict[tuple[Any, ...], int]

    def line(self, path: tuple[Any, ...]) -> int:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1


def _problem(ctx: _PlanFile, message: str, path: tuple[Any, ...], /, **params: Any) -> Problem:
    return Problem.of(message, ctx.file, ctx.line(path), **params)


def _duplicate(
    ctx: _PlanFile, path: tuple[Any, ...], raw_id: str, first: str, line: int | None
) -> Problem:
    """A target id used again, or differing from an earlier one only in case."""
    key = "duplicate-id/target" if first == raw_id else "duplicate-id/target-case"
    return _problem(ctx, key, path, id=raw_id, first=first, line=line)


def read_plan(path: Path) -> tuple[Plan | None, list[Problem]]:
    """targets.yaml → the plan (None when its `plan` section is unusable) and its problems."""
    if not path.is_file():
        raise PqpError(*phrase("targets-not-found", path=display_path(path)))
    file = display_path(path)
    text, problem = decode(path.read_bytes(), file)
    if problem or text is None:
        return None, [problem] if problem else []
    parsed = yamlread.parse(text, clean)
    ctx = _PlanFile(file, parsed.lines)
    problems = [Problem(f.code, file, f.line, f.en, f.vi) for f in parsed.faults]
    root = parsed.root
    if parsed.fatal:
        return None, problems
    if not isinstance(root, dict) or not isinstance(root.get("plan"), dict):
        problems.append(_problem(ctx, "missing-field/plan", ()))
        return None, problems
    report = read_section(root.get("report"), file, ctx.line, problems)
    for key in root:
        if key not in ("plan", "targets", "report"):
            problems.append(_problem(ctx, "unknown-field/top-level", (key,), key=key))
    info = _plan_info(root["plan"], ctx, problems)
    left_out: list[str] = []
    targets = _targets(root.get("targets"), ctx, problems, left_out)
    if info is None:
        return None, problems
    from pqp_cli.read.placeholders import placeholder_problems

    problems += placeholder_problems(info.id, targets, root["targets"], text, ctx.line, file)
    return Plan(info, targets, file, problems, report, left_out), problems


def _plan_info(raw: dict[str, Any], ctx: _PlanFile, problems: list[Problem]) -> PlanInfo | None:
    try:
        info = PlanInfo.model_validate(raw)
    except ValidationError as exc:
        problems.extend(_convert(exc, ("plan",), list(PlanInfo.model_fields), ctx, None))
        return None
    if info.period.end < info.period.start:
        problems.append(
            _problem(
                ctx,
                "date-order/plan",
                ("plan", "period", "end"),
                end=info.period.end,
                start=info.period.start,
            )
        )
        return None
    unknown = province_problem(info.province, ctx.file, ctx.line(("plan", "province")))
    problems.extend([unknown] if unknown else [])
    return info


def _targets(
    raw: Any, ctx: _PlanFile, problems: list[Problem], left_out: list[str]
) -> list[Target]:
    if not isinstance(raw, list):
        problems.append(_problem(ctx, "not-a-list/targets", ("targets",)))
        return []
    targets: list[Target] = []
    seen: dict[str, tuple[str, int | None]] = {}
    for i, item in enumerate(raw):
        base = ("targets", i)
        if not isinstance(item, dict):
            problems.append(_problem(ctx, "not-a-list/target", base, n=i + 1))
            left_out.append(f"#{i + 1}")
            continue
        raw_id = item.get("id")
        name = visible(raw_id) if isinstance(raw_id, str) and raw_id else f"#{i + 1}"
        left_out.append(name)  # until it turns out valid
        if isinstance(raw_id, str) and raw_id.casefold() in seen:
            problems.append(_duplicate(ctx, (*base, "id"), raw_id, *seen[raw_id.casefold()]))
            continue
        if isinstance(raw_id, str):  # ids differing only in case are one id (a sheet, a file)
            seen[raw_id.casefold()] = (raw_id, ctx.line((*base, "id")))
        target = _target(item, base, ctx, problems)
        if target is None:
            continue
        left_out.pop()
        targets.append(target)
    return targets


def _target(
    item: dict[str, Any], base: tuple[Any, ...], ctx: _PlanFile, problems: list[Problem]
) -> Target | None:
    record = item.get("id") if isinstance(item.get("id"), str) else None
    try:
        target = Target.model_validate(item)
    except ValidationError as exc:
        problems.extend(_convert(exc, base, list(Target.model_fields), ctx, record))
        return None
    if (target.target is None) == (target.target_percent is None):
        problems.append(_problem(ctx, "invalid-value/target-one-of", base, id=target.id))
        return None
    if target.target_percent is not None and target.metric != "standards_coverage":
        problems.append(
            _problem(
                ctx,
                "invalid-value/target-percent",
                (*base, "target_percent"),
                id=target.id,
                metric=target.metric,
            )
        )
        return None
    try:
        target.parsed_params()
    except ValidationError as exc:
        known = list(PARAMS[target.metric].model_fields) or ["(none)"]
        problems.extend(_convert(exc, (*base, "params"), known, ctx, target.id))
        return None
    return target
