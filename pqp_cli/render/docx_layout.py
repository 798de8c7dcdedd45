"""The page, fonts and building blocks of a state administrative document (Nghị định
30/2020/NĐ-CP, Phụ lục I) in python-docx: A4, margins, Times New Roman, justified body with a
first-line indent, the page number as a PAGE field centred in the top margin from page 2,
borderless layout tables and ruled data tables."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple
from xml.sax.saxutils import escape

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Cm, Mm, Pt, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 12
#: Margins in millimetres: top, bottom, left, right (the decree: 20–25, 20–25, 30–35, 15–20).
MARGINS_MM = (20, 20, 30, 15)
FIRST_LINE_CM = 1.27
SPACE_AFTER_PT = 6
LINE_SPACING = 1.15


def set_run_font(run: Run, size: float | None = None) -> None:
    """Times New Roman for every script (Latin with Vietnamese marks, East Asian, complex)."""
    run.font.name = FONT
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    if size is not None:
        run.font.size = Pt(size)


#: The document's language (w:lang), so that Word checks the spelling of the right language.
LANGUAGES = {"vi": "vi-VN", "en": "en-GB"}


def set_language(doc: Document, lang: str) -> None:
    """w:lang in the Normal style and the document defaults (every style inherits it)."""
    code = LANGUAGES.get(lang, "en-GB")
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    holders = [doc.styles["Normal"].element.get_or_add_rPr()]
    if defaults is not None and defaults.find(qn("w:rPrDefault")) is not None:
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        if rpr is not None:
            holders.append(rpr)
    for rpr in holders:
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        element = OxmlElement("w:lang")
        element.set(qn("w:val"), code)
        element.set(qn("w:eastAsia"), code)
        element.set(qn("w:bidi"), "ar-SA")
        rpr.append(element)


def setup_document(doc: Document, lang: str = "vi") -> None:
    """Normal style in Times New Roman 14 pt, justified, first-line indent, 6 pt after, in the
    report's language; A4 portrait with the decree's margins; page number from page 2."""
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Cm(FIRST_LINE_CM)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(SPACE_AFTER_PT)
    fmt.line_spacing = LINE_SPACING
    set_language(doc, lang)
    page_setup(doc.sections[0])
    page_number_header(doc.sections[0])


def page_setup(section: Section, landscape: bool = False) -> None:
    width, height = Mm(210), Mm(297)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    top, bottom, left, right = (_twips(mm) for mm in MARGINS_MM)
    section.top_margin, section.bottom_margin = top, bottom
    section.left_margin, section.right_margin = left, right
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def _twips(mm: float) -> Twips:
    """A length in whole twips (what the file stores) no shorter than `mm`: 15 mm is 850.4
    twips, stored as 851, not 850 (14.99 mm)."""
    return Twips(math.ceil(mm * 1440 / 25.4))


def page_number_header(section: Section) -> None:
    """A PAGE field centred in the header; the first page's header is left empty (titlePg)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Cm(0)
    run = paragraph.add_run()
    set_run_font(run, 13)
    begin, instr, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    end.set(qn("w:fldCharType"), "end")
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "2"
    for element in (begin, instr, separate, shown, end):
        run._element.append(element)


def para(
    container: Document | _Cell,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float = BODY_PT,
    align: str = "justify",
    indent: bool = True,
    after: float = SPACE_AFTER_PT,
) -> Paragraph:
    """One paragraph of one run. `align`: justify, center, left or right."""
    paragraph = container.add_paragraph()
    paragraph.alignment = {
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
    }[align]
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Cm(FIRST_LINE_CM) if indent else Cm(0)
    fmt.space_after = Pt(after)
    if text:
        add_run(paragraph, text, bold=bold, italic=italic, underline=underline, size=size)
    return paragraph


def add_run(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float = BODY_PT,
) -> Run:
    run = paragraph.add_run(text)
    run.bold, run.italic, run.underline = bold, italic, underline
    set_run_font(run, size)
    return run


def short_rule(container: Document | _Cell, width_cm: float, cell_cm: float) -> Paragraph:
    """A centred horizontal line `width_cm` long: the bottom border of an empty paragraph
    indented from both sides (the line under the issuing body, under the motto, under the
    subject)."""
    paragraph = para(container, indent=False, align="center", after=4)
    side = max((cell_cm - width_cm) / 2, 0)
    paragraph.paragraph_format.left_indent = Cm(side)
    paragraph.paragraph_format.right_indent = Cm(side)
    paragraph.paragraph_format.line_spacing = Pt(2)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)
    return paragraph


