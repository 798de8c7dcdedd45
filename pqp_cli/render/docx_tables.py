"""The tables of the Word report, as rows of text drawn from the report document: every figure
is a value of `status --format json` (or, for systems and tools, counted from the same records
at the same dates), written the Vietnamese way under `vi`."""

from __future__ import annotations

from pqp_cli.figures.documents import ReportDoc, Share, StatusRow
from pqp_cli.figures.timeline import NO_LOCALITY
from pqp_cli.render.docx_text import w
from pqp_cli.render.places import level_groups, report_head, report_key
from pqp_cli.render.rows import Numbers, explain_tables, status_cells
from pqp_cli.render.vnformat import (
    figure,
    increase,
    number,
    percent,
    point_label,
    point_order,
    short_date,
    target_figure,
)

Rows = list[list[str]]


def numbers(lang: str) -> Numbers:
    """A state document's way of writing a row's figures (`86,6%`, `1.234`, `100%`)."""
    return Numbers(
        value=lambda row, x: figure(x, row.kind, lang),
        count=lambda x: number(x, lang),
        target=lambda row, x: target_figure(x, row.kind, lang),
        expected=lambda row, x: figure(x, row.kind, lang),
        percent=lambda x: percent(x, lang),
    )


def targets_table(report: ReportDoc) -> tuple[list[str], Rows]:
    """Table 1: one row per target."""
    lang, doc = report.lang, report.status
    at = short_date(doc.evaluated_at, lang)
    heads = [
        w("no", lang),
        w("target_title", lang),
        w("result", lang),
        w("goal", lang),
        w("of_goal", lang),
        w("expected", lang, date=at),
        w("assessment", lang),
    ]
    cells = [status_cells(r, lang, numbers(lang)) for r in doc.targets]
    rows = [
        [str(i), f"{c.id}. {c.title}", c.value, c.target, c.progress, c.expected, c.status]
        for i, c in enumerate(cells, 1)
    ]
    return heads, rows


def year_keys(report: ReportDoc) -> list[str]:
    """The `by_year` keys of all targets in time's order: years (`2023`), the as-of point
    (`2024-06-30`) last; not as text, which put year 10 before year 2."""
    keys: dict[str, None] = {}
    for r in report.status.targets:
        keys.update(dict.fromkeys(r.by_year or {}))
    return sorted(keys, key=point_order)


def breakable(heads: list[str], fixed: int) -> list[str]:
    """The year columns' headings, a date's (`30/06/2026`) free to break before its year only
    (a zero-width space): six columns in a page's width hold no date on one line, and Word and
    LibreOffice broke it inside the year (`30/06/2` over `026`)."""
    return [*heads[:fixed], *(_before_year(h) for h in heads[fixed:])]


def _before_year(head: str) -> str:
    day, slash, year = head.rpartition("/")
    return f"{day}/\u200b{year}" if slash and not head.isdigit() else head


def years_table(report: ReportDoc) -> tuple[list[str], Rows]:
    """Table 2: per target two rows, in the year and cumulative, one column per year."""
    lang, keys = report.lang, year_keys(report)
    heads = [w("code", lang), w("target_title", lang), "", *(point_label(k, lang) for k in keys)]
    rows = []
    for r in report.status.targets:
        years = r.by_year or {}
        for part in ("in_year", "cumulative"):
            cells = []
            for k in keys:
                entry = years.get(k)
                if entry is None:
                    cells.append("–")
                elif part == "in_year":
                    cells.append(increase(entry.in_year, "count", lang, r.kind))
                else:
                    cells.append(figure(entry.value, r.kind, lang))
            first = part == "in_year"
            name = w(part, lang) + (w("pp", lang) if first and r.kind == "percent" else "")
            rows.append([r.id if first else "", r.title if first else "", name])
            rows[-1] += cells
    return heads, rows


#: Year columns one Word table holds at most: a longer period is split into several tables, the
#: first columns repeated in each (Word refuses more than 63 columns, and past six years the
#: figures no longer fit the page's width at a legible size).
YEARS_A_TABLE = 6
#: The same for the locality table's columns, one per target on establishments (a plan may
#: have dozens).
TARGETS_A_TABLE = 6


