"""One data file's bytes → its records and problems (docs/contract.md §2), and the Dataset that
loading fills with every file's records once the rules have run (`pqp_cli.load.dataset`)."""

from __future__ import annotations

import contextlib
import gc
import marshal
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple, Protocol

from pydantic import ValidationError

from pqp_cli.core.models import KINDS, MODELS, Record, cleaned_text
from pqp_cli.core.problems import Problem
from pqp_cli.core.text import CONTROL, clean, visible
from pqp_cli.read import yamlread
from pqp_cli.read.trusted import trusted
from pqp_cli.read.validation_messages import problems_from_validation
from pqp_cli.read.yamlfast import fast_parse, printable_utf8

ItemLines = dict[tuple[Any, ...], int]
Validate = Callable[[Any], Any]


class Lines:
    """The lines of a file's items (keyed by paths relative to each item), kept packed with
    marshal once the file is read: a message needs a field's line rarely, and a dict of lines
    per record costs more memory than the record itself."""

    __slots__ = ("blob", "items")

    def __init__(self, blob: bytes | None = None, items: list[ItemLines] | None = None) -> None:
        self.blob = blob
        self.items = items

    def of(self, index: int) -> ItemLines:
        if self.items is None:
            self.items = marshal.loads(self.blob or marshal.dumps([]))
            self.blob = None
        return self.items[index] if index < len(self.items) else {}

    def packed(self) -> bytes:
        """The lines as bytes; the unpacked form is dropped (read back when next asked for)."""
        if self.blob is None:
            self.blob = marshal.dumps(self.items or [])
        self.items = None
        return self.blob


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

    @property
    def lines(self) -> ItemLines:
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


class FileRead(NamedTuple):
    """One file read: how it is shown, its entries (valid or not) and its problems. No entries
    and an error among the problems means the file was left out whole."""

    file: str
    entries: list[Entry]
    problems: list[Problem]


class Memo(Protocol):
    """Results worked out from one dataset, kept beside it: plain values by a text key."""

    def get(self, key: str) -> Any | None: ...

    def put(self, key: str, value: Any) -> None: ...

    def recall(self, key: str) -> Any | None: ...

    def keep(self, key: str, value: Any) -> None: ...


class Dataset:
    """Valid records by kind and id, every problem found, and what was left out.

    `entries` is the list of every entry read, or a function giving it: then the records are
    read only when first asked for (a dataset whose problems came back from the cache needs no
    records for `validate`), with the garbage collector paused. `memo`, when there is one,
    keeps results worked out from these records (the figures' metrics) for the next run over
    the same data.
    """

    def __init__(
        self,
        problems: list[Problem],
        files_left_out: list[str],
        records_left_out: int,
        entries: list[Entry] | Callable[[], list[Entry]],
        memo: Memo | None = None,
    ) -> None:
        self.problems = problems
        self.files_left_out = files_left_out
        self.records_left_out = records_left_out
        self.memo = memo
        #: What the rules saw of each file (`checks.assemble.Outline`), when this run checked
        #: them: later checks over every record (localities) run on it, decoding none.
        self.outline: Any = None
        self._entries = entries
        self._when_read: list[Callable[[list[Entry]], None]] = []

    @cached_property
    def entries(self) -> list[Entry]:
        if not callable(self._entries):
            return self._entries
        with paused_gc():
            entries = self._entries()
            for hook in self._when_read:
                hook(entries)
        return entries

    def when_read(self, hook: Callable[[list[Entry]], None]) -> None:
        """Call `hook(entries)` once the entries are read: at once if they are, else as soon
        as they are, before the collector runs again (the command line freezes a large
        dataset out of its scans then)."""
        if "entries" in self.__dict__ or not callable(self._entries):
            hook(self.entries)
        else:
            self._when_read.append(hook)

    @cached_property
    def _by_kind(self) -> dict[str, dict[str, Record]]:
        """The valid records of each kind by id (a later copy of an id is bad, never here)."""
        records: dict[str, dict[str, Record]] = {kind: {} for kind in KINDS}
        for entry in self.entries:
            if not entry.bad and entry.model is not None:
                records[entry.kind][entry.model.id] = entry.model
        return records

    def records(self, kind: str) -> dict[str, Any]:
        return self._by_kind[kind]

    # One attribute a kind: metrics read them in tight loops.
    @cached_property
    def enterprises(self) -> dict[str, Any]:
        return self._by_kind["enterprises"]

    @cached_property
    def trainings(self) -> dict[str, Any]:
        return self._by_kind["trainings"]

    @cached_property
    def certifications(self) -> dict[str, Any]:
        return self._by_kind["certifications"]

    @cached_property
    def experts(self) -> dict[str, Any]:
        return self._by_kind["experts"]

    @cached_property
    def units(self) -> dict[str, Any]:
        return self._by_kind["units"]


