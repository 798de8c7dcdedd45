"""The body of the Word report: a section per subject (targets, years, models, localities, the
data's problems), each numbered I, II, … and each table Bảng 1, 2, … for what is present; a table
with no rows is a sentence instead ("Chưa có …")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx.document import Document
from docx.shared import Pt
from docx.table import Table

from pqp_cli.core.i18n import tr
from pqp_cli.figures.documents import ReportDoc
from pqp_cli.render import docx_tables as tables
from pqp_cli.render.docx_layout import (
    TABLE_PT,
    add_run,
    caption,
    code_width,
    data_table,
    note,
    para,
)
from pqp_cli.render.docx_tables import Rows
from pqp_cli.render.docx_text import narrative, problems_paragraph, w
from pqp_cli.render.places import level_groups, report_key, table_key, table_title

#: Text width of an A4 portrait page with the decree's margins (210 − 30 − 15 mm).
TEXT_CM = 16.5
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass
class Counter:
    """The numbers given so far: sections (I, II, …) and tables (Bảng 1, 2, …)."""

    lang: str
    sections: int = 0
    tables: int = 0

    def heading(self, doc: Document, key: str) -> None:
        self.sections += 1
        text = f"{_ROMAN[self.sections - 1]}. {w(key, self.lang)}"
        p = para(doc, text, bold=True, size=14, indent=True, after=6)
        p.paragraph_format.keep_with_next = True
        p.paragraph_format.space_before = Pt(6)

    def table(
        self,
        doc: Document,
        key: str,
        table: tuple[list[str], Rows],
        widths: Sequence[float],
        empty: str,
        part: str = "",
        **options: Any,
    ) -> Table | None:
        """A numbered caption (`part` after a comma: which part of a split table; a title
        may end in brackets of its own) and the table; without rows, the sentence `empty`
        (None)."""
        heads, rows = table
        if not rows:
            para(doc, w(empty, self.lang))
            return None
        self.tables += 1
        title = w(key, self.lang) + (f", {part}" if part else "")
        caption(doc, w("table_n", self.lang, n=self.tables, title=title))
        return data_table(doc, heads, rows, widths, **options)


def body(doc: Document, report: ReportDoc) -> None:
    n = Counter(report.lang)
    n.heading(doc, "s_targets")
    for i, row in enumerate(report.status.targets, 1):
        p = para(doc)
        add_run(p, f"{i}. {row.title} ({row.id}): ", bold=True)
        add_run(p, narrative(row, report))
    widths = (1.3, 4.3, 2.3, 1.8, 2.0, 2.6, 2.2)
    n.table(doc, "t_targets", tables.targets_table(report), widths, "e_years", numeric=(2, 3, 4, 5))
    _years(doc, report, n)
    _models(doc, report, n)
    _places(doc, report, n)
    n.heading(doc, "s_problems")
    last = para(doc, problems_paragraph(report))
    last.paragraph_format.keep_with_next = True  # the signature never stands alone on a page


def _years(doc: Document, report: ReportDoc, n: Counter) -> None:
    """Table 2 (in the year and cumulative), then table 3 for each target on systems and
    tools: past six years, each in several parts (`docx_tables.by_years`)."""
    n.heading(doc, "s_years")
    all_heads, all_rows = tables.years_table(report)
    shown = None
    no_year = len(all_heads) == 3
    parts = tables.by_years(all_heads, [] if no_year else all_rows, fixed=3)
    for heads, rows in parts:
        extra = len(heads) - 3
        width = (TEXT_CM - 1.2 - 3.4 - 2.4) / max(extra, 1)
        widths = (1.2, 3.4, 2.4, *([width] * extra))
        options = {"numeric": range(3, len(heads)), "size": 11 if extra > 5 else 12}
        label = _part(len(parts), heads, 3)
        table = (tables.breakable(heads, 3), rows)
        # a target's code and title once beside its two rows (in the year, cumulative)
        shown = n.table(doc, "t_years", table, widths, "e_years", label, merged=(0, 1), **options)
    if shown:
        note(doc, w("years_note", report.lang))
    for tid in report.schemes:
        _schemes(doc, report, n, tid)


def _schemes(doc: Document, report: ReportDoc, n: Counter, tid: str) -> None:
    all_heads, all_rows = tables.schemes_table(report, tid)
    no_year = len(all_heads) == 2  # a report dated before the period: the sentence instead
    parts = tables.by_years(all_heads, [] if no_year else all_rows, fixed=2)
    shown = None
    for heads, rows in parts:
        extra = len(heads) - 2
        widths = (1.3, 4.5, *([(TEXT_CM - 1.3 - 4.5) / max(extra, 1)] * extra))
        options = {"numeric": range(2, len(heads)), "size": 11 if extra > 5 else 12}
        label = _part(len(parts), heads, 2)
        table = (tables.breakable(heads, 2), rows)
        shown = n.table(doc, "t_schemes", table, widths, "e_schemes", label, **options)
    if shown:
        note(doc, w("schemes_note", report.lang, id=tid))


def _part(parts: int, heads: list[str], fixed: int) -> str:
    """Which part of a split table this is, for its caption: its first and last year (or
    target), `2011–2015`, so that no two captions read alike; nothing for a whole table."""
    return f"{heads[fixed]}–{heads[-1]}" if parts > 1 else ""


def _models(doc: Document, report: ReportDoc, n: Counter) -> None:
    targets = report.status.targets
    pilots = [r.id for r in targets if r.metric == "pilot_models"]
    people = [r.id for r in targets if r.metric in ("experts", "public_units")]
    if not pilots and not people:
        return
    n.heading(doc, "s_models" if pilots and people else "s_pilots" if pilots else "s_people")
    for key, ids, empty in (("t_pilots", pilots, "e_pilots"), ("t_experts", people, "e_experts")):
        if ids:
            heads, rows = tables.subjects_table(report, ids)
            code = code_width([r[1] for r in rows], TABLE_PT)
            widths = (1.3, code, 8.8 - code, 2.0, 4.4)
            n.table(doc, key, (heads, rows), widths, empty)


def _places(doc: Document, report: ReportDoc, n: Counter) -> None:
    """Table 6, a column per target on establishments: past six targets, in several parts
    (a plan may have dozens, and Word opens no table of more than 63 columns)."""
    heads, rows, others = tables.places_table(report)
    n.heading(doc, "s_places")
    percent: list[int] = []
    if len(heads) > 2 and report.status.targets:
        # the coverage column (`13/15 (86,7%)`) takes a share and a half
        status = report.status
        targets = level_groups(status, report_key(status))[0]
        percent = [i for i, (r, _) in enumerate(targets, 2) if r.kind == "percent"]
    whole = [list(range(len(heads)))]
    split = tables.column_parts(len(heads), 2, tables.TARGETS_A_TABLE) if rows else whole
    shown = None
    for columns in split:
        part = [heads[i] for i in columns]
        width = (TEXT_CM - 1.3 - 4.2) / max(len(part) - 1, 1)
        widths = (1.3, 4.2, *(width * (1.5 if i in percent else 1) for i in columns[2:]))
        table = (part, [[row[i] for i in columns] for row in rows])
        label = _part(len(split), part, 2)
        numeric = range(2, len(part))
        shown = n.table(doc, "t_places", table, widths, "e_places", label, numeric=numeric)
    if shown:
        note(doc, _places_note(report, others))


def _places_note(report: ReportDoc, others: list[str]) -> str:
    """How the table groups (as the HTML report says it), and the targets left out."""
    lang, status = report.lang, report.status
    if table_key(status) is None:
        return w("places_note", lang, ids=", ".join(others)) if others else w("places_none", lang)
    text = table_title(status) + "."
    return f"{text} {tr('no_locality_subjects', lang, ids=', '.join(others))}" if others else text
