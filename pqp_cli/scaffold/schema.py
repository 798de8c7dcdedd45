"""JSON Schema (draft 2020-12) of each record kind and of targets.yaml, from the models.

pqp reads every scalar as text and the models parse it, so a schema must accept what a person
writes, seen two ways:

* as pqp reads it: every scalar text (`2023-04-03`, `03/04/2023`, `true`, `Có`, `400`), an
  empty value, `~` or `null` absent (None);
* as an editor's YAML 1.2 parser types it (yaml-language-server in VS Code): `true` a boolean,
  `400` or `0101234567` a number, `2023-04-03` a string.

So each typed field also takes its text form (a date pattern, yes/no labels, digits), and each
text field also takes a number. Enum fields take their values (offered for completion) and
their Vietnamese labels and aliases, case and diacritics ignored as pqp ignores them. What JSON
Schema cannot say (references between files, date order, duplicate ids) is left to
`pqp validate`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, models_json_schema

from pqp_cli.core.fileio import replace_file
from pqp_cli.core.messages import PHRASES, phrase
from pqp_cli.core.models import (
    ALLOWED,
    ENUM_FIELDS,
    ID_PATTERN,
    KINDS,
    MODELS,
    TAX_CODE_PATTERN,
    VI_LABELS,
)
from pqp_cli.core.problems import PqpError, display_path
from pqp_cli.core.text import fold
from pqp_cli.read.plan import METRICS, PARAMS, PlanInfo, Target
from pqp_cli.read.reportmeta import ReportSection

DIALECT = "https://json-schema.org/draft/2020-12/schema"
NAMES: tuple[str, ...] = (*KINDS, "targets")

#: Day-first or ISO dates, as pqp's date parser reads them.
DATE_PATTERN = (
    r"^\s*([0-9]{4}-(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01])"
    r"|(0?[1-9]|[12][0-9]|3[01])[/.-](0?[1-9]|1[0-2])[/.-][0-9]{4})\s*$"
)
_META = ("title", "description", "default", "examples")
_ENUM_GROUPS = {enum.__name__: group for group, enum in ENUM_FIELDS.values()}
_KIND_TITLES = {
    "enterprises": PHRASES["schema_title_enterprises"],
    "trainings": PHRASES["schema_title_trainings"],
    "certifications": PHRASES["schema_title_certifications"],
    "experts": PHRASES["schema_title_experts"],
    "units": PHRASES["schema_title_units"],
}
_VIETNAMESE = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, keeping the constraints of every step of a validator chain.

    `Annotated[str, BeforeValidator(...), Field(pattern=...)]` compiles to a chain whose
    pattern sits in its last step; pydantic documents only the first step.
    """

    def chain_schema(self, schema: Any) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for step in schema["steps"]:
            merged.update(self.generate_inner(step))
        return merged


# --- what a person may write: the text form beside the typed one ----------------------------


def _both(en_vi: tuple[str, str]) -> str:
    return f"{en_vi[0]} · {en_vi[1]}"


@cache
def _letter_classes() -> dict[str, str]:
    """Each folded letter → a regex class of every Vietnamese letter that folds to it."""
    found: dict[str, set[str]] = defaultdict(set)
    letters = "abcdefghijklmnopqrstuvwxyz" + _VIETNAMESE
    for ch in letters + letters.upper():
        found[fold(ch)].add(ch)
    return {k: "[" + "".join(sorted(v)) + "]" for k, v in found.items()}


def _literal(ch: str) -> str:
    return "\\" + ch if ch in r"\^$.|?*+()[]{}/-" else ch


def loose_pattern(words: list[str]) -> str:
    """A regex matching any of `words` with case, diacritics and spacing set aside (as `fold`)."""
    classes = _letter_classes()
    alternatives = []
    for word in sorted({fold(w) for w in words}):
        parts = [r"\s+" if c == " " else classes.get(c, _literal(c)) for c in word]
        alternatives.append("".join(parts))
    return r"^\s*(" + "|".join(alternatives) + r")\s*$"


