"""`pqp diff REV1 [REV2]`: each target's change and who entered or left its count."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from gitrepo import Repo, invoke, two_commits

from pqp_cli import api

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

AS_OF = dt.date(2024, 6, 30)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return two_commits(tmp_path / "repo")


def diff(rev1: str, rev2: str | None, data: Path, targets: Path, as_of: dt.date) -> dict:
    """The library's diff document, as its JSON."""
    return api.diff(before=rev1, after=rev2, data=data, targets=targets, as_of=as_of).to_json()


def by_id(doc: dict) -> dict[str, dict]:
    return {t["id"]: t for t in doc["targets"]}


def moved(row: dict) -> tuple[list[str], list[str]]:
    return [s["id"] for s in row["entered"]], [s["id"] for s in row["left"]]


def test_between_two_commits_each_target_shows_its_change_and_who_moved(repo: Repo) -> None:
    doc = diff("v1", "v2", repo.data, repo.targets, AS_OF)
    rows = by_id(doc)
    assert doc["from"] == {"rev": "v1", "commit": repo.git("rev-parse", "v1")}
    assert doc["to"] == {"rev": "v2", "commit": repo.git("rev-parse", "v2")}
    # T1: the same count, but E2 left and E3 entered, each named with the record that counts.
    assert (rows["T1"]["before"]["value"], rows["T1"]["after"]["value"]) == (2, 2)
    assert rows["T1"]["change"] == 0
    assert moved(rows["T1"]) == (["E3"], ["E2"])
    assert rows["T1"]["entered"][0] == {
        "id": "E3",
        "name": "Hộ kinh doanh Lê Văn An",
        "records": ["TR1"],
    }
    # T3: E2 joined the population without a standard: 100% → 50%.
    assert (rows["T3"]["before"]["value"], rows["T3"]["after"]["value"]) == (100.0, 50.0)
    assert rows["T3"]["change"] == -50.0 and moved(rows["T3"]) == ([], [])
    assert (rows["T3"]["after"]["numerator"], rows["T3"]["after"]["denominator"]) == (1, 2)
    assert rows["T3"]["now_lacking"] == [
        {"id": "E2", "name": "HTX Hoằng Đồng", "lacks": ["product_standard"]}
    ]
    assert "now_lacking" not in rows["T1"], "only coverage and pilot targets list who lacks what"
    # T5b: X2 qualified; behind → met.
    assert rows["T5b"]["change"] == 1 and moved(rows["T5b"]) == (["X2"], [])
    assert (rows["T5b"]["before"]["status"], rows["T5b"]["after"]["status"]) == ("behind", "met")


def test_default_second_revision_is_the_working_tree(repo: Repo) -> None:
    doc = diff("v2", None, repo.data, repo.targets, AS_OF)
    assert doc["to"] == {"rev": None, "commit": None}
    rows = by_id(doc)
    assert rows["T1"]["change"] == 1 and moved(rows["T1"]) == (["E2"], [])
    assert rows["T1"]["entered"][0]["records"] == ["TR2"]


def test_a_target_in_one_revision_only(repo: Repo) -> None:
    targets = repo.targets.read_text(encoding="utf-8")
    repo.write("targets.yaml", targets + "  - {id: T5a, metric: public_units, target: 1}\n")
    repo.commit("T5a", tag="v3")
    rows = by_id(diff("v2", "v3", repo.data, repo.targets, AS_OF))
    assert rows["T5a"]["before"] is None and rows["T5a"]["after"]["value"] == 0
    assert rows["T5a"]["change"] is None
    rows = by_id(diff("v3", "v2", repo.data, repo.targets, AS_OF))
    assert rows["T5a"]["after"] is None


def test_cli_json_equals_the_library(repo: Repo) -> None:
    code, out, _ = invoke(
        *repo.args("diff", "v1", "v2", "--as-of", "2024-06-30", "--format", "json")
    )
    assert code == 0
    assert json.loads(out) == diff("v1", "v2", repo.data, repo.targets, AS_OF)


def test_cli_text_names_both_ends_and_the_movers(repo: Repo) -> None:
    code, out, _ = invoke(*repo.args("diff", "v1", "--as-of", "2024-06-30"))
    assert code == 0
    assert out.startswith(
        f"Changes from v1 ({repo.git('rev-parse', 'v1')[:10]}) to the working tree"
    )
    assert "T5b" in out and "+1" in out and "behind → met" in out
    assert "+ E3 Hộ kinh doanh Lê Văn An (TR1)" in out


def test_cli_markdown_for_a_pull_request(repo: Repo) -> None:
    code, out, _ = invoke(
        *repo.args("diff", "v1", "v2", "--as-of", "2024-06-30", "--format", "markdown")
    )
    assert code == 0
    assert out.startswith("### pqp diff: Changes from `v1`")
    assert "| ID   | Target" in out and "|------|" in out
    assert "#### T1 · Establishments trained" in out
    assert "**Entered the count (1)**" in out and "- `E3` Hộ kinh doanh Lê Văn An (TR1)" in out
    assert "**Left the count (1)**" in out and "- `E2` HTX Hoằng Đồng (TR1)" in out
    assert "**Now among those not counted (1)**" in out
    assert "- `E2` HTX Hoằng Đồng (product_standard)" in out


def test_cli_in_vietnamese(repo: Repo) -> None:
    code, out, _ = invoke(*repo.args("diff", "v1", "v2", "--as-of", "2024-06-30", "--lang", "vi"))
    assert code == 0
    assert "Thay đổi từ v1" in out and "Mới được tính (1)" in out and "Chậm tiến độ → Đạt" in out


def test_no_change_says_so(repo: Repo) -> None:
    code, out, _ = invoke(*repo.args("diff", "v2", "v2", "--as-of", "2024-06-30"))
    assert code == 0 and "No figure changed." in out


def test_errors_at_one_end_are_noted_and_left_out(repo: Repo) -> None:
    repo.write("data/experts.yaml", "- {id: X1, name: Lê An, qualified_on: someday}\n")
    code, out, err = invoke(*repo.args("diff", "v2", "--as-of", "2024-06-30", "--format", "json"))
    assert code == 0
    doc = json.loads(out)
    assert doc["problems"]["to"]["errors"] == 1 and doc["problems"]["from"]["errors"] == 0
    assert by_id(doc)["T5b"]["after"]["value"] == 0
    assert "the working tree the data has 1 error(s)" in err


def test_unknown_revision_and_not_a_repository_exit_2(repo: Repo, tmp_path: Path) -> None:
    code, _, err = invoke(*repo.args("diff", "v9"))
    assert code == 2 and "unknown revision 'v9'" in err
    code, _, err = invoke(*repo.args("diff", "v1", "nope", "--lang", "vi"))
    assert code == 2 and "không có phiên bản 'nope'" in err
    bare = tmp_path / "bare"
    (bare / "data").mkdir(parents=True)
    code, _, err = invoke(
        "diff", "HEAD", "--data", str(bare / "data"), "--targets", str(bare / "t.yaml")
    )
    assert code == 2 and "not inside a git repository" in err and "Traceback" not in err
