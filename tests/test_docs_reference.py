"""docs/data.md and docs/targets.md cannot drift from the code.

- every kind and every field of the models (nested OCOP products too) has its row in
  docs/data.md, with the Vietnamese header the template writes and each enum value's label;
- every YAML example in docs/data.md passes `pqp validate` without a problem;
- every field of targets.yaml, every metric, every param (with its default) and every status
  (with its Vietnamese word) is in docs/targets.md;
- every figure of docs/targets.md's worked examples is what `pqp status --format json` gives.
"""

from __future__ import annotations

import json
import re
import shutil
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from typer.testing import CliRunner

from pqp_cli.cli.app import app
from pqp_cli.core.models import ENUM_FIELDS, KINDS, MODELS, VI_LABELS
from pqp_cli.figures.progress import STATUSES
from pqp_cli.importing.headers import COLUMNS
from pqp_cli.read.plan import METRICS, PARAMS, PlanInfo, Target
from pqp_cli.read.reportmeta import FIELDS as REPORT_FIELDS

ROOT = Path(__file__).resolve().parent.parent
DATA_MD = (ROOT / "docs" / "data.md").read_text(encoding="utf-8")
TARGETS_MD = (ROOT / "docs" / "targets.md").read_text(encoding="utf-8")

_BLOCK = re.compile(r"```(\w*)\n(.*?)```", re.S)
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def _without_code(text: str) -> str:
    """The text with its fenced blocks blanked (a `# comment` in YAML is no heading)."""
    return _BLOCK.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def _section(text: str, heading: str) -> str:
    """The part of `text` under the first heading that starts with `heading` (level and words,
    e.g. "## enterprises"), up to the next heading of the same or a higher level."""
    level = len(heading) - len(heading.lstrip("#"))
    lines = _without_code(text).splitlines()
    raw = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith(heading)]
    assert starts, f"no heading starting with {heading!r}"
    start = starts[0]
    end = len(lines)
    for i in range(start + 1, len(lines)):
        hashes = len(lines[i]) - len(lines[i].lstrip("#"))
        if 0 < hashes <= level and lines[i][hashes : hashes + 1] == " ":
            end = i
            break
    return "\n".join(raw[start:end])


def _rows(section: str) -> dict[str, list[str]]:
    """Table rows of a section by their first cell (backticks kept): `| `id` | … |`."""
    rows: dict[str, list[str]] = {}
    for line in section.splitlines():
        if line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip() for c in _CELL_SPLIT.split(line.strip())[1:-1]]
            if cells:
                rows.setdefault(cells[0], cells)
    return rows


def _examples(text: str) -> list[tuple[str, str]]:
    """(path, YAML) of every ```yaml block; its first line names its file (`# data/x.yaml`)."""
    found = []
    for lang, body in _BLOCK.findall(text):
        if lang != "yaml":
            continue
        first = body.splitlines()[0] if body else ""
        found.append((first[2:].strip() if first.startswith("# ") else "", body))
    return found


def _write(root: Path, examples: list[tuple[str, str]]) -> None:
    """Write the blocks under `root`; blocks naming the same file add up, as YAML lists do."""
    for relative, body in examples:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            out.write(body if body.endswith("\n") else body + "\n")


