"""The project explains itself: no file a user gets points outside the repository."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: References to documents that exist only beside the repository, never in it.
OUTSIDE = re.compile(r"\.\./shared|\bSPEC\.md|\bSPEC §|\bDOMAIN\.md|\bSTYLE\.md")


def test_no_tracked_file_points_outside_the_repository() -> None:
    listed = subprocess.run(
        ["git", "ls-files", "README.md", "targets.yaml", "docs", "pqp_cli", "scripts", "tests"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    hits = []
    for name in listed:
        path = ROOT / name
        if path.suffix not in {".md", ".py", ".yaml", ".yml", ".txt"} or name.startswith(
            "tests/golden"
        ):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if (
                OUTSIDE.search(line)
                and "test_self_contained" not in name
                and "os.symlink" not in line
            ):
                hits.append(f"{name}:{number}: {line.strip()}")
    assert hits == []


def test_the_contract_the_docs_cite_is_in_the_repository() -> None:
    text = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")
    assert [h for h in text.splitlines() if h.startswith("## ")][:7] == [
        "## 1. The plan's targets (source: the plan, as reported by Báo Thanh Hóa)",
        "## 2. Data directory",
        "## 3. targets.yaml",
        "## 4. Metrics (evaluated at R = min(as_of, period.end); S = period.start)",
        "## 5. CLI",
        "## 6. Import from spreadsheets",
        "## 7. Sample data",
    ]
