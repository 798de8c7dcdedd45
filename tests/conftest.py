"""Shared fixtures: a data folder and targets.yaml written from inline YAML, then loaded."""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from pqp_cli.load.project import Project, load_project

#: The plan header most tests need: the real plan's period, the default at_risk_ratio.
PLAN = "plan: {id: test-plan, title: Test plan, period: {start: 2021-01-01, end: 2025-12-31}}\n"


@dataclass
class Workspace:
    """`root/data/` and `root/targets.yaml`, written from YAML text given in the test."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def targets(self) -> Path:
        return self.root / "targets.yaml"

    def write(self, targets: str | None = None, *, plan: str = PLAN, **kinds: str) -> Workspace:
        """`targets` is the list under `targets:`; each keyword writes `data/<kind>.yaml`."""
        self.data.mkdir(parents=True, exist_ok=True)
        if targets is not None:
            body = textwrap.indent(textwrap.dedent(targets).strip("\n"), "  ")
            self.targets.write_text(textwrap.dedent(plan) + "targets:\n" + body + "\n", "utf-8")
        for kind, text in kinds.items():
            self.file(f"{kind}.yaml", text)
        return self

    def file(self, relative: str, text: str) -> Path:
        """Any file under `data/` (sub-folders made), its YAML dedented."""
        path = self.data / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def load(self, today: dt.date | None = None, *, check: bool = True) -> Project:
        """The project; with `check`, a fixture typo (any error) fails the test at once."""
        project = load_project(self.data, self.targets, today=today)
        if check:
            errors = [p for p in project.problems if p.is_error]
            assert not errors, [f"{p.location()}: {p.en}" for p in errors]
        return project

    def args(self, *command: str) -> list[str]:
        """CLI arguments for a command on this workspace: `ws.args("status", "--as-of", ...)`."""
        return [*command, "--data", str(self.data), "--targets", str(self.targets)]


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path)
