"""An edit that changes no record (a comment, a blank line at the end, another quoting) costs the
one file it touched: the last run's dataset, problems and answers hold. Any other edit, even one
that only moves lines, is read afresh: every output stays that of `--no-cache`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_cache import PERIOD, TODAY, cli, load, outputs, sample, user, write

from pqp_cli.cache import dataset as cached
from pqp_cli.load.dataset import load_dataset


@pytest.fixture(autouse=True)
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("PQP_NO_CACHE", raising=False)


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def no_full_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the run if it reads and checks the dataset whole."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the dataset was read and checked whole")

    monkeypatch.setattr(cached, "read_and_check", refuse)


SAME_RECORDS = [
    ("trainings/2023.yaml", "participants: [E2, E3]\n", "participants: [E2, E3]\n# checked\n\n"),
    ("trainings/2023.yaml", "title: Lớp 2", "title: 'Lớp 2'  # renamed later?"),
    ("enterprises.yaml", "name: Cty Hà Thanh", 'name: "Cty Hà Thanh"'),
]


@pytest.mark.parametrize(("name", "old", "new"), SAME_RECORDS)
def test_an_edit_that_changes_no_record_reads_one_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, old: str, new: str
) -> None:
    root = write(tmp_path)
    before = outputs(root)
    edit(root, name, old, new)
    fresh = outputs(root, "--no-cache")
    assert fresh == before  # the edit indeed changes no output
    with monkeypatch.context() as patch:
        no_full_read(patch)
        assert outputs(root) == fresh
        assert outputs(root) == fresh  # and the next run finds it at once


MOVED_OR_CHANGED = [
    ("trainings/2023.yaml", "- id: T1\n", "# a comment that moves every line\n- id: T1\n"),
    ("trainings/2023.yaml", "date: 2031-01-01", "date: 2030-01-01"),
    ("enterprises.yaml", "name: Cty Hà Thanh", "name: Cty  Hà Thanh"),
    ("certifications/a.yaml", "achieved_on: 2019-05-01\n", "achieved_on: 2019-05-01\n\n\n"),
]


@pytest.mark.parametrize(("name", "old", "new"), MOVED_OR_CHANGED)
def test_an_edit_that_moves_lines_or_changes_a_value_is_read_afresh(
    tmp_path: Path, name: str, old: str, new: str
) -> None:
    root = write(tmp_path)
    outputs(root)
    edit(root, name, old, new)
    assert outputs(root) == outputs(root, "--no-cache")


def test_one_file_reading_the_same_and_another_changed_reads_afresh(tmp_path: Path) -> None:
    root = write(tmp_path)
    before = outputs(root)
    edit(root, "trainings/2023.yaml", "participants: [E2, E3]\n", "participants: [E2, E3]\n#\n")
    edit(root, "experts.yaml", "unit: U9", "unit: U1")
    after = outputs(root)
    assert after == outputs(root, "--no-cache")
    assert after != before


def test_a_file_renamed_or_added_with_the_same_records_is_read_afresh(tmp_path: Path) -> None:
    root = write(tmp_path)
    outputs(root)
    data = root / "data"
    (data / "experts.yaml").rename(data / "experts-2.yaml")
    assert outputs(root) == outputs(root, "--no-cache")
    (data / "units-copy.yaml").write_bytes((data / "units.yaml").read_bytes())
    assert outputs(root) == outputs(root, "--no-cache")


def test_a_value_changed_after_a_comment_was_taken_as_the_same_is_read_afresh(
    tmp_path: Path,
) -> None:
    root = write(tmp_path)
    outputs(root)
    edit(root, "trainings/2023.yaml", "participants: [E2, E3]\n", "participants: [E2, E3]\n#\n")
    outputs(root)
    edit(root, "trainings/2023.yaml", "participants: [E2, E3]", "participants: [E2, E4]")
    assert outputs(root) == outputs(root, "--no-cache")


def test_another_day_or_period_never_takes_the_last_dataset(tmp_path: Path) -> None:
    root = write(tmp_path)
    load(root, use_cache=True)
    edit(root, "trainings/2023.yaml", "participants: [E2, E3]\n", "participants: [E2, E3]\n#\n")
    later = dt.date(2031, 6, 1)  # T2's date is no longer in the future
    for period, today in ((PERIOD, later), ((dt.date(2022, 1, 1), PERIOD[1]), TODAY)):
        got = [
            sample(load_dataset(root / "data", period=period, today=today, settings=settings))
            for settings in (user(root), user(root, no_cache=True))
        ]
        assert got[0] == got[1]


RECORD_EDITS = [
    ("experts.yaml", "unit: U9", "unit: U1"),  # a reference mended
    ("enterprises/huyen-a.yml", "- id: E4", "- id: E2"),  # an id taken twice across files
    ("enterprises/huyen-a.yml", "type: houshold", "type: household\n  tax_code: '2801234567'"),
    ("certifications/a.yaml", "scheme: HACCP", "scheme: HACCPP"),  # an unknown scheme
    ("trainings/2023.yaml", "- E9\n", "- E3\n"),  # a training now the same as none, E3 trained
]


@pytest.mark.parametrize(("name", "old", "new"), RECORD_EDITS)
def test_an_edited_record_decodes_no_other_file_for_validate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, old: str, new: str
) -> None:
    """The rules across records run on what the cache kept of the other files: `validate`
    decodes none of their records, and says what `--no-cache` says."""
    from pqp_cli.cache import checking

    root = write(tmp_path)
    outputs(root)
    edit(root, name, old, new)
    decoded: list[str] = []
    real = checking.decode_read

    def counted(kind: str, file: str, payload: bytes) -> object:
        decoded.append(file)
        return real(kind, file, payload)

    with monkeypatch.context() as patch:
        patch.setattr(checking, "decode_read", counted)
        cached = cli(root, "validate", "--format", "json")
    assert decoded == []
    assert cached == cli(root, "validate", "--format", "json", "--no-cache")
    assert outputs(root) == outputs(root, "--no-cache")
