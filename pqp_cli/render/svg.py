"""Inline SVG for the HTML report: a progress bar with a pace marker, and a chart of cumulative
progress by year against the straight line to the target. No script, no external reference."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from pqp_cli.figures.documents import ChartPoint

STATUS_COLOURS = {
    "met": "#1b7f3b",
    "on_track": "#2e9e4f",
    "at_risk": "#d08c00",
    "behind": "#c62828",
    "missed": "#7f0000",
    "not_started": "#8a8a8a",
    "no_data": "#8a8a8a",
}
GRID = "#d9d9d9"
INK = "#222222"
LINE = "#6b6b6b"


def _n(x: float) -> str:
    """A coordinate, short and stable."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def progress_bar(percent: float | None, expected_percent: float, status: str, label: str) -> str:
    """A 160×14 bar filled to `percent`, with a dark mark where the straight line stands."""
    width, colour = 160, STATUS_COLOURS.get(status, LINE)
    filled = 0.0 if percent is None else width * min(max(percent, 0.0), 100.0) / 100
    mark = width * min(max(expected_percent, 0.0), 100.0) / 100
    mark = min(max(mark, 1.0), width - 1.0)
    return (
        f'<svg class="bar" width="{width}" height="14" viewBox="0 0 {width} 14" preserveAspectRatio="none" role="img" '
        f'aria-label="{escape(label)}">'
        f'<rect x="0" y="2" width="{width}" height="10" rx="2" fill="#e8e8e8"/>'
        f'<rect x="0" y="2" width="{_n(filled)}" height="10" rx="2" fill="{colour}"/>'
        f'<line x1="{_n(mark)}" x2="{_n(mark)}" y1="0" y2="14" stroke="{INK}" stroke-width="2"/>'
        "</svg>"
    )


def axis_ticks(highest: float, wanted: int = 5) -> list[float]:
    """Round tick values from 0 to at least `highest`: steps of 1, 2 or 5 × 10^k, about
    `wanted` of them."""
    raw = max(highest, 1e-9) / wanted
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw - 1e-12)
    step = max(step, 1.0) if highest >= 1 else step
    count = max(math.ceil(highest / step - 1e-9), 1)
    return [round(step * i, 10) for i in range(count + 1)]


@dataclass(frozen=True)
class ChartLabels:
    title: str
    actual: str
    straight_line: str
    projection: str
    target: str
    lang: str = "en"  # how the axis and point labels write numbers: `7,6%`, `1.234` under vi


def value_label(value: float, percent: bool, lang: str) -> str:
    """An axis tick or a point's value: `7.6%` (`{:g}`) in English; `7,6%`, `1.234` under `vi`."""
    text = f"{value:g}"
    if lang == "vi":
        decimals = 0 if float(value).is_integer() else 1
        text = f"{value:,.{decimals}f}".replace(",", "\x00").replace(".", ",")
        text = text.replace("\x00", ".")
    return f"{text}%" if percent else text


@dataclass(frozen=True)
class Frame:
    """Maps dates and values to the chart's pixels."""

    start: dt.date
    end: dt.date
    ticks: tuple[float, ...]
    width: int = 640
    height: int = 260
    left: int = 52
    right: int = 16
    upper: int = 16
    lower: int = 52

    def x(self, day: dt.date) -> float:
        span = max((self.end - self.start).days, 1)
        inner = self.width - self.left - self.right
        return self.left + inner * (day - self.start).days / span

    @property
    def top(self) -> float:
        return self.ticks[-1]

    def y(self, value: float) -> float:
        inner = self.height - self.upper - self.lower
        return self.upper + inner * (1 - value / self.top)

    @property
    def bottom(self) -> float:
        return self.y(0)


def _axes(f: Frame, percent: bool, lang: str) -> list[str]:
    out = []
    for value in f.ticks:
        y = f.y(value)
        text = value_label(value, percent, lang)
        out.append(
            f'<line x1="{f.left}" x2="{f.width - f.right}" y1="{_n(y)}" y2="{_n(y)}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{f.left - 6}" y="{_n(y + 4)}" text-anchor="end">{text}</text>'
        )
    for year in range(f.start.year, f.end.year + 1):
        first = max(dt.date(year, 1, 1), f.start)
        last = min(dt.date(year, 12, 31), f.end)
        mid = (f.x(first) + f.x(last)) / 2
        out.append(
            f'<line x1="{_n(f.x(first))}" x2="{_n(f.x(first))}" y1="{_n(f.bottom)}" '
            f'y2="{_n(f.bottom + 5)}" stroke="{LINE}"/>'
            f'<text x="{_n(mid)}" y="{_n(f.bottom + 17)}" text-anchor="middle">{year}</text>'
        )
    out.append(
        f'<line x1="{f.left}" x2="{f.width - f.right}" y1="{_n(f.bottom)}" y2="{_n(f.bottom)}" '
        f'stroke="{LINE}"/>'
    )
    return out


