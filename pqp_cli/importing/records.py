"""Converted rows → the records of a kind: each kind's builder, then duplicates merged and ids
made unique. Above `rows`, `groups` and `dupes`, which build on `rows` (and so could not be
called from it without an import cycle)."""

from __future__ import annotations

from collections.abc import Callable

from pqp_cli.importing import groups
from pqp_cli.importing.dupes import merge_duplicates
from pqp_cli.importing.rows import Built, Context, Row, singles, unique_ids

#: Trainings and enterprises group their rows (a row per participant, per OCOP product).
_BUILDERS: dict[str, Callable[[Context, list[Row]], list[Built]]] = {
    "enterprises": groups.enterprises,
    "trainings": groups.trainings,
    "certifications": singles,
    "experts": singles,
    "units": singles,
}


def build(ctx: Context, rows: list[Row]) -> list[Built]:
    """The records of the kind from its rows (trainings and enterprises group theirs)."""
    return unique_ids(ctx, merge_duplicates(ctx, _BUILDERS[ctx.kind](ctx, rows)))
