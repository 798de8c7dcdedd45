"""The report in one of its formats, as the bytes of its file."""

from __future__ import annotations

from pqp_cli.figures.documents import ReportDoc

FORMATS = ("html", "md", "xlsx", "docx")


def render(doc: ReportDoc, fmt: str) -> bytes:
    """`html` and `md` as UTF-8 text; `xlsx` a workbook, `docx` a Word document (each library
    imported only when its format is asked for)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}: give any of {', '.join(FORMATS)}")
    if fmt == "docx":
        from pqp_cli.render import report_docx

        return report_docx.render(doc)
    if fmt == "xlsx":
        from pqp_cli.render import report_xlsx

        return report_xlsx.render(doc)
    if fmt == "md":
        from pqp_cli.render import report_md

        return report_md.render(doc).encode("utf-8")
    from pqp_cli.render import report_html

    return report_html.render(doc).encode("utf-8")
