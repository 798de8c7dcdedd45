"""Issue 10, second round: `--rev` resolves links exactly as the files on disk are read, never
from replies that data can desynchronise, and bounds what it writes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from gitrepo import Repo, invoke, two_commits
from test_hostile_git import AS_OF, blob, commit_with_data, figures, git, tree

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return two_commits(tmp_path / "repo")


def values(doc: dict) -> dict[str, object]:
    return {t["id"]: t["value"] for t in doc["targets"]}


def test_a_link_target_with_a_line_break_cannot_desync_the_links(repo: Repo) -> None:
    # a blob in the object store but in no tree: a training for E2 and E3
    hidden = blob(
        repo,
        "- {id: TR9, title: X, date: 2022-05-15, topics: [improvement_tools], "
        "participants: [E2, E3]}\n",
    )
    empty = blob(repo, "[]\n")
    evil = blob(repo, f"/nonexist\n{hidden} blob 1")
    honest = blob(repo, "empty.yaml")
    folder = tree(
        repo,
        [
            ("100644", "empty.yaml", empty),
            ("120000", "zz1.yaml", evil),
            ("120000", "zz2.yaml", honest),
        ],
    )
    commit_with_data(repo, [("40000", "trainings", folder)], "desync")
    code, doc, err = figures(repo, "desync")
    assert code == 2, (doc and values(doc), err)
    assert "data/trainings/zz1.yaml" in err and "internal" not in err


def test_a_link_name_with_a_line_break_is_refused(repo: Repo) -> None:
    link = blob(repo, "enterprises.yaml")
    commit_with_data(repo, [("120000", "l\nx.yaml", link)], "nlname")
    code, _, err = figures(repo, "nlname")
    assert code == 2 and "internal" not in err
    assert "l\\nx.yaml" in err and "l\nx.yaml" not in err


def test_rev_head_reads_links_as_a_checkout_of_head_does(repo: Repo) -> None:
    (repo.root / "data" / "trainings").mkdir(exist_ok=True)
    (repo.root / "data" / "trainings" / "2023.yaml").unlink()
    repo.write("shared/experts.yaml", "- {id: X8, name: Lê Bình, qualified_on: 2022-01-10}\n")
    os.symlink("../shared/experts.yaml", repo.data / "experts-more.yaml")
    os.symlink("../shared", repo.data / "experts")
    os.symlink("experts.yaml", repo.data / "experts-again.yml")
    os.symlink("..", repo.data / "up")
    repo.commit("links", tag="links")
    base = ("status", "--format", "json", "--no-cache", "--as-of", AS_OF)
    disk, head = invoke(*repo.args(*base)), invoke(*repo.args(*base, "--rev", "HEAD"))
    assert disk[:2] == head[:2] and disk[2] == head[2], (disk, head)
    assert "3 file(s) left out" in disk[2]
    code, out, err = invoke(*repo.args("diff", "HEAD", "--as-of", AS_OF, "--format", "json"))
    assert code == 0, err
    assert all(t["change"] in (0, None) for t in json.loads(out)["targets"]), out


def test_links_up_the_tree_write_no_copies(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    up = blob(repo, "..")
    commit_with_data(repo, [("120000", f"up{i}", up) for i in range(30)], "ups")
    code, doc, err = figures(repo, "ups")
    assert code == 0 and "internal" not in err
    assert values(doc) == values(figures(repo, "v2")[1])
    # everything materialised is bounded: beyond the cap, a clear refusal
    from pqp_cli.load import gitrev

    monkeypatch.setattr(gitrev, "MAX_BYTES", 10)
    code, _, err = figures(repo, "v2")
    assert code == 2 and "too large" in err and "internal" not in err


@pytest.mark.parametrize("command", ["status", "explain", "diff"])
def test_a_range_is_not_a_single_revision(repo: Repo, command: str) -> None:
    extra = ["T1"] if command == "explain" else []
    rev = ["^HEAD"] if command == "diff" else ["--rev", "^HEAD"]
    code, _, err = invoke(*repo.args(command, *extra, *rev, "--as-of", AS_OF))
    assert code == 2 and "not a single revision" in err, err


def test_data_as_a_file_at_a_revision_says_so(repo: Repo) -> None:
    targets = git(repo, "rev-parse", "v2:targets.yaml")
    top = tree(repo, [("100644", "data", blob(repo, "x\n")), ("100644", "targets.yaml", targets)])
    git(repo, "tag", "flat", git(repo, "commit-tree", top, "-m", "flat", stdin=b""))
    code, _, err = figures(repo, "flat")
    assert code == 2 and "data is not a folder" in err and "pqp-rev-" not in err, err


@pytest.mark.parametrize("layout", ["elsewhere", "top"])
def test_a_linked_data_folder_reads_as_on_disk(repo: Repo, layout: str) -> None:
    (repo.data / "trainings" / "2023.yaml").unlink()
    real = repo.root / "real"
    repo.data.rename(real)
    if layout == "top":  # data -> . : the data folder is the repository's top
        for path in list(real.iterdir()):
            path.rename(repo.root / path.name)
        real.rmdir()
    os.symlink("real" if layout == "elsewhere" else ".", repo.data)
    repo.commit("linked data", tag="linked")
    base = ("status", "--format", "json", "--no-cache", "--as-of", AS_OF)
    disk, head = invoke(*repo.args(*base)), invoke(*repo.args(*base, "--rev", "HEAD"))
    assert disk == head and disk[0] == 0, (disk, head)


def test_a_targets_link_in_the_data_folder_is_not_followed_out_of_the_commit(
    repo: Repo, tmp_path: Path
) -> None:
    outside = tmp_path / "outside-targets.yaml"
    outside.write_text((repo.root / "targets.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    os.symlink(outside, repo.data / "targets.yaml")
    repo.commit("targets linked out", tag="out")
    command = ["status", "--rev", "out", "--as-of", AS_OF, "--data", str(repo.data)]
    code, _, err = invoke(*command, "--targets", str(repo.data / "targets.yaml"))
    assert code == 2 and "leads outside the repository" in err, err


def test_a_folder_link_on_the_way_to_the_targets_never_reads_them_outside(
    repo: Repo, tmp_path: Path
) -> None:
    # data/conf is committed as a link to a folder outside; the file there is not the commit's
    outside = tmp_path / "outside"
    outside.mkdir()
    text = (repo.root / "targets.yaml").read_text(encoding="utf-8")
    (outside / "targets.yaml").write_text(text.replace("target: 3", "target: 999"), "utf-8")
    os.symlink(outside, repo.data / "conf")
    repo.commit("conf linked out", tag="conf")
    (repo.data / "conf").unlink()  # the working tree no longer has it; the commit does
    command = ["status", "--rev", "conf", "--as-of", AS_OF, "--format", "json"]
    command += ["--data", str(repo.data), "--targets", str(repo.data / "conf" / "targets.yaml")]
    code, out, err = invoke(*command)
    assert code == 2 and "999" not in out, (code, out)
    assert "data/conf" in err and "outside the repository" in err, err


def test_targets_through_a_link_inside_the_commit_are_the_committed_file(repo: Repo) -> None:
    # data/conf -> ../conf, and a link in the data folder to the same file: a checkout reads the
    # committed targets through data/conf, never an empty stand-in for the other link's target
    (repo.root / "conf").mkdir()
    (repo.root / "targets.yaml").rename(repo.root / "conf" / "targets.yaml")
    os.symlink("../conf", repo.data / "conf")
    os.symlink("../conf/targets.yaml", repo.data / "a-link.yaml")
    repo.commit("conf inside", tag="inside")
    base = ["status", "--format", "json", "--no-cache", "--as-of", AS_OF, "--data", str(repo.data)]
    base += ["--targets", str(repo.data / "conf" / "targets.yaml")]
    disk, head = invoke(*base), invoke(*base, "--rev", "inside")
    assert disk[0] in (0, 1) and values(json.loads(disk[1])) == values(json.loads(head[1])), head


def test_a_missing_folder_on_the_way_to_the_targets_is_named_as_a_folder(repo: Repo) -> None:
    command = ["status", "--rev", "v2", "--as-of", AS_OF, "--data", str(repo.data)]
    code, _, err = invoke(*command, "--targets", str(repo.root / "nowhere" / "targets.yaml"))
    assert code == 2 and "folder nowhere does not exist" in err, err


def _plan_with(repo: Repo, folder: str, target: int) -> None:
    text = (repo.root / "targets.yaml").read_text(encoding="utf-8")
    repo.write(f"{folder}/targets.yaml", text.replace("target: 3", f"target: {target}"))


def test_a_link_on_the_way_is_followed_in_the_commit_not_on_disk(repo: Repo) -> None:
    # at `b`, conf -> confB; on disk (and at HEAD) conf -> confA: --rev b reads confB's plan
    _plan_with(repo, "confA", 5)
    _plan_with(repo, "confB", 7)
    os.symlink("confB", repo.root / "conf")
    repo.commit("conf is B", tag="b")
    (repo.root / "conf").unlink()
    os.symlink("confA", repo.root / "conf")
    repo.commit("conf is A", tag="a")
    base = ["status", "--format", "json", "--as-of", AS_OF, "--data", str(repo.data)]
    for path in ("conf/targets.yaml", "data/../conf/targets.yaml"):
        code, out, err = invoke(*base, "--targets", str(repo.root / path), "--rev", "b")
        assert code in (0, 1), err
        assert [t["target"] for t in json.loads(out)["targets"]][0] == 7, (path, out)


def test_a_data_folder_reached_through_a_link_at_the_revision_is_the_commit_s(
    repo: Repo,
) -> None:
    # at `b`, store -> old (three trained); on disk store -> new (no training): store/data
    shutil.copytree(repo.data, repo.root / "old" / "data")
    shutil.copytree(repo.data, repo.root / "new" / "data")
    shutil.rmtree(repo.root / "new" / "data" / "trainings")
    (repo.root / "new" / "data" / "trainings.yaml").write_text("[]\n", encoding="utf-8")
    os.symlink("old", repo.root / "store")
    repo.commit("store is old", tag="b")
    (repo.root / "store").unlink()
    os.symlink("new", repo.root / "store")
    command = ["status", "--format", "json", "--as-of", AS_OF, "--rev", "b"]
    command += ["--data", str(repo.root / "store" / "data"), "--targets", str(repo.targets)]
    code, out, err = invoke(*command)
    assert code in (0, 1) and values(json.loads(out))["T1"] == 3, (out, err)


def test_a_link_loop_at_the_revision_is_said_to_be_one(repo: Repo) -> None:
    os.symlink("loopb.yaml", repo.root / "loopa.yaml")
    os.symlink("loopa.yaml", repo.root / "loopb.yaml")
    repo.commit("loop", tag="loop")
    command = ["status", "--rev", "loop", "--as-of", AS_OF, "--data", str(repo.data)]
    code, _, err = invoke(*command, "--targets", str(repo.root / "loopa.yaml"))
    assert code == 2 and "loop" in err and "does not exist" not in err, err


def test_a_targets_error_at_a_revision_names_the_file_in_the_commit(repo: Repo) -> None:
    repo.write("bad.yaml", "plan: {}\n")
    repo.commit("bad", tag="bad")
    command = ["status", "--rev", "bad", "--as-of", AS_OF, "--data", str(repo.data)]
    code, _, err = invoke(*command, "--targets", str(repo.root / "bad.yaml"))
    assert code == 2 and "bad:bad.yaml" in err and "pqp-rev-" not in err, err