def decode(raw: bytes, file: str) -> tuple[str | None, Problem | None]:
    """UTF-8 text (BOM dropped), or an `encoding` problem at the first bad byte's line."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, Problem.of("encoding", file, line, byte=raw[exc.start], line=line)


def read_records(kind: str, file: str, content: bytes) -> FileRead:
    """One data file's bytes → its entries (models filled in where valid) and its problems."""
    text, problem = decode(content, file)
    if problem or text is None:
        return FileRead(file, [], [problem] if problem else [])
    parsed = fast_parse(text, clean, printable_utf8(content))
    fast = parsed is not None
    if parsed is None:
        parsed = yamlread.event_parse(text, clean)
    problems = [Problem(f.code, file, f.line, f.en, f.vi, kind=kind) for f in parsed.faults]
    root = parsed.root
    if parsed.fatal or root is None:
        return FileRead(file, [], problems)
    if not isinstance(root, list):
        shape = "mapping" if isinstance(root, dict) else "value"
        problems.append(Problem.of(f"not-a-list/{shape}", file, 1, kind=kind, kinds=kind))
        return FileRead(file, [], problems)
    spoiled = {f.path[0] for f in parsed.faults if f.path}
    item_line, item_lines = parsed.items()
    source = Lines(items=item_lines)
    plain = not parsed.kept_control if fast else _all_clean(text)
    entries = _entries(kind, file, root, item_line, source, problems, plain)
    for entry in entries:
        entry.bad = entry.index in spoiled
    if plain:
        with cleaned_text():
            _validate_entries(kind, entries, problems, trusted(kind))
    else:
        _validate_entries(kind, entries, problems)
    source.packed()
    return FileRead(file, entries, problems)


def _all_clean(text: str) -> bool:
    """Whether every text the reader made of `text` is `clean` and free of control characters.

    The reader cleans each scalar but one holding a control character, which it keeps as
    written for validation to refuse. With no control character in the file and no backslash
    (a double-quoted escape may make one), there is none: validation need not look again.
    The fast reader says itself whether it kept one (`Parsed.kept_control`: it reads no file
    holding one but the \\r of a line end, which it drops, so only an escape makes one)."""
    return "\\" not in text and CONTROL.search(text) is None


def _entries(
    kind: str,
    file: str,
    root: list[Any],
    item_line: list[int],
    source: Lines,
    problems: list[Problem],
    plain: bool = False,
) -> list[Entry]:
    """An entry for each item that is a mapping; a problem for each that is not. `plain`: no
    text holds a control character (`visible` would give each back unchanged)."""
    shown = _same if plain else visible
    entries = []
    for index, item in enumerate(root):
        line = item_line[index]
        if not isinstance(item, dict):
            problems.append(Problem.of("not-a-list/item", file, line, kind=kind, n=index + 1))
            continue
        record_id = item.get("id")
        entry = Entry(
            kind,
            file,
            line,
            shown(record_id) if isinstance(record_id, str) else None,
            shown(str(item.get("name", ""))),
            index,
            source,
            item,
        )
        entries.append(entry)
    return entries


def _same(text: str) -> str:
    return text


def _validate_entries(
    kind: str, entries: list[Entry], problems: list[Problem], first: Validate | None = None
) -> None:
    """Each entry's model, or its problems. `first`, when given, is tried before the model's
    own validation (`read.trusted`); a record it refuses is validated again by the model, so
    the problems are always the model's."""
    validate = MODELS[kind].model_validate
    for entry in entries:
        try:
            entry.model = (first or validate)(entry.raw)
        except ValidationError as exc:
            _refused(kind, entry, problems, exc, validate if first else None)
        entry.raw = None  # what was read is not needed past here; keep memory for records


def _refused(
    kind: str, entry: Entry, problems: list[Problem], exc: ValidationError, again: Validate | None
) -> None:
    """A record a validation refused: validated `again` by its model when that was another
    validation (its problems are the model's), else bad, with the problems `exc` names.

    The model's error is never kept in a local of this frame (`exc = refused`): its traceback
    holds the frame, and the two made a cycle with the entry and its file's problems, garbage
    only a collection frees, and never once the load is frozen (`cli.common.load`)."""
    if again is not None:
        try:
            entry.model = again(entry.raw)
            return
        except ValidationError as refused:
            _bad(kind, entry, problems, refused)
            return
    _bad(kind, entry, problems, exc)


def _bad(kind: str, entry: Entry, problems: list[Problem], exc: ValidationError) -> None:
    entry.bad = True
    problems.extend(problems_from_validation(kind, entry, exc))


def unknown_file(file: str) -> Problem:
    return Problem.of("unknown-file", file, None, files=", ".join(k + ".yaml" for k in KINDS))


def unreadable(file: str, kind: str | None, exc: OSError) -> Problem:
    return Problem.of("encoding/unreadable", file, None, kind=kind, reason=exc)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The garbage collector paused while records are made, and put back as it was: loading
    makes many small objects and no cycles, so a collection would only cost time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
