"""The documents pqp computes (status, explain, diff and the report), as typed values.

Each is the JSON document of docs/contract.md §5 typed: one field per key, declared in the
JSON's order, holding the value as the JSON shows it (figures already rounded, dates as ISO
text), so every output reads the same figures. `to_json()` gives the JSON document itself:
`json.dumps(doc.to_json(), ensure_ascii=False, indent=2)` is `--format json`. A key the JSON
shows only sometimes is a field that is None when absent (`by_year`, `not_counted`, …); the
few fields that are not keys (the language a document's labels are in, the plan's title) say
so. The renderers read these documents; nothing else writes the JSON.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from pqp_cli.read.reportmeta import ReportMeta

#: A figure as the JSON shows it: a whole count, a value to one decimal, or unknown.
Figure = int | float | None
Json = dict[str, Any]


class Plain:
    """A part of a document whose every field is a key, in order, holding a JSON value."""

    def to_json(self) -> Json:
        return {f.name: getattr(self, f.name) for f in fields(cast(Any, self))}


@dataclass(frozen=True, kw_only=True)
class Share(Plain):
    """A percentage target's figure within one place: `numerator` of `denominator`."""

    value: float | None
    numerator: int
    denominator: int


@dataclass(frozen=True, kw_only=True)
class Breakdown:
    """A target's figures by place (`by_locality`, `by_district`, `by_commune`): the number
    counted in each group for a count target, a `Share` for a percentage target. `groups` is
    None when the target counts experts or units, which record no place (JSON `null`)."""

    groups: dict[str, int | Share] | None

    def to_json(self) -> Json | None:
        if self.groups is None:
            return None
        return {k: v.to_json() if isinstance(v, Share) else v for k, v in self.groups.items()}


@dataclass(frozen=True, kw_only=True)
class YearEntry(Plain):
    """One point of `by_year`: the cumulative value and the increase within its year."""

    value: Figure
    in_year: Figure


@dataclass(frozen=True, kw_only=True)
class Projected:
    """`--projection`: the straight line's value at the period's end and the day it meets the
    target; `projected_beyond_calendar` (a key only when true) when that is after 9999-12-31."""

    projected_end_value: float | None
    projected_met_on: str | None
    projected_beyond_calendar: bool = False

    def to_json(self) -> Json:
        found: Json = {k: getattr(self, k) for k in PROJECTION_KEYS}
        if self.projected_beyond_calendar:
            found["projected_beyond_calendar"] = True
        return found


@dataclass(frozen=True, kw_only=True)
class StatusRow:
    """One target at the as-of date (docs/contract.md §5), with the breakdowns asked for."""

    id: str
    title: str
    metric: str
    kind: str
    value: Figure
    target: int | float
    numerator: int | None
    denominator: int | None
    progress_percent: float | None
    expected: float | None
    status: str
    by_year: dict[str, YearEntry] | None = None
    by_locality: Breakdown | None = None
    projection: Projected | None = None
    by_district: Breakdown | None = None
    by_commune: Breakdown | None = None

    def breakdown(self, key: str) -> dict[str, int | Share] | None:
        """The groups of `by_locality`, `by_district` or `by_commune`; None when not asked or
        when the target's subjects record no place."""
        found: Breakdown | None = getattr(self, key)
        return None if found is None else found.groups

    def to_json(self) -> Json:
        row = {k: getattr(self, k) for k in ROW_KEYS}
        if self.kind != "percent":
            del row["numerator"], row["denominator"]
        if self.by_year is not None:
            row["by_year"] = {k: e.to_json() for k, e in self.by_year.items()}
        if self.by_locality is not None:
            row["by_locality"] = self.by_locality.to_json()
        if self.projection is not None:
            row.update(self.projection.to_json())
        for key in ("by_district", "by_commune"):
            found: Breakdown | None = getattr(self, key)
            if found is not None:
                row[key] = found.to_json()
        return row


def _required(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.default is MISSING)


#: The keys every status row has, in order (numerator and denominator: percentage targets only).
ROW_KEYS = _required(StatusRow)
#: The keys of `--projection`, in order (and `projected_beyond_calendar` only when true).
PROJECTION_KEYS = _required(Projected)


@dataclass(frozen=True, kw_only=True)
class ProblemCounts:
    """The `problems` summary: how many errors and warnings, and what they leave out."""

    errors: int
    warnings: int
    files_left_out: int
    records_left_out: int
    targets_left_out: list[str] | None = None  # a key only when targets.yaml left some out

    def to_json(self) -> Json:
        found: Json = {
            "errors": self.errors,
            "warnings": self.warnings,
            "files_left_out": self.files_left_out,
            "records_left_out": self.records_left_out,
        }
        if self.targets_left_out is not None:
            found["targets_left_out"] = self.targets_left_out
        return found


@dataclass(frozen=True, kw_only=True)
class Straddling(Plain):
    """A 2025 unit that straddles two old districts, and the one it is counted under."""

    unit: str
    district: str
    area_percent: dict[str, Any]


@dataclass(frozen=True, kw_only=True)
class Places:
    """The `places` note of a status grouped by place: the register used, the straddling
    units (with `--by district`), each locality as written → its canonical name, and (the
    report) the level its table groups by."""

    province: str | None
    straddling: list[Straddling] | None
    written: dict[str, str]
    table: str | None = None

    def to_json(self) -> Json:
        found: Json = {"province": self.province}
        if self.straddling is not None:
            found["straddling"] = [s.to_json() for s in self.straddling]
        found["written"] = self.written
        if self.table is not None:
            found["table"] = self.table
        return found


