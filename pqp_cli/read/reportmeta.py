"""The `report:` section of targets.yaml: who sends the Word report, to whom, under which
symbol and signature (the header block and the end of a state administrative document).

Every field is optional; what is left out is derived from `plan.authority` and
`plan.focal_agency` (docs/report.md, "The `report:` section")."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, ValidationError

from pqp_cli.core.messages import plain_field
from pqp_cli.core.messages.reading import REPORT_LIST, REPORT_TEXT
from pqp_cli.core.models import Text
from pqp_cli.core.problems import Problem

#: Words left out of a body's initials in a document symbol ("Sở Khoa học và Công nghệ" → SKHCN).
_LINK_WORDS = {"và", "của", "các", "the", "of", "and"}
#: What a missing header value is shown as: a visible gap to fill in, never an empty line.
PLACEHOLDER = "……"
#: Prefixes of a province's name in an authority ("UBND tỉnh Thanh Hóa" → "Thanh Hóa").
_PLACE_PREFIXES = ("tỉnh ", "thành phố ", "tp. ", "tp ")


class PlanBodies(Protocol):
    """What `resolve` reads of the plan's `plan:` section (a `pqp_cli.read.plan.PlanInfo`,
    which imports this module: named by its shape, not imported back)."""

    @property
    def authority(self) -> str | None: ...

    @property
    def focal_agency(self) -> str | None: ...


class ReportSection(BaseModel):
    """The section as written in targets.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    parent_body: Text | None = None
    issuing_body: Text | None = None
    symbol: Text | None = None
    number: Text | None = None
    place: Text | None = None
    recipients: list[Text] | None = None
    copies: list[Text] | None = None
    archive: Text | None = None
    signer_title: Text | None = None
    signer_name: Text | None = None


FIELDS: tuple[str, ...] = tuple(ReportSection.model_fields)


@dataclass(frozen=True)
class ReportMeta:
    """The header and end data of the Word report, defaults filled in."""

    parent_body: str
    issuing_body: str
    symbol: str
    place: str
    recipients: list[str]
    copies: list[str] = field(default_factory=list)
    archive: str = "VT"
    signer_title: str = "GIÁM ĐỐC"
    signer_name: str = ""
    number: str = ""
    date: dt.date | None = None


@dataclass(frozen=True)
class InvalidSection:
    """A `report:` section with errors: the Word report refuses to be written from it (the
    other formats do not use it)."""

    problems: tuple[Problem, ...]

    def message(self, lang: str) -> str:
        head = (
            "the 'report:' section of targets.yaml has errors; the Word report is not written"
            if lang != "vi"
            else "mục 'report:' của targets.yaml có lỗi; không ghi báo cáo Word"
        )
        lines = [f"{p.file}:{p.line}: {p.vi if lang == 'vi' else p.en}" for p in self.problems]
        return head + "\n  " + "\n  ".join(lines)


def upper(text: str) -> str:
    """Capitals the Vietnamese way, keeping `UBND`-style abbreviations."""
    return unicodedata.normalize("NFC", text.upper())


def initials(body: str) -> str:
    """`Sở Khoa học và Công nghệ` → `SKHCN`: the first letter of each word but link words."""
    words = [w for w in body.replace("-", " ").split() if w.lower() not in _LINK_WORDS]
    if len(words) == 1:
        return upper(words[0])
    return "".join(upper(w[0]) for w in words if w[0].isalnum())


def place_of(authority: str | None) -> str:
    """The province's name in an authority: `UBND tỉnh Thanh Hóa` → `Thanh Hóa`."""
    if not authority:
        return ""
    lowered = authority.lower()
    for prefix in _PLACE_PREFIXES:
        at = lowered.find(prefix)
        if at >= 0:
            return authority[at + len(prefix) :].strip()
    return ""


def resolve(section: ReportSection | InvalidSection | None, info: PlanBodies) -> ReportMeta:
    """The section with every missing field derived from the plan (an invalid section is not
    used: the Word report refuses it, the other formats do not need it)."""
    s = section if isinstance(section, ReportSection) else ReportSection()
    issuing = s.issuing_body or info.focal_agency or ""
    parent = s.parent_body or info.authority or ""
    recipients = s.recipients or [spelled_out(info.authority or PLACEHOLDER)]
    return ReportMeta(
        parent_body=upper(parent) if parent else PLACEHOLDER,
        issuing_body=upper(issuing) if issuing else PLACEHOLDER,
        symbol=s.symbol or ("BC-" + initials(issuing) if issuing else "BC"),
        place=s.place or place_of(info.authority) or PLACEHOLDER,
        recipients=list(recipients),
        copies=list(s.copies or []),
        archive=s.archive or ("VT" + (f", {initials(issuing)}" if issuing else "")),
        signer_title=upper(s.signer_title or "Giám đốc"),
        signer_name=s.signer_name or PLACEHOLDER,
        number=s.number or "",
    )


def spelled_out(authority: str) -> str:
    """An addressee written in full, as the decree writes "Kính gửi": `UBND tỉnh Thanh Hóa` →
    `Ủy ban nhân dân tỉnh Thanh Hóa`."""
    words = authority.split(" ", 1)
    if words[0] == "UBND":
        return " ".join(["Ủy ban nhân dân", *words[1:]])
    return authority


def read_section(
    raw: Any, file: str, line: Any, problems: list[Problem]
) -> ReportSection | InvalidSection | None:
    """Validate the raw `report:` mapping; problems carry the line of the offending key
    (`line` maps a key path such as `("report", "recipients", 0)` to its line)."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        found = Problem.of("invalid-value/report", file, line(("report",)))
        problems.append(found)
        return InvalidSection((found,))
    try:
        return ReportSection.model_validate(raw)
    except ValidationError as exc:
        found_all = _problems(exc, file, line)
        problems.extend(found_all)
        return InvalidSection(tuple(found_all))


def _problems(exc: ValidationError, file: str, line: Any) -> list[Problem]:
    out = []
    for err in exc.errors():
        path = ("report", *err["loc"])
        shown = ".".join(str(p) for p in path)
        params: dict[str, Any] = plain_field(shown)
        if err["type"] == "extra_forbidden":
            key = "unknown-field"
            params["known"] = ", ".join(FIELDS)
        else:
            key = "invalid-value"
            listed = err["loc"][0] in ("recipients", "copies")
            params["got"] = repr(err.get("input"))
            params["allowed"] = REPORT_LIST if listed else REPORT_TEXT
        name = str(err["loc"][-1])
        out.append(Problem.of(key, file, line(path), field=name, **params))
    return out
