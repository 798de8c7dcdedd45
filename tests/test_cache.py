"""The cache never changes what pqp reports: same problems and figures with and without it,
any changed byte seen, corrupt or foreign entries rebuilt, concurrent runs safe."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from forkrun import fork_pqp, fork_pqp_at_once
from fuzzsize import share
from inprocess import Run, run_pqp
from typer.testing import CliRunner

from pqp_cli.cache.store import CACHE_DIR, DataCache
from pqp_cli.cli.app import app
from pqp_cli.core.models import KINDS
from pqp_cli.core.settings import Settings
from pqp_cli.load.dataset import load_dataset
from pqp_cli.read import filecodec, pool
from pqp_cli.read.loading import Dataset

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2025, 1, 1)
PERIOD = (dt.date(2021, 1, 1), dt.date(2025, 12, 31))
runner = CliRunner()

#: A dataset with most problem codes, spread over several files of each layout.
FILES = {
    "enterprises.yaml": """\
        - id: E1
          name: Công ty TNHH Hà Thanh
          type: enterprise
          tax_code: '2801234567'
          key_product: true
        - id: E2
          name: HTX Nông nghiệp Hợp Thành
          type: cooperative
          tax_code: '2801234567'
          ocop_products:
          - {name: Gạo thơm, stars: 4, certified_on: 2022-06-30}
        - id: E3
          name: Cty Hà Thanh
          type: Doanh nghiệp
          pilot_model: Có
        - id: E1
          name: duplicate id
          type: other
        """,
    "enterprises/huyen-a.yml": """\
        # imported
        - id: E4
          name: "Hộ kinh doanh Lan"
          type: household
          locality: 'Nga Sơn'
          unknown: x
        - id: E5
          name: Cơ sở Lân
          type: houshold
        """,
    "trainings/2023.yaml": """\
        - id: T1
          title: Tập huấn ISO
          date: 2023-03-01
          end_date: 2023-02-28
          topics: [standards]
          participants:
          - E1
          - E9
          - E1
        - id: T2
          title: Lớp 2
          date: 2031-01-01
          topics:
          - measurement
          participants: [E2, E3]
        """,
    "certifications/a.yaml": """\
        - id: C1
          enterprise: E1
          category: product_standard
          scheme: TCVN 7046:2019
          achieved_on: 2023-05-01
        - id: C2
          enterprise: E3
          category: management_system
          scheme: ISO 9OO1
          achieved_on: 2019-05-01
        - id: C3
          enterprise: E2
          category: management_system
          scheme: HACCP
          achieved_on: 2022-05-01
          scheme: VietGAP
        """,
    "certifications/b.yaml": "- id: C4\n  enterprise: [E1\n",
    "experts.yaml": "- id: X1\n  name: Lê Văn A\n  qualified_on: 01/02/2022\n  unit: U9\n",
    "units.yaml": "id: U1\n",
    "stray.yaml": "- a: 1\n",
}
TARGETS = """\
plan: {id: p, title: P, period: {start: 2021-01-01, end: 2025-12-31}}
targets:
  - {id: T1, metric: trained_establishments, target: 4}
  - {id: T2, metric: supported_enterprises, target: 3}
  - {id: T3, metric: standards_coverage, target_percent: 100}
  - {id: T4, metric: pilot_models, target: 1, params: {require_categories: [product_standard]}}
  - {id: T5, metric: experts, target: 2}
