"""`--rev REV`: the data and targets as committed at a git revision, read through git itself."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest
from gitrepo import Repo, invoke, two_commits

from pqp_cli import api
from pqp_cli.cli.app import app
from pqp_cli.core.problems import PqpError
from pqp_cli.load.gitrev import at_revision, checkout
from pqp_cli.load.project import load_project

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

AS_OF = "2024-06-30"


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return two_commits(tmp_path / "repo")


def values(doc: dict) -> dict[str, object]:
    return {t["id"]: t["value"] for t in doc["targets"]}


def test_checkout_reads_the_commit_not_the_working_tree(repo: Repo) -> None:
    (repo.data / "experts.yaml").unlink()  # gone from disk, still in v2
    with checkout("v1", repo.data, repo.targets) as rev:
        assert rev.commit == repo.git("rev-parse", "v1")
        assert sorted(p.name for p in rev.data.rglob("*.yaml")) == [
            "certifications.yaml",
            "enterprises.yaml",
            "experts.yaml",
            "trainings.yaml",
        ]
        assert "[E1, E2]" in (rev.data / "trainings.yaml").read_text(encoding="utf-8")
        assert rev.targets.read_text(encoding="utf-8") == repo.targets.read_text(encoding="utf-8")
        folder = rev.data.parent
    assert not folder.exists(), "the temporary copy is removed afterwards"


def test_export_ignore_attributes_do_not_hide_committed_files(repo: Repo) -> None:
    repo.write(".gitattributes", "data/** export-ignore\n")
    repo.commit("attributes", tag="v3")
    with at_revision("v3", repo.data, repo.targets) as (data, _):
        assert (data / "experts.yaml").is_file()


def test_no_revision_means_the_files_on_disk(repo: Repo) -> None:
    with at_revision(None, repo.data, repo.targets) as (data, targets):
        assert (data, targets) == (repo.data, repo.targets)


def test_figures_at_each_revision_are_those_committed(repo: Repo) -> None:
    def figures(rev: str | None) -> dict[str, object]:
        with at_revision(rev, repo.data, repo.targets) as (data, targets):
            project = load_project(data, targets)
        return values(api.status(project, as_of=dt.date.fromisoformat(AS_OF)).to_json())

    assert figures("v1") == {"T1": 2, "T3": 100.0, "T5b": 1}
    assert figures("v2") == {"T1": 2, "T3": 50.0, "T5b": 2}
    assert figures(None) == {"T1": 3, "T3": 50.0, "T5b": 2}


def test_relative_paths_from_a_subfolder(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo.data)
    with at_revision("v1", Path("."), Path("../targets.yaml")) as (data, targets):
        assert (data / "experts.yaml").is_file() and targets.is_file()


def test_not_a_git_repository_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    with (
        pytest.raises(PqpError) as err,
        checkout("HEAD", tmp_path / "data", tmp_path / "targets.yaml"),
    ):
        pass
    assert err.value.exit_code == 2
    assert "not inside a git repository" in err.value.en
    assert "không nằm trong kho git" in err.value.vi


@pytest.mark.parametrize("rev", ["v9", "no-such-branch", "--output=x", "", "HEAD~5"])
def test_unknown_revision_is_a_clear_error(repo: Repo, rev: str) -> None:
    with pytest.raises(PqpError) as err, checkout(rev, repo.data, repo.targets):
        pass
    assert err.value.exit_code == 2
    assert "unknown revision" in err.value.en and "không có phiên bản" in err.value.vi


def test_data_folder_missing_at_the_revision(repo: Repo) -> None:
    first = repo.git("rev-list", "--max-parents=0", "HEAD")
    with (
        pytest.raises(PqpError, match="does not exist at revision"),
        checkout(first, repo.root / "other-data", repo.targets),
    ):
        pass


def test_status_rev_prints_the_committed_figures(repo: Repo) -> None:
    code, out, _ = invoke(*repo.args("status", "--rev", "v1", "--as-of", AS_OF, "--format", "json"))
    assert code == 0
    assert values(json.loads(out)) == {"T1": 2, "T3": 100.0, "T5b": 1}
    code, out, _ = invoke(*repo.args("status", "--as-of", AS_OF, "--format", "json"))
    assert values(json.loads(out)) == {"T1": 3, "T3": 50.0, "T5b": 2}


def test_status_rev_from_inside_the_repository_with_default_paths(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo.root)
    code, out, _ = invoke("status", "--rev", "v2", "--as-of", AS_OF, "--format", "json")
    assert code == 0
    assert values(json.loads(out)) == {"T1": 2, "T3": 50.0, "T5b": 2}


def test_explain_rev_lists_who_counted_then(repo: Repo) -> None:
    code, out, _ = invoke(
        *repo.args("explain", "T1", "--rev", "v1", "--as-of", AS_OF, "--format", "json")
    )
    assert code == 0
    assert [s["id"] for s in json.loads(out)["counted"]] == ["E1", "E2"]


def test_report_rev_reports_the_committed_figures(repo: Repo, tmp_path: Path) -> None:
    if "report" not in [c.name for c in app.registered_commands]:
        pytest.skip("no report command")
    out = tmp_path / "report.md"
    code, _, _ = invoke(*repo.args("report", "--rev", "v1", "--as-of", AS_OF, "-o", str(out)))
    assert code == 0
    text = out.read_text(encoding="utf-8")
    assert "100.0% (1/1)" in text and "50.0% (1/2)" not in text


def test_cli_unknown_revision_and_not_a_repository_exit_2(repo: Repo, tmp_path: Path) -> None:
    code, _, err = invoke(*repo.args("status", "--rev", "v9"))
    assert code == 2 and "unknown revision 'v9'" in err
    code, _, err = invoke(*repo.args("explain", "T1", "--rev", "v9", "--lang", "vi"))
    assert code == 2 and "không có phiên bản 'v9'" in err
    bare = tmp_path / "bare"
    (bare / "data").mkdir(parents=True)
    code, _, err = invoke(
        "status", "--rev", "HEAD", "--data", str(bare / "data"), "--targets", str(bare / "t.yaml")
    )
    assert code == 2 and "not inside a git repository" in err
    assert "Traceback" not in err


def test_the_working_tree_is_left_untouched(repo: Repo) -> None:
    before = repo.git("status", "--porcelain")
    stamp = {p: p.stat().st_mtime_ns for p in repo.root.rglob("*") if ".git" not in p.parts}
    code, _, _ = invoke(*repo.args("status", "--rev", "v1", "--as-of", AS_OF))
    assert code == 0
    assert repo.git("status", "--porcelain") == before
    after = {p: p.stat().st_mtime_ns for p in repo.root.rglob("*") if ".git" not in p.parts}
    assert {p: t for p, t in after.items() if p in stamp} == stamp


def test_a_library_caller_closes_a_revision_checkout_without_touching_the_process(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`open_project(rev=…)` reads from a temporary checkout that belongs to the project:
    removed with it (`close()`, `with`, or the project collected), not kept until the process
    exits, so a long-running caller does not pile up checkouts."""
    import gc
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    monkeypatch.chdir(repo.root)
    with api.open_project(rev="v1") as project:
        assert [p.name[:8] for p in scratch.iterdir()] == ["pqp-rev-"]
        assert project.require_plan() is not None
    assert list(scratch.iterdir()) == []
    again = api.open_project(rev="v1")
    again.close()
    again.close()  # twice is harmless
    assert list(scratch.iterdir()) == []
    forgotten = api.open_project(rev="v1")
    assert len(list(scratch.iterdir())) == 1
    del forgotten
    gc.collect()
    assert list(scratch.iterdir()) == []


