"""Files → records + problems: the only reader of data files (SPEC §2)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pqp_cli import yamlread
from pqp_cli.cache import FileCache
from pqp_cli.models import KINDS, MODELS, Record
from pqp_cli.problems import PqpError, Problem, display_path, sort_key
from pqp_cli.text import clean
from pqp_cli.validation_messages import problems_from_validation

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Entry:
    """One record as read: its model (None when invalid), raw id and where it stands."""

    kind: str
    file: str
    line: int
    lines: dict[tuple[Any, ...], int]
    raw: dict[str, Any]
    model: Record | None = None
    bad: bool = False
    duplicate: bool = False
    id: str | None = field(init=False)

    def __post_init__(self) -> None:
        value = self.raw.get("id")
        self.id = value if isinstance(value, str) else None

    def line_of(self, *path: Any) -> int:
        """The line of a field (or nested item), else of the record."""
        while path:
            found = self.lines.get(path)
            if found:
                return found
            path = path[:-1]
        return self.line


@dataclass
class Dataset:
    """Valid records by kind and id, every problem found, and what was left out."""

    enterprises: dict[str, Any] = field(default_factory=dict)
    trainings: dict[str, Any] = field(default_factory=dict)
    certifications: dict[str, Any] = field(default_factory=dict)
    experts: dict[str, Any] = field(default_factory=dict)
    units: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    files_left_out: list[str] = field(default_factory=list)
    records_left_out: int = 0

    def records(self, kind: str) -> dict[str, Any]:
        return getattr(self, kind)

    @property
    def errors(self) -> int:
        return sum(p.is_error for p in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    def entry(self, kind: str, record_id: str) -> Entry | None:
        """Where a valid record stands (its first occurrence)."""
        for e in self.entries:
            if e.kind == kind and e.id == record_id and not e.bad:
                return e
        return None

    def summary(self) -> dict[str, int]:
        return {
            "errors": self.errors,
            "warnings": self.warnings,
            "files_left_out": len(self.files_left_out),
            "records_left_out": self.records_left_out,
        }


def kind_of(data_dir: Path, path: Path) -> str | None:
    """The kind a file under `data_dir` holds: `kind.yaml` or anything under `kind/`."""
    rel = path.relative_to(data_dir)
    if len(rel.parts) == 1:
        return path.stem if path.stem in KINDS else None
    return rel.parts[0] if rel.parts[0] in KINDS else None


def data_files(data_dir: Path) -> Iterator[tuple[str | None, Path]]:
    """Every YAML file under `data_dir` with the kind it holds (None: belongs to no kind)."""
    found = []
    for path in data_dir.rglob("*"):
        rel = path.relative_to(data_dir)
        if any(part.startswith(".") for part in rel.parts) or not path.is_file():
            continue
        if path.suffix.lower() in YAML_SUFFIXES:
            found.append((kind_of(data_dir, path), path))
    # `kind.yaml` before `kind/**`, so "first defined" reads the way people lay files out.
    found.sort(key=lambda kp: (len(kp[1].relative_to(data_dir).parts) > 1, kp[1].parts))
    yield from found


def decode(raw: bytes, file: str) -> tuple[str | None, Problem | None]:
    """UTF-8 text (BOM dropped), or an `encoding` problem at the first bad byte's line."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, Problem(
            "encoding",
            file,
            line,
            f"not UTF-8 (byte 0x{raw[exc.start]:02x} at line {line}): save the file as UTF-8",
            f"không phải UTF-8 (byte 0x{raw[exc.start]:02x} ở dòng {line}): hãy lưu tệp ở dạng UTF-8",
        )


def read_file(kind: str, file: str, content: bytes) -> tuple[list[Entry], list[Problem]]:
    """One data file's bytes → its entries (models filled in where valid) and its problems.

    No entries with an error among the problems means the file was left out whole.
    """
    text, problem = decode(content, file)
    if problem or text is None:
        return [], [problem] if problem else []
    parsed = yamlread.parse(text, clean)
    problems = [Problem(f.code, file, f.line, f.en, f.vi, kind=kind) for f in parsed.faults]
    if parsed.fatal:
        return [], problems
    root = parsed.root
    if root is None:
        return [], problems
    if not isinstance(root, list):
        problems.append(
            Problem(
                "not-a-list",
                file,
                1,
                f"the file must be a list of {kind} records ('- id: ...'), not a "
                f"{'mapping' if isinstance(root, dict) else 'single value'}",
                f"tệp phải là danh sách bản ghi {kind} ('- id: ...'), không phải "
                f"{'ánh xạ' if isinstance(root, dict) else 'một giá trị đơn'}",
                kind=kind,
            )
        )
        return [], problems
    spoiled = {f.path[0] for f in parsed.faults if f.path}
    record_lines: dict[Any, dict[tuple[Any, ...], int]] = {}
    for path, number in parsed.lines.items():
        if len(path) > 1:
            record_lines.setdefault(path[0], {})[path[1:]] = number
    entries = []
    for index, item in enumerate(root):
        line = parsed.lines.get((index,), 1)
        if not isinstance(item, dict):
            problems.append(
                Problem(
                    "not-a-list",
                    file,
                    line,
                    f"item {index + 1} is not a record (a mapping of 'field: value')",
                    f"mục {index + 1} không phải bản ghi (ánh xạ 'trường: giá trị')",
                    kind=kind,
                )
            )
            continue
        lines = record_lines.get(index, {})
        entry = Entry(kind, file, line, lines, item, bad=index in spoiled)
        entries.append(entry)
    _validate_entries(kind, entries, problems)
    return entries, problems


