"""`pqp import`, whole: read the sheet, build records, validate the dataset with them, write."""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pqp_cli.core.messages import Texts, kind_word, phrase
from pqp_cli.core.models import KINDS
from pqp_cli.core.problems import PqpError, Problem, display_path
from pqp_cli.importing import identity, sources, writing
from pqp_cli.importing.changes import record_changes, removed
from pqp_cli.importing.headers import COLUMNS, aliases
from pqp_cli.importing.localise import local_problem
from pqp_cli.importing.mapping import column_mapping
from pqp_cli.importing.outcome import ImportReport, Note, Where
from pqp_cli.importing.places import canonical_places
from pqp_cli.importing.readers import Workbook, open_workbook, pick_sheet
from pqp_cli.importing.records import build
from pqp_cli.importing.rejects import write_rejects
from pqp_cli.importing.request import ImportRequest
from pqp_cli.importing.resolve import Resolver, enterprise_id
from pqp_cli.importing.rowpass import read_rows
from pqp_cli.importing.rows import COLUMN_OF, Built, Context, Row
from pqp_cli.importing.sheet import Layout, find_layout
from pqp_cli.importing.targets import inside, sha256_of, source_targets
from pqp_cli.read.loading import Dataset, paused_gc


@dataclass(kw_only=True)
class _Plan:
    """Where records go, and what is known of the sheet."""

    req: ImportRequest
    layout: Layout
    cells: list[list[Any]]
    ctx: Context  # the rows read, and what reading them said
    rows: list[Row]
    target: Path
    created_path: Path | None
    digest: str
    report: ImportReport
    files: dict[Path, str] = field(default_factory=dict)
    sizes: dict[Path, int] = field(default_factory=dict)  # records in each file
    mapping: dict[str, str] = field(default_factory=dict)  # header key → column key, kept
    drop: dict[Path, set[str]] = field(default_factory=dict)  # placeholders taken over
    other_sources: set[Path] = field(default_factory=set)  # replaced with --replace, said once


def run_import(req: ImportRequest) -> ImportReport:
    """Import one sheet; rejected rows and warnings come back in the report, never raised.

    The garbage collector is paused meanwhile (and put back as it was), as loading does: an
    import makes a dict and a list for every row and a record for every group, and no cycles,
    so each collection would walk the whole sheet's cells for nothing (half the time spent on
    the rows of a 50,000-row sheet)."""
    with paused_gc():
        return _run_import(req)


def _run_import(req: ImportRequest) -> ImportReport:
    _check(req)
    book = open_workbook(req.source, req.encoding)
    target, created_path = source_targets(
        req.kind, req.source, req.data_dir, req.out, req.create_missing
    )
    mapping, remembered = column_mapping(req.kind, req.mapping, target)
    layout, cells = _choose_sheet(book, req, mapping)
    report = ImportReport(
        kind=req.kind,
        source=req.source.name,
        sheet=layout.sheet,
        dry_run=req.dry_run,
        skip_invalid=req.skip_invalid,
    )
    layout.formulas = book.formulas.get(layout.sheet, set())
    layout.errors = book.errors.get(layout.sheet, {})
    ctx = Context(req.kind, layout)
    rows, stray_warnings, stray_rejects = read_rows(ctx, cells, book.is_csv)
    report.warnings += book.notes + remembered + layout.notes + stray_warnings
    report.rejects += stray_rejects + layout.rejects
    plan = _Plan(
        req=req,
        layout=layout,
        cells=cells,
        ctx=ctx,
        rows=rows,
        target=target,
        created_path=created_path,
        digest=sha256_of(req.source),
        report=report,
        mapping=mapping,
    )
    _refuse_hand_written(plan)  # before waiting for the lock…
    lock = contextlib.nullcontext() if req.dry_run else writing.locked(req.data_dir)
    with lock:
        _refuse_hand_written(plan)  # …and under it, where it counts
        ok = _prepare(plan)
        report.blocked = not ok or bool(report.rejects and not req.skip_invalid)
        if not report.blocked and not req.dry_run:
            _write(plan)
    return report


def _refuse_hand_written(plan: _Plan) -> None:
    req = plan.req
    for path in (plan.target, plan.created_path, *plan.drop):
        if path is not None:
            writing.refuse_hand_written(path)
            writing.refuse_edited(path, req.force)
    for path in (plan.target, plan.created_path):
        if path is not None and path not in plan.other_sources:
            other = sources.refuse_other_source(path, req.source, plan.digest, req.replace)
            if other is not None:
                plan.other_sources.add(path)
                plan.report.warnings.append(
                    sources.replacing(path, other, Where(plan.report.source, plan.layout.sheet))
                )


def _check(req: ImportRequest) -> None:
    if req.kind not in KINDS:
        raise PqpError(*phrase("unknown-kind", kind=req.kind, kinds=", ".join(KINDS)))
    if not req.data_dir.is_dir():
        raise PqpError(*phrase("data-not-found", path=display_path(req.data_dir)))


