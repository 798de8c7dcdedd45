"""The same record twice in one sheet: one record, and a warning naming both rows."""

from __future__ import annotations

from typing import Any

from pqp_cli.core.messages import PHRASES, texts
from pqp_cli.core.text import fold, name_key
from pqp_cli.importing.rows import Built, Context


def same_record_key(kind: str, r: dict[str, Any]) -> tuple[Any, ...] | None:
    """What makes two records of a kind one in fact: a person or unit (name and date), a
    certification (enterprise, scheme, dates), a training (title and date)."""
    if kind in ("experts", "units"):
        return (name_key(str(r.get("name", ""))), r.get("qualified_on"))
    if kind == "certifications":
        dates = (r.get("started_on"), r.get("achieved_on"), r.get("expires_on"))
        return (r.get("enterprise"), fold(str(r.get("scheme", ""))), *dates)
    if kind == "trainings":
        return (fold(str(r.get("title", ""))), r.get("date"))
    return None


def merge_duplicates(ctx: Context, built: list[Built]) -> list[Built]:
    """The same record twice in a sheet → the first one, and a warning naming both rows."""
    if ctx.kind in ("enterprises", "trainings"):  # their rows group already
        return built
    first: dict[tuple[Any, ...], Built] = {}
    out = []
    for item in built:
        key = same_record_key(ctx.kind, item.record)
        kept = first.setdefault(key, item) if key is not None else item
        if kept is item:
            out.append(item)
            continue
        differ = [
            k for k in {**kept.record, **item.record}
            if k != "id" and kept.record.get(k) != item.record.get(k)
        ]  # fmt: skip
        said = "warning/repeats-differ" if differ else "warning/repeats"
        same = _SAME[ctx.kind]
        repeats = texts(
            said,
            later=item.rows[0] + 1,
            first=kept.rows[0] + 1,
            same=same,
            differ=", ".join(differ),
        )
        ctx.warn(item.rows[0], None, *repeats)
        kept.rows = sorted({*kept.rows, *item.rows})
    return out


_SAME = {kind: PHRASES[f"dupes_same_{kind}"] for kind in ("experts", "units", "certifications")}
