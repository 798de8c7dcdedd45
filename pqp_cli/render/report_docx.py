"""The report as a Word document in the state format (Nghị định 30/2020/NĐ-CP, Phụ lục I): the
header block, "BÁO CÁO" and its subject, "Kính gửi", a narrative per target, the tables, the
data's problems, "Nơi nhận" and the signature, then the appendix of who counts."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document as new_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from pqp_cli.figures.documents import ReportDoc
from pqp_cli.render import docx_tables as tables
from pqp_cli.render.docx_body import body
from pqp_cli.render.docx_layout import (
    add_run,
    code_width,
    data_table,
    first_para,
    layout_table,
    para,
    setup_document,
    short_rule,
)
from pqp_cli.render.docx_text import date_of, w
from pqp_cli.render.vnformat import long_date, short_date

#: Header block columns (cm): the bodies on the left, the national title on the right.
HEAD_CM = (7.5, 9.5)
#: Text width of an A4 portrait page with the decree's margins (210 − 30 − 15 mm).
TEXT_CM = 16.5
#: Room left for the number the clerk writes in when the document is registered.
BLANK_NUMBER = "\u00a0" * 6
CENTER = WD_ALIGN_PARAGRAPH.CENTER


def render(report: ReportDoc) -> bytes:
    doc = new_document()
    setup_document(doc, report.lang)
    _header_block(doc, report)
    _title(doc, report)
    para(doc, _intro(report))
    body(doc, report)
    _closing(doc, report)
    _appendix(doc, report)
    out = io.BytesIO()
    doc.core_properties.title = w("kind", report.lang) + " " + report.plan.title
    doc.core_properties.author = report.meta.issuing_body
    doc.save(out)
    return out.getvalue()


def number_text(report: ReportDoc) -> str:
    """`Số: 15/BC-SKHCN`, or with room left for the number: `Số:      /BC-SKHCN`."""
    meta = report.meta
    number = meta.number or BLANK_NUMBER
    return f"{w('number', report.lang)} {number}/{meta.symbol}"


def _header_block(doc: Document, report: ReportDoc) -> None:
    lang, meta = report.lang, report.meta
    table = layout_table(doc, HEAD_CM, rows=2)
    left, right = table.rows[0].cells
    p = first_para(left)
    p.alignment = CENTER
    add_run(p, meta.parent_body, size=12.5)
    body = para(
        left, meta.issuing_body, bold=True, size=12.5, align="center", indent=False, after=0
    )
    body.paragraph_format.space_before = Pt(0)
    short_rule(left, 3.0, HEAD_CM[0])
    p = first_para(right)
    p.alignment = CENTER
    add_run(p, w("nation", lang), bold=True, size=12)
    para(right, w("motto", lang), bold=True, underline=True, size=13, align="center", indent=False)
    left, right = table.rows[1].cells
    p = first_para(left)
    p.alignment = CENTER
    add_run(p, number_text(report), size=13)
    p = first_para(right)
    p.alignment = CENTER
    place = f"{meta.place}, " if meta.place else ""
    add_run(p, place + long_date(date_of(report), lang), italic=True, size=14)
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.first_line_indent = Cm(0)
                paragraph.paragraph_format.space_after = Pt(0)


def plan_name(report: ReportDoc) -> str:
    """The plan in running text: its document (`Kế hoạch 159/KH-UBND…`, a name, capital), else
    its title with the first letter small after "thực hiện" (`nâng cao năng suất…`)."""
    lang, plan = report.lang, report.plan
    if plan.document:
        document: str = plan.document
        return document[:1].upper() + document[1:] if lang == "vi" else document
    title: str = plan.title or "……"
    if lang == "vi" and title[1:2].islower():  # not an abbreviation such as "KH-UBND"
        return title[:1].lower() + title[1:]
    return title


def _subject(report: ReportDoc) -> str:
    """`Kết quả thực hiện … năm 2025` at a year's end, else `… đến ngày 30/06/2024`."""
    lang = report.lang
    day = dt.date.fromisoformat(report.status.evaluated_at)
    if (day.month, day.day) == (12, 31):
        return w("subject_year", lang, document=plan_name(report), year=day.year)
    return w("subject", lang, document=plan_name(report), date=short_date(day, lang))


