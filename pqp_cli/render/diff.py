"""`pqp diff` as text, Markdown (for a pull-request comment or a step summary) or JSON."""

from __future__ import annotations

from typing import Any

from tabulate import tabulate

from pqp_cli.core.i18n import status_label, tr
from pqp_cli.core.messages import PHRASES
from pqp_cli.core.models import label
from pqp_cli.figures.documents import DiffDoc, DiffRow, End, Figure, Mover, StatusRow
from pqp_cli.render.jsontext import dumps
from pqp_cli.render.rows import fmt_number
from pqp_cli.render.vnformat import day_text

#: Shown subjects per list in text and Markdown (JSON has them all).
LIMIT = 50
FORMATS = ("text", "json", "markdown")

_WORDS: dict[str, tuple[str, str]] = {
    "working_tree": PHRASES["diff_working_tree"],
    "title": PHRASES["diff_title"],
    "before": PHRASES["diff_before"],
    "after": ("After", "Sau"),
    "change": PHRASES["diff_change"],
    "entered": PHRASES["diff_entered"],
    "left": PHRASES["diff_left"],
    "now_lacking": PHRASES["diff_now_lacking"],
    "more": PHRASES["diff_more"],
    "no_change": PHRASES["diff_no_change"],
    "absent": PHRASES["diff_absent"],
}


def _w(key: str, lang: str, **params: Any) -> str:
    en, vi = _WORDS[key]
    return (vi if lang == "vi" else en).format(**params)


def side(end: End, lang: str, code: bool = False) -> str:
    if end.rev is None or end.commit is None:
        return _w("working_tree", lang)
    rev = f"`{end.rev}`" if code else end.rev
    return f"{rev} ({end.commit[:10]})"


def _value(row: StatusRow | None, lang: str) -> str:
    """`86.6% (188/217)` as the JSON has it; `86,6% (188/217)` under `vi`."""
    if row is None or row.value is None:
        return "–"
    if lang != "vi":
        if row.kind == "percent":
            return f"{row.value}% ({row.numerator}/{row.denominator})"
        return str(row.value)
    n = fmt_number
    if row.kind == "percent":
        return f"{n(row.value, lang)}% ({n(row.numerator, lang)}/{n(row.denominator, lang)})"
    return n(row.value, lang)


def _change(change: Figure, lang: str) -> str:
    if change is None:
        return "–"
    shown = str(change) if lang != "vi" else fmt_number(change, lang)
    return f"+{shown}" if change > 0 else shown


def _status(t: DiffRow, lang: str) -> str:
    old = status_label(t.before.status, lang) if t.before else "–"
    new = status_label(t.after.status, lang) if t.after else "–"
    return old if old == new else f"{old} → {new}"


def _moved(t: DiffRow) -> bool:
    return bool(t.entered or t.left or t.change or t.before != t.after)


def _listed(t: DiffRow) -> bool:
    """Whether a target has anything to list below the table."""
    return bool(t.entered or t.left or t.now_lacking or t.before is None or t.after is None)


def summary_table(doc: DiffDoc, tablefmt: str) -> str:
    lang = doc.lang
    headers = [
        tr("id", lang),
        tr("target_title", lang),
        _w("before", lang),
        _w("after", lang),
        _w("change", lang),
        tr("status", lang),
    ]
    rows = [
        [
            t.id,
            t.title,
            _value(t.before, lang),
            _value(t.after, lang),
            _change(t.change, lang),
            _status(t, lang),
        ]
        for t in doc.targets
    ]
    return tabulate(rows, headers=headers, tablefmt=tablefmt, disable_numparse=True)


def _lines(subjects: list[Mover], mark: str, lang: str, code: bool) -> list[str]:
    out = []
    for s in subjects[:LIMIT]:
        sid = f"`{s.id}`" if code else s.id
        why = (
            s.records
            if s.records is not None
            else [label("category", c, lang) for c in s.lacks or []]
        )
        out.append(f"{mark} {sid} {s.name} ({', '.join(why)})")
    if len(subjects) > LIMIT:
        out.append(f"{mark} {_w('more', lang, n=len(subjects) - LIMIT)}")
    return out


def _details(t: DiffRow, lang: str, markdown: bool) -> list[str]:
    head = f"{t.id} · {t.title}"
    out = [f"#### {head}" if markdown else head]
    if t.before is None or t.after is None:
        out.append(f"{'' if markdown else '  '}{_w('absent', lang)}")
    for key, mark in (("entered", "+"), ("left", "-"), ("now_lacking", "?")):
        movers: list[Mover] = getattr(t, key) or []
        if not movers:
            continue
        if markdown:
            out += ["", f"**{_w(key, lang)} ({len(movers)})**", ""]
            out += _lines(movers, "-", lang, code=True)
        else:
            out.append(f"  {_w(key, lang)} ({len(movers)}):")
            out += ["    " + line for line in _lines(movers, mark, lang, code=False)]
    return out


def _body(doc: DiffDoc, tablefmt: str) -> list[str]:
    """The table, then what moved under each target."""
    parts = [summary_table(doc, tablefmt)]
    if not any(_moved(t) for t in doc.targets):
        parts += ["", _w("no_change", doc.lang)]
    for t in filter(_listed, doc.targets):
        parts += ["", *_details(t, doc.lang, markdown=tablefmt == "github")]
    return parts


def to_text(doc: DiffDoc) -> str:
    lang = doc.lang
    title = _w(
        "title",
        lang,
        old=side(doc.old, lang),
        new=side(doc.new, lang),
        as_of=day_text(doc.as_of, lang),
    )
    return "\n".join([title, "", *_body(doc, "simple")]) + "\n"


def to_markdown(doc: DiffDoc) -> str:
    from pqp_cli.render.mdsafe import inert

    doc = inert(doc)  # names and titles come from data: no tags or links in a pull request
    lang = doc.lang
    old, new = side(doc.old, lang, code=True), side(doc.new, lang, code=True)
    title = f"### pqp diff: {_w('title', lang, old=old, new=new, as_of=day_text(doc.as_of, lang))}"
    return "\n".join([title, "", *_body(doc, "github")]) + "\n"


def render(doc: DiffDoc, fmt: str) -> str:
    """`diff` in a format: text, json or markdown."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown diff format {fmt!r}: give any of {', '.join(FORMATS)}")
    if fmt == "json":
        return dumps(doc.to_json())
    return to_markdown(doc) if fmt == "markdown" else to_text(doc)
