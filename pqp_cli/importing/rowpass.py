"""One pass over a sheet's data rows: each mapped cell converted, each other filled cell counted
for the message that names it (`stray`), each row without an identity rejected.

A sheet repeats its values row after row (titles, dates, topics, places, names): each column
remembers what each value it converted became, when nothing about a cell but its value can
change that (no error or formula cell in the sheet), so most cells cost one dict lookup."""

from __future__ import annotations

from typing import Any

from pqp_cli.importing.cells import CellError, Warned
from pqp_cli.importing.headers import Column, columns, nearest_header
from pqp_cli.importing.outcome import Note
from pqp_cli.importing.rows import Context, Row, cell_value
from pqp_cli.importing.sheet import data_rows, is_blank, shows_error
from pqp_cli.importing.stray import Stray, unread_in_row

#: (column, its spec, the values it converted: text → value, (type, value) → value)
Spec = tuple[int, Column, dict[Any, Any]]
_UNSEEN = object()


def read_rows(
    ctx: Context, cells: list[list[Any]], is_csv: bool
) -> tuple[list[Row], list[Note], list[Note]]:
    """The rows whose cells all converted, and the (warnings, rejects) about cells no field
    reads. Every data row is walked once; blank rows count only for those cells."""
    layout = ctx.layout
    specs: list[Spec] = [(col, columns(ctx.kind)[key], {}) for col, key in layout.columns.items()]
    convert = _plain_values if not (layout.errors or layout.formulas) else _row_values
    stray = Stray(layout, is_csv)
    named = frozenset(_IDENTITY[ctx.kind])  # a row holding one of these is identified
    out: list[Row] = []
    for index, row in data_rows(cells, layout, blank=True):
        stray.see(index, row)
        if is_blank(row, layout) and not shows_error(layout, index):
            continue
        ctx.rows_read += 1
        if index in layout.bad_rows:
            continue
        values = convert(ctx, index, row, specs)
        if values is not None and (not named.isdisjoint(values) or _identified(ctx, index, row)):
            out.append(Row(index, values))
    return (out, *stray.notes(ctx.kind))


def _plain_values(
    ctx: Context, index: int, row: list[Any], specs: list[Spec]
) -> dict[str, Any] | None:
    """A row's values by column key, or None when a cell was rejected, in a sheet where a
    cell's value alone decides what it becomes (and blank cells are only blank)."""
    values: dict[str, Any] = {}
    ok = True
    width = len(row)
    for col, spec, memo in specs:
        raw = row[col] if col < width else None
        if raw is None:
            continue
        key = raw if raw.__class__ is str else (raw.__class__, raw)  # 1 and 1.0 and True differ
        value = memo.get(key, _UNSEEN)
        if value is _UNSEEN:
            value, kept = _converted(ctx, index, col, spec, raw)
            if value is _REJECTED:
                ok = False
                continue
            if kept:
                memo[key] = value
        if value is not None:
            values[spec.key] = list(value) if value.__class__ is list else value
    return values if ok else None


def _row_values(
    ctx: Context, index: int, row: list[Any], specs: list[Spec]
) -> dict[str, Any] | None:
    """`_plain_values` for a sheet with error or formula cells: every cell converted."""
    values: dict[str, Any] = {}
    ok = True
    width = len(row)
    for col, spec, _ in specs:
        raw = row[col] if col < width else None
        value, _kept = _converted(ctx, index, col, spec, raw)
        if value is _REJECTED:
            ok = False
        elif value is not None:
            values[spec.key] = value
    return values if ok else None


_REJECTED = object()


def _converted(ctx: Context, index: int, col: int, spec: Column, raw: Any) -> tuple[Any, bool]:
    """A cell's value (`_REJECTED` when the cell is rejected, said to `ctx`), and whether it
    may be remembered for the same cell elsewhere in its column: a warning is said on every
    row it is on, so a warned value is not."""
    try:
        value = cell_value(ctx.layout, index, col, spec, raw)
    except CellError as err:
        ctx.reject(index, spec.key, err.en, err.vi)
        return _REJECTED, False
    if isinstance(value, Warned):
        ctx.warn(index, spec.key, value.en, value.vi)
        return value.value, False
    return value, True


#: The column keys that tell which record (or which establishment) a row is about.
_IDENTITY = {
    "enterprises": ("id", "tax_code", "name"),
    "trainings": ("participant", "participant_tax_code", "participant_name"),
    "certifications": ("enterprise", "enterprise_tax_code", "enterprise_name"),
    "experts": ("id", "name"),
    "units": ("id", "name"),
}


def _identified(ctx: Context, index: int, row: list[Any]) -> bool:
    """A row naming no id, tax code or name while a column no field reads holds a value is
    rejected: that column most likely is the name under a header import does not know."""
    unread = unread_in_row(ctx.layout, row)
    if not unread:
        return True
    col = unread[0]
    header = ctx.layout.headers.get(col, "")
    hint = (
        nearest_header(header, ctx.kind, _IDENTITY[ctx.kind])
        or columns(ctx.kind)[_IDENTITY[ctx.kind][-1]].vi[0]
    )
    where = ctx.layout.where(index, col)
    ctx.rejects.append(Note.of("rejected/unidentified", where, header=header, hint=hint))
    return False
