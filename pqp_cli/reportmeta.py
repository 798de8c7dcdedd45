"""The `report:` section of targets.yaml: who sends the Word report, to whom, under which
symbol and signature (the header block and the end of a state administrative document).

Every field is optional; what is left out is derived from `plan.authority` and
`plan.focal_agency` (docs/report.md, "The `report:` section")."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, ValidationError

from pqp_cli.models import Text
from pqp_cli.problems import Problem

if TYPE_CHECKING:
    from pqp_cli.plan import PlanInfo

#: Words left out of a body's initials in a document symbol ("Sở Khoa học và Công nghệ" → SKHCN).
_LINK_WORDS = {"và", "của", "các", "the", "of", "and"}
#: Prefixes of a province's name in an authority ("UBND tỉnh Thanh Hóa" → "Thanh Hóa").
_PLACE_PREFIXES = ("tỉnh ", "thành phố ", "tp. ", "tp ")


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


def resolve(section: ReportSection | None, info: PlanInfo) -> ReportMeta:
    """The section with every missing field derived from the plan."""
    s = section or ReportSection()
    issuing = s.issuing_body or info.focal_agency or ""
    parent = s.parent_body or info.authority or ""
    recipients = s.recipients or ([info.authority] if info.authority else [])
    return ReportMeta(
        parent_body=upper(parent),
        issuing_body=upper(issuing),
        symbol=s.symbol or ("BC-" + initials(issuing) if issuing else "BC"),
        place=s.place or place_of(info.authority),
        recipients=list(recipients),
        copies=list(s.copies or []),
        archive=s.archive or ("VT" + (f", {initials(issuing)}" if issuing else "")),
        signer_title=upper(s.signer_title or "Giám đốc"),
        signer_name=s.signer_name or "",
        number=s.number or "",
    )


def read_section(raw: Any, file: str, line: Any, problems: list[Problem]) -> ReportSection | None:
    """Validate the raw `report:` mapping; problems carry the line of the offending key
    (`line` maps a key path such as `("report", "recipients", 0)` to its line)."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        en = "'report:' must be a mapping (parent_body: ..., issuing_body: ...)"
        vi = "'report:' phải là ánh xạ (parent_body: ..., issuing_body: ...)"
        problems.append(Problem("invalid-value", file, line(("report",)), en, vi))
        return None
    try:
        return ReportSection.model_validate(raw)
    except ValidationError as exc:
        problems.extend(_problems(exc, file, line))
        return None


def _problems(exc: ValidationError, file: str, line: Any) -> list[Problem]:
    out = []
    for err in exc.errors():
        path = ("report", *err["loc"])
        shown = ".".join(str(p) for p in path)
        if err["type"] == "extra_forbidden":
            code = "unknown-field"
            en = f"unknown {shown}; known: {', '.join(FIELDS)}"
            vi = f"không xác định {shown}; hợp lệ: {', '.join(FIELDS)}"
        else:
            code = "invalid-value"
            kind = "a list of texts" if err["loc"][0] in ("recipients", "copies") else "a text"
            kind_vi = "danh sách văn bản" if kind.startswith("a list") else "văn bản"
            en = f"{shown} has {err.get('input')!r}; allowed: {kind}"
            vi = f"{shown} có giá trị {err.get('input')!r}; cho phép: {kind_vi}"
        out.append(Problem(code, file, line(path), en, vi, field=str(err["loc"][-1])))
    return out
