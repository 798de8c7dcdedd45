"""The library under the command line (`pqp_cli.api`, docs/api.md): its example prints the
figures `pqp status` prints, every document renders as its command writes it, and `import
pqp_cli` gives the API's names without importing what only a command needs."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from inprocess import run_pqp
from typer.testing import CliRunner

import pqp_cli
from pqp_cli import api
from pqp_cli.cli.app import app

#: Its module fixture copies the sample: once, on one worker.
pytestmark = pytest.mark.xdist_group("api-sample")

ROOT = Path(__file__).resolve().parents[1]

#: The example of docs/api.md, run as a user would run it: next to the bundled sample.
EXAMPLE = """\
import datetime as dt

from pqp_cli import api

project = api.open_project(data="data", targets="targets.yaml")
status = api.status(project, as_of=dt.date(2025, 12, 31))
for row in status.targets:
    print(row.id, row.value, row.status)
"""


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled sample (`data/`, `targets.yaml`), so no cache is written here."""
    root = tmp_path_factory.mktemp("sample")
    shutil.copytree(ROOT / "data", root / "data", ignore=shutil.ignore_patterns(".pqp-cache"))
    shutil.copy(ROOT / "targets.yaml", root / "targets.yaml")
    return root


def _python(code: str, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_the_example_prints_each_target_as_status_json_gives_it(sample: Path) -> None:
    printed = _python(EXAMPLE, sample).splitlines()
    # the command's answer, from this process (`inprocess`): the example is the user's process
    args = ["status", "--as-of", "2025-12-31", "--format", "json"]
    done = run_pqp(args, cwd=sample, env=dict(os.environ))
    assert done.code == 0, done.err
    targets = json.loads(done.out)["targets"]
    assert printed == [f"{t['id']} {t['value']} {t['status']}" for t in targets]
    assert printed and all(len(line.split()) == 3 for line in printed)


def _cli(sample: Path, *args: str) -> str:
    paths = ["--data", str(sample / "data"), "--targets", str(sample / "targets.yaml")]
    result = CliRunner().invoke(app, [*args, *paths], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


AS_OF = dt.date(2024, 6, 30)


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_rendered_status_is_what_the_command_prints(sample: Path, fmt: str, lang: str) -> None:
    project = api.open_project(data=sample / "data", targets=sample / "targets.yaml")
    doc = api.status(project, as_of=AS_OF, lang=lang, by=["year", "locality"], projection=True)
    args = ["--by", "year", "--by", "locality", "--projection", "--lang", lang]
    expected = _cli(sample, "status", "--as-of", AS_OF.isoformat(), "--format", fmt, *args)
    assert api.render_status(doc, fmt=fmt) == expected


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_a_rendered_explain_is_what_the_command_prints(sample: Path, fmt: str) -> None:
    project = api.open_project(data=sample / "data", targets=sample / "targets.yaml")
    doc = api.explain(project, target="T3", as_of=AS_OF, lang="vi")
    expected = _cli(
        sample, "explain", "T3", "--as-of", "2024-06-30", "--lang", "vi", "--format", fmt
    )
    assert api.render_explain(doc, fmt=fmt) == expected


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_rendered_report_is_the_file_the_command_writes(
    sample: Path, tmp_path: Path, fmt: str
) -> None:
    project = api.open_project(data=sample / "data", targets=sample / "targets.yaml")
    doc = api.report(project, as_of=AS_OF)
    out = tmp_path / f"r.{fmt}"
    _cli(sample, "report", "--as-of", "2024-06-30", "-o", str(out))
    assert api.render_report(doc, fmt=fmt) == out.read_bytes()


def test_the_word_report_stamp_is_checked_as_the_options_are() -> None:
    stamp = api.document_stamp(number="15/BC-SKHCN", date="2026-01-05", as_of=AS_OF)
    assert (stamp.number, stamp.symbol, stamp.date) == ("15", "BC-SKHCN", dt.date(2026, 1, 5))
    with pytest.raises(api.PqpError) as before:
        api.document_stamp(date=dt.date(2024, 1, 1), as_of=AS_OF)
    assert "before --as-of" in before.value.message("en") and before.value.exit_code == 2
    with pytest.raises(api.PqpError):
        api.document_stamp(number="fifteen", as_of=AS_OF)


def test_a_failure_raises_pqp_error_with_the_commands_exit_code(tmp_path: Path) -> None:
    with pytest.raises(api.PqpError) as missing:
        api.open_project(data=tmp_path / "nowhere", targets=tmp_path / "targets.yaml")
    assert missing.value.exit_code == 2 and "không tìm thấy" in missing.value.message("vi")


def test_the_package_gives_the_api_names_and_stays_light() -> None:
    assert set(api.__all__) <= set(pqp_cli.__all__)
    assert pqp_cli.status is api.status and pqp_cli.Settings is api.Settings
    code = (
        "import sys, pqp_cli\n"
        "heavy = {'pydantic', 'yaml', 'rich', 'openpyxl', 'tabulate', 'docx'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))"
    )
    assert _python(code, ROOT).strip() == "[]"
    with pytest.raises(AttributeError):
        pqp_cli.no_such_name  # noqa: B018
