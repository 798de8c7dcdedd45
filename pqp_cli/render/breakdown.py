"""`status --by year|locality` and `--projection` as extra columns and tables (text, Markdown,
CSV); the report renderers draw their cells from here too."""

from __future__ import annotations

from typing import Any

from tabulate import tabulate

from pqp_cli.core.i18n import tr
from pqp_cli.figures.timeline import NO_LOCALITY, locality_order
from pqp_cli.render.places import (  # noqa: F401  (table_title, report_head: the reports use them)
    place_tables,
    report_head,
    report_rows,
    table_key,
    table_title,
    written_label,
)

PROJECTION_KEYS = ("projected_end_value", "projected_met_on")
LOCALITY_KEYS = ("by_locality", "by_district", "by_commune")


def fmt_number(x: Any) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.1f}"
    return str(x)


def fmt_value(row: dict[str, Any], value: Any) -> str:
    """A value of the row's target: `87.5%` for a percentage target."""
    text = fmt_number(value)
    return f"{text}%" if row["kind"] == "percent" and value is not None else text


def locality_name(name: str, lang: str) -> str:
    return tr("no_locality", lang) if name == NO_LOCALITY else name


# --- projection columns -------------------------------------------------------------------------


def has_projection(doc: dict[str, Any]) -> bool:
    return any(PROJECTION_KEYS[0] in r for r in doc["targets"])


def projection_headers(doc: dict[str, Any], lang: str) -> list[str]:
    return [tr(k, lang) for k in PROJECTION_KEYS] if has_projection(doc) else []


def projection_cells(row: dict[str, Any]) -> list[str]:
    if PROJECTION_KEYS[0] not in row:
        return []
    met_on = "> 9999-12-31" if row.get("projected_beyond_calendar") else row["projected_met_on"]
    return [fmt_value(row, row["projected_end_value"]), met_on or "–"]


# --- by year ------------------------------------------------------------------------------------


def year_keys(doc: dict[str, Any]) -> list[str]:
    keys: dict[str, None] = {}
    for row in doc["targets"]:
        keys.update(dict.fromkeys(row.get("by_year") or {}))
    return sorted(keys)


def fmt_increase(row: dict[str, Any], increase: Any) -> str:
    """An in-year increase with its sign: `+88`, `+10.0` (percentage points), `–` if unknown."""
    if increase is None:
        return "–"
    return ("+" if increase >= 0 else "") + fmt_number(increase)


def year_cell(row: dict[str, Any], entry: dict[str, Any] | None) -> str:
    """`162 (+88)`: the cumulative value, then the increase within the year in brackets."""
    if entry is None:
        return "–"
    return f"{fmt_value(row, entry['value'])} ({fmt_increase(row, entry['in_year'])})"


def year_rows(doc: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """Header keys and one row per target: id, then its value (and in-year increase) at each
    point."""
    keys = year_keys(doc)
    rows = [
        [r["id"], *(year_cell(r, r["by_year"].get(k)) for k in keys)]
        for r in doc["targets"]
        if "by_year" in r
    ]
    return keys, rows


def year_table(doc: dict[str, Any], lang: str, tablefmt: str) -> str:
    keys, rows = year_rows(doc)
    table = tabulate(
        rows, headers=[tr("id", lang), *keys], tablefmt=tablefmt, disable_numparse=True
    )
    return f"{tr('by_year_title', lang)}\n\n{table}\n\n{tr('in_brackets', lang)} {tr('in_year_note', lang)}\n"


# --- by locality --------------------------------------------------------------------------------


def locality_targets(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in doc["targets"] if r.get("by_locality") is not None]


def locality_cell(row: dict[str, Any], name: str) -> str:
    """`12` for a count; `7/8 (87.5%)` for a percentage; `0` or `–` where none are there."""
    entry = row["by_locality"].get(name)
    if row["kind"] == "count":
        return str(entry or 0)
    if entry is None:
        return "–"
    return f"{entry['numerator']}/{entry['denominator']} ({fmt_number(entry['value'])}%)"


def locality_rows(doc: dict[str, Any], lang: str) -> tuple[list[str], list[list[str]]]:
    """Target ids as columns and one row per locality (every locality any target names)."""
    if table_key(doc):
        return report_rows(doc, lang)  # the report groups by district or by commune
    targets = locality_targets(doc)
    names = locality_order(n for r in targets for n in r["by_locality"])
    rows = [[written_label(doc, n, lang), *(locality_cell(r, n) for r in targets)] for n in names]
    return [r["id"] for r in targets], rows


def left_out_of_localities(doc: dict[str, Any]) -> list[str]:
    return [r["id"] for r in doc["targets"] if "by_locality" in r and r["by_locality"] is None]


def locality_table(doc: dict[str, Any], lang: str, tablefmt: str) -> str:
    ids, rows = locality_rows(doc, lang)
    headers = [tr("locality", lang), *ids]
    table = tabulate(rows, headers=headers, tablefmt=tablefmt, disable_numparse=True)
    text = f"{tr('by_locality_title', lang)}\n\n{table}\n"
    others = left_out_of_localities(doc)
    if others:
        text += "\n" + tr("no_locality_subjects", lang, ids=", ".join(others)) + "\n"
    return text


def extra_tables(doc: dict[str, Any], lang: str, tablefmt: str) -> list[str]:
    """The by-year and by-locality tables the rows carry data for, in that order (for
    Markdown, `github`, with every name escaped as every Markdown output escapes it)."""
    if tablefmt == "github":
        from pqp_cli.render.mdsafe import inert

        doc = inert(doc)
    tables = []
    if any("by_year" in r for r in doc["targets"]):
        tables.append(year_table(doc, lang, tablefmt))
    if any("by_locality" in r for r in doc["targets"]):
        tables.append(locality_table(doc, lang, tablefmt))
    tables.extend(place_tables(doc, lang, tablefmt))
    return tables


# --- CSV ----------------------------------------------------------------------------------------


def flatten(row: dict[str, Any]) -> dict[str, Any]:
    """A status row for CSV: `by_year` spread into `by_year.2021` (the cumulative value) and
    `by_year.2021.in_year` columns, and `by_locality` (then `by_district`, `by_commune`) into
    `by_locality.<name>` columns (a percentage target's locality cell holds its value)."""
    flat = {k: v for k, v in row.items() if k not in ("by_year", *LOCALITY_KEYS)}
    for key, entry in (row.get("by_year") or {}).items():
        flat[f"by_year.{key}"] = entry["value"]
        flat[f"by_year.{key}.in_year"] = entry["in_year"]
    for group in LOCALITY_KEYS:  # by_locality, then by_district and by_commune
        for name, entry in (row.get(group) or {}).items():
            flat[f"{group}.{name}"] = entry["value"] if isinstance(entry, dict) else entry
    return flat


def csv_rows(doc: dict[str, Any], keys: list[str]) -> tuple[list[dict[str, Any]], list[str]]:
    """The flattened rows and the columns beyond `keys`: projection, years, then localities."""
    rows = [flatten(r) for r in doc["targets"]]
    seen = {k for r in rows for k in r} - set(keys)
    years = sorted(k for k in seen if k.startswith("by_year."))
    places = [
        f"by_locality.{n}"
        for n in locality_order(k[12:] for k in seen if k.startswith("by_locality."))
    ]
    rest = sorted(seen - set(years) - set(places))
    return rows, rest + years + places