def _choose_sheet(
    book: Workbook, req: ImportRequest, mapping: dict[str, str]
) -> tuple[Layout, list[list[Any]]]:
    table = aliases(req.kind)
    table.update(mapping)
    names = [pick_sheet(book, req.sheet)] if req.sheet is not None else book.names
    source = req.source.name  # locations name the file as the analyst knows it
    for name in names:
        cells = book.rows(name)
        with contextlib.suppress(LookupError):
            return find_layout(cells, table, source, name), cells
    examples = ", ".join(f'"{c.vi[0]}"' for c in COLUMNS[req.kind][:6])
    where = phrase("in-sheet", name=names[0]) if len(names) == 1 else phrase("in-any-sheet")
    kind = kind_word(req.kind)
    raise PqpError(
        *phrase("no-header-row", source=source, kind=kind, where=where, examples=examples)
    )


def _prepare(plan: _Plan) -> bool:
    """Build the records and validate the dataset with them; False when nothing may be written."""
    req, report = plan.req, plan.report
    # Resolve against the data without this source's own files: they are being replaced.
    emptied = {p: "" for p in (plan.target, plan.created_path) if p is not None and p.exists()}
    base = req.load(emptied or None)
    ctx, rows = plan.ctx, plan.rows
    ctx.resolver = Resolver(base.enterprises, req.create_missing)
    ctx.units = base.units
    canonical_places(ctx, rows, req.province)
    built = build(ctx, rows)
    report.rows_read = ctx.rows_read
    report.rejects += ctx.rejects
    report.warnings += ctx.warnings
    if not _identities(plan, built):
        _count(plan, built, _created(ctx, built))
        return False
    before = req.load() if emptied else base
    for _ in range(5):  # each round drops the records that bring errors (--skip-invalid)
        created = _created(ctx, built)
        _render(plan, built, created)
        after = req.load(_virtual(plan))
        new = _new_problems(before, after)
        if not any(p.is_error for p in new):
            _warn(plan, built, created, new)
            _count(plan, built, created)
            return True
        built, blamed = _blame(plan, built, created, new)
        if not blamed or not req.skip_invalid:
            break
    _count(plan, built, _created(ctx, built))  # what a clean sheet would have written
    return False


def _identities(plan: _Plan, built: list[Built]) -> bool:
    """Placeholders taken over, and a sheet already imported from another file: refused
    (False) unless `--replace`, which then writes into that file."""
    req, where = plan.req, Where(plan.report.source, plan.layout.sheet)
    if req.kind == "enterprises":
        no_ids = plan.layout.col_of("id") is None  # every id derived (name and place too)
        derived = {
            b.record["id"]
            for b in built
            if no_ids
            or b.record["id"] == enterprise_id(b.record.get("tax_code"), b.record.get("name", ""))
        }
        derived -= identity.kept_ids(plan.target, built, derived)
        found = [p for p in identity.placeholders(req.data_dir) if p.path != plan.target]
        plan.drop, notes = identity.take_over(built, found, derived, where)
        plan.report.warnings += notes
    taken = set().union(*plan.drop.values()) if plan.drop else set()
    skip = {p.resolve() for p in (plan.target, plan.created_path) if p is not None}
    ids = {b.record["id"] for b in built} - taken
    files, notes = identity.already_imported(req.data_dir, req.kind, ids, skip, where)
    if files and req.replace and len(files) == 1:
        plan.target = files[0]
        plan.report.warnings.append(Note.of("replacing", where, path=display_path(files[0])))
    elif files:
        plan.report.rejects += notes
        return False
    _refuse_hand_written(plan)
    return True


def _created(ctx: Context, built: list[Built]) -> list[Built]:
    """The establishments `--create-missing` made that some kept record still names."""
    named = {e for b in built for e in b.record.get("participants", [b.record.get("enterprise")])}
    rows = ctx.created_rows
    return [Built(r, rows.get(i, [])) for i, r in ctx.resolver.created.items() if i in named]


def _render(plan: _Plan, built: list[Built], created: list[Built]) -> None:
    req, sheet = plan.req, plan.layout.sheet

    def where(b: Built) -> str:
        return f"{sheet} › {writing.rows_text(b.rows)}" if b.rows else sheet

    items = [(b.record, where(b)) for b in built]
    kept = writing.mapping_line(plan.mapping)
    plan.files = {
        plan.target: writing.render(req.kind, req.source, plan.digest, sheet, items, kept)
    }
    plan.sizes = {plan.target: len(built)}
    if plan.created_path is not None:
        plan.sizes[plan.created_path] = len(created)
        made = [(b.record, "created for " + where(b)) for b in created]
        plan.files[plan.created_path] = writing.render(
            "enterprises", req.source, plan.digest, sheet, made, (writing.PLACEHOLDERS,)
        )
    for path, ids in plan.drop.items():
        plan.files[path] = writing.drop_records(path.read_text(encoding="utf-8-sig"), ids)
        plan.sizes[path] = len(writing.old_records(path)) - len(ids)