"""


@pytest.fixture(autouse=True)
def own_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test signs with its own user key, and no test runs with the cache turned off."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("PQP_NO_CACHE", raising=False)


def write(root: Path, files: dict[str, str] = FILES) -> Path:
    for name, text in files.items():
        path = root / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    return root


def cli(root: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(
        app,
        [*args, "--data", str(root / "data"), "--targets", str(root / "targets.yaml")],
        env={"PQP_LANG": "", "NO_COLOR": "1"},
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


COMMANDS = [
    ("validate", "--format", "json"),
    ("validate",),
    ("status", "--format", "json", "--as-of", "2024-06-30"),
    ("status", "--format", "json", "--by", "year", "--by", "locality", "--as-of", "2025-12-31"),
    ("explain", "T3", "--format", "json", "--as-of", "2024-06-30"),
    ("explain", "T4", "--format", "json", "--as-of", "2024-06-30"),
]


def outputs(root: Path, *extra: str) -> list[tuple[int, str, str]]:
    return [cli(root, *command, *extra) for command in COMMANDS]


def test_cli_output_is_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    root = write(tmp_path)
    plain = outputs(root, "--no-cache")
    assert not (root / "data" / CACHE_DIR).exists()  # --no-cache writes nothing either
    assert json.loads(plain[0][1])["errors"] >= 10  # the fixture does have problems
    cold = outputs(root)
    assert (root / "data" / CACHE_DIR).is_dir()
    warm = outputs(root)
    assert cold == plain
    assert warm == plain


def test_one_changed_file_reads_as_a_fresh_run(tmp_path: Path) -> None:
    root = write(tmp_path)
    outputs(root)
    path = root / "data" / "trainings" / "2023.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("E9", "E5"), encoding="utf-8")
    assert outputs(root) == outputs(root, "--no-cache")


def sample(dataset: Dataset) -> tuple[object, ...]:
    """Everything a load gives that anyone reads: problems, left-out counts, records, lines."""
    problems = [(p.code, p.file, p.line, p.en, p.vi, p.record, p.field) for p in dataset.problems]
    records = {kind: [m.__getstate__() for m in dataset.records(kind).values()] for kind in KINDS}
    lines = [(e.kind, e.line, e.bad, e.duplicate, e.lines) for e in dataset.entries]
    return problems, dataset.files_left_out, dataset.records_left_out, records, lines


def user(root: Path, **more: object) -> Settings:
    """The settings a test runs with: its own user key under `root` (as `own_key` sets for the
    command line)."""
    return Settings(cache_home=root / "user-cache", **more)  # type: ignore[arg-type]


def load(root: Path, use_cache: bool, **more: object) -> tuple[object, ...]:
    settings = user(root, no_cache=not use_cache, **more)
    return sample(load_dataset(root / "data", period=PERIOD, today=TODAY, settings=settings))


def test_the_library_result_is_the_same_from_every_level_of_the_cache(tmp_path: Path) -> None:
    root = write(tmp_path)
    plain = load(root, use_cache=False)
    assert load(root, use_cache=True) == plain  # cold: files parsed, entries written
    assert load(root, use_cache=True) == plain  # warm: the whole dataset's entry
    for entry in (root / "data" / CACHE_DIR / "d").iterdir():
        entry.unlink()
    assert load(root, use_cache=True) == plain  # per-file entries, rules run again


@pytest.mark.long
def test_changing_any_byte_of_a_file_changes_what_is_read(tmp_path: Path) -> None:
    """Every position of a small file, each byte replaced in turn: the cached reading always
    equals a fresh one, though the cache holds entries of every earlier version. The README's
    `pytest` flips each byte's lowest bit; `.ci/run`'s fuzz step (`PQP_FUZZ_SCALE`) also writes
    an `x` at each position, twice the runs (`fuzzsize.share`)."""
    root = write(tmp_path)
    path = root / "data" / "certifications" / "a.yaml"
    original = path.read_bytes()
    for position in range(len(original)):
        changed = bytearray(original)
        bytes_ = [changed[position] ^ 0x01, ord("x") if changed[position] != ord("x") else 0]
        for byte in share(bytes_, 0):
            changed[position] = byte
            path.write_bytes(bytes(changed))
            assert load(root, use_cache=True) == load(root, use_cache=False), (position, byte)
    path.write_bytes(original)
    assert load(root, use_cache=True) == load(root, use_cache=False)


def test_corrupt_or_torn_entries_are_rebuilt(tmp_path: Path) -> None:
    root = write(tmp_path)
    plain = load(root, use_cache=False)
    load(root, use_cache=True)
    entries = [p for p in (root / "data" / CACHE_DIR).rglob("*") if p.is_file()]
    assert len(entries) > 5
    for n, entry in enumerate(entries):
        blob = entry.read_bytes()
        entry.write_bytes(blob[: len(blob) // 2] if n % 2 else b"\x00" * 40)
    assert load(root, use_cache=True) == plain
    assert load(root, use_cache=True) == plain


def test_entries_signed_right_but_unreadable_are_rebuilt(tmp_path: Path) -> None:
    """Even with a valid signature (our own key), a payload that does not decode is read again."""
    root = write(tmp_path)
    plain = load(root, use_cache=False)
    load(root, use_cache=True)
    cache = DataCache((root / "data").resolve(), user(root))
    folder = root / "data" / CACHE_DIR
    for entry in [p for p in folder.rglob("*") if p.is_file() and p.name != ".gitignore"]:
        cache.put(entry.relative_to(folder).as_posix(), b"\x00not marshal")
    assert load(root, use_cache=True) == plain
    assert load(root, use_cache=True) == plain


def test_a_cache_signed_by_someone_else_is_not_trusted(tmp_path: Path) -> None:
    root = write(tmp_path)
    plain = load(root, use_cache=False)
    load(root, use_cache=True)
    # A colleague's cache, committed or copied in, with content crafted to mislead:
    other = DataCache((root / "data").resolve(), Settings(cache_home=tmp_path / "someone-else"))
    folder = root / "data" / CACHE_DIR
    for entry in [p for p in folder.rglob("*") if p.is_file() and p.name != ".gitignore"]:
        other.put(entry.relative_to(folder).as_posix(), b"\x00crafted")
    assert load(root, use_cache=True) == plain


def test_a_cache_folder_removed_or_made_a_link_while_a_run_writes(tmp_path: Path) -> None:
    """A run makes each cache folder once (`DataCache._made`): removed meanwhile (another run
    clearing the cache), it is made again, its `.gitignore` too; turned into a link, nothing
    more is written through it, nor read."""
    root = write(tmp_path)
    cache = DataCache((root / "data").resolve(), user(root))
    folder = root / "data" / CACHE_DIR
    assert cache.put("m/" + "a" * 64 + "-" + "b" * 32, b"one")
    shutil.rmtree(folder)
    assert cache.put("m/" + "a" * 64 + "-" + "c" * 32, b"two")
    assert cache.get("m/" + "a" * 64 + "-" + "c" * 32) == b"two"
    assert (folder / ".gitignore").read_text(encoding="utf-8") == "*\n"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(folder / "m")
    (folder / "m").symlink_to(elsewhere)
    assert not cache.put("m/" + "a" * 64 + "-" + "d" * 32, b"three")
    assert list(elsewhere.iterdir()) == []
    assert cache.get("m/" + "a" * 64 + "-" + "c" * 32) is None


@pytest.mark.parametrize("level", ["f", "f/ab"])
@pytest.mark.parametrize("dangling", [False, True], ids=["to-a-folder", "dangling"])
def test_no_entry_is_written_through_a_link_at_any_level(
    tmp_path: Path, level: str, dangling: bool
) -> None:
    """A link where a folder of the cache is, or is to be made (`DataCache._make` walks them
    all), to a folder or to nothing: the entry is not written, there or anywhere."""
    root = write(tmp_path)
    cache = DataCache((root / "data").resolve(), user(root))
    folder = root / "data" / CACHE_DIR
    name = "f/ab/" + "ab" + "c" * 62
    assert cache.put("f/cd/" + "cd" + "e" * 62, b"one")  # the root and `f` made
    elsewhere = tmp_path / "elsewhere"
    if not dangling:
        elsewhere.mkdir()
    link = folder / level
    if link.exists():
        shutil.rmtree(link)
    link.symlink_to(elsewhere)
    assert not cache.put(name, b"two")
    assert not elsewhere.exists() or list(elsewhere.iterdir()) == []
    assert cache.get(name) is None


def test_a_run_of_many_years_writes_no_more_metric_entries_than_the_cache_keeps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """By year over a 300-year period, `status` computes 1,500 metric results: each was a file
    written, then all but the newest 256 pruned at the run's end. A run now writes at most
    `METRICS_KEPT_A_RUN`, and its answers, warm or not, are the uncached ones."""
    from pqp_cli.cache.memo import METRICS_KEPT_A_RUN

    root = write(tmp_path)
    targets = root / "targets.yaml"
    targets.write_text(TARGETS.replace("2025-12-31", "2320-12-31"), encoding="utf-8")
    written: list[str] = []
    real = DataCache.put

    def counted(self: DataCache, name: str, payload: bytes) -> bool:
        written.append(name)
        return real(self, name, payload)

    monkeypatch.setattr(DataCache, "put", counted)
    command = ("status", "--format", "json", "--by", "year", "--as-of", "2320-12-31")
    fresh = cli(root, *command, "--no-cache")
    assert cli(root, *command) == fresh
    metrics = [n for n in written if n.startswith("m/")]
    assert METRICS_KEPT_A_RUN <= len(metrics) <= METRICS_KEPT_A_RUN + 8  # and the answer
    assert cli(root, *command) == fresh


def test_a_run_of_many_years_stops_looking_for_results_the_cache_cannot_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over a 300-year period, `status` by year asks for 1,500 metric results, of which the
    cache holds at most 256: each one absent was an open that failed, a fifth of a 10,000-year
    report. After `memo.MISSES_BEFORE_LISTING` (256) misses, a run lists `m/` once and looks
    only for names it found there: 600 looks at most, not 1,500. Its answers, warm or not, are
    still the uncached ones."""
    root = write(tmp_path)
    targets = root / "targets.yaml"
    targets.write_text(TARGETS.replace("2025-12-31", "2320-12-31"), encoding="utf-8")
    looked: list[str] = []
    real = DataCache.get

    def counted(self: DataCache, name: str) -> bytes | None:
        looked.append(name)
        return real(self, name)

    monkeypatch.setattr(DataCache, "get", counted)
    command = ("status", "--format", "json", "--by", "year", "--as-of", "2320-12-31")
    fresh = cli(root, *command, "--no-cache")
    for _ in range(2):
        looked.clear()
        assert cli(root, *command) == fresh
        assert 0 < len([n for n in looked if n.startswith("m/")]) <= 600