@dataclass(frozen=True, kw_only=True)
class StatusDoc:
    """`pqp status --format json`. `title` (the plan's, in `lang`) and `lang` are not keys."""

    plan_id: str
    start: str
    end: str
    as_of: str
    evaluated_at: str
    targets: list[StatusRow]
    problems: ProblemCounts
    places: Places | None = None
    title: str = ""
    lang: str = "en"

    def to_json(self) -> Json:
        found: Json = {
            "plan": {"id": self.plan_id, "period": {"start": self.start, "end": self.end}},
            "as_of": self.as_of,
            "evaluated_at": self.evaluated_at,
            "targets": [r.to_json() for r in self.targets],
            "problems": self.problems.to_json(),
        }
        if self.places is not None:
            found["places"] = self.places.to_json()
        return found


# --- explain ------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Subject:
    """An establishment, expert or unit in `explain`: counted (`records`, the ids that make it
    count) or not yet (`lacks`, the categories it lacks, and their labels). `place` is the
    canonical name of its locality, a key only when the plan's province is in the register."""

    id: str
    name: str
    locality: str | None
    records: list[str] | None = None
    lacks: list[str] | None = None
    lacks_labels: list[str] | None = None
    place: str | None = None

    def to_json(self, named: bool) -> Json:
        found: Json = {"id": self.id, "name": self.name, "locality": self.locality}
        if self.records is not None:
            found["records"] = self.records
        else:
            found["lacks"], found["lacks_labels"] = self.lacks, self.lacks_labels
        if named:
            found["place"] = self.place
        return found


@dataclass(frozen=True, kw_only=True)
class ExplainDoc:
    """`pqp explain TARGET --format json`: the target's status row, who counts and (coverage
    and pilot targets) who does not yet. `places_named` (whether each subject's `place` was
    looked up) and `lang` are not keys."""

    as_of: str
    row: StatusRow
    subjects: str
    counted: list[Subject]
    not_counted: list[Subject] | None = None
    places_named: bool = False
    lang: str = "en"

    def to_json(self) -> Json:
        found: Json = {"as_of": self.as_of, **self.row.to_json(), "subjects": self.subjects}
        found["counted"] = [s.to_json(self.places_named) for s in self.counted]
        if self.not_counted is not None:
            found["not_counted"] = [s.to_json(self.places_named) for s in self.not_counted]
        return found


# --- diff ---------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class End(Plain):
    """One end of a comparison: the revision as asked and its commit (None: the working tree)."""

    rev: str | None
    commit: str | None


@dataclass(frozen=True, kw_only=True)
class Mover:
    """A subject that entered or left a count (`records`), or newly lacks something (`lacks`)."""

    id: str
    name: str
    records: list[str] | None = None
    lacks: list[str] | None = None

    def to_json(self) -> Json:
        found: Json = {"id": self.id, "name": self.name}
        if self.records is not None:
            found["records"] = self.records
        else:
            found["lacks"] = self.lacks
        return found


@dataclass(frozen=True, kw_only=True)
class DiffRow:
    """One target in `pqp diff`: its status row at each end (None where it is absent), the
    change of its value, and who moved (`now_lacking`: coverage and pilot targets only)."""

    id: str
    title: str
    metric: str
    kind: str
    before: StatusRow | None
    after: StatusRow | None
    change: Figure
    entered: list[Mover]
    left: list[Mover]
    now_lacking: list[Mover] | None = None

    def to_json(self) -> Json:
        found: Json = {k: getattr(self, k) for k in ("id", "title", "metric", "kind")}
        for key in ("before", "after"):
            row: StatusRow | None = getattr(self, key)
            found[key] = None if row is None else row.to_json()
        found["change"] = self.change
        found["entered"] = [m.to_json() for m in self.entered]
        found["left"] = [m.to_json() for m in self.left]
        if self.now_lacking is not None:
            found["now_lacking"] = [m.to_json() for m in self.now_lacking]
        return found


@dataclass(frozen=True, kw_only=True)
class DiffDoc:
    """`pqp diff --format json`: `old` and `new` are the JSON's `from` and `to` (as are the
    two problem summaries); `lang` is not a key."""

    old: End
    new: End
    as_of: str
    targets: list[DiffRow]
    old_problems: ProblemCounts
    new_problems: ProblemCounts
    lang: str = "en"

    def to_json(self) -> Json:
        return {
            "from": self.old.to_json(),
            "to": self.new.to_json(),
            "as_of": self.as_of,
            "targets": [t.to_json() for t in self.targets],
            "problems": {"from": self.old_problems.to_json(), "to": self.new_problems.to_json()},
        }


# --- report -------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ReportPlan:
    """The plan as the report's head names it (`title` in the report's language)."""

    id: str
    title: str
    authority: str | None
    focal_agency: str | None
    document: str | None
    start: str
    end: str


@dataclass(frozen=True, kw_only=True)
class ChartPoint:
    """A point of a target's chart: the value and the straight line's value at `date`."""

    date: str
    key: str
    value: Figure
    expected: float | None
    in_year: Figure


@dataclass(frozen=True, kw_only=True)
class ProblemLine:
    """A problem found in the data, as `validate --format json` lists it."""

    severity: str
    code: str
    file: str
    line: int | None
    record: str | None
    field: str | None
    message: str


@dataclass(frozen=True, kw_only=True)
class ReportDoc:
    """What every report format draws from: `status` is exactly `status --format json --by
    year --by locality --projection` (grouped by district or commune when the register knows
    the province); then per target its chart (`series`), its `explain` document and (supported
    enterprises) its counts by system or tool (`schemes`); the problems; the Word header."""

    lang: str
    plan: ReportPlan
    status: StatusDoc
    pace_percent: float
    series: dict[str, list[ChartPoint]]
    explain: dict[str, ExplainDoc]
    problem_list: list[ProblemLine]
    schemes: dict[str, dict[str, dict[str, int]]]
    meta: ReportMeta
