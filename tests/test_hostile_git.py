"""Issue 10, point 1: `--rev` reads a hostile commit without writing outside its checkout,
follows links as a checkout would, names what it leaves out and fails plainly on a missing object."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from gitrepo import GIT, Repo, invoke, two_commits

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

AS_OF = "2024-06-30"


def git(repo: Repo, *args: str, stdin: bytes | None = None) -> str:
    done = subprocess.run(
        [*GIT, *args], cwd=repo.root, input=stdin, capture_output=True, check=True
    )
    return done.stdout.decode().strip()


def tree(repo: Repo, entries: list[tuple[str, str, str]]) -> str:
    """A tree object written as given (any names, even `..`): (mode, name, object id)."""
    raw = b"".join(
        mode.encode() + b" " + name.encode() + b"\0" + bytes.fromhex(oid)
        for mode, name, oid in sorted(entries, key=lambda e: e[1])
    )
    return git(repo, "hash-object", "--literally", "-t", "tree", "-w", "--stdin", stdin=raw)


def blob(repo: Repo, text: str) -> str:
    return git(repo, "hash-object", "-w", "--stdin", stdin=text.encode())


def commit_with_data(repo: Repo, extra: list[tuple[str, str, str]], tag: str) -> None:
    """A commit of v2's tree whose data folder also holds `extra` entries."""
    data_entries = [
        (line.split()[0], line.split("\t")[1], line.split()[2])
        for line in git(repo, "ls-tree", "v2", "data/").splitlines()
    ]
    data_entries = [(m, n.removeprefix("data/"), o) for m, n, o in data_entries]
    data_tree = tree(repo, data_entries + extra)
    targets = git(repo, "rev-parse", "v2:targets.yaml")
    top = tree(repo, [("40000", "data", data_tree), ("100644", "targets.yaml", targets)])
    made = git(repo, "commit-tree", top, "-m", tag, stdin=b"")
    git(repo, "tag", tag, made)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return two_commits(tmp_path / "repo")


def figures(repo: Repo, rev: str) -> tuple[int, dict, str]:
    code, out, err = invoke(
        *repo.args("status", "--rev", rev, "--as-of", AS_OF, "--format", "json")
    )
    return code, (json.loads(out) if code in (0, 1) else {}), err


def test_a_dot_dot_entry_writes_nothing_outside_and_is_named(
    repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))  # checkouts go in here
    (tmp_path / "tmp").mkdir()
    payload = blob(repo, "- {id: X9, name: Evil, qualified_on: 2022-01-10}\n")
    inner = tree(repo, [("100644", "pwned.yaml", payload)])
    up = tree(repo, [("40000", "..", tree(repo, [("40000", "..", inner)]))])
    commit_with_data(repo, [("40000", "escape", up)], "evil")
    code, doc, err = figures(repo, "evil")
    assert not list(tmp_path.rglob("pwned.yaml")), "nothing written outside the data folder"
    assert code == 2
    assert "data/escape/../../pwned.yaml" in err and "internal" not in err


def test_a_link_out_of_the_data_folder_is_left_out_as_on_disk(repo: Repo) -> None:
    link = blob(repo, "../../experts-shared.yaml")
    experts = blob(repo, "- {id: X8, name: Lê Bình, qualified_on: 2022-01-10}\n")
    folder = tree(repo, [("120000", "shared.yaml", link)])
    commit_with_data(repo, [("40000", "experts", folder)], "linked-in")
    # the link's target lives outside the data folder but inside the repository
    data_entries = git(repo, "ls-tree", "linked-in", "data/").splitlines()
    data_tree = git(repo, "rev-parse", "linked-in:data")
    targets = git(repo, "rev-parse", "v2:targets.yaml")
    top = tree(
        repo,
        [
            ("40000", "data", data_tree),
            ("100644", "targets.yaml", targets),
            ("100644", "experts-shared.yaml", experts),
        ],
    )
    git(repo, "tag", "linked", git(repo, "commit-tree", top, "-m", "linked", stdin=b""))
    assert data_entries
    code, doc, err = figures(repo, "linked")
    assert code == 0, err  # as in a checkout: a link out of the data folder is not followed
    assert {t["id"]: t["value"] for t in doc["targets"]}["T5b"] == 2
    assert "1 file(s) left out" in err


def test_a_link_outside_the_repository_is_named(repo: Repo) -> None:
    link = blob(repo, "/etc/passwd.yaml")
    commit_with_data(repo, [("120000", "experts-x.yaml", link)], "linked-out")
    code, doc, err = figures(repo, "linked-out")
    assert code == 0
    assert "1 file(s) left out" in err
    assert {t["id"]: t["value"] for t in doc["targets"]}["T5b"] == 2


def test_a_submodule_under_the_data_folder_is_named(repo: Repo) -> None:
    commit_id = git(repo, "rev-parse", "v1")
    commit_with_data(repo, [("160000", "trainings-sub", commit_id)], "with-submodule")
    code, doc, err = figures(repo, "with-submodule")
    assert code == 0
    assert "figures at with-submodule leave out data/trainings-sub" in err
    code, _, err = invoke(*repo.args("diff", "v2", "with-submodule", "--as-of", AS_OF))
    assert code == 0 and "data/trainings-sub" in err


def test_a_missing_object_is_exit_2_with_a_clear_message(repo: Repo) -> None:
    missing = "0123456789abcdef0123456789abcdef01234567"
    commit_with_data(repo, [("100644", "units.yaml", missing)], "broken")
    code, _, err = figures(repo, "broken")
    assert code == 2
    assert "internal" not in err and "missing" in err and "data/units.yaml" in err


def test_diff_markdown_escapes_names_from_data(repo: Repo) -> None:
    repo.write(
        "data/enterprises.yaml",
        "- {id: E1, name: A, type: enterprise}\n- {id: E2, name: HTX, type: cooperative}\n"
        "- {id: E4, name: '<img src=x onerror=alert(1)> [x](javascript:1)', type: household}\n",
    )
    repo.write(
        "data/trainings.yaml",
        "- {id: TR1, title: 5S, date: 2022-05-15, topics: [improvement_tools], participants: [E4]}\n",
    )
    repo.commit("hostile names", tag="v3")
    code, out, err = invoke(
        *repo.args("diff", "v1", "v3", "--as-of", AS_OF, "--format", "markdown")
    )
    assert code == 0, err
    assert "javascript" in out and "<img" not in out and "](javascript" not in out


def test_a_file_listed_twice_is_refused_not_silently_replaced(repo: Repo) -> None:
    other = blob(repo, "- {id: X7, name: Ba, qualified_on: 2022-01-10}\n")
    commit_with_data(repo, [("100644", "experts.yaml", other)], "twice")
    code, _, err = figures(repo, "twice")
    assert code == 2 and "experts.yaml" in err and "twice" in err and "internal" not in err


def test_a_file_and_a_folder_of_one_name_are_named_by_that_name(repo: Repo) -> None:
    inner = tree(repo, [("100644", "2021.yaml", blob(repo, "[]\n"))])
    clash = [("100644", "trainings", blob(repo, "x\n")), ("40000", "trainings", inner)]
    commit_with_data(repo, clash, "clash")
    code, _, err = figures(repo, "clash")
    assert code == 2 and "'data/trainings' twice" in err, err


def test_what_git_says_is_marked_as_git_s_own_words(repo: Repo) -> None:
    from pqp_cli.core.messages import phrase

    en, vi = phrase("git-cannot-list", spec="data", commit="abc", why="fatal: bad tree")
    assert "git: fatal: bad tree" in en and "git báo: fatal: bad tree" in vi, (en, vi)
