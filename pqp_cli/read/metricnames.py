"""The metrics a target may name (docs/contract.md §4): read by the plan's model and named in
its messages, so kept below both."""

from __future__ import annotations

from typing import Literal

Metric = Literal[
    "trained_establishments",
    "supported_enterprises",
    "standards_coverage",
    "pilot_models",
    "experts",
    "public_units",
]
METRICS: tuple[str, ...] = Metric.__args__  # type: ignore[attr-defined]
