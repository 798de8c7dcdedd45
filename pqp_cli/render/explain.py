"""`pqp explain` as text tables, Markdown or JSON."""

from __future__ import annotations

from tabulate import tabulate

from pqp_cli.core.i18n import status_label, tr
from pqp_cli.core.messages import phrase
from pqp_cli.figures.documents import ExplainDoc
from pqp_cli.render.jsontext import dumps
from pqp_cli.render.places import subject_place
from pqp_cli.render.rows import explain_tables

FORMATS = ("text", "json", "markdown")


def _head(doc: ExplainDoc) -> str:
    row = doc.row
    value: object = row.value
    target: object = row.target
    if row.kind == "percent":
        value = phrase("percent_of", value=value, n=row.numerator, d=row.denominator)
        target = phrase("percent_value", value=target)
    return tr(
        "explain_head",
        doc.lang,
        id=row.id,
        title=row.title,
        value=value,
        target=target,
        status=status_label(row.status, doc.lang),
        as_of=doc.as_of,
    )


def to_text(doc: ExplainDoc, tablefmt: str = "simple") -> str:
    """The head line, then who counts and (coverage, pilots) who does not yet, as tables."""
    if tablefmt == "github":  # Markdown: names come from data, so no tags or links
        from pqp_cli.render.mdsafe import inert

        doc = inert(doc)
    parts = [_head(doc)]
    for table in explain_tables(doc, lambda s: subject_place(s, doc.lang)):
        parts += ["", table.title]
        if table.rows:
            parts.append(
                tabulate(table.rows, headers=table.heads, tablefmt=tablefmt, disable_numparse=True)
            )
    return "\n".join(parts) + "\n"


def render(doc: ExplainDoc, fmt: str) -> str:
    """`explain` in a format: text, json or markdown."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown explain format {fmt!r}: give any of {', '.join(FORMATS)}")
    if fmt == "json":
        return dumps(doc.to_json())
    return to_text(doc, "github" if fmt == "markdown" else "simple")
