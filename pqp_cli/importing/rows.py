"""Sheet rows → records of each kind, every rejected cell located as Excel shows it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from pqp_cli.core.messages import Texts, texts
from pqp_cli.core.models import MODELS
from pqp_cli.core.text import fold, name_key, opens_with_legal_form
from pqp_cli.importing.cells import WRAP, CellError, Warned, check_names, convert
from pqp_cli.importing.headers import Column, columns, nearest_header
from pqp_cli.importing.outcome import Note, column_letter
from pqp_cli.importing.resolve import Found, Ref, Resolver, short_hash
from pqp_cli.importing.sheet import Layout, data_rows
from pqp_cli.importing.stray import unread_in_row
from pqp_cli.read.validation_messages import allowed_for


@dataclass
class Row:
    """A data row whose cells all converted: 0-based sheet row, column key → value."""

    index: int
    values: dict[str, Any]


@dataclass
class Built:
    """A record ready to write (fields in model order, python values) and the rows it came from."""

    record: dict[str, Any]
    rows: list[int]


@dataclass
class Context:
    """What building records needs and collects: the layout, resolver, rejects and warnings."""

    kind: str
    layout: Layout
    resolver: Resolver
    units: dict[str, Any] = field(default_factory=dict)
    created_rows: dict[str, list[int]] = field(default_factory=dict)
    rejects: list[Note] = field(default_factory=list)
    warnings: list[Note] = field(default_factory=list)
    rows_read: int = 0

    def note(self, into: list[Note], row: int | None, key: str | None, en: str, vi: str) -> None:
        col = self.layout.col_of(key) if key else None
        where = self.layout.where(row, col) if row is not None else None
        into.append(Note("rejected" if into is self.rejects else "warning", en, vi, where))

    def reject(self, row: int, key: str | None, en: str, vi: str) -> None:
        self.note(self.rejects, row, key, en, vi)

    def warn(self, row: int, key: str | None, en: str, vi: str) -> None:
        self.note(self.warnings, row, key, en, vi)


def parse_rows(ctx: Context, cells: list[list[Any]]) -> list[Row]:
    """Convert every mapped cell of every data row; a row with a bad cell is rejected."""
    specs: list[tuple[int, Column, dict[str, Any]]] = [
        (col, columns(ctx.kind)[key], {}) for col, key in ctx.layout.columns.items()
    ]
    out: list[Row] = []
    for index, row in data_rows(cells, ctx.layout):
        ctx.rows_read += 1
        if index in ctx.layout.bad_rows:
            continue
        values = _row_values(ctx, index, row, specs)
        if values is not None and _identified(ctx, index, row, values):
            out.append(Row(index, values))
    return out


def _row_values(
    ctx: Context, index: int, row: list[Any], specs: list[tuple[int, Column, dict[str, Any]]]
) -> dict[str, Any] | None:
    """A row's values by column key, or None when a cell was rejected. A sheet repeats its
    texts (titles, topics, places, names) row after row: each column remembers the value of
    each text it converted, when nothing about a cell but its text can change that value (no
    error or formula cell in the sheet)."""
    layout = ctx.layout
    plain = not (layout.errors or layout.formulas)
    values: dict[str, Any] = {}
    ok = True
    width = len(row)
    for col, spec, memo in specs:
        raw = row[col] if col < width else None
        if plain and raw.__class__ is str and raw in memo:
            value = memo[raw]
            values[spec.key] = list(value) if value.__class__ is list else value
            continue
        try:
            value = cell_value(layout, index, col, spec, raw)
        except CellError as err:
            ctx.reject(index, spec.key, err.en, err.vi)
            ok = False
            continue
        if isinstance(value, Warned):
            ctx.warn(index, spec.key, value.en, value.vi)
            value = value.value
        elif plain and value is not None and raw.__class__ is str:
            memo[raw] = list(value) if value.__class__ is list else value
        if value is not None:
            values[spec.key] = value
    return values if ok else None


#: The errors Excel (and LibreOffice: `Err:502`) shows in a cell whose formula failed.
_EXCEL_ERRORS = re.compile(
    r"^(#N/A|#DIV/0!|#REF!|#VALUE!|#NAME\?|#NUM!|#NULL!|#SPILL!|#CALC!|#GETTING_DATA|Err:\d{3})$"
)


#: A cell longer than this is no list entry (a pasted document?): rejected before it is read.
MAX_CELL_CHARS = 10_000


def cell_value(layout: Layout, index: int, col: int, spec: Column, raw: Any) -> Any:
    """The value of one cell (None when blank, perhaps `Warned`); raises CellError. Blank
    cells and texts that cannot be an Excel error skip those checks: most cells of a sheet."""
    if layout.errors or (
        raw.__class__ is str and ("#" in raw or "Err:" in raw or len(raw) > MAX_CELL_CHARS)
    ):
        excel_error(layout, index, col, raw)
    value = None if raw is None or raw == "" else convert(raw, spec.type)
    if value is None:
        if layout.formulas and (index, col) in layout.formulas:
            raise CellError(*texts("rejected/formula"))
        return None
    check_names(spec.key, value)
    return value


def excel_error(layout: Layout, index: int, col: int, raw: Any) -> None:
    """Raise CellError when the cell shows an Excel error (its value was never computed), or
    holds more text than any field could."""
    if isinstance(raw, str) and len(raw) > MAX_CELL_CHARS:
        raise CellError(*texts("rejected/too-long", count=len(raw), limit=MAX_CELL_CHARS))
    shown = layout.errors.get((index, col))
    if shown is None and isinstance(raw, str) and _EXCEL_ERRORS.match(raw.strip()):
        shown = raw.strip()
    if shown is not None:
        raise CellError(*texts("rejected/excel-error", shown=shown))


#: The column keys that tell which record (or which establishment) a row is about.
_IDENTITY = {
    "enterprises": ("id", "tax_code", "name"),
    "trainings": ("participant", "participant_tax_code", "participant_name"),
    "certifications": ("enterprise", "enterprise_tax_code", "enterprise_name"),
    "experts": ("id", "name"),
    "units": ("id", "name"),
}


def _identified(ctx: Context, index: int, row: list[Any], values: dict[str, Any]) -> bool:
    """A row naming no id, tax code or name while a column no field reads holds a value is
    rejected: that column most likely is the name under a header import does not know."""
    for key in _IDENTITY[ctx.kind]:
        if key in values:
            return True
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


def _fields(kind: str, values: dict[str, Any]) -> dict[str, Any]:
    return {name: values[name] for name in MODELS[kind].model_fields if name in values}


def _plain(ctx: Context, row: Row) -> dict[str, Any]:
    record = _fields(ctx.kind, row.values)
    if "id" not in record:
        prefix = "exp" if ctx.kind == "experts" else "unit"
        record["id"] = f"{prefix}-{short_hash(name_key(str(row.values.get('name', ''))))}"
    return record


def _expert(ctx: Context, row: Row) -> dict[str, Any] | None:
    record = _plain(ctx, row)
    unit = record.get("unit")
    if unit is not None and unit not in ctx.units:
        matches = [u.id for u in ctx.units.values() if name_key(u.name) == name_key(unit)]
        if len(matches) != 1:
            ctx.reject(row.index, "unit", *texts("rejected/no-unit", unit=unit))
            return None
        record["unit"] = matches[0]
    return record


def establishment_refs(
    values: dict[str, Any], prefix: str, knows: Callable[[str], bool] = lambda _: False
) -> list[Ref]:
    """The establishments a row names (several when a cell lists several). A name wrapped on
    several lines is several names only when every line is an establishment `knows` or every
    line opens with its own legal form; otherwise one name, its lines joined by spaces."""
    ids: list[str] = values.get(prefix) or []
    names: list[str] = []
    for name in values.get(f"{prefix}_name") or []:
        lines = name.split(WRAP)
        several = len(lines) > 1 and (
            all(knows(line) for line in lines) or all(opens_with_legal_form(x) for x in lines)
        )
        names += lines if several else [" ".join(lines)]
    tax = values.get(f"{prefix}_tax_code")
    extra = {"locality": values.get(f"{prefix}_locality"), "type": values.get(f"{prefix}_type")}
    if ids:
        paired = names if len(names) == len(ids) else [None] * len(ids)
        single_tax = tax if len(ids) == 1 else None
        return [Ref(i, single_tax, n, **extra) for i, n in zip(ids, paired, strict=True)]
    if len(names) > 1:
        return [Ref(None, None, n, **extra) for n in names]
    if names or tax:
        return [Ref(None, tax, names[0] if names else None, **extra)]
    return []


def resolved(ctx: Context, row: Row, ref: Ref, prefix: str) -> str | None:
    """The enterprise id of a ref, or None with the row rejected; warnings kept."""
    found: Found = ctx.resolver.resolve(ref)
    key = prefix if found.column == "id" else f"{prefix}_{found.column}"
    if found.id is None:
        col = ctx.layout.col_of(f"{prefix}_{found.also}") if found.also else None
        cell = f"{column_letter(col)}{row.index + 1}" if col is not None else None
        en, vi = (
            (found.en, found.vi)
            if cell is None
            else texts("rejected/name-in", reason=Texts(found.en, found.vi), cell=cell)
        )
        ctx.reject(row.index, key, en, vi)
    elif found.warning:
        ctx.warn(row.index, key, found.en, found.vi)
    if found.id in ctx.resolver.created:
        ctx.created_rows.setdefault(found.id, []).append(row.index)
    return found.id


def _certification(ctx: Context, row: Row) -> dict[str, Any] | None:
    refs = establishment_refs(row.values, "enterprise", ctx.resolver.knows)
    if len(refs) != 1:
        key = "rejected/one-enterprise" if refs else "rejected/no-enterprise"
        ctx.reject(row.index, "enterprise_name", *texts(key))
        return None
    ent = resolved(ctx, row, refs[0], "enterprise")
    if ent is None:
        return None
    record = _fields("certifications", {**row.values, "enterprise": ent})
    if "id" not in record:
        v = row.values
        parts = (v.get("category", ""), fold(v.get("scheme", "")), fold(v.get("product", "")))
        record["id"] = f"cert-{ent}-{short_hash(*parts, length=6)}"
    return record


#: The kinds with one record a row, and what makes each record.
_SINGLE: dict[str, Callable[[Context, Row], dict[str, Any] | None]] = {
    "certifications": _certification,
    "experts": _expert,
    "units": _plain,
}


def singles(ctx: Context, rows: list[Row]) -> list[Built]:
    """The records of a kind with one record a row (certifications, experts, units)."""
    make = _SINGLE[ctx.kind]
    built = []
    for row in rows:
        record = make(ctx, row)
        if record is not None:
            done = finish(ctx, record, [row.index])
            if done is not None:
                built.append(done)
    return built


def finish(
    ctx: Context, record: dict[str, Any], rows: list[int], product_rows: list[int] | None = None
) -> Built | None:
    """Validate against the model: a failure rejects the rows, located at the field's column."""
    model = MODELS[ctx.kind]
    try:
        model.model_validate(record)
    except ValidationError as exc:
        first = True
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else ""
            row, key, en, vi = _explain(ctx, rows, product_rows or [], err, name)
            ctx.reject(row, key, en, vi)
            first = False
        for other in rows[1:] if not first else []:
            ctx.reject(other, None, *texts("rejected/belongs", row=rows[0] + 1))
        return None
    defaults = {k: f.default for k, f in model.model_fields.items() if not f.is_required()}
    kept = {  # in the model's field order, defaults left out
        k: record[k]
        for k in model.model_fields
        if k in record and record[k] not in (None, []) and defaults.get(k, ...) != record[k]
    }
    return Built(kept, rows)