def _validate_entries(kind: str, entries: list[Entry], problems: list[Problem]) -> None:
    model = MODELS[kind]
    for entry in entries:
        try:
            entry.model = model.model_validate(entry.raw)
        except ValidationError as exc:
            entry.bad = True
            problems.extend(problems_from_validation(kind, entry, exc))


def load_dataset(
    data_dir: Path,
    *,
    overrides: dict[Path, str] | None = None,
    period: tuple[dt.date, dt.date] | None = None,
    today: dt.date | None = None,
    use_cache: bool = True,
) -> Dataset:
    """Read every data file under `data_dir`, check every rule, keep the valid records.

    `overrides` maps a file path to text read instead of the disk (import validates the
    dataset as it would be after writing). `period` enables the outside-period warnings.
    `use_cache` reuses what an unchanged file gave last time (see `pqp_cli.cache`).
    """
    from pqp_cli.rules import run_rules

    if not data_dir.is_dir():
        raise PqpError(
            f"data folder not found: {display_path(data_dir)} (give --data DIR or set PQP_DATA)",
            f"không tìm thấy thư mục dữ liệu: {display_path(data_dir)} (dùng --data DIR hoặc PQP_DATA)",
        )
    data_dir = data_dir.resolve()
    overrides = {p.resolve(): t for p, t in (overrides or {}).items()}
    files = list(data_files(data_dir))
    seen = {p for _, p in files}
    files.extend((kind_of(data_dir, p), p) for p in sorted(overrides) if p not in seen)
    dataset = Dataset()
    cache = FileCache(
        data_dir, _CACHE_SALT, enabled=use_cache and not os.environ.get("PQP_NO_CACHE")
    )
    gc_was_enabled = gc.isenabled()
    gc.disable()  # loading makes many small objects and no cycles: collection only costs time
    try:
        for kind, path in files:
            _load_one(dataset, cache, kind, path, overrides.get(path))
    finally:
        if gc_was_enabled:
            gc.enable()
    dataset.problems.extend(run_rules(dataset.entries, period, today or dt.date.today()))
    _keep_valid(dataset)
    dataset.problems.sort(key=sort_key)
    return dataset


#: The shape of a cached reading: any change to Entry or a model's fields invalidates the cache.
_CACHE_SALT = repr(
    (
        [f.name for f in dataclasses.fields(Entry)],
        {k: list(m.model_fields) for k, m in MODELS.items()},
    )
)


def _read_cached(
    cache: FileCache, kind: str, file: str, content: bytes
) -> tuple[list[Entry], list[Problem]]:
    """read_file, through the cache; locations are re-attached, since they depend on the cwd."""
    hit = cache.get(kind, content)
    if hit is not None:
        entries, rows = hit
        for entry in entries:
            entry.file = file
        return entries, [
            Problem(code, file, line, en, vi, record, field_, kind)
            for code, line, en, vi, record, field_ in rows
        ]
    entries, problems = read_file(kind, file, content)
    rows = [(p.code, p.line, p.en, p.vi, p.record, p.field) for p in problems]
    cache.put(kind, content, (entries, rows))
    return entries, problems


def _load_one(
    dataset: Dataset, cache: FileCache, kind: str | None, path: Path, text: str | None
) -> None:
    file = display_path(path)
    if kind is None:
        dataset.problems.append(
            Problem(
                "unknown-file",
                file,
                None,
                f"this YAML file belongs to no kind and is ignored: records go in "
                f"{', '.join(k + '.yaml' for k in KINDS)} or under a folder of that name",
                f"tệp YAML này không thuộc loại nào và bị bỏ qua: bản ghi đặt trong "
                f"{', '.join(k + '.yaml' for k in KINDS)} hoặc trong thư mục cùng tên",
            )
        )
        return
    entries: list[Entry] = []
    problems: list[Problem]
    try:
        content = path.read_bytes() if text is None else text.encode("utf-8")
    except OSError as exc:
        content = None
        entries, problems = (
            [],
            [
                Problem(
                    "encoding",
                    file,
                    None,
                    f"cannot read the file: {exc.strerror}",
                    f"không đọc được tệp: {exc.strerror}",
                    kind=kind,
                )
            ],
        )
    if content is not None:
        entries, problems = _read_cached(cache, kind, file, content)
    dataset.problems.extend(problems)
    if not entries and any(p.is_error for p in problems):
        dataset.files_left_out.append(file)
    dataset.entries.extend(entries)


def _keep_valid(dataset: Dataset) -> None:
    for entry in dataset.entries:
        if entry.bad or entry.model is None:
            dataset.records_left_out += 1
            continue
        dataset.records(entry.kind)[entry.model.id] = entry.model
