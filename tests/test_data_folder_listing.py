"""The data folder's listing (issue 10, and the deep folders of issue 12's tenth round): every
file under it counts or is named, links are followed only while they stay inside it, a folder
that cannot be listed is an error naming it, and no depth, link or removed working folder
ends a run in an internal error.

Every test goes through the CLI, as a user would, or through the listing itself
(`read/datafiles`), and asserts what a user relies on.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from gitrepo import invoke
from test_hostile_reading import ENTERPRISES, TRAININGS, args, project, status, validate


def test_dangling_symlink_and_loop_are_errors_naming_the_path(tmp_path: Path) -> None:
    root = project(tmp_path, {"trainings.yaml": TRAININGS})
    (root / "data" / "trainings").mkdir()
    os.symlink(root / "nowhere.yaml", root / "data" / "trainings" / "gone.yaml")
    os.symlink("loop.yaml", root / "data" / "trainings" / "loop.yaml")
    code, problems = validate(root)
    assert code == 1
    files = {p["file"] for p in problems if p["severity"] == "error"}
    assert any(f.endswith("trainings/gone.yaml") for f in files), problems
    assert any(f.endswith("trainings/loop.yaml") for f in files), problems


def test_a_file_a_thousand_folders_deep_counts(tmp_path: Path) -> None:
    """Python's own `os.walk` recurses once a folder: past ≈ 1,000 levels it ran out of stack,
    and every command ended in an internal error. The file at the bottom counts like any."""
    root = project(tmp_path, {})
    levels = [str(root / "data" / "trainings")]  # strings: a `Path` parses every part
    for _ in range(1100):
        levels.append(levels[-1] + "/d")
    for level in levels:
        os.mkdir(level)
    deep = Path(levels[-1], "deep.yaml")
    deep.write_text(TRAININGS, encoding="utf-8")
    try:
        assert validate(root) == (0, [])
        assert status(root)["targets"][0]["value"] == 1
    finally:  # bottom up: Python's `shutil.rmtree` recurses too, and pytest removes with it
        deep.unlink()
        for level in reversed(levels):
            os.rmdir(level)


def test_a_folders_real_path_is_what_realpath_says(tmp_path: Path) -> None:
    """The listing asks the system where a folder is in one step (`real_folder`, given the
    answer it expects when no link is on the way): the same answer as Python's `realpath`
    through relative, absolute, chained and `..` links, a link to nowhere, a loop and a
    folder no one may read."""
    from pqp_cli.read.datafiles import real_folder

    (tmp_path / "a" / "b" / "c").mkdir(parents=True)
    (tmp_path / "x").mkdir()
    (tmp_path / "locked").mkdir(mode=0)
    links = {
        "rel": "a/b",
        "chain": "rel/c",
        "abs": str(tmp_path / "a"),
        "up": "a/b/../../x",
        "nowhere": "gone",
        "loop": "loop",
        "a/b/c/back": "../..",
    }
    for name, target in links.items():
        os.symlink(target, tmp_path / name)
    paths = [str(tmp_path / p) for p in [*links, "a", "a/b/c", "locked", "chain/back/b"]]
    paths += [str(tmp_path / "rel" / ".." / "b"), str(tmp_path) + "/./a//b/"]
    try:
        plain = [
            os.path.join(os.path.realpath(os.path.dirname(p)), os.path.basename(p)) for p in paths
        ]
        assert [real_folder(p, q) for p, q in zip(paths, plain, strict=True)] == [
            os.path.realpath(p) for p in paths
        ]
    finally:
        (tmp_path / "locked").chmod(0o755)


def test_a_folder_link_that_leads_nowhere_or_in_a_loop_is_an_error(tmp_path: Path) -> None:
    """A link in a folder's place (no suffix) that leads nowhere or round in a loop names its
    path: `trainings -> /mnt/old-drive/trainings` gone dark took every training with it in
    silence (a link to no folder is listed among the files, and it has no .yaml)."""
    root = project(tmp_path, {"enterprises.yaml": ENTERPRISES})
    os.symlink(tmp_path / "unplugged" / "trainings", root / "data" / "trainings")
    os.symlink("certifications", root / "data" / "certifications")
    os.symlink("experts-2024", root / "data" / "experts")
    (tmp_path / "LICENSE").write_text("x", encoding="utf-8")
    os.symlink(tmp_path / "LICENSE", root / "data" / "LICENSE")  # a file, not data: as before
    os.symlink(tmp_path / "nowhere.md", root / "data" / "README.md")  # not data: as before
    code, problems = validate(root)
    assert code == 1
    named = sorted(p["file"].rsplit("/", 1)[-1] for p in problems if p["severity"] == "error")
    assert named == ["certifications", "experts", "trainings"], problems


def test_why_a_path_cannot_be_read_is_said_in_vietnamese_under_vi(tmp_path: Path) -> None:
    """The system's reason (no such file, a loop of links) and pqp's own (a link out of the
    data folder) in Vietnamese words: they were the system's English inside Vietnamese text."""
    root = project(tmp_path, {"trainings.yaml": TRAININGS})
    os.symlink(tmp_path / "unplugged", root / "data" / "certifications")
    os.symlink("experts", root / "data" / "experts")
    os.symlink(tmp_path, root / "data" / "units")
    code, out, _ = invoke(*args(root, "validate", "--no-cache", "--lang", "vi"))
    assert code == 1
    said = {line.split(": ")[0].rsplit("/", 1)[-1]: line for line in out.splitlines()}
    assert "không có tệp hay thư mục này" in said["certifications"]
    assert "vòng lặp liên kết" in said["experts"]
    assert "dẫn ra ngoài thư mục dữ liệu" in said["units"]
    for english in ("No such file", "Too many levels", "a link leading out"):
        assert english not in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_sub_folder_is_an_error(tmp_path: Path) -> None:  # pragma: no cover
    root = project(tmp_path, {"trainings/2022/a.yaml": TRAININGS})
    locked = root / "data" / "trainings" / "2022"
    locked.chmod(0)
    try:
        code, problems = validate(root)
    finally:
        locked.chmod(0o755)
    assert code == 1
    assert any(p["file"].endswith("trainings/2022") for p in problems), problems


