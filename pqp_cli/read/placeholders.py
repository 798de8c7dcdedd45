"""Targets `pqp init` wrote to be replaced: the `placeholder-target` warning.

`pqp init` fills targets.yaml with the sample plan's figures (Thanh Hóa's plan 2021-2025),
each marked `ĐIỀN / FILL IN`, so that the file validates at once; left as they are, every
status and report would measure a new plan against another province's targets. A figure is a
placeholder while its line keeps the mark, or while all six targets hold the sample's figures
in a plan that is not the sample plan (the marks removed, the figures kept).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from pqp_cli.core.problems import Problem

MARK = "FILL IN"
SAMPLE_PLAN_ID = "thanh-hoa-pqp-2021-2025"
#: The sample plan's figures, as `pqp init` writes them (tests/test_init.py checks).
SAMPLE_FIGURES: dict[str, float] = {"T1": 400, "T2": 150, "T3": 100, "T4": 6, "T5a": 1, "T5b": 10}


class _Target(Protocol):
    id: str
    target: Any
    target_percent: Any


def _figure(target: _Target) -> Any:
    return target.target if target.target is not None else target.target_percent


def placeholder_problems(
    plan_id: str,
    targets: Sequence[_Target],
    raw: Any,
    text: str,
    line_of: Callable[[tuple[Any, ...]], int],
    file: str,
) -> list[Problem]:
    """One `placeholder-target` warning per target still holding a placeholder figure.
    `raw` is the file's `targets` list (where each valid target sits); `line_of` maps a path
    in the file (`("targets", 0, "target")`) to its line."""
    lines = text.splitlines()
    sample = plan_id != SAMPLE_PLAN_ID and len(targets) == len(SAMPLE_FIGURES)
    sample = sample and all(SAMPLE_FIGURES.get(t.id) == _figure(t) for t in targets)
    items = raw if isinstance(raw, list) else []  # a section that is no list: reported elsewhere
    at = {item.get("id"): i for i, item in enumerate(items) if isinstance(item, dict)}
    found = []
    for target in targets:
        field = "target" if target.target is not None else "target_percent"
        line = line_of(("targets", at.get(target.id, -1), field))
        marked = 0 < line <= len(lines) and MARK in lines[line - 1].partition("#")[2]
        if marked or sample:
            value = _figure(target)
            shown = int(value) if float(value).is_integer() else value
            found.append(Problem.of("placeholder-target", file, line, id=target.id, value=shown))
    return found