def test_a_link_in_place_of_the_metric_folder_is_said_once_over_many_years(
    tmp_path: Path,
) -> None:
    """`m/` a link elsewhere: the cache is off for the run, said once, and nothing is written
    there. A run of many years used to say it twice: the listing it takes after 256 misses
    (`MetricMemo`) met the link again."""
    root = write(tmp_path)
    targets = root / "targets.yaml"
    targets.write_text(TARGETS.replace("2025-12-31", "2320-12-31"), encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "data" / CACHE_DIR).mkdir()
    (root / "data" / CACHE_DIR / "m").symlink_to(elsewhere)
    command = ("status", "--format", "json", "--by", "year", "--as-of", "2320-12-31")
    fresh = cli(root, *command, "--no-cache")
    code, out, err = cli(root, *command)
    assert (code, out) == fresh[:2]
    assert err.count("is a link; the cache is off") == 1, err
    assert not any(elsewhere.iterdir())


def test_the_cache_folder_is_ignored_by_git(tmp_path: Path) -> None:
    root = write(tmp_path)
    load(root, use_cache=True)
    assert (root / "data" / CACHE_DIR / ".gitignore").read_text(encoding="utf-8") == "*\n"


def test_files_parsed_in_worker_processes_read_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write(tmp_path)
    plain = load(root, use_cache=False)
    monkeypatch.setattr(pool, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(pool, "POOL_MIN_BYTES", 0)
    assert load(root, use_cache=False, workers=2) == plain
    assert load(root, use_cache=True, workers=2) == plain
    shutil.rmtree(root / "data" / CACHE_DIR)
    assert load(root, use_cache=True, workers=2) == plain
    assert load(root, use_cache=True) == plain  # what the workers stored reads back the same


@pytest.mark.long
def test_concurrent_runs_are_safe(tmp_path: Path) -> None:
    """Two processes at once on a cold cache, three times over: each prints what a run without
    the cache prints, and the cache they leave is sound. Forked side by side (`forkrun`), they
    race from their first instruction; started, each would first import for ≈ 0.5 s."""
    root = write(tmp_path)
    args = ["validate", "--format", "json", "--data", "data", "--targets", "targets.yaml"]
    env = {**os.environ, "PQP_LANG": "", "NO_COLOR": "1"}
    env.pop("PQP_NO_CACHE", None)
    command = [sys.executable, "-m", "pqp_cli", *args]
    expected = run_pqp([*args, "--no-cache"], cwd=root, env=env)  # in this process: quicker
    for _ in range(3):
        shutil.rmtree(root / "data" / CACHE_DIR, ignore_errors=True)
        runs = fork_pqp_at_once(args, 2, cwd=root, env=env, timeout=120)
        if runs is None:  # its Python would start otherwise: started side by side
            pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
            started = [subprocess.Popen(command, cwd=root, env=env, **pipes) for _ in range(2)]
            outs = [run.communicate(timeout=120) for run in started]
            runs = [Run(run.returncode, *out) for run, out in zip(started, outs, strict=True)]
        for run in runs:
            assert run == expected  # its exit status, its answer and nothing more on stderr
    # one run after them, on the cache they left: a process of its own, not a race
    again = fork_pqp(args, cwd=root, env=env)
    if again is None:  # its Python would start otherwise: started
        done = subprocess.run(command, cwd=root, env=env, capture_output=True, timeout=120)
        again = Run(done.returncode, done.stdout, done.stderr)
    assert again == expected


def test_sample_data_records_come_back_from_the_cache_unchanged() -> None:
    """The codec keeps every field, the fields set and the type of every sample record."""
    dataset = load_dataset(ROOT / "data", settings=Settings(no_cache=True))
    count = 0
    for kind, codec in filecodec.CODECS.items():
        for model in dataset.records(kind).values():
            again = codec.decode(codec.encode(model))
            assert type(again) is type(model)
            assert again == model and again.__getstate__() == model.__getstate__()
            assert again.model_dump(mode="json") == model.model_dump(mode="json")
            count += 1
    assert count > 1000


def test_the_cache_key_covers_every_module_cached_results_depend_on() -> None:
    """A change to any module that shapes a cached reading or figure invalidates the cache."""
    import ast

    from pqp_cli.cache.store import SOURCES

    package = ROOT / "pqp_cli"

    def imports(name: str) -> set[str]:
        found = set()
        for node in ast.walk(ast.parse((package / f"{name}.py").read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pqp_cli"):
                parts = (node.module or "").split(".")[1:]
                names = ["/".join([*parts, a.name]) for a in node.names] + ["/".join(parts)]
                found |= {n for n in names if (package / f"{n}.py").exists()}
        return found

    todo, seen = ["cache/dataset", "figures/metrics"], set()
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(imports(name))
    assert len(seen) > 10
    assert seen <= set(SOURCES)


def test_the_cache_key_hashes_every_source_it_names() -> None:
    """Every module SOURCES names is a file that exists (a missing one would leave the key
    without its code, so a changed pqp would read what an older one cached)."""
    from pqp_cli import __version__
    from pqp_cli.cache import store

    package = ROOT / "pqp_cli"
    missing = [name for name in store.SOURCES if not (package / f"{name}.py").is_file()]
    assert missing == []
    version_only = hashlib.sha256(f"{store._FORMAT}\0{__version__}\0".encode()).hexdigest()
    assert store.salt() != version_only
