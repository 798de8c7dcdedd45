"""Problems rendered in one place: text lines, JSON, GitHub annotations and step summary."""

from __future__ import annotations

from collections.abc import Sequence

from tabulate import tabulate

from pqp_cli.core.i18n import column, tr
from pqp_cli.core.pathtext import shown
from pqp_cli.core.problems import Problem
from pqp_cli.render.jsontext import dumps

GITHUB_LIMIT = 10  # GitHub shows no more annotations of a severity per step


def text_line(p: Problem, lang: str) -> str:
    """`FILE:LINE: SEVERITY [CODE] MESSAGE`."""
    return shown(f"{p.location()}: {tr(p.severity, lang)} [{p.code}] {p.message(lang)}")


def to_text(problems: Sequence[Problem], lang: str) -> str:
    errors = sum(p.is_error for p in problems)
    lines = [text_line(p, lang) for p in problems]
    lines.append(tr("validate_summary", lang, errors=errors, warnings=len(problems) - errors))
    return "\n".join(lines) + "\n"


def to_json(problems: Sequence[Problem], lang: str) -> str:
    errors = sum(p.is_error for p in problems)
    doc = {
        "ok": errors == 0,
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [p.as_dict(lang) for p in problems],
    }
    return dumps(doc)


def _escape(text: str, prop: bool = False) -> str:
    """GitHub workflow-command escaping (data, and additionally `:` `,` in properties)."""
    text = text.replace("%", "%25").translate(_BREAKS)
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


_BREAKS = str.maketrans(
    {"\r": "%0D", "\n": "%0A", "\x85": "%C2%85", "\u2028": "%E2%80%A8", "\u2029": "%E2%80%A9"}
)


def plain(line: str) -> str:
    """A line the runner never reads as a workflow command: one line, not starting with `::`."""
    line = "\\n".join(line.splitlines()) if len(line.splitlines()) > 1 else line.strip("\r\n")
    stripped = line.lstrip()
    return "%3A" + stripped[1:] if stripped.startswith("::") else line


def to_github(problems: Sequence[Problem], lang: str) -> str:
    """The text lines, then `::error`/`::warning` commands for the first 10 of each severity."""
    out = [plain(text_line(p, lang)) for p in problems]
    count = {"error": 0, "warning": 0}
    for p in problems:
        if count[p.severity] >= GITHUB_LIMIT:
            continue
        count[p.severity] += 1
        props = f"file={_escape(shown(p.file), True)}"
        if p.line:
            props += f",line={p.line}"
        props += f",title={_escape(p.code, True)}"
        out.append(f"::{p.severity} {props}::{shown(_escape(p.message(lang)))}")
    errors = sum(p.is_error for p in problems)
    out.append(tr("validate_summary", lang, errors=errors, warnings=len(problems) - errors))
    return "\n".join(out) + "\n"


def _summary_cell(text: str) -> str:
    """Data text inert in a Markdown table cell: one line, no pipes, tags or links."""
    from pqp_cli.render.mdsafe import text as markdown

    return markdown(text)


#: The step summary's columns: JSON's keys in English, their Vietnamese heads under `vi`.
_SUMMARY_HEADS = ("severity", "code", "file", "line", "record", "message")


def step_summary(problems: Sequence[Problem], lang: str) -> str:
    """The full table of problems as Markdown, for $GITHUB_STEP_SUMMARY."""
    errors = sum(p.is_error for p in problems)
    line = tr("validate_summary", lang, errors=errors, warnings=len(problems) - errors)
    head = tr("step_summary_head", lang, line=line) + "\n\n"
    if not problems:
        return head
    rows = [
        [
            tr(p.severity, lang) if lang == "vi" else p.severity,
            p.code,
            _summary_cell(p.file),
            p.line or "",
            _summary_cell(p.record or ""),
            _summary_cell(p.message(lang)),
        ]
        for p in problems
    ]
    return (
        head
        + tabulate(
            rows,
            headers=[column(h, lang) for h in _SUMMARY_HEADS],
            tablefmt="github",
        )
        + "\n"
    )
