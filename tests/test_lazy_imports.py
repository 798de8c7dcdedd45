"""Start-up stays light: the app and its command modules import no heavy library until a
command runs (`pqp --help` within 1.5x of `import typer`, BENCHMARKS.md). Not a timed test."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pydantic", "yaml", "rich", "openpyxl", "numpy", "tabulate", "python_calamine")


def test_importing_the_app_imports_no_heavy_library() -> None:
    code = (
        "import sys, pqp_cli.cli.app\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "[]", "move the import into the command that needs it"


def test_schema_names_spelled_out_for_start_up_match_the_library() -> None:
    from pqp_cli.cli.schema_cmd import NAMES
    from pqp_cli.scaffold.schema import NAMES as LIBRARY_NAMES

    assert NAMES == LIBRARY_NAMES


def test_kinds_spelled_out_for_start_up_match_the_models() -> None:
    from pqp_cli.cli.import_cmd import KINDS, Kind
    from pqp_cli.core.models import KINDS as MODEL_KINDS

    assert KINDS == MODEL_KINDS
    assert tuple(kind.value for kind in Kind) == MODEL_KINDS


def test_the_library_loads_the_importer_only_when_a_sheet_is_imported() -> None:
    """`status`, `validate` and `explain` go through `pqp_cli.api`: importing it must not load
    the spreadsheet importer (its readers and writer), which only `import_sheet` needs."""
    code = (
        "import sys, pqp_cli.api as api\n"
        "print('pqp_cli.importing' in sys.modules)\n"
        "api.import_sheet\n"
        "print('pqp_cli.importing' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["False", "True"]