def _virtual(plan: _Plan) -> dict[Path, str]:
    """The files as the loader should see them; an --out outside DIR is checked inside it."""
    files = dict(plan.files)
    if inside(plan.req.data_dir, plan.target) is None:
        text = files.pop(plan.target)
        files[plan.req.data_dir / plan.req.kind / f".{plan.req.source.stem}.preview.yaml"] = text
    return files


def _key(p: Problem) -> tuple[Any, ...]:
    return (p.code, p.kind, p.record, p.field)


def _new_problems(before: Dataset, after: Dataset) -> list[Problem]:
    """The problems the dataset did not already have (lines set aside: they move)."""
    old = Counter(_key(p) for p in before.problems)
    new = []
    for p in after.problems:
        if old[_key(p)]:
            old[_key(p)] -= 1
        else:
            new.append(p)
    return new


def _origin(plan: _Plan, built: list[Built], created: list[Built], p: Problem) -> Built | None:
    """The built record a dataset problem belongs to, or None."""
    pool = built if p.kind == plan.req.kind else created if p.kind == "enterprises" else []
    return next((b for b in pool if b.record["id"] == p.record), None)


def _where(plan: _Plan, origin: Built, p: Problem) -> Where:
    """The first row of the record a problem is about, at the column of its field if any."""
    field = (p.field or "").split(".")[0]
    column = plan.layout.col_of(COLUMN_OF.get(field, field)) if field else None
    return plan.layout.where(origin.rows[0], column)


def _blame(
    plan: _Plan, built: list[Built], created: list[Built], new: list[Problem]
) -> tuple[list[Built], bool]:
    """Reject the rows of records that bring errors; False when some error has no record."""
    dropped: set[str] = set()
    all_found = True
    for p in (p for p in new if p.is_error):
        origin = _origin(plan, built, created, p)
        if origin is None or not origin.rows:
            all_found = False
            where = Where(plan.report.source, plan.layout.sheet)
        else:
            where = _where(plan, origin, p)
            dropped.add(origin.record["id"])
        plan.report.rejects.append(
            Note(p.code, *local_problem(plan.files, [*created, *built], p), where)
        )
    kept = [b for b in built if b.record["id"] not in dropped]
    kept = [b for b in kept if not _names_dropped(b, dropped)]
    return kept, all_found


def _names_dropped(b: Built, dropped: set[str]) -> bool:
    names = set(b.record.get("participants", [])) | {b.record.get("enterprise")}
    return bool(names & dropped)


def _warn(plan: _Plan, built: list[Built], created: list[Built], new: list[Problem]) -> None:
    for p in new:
        origin = _origin(plan, built, created, p)
        if origin is not None and origin.rows:
            en, vi = (
                local_problem(plan.files, [*created, *built], p)
                if plan.req.dry_run
                else (p.en, p.vi)
            )
            plan.report.warnings.append(Note(p.code, en, vi, _where(plan, origin, p)))


def _count(plan: _Plan, built: list[Built], created: list[Built]) -> None:
    report = plan.report
    old = writing.old_records(plan.target)
    for b in built:
        before = old.pop(b.record["id"], None)
        if before is None:
            report.created += 1
            continue
        now = writing.as_text(b.record)
        if before == now:
            report.unchanged += 1
        else:
            report.changed += 1
            report.changes.append(record_changes(b.record["id"], before, now))
    report.removed = len(old)
    report.changes += [removed(rid, rec) for rid, rec in old.items()]
    if plan.created_path is not None:
        had = writing.old_records(plan.created_path)
        report.enterprises_created = sum(b.record["id"] not in had for b in created)
        for b in created:  # placeholders edited by hand (--force) lose those edits: say so
            before = had.pop(b.record["id"], None)
            now = writing.as_text(b.record)
            if before is not None and before != now:
                report.changes.append(record_changes(b.record["id"], before, now))
        report.changes += [removed(rid, rec) for rid, rec in had.items()]


def _write(plan: _Plan) -> None:
    """Created establishments first: a kill between the two writes leaves a valid dataset."""
    order = [p for p in (plan.created_path, plan.target, *plan.drop) if p is not None]
    for path in order:
        text = plan.files[path]
        if not plan.sizes[path] and not path.exists():
            continue  # no empty file where there was none
        writing.remove_stale_temps(path)  # left by a killed import; we hold the lock
        if not _same(path, text):
            try:
                writing.write_atomic(path, text)
            except PqpError as err:
                raise _after(err, plan.report.written) from None
            plan.report.written.append(path)
    if plan.report.rejects and plan.req.skip_invalid:
        try:
            plan.report.rejects_file = write_rejects(plan.req, plan.layout, plan.cells, plan.report)
        except PqpError as err:
            plan.report.rejects_failed = phrase("rejects-not-saved", error=Texts(err.en, err.vi))


def _after(err: PqpError, written: list[Path]) -> PqpError:
    """A write that failed after others succeeded: the error names what was written."""
    if not written:
        return err
    names = ", ".join(display_path(p) for p in written)
    return PqpError(
        *phrase("already-written", error=Texts(err.en, err.vi), names=names), err.exit_code
    )


def _same(path: Path, text: str) -> bool:
    try:
        return path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False