COLUMN_OF = {"participants": "participant", "ocop_products": "ocop_name"}
_OCOP_COLUMN = {"name": "ocop_name", "stars": "ocop_stars", "certified_on": "ocop_certified_on"}


def _explain(
    ctx: Context, rows: list[int], product_rows: list[int], err: Any, name: str
) -> tuple[int, str | None, str, str]:
    row, key = rows[0], COLUMN_OF.get(name, name)
    loc = err["loc"]
    if name == "ocop_products" and len(loc) >= 3 and isinstance(loc[1], int):
        row = product_rows[loc[1]] if loc[1] < len(product_rows) else row
        key = _OCOP_COLUMN.get(str(loc[2]), "ocop_name")
        name = str(loc[2])
    spec = columns(ctx.kind).get(key)
    header = spec.vi[0] if spec else name
    if err["type"] == "missing" or (name == "topics" and err["type"] == "too_short"):
        if spec is not None and ctx.layout.col_of(key) is None:
            return row, None, *texts("rejected/no-column", name=name, header=header)
        field = Texts(name, f'"{header}" ("{name}")')
        return row, key, *texts("rejected/required", field=field)
    allowed = Texts(*allowed_for(MODELS[ctx.kind], name))
    return row, key, *texts("rejected/not-allowed", allowed=allowed)


def unique_ids(ctx: Context, built: list[Built]) -> list[Built]:
    """Two records with one id: a derived id gets `-2`, `-3`…; a sheet's own id is rejected."""
    seen: dict[str, int] = {}
    given = ctx.layout.col_of("id") is not None
    out = []
    for item in built:
        rid = item.record["id"]
        if rid in seen and given and ctx.kind not in ("trainings", "enterprises"):
            ctx.reject(item.rows[0], "id", *texts("rejected/id-used", id=rid, row=seen[rid] + 1))
            continue
        n, base = 1, rid
        while rid in seen:
            n += 1
            rid = f"{base}-{n}"
        seen[rid] = item.rows[0]
        item.record["id"] = rid
        out.append(item)
    return out


def ocop_expiry(certified_on: dt.date) -> dt.date:
    """OCOP certificates last 36 months."""
    try:
        return certified_on.replace(year=certified_on.year + 3)
    except ValueError:  # 29 February
        return certified_on.replace(year=certified_on.year + 3, day=28)
