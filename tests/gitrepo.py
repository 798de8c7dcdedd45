"""A scratch git repository of pqp data, built commit by commit inside a test."""

from __future__ import annotations

import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path

GIT = ["git", "-c", "user.name=pqp test", "-c", "user.email=test@example.org"]
GIT += ["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", "-c", "init.defaultBranch=main"]
# no `git maintenance run --auto` started by every commit (a process each, nothing to pack)
GIT += ["-c", "maintenance.auto=false", "-c", "gc.auto=0"]

TARGETS = """\
plan:
  id: test-plan
  title: {vi: Kế hoạch thử, en: Test plan}
  period: {start: 2021-01-01, end: 2025-12-31}
targets:
  - id: T1
    title: {vi: Cơ sở được tập huấn, en: Establishments trained}
    metric: trained_establishments
    target: 3
  - id: T3
    title: {vi: Áp dụng tiêu chuẩn, en: Producers applying standards}
    metric: standards_coverage
    target_percent: 100
  - id: T5b
    title: {vi: Chuyên gia, en: Experts}
    metric: experts
    target: 2
"""

ENTERPRISES = """\
- {id: E1, name: Công ty TNHH Lam Sơn, type: enterprise, key_product: true}
- {id: E2, name: HTX Hoằng Đồng, type: cooperative}
- {id: E3, name: Hộ kinh doanh Lê Văn An, type: household}
"""
TRAININGS_V1 = """\
- {id: TR1, title: Tập huấn 5S, date: 2022-05-15, topics: [improvement_tools], participants: [E1, E2]}
"""
CERTIFICATIONS = """\
- {id: C1, enterprise: E1, category: product_standard, scheme: TCVN 7046:2019, achieved_on: 2022-06-01}
"""
EXPERTS_V1 = "- {id: X1, name: Lê An, qualified_on: 2022-01-10}\n"


@dataclass
class Repo:
    root: Path

    def git(self, *args: str) -> str:
        done = subprocess.run(
            [*GIT, *args], cwd=self.root, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def commit(self, message: str, tag: str | None = None) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        if tag:
            self.git("tag", tag)
        return self.git("rev-parse", "HEAD")

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def targets(self) -> Path:
        return self.root / "targets.yaml"

    def args(self, *command: str) -> list[str]:
        return [*command, "--data", str(self.data), "--targets", str(self.targets)]


def two_commits(root: Path) -> Repo:
    """v1, then v2 (E2 leaves training TR1 and E3 joins it; E2 becomes a key-product producer
    without a standard; expert X2 qualifies), then an uncommitted change (E2 trained in TR2)."""
    repo = Repo(root)
    root.mkdir(parents=True, exist_ok=True)
    repo.git("init", "-q")
    repo.write("targets.yaml", TARGETS)
    repo.write("data/enterprises.yaml", ENTERPRISES)
    repo.write("data/trainings.yaml", TRAININGS_V1)
    repo.write("data/certifications.yaml", CERTIFICATIONS)
    repo.write("data/experts.yaml", EXPERTS_V1)
    repo.commit("v1", tag="v1")
    repo.write(
        "data/enterprises.yaml",
        ENTERPRISES.replace("cooperative}", "cooperative, key_product: true}"),
    )
    repo.write("data/trainings.yaml", TRAININGS_V1.replace("[E1, E2]", "[E1, E3]"))
    repo.write(
        "data/experts.yaml", EXPERTS_V1 + "- {id: X2, name: Trần Bình, qualified_on: 2023-03-01}\n"
    )
    repo.commit("v2", tag="v2")
    repo.write(
        "data/trainings/2023.yaml",
        "- {id: TR2, title: ISO 9001, date: 2023-04-03, topics: [management_systems], participants: [E2]}\n",
    )
    return repo


def invoke(*args: str) -> tuple[int, str, str]:
    """Run pqp in-process as a user would: (exit code, stdout, stderr); never a traceback."""
    from typer.testing import CliRunner

    from pqp_cli.cli.app import app

    result = CliRunner().invoke(app, list(args), env={"PQP_LANG": "", "NO_COLOR": "1"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr
