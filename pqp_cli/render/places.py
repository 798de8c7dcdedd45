"""The by-district and by-commune tables of `status`, and the names shown for localities: the
canonical name, with what was written beside it where the two differ."""

from __future__ import annotations

from typing import Any

from tabulate import tabulate

from pqp_cli.core.i18n import tr
from pqp_cli.figures.timeline import NO_LOCALITY, locality_order

TITLES = {
    "by_district": (
        "By old district (to 2025-06-30; 2025 units counted under the district they came from)",
        "Theo huyện cũ (đến 30/06/2025; đơn vị mới tính vào huyện cũ của nó)",
    ),
    "by_commune": (
        "By commune or ward (from 2025-07-01; old communes counted under the unit they joined)",
        "Theo xã, phường (từ 01/07/2025; xã cũ tính vào đơn vị mới mà nó nhập vào)",
    ),
}
HEADS = {"by_district": ("District", "Huyện"), "by_commune": ("Commune or ward", "Xã, phường")}


def locality_name(name: str, lang: str) -> str:
    return tr("no_locality", lang) if name == NO_LOCALITY else name


def written_label(doc: dict[str, Any], name: str, lang: str) -> str:
    """A locality as written, shown by its canonical name and, where it differs, the text."""
    canonical = (doc.get("places") or {}).get("written", {}).get(name)
    shown = locality_name(name, lang)
    if canonical is None:
        return shown
    return f"{canonical} ({'ghi là' if lang == 'vi' else 'written'} “{name}”)"


def subject_place(subject: dict[str, Any], lang: str) -> str:
    """An explain subject's locality: its canonical name, and what was written if different."""
    written, canonical = subject.get("locality") or "", subject.get("place")
    if canonical is None or canonical == written:
        return written
    return f"{canonical} ({'ghi là' if lang == 'vi' else 'written'} “{written}”)"


def straddling_note(doc: dict[str, Any], lang: str) -> str:
    """The sentence saying under which district each straddling 2025 unit is counted."""
    notes = []
    for s in (doc.get("places") or {}).get("straddling", []):
        shares = ", ".join(f"{d} {pct}%" for d, pct in s["area_percent"].items())
        if lang == "vi":
            notes.append(f"{s['unit']} nằm trên hai huyện cũ ({shares}): tính vào {s['district']}.")
        else:
            notes.append(
                f"{s['unit']} straddles two old districts ({shares} of its area): "
                f"counted under {s['district']}."
            )
    return " ".join(notes)


def level_rows(doc: dict[str, Any], key: str) -> tuple[list[str], list[list[str]]]:
    """Target ids as columns, one row per district (or commune)."""
    targets = [r for r in doc["targets"] if r.get(key) is not None]
    names = locality_order(n for r in targets for n in r[key])
    rows = [[n, *(_cell(r, key, n) for r in targets)] for n in names]
    return [r["id"] for r in targets], rows


def _cell(row: dict[str, Any], key: str, name: str) -> str:
    entry = row[key].get(name)
    if row["kind"] == "count":
        return str(entry or 0)
    if entry is None:
        return "–"
    return f"{entry['numerator']}/{entry['denominator']} ({entry['value']}%)"


def place_tables(doc: dict[str, Any], lang: str, tablefmt: str) -> list[str]:
    """The by-district and by-commune tables the rows carry data for."""
    tables = []
    for key in ("by_district", "by_commune"):
        if not any(key in r for r in doc["targets"]):
            continue
        ids, rows = level_rows(doc, key)
        rows = [[locality_name(r[0], lang), *r[1:]] for r in rows]
        head = HEADS[key][lang == "vi"]
        table = tabulate(rows, headers=[head, *ids], tablefmt=tablefmt, disable_numparse=True)
        text = f"{TITLES[key][lang == 'vi']}\n\n{table}\n"
        note = straddling_note(doc, lang) if key == "by_district" else ""
        text += f"\n{note}\n" if note else ""
        tables.append(text)
    return tables


# --- the report's table by locality -------------------------------------------------------------


def table_key(doc: dict[str, Any]) -> str | None:
    """`by_district` or `by_commune` when the report groups its table so, else None."""
    level = (doc.get("places") or {}).get("table")
    return f"by_{level}" if level else None


def report_rows(doc: dict[str, Any], lang: str) -> tuple[list[str], list[list[str]]]:
    key = table_key(doc) or "by_district"
    ids, rows = level_rows(doc, key)
    return ids, [[locality_name(r[0], lang), *r[1:]] for r in rows]


def table_title(doc: dict[str, Any], lang: str) -> str:
    """The note under the report's table: how it groups, and any straddling unit."""
    key = table_key(doc)
    if key is None:
        return tr("by_locality_title", lang)
    note = straddling_note(doc, lang) if key == "by_district" else ""
    return TITLES[key][lang == "vi"] + (f". {note.rstrip('.')}" if note else "")


#: The first column of the report's table by locality, as it groups (every format says so).
REPORT_HEADS = {
    "by_district": ("Old district (to 2025-06-30)", "Huyện (cũ)"),
    "by_commune": ("Commune or ward (from 2025-07-01)", "Xã, phường (từ 01/07/2025)"),
    "by_locality": ("Locality", "Địa bàn"),
}


def report_key(doc: dict[str, Any]) -> str:
    """The key of the rows the report's table reads: `by_district` or `by_commune` when the
    plan's province is in the register, else `by_locality` (the text as written)."""
    return table_key(doc) or "by_locality"


def report_head(doc: dict[str, Any], lang: str) -> str:
    return REPORT_HEADS[report_key(doc)][lang == "vi"]


def report_groups(doc: dict[str, Any]) -> tuple[str, list[dict[str, Any]], list[str]]:
    """The report's table by locality: its key, the targets with a column, the group names."""
    key = report_key(doc)
    targets = [r for r in doc["targets"] if r.get(key) is not None]
    return key, targets, locality_order(n for r in targets for n in r[key])