def layout_table(doc: Document, widths_cm: Sequence[float], rows: int = 1) -> Table:
    """A borderless table that only places blocks side by side (header block, signature)."""
    table = doc.add_table(rows=rows, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    set_widths(table, widths_cm)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
            cell.paragraphs[0].paragraph_format.first_line_indent = Cm(0)
    return table


def set_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Column widths in the table grid (what LibreOffice and Word lay out by) and a fixed
    layout, so the widths hold whatever the text."""
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    if table._tbl.tblPr.find(qn("w:tblLayout")) is None:  # `autofit = False` may have set it
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        table._tbl.tblPr.append(layout)


def code_width(codes: Sequence[str], size: float) -> float:
    """A column (cm) wide enough for the longest code on one line (`CT-0000679`): Times New
    Roman's digits are half an em, capitals about two thirds; plus the cell's margins."""
    longest = max((len(code) for code in codes), default=0)
    return max(2.0, min(4.0, longest * 0.58 * size * 2.54 / 72 + 0.45))


def first_para(cell: _Cell) -> Paragraph:
    """The cell's empty first paragraph, to be filled instead of adding one below it."""
    return cell.paragraphs[0]


def data_table(
    doc: Document,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths_cm: Sequence[float],
    numeric: Sequence[int] = (),
    size: float = TABLE_PT,
    merged: Sequence[int] = (),
) -> Table:
    """A ruled table: bold header row repeated on every page, the `numeric` columns
    right-aligned, the first centred, rows never split across pages. The rows are written as
    XML in one parse (python-docx's cell and run API takes seconds on a long appendix); each
    cell is what `add_run` writes: Times New Roman at `size`, not italic, not underlined.

    `merged`: columns whose body rows are merged in pairs (rows 1-2, 3-4, ...: a target's code
    and title once beside its two rows), written as python-docx's `merge` leaves them: the
    upper cell `vMerge restart`, followed by the lower's text as a paragraph of its own if it
    has any; the lower cell `vMerge`, one empty paragraph (merging cell by cell was three
    quarters of a 2,000-year report's time)."""
    table = doc.add_table(rows=0, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    set_widths(table, widths_cm)
    twips = [Cm(width).twips for width in widths_cm]
    aligns = [
        "right" if i in numeric else "center" if i == 0 else "left" for i in range(len(twips))
    ]
    parts = [_row_xml(headers, twips, ["center"] * len(twips), size, header=True)]
    for at, values in enumerate(rows):
        if at % 2:
            merge = _Merge(set(merged), "continue")
        elif at + 1 < len(rows):
            merge = _Merge(set(merged), "restart", rows[at + 1])
        else:
            merge = None
        parts.append(_row_xml(values, twips, aligns, size, merge=merge))
    holder = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(parts)}</w:tbl>")
    table._tbl.extend(list(holder))
    return table


class _Merge(NamedTuple):
    """A body row's part in the vertical merges of `columns`: the upper row of a pair
    (`restart`, with the row below), the lower (`continue`), or none ("")."""

    columns: set[int]
    role: str
    below: Sequence[str] = ()


def _row_xml(
    texts: Sequence[str],
    twips: Sequence[int],
    aligns: Sequence[str],
    size: float,
    header: bool = False,
    merge: _Merge | None = None,
) -> str:
    """One row: `cantSplit` (and `tblHeader` on the header row, bold), a cell per text."""
    if len(texts) != len(twips):
        raise ValueError(f"a row of {len(texts)} cells in a table of {len(twips)} columns")
    bold = "<w:b/>" if header else '<w:b w:val="0"/>'
    run_pr = (
        f'<w:rPr>{_FONTS}{bold}<w:i w:val="0"/><w:sz w:val="{round(size * 2)}"/>'
        '<w:u w:val="none"/></w:rPr>'
    )
    cells = []
    for col, (text, width, align) in enumerate(zip(texts, twips, aligns, strict=True)):
        role = merge.role if merge is not None and col in merge.columns else ""
        width_xml = f'<w:tcW w:type="dxa" w:w="{width}"/>'
        if role == "continue":
            cells.append(f"<w:tc><w:tcPr>{width_xml}<w:vMerge/></w:tcPr><w:p/></w:tc>")
            continue
        paragraphs = _paragraph_xml(text, align, run_pr)
        if role == "restart" and merge is not None and merge.below[col]:
            paragraphs += _paragraph_xml(merge.below[col], align, run_pr)
        v_merge = '<w:vMerge w:val="restart"/>' if role == "restart" else ""
        cells.append(f"<w:tc><w:tcPr>{width_xml}{v_merge}</w:tcPr>{paragraphs}</w:tc>")
    head = '<w:tblHeader w:val="true"/>' if header else ""
    return f"<w:tr><w:trPr><w:cantSplit/>{head}</w:trPr>{''.join(cells)}</w:tr>"


def _paragraph_xml(text: str, align: str, run_pr: str) -> str:
    body = f'<w:t xml:space="preserve">{escape(text)}</w:t>' if text else ""
    return (
        '<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        f'<w:ind w:firstLine="0"/><w:jc w:val="{align}"/></w:pPr><w:r>{run_pr}{body}</w:r></w:p>'
    )


#: The fonts of every run (as `set_run_font` writes them).
_FONTS = (
    "<w:rFonts " + " ".join(f'w:{a}="{FONT}"' for a in ("ascii", "hAnsi", "cs", "eastAsia")) + "/>"
)


def caption(doc: Document, text: str) -> Paragraph:
    """A table's title: bold, centred, above the table."""
    paragraph = para(doc, text, bold=True, size=13, align="center", indent=False, after=4)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_before = Pt(6)
    return paragraph


def note(doc: Document, text: str) -> Paragraph:
    """A note under a table: italic, smaller."""
    paragraph = para(doc, text, italic=True, size=12, indent=False, after=SPACE_AFTER_PT)
    paragraph.paragraph_format.space_before = Pt(3)
    return paragraph
