"""`pqp import`, whole: read the sheet, build records, validate the dataset with them, write."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pqp_cli.importing import writing
from pqp_cli.importing.headers import COLUMNS, aliases, load_mapping
from pqp_cli.importing.outcome import ImportReport, Note, Where
from pqp_cli.importing.readers import Workbook, open_workbook, pick_sheet
from pqp_cli.importing.resolve import Resolver
from pqp_cli.importing.rows import COLUMN_OF, Built, Context, build, parse_rows
from pqp_cli.importing.sheet import Layout, cell_text, find_layout
from pqp_cli.importing.stray import stray_notes
from pqp_cli.loading import Dataset, load_dataset
from pqp_cli.models import KINDS
from pqp_cli.problems import PqpError, Problem, display_path
from pqp_cli.text import csv_safe


@dataclass
class ImportRequest:
    """The options of `pqp import`."""

    kind: str
    source: Path
    data_dir: Path
    sheet: str | None = None
    mapping: Path | None = None
    out: Path | None = None
    dry_run: bool = False
    encoding: str | None = None
    create_missing: bool = False
    skip_invalid: bool = False
    lang: str = "en"
    today: dt.date | None = None  # for the dataset's date checks
    period: tuple[dt.date, dt.date] | None = None  # the plan's, for outside-period warnings

    def load(self, overrides: dict[Path, str] | None = None) -> Dataset:
        return load_dataset(
            self.data_dir, overrides=overrides, period=self.period, today=self.today
        )


@dataclass
class _Plan:
    """Where records go, and what is known of the sheet."""

    req: ImportRequest
    layout: Layout
    cells: list[list[Any]]
    target: Path
    created_path: Path | None
    digest: str
    report: ImportReport
    files: dict[Path, str] = field(default_factory=dict)
    sizes: dict[Path, int] = field(default_factory=dict)  # records in each file


def run_import(req: ImportRequest) -> ImportReport:
    """Import one sheet; rejected rows and warnings come back in the report, never raised."""
    _check(req)
    book = open_workbook(req.source, req.encoding)
    layout, cells = _choose_sheet(book, req)
    report = ImportReport(req.kind, req.source.name, layout.sheet, dry_run=req.dry_run)
    layout.formulas = book.formulas.get(layout.sheet, set())
    stray_warnings, stray_rejects = stray_notes(cells, layout, req.kind, book.is_csv)
    report.warnings += book.notes + layout.notes + stray_warnings
    report.rejects += stray_rejects
    plan = _Plan(req, layout, cells, *_targets(req), _sha256(req.source), report)
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
    for path in (plan.target, plan.created_path):
        if path is not None:
            writing.refuse_hand_written(path)


def _check(req: ImportRequest) -> None:
    if req.kind not in KINDS:
        raise PqpError(
            f"unknown kind '{req.kind}'; kinds: {', '.join(KINDS)}",
            f"không có loại '{req.kind}'; các loại: {', '.join(KINDS)}",
        )
    if not req.data_dir.is_dir():
        raise PqpError(
            f"data folder not found: {display_path(req.data_dir)} (give --data DIR or set PQP_DATA)",
            f"không tìm thấy thư mục dữ liệu: {display_path(req.data_dir)} (dùng --data DIR)",
        )


def _choose_sheet(book: Workbook, req: ImportRequest) -> tuple[Layout, list[list[Any]]]:
    table = aliases(req.kind)
    if req.mapping is not None:
        table.update(load_mapping(req.mapping, req.kind))
    names = [pick_sheet(book, req.sheet)] if req.sheet is not None else book.names
    source = req.source.name  # locations name the file as the analyst knows it
    for name in names:
        cells = book.rows(name)
        with contextlib.suppress(LookupError):
            return find_layout(cells, table, source, name), cells
    examples = ", ".join(f'"{c.vi[0]}"' for c in COLUMNS[req.kind][:6])
    where = f'sheet "{names[0]}"' if len(names) == 1 else "any sheet"
    where_vi = f'trang "{names[0]}"' if len(names) == 1 else "trang nào"
    raise PqpError(
        f"{source}: no header row for {req.kind} in the first 20 rows of {where}: a header names"
        f" at least two known columns, such as {examples} (or see --mapping)",
        f"{source}: không thấy dòng tiêu đề {req.kind} trong 20 dòng đầu của {where_vi}: dòng"
        f" tiêu đề phải có ít nhất hai cột đã biết, vd. {examples} (hoặc dùng --mapping)",
    )


def _targets(req: ImportRequest) -> tuple[Path, Path | None]:
    stem = writing.safe_stem(req.source.stem)
    target = req.out or req.data_dir / req.kind / f"{stem}.yaml"
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise PqpError(
            f"--out {display_path(target)}: the output is a .yaml file",
            f"--out {display_path(target)}: tệp kết quả phải là .yaml",
        )
    inside = _inside(req.data_dir, target)
    if inside and any(part.startswith(".") for part in inside.parts):
        raise PqpError(
            f"--out {display_path(target)}: the loader skips names that begin with a dot, so"
            " nothing imported there would count; choose another name",
            f"--out {display_path(target)}: tên bắt đầu bằng dấu chấm bị bỏ qua khi đọc dữ liệu,"
            " nên bản ghi ở đó sẽ không được tính; hãy chọn tên khác",
        )
    if (
        inside
        and len(inside.parts) > 1
        and inside.parts[0] != req.kind
        or (inside and len(inside.parts) == 1 and inside.stem != req.kind)
    ):
        raise PqpError(
            f"--out {display_path(target)}: {req.kind} records go in {req.kind}.yaml or under"
            f" {req.kind}/ in the data folder",
            f"--out {display_path(target)}: bản ghi {req.kind} đặt trong {req.kind}.yaml hoặc"
            f" thư mục {req.kind}/ của thư mục dữ liệu",
        )
    wants_created = req.create_missing and req.kind in ("trainings", "certifications")
    created = req.data_dir / "enterprises" / f"{stem}.yaml" if wants_created else None
    return target, created


def _inside(folder: Path, path: Path) -> Path | None:
    try:
        return path.resolve().relative_to(folder.resolve())
    except ValueError:
        return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _prepare(plan: _Plan) -> bool:
    """Build the records and validate the dataset with them; False when nothing may be written."""
    req, report = plan.req, plan.report
    # Resolve against the data without this source's own files: they are being replaced.
    emptied = {p: "" for p in (plan.target, plan.created_path) if p is not None and p.exists()}
    base = req.load(emptied or None)
    ctx = Context(req.kind, plan.layout, Resolver(base.enterprises, req.create_missing))
    ctx.units = base.units
    built = build(ctx, parse_rows(ctx, plan.cells))
    report.rows_read = ctx.rows_read
    report.rejects += ctx.rejects
    report.warnings += ctx.warnings
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
    plan.files = {plan.target: writing.render(req.kind, req.source, plan.digest, sheet, items)}
    plan.sizes = {plan.target: len(built)}
    if plan.created_path is not None:
        plan.sizes[plan.created_path] = len(created)
        made = [(b.record, "created for " + where(b)) for b in created]
        plan.files[plan.created_path] = writing.render(
            "enterprises", req.source, plan.digest, sheet, made
        )


def _virtual(plan: _Plan) -> dict[Path, str]:
    """The files as the loader should see them; an --out outside DIR is checked inside it."""
    files = dict(plan.files)
    if _inside(plan.req.data_dir, plan.target) is None:
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
        plan.report.rejects.append(Note(p.code, p.en, p.vi, where))
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
            plan.report.warnings.append(Note(p.code, p.en, p.vi, _where(plan, origin, p)))


def _count(plan: _Plan, built: list[Built], created: list[Built]) -> None:
    report = plan.report
    old = writing.old_records(plan.target)
    for b in built:
        before = old.pop(b.record["id"], None)
        if before is None:
            report.created += 1
        elif before == writing.as_text(b.record):
            report.unchanged += 1
        else:
            report.changed += 1
    report.removed = len(old)
    if plan.created_path is not None:
        had = writing.old_records(plan.created_path)
        report.enterprises_created = sum(b.record["id"] not in had for b in created)
    report.outputs = list(plan.files)


def _write(plan: _Plan) -> None:
    """Created establishments first: a kill between the two writes leaves a valid dataset."""
    order = [p for p in (plan.created_path, plan.target) if p is not None]
    for path in order:
        text = plan.files[path]
        if not plan.sizes[path] and not path.exists():
            continue  # no empty file where there was none
        writing.remove_stale_temps(path)  # left by a killed import; we hold the lock
        if not _same(path, text):
            writing.write_atomic(path, text)
            plan.report.written.append(path)
    if plan.report.rejects and plan.req.skip_invalid:
        plan.report.rejects_file = _write_rejects(plan)


def _same(path: Path, text: str) -> bool:
    try:
        return path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False


def _write_rejects(plan: _Plan) -> Path:
    """SOURCE.rejects.csv: the rejected rows as they were, with their row and reasons."""
    lang, layout = plan.req.lang, plan.layout
    reasons: dict[int, list[str]] = {}
    for note in plan.report.rejects:
        if note.where is not None and note.where.row is not None:
            prefix = f"{note.where.source} › {note.where.sheet} › "
            reasons.setdefault(note.where.row, []).append(note.message(lang).removeprefix(prefix))
    width = max((len(plan.cells[r - 1]) for r in reasons), default=0)
    header = [cell_text(v) for v in plan.cells[layout.header_row]][:width]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            *map(csv_safe, header),
            "Dòng" if lang == "vi" else "Row",
            "Lý do" if lang == "vi" else "Reason",
        ]
    )
    for row, texts in sorted(reasons.items()):
        cells = [cell_text(v) for v in plan.cells[row - 1]][:width]
        writer.writerow(
            [*map(csv_safe, cells), *[""] * (width - len(cells)), row, csv_safe(" | ".join(texts))]
        )
    path = plan.req.source.with_name(plan.req.source.name + ".rejects.csv")
    writing.write_atomic(path, "\ufeff" + out.getvalue())
    return path
