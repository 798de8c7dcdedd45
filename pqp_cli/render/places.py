"""The by-district and by-commune tables of `status`, and the names shown for localities: the
canonical name, with what was written beside it where the two differ."""

from __future__ import annotations

from tabulate import tabulate

from pqp_cli.core.i18n import tr
from pqp_cli.figures.documents import Share, StatusDoc, StatusRow, Subject
from pqp_cli.figures.timeline import NO_LOCALITY, locality_order
from pqp_cli.render.vnformat import number

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


def written_label(doc: StatusDoc, name: str) -> str:
    """A locality as written, shown by its canonical name and, where it differs, the text."""
    canonical = doc.places.written.get(name) if doc.places is not None else None
    shown = locality_name(name, doc.lang)
    if canonical is None:
        return shown
    return f"{canonical} ({'ghi là' if doc.lang == 'vi' else 'written'} “{name}”)"


def subject_place(subject: Subject, lang: str) -> str:
    """An explain subject's locality: its canonical name, and what was written if different."""
    written, canonical = subject.locality or "", subject.place
    if canonical is None or canonical == written:
        return written
    return f"{canonical} ({'ghi là' if lang == 'vi' else 'written'} “{written}”)"


def straddling_note(doc: StatusDoc) -> str:
    """The sentence saying under which district each straddling 2025 unit is counted."""
    notes = []
    places = doc.places.straddling if doc.places is not None else None
    for s in places or []:
        shares = ", ".join(f"{d} {pct}%" for d, pct in s.area_percent.items())
        if doc.lang == "vi":
            notes.append(f"{s.unit} nằm trên hai huyện cũ ({shares}): tính vào {s.district}.")
        else:
            notes.append(
                f"{s.unit} straddles two old districts ({shares} of its area): "
                f"counted under {s.district}."
            )
    return " ".join(notes)


def level_groups(
    doc: StatusDoc, key: str
) -> tuple[list[tuple[StatusRow, dict[str, int | Share]]], list[str]]:
    """The rows grouped under `key` (by_district, by_commune or by_locality), each with its
    groups, and every group's name in order."""
    targets = [(r, r.breakdown(key)) for r in doc.targets]
    shown = [(r, groups) for r, groups in targets if groups is not None]
    return shown, locality_order(n for _, groups in shown for n in groups)


def level_rows(doc: StatusDoc, key: str) -> tuple[list[str], list[list[str]]]:
    """Target ids as columns, one row per district (or commune)."""
    targets, names = level_groups(doc, key)
    rows = [
        [locality_name(n, doc.lang), *(_cell(r, g, n, doc.lang) for r, g in targets)] for n in names
    ]
    return [r.id for r, _ in targets], rows


def _cell(row: StatusRow, groups: dict[str, int | Share], name: str, lang: str) -> str:
    """`12`, or `7/8 (87.5%)` (`87,5%` under `vi`; `1.234` for thousands)."""
    entry = groups.get(name)
    if row.kind == "count":
        return str(entry or 0) if lang != "vi" else number(entry or 0, lang, 0)
    if not isinstance(entry, Share):
        return "–"
    if lang != "vi":
        return f"{entry.numerator}/{entry.denominator} ({entry.value}%)"
    shown = f"{number(entry.numerator, lang, 0)}/{number(entry.denominator, lang, 0)}"
    return f"{shown} ({number(entry.value, lang, 1)}%)"


def place_tables(doc: StatusDoc, tablefmt: str) -> list[str]:
    """The by-district and by-commune tables the rows carry data for."""
    tables = []
    vi = doc.lang == "vi"
    for key in ("by_district", "by_commune"):
        if all(getattr(r, key) is None for r in doc.targets):
            continue
        ids, rows = level_rows(doc, key)
        head = HEADS[key][vi]
        table = tabulate(rows, headers=[head, *ids], tablefmt=tablefmt, disable_numparse=True)
        text = f"{TITLES[key][vi]}\n\n{table}\n"
        note = straddling_note(doc) if key == "by_district" else ""
        text += f"\n{note}\n" if note else ""
        tables.append(text)
    return tables


# --- the report's table by locality -------------------------------------------------------------


def table_key(doc: StatusDoc) -> str | None:
    """`by_district` or `by_commune` when the report groups its table so, else None."""
    level = doc.places.table if doc.places is not None else None
    return f"by_{level}" if level else None


def report_rows(doc: StatusDoc) -> tuple[list[str], list[list[str]]]:
    return level_rows(doc, table_key(doc) or "by_district")


def table_title(doc: StatusDoc) -> str:
    """The note under the report's table: how it groups, and any straddling unit."""
    key = table_key(doc)
    if key is None:
        return tr("by_locality_title", doc.lang)
    note = straddling_note(doc) if key == "by_district" else ""
    return TITLES[key][doc.lang == "vi"] + (f". {note.rstrip('.')}" if note else "")


#: The first column of the report's table by locality, as it groups (every format says so).
REPORT_HEADS = {
    "by_district": ("Old district (to 2025-06-30)", "Huyện (cũ)"),
    "by_commune": ("Commune or ward (from 2025-07-01)", "Xã, phường (từ 01/07/2025)"),
    "by_locality": ("Locality", "Địa bàn"),
}


def report_key(doc: StatusDoc) -> str:
    """The key of the rows the report's table reads: `by_district` or `by_commune` when the
    plan's province is in the register, else `by_locality` (the text as written)."""
    return table_key(doc) or "by_locality"


def report_head(doc: StatusDoc) -> str:
    return REPORT_HEADS[report_key(doc)][doc.lang == "vi"]