def _title(doc: Document, report: ReportDoc) -> None:
    lang, meta = report.lang, report.meta
    first = para(doc, w("kind", lang), bold=True, size=14, align="center", indent=False, after=0)
    first.paragraph_format.space_before = Pt(18)
    para(doc, _subject(report), bold=True, size=14, align="center", indent=False, after=0)
    short_rule(doc, 3.5, TEXT_CM)
    recipients = meta.recipients
    if len(recipients) == 1:
        text = f"{w('to', lang)} {recipients[0]}."
        para(doc, text, size=14, align="center", indent=False, after=12)
        return
    para(doc, w("to", lang), size=14, align="center", indent=False, after=0)
    for i, name in enumerate(recipients):
        end = "." if i == len(recipients) - 1 else ";"
        line = para(doc, f"- {name}{end}", size=14, align="left", indent=False, after=0)
        line.paragraph_format.left_indent = Cm(4.5)
    doc.paragraphs[-1].paragraph_format.space_after = Pt(12)


def _intro(report: ReportDoc) -> str:
    lang, plan, doc = report.lang, report.plan, report.status
    period = f"{short_date(plan.start, lang)} – {short_date(plan.end, lang)}"
    body = _issuer_name(report) if lang == "vi" else "The department"
    at = short_date(doc.evaluated_at, lang)
    return w("intro", lang, body=body, plan=plan_name(report), period=period, date=at)


def _issuer_name(report: ReportDoc) -> str:
    """The issuing body in running text: the plan's `focal_agency` when the header names it
    (in capitals), else the header's name with only its first letter capital."""
    caps, agency = report.meta.issuing_body, report.plan.focal_agency or ""
    if agency and agency.upper() == caps:
        return agency
    text = caps.lower()
    return text[:1].upper() + text[1:]


def _heading(doc: Document, text: str) -> None:
    p = para(doc, text, bold=True, size=14, indent=True, after=6)
    p.paragraph_format.keep_with_next = True
    p.paragraph_format.space_before = Pt(6)


def _closing(doc: Document, report: ReportDoc) -> None:
    """`Nơi nhận:` with its list on the left, the signer's block on the right."""
    lang, meta = report.lang, report.meta
    blank = para(doc, "", indent=False, after=0)  # a blank line between text and signature
    blank.paragraph_format.keep_with_next = True
    table = layout_table(doc, (8.0, 8.5))
    left, right = table.rows[0].cells
    p = first_para(left)
    add_run(p, w("recipients", lang), bold=True, italic=True, size=12)
    lines = [w("as_above", lang), *(f"- {c};" for c in meta.copies)]
    lines.append(w("filed", lang, archive=meta.archive))
    for line in lines:
        para(left, line, size=11, align="left", indent=False, after=0)
    p = first_para(right)
    p.alignment = CENTER
    add_run(p, meta.signer_title, bold=True, size=14)
    for _ in range(4):
        para(right, "", align="center", indent=False, after=0)
    if meta.signer_name:
        para(right, meta.signer_name, bold=True, size=14, align="center", indent=False, after=0)
    for row in table.rows:
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.first_line_indent = Cm(0)
            cell.paragraphs[0].paragraph_format.space_after = Pt(0)
    table.rows[0].cells[1].paragraphs[0].paragraph_format.keep_with_next = True


def _appendix(doc: Document, report: ReportDoc) -> None:
    lang = report.lang
    first = para(doc, w("appendix", lang), bold=True, size=14, align="center", indent=False)
    first.paragraph_format.page_break_before = True
    first.paragraph_format.space_after = Pt(0)
    at = short_date(report.status.evaluated_at, lang)
    para(doc, w("appendix_title", lang, date=at), bold=True, align="center", indent=False, after=0)
    meta = report.meta
    number = f"{meta.number or '…'}/{meta.symbol}"
    day = short_date(date_of(report), lang)
    note = w("appendix_of", lang, number=number, date=day, body=_issuer_name(report))
    para(doc, note, italic=True, align="center", indent=False)
    for row in report.status.targets:
        _heading(doc, f"{row.id}. {row.title}")
        for title, heads, rows in tables.appendix_tables(report, row.id):
            para(doc, title, italic=True, size=13, indent=False, after=3)
            if rows:
                code = code_width([r[1] for r in rows], 11)
                widths = (1.3, code, 8.2 - code, 3.0, 4.0)
                data_table(doc, heads, rows, widths, size=11)
            else:
                para(doc, w("nobody", lang), size=13, indent=False)
