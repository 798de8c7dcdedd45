"""Round 17, hostile: the cold load's second pass (flow lists split at commas, line starts
kept, the bytes checked first, the rules across records asking first, the pipe widened)
attacked where a user's file or a library caller meets them."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import copy_sample
from typer.testing import CliRunner

from pqp_cli.cli.app import app
from pqp_cli.core.text import clean
from pqp_cli.read import yamlfast, yamlread


def _validate(root: Path) -> tuple[int, list[dict[str, object]]]:
    args = ["validate", "--no-cache", "--format", "json", "--data", str(root / "data")]
    result = CliRunner().invoke(app, [*args, "--targets", str(root / "targets.yaml")])
    return result.exit_code, json.loads(result.output)["problems"]


def test_a_flow_item_cut_by_a_comment_is_not_a_value_met_before() -> None:
    """`['TH-01' # lead]`: the comment runs to the line's end, `]` with it, and libyaml finds
    no end to the list. The split at commas looked the item's text up among the file's
    values, where `- 'TH-01' # lead` had left it (a quoted value and its comment), and read a
    list of one code."""
    for quote in "'\"":
        item = f"{quote}TH-01{quote} # lead"
        text = f"- id: A\n  x:\n  - {item}\n- id: B\n  y: [{item}]\n"
        assert yamlread.event_parse(text, clean).faults[0].code == "yaml-syntax"
        assert yamlfast.fast_parse(text, clean) is None
        assert yamlfast.fast_parse(f"- id: A\n  x: {item}\n  y: [b, {item}]\n", clean) is None


def test_validate_reports_a_flow_list_cut_by_a_comment(tmp_path: Path) -> None:
    """The same in a user's training file: the file is refused as YAML, as before the flow
    lists were split at commas (the new reading kept the list and said nothing)."""
    copy_sample(tmp_path)
    path = tmp_path / "data" / "trainings" / "2021.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - TH-0088\n", "  - 'TH-0088' # lead\n", 1)
    head, sep, rest = text.partition("  participants:\n")
    head2, sep2, rest2 = rest.partition("  participants:\n")
    path.write_text(
        head + sep + head2 + "  participants: ['TH-0088' # lead]\n  notes:\n" + rest2,
        encoding="utf-8",
    )
    code, problems = _validate(tmp_path)
    assert code == 1
    assert [p["code"] for p in problems if str(p["file"]).endswith("trainings/2021.yaml")] == [
        "yaml-syntax"
    ]


def test_the_api_module_lists_every_public_name() -> None:
    """The documents' types (`StatusDoc`, `Stamp` …) are imported on first use now: `dir()`
    (an interpreter's completion, `help()`) lost them, as it lacked the importer's names;
    `pqp_cli` itself lists its lazy names."""
    import pqp_cli
    from pqp_cli import api

    assert set(api.__all__) <= set(dir(api))
    assert {"StatusDoc", "Stamp", "DiffDoc", "import_sheet", "open_project"} <= set(dir(api))
    assert set(pqp_cli.__all__) <= set(dir(pqp_cli))


def test_the_api_s_type_hints_resolve() -> None:
    """Every public function's annotations resolve at run time (`typing.get_type_hints`, as
    documentation and wrapping tools ask): the documents' types are names of the module."""
    import typing

    from pqp_cli import api

    for name in api.__all__:
        value = getattr(api, name)
        if callable(value) and getattr(value, "__module__", "") == api.__name__:
            typing.get_type_hints(value)