def column_parts(count: int, fixed: int, most: int) -> list[list[int]]:
    """The columns of each part of a table of `count` columns whose first `fixed` are repeated
    in every part and the others shared out, at most `most` a part, as even as can be (the
    parts differ by one column at most, the longer first: thirteen years are five, four and
    four, never five, five and three; 37 never leave one year on its own)."""
    shared = max(count - fixed, 0)
    parts = max(1, -(-shared // most))
    size, longer = divmod(shared, parts)
    split, start = [], fixed
    for part in range(parts):
        end = start + size + (part < longer)
        split.append([*range(fixed), *range(start, end)])
        start = end
    return split


def by_columns(
    heads: list[str], rows: Rows, fixed: int, most: int = YEARS_A_TABLE
) -> list[tuple[list[str], Rows]]:
    """A table split by `column_parts`; a table without rows stays whole (its one sentence)."""
    if not rows:
        return [(heads, rows)]
    return [
        ([heads[i] for i in part], [[row[i] for i in part] for row in rows])
        for part in column_parts(len(heads), fixed, most)
    ]


def by_years(heads: list[str], rows: Rows, fixed: int) -> list[tuple[list[str], Rows]]:
    """A table whose columns after the first `fixed` are years, in parts of at most
    YEARS_A_TABLE years, as even as can be (seven years: four, then three)."""
    return by_columns(heads, rows, fixed, YEARS_A_TABLE)


def schemes_table(report: ReportDoc, target_id: str) -> tuple[list[str], Rows]:
    """Table 3: enterprises holding each system or tool at each year's end, then the target's
    own count (its `by_year` values)."""
    lang, keys = report.lang, year_keys(report)
    heads = [w("no", lang), w("scheme", lang), *(point_label(k, lang) for k in keys)]
    table = report.schemes[target_id]
    rows = [
        [str(i), name, *(number(counts.get(k, 0), lang) for k in keys)]
        for i, (name, counts) in enumerate(table.items(), 1)
    ]
    row = next(r for r in report.status.targets if r.id == target_id)
    years = row.by_year or {}
    total = [figure(years[k].value if k in years else None, "count", lang) for k in keys]
    rows.append(["", w("all_enterprises", lang, id=target_id), *total])
    return heads, rows


def subjects_table(report: ReportDoc, target_ids: list[str]) -> tuple[list[str], Rows]:
    """Tables 4 and 5: the subjects of the given targets, counted and (pilots) not yet."""
    lang = report.lang
    heads = [w("no", lang), w("code", lang), w("name", lang), w("code_target", lang)]
    heads.append(w("status_col", lang))
    rows: Rows = []
    for tid in target_ids:
        doc = report.explain[tid]
        for s in doc.counted:
            counted = w("counted", lang).capitalize()
            rows.append([str(len(rows) + 1), s.id, s.name, tid, counted])
        for s in doc.not_counted or []:
            lacks = ", ".join(_small(label) for label in s.lacks_labels or [])
            status = f"{w('not_counted', lang).capitalize()}: {w('lacks', lang).lower()} {lacks}"
            rows.append([str(len(rows) + 1), s.id, s.name, tid, status])
    return heads, rows


def _small(label: str) -> str:
    """A label inside a sentence: `Đảm bảo đo lường` → `đảm bảo đo lường` (not `ISO 9001`)."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _place_cell(row: StatusRow, groups: dict[str, int | Share], name: str, lang: str) -> str:
    entry = groups.get(name)
    if row.kind == "count":
        return number(entry or 0, lang)
    if not isinstance(entry, Share):
        return "–"
    ratio = f"{number(entry.numerator, lang)}/{number(entry.denominator, lang)}"
    return f"{ratio} ({percent(entry.value, lang)})"


def places_table(report: ReportDoc) -> tuple[list[str], Rows, list[str]]:
    """Table 6: one row per old district or 2025 commune (as the HTML and Markdown reports
    group; the text as written when the province is not in the register), one column per
    target on establishments; and the ids of the targets left out (experts, units)."""
    lang, doc = report.lang, report.status
    key = report_key(doc)
    targets, names = level_groups(doc, key)
    others = [r.id for r in doc.targets if r.breakdown(key) is None]
    heads = [w("no", lang), report_head(doc), *(r.id for r, _ in targets)]
    rows = [
        [
            str(i),
            w("no_locality", lang) if name == NO_LOCALITY else name,
            *(_place_cell(r, groups, name, lang) for r, groups in targets),
        ]
        for i, name in enumerate(names, 1)
    ]
    return heads, rows, others


def appendix_tables(report: ReportDoc, tid: str) -> list[tuple[str, list[str], Rows]]:
    """Per target: who counts (with the records that make them count) and, for coverage and
    pilot targets, who does not yet and what they lack."""
    lang, doc = report.lang, report.explain[tid]
    base = [w("no", lang), w("code", lang), w("name", lang), w("locality", lang)]
    out = []
    for i, table in enumerate(explain_tables(doc, lambda s: s.locality or "")):
        key, last = ("counted", "records") if i == 0 else ("not_counted", "lacks")
        title = f"{w(key, lang).capitalize()}: {number(len(table.rows), lang)}"
        rows = [[str(n), *(c or "" for c in r)] for n, r in enumerate(table.rows, 1)]
        out.append((title, [*base, w(last, lang)], rows))
    return out
