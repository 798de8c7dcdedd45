"""Write docs/cli.md from the Typer app, so the reference cannot drift from the code.

    python scripts/gen_cli_docs.py          # rewrite docs/cli.md
    python scripts/gen_cli_docs.py --check  # exit 1 if docs/cli.md is stale (CI)

tests/test_conventions.py runs the check.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Any

import typer

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "cli.md"

HEADER = """\
# `pqp` command reference

<!-- Generated from the Typer app by scripts/gen_cli_docs.py: do not edit by hand.
     Regenerate with `python scripts/gen_cli_docs.py`; tests/test_conventions.py fails when
     this file is stale. -->

Every command takes `--help`. Exit codes: `0` ok · `1` problems found (see each command) ·
`2` usage error (unknown option, missing data folder or targets file, unknown target or
revision; standard output or error closed, as in `pqp status >&-`) · `130` interrupted by Ctrl-C (nothing more is printed).
Output is plain when not a terminal and never coloured under `NO_COLOR`.
Under `--lang vi` or `PQP_LANG=vi` the help below and usage errors are in Vietnamese.
`--data` and `--targets`, when not given, are found by walking up from the current folder
to the nearest one holding `targets.yaml`.
"""


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _params_table(command: Any, ctx: Any) -> list[str]:
    rows = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None:
            continue
        name, help_text = record
        kind = "argument" if param.param_type_name == "argument" else "option"
        rows.append(f"| `{_cell(name)}` | {kind} | {_cell(help_text)} |")
    if not rows:
        return []
    return ["| Name | Kind | Description |", "|---|---|---|", *rows, ""]


def _section(command: Any, ctx: Any, level: str) -> list[str]:
    usage = " ".join([ctx.command_path, *command.collect_usage_pieces(ctx)])
    help_text = inspect.cleandoc(command.help or "")
    out = [f"{level} `{ctx.command_path}`", "", help_text, "", "```text", usage, "```", ""]
    return out + _params_table(command, ctx)


def render() -> str:
    from pqp_cli.cli.app import app

    root = typer.main.get_command(app)
    ctx = root.context_class(root, info_name="pqp")
    parts = [HEADER, *_section(root, ctx, "##")]
    names = root.list_commands(ctx)
    parts += ["Commands: " + ", ".join(f"[`{n}`](#pqp-{n})" for n in names) + ".", ""]
    for name in names:
        command = root.get_command(ctx, name)
        sub = command.context_class(command, info_name=name, parent=ctx)
        parts += _section(command, sub, "##")
    return "\n".join(parts).rstrip("\n") + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is stale: run python scripts/gen_cli_docs.py")
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
