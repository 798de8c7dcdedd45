"""Files → records + problems: the only reader of data files (docs/contract.md §2)."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import marshal
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from pqp_cli.checks.validation_messages import problems_from_validation
from pqp_cli.core.models import KINDS, MODELS, Record
from pqp_cli.core.problems import PqpError, Problem, display_path, sort_key
from pqp_cli.core.text import clean, visible
from pqp_cli.read import yamlread
from pqp_cli.read.datafiles import kind_of, scan

if TYPE_CHECKING:
    from pqp_cli.cache.store import MetricMemo

#: Past this many records, the loaded dataset is frozen out of the garbage collector's scans.
FREEZE_PAST = 20_000


class Lines:
    """The lines of a file's items, kept marshaled until a message needs one of them."""

    __slots__ = ("blob", "items")

    def __init__(
        self, blob: bytes | None = None, items: list[dict[tuple[Any, ...], int]] | None = None
    ) -> None:
        self.blob = blob
        self.items = items

    def of(self, index: int) -> dict[tuple[Any, ...], int]:
        if self.items is None:
            self.items = marshal.loads(self.blob or marshal.dumps([]))
            self.blob = None
        return self.items[index] if index < len(self.items) else {}


@dataclass(eq=False, slots=True)
class Entry:
    """One record as read: where it stands, its id and name, and its model (None when invalid).

    `raw` (the item as read) lives only until the record is validated; the lines of its fields
    are read back from `source` when a message needs one.
    """

    kind: str
    file: str
    line: int
    id: str | None
    name: str
    index: int = 0
    source: Lines | None = None
    raw: Any = None  # a dict while the record is validated, then None
    model: Record | None = None
    bad: bool = False
    duplicate: bool = False
    facts: Any = None  # what rules work out from this record alone (see rules.record_facts)

    @property
    def lines(self) -> dict[tuple[Any, ...], int]:
        return self.source.of(self.index) if self.source is not None else {}

    def line_of(self, *path: Any) -> int:
        """The line of a field (or nested item), else of the record."""
        lines = self.lines if path else {}
        while path:
            found = lines.get(path)
            if found:
                return found
            path = path[:-1]
        return self.line


