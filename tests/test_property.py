"""Any bytes or YAML in any data file → problems and exit 0 or 1, never a traceback."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from fuzzsize import examples
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pqp_cli.cli.app import app

runner = CliRunner()
TARGETS = (
    "plan:\n  id: p\n  period: {start: 2021-01-01, end: 2025-12-31}\n"
    "targets:\n  - id: T1\n    metric: trained_establishments\n    target: 4\n"
)
FILES = ["enterprises.yaml", "trainings/a.yaml", "certifications.yml", "experts.yaml", "units.yaml"]

yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20) | st.dates(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "name", "type", "date", "participants", "topics", "x", "stars"]),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


def _validate(tmp: Path, name: str, body: bytes) -> None:
    data = tmp / "data"
    target = data / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(body)
    (tmp / "targets.yaml").write_text(TARGETS)
    for command in (["validate"], ["status", "--format", "json"]):
        result = runner.invoke(
            app, [*command, "--data", str(data), "--targets", str(tmp / "targets.yaml")]
        )
        assert isinstance(result.exception, SystemExit | None), repr(result.exception)
        assert result.exit_code in (0, 1), result.output
        assert "Traceback" not in result.output


@settings(max_examples=examples(60), deadline=None)
@given(name=st.sampled_from(FILES), body=st.binary(max_size=300))
def test_any_bytes(name: str, body: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _validate(Path(tmp), name, body)


@settings(max_examples=examples(60), deadline=None)
@given(name=st.sampled_from(FILES), value=yaml_values)
def test_any_yaml(name: str, value: object) -> None:
    body = yaml.safe_dump(value, allow_unicode=True).encode()
    with tempfile.TemporaryDirectory() as tmp:
        _validate(Path(tmp), name, body)


def test_hundred_thousand_brackets_in_a_real_process(tmp_path: Path) -> None:
    """PyYAML's C composer would crash the process on this; we must answer with a problem."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "enterprises.yaml").write_text("[" * 100_000)
    (tmp_path / "targets.yaml").write_text(TARGETS)
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pqp_cli",
            "validate",
            "--data",
            str(data),
            "--targets",
            str(tmp_path / "targets.yaml"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert "error [unsupported-yaml]" in done.stdout and "Traceback" not in done.stderr
