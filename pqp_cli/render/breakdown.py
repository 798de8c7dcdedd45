"""`status --by year|locality` and `--projection` as extra columns and tables (text, Markdown,
CSV); the report renderers draw their cells from here too."""

from __future__ import annotations

from typing import Any

from tabulate import tabulate

from pqp_cli.core.i18n import tr
from pqp_cli.figures.documents import PROJECTION_KEYS, Figure, Share, StatusDoc, StatusRow
from pqp_cli.figures.documents import YearEntry as Entry
from pqp_cli.figures.timeline import locality_order
from pqp_cli.render.places import place_tables, report_rows, table_key, written_label
from pqp_cli.render.rows import fmt_number, fmt_value
from pqp_cli.render.vnformat import day_text, point_order

LOCALITY_KEYS = ("by_locality", "by_district", "by_commune")

# --- projection columns -------------------------------------------------------------------------


def projection_headers(doc: StatusDoc) -> list[str]:
    """The projection's two column heads, when any row has a projection."""
    shown = any(r.projection is not None for r in doc.targets)
    return [tr(k, doc.lang) for k in PROJECTION_KEYS] if shown else []


# --- by year ------------------------------------------------------------------------------------


def year_keys(doc: StatusDoc) -> list[str]:
    keys: dict[str, None] = {}
    for row in doc.targets:
        keys.update(dict.fromkeys(row.by_year or {}))
    return sorted(keys, key=point_order)


def fmt_increase(increase: Figure, lang: str = "en") -> str:
    """An in-year increase with its sign: `+88`, `+10.0` (percentage points), `–` if unknown."""
    if increase is None:
        return "–"
    return ("+" if increase >= 0 else "") + fmt_number(increase, lang)


def year_cell(row: StatusRow, entry: Entry | None, lang: str = "en") -> str:
    """`162 (+88)`: the cumulative value, then the increase within the year in brackets."""
    if entry is None:
        return "–"
    return f"{fmt_value(row, entry.value, lang)} ({fmt_increase(entry.in_year, lang)})"


def year_rows(doc: StatusDoc) -> tuple[list[str], list[list[str]]]:
    """Header keys and one row per target: id, then its value (and in-year increase) at each
    point."""
    keys = year_keys(doc)
    rows = [
        [r.id, *(year_cell(r, r.by_year.get(k), doc.lang) for k in keys)]
        for r in doc.targets
        if r.by_year is not None
    ]
    return keys, rows


def year_table(doc: StatusDoc, tablefmt: str) -> str:
    lang = doc.lang
    keys, rows = year_rows(doc)
    table = tabulate(
        rows,
        headers=[tr("id", lang), *(day_text(k, lang) for k in keys)],
        tablefmt=tablefmt,
        disable_numparse=True,
    )
    return f"{tr('by_year_title', lang)}\n\n{table}\n\n{tr('in_brackets', lang)} {tr('in_year_note', lang)}\n"


# --- by locality --------------------------------------------------------------------------------


def locality_cell(
    row: StatusRow, groups: dict[str, int | Share], name: str, lang: str = "en"
) -> str:
    """`12` for a count; `7/8 (87.5%)` for a percentage; `0` or `–` where none are there."""
    entry = groups.get(name)
    if row.kind == "count":
        return fmt_number(entry if isinstance(entry, int) else 0, lang)
    if not isinstance(entry, Share):
        return "–"
    shown = f"{fmt_number(entry.numerator, lang)}/{fmt_number(entry.denominator, lang)}"
    return f"{shown} ({fmt_number(entry.value, lang)}%)"


def locality_rows(doc: StatusDoc) -> tuple[list[str], list[list[str]]]:
    """Target ids as columns and one row per locality (every locality any target names)."""
    if table_key(doc):
        return report_rows(doc)  # the report groups by district or by commune
    targets = [(r, r.breakdown("by_locality")) for r in doc.targets]
    shown = [(r, groups) for r, groups in targets if groups is not None]
    names = locality_order(n for _, groups in shown for n in groups)
    rows = [
        [written_label(doc, n), *(locality_cell(r, groups, n, doc.lang) for r, groups in shown)]
        for n in names
    ]
    return [r.id for r, _ in shown], rows


def left_out_of_localities(doc: StatusDoc) -> list[str]:
    """The targets asked by locality whose subjects record none (experts, units)."""
    return [r.id for r in doc.targets if r.by_locality is not None and r.by_locality.groups is None]


def locality_table(doc: StatusDoc, tablefmt: str) -> str:
    lang = doc.lang
    ids, rows = locality_rows(doc)
    headers = [tr("locality", lang), *ids]
    table = tabulate(rows, headers=headers, tablefmt=tablefmt, disable_numparse=True)
    text = f"{tr('by_locality_title', lang)}\n\n{table}\n"
    others = left_out_of_localities(doc)
    if others:
        text += "\n" + tr("no_locality_subjects", lang, ids=", ".join(others)) + "\n"
    return text


def extra_tables(doc: StatusDoc, tablefmt: str) -> list[str]:
    """The by-year and by-locality tables the rows carry data for, in that order (for
    Markdown, `github`, with every name escaped as every Markdown output escapes it)."""
    if tablefmt == "github":
        from pqp_cli.render.mdsafe import inert

        doc = inert(doc)
    tables = []
    if any(r.by_year is not None for r in doc.targets):
        tables.append(year_table(doc, tablefmt))
    if any(r.by_locality is not None for r in doc.targets):
        tables.append(locality_table(doc, tablefmt))
    tables.extend(place_tables(doc, tablefmt))
    return tables


# --- CSV ----------------------------------------------------------------------------------------


def flatten(row: StatusRow) -> dict[str, Any]:
    """A status row for CSV: its JSON keys, `by_year` spread into `by_year.2021` (the
    cumulative value) and `by_year.2021.in_year` columns, and `by_locality` (then
    `by_district`, `by_commune`) into `by_locality.<name>` columns (a percentage target's
    locality cell holds its value)."""
    flat = {k: v for k, v in row.to_json().items() if k not in ("by_year", *LOCALITY_KEYS)}
    for key, entry in (row.by_year or {}).items():
        flat[f"by_year.{key}"] = entry.value
        flat[f"by_year.{key}.in_year"] = entry.in_year
    for group in LOCALITY_KEYS:  # by_locality, then by_district and by_commune
        for name, cell in (row.breakdown(group) or {}).items():
            flat[f"{group}.{name}"] = cell.value if isinstance(cell, Share) else cell
    return flat


def csv_rows(doc: StatusDoc, keys: list[str]) -> tuple[list[dict[str, Any]], list[str]]:
    """The flattened rows and the columns beyond `keys`: projection, years, then localities."""
    rows = [flatten(r) for r in doc.targets]
    seen = {k for r in rows for k in r} - set(keys)
    years = sorted(
        (k for k in seen if k.startswith("by_year.")),
        key=lambda k: (point_order(k[8:].removesuffix(".in_year")), k),
    )
    places = [
        f"by_locality.{n}"
        for n in locality_order(k[12:] for k in seen if k.startswith("by_locality."))
    ]
    rest = sorted(seen - set(years) - set(places))
    return rows, rest + years + places
