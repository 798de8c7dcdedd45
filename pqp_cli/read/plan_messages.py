"""targets.yaml's validation errors → Problems with our codes, lines and en/vi messages."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from pqp_cli.core.messages import PHRASES, Texts, fields_listed, plain_field
from pqp_cli.core.models import ALLOWED, CONTROL_ERROR, Category, EntityType, Topic, enum_allowed
from pqp_cli.core.problems import Problem
from pqp_cli.core.text import nearest
from pqp_cli.read.metricnames import METRICS

_ALLOWED_PLAN: dict[str, tuple[str, str]] = {
    "target": PHRASES["plan_allowed_target"],
    "target_percent": PHRASES["plan_allowed_target_percent"],
    "at_risk_ratio": PHRASES["plan_allowed_at_risk_ratio"],
    "start": ALLOWED["date"],
    "end": ALLOWED["date"],
    # by label with the key in quotes under vi, as the data files' errors say them
    "categories": enum_allowed("category", Category),
    "require_categories": enum_allowed("category", Category),
    "topics": enum_allowed("topics", Topic),
    "entity_types": enum_allowed("type", EntityType),
    "supported_only": ALLOWED["bool"],
    "id": ALLOWED["id"],
}


def _allowed(name: str) -> tuple[str, str]:
    if name == "metric":
        return ", ".join(METRICS), ", ".join(f'"{m}"' for m in METRICS)  # keys, quoted in vi
    return _ALLOWED_PLAN.get(name, ALLOWED["text"])


def convert(
    exc: ValidationError,
    base: tuple[Any, ...],
    known: list[str],
    ctx: Any,
    record: str | None,
) -> list[Problem]:
    problems = []
    for err in exc.errors():
        loc = tuple(
            p
            for p in err["loc"]
            if isinstance(p, int) or not str(p).startswith(("function", "list[", "literal"))
        )
        path = base + loc
        name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
        shown = ".".join(str(p + 1) if isinstance(p, int) else str(p) for p in path)
        params: dict[str, Any] = plain_field(shown)
        if err["type"] == "missing":
            key = "missing-field"
        elif err["type"] == "extra_forbidden":
            hint = nearest(name, known)
            key = "unknown-field/hint" if hint else "unknown-field"
            params.update(hint=hint, known=fields_listed(known))
        else:
            key = "invalid-value"
            a_en, a_vi = _allowed(name)
            if err["type"] == "value_error" and CONTROL_ERROR in str(err.get("ctx", {})):
                a_en, a_vi = ALLOWED["control"]
            elif err["type"] == "value_error":
                a_en = a_vi = str(err.get("ctx", {}).get("error", a_en))
            got = err.get("input")
            got_s = (
                "nothing"
                if got is None
                else repr(got)
                if not isinstance(got, (dict, list))
                else type(got).__name__
            )
            params.update(got=got_s, allowed=Texts(a_en, a_vi))
        problems.append(
            Problem.of(key, ctx.file, ctx.line(path), record=record, field=name or None, **params)
        )
    return problems
