"""What the cross-record rules need of each record, worked out once per record beside its file's
reading (in the worker that read it): plain values the cache keeps with the reading, so that a
run whose files mostly did not change checks across records from these and never decodes a
record it did not read.

A record's facts, by kind (None for a record whose fields did not validate):
- enterprises: its tax code, its name with case, diacritics and legal form set aside, its name
  as validated, whether the tax code's check digit is right, and its locality;
- trainings: its participants, its title folded, its date, its locality;
- certifications: its enterprise, then its scheme folded and its dates;
- experts: its unit, then its name folded and the day it qualified;
- units: its name folded and the day it qualified.
Dates are day numbers (`date.toordinal`), which marshal keeps and compare as dates do.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pqp_cli.core.models import tax_code_check_ok
from pqp_cli.core.text import fold, name_key_folded
from pqp_cli.read.loading import FileRead


def _day(day: dt.date | None) -> int | None:
    return None if day is None else day.toordinal()


def record_facts(kind: str, model: Any, folded: dict[str, str] | None = None) -> tuple[Any, ...]:
    """The facts of one valid record of `kind` (see the module's docstring). `folded` keeps
    the folded schemes and titles of a file: they repeat from record to record."""
    if kind == "enterprises":
        tax_ok = model.tax_code is None or tax_code_check_ok(model.tax_code)
        return (model.tax_code, name_key_folded(model.name), model.name, tax_ok, model.locality)
    if kind == "trainings":
        participants = tuple(model.participants)
        return (participants, _folded(model.title, folded), _day(model.date), model.locality)
    if kind == "certifications":
        dates = (_day(model.started_on), _day(model.achieved_on), _day(model.expires_on))
        return (model.enterprise, _folded(model.scheme, folded), *dates)
    if kind == "experts":
        return (model.unit, name_key_folded(model.name), _day(model.qualified_on))
    return (name_key_folded(model.name), _day(model.qualified_on))


def _folded(text: str, folded: dict[str, str] | None) -> str:
    if folded is None:
        return fold(text)
    found = folded.get(text)
    if found is None:
        found = folded[text] = fold(text)
    return found


def file_facts(read: FileRead) -> list[Any]:
    """The facts of each entry of a file read, in order (None where its record is invalid)."""
    folded: dict[str, str] = {}
    return [
        None if e.model is None else record_facts(e.kind, e.model, folded) for e in read.entries
    ]
