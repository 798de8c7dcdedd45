"""The mechanics of saying a word of the CLI and reports in the language asked for: which of
the two texts, column heads, labels of statuses and kinds. The words themselves are in the
catalogue (`core/messages/words.py`), the one place every user-facing text lives.
"""

from __future__ import annotations

from typing import Any

from pqp_cli.core.messages import spoken
from pqp_cli.core.messages.base import render
from pqp_cli.core.messages.words import BY_YEAR_VI, COLUMNS_VI, GROUPS_VI, KINDS_VI, WORDS


def column(key: str, lang: str) -> str:
    """A column of a CSV or sheet: the JSON key in English (scripts read it), a Vietnamese
    head under `vi` (`by_year.2021.in_year` → `Năm 2021 (trong năm)`, `by_locality.X` →
    `Địa bàn: X`), since an analyst opens the CSV in Excel and reads no JSON keys."""
    if lang != "vi":
        return key
    if key in COLUMNS_VI:
        return COLUMNS_VI[key]
    group, _, rest = key.partition(".")
    if group == "by_year":
        point, _, part = rest.partition(".")
        if point.isdigit():
            shown = BY_YEAR_VI["year"].format(point=point)
        else:
            shown = BY_YEAR_VI["day"].format(day=_vi_day(point))
        return BY_YEAR_VI["in_year"].format(shown=shown) if part == "in_year" else shown
    if group in GROUPS_VI:
        return f"{GROUPS_VI[group]}: {rest}"
    return key


def _vi_day(iso: str) -> str:
    """`2024-06-30` → `30/06/2024` (the text as is when it is no date)."""
    parts = iso.split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else iso


def kind_label(kind: str, lang: str) -> str:
    """A target's kind: `count`/`percent` in English, `số lượng`/`tỷ lệ` under `vi`."""
    return KINDS_VI.get(kind, kind) if lang == "vi" else kind


def tr(key: str, lang: str, **params: Any) -> str:
    """Word or sentence `key` of the catalogue's words in `lang`, its parameters filled in (a
    date or a fraction as `lang` writes it)."""
    return render(WORDS[key].text(lang), lang, {k: spoken(v) for k, v in params.items()})


def status_label(status: str, lang: str) -> str:
    from pqp_cli.core.models import label

    return label("status", status, "vi") if lang == "vi" else status.replace("_", " ")


def banner(summary: dict[str, Any], lang: str) -> str:
    """The loud left-out banner of docs/contract.md §5, from a `problems` summary."""
    text = tr(
        "banner",
        lang,
        errors=summary["errors"],
        records=summary["records_left_out"],
        files=summary["files_left_out"],
    )
    targets = summary.get("targets_left_out")
    if targets:
        text += " " + tr("banner_targets", lang, targets=", ".join(targets))
    return text