def _legend(f: Frame, labels: ChartLabels, colour: str, projected: bool) -> str:
    straight = f"{labels.straight_line} ({labels.target})"
    items = [(labels.actual, colour, ""), (straight, LINE, ' stroke-dasharray="6 4"')]
    if projected:
        items.append((labels.projection, colour, ' stroke-dasharray="2 3"'))
    y = f.height - 12
    out, x = [], float(f.left)
    for text, stroke, dash in items:
        out.append(
            f'<line x1="{_n(x)}" x2="{_n(x + 22)}" y1="{y - 4}" y2="{y - 4}" stroke="{stroke}" '
            f'stroke-width="2.5"{dash}/>'
            f'<text x="{_n(x + 28)}" y="{y}">{escape(text)}</text>'
        )
        x += 40 + 6.5 * len(text)
    return "".join(out)


def _straight_line(f: Frame, goal: float) -> str:
    """From 0 at the start to the target at the end (the legend names the target)."""
    return (
        f'<line x1="{_n(f.x(f.start))}" y1="{_n(f.y(0))}" x2="{_n(f.x(f.end))}" '
        f'y2="{_n(f.y(goal))}" stroke="{LINE}" stroke-width="1.5" stroke-dasharray="6 4"/>'
    )


def _actual(
    f: Frame, known: list[tuple[dt.date, float]], colour: str, percent: bool, lang: str
) -> str:
    """The polyline through the known points, a dot on each and its value above it."""
    if not known:
        return ""
    path = " ".join(f"{_n(f.x(d))},{_n(f.y(v))}" for d, v in known)
    parts = [f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>']
    for d, v in known:
        parts.append(f'<circle cx="{_n(f.x(d))}" cy="{_n(f.y(v))}" r="3.5" fill="{colour}"/>')
        if d != f.start:  # the start's value sits on the axis; its label would hide the tick's
            text = value_label(v, percent, lang)
            parts.append(
                f'<text x="{_n(f.x(d))}" y="{_n(f.y(v) - 8)}" text-anchor="middle">{text}</text>'
            )
    return "".join(parts)


def _projection(f: Frame, last: tuple[dt.date, float], end_value: float, colour: str) -> str:
    day, value = last
    return (
        f'<line x1="{_n(f.x(day))}" y1="{_n(f.y(value))}" x2="{_n(f.x(f.end))}" '
        f'y2="{_n(f.y(end_value))}" stroke="{colour}" stroke-width="2" stroke-dasharray="2 3"/>'
    )


def progress_chart(
    points: Sequence[ChartPoint],
    period: tuple[dt.date, dt.date],
    goal: float,
    percent: bool,
    status: str,
    projected_end: float | None,
    labels: ChartLabels,
) -> str:
    """Cumulative value at each point against the straight line from 0 at the start to the
    target at the end; the projection dashed from the last point."""
    known = [(dt.date.fromisoformat(p.date), p.value) for p in points if p.value is not None]
    highest = max([goal, projected_end or 0, *(v for _, v in known)])
    ticks = [0.0, 20.0, 40.0, 60.0, 80.0, 100.0] if percent else axis_ticks(highest * 1.05)
    f = Frame(period[0], period[1], tuple(ticks))
    colour = STATUS_COLOURS.get(status, LINE)
    projected = bool(known) and projected_end is not None and known[-1][0] < f.end
    return "".join(
        [
            f'<svg class="chart" width="{f.width}" height="{f.height}" viewBox="0 0 {f.width} '
            f'{f.height}" role="img" aria-label="{escape(labels.title)}" font-size="11" '
            f'font-family="inherit" fill="{INK}"><title>{escape(labels.title)}</title>',
            *_axes(f, percent, labels.lang),
            _straight_line(f, goal),
            _projection(f, known[-1], projected_end or 0.0, colour) if projected else "",
            _actual(f, known, colour, percent, labels.lang),
            _legend(f, labels, colour, projected),
            "</svg>",
        ]
    )