def _split(node: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    meta = {k: v for k, v in node.items() if k in _META}
    core = {k: v for k, v in node.items() if k not in _META}
    return meta, core


def _enum(node: dict[str, Any], group: str) -> dict[str, Any]:
    meta, core = _split(node)
    labels = [name for names in VI_LABELS[group].values() for name in names]
    values = ", ".join(f"{v} ({VI_LABELS[group][v][0]})" for v in core["enum"])
    return {
        **meta,
        "description": values,
        "anyOf": [core, {"type": "string", "pattern": loose_pattern(core["enum"] + labels)}],
    }


def _bool(node: dict[str, Any]) -> dict[str, Any]:
    meta, core = _split(node)
    words = [w for names in VI_LABELS["bool"].values() for w in names] + ["true", "false"]
    return {
        **meta,
        "description": _both(ALLOWED["bool"]),
        "anyOf": [
            core,
            {"type": "integer", "enum": [0, 1]},
            {"type": "string", "pattern": loose_pattern(words)},
        ],
    }


def _digits(core: dict[str, Any]) -> str:
    """The text form of a bounded number (bounds of 0, and maxima up to 100, as the models use)."""
    low = core.get("minimum", core.get("exclusiveMinimum"))
    high = core.get("maximum")
    integer = core["type"] == "integer"
    if integer and isinstance(low, int) and isinstance(high, int) and high - low <= 20:
        return r"^\s*(" + "|".join(str(n) for n in range(low, high + 1)) + r")\s*$"
    sign = "" if isinstance(low, (int, float)) and low >= 0 else "-?"
    fraction = "" if integer else r"(\.[0-9]+)?"
    body = "[0-9]+" + fraction
    if isinstance(high, int) and 0 < high <= 100 and not sign:
        zeros = len(str(high)) - 1
        powers = str(high) == "1" + "0" * zeros
        below = (
            ("0" if high == 1 else f"[0-9]{{1,{zeros}}}")
            if powers
            else "|".join(str(n) for n in range(high))
        )
        top = str(high) if integer else rf"{high}(\.0+)?"
        body = rf"(({below}){fraction}|{top})"
    positive = r"(?=[^1-9]*[1-9])" if core.get("exclusiveMinimum") == 0 else ""
    return rf"^\s*{positive}{sign}{body}\s*$"


def _number(node: dict[str, Any]) -> dict[str, Any]:
    meta, core = _split(node)
    return {**meta, "anyOf": [core, {"type": "string", "pattern": _digits(core)}]}


def _string(node: dict[str, Any]) -> dict[str, Any]:
    meta, core = _split(node)
    if core.get("format") == "date":
        return {
            **meta,
            "description": _both(ALLOWED["date"]),
            "type": "string",
            "pattern": DATE_PATTERN,
        }
    if "enum" in core or "const" in core:
        return node
    if core.get("pattern") == TAX_CODE_PATTERN:
        typed = {"type": "integer", "minimum": 0, "maximum": 9_999_999_999}
        return {**meta, "description": _both(ALLOWED["tax_code"]), "anyOf": [core, typed]}
    if core.get("pattern") == ID_PATTERN:
        typed = {"type": "integer", "minimum": 0}
        return {**meta, "description": _both(ALLOWED["id"]), "anyOf": [core, typed]}
    if core.get("minLength") and "pattern" not in core:
        core["pattern"] = r"\S"  # pqp trims white space before it checks for emptiness
    return {**meta, "anyOf": [core, {"type": "number"}]}


def _flatten(node: dict[str, Any]) -> dict[str, Any]:
    """`anyOf: [{anyOf: [a, b]}, null]` → `anyOf: [a, b, null]` (lifting a description)."""
    branches: list[Any] = []
    for sub in node["anyOf"]:
        if isinstance(sub, dict) and "anyOf" in sub and set(sub) <= {"anyOf", "description"}:
            branches.extend(sub["anyOf"])
            if "description" in sub:
                node.setdefault("description", sub["description"])
        else:
            branches.append(sub)
    return {**node, "anyOf": branches}


def _loosen(node: dict[str, Any]) -> dict[str, Any]:
    if "anyOf" in node:
        return _flatten(node)
    if "enum" in node and node.get("title") in _ENUM_GROUPS:
        return _enum(node, _ENUM_GROUPS[node["title"]])
    kind = node.get("type")
    if kind == "boolean":
        return _bool(node)
    if kind in ("integer", "number") and "enum" not in node:
        return _number(node)
    if kind == "string":
        return _string(node)
    return node


def _walk(node: Any) -> Any:
    """Loosen every sub-schema, innermost first."""
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("properties", "$defs"):
            out[key] = {name: _walk(sub) for name, sub in value.items()}
        elif key in ("items", "additionalProperties", "not", "if", "then", "else"):
            out[key] = _walk(value)
        elif key in ("anyOf", "oneOf", "allOf"):
            out[key] = [_walk(sub) for sub in value]
        else:
            out[key] = value
    return _loosen(out)


# --- the schemas ------------------------------------------------------------------------------


def _defs(models: list[type[BaseModel]]) -> dict[str, Any]:
    _, top = models_json_schema([(m, "validation") for m in models], schema_generator=_Generator)
    return dict(top["$defs"])


def kind_schema(kind: str) -> dict[str, Any]:
    """The schema of a record file of `kind`: a YAML list of records (an empty file is none)."""
    model = MODELS[kind]
    en, vi = _KIND_TITLES[kind]
    schema = {
        "$schema": DIALECT,
        "title": f"pqp {kind}",
        "description": f"Records of {en}, one '- id: ...' item each · Bản ghi {vi}",
        "type": ["array", "null"],
        "items": {"$ref": f"#/$defs/{model.__name__}"},
        "$defs": _defs([model]),
    }
    return _walk(schema)


_TITLE = {
    "description": "text, or {vi: ..., en: ...} · văn bản, hoặc {vi: ..., en: ...}",
    "anyOf": [{"type": "string", "minLength": 1}, {"$ref": "#/$defs/Localized"}],
}


def _target_rules() -> list[dict[str, Any]]:
    """Params per metric, exactly one of target/target_percent, percent only on coverage."""
    rules: list[dict[str, Any]] = [
        {
            "if": {"properties": {"metric": {"const": metric}}, "required": ["metric"]},
            "then": {"properties": {"params": {"$ref": f"#/$defs/{PARAMS[metric].__name__}"}}},
        }
        for metric in METRICS
    ]
    rules.append({"oneOf": [{"required": ["target"]}, {"required": ["target_percent"]}]})
    rules.append(
        {
            "if": {"properties": {"metric": {"not": {"const": "standards_coverage"}}}},
            "then": {"not": {"required": ["target_percent"]}},
        }
    )
    return rules


def targets_schema() -> dict[str, Any]:
    """The schema of targets.yaml: `plan:` and the list of `targets:`."""
    params = list(dict.fromkeys(PARAMS.values()))
    defs = _defs([PlanInfo, Target, ReportSection, *params])
    for name in ("PlanInfo", "Target"):
        defs[name]["properties"]["title"] = dict(_TITLE)
    target = defs["Target"]
    target["properties"]["params"] = {
        "type": "object",
        "description": "the metric's parameters · tham số của chỉ số",
    }
    target["allOf"] = _target_rules()
    schema = {
        "$schema": DIALECT,
        "title": "pqp targets.yaml",
        "description": "The plan and its targets · Kế hoạch và các chỉ tiêu",
        "type": "object",
        "additionalProperties": False,
        "required": ["plan", "targets"],
        "properties": {
            "plan": {"$ref": "#/$defs/PlanInfo"},
            "targets": {"type": "array", "items": {"$ref": "#/$defs/Target"}},
            "report": {
                "anyOf": [{"$ref": "#/$defs/ReportSection"}, {"type": "null"}],
                "description": "the Word report's header block and end · phần đầu, phần cuối "
                "của báo cáo Word",
            },
        },
        "$defs": defs,
    }
    return _walk(schema)


def schema(name: str) -> dict[str, Any]:
    """The schema of a record kind, or of targets.yaml for `targets`."""
    return targets_schema() if name == "targets" else kind_schema(name)


def file_name(name: str) -> str:
    return f"{name}.schema.json"


def dumps(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def schema_text(name: str | None = None) -> str:
    """What `pqp schema [NAME]` prints: the schema of `name`, or with no name every schema in
    one JSON object keyed by file name."""
    if name is not None:
        return dumps(schema(name))
    return dumps({file_name(n): schema(n) for n in NAMES})


def write_schemas(folder: Path, names: tuple[str, ...] = NAMES) -> list[Path]:
    """Write `<name>.schema.json` for each name into `folder` (made if missing), each file
    atomically; a schema file replaced keeps its mode. Raises PqpError (exit 2) when the folder
    cannot be made or a file written."""
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name in names:
            path = folder / file_name(name)
            replace_file(path, dumps(schema(name)).encode("utf-8"), keep_mode=True)
            written.append(path)
    except OSError as exc:
        where = display_path(folder)
        raise PqpError(*phrase("schema-cannot-write", path=where, why=exc)) from None
    return written