def _deep(top: Path, depth: int) -> list[str]:
    """`top` and `depth` folders one in another below it, made one level at a time (Python's
    `mkdir(parents=True)` recurses once a level), as strings (a `Path` parses every part)."""
    levels = [str(top)]
    for _ in range(depth):
        levels.append(levels[-1] + "/d")
    for level in levels:
        os.mkdir(level)
    return levels


def _remove(levels: list[str]) -> None:
    """The folders of `_deep`, bottom up, with the files they hold (`shutil.rmtree` recurses)."""
    for level in reversed(levels):
        for entry in os.scandir(level):
            if not entry.is_dir(follow_symlinks=False):
                os.unlink(entry.path)
        os.rmdir(level)


def test_a_file_a_thousand_folders_deep_is_read_at_a_revision(repo: Repo) -> None:
    """The checkout of a revision made each file's folders, and removed them after, by
    recursing once a level: a committed file ≈ 1,000 folders deep ended `--rev` in an internal
    error. It counts like any other, and nothing is left behind."""
    before = values(
        json.loads(
            invoke(*repo.args("status", "--format", "json", "--rev", "v2"), "--as-of", AS_OF)[1]
        )
    )
    levels = _deep(repo.data / "trainings" / "deep", 1100)
    Path(levels[-1], "deep.yaml").write_text(
        "- {id: TR9, title: Lean, date: 2023-03-01, topics: [improvement_tools], "
        "participants: [E1, E2, E3]}\n",
        encoding="utf-8",
    )
    try:
        repo.commit("deep", tag="v3")
    finally:
        _remove(levels)
    code, out, err = invoke(
        *repo.args("status", "--format", "json", "--rev", "v3"), "--as-of", AS_OF
    )
    assert code in (0, 1), err
    after = values(json.loads(out))
    assert after != before and after["T1"] == 3, (before, after)
    with checkout("v3", repo.data, repo.targets) as rev:
        folder = rev.data.parent
        deep = rev.data / "trainings" / "deep" / ("d/" * 1100) / "deep.yaml"
        assert deep.read_text(encoding="utf-8").startswith("- {id: TR9")
    assert not folder.exists(), "the temporary copy is removed afterwards"


def test_a_committed_path_longer_than_the_system_takes_is_said_as_such(repo: Repo) -> None:
    """A path git holds but no folder can (over 4,096 bytes): the revision is refused saying
    why, not as a tree naming a file twice."""
    blob = repo.git("hash-object", "-w", str(repo.data / "experts.yaml"))
    name = "data/trainings/long/" + "d/" * 2100 + "x.yaml"
    repo.git("update-index", "--add", "--cacheinfo", f"100644,{blob},{name}")
    repo.git("commit", "-q", "-m", "long")
    code, out, err = invoke(*repo.args("status", "--rev", "HEAD", "--no-cache"))
    assert code == 2 and out == ""
    assert "could not write" in err and "twice" not in err, err


def test_a_checkout_is_readable_by_its_owner_whatever_the_umask(repo: Repo) -> None:
    """Under a umask that takes the owner's own rights away, the folders and files of a
    revision's checkout are still the owner's to read (pqp reads them back), and are
    removed after."""
    old = os.umask(0o277)
    try:
        with checkout("v1", repo.data, repo.targets) as rev:
            folder = rev.data.parent
            modes = {p.stat().st_mode & 0o777 for p in rev.data.rglob("*") if not p.is_symlink()}
            inside = {p.stat().st_mode & 0o777 for p in rev.data.rglob("*") if p.is_dir()}
    finally:
        os.umask(old)
    assert modes <= {0o600, 0o700} and inside <= {0o700}, modes
    assert not folder.exists()
