"""Identity rules: one establishment per tax code (the error lands on the record nothing
points to), and the same person, unit, training or certification recorded twice."""

from __future__ import annotations

from typing import Any

from pqp_cli.core.models import NOUN_VI
from pqp_cli.core.problems import Problem
from pqp_cli.core.text import fold, name_key_folded
from pqp_cli.read.loading import Entry

Finding = tuple[Entry, Problem]


def _problem(e: Entry, code: str, field: str | None, en: str, vi: str) -> Finding:
    line = e.line_of(field) if field else e.line
    return e, Problem(code, e.file, line, en, vi, record=e.id, field=field, kind=e.kind)


def referenced_enterprises(ctx: Any) -> set[str]:
    """The enterprise ids some training or certification names."""
    named = {p for _, t in ctx.valid("trainings") for p in t.participants}
    return named | {c.enterprise for _, c in ctx.valid("certifications")}


def duplicate_tax_codes(ctx: Any) -> list[Finding]:
    """A tax code names one establishment. The error (which leaves a record out of the
    figures) lands on the record nothing references; when all or none are, on the later ones."""
    groups: dict[str, list[tuple[Entry, Any]]] = {}
    for e, ent in ctx.valid("enterprises"):
        if ent.tax_code is not None:
            groups.setdefault(ent.tax_code, []).append((e, ent))
    refs: set[str] | None = None
    found = []
    for code, group in groups.items():
        if len(group) < 2:
            continue
        refs = referenced_enterprises(ctx) if refs is None else refs
        used = [e for e, _ in group if e.id in refs]
        keep = used[0] if len(used) == 1 else group[0][0]
        kept_at = f"{keep.file}:{keep.line_of('tax_code')}"
        why_en = ", which trainings or certifications name" if len(used) == 1 else ""
        why_vi = ", bản ghi được lớp tập huấn hoặc chứng nhận nhắc tới" if len(used) == 1 else ""
        for e, _ in group:
            if e is keep:
                continue
            here = f"{e.file}:{e.line_of('tax_code')}"
            found.append(
                _problem(
                    e,
                    "duplicate-tax-code",
                    "tax_code",
                    f"enterprise {e.id} ({here}): tax code {code} is already {keep.id}'s"
                    f" ({kept_at}{why_en}); one establishment, one record: remove {e.id}"
                    " or merge it into the other",
                    f"{NOUN_VI['enterprises']} {e.id} ({here}): mã số thuế {code} đã thuộc"
                    f" {keep.id} ({kept_at}{why_vi}); mỗi cơ sở một bản ghi: hãy bỏ {e.id}"
                    " hoặc gộp vào bản ghi kia",
                )
            )
    return found


def _same_key(kind: str, r: Any) -> tuple[Any, ...]:
    if kind == "trainings":
        return (fold(r.title), r.date)
    if kind == "certifications":
        return (r.enterprise, fold(r.scheme), r.started_on, r.achieved_on, r.expires_on)
    return (name_key_folded(r.name), r.qualified_on)


_SAME = {
    "experts": ("name and qualification date", "họ tên và ngày công nhận"),
    "units": ("name and qualification date", "tên và ngày công nhận"),
    "trainings": ("title and date", "tên lớp và ngày"),
    "certifications": ("enterprise, scheme and dates", "cơ sở, hệ thống/tiêu chuẩn và các ngày"),
}


def possible_duplicate_records(ctx: Any) -> list[Finding]:
    """One person, unit, training or certification recorded twice (in one file or two) is
    counted twice by the figures: say so, naming both places."""
    found = []
    for kind, (same_en, same_vi) in _SAME.items():
        first: dict[tuple[Any, ...], Entry] = {}
        for e, r in ctx.valid(kind):
            seen = first.setdefault(_same_key(kind, r), e)
            if seen is e:
                continue
            here, there = f"{e.file}:{e.line}", f"{seen.file}:{seen.line}"
            found.append(
                _problem(
                    e,
                    "possible-duplicate",
                    None,
                    f"{kind[:-1]} {e.id} ({here}) has the same {same_en} as {seen.id} ({there}):"
                    " the figures count both; remove one if they are the same",
                    f"{NOUN_VI[kind]} {e.id} ({here}) trùng {same_vi} với {seen.id} ({there}):"
                    " số liệu đang tính cả hai; hãy bỏ một bản ghi nếu là một",
                )
            )
    return found
