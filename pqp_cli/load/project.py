"""A data folder and its targets file read together: the entry point commands call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pqp_cli.cache.store import code_digest
from pqp_cli.checks.localities import locality_problems, province_of
from pqp_cli.core.messages import Texts, phrase
from pqp_cli.core.problems import PqpError, Problem, sort_key
from pqp_cli.core.settings import Settings
from pqp_cli.load.dataset import load_dataset
from pqp_cli.read.loading import Dataset
from pqp_cli.read.plan import Plan, read_plan


@dataclass
class Project:
    plan: Plan | None
    dataset: Dataset
    plan_problems: list[Problem]
    place_problems: list[Problem] = field(default_factory=list)
    #: Removes what the project reads from when that is a temporary checkout (`--rev`).
    closer: Callable[[], object] | None = field(default=None, repr=False, compare=False)
    _order: tuple[tuple[list[Problem], ...], list[int], int, list[Problem]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def close(self) -> None:
        """Remove the temporary checkout this project was read from, if any (idempotent)."""
        if self.closer is not None:
            self.closer()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def problems(self) -> list[Problem]:
        return list(self._sorted()[1])

    def _sorted(self) -> tuple[int, list[Problem]]:
        """The errors and every problem in order, sorted once (a command asks for the count
        many times; 17,000 problems cost 0.1 s a sort) and again only when a list changed."""
        parts = (self.plan_problems, self.dataset.problems, self.place_problems)
        sizes = [len(part) for part in parts]
        kept = self._order
        if (
            kept is None
            or any(a is not b for a, b in zip(kept[0], parts, strict=True))
            or kept[1] != sizes
        ):
            found = sorted([p for part in parts for p in part], key=sort_key)
            kept = self._order = (parts, sizes, sum(p.is_error for p in found), found)
        return kept[2], kept[3]

    @property
    def errors(self) -> int:
        return self._sorted()[0]

    @property
    def warnings(self) -> int:
        errors, found = self._sorted()
        return len(found) - errors

    def summary(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "errors": self.errors,
            "warnings": self.warnings,
            "files_left_out": len(self.dataset.files_left_out),
            "records_left_out": self.dataset.records_left_out,
        }
        if self.plan is not None and self.plan.left_out:
            found["targets_left_out"] = list(self.plan.left_out)  # only when some are
        return found

    def require_plan(self) -> Plan:
        if self.plan is None:
            first = next((p for p in self.plan_problems if p.is_error), None)
            where = (
                Texts(f" ({first.location()}: {first.en})", f" ({first.location()}: {first.vi})")
                if first
                else ""
            )
            raise PqpError(*phrase("targets-have-errors", where=where))
        return self.plan


def load_project(
    data_dir: Path,
    targets: Path,
    today: dt.date | None = None,
    *,
    settings: Settings = Settings(),
) -> Project:
    """Read targets.yaml, then the data folder with the plan's period for its checks.

    `settings.no_cache` reads every file afresh and writes no cache (`--no-cache`)."""
    plan, plan_problems = read_plan(targets)
    period = (plan.start, plan.end) if plan else None
    dataset = load_dataset(data_dir, period=period, today=today, settings=settings)
    return Project(plan, dataset, plan_problems, _place_problems(plan, dataset))


def _place_problems(plan: Plan | None, dataset: Dataset) -> list[Problem]:
    """`locality_problems`, kept in the dataset's memo by the plan's province: a warm run then
    reads no record back (the check goes through every one) and no register."""
    province, memo = province_of(plan), dataset.memo
    if memo is None or not province:
        return locality_problems(plan, dataset)
    key = f"place-problems\0{code_digest()}\0{province}"
    kept = memo.get(key)
    if isinstance(kept, list):
        try:
            return [Problem(*fields) for fields in kept]
        except TypeError:  # not as this pqp keeps them: check again
            pass
    found = locality_problems(plan, dataset)
    memo.put(key, [_fields(p) for p in found])
    return found


def _fields(p: Problem) -> tuple[Any, ...]:
    return (p.code, p.file, p.line, p.en, p.vi, p.record, p.field, p.kind)