def _run(*args: str) -> Any:
    result = CliRunner().invoke(app, [*args, "--no-cache", "--lang", "en"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


# --- docs/data.md -------------------------------------------------------------------------------


def _nested(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    """The model of a `list[Model]` field, else None."""
    annotation = model.model_fields[name].annotation
    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def _field_names(model: type[BaseModel]) -> list[str]:
    names = []
    for name in model.model_fields:
        names.append(name)
        inner = _nested(model, name)
        if inner is not None:
            names += [f"{name}[].{sub}" for sub in inner.model_fields]
    return names


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_of_every_kind_has_its_row_in_data_md(kind: str) -> None:
    rows = _rows(_section(DATA_MD, f"## {kind}"))
    missing = [f for f in _field_names(MODELS[kind]) if f"`{f}`" not in rows]
    assert missing == [], f"docs/data.md, section {kind}: no row for {missing}"


@pytest.mark.parametrize("kind", KINDS)
def test_every_template_header_is_given_as_a_vietnamese_label(kind: str) -> None:
    section = _section(DATA_MD, f"## {kind}")
    missing = [c.vi[0] for c in COLUMNS[kind] if c.vi[0] not in section]
    assert missing == [], f"docs/data.md, section {kind}: Vietnamese headers not given: {missing}"


def test_every_enum_value_is_given_with_its_vietnamese_label() -> None:
    values = _section(DATA_MD, "## Values")
    for group, enum in ENUM_FIELDS.values():
        for member in enum:
            label = VI_LABELS[group][member.value][0]
            assert f"`{member.value}`: {label}" in values, (group, member.value)
    for value, labels in VI_LABELS["bool"].items():
        assert labels[0] in values, value


def test_every_yaml_example_of_data_md_names_its_file_and_covers_every_kind() -> None:
    examples = _examples(DATA_MD)
    assert examples, "docs/data.md shows no YAML example"
    for path, _ in examples:
        assert path.startswith("data/") and path.endswith(".yaml"), (
            f"a YAML example in docs/data.md must start with '# data/<file>.yaml', not {path!r}"
        )
    kinds = {Path(path).parts[1].removesuffix(".yaml") for path, _ in examples}
    assert kinds == set(KINDS)


def test_the_yaml_examples_of_data_md_validate_without_a_problem(tmp_path: Path) -> None:
    _write(tmp_path, _examples(DATA_MD))
    shutil.copy(ROOT / "targets.yaml", tmp_path / "targets.yaml")
    doc = _run(
        "validate", "--format", "json",
        "--data", str(tmp_path / "data"), "--targets", str(tmp_path / "targets.yaml"),
    )  # fmt: skip
    problems = [f"{p['file']}:{p['line']}: [{p['code']}] {p['message']}" for p in doc["problems"]]
    assert problems == []
    assert doc["ok"]


# --- docs/targets.md ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "fields"),
    [
        ("## `plan:`", list(PlanInfo.model_fields)),
        ("## `targets:`", list(Target.model_fields)),
        ("## `report:`", list(REPORT_FIELDS)),
    ],
)
def test_every_field_of_targets_yaml_has_its_row(heading: str, fields: list[str]) -> None:
    rows = _rows(_section(TARGETS_MD, heading))
    missing = [f for f in fields if f"`{f}`" not in rows]
    assert missing == [], f"docs/targets.md, {heading}: no row for {missing}"


def _default_cell_ok(default: Any, cell: str) -> bool:
    if default is None:
        return "any" in cell
    if isinstance(default, bool):
        return f"`{str(default).lower()}`" in cell
    if isinstance(default, list):
        shown = set(re.findall(r"`([^`]+)`", cell))
        return shown == {getattr(v, "value", v) for v in default}
    return f"`{default}`" in cell


@pytest.mark.parametrize("metric", METRICS)
def test_every_metric_and_param_is_in_targets_md_with_its_default(metric: str) -> None:
    section = _section(TARGETS_MD, f"### `{metric}`")
    params = PARAMS[metric].model_fields
    if not params:
        assert "No params" in section, f"docs/targets.md: say that {metric} has no params"
        return
    rows = _rows(section)
    for name, info in params.items():
        assert f"`{name}`" in rows, f"docs/targets.md, {metric}: no row for param {name}"
        default_cell = rows[f"`{name}`"][2]
        assert _default_cell_ok(info.default, default_cell), (
            f"docs/targets.md, {metric}.{name}: the default is {info.default!r}, "
            f"the doc says {default_cell!r}"
        )


def test_every_status_is_in_targets_md_with_its_vietnamese_word() -> None:
    rows = _rows(_section(TARGETS_MD, "## Statuses"))
    for status in STATUSES:
        assert f"`{status}`" in rows, f"docs/targets.md: no row for status {status}"
        assert rows[f"`{status}`"][1] == VI_LABELS["status"][status][0], status


# --- docs/targets.md's worked examples ----------------------------------------------------------

_FIGURES_HEAD = ["target", "as of", "value", "expected", "progress", "status"]


def _figure_tables(text: str) -> list[tuple[str, list[list[str]]]]:
    """Each figures table with the folder of the last `# FOLDER/targets.yaml` block above it."""
    found: list[tuple[str, list[list[str]]]] = []
    folder = ""
    rows: list[list[str]] | None = None
    fenced = opening = False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced, opening = not fenced, not fenced
            continue
        if fenced:
            if opening and line.startswith("# ") and line.endswith("/targets.yaml"):
                folder = line[2:].strip().removesuffix("/targets.yaml")
            opening = False
            continue
        cells = [c.strip() for c in _CELL_SPLIT.split(line.strip())[1:-1]]
        if cells == _FIGURES_HEAD:
            rows = []
            found.append((folder, rows))
        elif rows is not None and cells and not cells[0].startswith("---"):
            rows.append(cells)
        elif not cells:
            rows = None
    return found


def _number(cell: str) -> float | int | None:
    return None if cell == "null" else (int(cell) if re.fullmatch(r"-?\d+", cell) else float(cell))


def test_the_worked_examples_of_targets_md_are_the_figures_pqp_gives(tmp_path: Path) -> None:
    _write(tmp_path, [(path, body) for path, body in _examples(TARGETS_MD) if path])
    tables = _figure_tables(TARGETS_MD)
    assert sum(len(rows) for _, rows in tables) >= 20, "the worked examples lost their figures"
    wrong = []
    runs: dict[tuple[str, str], dict[str, Any]] = {}
    for folder, rows in tables:
        assert folder, "a figures table comes before any '# FOLDER/targets.yaml' block"
        for target, as_of, value, expected, progress, status in rows:
            if (folder, as_of) not in runs:
                doc = _run(
                    "status", "--format", "json", "--as-of", as_of,
                    "--data", str(tmp_path / folder / "data"),
                    "--targets", str(tmp_path / folder / "targets.yaml"),
                )  # fmt: skip
                runs[folder, as_of] = {t["id"]: t for t in doc["targets"]}
            got = runs[folder, as_of][target]
            m = re.fullmatch(r"(\S+)(?: \((\d+)/(\d+)\))?", value)
            assert m, f"bad value cell {value!r}"
            shown = {
                "value": _number(m.group(1)),
                "expected": _number(expected),
                "progress_percent": _number(progress),
                "status": status.strip("`"),
            }
            if m.group(2) is not None:
                shown["numerator"], shown["denominator"] = int(m.group(2)), int(m.group(3))
            actual = {k: got.get(k) for k in shown}
            if actual != shown:
                wrong.append(f"{folder} {target} at {as_of}: doc {shown}, pqp {actual}")
    assert wrong == []
