"""The tables of the Word report, as rows of text drawn from the report document: every figure
is a value of `status --format json` (or, for systems and tools, counted from the same records
at the same dates), written the Vietnamese way under `vi`."""

from __future__ import annotations

from typing import Any

from pqp_cli.core.i18n import status_label
from pqp_cli.figures.timeline import NO_LOCALITY
from pqp_cli.render.docx_text import w
from pqp_cli.render.places import report_groups, report_head
from pqp_cli.render.vnformat import (
    figure,
    increase,
    number,
    percent,
    point_label,
    short_date,
    target_figure,
)

Rows = list[list[str]]


def targets_table(report: dict[str, Any]) -> tuple[list[str], Rows]:
    """Table 1: one row per target."""
    lang, doc = report["lang"], report["status"]
    at = short_date(doc["evaluated_at"], lang)
    heads = [
        w("no", lang),
        w("target_title", lang),
        w("result", lang),
        w("goal", lang),
        w("of_goal", lang),
        w("expected", lang, date=at),
        w("assessment", lang),
    ]
    rows = []
    for i, r in enumerate(doc["targets"], 1):
        value = figure(r["value"], r["kind"], lang)
        if r["kind"] == "percent":
            value += f" ({number(r['numerator'], lang)}/{number(r['denominator'], lang)})"
        rows.append(
            [
                str(i),
                f"{r['id']}. {r['title']}",
                value,
                target_figure(r["target"], r["kind"], lang),
                percent(r["progress_percent"], lang),
                figure(r["expected"], r["kind"], lang),
                status_label(r["status"], lang),
            ]
        )
    return heads, rows


def year_keys(report: dict[str, Any]) -> list[str]:
    keys: dict[str, None] = {}
    for r in report["status"]["targets"]:
        keys.update(dict.fromkeys(r.get("by_year") or {}))
    return sorted(keys)


def years_table(report: dict[str, Any]) -> tuple[list[str], Rows]:
    """Table 2: per target two rows, in the year and cumulative, one column per year."""
    lang, keys = report["lang"], year_keys(report)
    heads = [w("code", lang), w("target_title", lang), "", *(point_label(k, lang) for k in keys)]
    rows = []
    for r in report["status"]["targets"]:
        years = r.get("by_year") or {}
        for part in ("in_year", "cumulative"):
            cells = []
            for k in keys:
                entry = years.get(k)
                if entry is None:
                    cells.append("–")
                elif part == "in_year":
                    cells.append(increase(entry["in_year"], "count", lang, r["kind"]))
                else:
                    cells.append(figure(entry["value"], r["kind"], lang))
            first = part == "in_year"
            name = w(part, lang) + (w("pp", lang) if first and r["kind"] == "percent" else "")
            rows.append([r["id"] if first else "", r["title"] if first else "", name])
            rows[-1] += cells
    return heads, rows


def schemes_table(report: dict[str, Any], target_id: str) -> tuple[list[str], Rows]:
    """Table 3: enterprises holding each system or tool at each year's end, then the target's
    own count (its `by_year` values)."""
    lang, keys = report["lang"], year_keys(report)
    heads = [w("no", lang), w("scheme", lang), *(point_label(k, lang) for k in keys)]
    table = report["schemes"][target_id]
    rows = [
        [str(i), name, *(number(counts.get(k, 0), lang) for k in keys)]
        for i, (name, counts) in enumerate(table.items(), 1)
    ]
    row = next(r for r in report["status"]["targets"] if r["id"] == target_id)
    total = [figure((row["by_year"].get(k) or {}).get("value"), "count", lang) for k in keys]
    rows.append(["", w("all_enterprises", lang, id=target_id), *total])
    return heads, rows


def subjects_table(report: dict[str, Any], target_ids: list[str]) -> tuple[list[str], Rows]:
    """Tables 4 and 5: the subjects of the given targets, counted and (pilots) not yet."""
    lang = report["lang"]
    heads = [w("no", lang), w("code", lang), w("name", lang), w("code_target", lang)]
    heads.append(w("status_col", lang))
    rows: Rows = []
    for tid in target_ids:
        doc = report["explain"][tid]
        for s in doc["counted"]:
            counted = w("counted", lang).capitalize()
            rows.append([str(len(rows) + 1), s["id"], s["name"], tid, counted])
        for s in doc.get("not_counted", []):
            lacks = ", ".join(_small(label) for label in s["lacks_labels"])
            status = f"{w('not_counted', lang).capitalize()}: {w('lacks', lang).lower()} {lacks}"
            rows.append([str(len(rows) + 1), s["id"], s["name"], tid, status])
    return heads, rows


def _small(label: str) -> str:
    """A label inside a sentence: `Đảm bảo đo lường` → `đảm bảo đo lường` (not `ISO 9001`)."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _place_cell(row: dict[str, Any], key: str, name: str, lang: str) -> str:
    entry = row[key].get(name)
    if row["kind"] == "count":
        return number(entry or 0, lang)
    if entry is None:
        return "–"
    ratio = f"{number(entry['numerator'], lang)}/{number(entry['denominator'], lang)}"
    return f"{ratio} ({percent(entry['value'], lang)})"


def places_table(report: dict[str, Any]) -> tuple[list[str], Rows, list[str]]:
    """Table 6: one row per old district or 2025 commune (as the HTML and Markdown reports
    group; the text as written when the province is not in the register), one column per
    target on establishments; and the ids of the targets left out (experts, units)."""
    lang, doc = report["lang"], report["status"]
    key, targets, names = report_groups(doc)
    others = [r["id"] for r in doc["targets"] if r.get(key) is None]
    heads = [w("no", lang), report_head(doc, lang), *(r["id"] for r in targets)]
    rows = [
        [
            str(i),
            w("no_locality", lang) if name == NO_LOCALITY else name,
            *(_place_cell(r, key, name, lang) for r in targets),
        ]
        for i, name in enumerate(names, 1)
    ]
    return heads, rows, others


def appendix_tables(report: dict[str, Any], tid: str) -> list[tuple[str, list[str], Rows]]:
    """Per target: who counts (with the records that make them count) and, for coverage and
    pilot targets, who does not yet and what they lack."""
    lang, doc = report["lang"], report["explain"][tid]
    base = [w("no", lang), w("code", lang), w("name", lang), w("locality", lang)]
    counted = [
        [str(i), s["id"], s["name"], s["locality"] or "", ", ".join(s["records"])]
        for i, s in enumerate(doc["counted"], 1)
    ]
    title = f"{w('counted', lang).capitalize()}: {number(len(doc['counted']), lang)}"
    out = [(title, [*base, w("records", lang)], counted)]
    if "not_counted" in doc:
        missing = [
            [str(i), s["id"], s["name"], s["locality"] or "", ", ".join(s["lacks_labels"])]
            for i, s in enumerate(doc["not_counted"], 1)
        ]
        title = f"{w('not_counted', lang).capitalize()}: {number(len(missing), lang)}"
        out.append((title, [*base, w("lacks", lang)], missing))
    return out