def test_unreadable_sub_folder_is_an_error_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, {"trainings/2022/a.yaml": TRAININGS})
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if str(path).endswith(os.path.join("trainings", "2022")):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    code, problems = validate(root)
    assert code == 1
    assert any(p["file"].endswith("trainings/2022") for p in problems), problems


def test_a_link_out_of_the_data_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.yaml").write_text("- id: 'E9'\n  name: S\n  type: other\n", encoding="utf-8")
    root = project(tmp_path / "p", {"trainings.yaml": TRAININGS})
    os.symlink(outside, root / "data" / "enterprises-more")
    os.symlink(outside / "secret.yaml", root / "data" / "units.yaml")
    code, problems = validate(root)
    assert code == 1
    named = sorted(p["file"].rsplit("/", 1)[-1] for p in problems if p["code"] == "encoding")
    assert named == ["enterprises-more", "units.yaml"], problems
    assert "secret" not in json.dumps(problems).replace("secret.yaml", "")


def test_a_folder_swapped_for_a_link_out_while_listed_has_nothing_below_it_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`trainings/` is a real folder when the data folder's listing checks it, and a link out
    of the data folder by the time the walk lists it (another program's doing): no folder
    below it is read. A listing that took a folder's real path as its parent's joined with its
    name read the whole outside tree; each folder's real path is asked as it is met."""
    from pqp_cli.read import datafiles

    data, outside = tmp_path / "data", tmp_path / "outside"
    (data / "trainings").mkdir(parents=True)
    (data / "trainings" / "t.yaml").write_text("- id: in\n", encoding="utf-8")
    (outside / "deeper").mkdir(parents=True)
    (outside / "deeper" / "secret.yaml").write_text("- id: out\n", encoding="utf-8")
    walk = datafiles._walk

    def swapping_walk(top: str, onerror):  # type: ignore[no-untyped-def]
        for listed in walk(top, onerror):
            yield listed
            if listed[0] == str(data):  # `trainings` checked, not listed yet
                (data / "trainings" / "t.yaml").unlink()
                (data / "trainings").rmdir()
                (data / "trainings").symlink_to(outside)

    monkeypatch.setattr(datafiles, "_walk", swapping_walk)
    found, problems = datafiles.scan(data)
    assert not [p for _, p in found if "deeper" in p.parts], found
    assert [p.file.rsplit("/", 1)[-1] for p in problems] == ["deeper"]


def test_a_run_whose_working_folder_was_removed_names_files_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from a folder removed meanwhile, with the data named in full: each problem names
    its file in full (there is no current folder to be below), where it was an internal
    error."""
    root = project(tmp_path / "p", {"trainings.yaml": TRAININGS + "- id: TH-0001\n"})
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    code, problems = validate(root)
    assert code == 1
    assert [(p["code"], p["file"]) for p in problems][:1] == [
        ("duplicate-id", str(root / "data" / "trainings.yaml"))
    ], problems


@pytest.mark.parametrize(
    ("command", "lang", "says"),
    [
        (["status"], "en", "the current folder no longer exists"),
        (["status", "--lang", "vi"], "vi", "thư mục hiện tại không còn nữa"),
        (["validate", "--data", "{data}"], "en", "give every path in full"),
        (["explain", "T1", "--data", "../gone/data", "--targets", "{targets}"], "en", "no longer"),
    ],
)
def test_a_removed_working_folder_is_said_plainly_when_a_path_depends_on_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], lang: str, says: str
) -> None:
    """No default can be found and no relative path read from a folder that is gone: a refusal
    in the user's language (exit 2), where it was an internal error."""
    root = project(tmp_path / "p", {"trainings.yaml": TRAININGS})
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    paths = {"data": str(root / "data"), "targets": str(root / "targets.yaml")}
    code, _, err = invoke(*[part.format(**paths) for part in command])
    assert code == 2 and says in err, err


@pytest.mark.parametrize("alias", ["tr", "zz", "trainings-old"])
def test_a_second_name_for_a_folder_is_the_one_refused_whatever_the_order(
    tmp_path: Path, alias: str
) -> None:
    """A link inside the data folder to a folder read under its own name is refused, never the
    folder: `tr -> trainings`, sorted first, took the trainings' place and their records
    counted as nothing (T1 1 -> 0), the real folder refused as 'a loop'."""
    plain = project(tmp_path / "plain", {"trainings/2022.yaml": TRAININGS})
    root = project(tmp_path / "linked", {"trainings/2022.yaml": TRAININGS})
    os.symlink("trainings", root / "data" / alias)
    assert [t["value"] for t in status(root)["targets"]] == [
        t["value"] for t in status(plain)["targets"]
    ]
    code, problems = validate(root)
    named = [p["file"].rsplit("/", 1)[-1] for p in problems if p["severity"] == "error"]
    assert code == 1 and named == [alias], problems
    assert "read under its own name" in problems[0]["message"], problems


@pytest.mark.parametrize("alias", ["old", "-old", "zz"])
def test_a_link_to_a_hidden_folder_is_read_whatever_its_name(tmp_path: Path, alias: str) -> None:
    """A hidden folder is walked under no name, so a link to it is its only name: read, never
    'a loop' (`old` sorted after `.archive` and was refused, `-old` before it was read)."""
    plain = project(tmp_path / "plain", {"trainings/2022.yaml": TRAININGS})
    root = project(tmp_path / "linked", {"trainings/.archive/2022.yaml": TRAININGS})
    os.symlink(".archive", root / "data" / "trainings" / alias)
    assert status(root)["targets"] == status(plain)["targets"]
    assert validate(root) == (0, []), alias


def test_the_template_runs_from_a_removed_folder_given_its_paths_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path / "p", {})
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    out = tmp_path / "t.xlsx"
    code, _, err = invoke(
        "template", "trainings", "--output", str(out), "--targets", str(root / "targets.yaml")
    )
    assert code == 0 and out.is_file(), err
