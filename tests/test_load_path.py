"""Loading as a library call: with the cache off it does no cache work at all, it takes its
settings only as given (the environment is the command line's to read), and it leaves the
garbage collector as it found it (freezing what was loaded is the command line's choice)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqp_cli.cache import dataset as cached
from pqp_cli.cache.store import CACHE_DIR
from pqp_cli.cli import common
from pqp_cli.cli.app import app
from pqp_cli.core.settings import Settings
from pqp_cli.load.dataset import load_dataset
from pqp_cli.read import pool

ENTERPRISES = """\
- id: E1
  name: Công ty A
  type: enterprise
- id: E2
  name: HTX B
  type: cooperative
"""
TRAININGS = """\
- id: TH-1
  title: 5S
  date: 2022-05-15
  topics: [improvement_tools]
  participants: [E1, E2]
"""
TARGETS = """\
plan: {id: p, period: {start: 2021-01-01, end: 2025-12-31}}
targets:
  - {id: T1, metric: trained_establishments, target: 3}
"""
runner = CliRunner()


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "enterprises.yaml").write_text(ENTERPRISES, encoding="utf-8")
    (tmp_path / "data" / "trainings.yaml").write_text(TRAININGS, encoding="utf-8")
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    return tmp_path


@pytest.fixture
def no_cache_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any step of the cache (the cached load, encoding a file's reading) fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("cache work with the cache off")

    monkeypatch.setattr(cached, "load", refuse)
    monkeypatch.setattr(pool, "encode_read", refuse)


def cli(root: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = runner.invoke(
        app,
        [*args, "--data", str(root / "data"), "--targets", str(root / "targets.yaml")],
        env={"PQP_LANG": "", "NO_COLOR": "1", **(env or {})},
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


@pytest.mark.usefixtures("no_cache_work")
def test_without_the_cache_nothing_is_hashed_encoded_or_written(root: Path) -> None:
    settings = Settings(no_cache=True, cache_home=root / "user-cache")
    dataset = load_dataset(root / "data", settings=settings)
    assert dataset.problems == [] and dataset.records_left_out == 0
    assert sorted(dataset.enterprises) == ["E1", "E2"] and list(dataset.trainings) == ["TH-1"]
    assert not (root / "data" / CACHE_DIR).exists()
    assert not (root / "user-cache").exists()  # no key made either


@pytest.mark.usefixtures("no_cache_work")
@pytest.mark.parametrize(
    ("flag", "env"), [("--no-cache", {}), (None, {"PQP_NO_CACHE": "1"})], ids=["flag", "env"]
)
def test_the_command_line_turns_the_cache_off(
    root: Path, flag: str | None, env: dict[str, str]
) -> None:
    for command in (("validate",), ("status", "--format", "json", "--as-of", "2023-01-01")):
        code, out = cli(root, *command, *([flag] if flag else []), env=env)
        assert code == 0 and out
    assert not (root / "data" / CACHE_DIR).exists()


def test_the_library_reads_no_environment(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PQP_NO_CACHE, XDG_CACHE_HOME and PQP_WORKERS change nothing a library call does: its
    settings are those it was given."""
    monkeypatch.setenv("PQP_NO_CACHE", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / "from-env"))
    monkeypatch.setenv("PQP_WORKERS", "7")
    load_dataset(root / "data", settings=Settings(cache_home=root / "given"))
    assert (root / "data" / CACHE_DIR).is_dir()  # the cache was on, as the settings said
    assert (root / "given" / "pqp" / "cache-key").is_file()
    assert not (root / "from-env").exists()


def test_the_command_line_reads_the_environment(root: Path) -> None:
    code, _ = cli(root, "validate", env={"XDG_CACHE_HOME": str(root / "from-env")})
    assert code == 0
    assert (root / "from-env" / "pqp" / "cache-key").is_file()
    assert (root / "data" / CACHE_DIR).is_dir()


@pytest.fixture
def collector() -> Iterator[None]:
    """The collector enabled and nothing frozen, before and after the test; then what the
    suite had frozen (tests/conftest.py) and all that lived on frozen again (no collection
    first: a full one scans the whole heap, ≈ 0.3 s)."""
    frozen = gc.get_freeze_count() > 0
    gc.enable()
    gc.unfreeze()
    yield
    gc.enable()
    gc.unfreeze()
    if frozen:
        gc.freeze()


@pytest.mark.usefixtures("collector")
@pytest.mark.parametrize("no_cache", [True, False])
def test_loading_leaves_the_collector_as_it_found_it(root: Path, no_cache: bool) -> None:
    settings = Settings(no_cache=no_cache, cache_home=root / "user-cache")
    for _ in range(2):  # cold, then warm (records read back when first asked for)
        dataset = load_dataset(root / "data", settings=settings)
        assert sorted(dataset.enterprises) == ["E1", "E2"]
        assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.disable()
    assert len(load_dataset(root / "data", settings=settings).entries) == 3
    assert not gc.isenabled()  # paused by the caller: still paused


@pytest.mark.usefixtures("collector")
def test_the_command_line_freezes_a_large_dataset_once_its_records_are_made(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _ = cli(root, "validate", "--no-cache")
    assert code == 0 and gc.get_freeze_count() == 0  # a small dataset: nothing frozen
    monkeypatch.setattr(common, "FREEZE_PAST", 0)
    code, _ = cli(root, "validate", "--no-cache")
    assert code == 0 and gc.get_freeze_count() > 0 and gc.isenabled()
    cli(root, "validate")  # the cache filled (the records made, and frozen)
    gc.unfreeze()
    code, _ = cli(root, "validate")  # the problems from the cache: no record made
    assert code == 0 and gc.get_freeze_count() == 0
    code, out = cli(root, "status", "--format", "json", "--as-of", "2023-01-01")
    assert code == 0 and '"value": 2' in out  # records read back for the figures: frozen
    assert gc.get_freeze_count() > 0 and gc.isenabled()
