"""Issue 10, second round: target ids that differ only in case are one id used twice, and the
XLSX report has one sheet per target, whatever its id, with the id itself in its first cell."""

from __future__ import annotations

import json
from pathlib import Path

from gitrepo import invoke
from openpyxl import load_workbook
from test_hostile_reading import TRAININGS, args, project

LONG = "A" * 40
IDS = ["Summary", "summary2", LONG, "A" * 35 + "B", "History"]


def targets(ids: list[str]) -> str:
    body = "".join(
        f"  - id: {json.dumps(i)}\n    metric: trained_establishments\n    target: 3\n" for i in ids
    )
    return f"plan:\n  id: p\n  period: {{start: 2021-01-01, end: 2025-12-31}}\ntargets:\n{body}"


def test_ids_differing_only_in_case_are_a_duplicate(tmp_path: Path) -> None:
    root = project(tmp_path, {"trainings.yaml": TRAININGS}, targets(["T1", "t1"]))
    code, out, _ = invoke(*args(root, "validate", "--format", "json", "--no-cache"))
    assert code == 1
    problems = json.loads(out)["problems"]
    assert [p["code"] for p in problems] == ["duplicate-id"], problems
    assert "'t1'" in problems[0]["message"] and "T1" in problems[0]["message"]


def test_xlsx_has_one_sheet_per_target_named_in_its_first_cell(tmp_path: Path) -> None:
    root = project(tmp_path, {"trainings.yaml": TRAININGS}, targets(IDS))
    out = tmp_path / "r.xlsx"
    code, _, err = invoke(*args(root, "report", "-o", str(out), "--as-of", "2023-01-01"))
    assert code == 0, err
    book = load_workbook(out)
    names = [n.casefold() for n in book.sheetnames]
    assert len(set(names)) == len(names) and "history" not in names
    assert all(len(n) <= 31 and not n.startswith("'") and not n.endswith("'") for n in names)
    firsts = [str(ws["A1"].value) for ws in book.worksheets]
    for target in IDS:
        assert sum(first.startswith(f"{target} · ") for first in firsts) == 1, (target, firsts)
