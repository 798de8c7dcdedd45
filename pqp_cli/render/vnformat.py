"""Numbers and dates written the way a state document writes them: `1.234`, `86,6%`,
`ngày 05 tháng 01 năm 2026` in Vietnamese; `1,234`, `86.6%`, `5 January 2026` in English."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pqp_cli.core.messages import PHRASES

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def number(x: Any, lang: str, decimals: int | None = None) -> str:
    """A JSON figure as text: whole numbers with thousands separators, others with one decimal
    (or `decimals`); `–` for an unknown value. The figure is not rounded again: the JSON's
    one-decimal value is shown as it is."""
    if x is None:
        return "–"
    if decimals is None:
        decimals = 0 if isinstance(x, int) else 1
    text = f"{x:,.{decimals}f}"
    if lang == "vi":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def figure(x: Any, kind: str, lang: str) -> str:
    """A target's value: a percentage with one decimal and `%`; a count whole, or with its one
    decimal when it has one (an expected value on the straight line: `279,7`)."""
    if x is None:
        return "–"
    if kind == "percent":
        return f"{number(x, lang, 1)}%"
    return number(x, lang, 0 if float(x).is_integer() else 1)


def percent(x: Any, lang: str) -> str:
    """`86,6%` (vi), `86.6%` (en)."""
    return "–" if x is None else f"{number(x, lang, 1)}%"


def increase(x: Any, kind: str, lang: str, decimals_of: str | None = None) -> str:
    """An in-year increase with its sign (none on 0); ` điểm phần trăm` / ` pp` after a percentage
    target's. `decimals_of`: the kind whose decimals to use without its unit (a table cell
    whose row already names the unit)."""
    if x is None:
        return "–"
    sign = "+" if x > 0 else "−" if x < 0 else ""
    digits = 0 if (decimals_of or kind) == "count" else 1
    unit = "" if kind == "count" else PHRASES["unit_pp"].text(lang)
    return sign + number(abs(x), lang, digits) + unit


def target_figure(x: Any, kind: str, lang: str) -> str:
    """A plan's target: `100%` for a whole percentage (the plan's own words), else `figure`."""
    if kind == "percent" and x is not None and float(x).is_integer():
        return f"{int(x)}%"
    return figure(x, kind, lang)


def long_date(day: dt.date, lang: str) -> str:
    """`ngày 05 tháng 3 năm 2026`, `ngày 15 tháng 01 năm 2026`: Nghị định 30/2020/NĐ-CP writes
    a zero before days 1–9 and months 1 and 2 only (so that the date cannot be altered)."""
    if lang == "vi":
        month = f"{day.month:02d}" if day.month < 3 else str(day.month)
        return f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def short_date(value: str | dt.date | None, lang: str) -> str:
    """`31/12/2025` (vi), `31 Dec 2025` (en); `–` for none. The year has its four digits
    (`30/06/0012`: `30/06/12` would read as 2012)."""
    if value is None:
        return "–"
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
    if lang == "vi":
        return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
    return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year:04d}"


def point_order(key: str) -> tuple[int, str]:
    """A `by_year` key's place in time: `999` before `1000`, which text order gets wrong (a
    plan may start before the year 1000: `1`, `2`, …, then `0999-06-30` for the as-of day)."""
    return int(key.split("-", 1)[0]), key


def point_label(key: str, lang: str) -> str:
    """A `by_year` key as a column heading: `2023`, or `30/06/2024` for the as-of point."""
    return key if key.isdigit() else short_date(key, lang)  # years before 1000 too


def day_text(value: str | dt.date | None, lang: str) -> str:
    """A date in a table or a heading: ISO `2026-12-01` in English (as the CLI has always written
    it), `01/12/2026` in Vietnamese (an analyst reads no ISO dates); `–` for none."""
    if value is None:
        return "–"
    if lang != "vi" or (isinstance(value, str) and value.isdigit()):  # a year stays a year
        return value.isoformat() if isinstance(value, dt.date) else value
    return short_date(value, lang)


def period_text(start: str, end: str, lang: str) -> str:
    """`2021-01-01 → 2025-12-31` (en), `01/01/2021 → 31/12/2025` (vi)."""
    return f"{day_text(start, lang)} → {day_text(end, lang)}"