class Dataset:
    """Valid records by kind and id, every problem found, and what was left out.

    When the whole dataset came from the cache, its records are read back only when first
    asked for (`validate` never asks). `memo` keeps metric results for the same dataset.
    """

    enterprises: dict[str, Any]
    trainings: dict[str, Any]
    certifications: dict[str, Any]
    experts: dict[str, Any]
    units: dict[str, Any]

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.files_left_out: list[str] = []
        self.records_left_out = 0
        self.memo: MetricMemo | None = None
        self._pending: Callable[[], list[Entry]] | None = None
        self.keep([])

    def keep(self, entries: list[Entry]) -> int:
        """Take `entries` (their `bad` flags final): index the valid ones; count the rest."""
        self._entries = entries
        records: dict[str, dict[str, Any]] = {kind: {} for kind in KINDS}
        left_out = 0
        for entry in entries:
            if entry.bad or entry.model is None:
                left_out += 1
            else:
                records[entry.kind][entry.model.id] = entry.model
        self._records = records
        for kind, found in records.items():
            setattr(self, kind, found)  # plain attributes: metrics read them in tight loops
        return left_out

    def defer(self, entries: Callable[[], list[Entry]]) -> None:
        """Read the entries (and so the records) only when first asked for."""
        self._pending = entries
        for kind in KINDS:
            self.__dict__.pop(kind, None)

    def __getattr__(self, name: str) -> Any:
        # Only called for what is not set: the records of a deferred dataset.
        if name in KINDS and self.__dict__.get("_pending") is not None:
            self._ready()
            return self.__dict__[name]
        raise AttributeError(name)

    def _ready(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            with quiet_gc() as frozen:
                self.keep(pending())
                frozen(len(self._entries))

    @property
    def entries(self) -> list[Entry]:
        self._ready()
        return self._entries

    def records(self, kind: str) -> dict[str, Any]:
        self._ready()
        return self._records[kind]

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
    entries, problems, _ = read_file_lines(kind, file, content)
    return entries, problems


def read_file_lines(
    kind: str, file: str, content: bytes
) -> tuple[list[Entry], list[Problem], list[dict[tuple[Any, ...], int]]]:
    """`read_file`, and the lines of each item (relative to it) for the cache."""
    text, problem = decode(content, file)
    if problem or text is None:
        return [], [problem] if problem else [], []
    parsed = yamlread.parse(text, clean)
    problems = [Problem(f.code, file, f.line, f.en, f.vi, kind=kind) for f in parsed.faults]
    if parsed.fatal:
        return [], problems, []
    root = parsed.root
    if root is None:
        return [], problems, []
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
        return [], problems, []
    spoiled = {f.path[0] for f in parsed.faults if f.path}
    item_line, item_lines = parsed.items()
    source = Lines(items=item_lines)
    entries = []
    for index, item in enumerate(root):
        line = item_line[index]
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
        record_id = item.get("id")
        entry = Entry(
            kind,
            file,
            line,
            visible(record_id) if isinstance(record_id, str) else None,
            visible(str(item.get("name", ""))),
            index,
            source,
            item,
            bad=index in spoiled,
        )
        entries.append(entry)
    _validate_entries(kind, entries, problems)
    return entries, problems, item_lines


def _validate_entries(kind: str, entries: list[Entry], problems: list[Problem]) -> None:
    validate = MODELS[kind].model_validate
    for entry in entries:
        try:
            entry.model = validate(entry.raw)
        except ValidationError as exc:
            entry.bad = True
            problems.extend(problems_from_validation(kind, entry, exc))
        entry.raw = None  # what was read is not needed past here; keep memory for records


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
    `use_cache` reuses what unchanged files gave last time (see `pqp_cli.cache.store`; a changed
    byte anywhere changes the digests the cache is keyed by).
    """
    from pqp_cli.cache import dataset as datacache

    if not data_dir.is_dir():
        raise PqpError(
            f"data folder not found: {display_path(data_dir)} (give --data DIR or set PQP_DATA)",
            f"không tìm thấy thư mục dữ liệu: {display_path(data_dir)} (dùng --data DIR hoặc PQP_DATA)",
        )
    data_dir = data_dir.resolve()
    overrides = {p.resolve(): t for p, t in (overrides or {}).items()}
    files, walk_problems = scan(data_dir)
    seen = {p for _, p in files}
    files.extend((kind_of(data_dir, p), p) for p in sorted(overrides) if p not in seen)
    enabled = use_cache and not os.environ.get("PQP_NO_CACHE")
    with quiet_gc() as frozen:
        dataset = datacache.load(
            data_dir, files, overrides, period, today or dt.date.today(), enabled
        )
        frozen(len(dataset._entries))
    if walk_problems:
        dataset.problems = sorted(dataset.problems + walk_problems, key=sort_key)
        dataset.files_left_out.extend(p.file for p in walk_problems)
    return dataset


@contextlib.contextmanager
def quiet_gc() -> Iterator[Callable[[int], None]]:
    """The garbage collector paused: loading makes many small objects and no cycles, so a
    collection only costs time. Past FREEZE_PAST records, what was loaded is frozen out of later
    collections too (`gc.freeze`): a national dataset lives as long as the command, and the
    collector would otherwise scan its millions of objects again while figures are computed."""
    was_enabled = gc.isenabled()
    gc.disable()
    count = [0]

    def loaded(records: int) -> None:
        count[0] = records

    try:
        yield loaded
    finally:
        if was_enabled:
            if count[0] > FREEZE_PAST:
                gc.freeze()
            gc.enable()


def unknown_file(file: str) -> Problem:
    return Problem(
        "unknown-file",
        file,
        None,
        f"this YAML file belongs to no kind and is ignored: records go in "
        f"{', '.join(k + '.yaml' for k in KINDS)} or under a folder of that name",
        f"tệp YAML này không thuộc loại nào và bị bỏ qua: bản ghi đặt trong "
        f"{', '.join(k + '.yaml' for k in KINDS)} hoặc trong thư mục cùng tên",
    )


def unreadable(file: str, kind: str | None, exc: OSError) -> Problem:
    return Problem(
        "encoding",
        file,
        None,
        f"cannot read the file: {exc.strerror}",
        f"không đọc được tệp: {exc.strerror}",
        kind=kind,
    )


def build(
    results: list[tuple[str, list[Entry], list[Problem]]],
    period: tuple[dt.date, dt.date] | None,
    today: dt.date,
) -> Dataset:
    """Files read (display name, entries, problems) → the dataset, every rule checked."""
    from pqp_cli.checks.rules import run_rules

    dataset = Dataset()
    entries: list[Entry] = []
    for file, file_entries, problems in results:
        dataset.problems.extend(problems)
        if not file_entries and any(p.is_error for p in problems):
            dataset.files_left_out.append(file)
        entries.extend(file_entries)
    dataset.problems.extend(run_rules(entries, period, today))
    dataset.records_left_out = dataset.keep(entries)
    dataset.problems.sort(key=sort_key)
    return dataset
