"""`pqp explain` as text tables or Markdown."""

from __future__ import annotations

from typing import Any

from tabulate import tabulate

from pqp_cli.core.i18n import status_label, tr
from pqp_cli.render.places import subject_place


def _head(doc: dict[str, Any], lang: str) -> str:
    value = doc["value"]
    target = doc["target"]
    if doc["kind"] == "percent":
        value = f"{value}% ({doc['numerator']}/{doc['denominator']})"
        target = f"{target}%"
    return tr(
        "explain_head",
        lang,
        id=doc["id"],
        title=doc["title"],
        value=value,
        target=target,
        status=status_label(doc["status"], lang),
        as_of=doc["as_of"],
    )


def to_text(doc: dict[str, Any], lang: str, tablefmt: str = "simple") -> str:
    if tablefmt == "github":  # Markdown: names come from data, so no tags or links
        from pqp_cli.render.mdsafe import inert

        doc = inert(doc)
    who = tr(f"subjects_{doc['subjects']}", lang)
    parts = [_head(doc, lang), ""]
    headers = [tr("id", lang), tr("name", lang), tr("locality", lang), tr("records", lang)]
    parts.append(f"{tr('counted', lang)} ({who}): {len(doc['counted'])}")
    if doc["counted"]:
        rows = [
            [s["id"], s["name"], subject_place(s, lang), ", ".join(s["records"])]
            for s in doc["counted"]
        ]
        parts.append(tabulate(rows, headers=headers, tablefmt=tablefmt, disable_numparse=True))
    if "not_counted" in doc:
        parts += ["", f"{tr('not_counted', lang)} ({who}): {len(doc['not_counted'])}"]
        if doc["not_counted"]:
            rows = [
                [s["id"], s["name"], subject_place(s, lang), ", ".join(s["lacks_labels"])]
                for s in doc["not_counted"]
            ]
            lack_headers = headers[:3] + [tr("lacks", lang)]
            parts.append(
                tabulate(rows, headers=lack_headers, tablefmt=tablefmt, disable_numparse=True)
            )
    return "\n".join(parts) + "\n"
