"""The CLI as a user meets it: exit codes, the lines printed, both languages."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pqp_cli.cli.app import app, hoist_global_options

runner = CliRunner()

TARGETS = """\
plan:
  id: test-plan
  title: {vi: Kế hoạch thử, en: Test plan}
  period: {start: 2021-01-01, end: 2025-12-31}
targets:
  - id: T1
    title: {vi: Cơ sở được tập huấn, en: Establishments trained}
    metric: trained_establishments
    target: 2
  - id: T5b
    title: {vi: Chuyên gia, en: Experts}
    metric: experts
    target: 10
"""

ENTERPRISES = """\
- id: E1
  name: Công ty TNHH Lam Sơn
  type: enterprise
- id: E2
  name: HTX Hoằng Đồng
  type: cooperative
"""

TRAININGS = """\
- id: TR1
  title: Tập huấn 5S
  date: 2022-05-15
  topics: [improvement_tools]
  participants: [E1, E2]
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    (data / "enterprises.yaml").write_text(ENTERPRISES, encoding="utf-8")
    (data / "trainings.yaml").write_text(TRAININGS, encoding="utf-8")
    (tmp_path / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    return tmp_path


def run(project: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(
        app,
        [*args, "--data", str(project / "data"), "--targets", str(project / "targets.yaml")],
        env={"PQP_LANG": "", "NO_COLOR": "1"},
    )
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_status_table_shows_every_target(project: Path) -> None:
    code, out, _ = run(project, "status", "--as-of", "2023-06-30")
    assert code == 0
    assert "T1" in out and "Establishments trained" in out and "met" in out
    assert "T5b" in out and "behind" in out


def test_status_in_vietnamese_prints_labels_and_statuses(project: Path) -> None:
    code, out, _ = run(project, "status", "--as-of", "2023-06-30", "--lang", "vi")
    assert code == 0
    assert "Cơ sở được tập huấn" in out and "Đạt" in out and "Chậm tiến độ" in out
    assert "Trạng thái" in out and "Mục tiêu" in out


def test_status_before_the_period_is_not_started(project: Path) -> None:
    code, out, _ = run(project, "status", "--as-of", "2020-06-30", "--format", "json")
    assert code == 0
    assert {t["status"] for t in json.loads(out)["targets"]} == {"not_started"}


def test_status_csv_and_markdown(project: Path) -> None:
    _, out, _ = run(project, "status", "--as-of", "2023-06-30", "--format", "csv")
    assert out.splitlines()[0].startswith("id,title,metric,kind,value,target")
    assert out.splitlines()[1].startswith(
        "T1,Establishments trained,trained_establishments,count,2,2"
    )
    _, md, _ = run(project, "status", "--as-of", "2023-06-30", "--format", "markdown")
    assert "| T1 " in md and "|---" in md.replace(" ", "").replace(":", "-")[:2000]


def test_status_with_errors_reports_valid_records_and_a_banner(project: Path) -> None:
    (project / "data" / "trainings" / "x.yaml").parent.mkdir()
    (project / "data" / "trainings" / "x.yaml").write_text("- id: TR2\n  title: [\n")
    (project / "data" / "enterprises.yaml").write_text(ENTERPRISES + "- id: E3\n  name: X\n")
    code, out, err = run(project, "status", "--as-of", "2023-06-30", "--format", "json")
    assert code == 0
    assert json.loads(out)["problems"] == {
        "errors": 2,
        "warnings": 0,
        "files_left_out": 1,
        "records_left_out": 1,
    }
    assert "2 ERROR(S)" in err and "pqp validate" in err
    assert json.loads(out)["targets"][0]["value"] == 2


def test_status_strict_refuses_data_with_errors(project: Path) -> None:
    (project / "data" / "enterprises.yaml").write_text(ENTERPRISES + "- id: E3\n  name: X\n")
    code, out, err = run(project, "status", "--strict")
    assert code == 1 and out == "" and "--strict" in err


def test_validate_text_lines_and_exit_codes(project: Path) -> None:
    assert run(project, "validate")[0] == 0
    (project / "data" / "enterprises.yaml").write_text(ENTERPRISES + "- id: E3\n  name: X\n")
    code, out, _ = run(project, "validate")
    assert code == 1
    first = out.splitlines()[0]
    assert first.endswith(
        'enterprises.yaml:7: error [missing-field] enterprise E3: field "type" is missing; add it'
    )


def test_validate_strict_fails_on_warnings(project: Path) -> None:
    (project / "data" / "notes.yaml").write_text("[]\n")
    assert run(project, "validate")[0] == 0
    assert run(project, "validate", "--strict")[0] == 1


def test_validate_json(project: Path) -> None:
    (project / "data" / "enterprises.yaml").write_text(ENTERPRISES + "- id: E3\n  name: X\n")
    code, out, _ = run(project, "validate", "--format", "json")
    doc = json.loads(out)
    assert code == 1 and doc["ok"] is False and (doc["errors"], doc["warnings"]) == (1, 0)
    assert set(doc["problems"][0]) == {
        "severity",
        "code",
        "file",
        "line",
        "record",
        "field",
        "message",
    }
    assert (doc["problems"][0]["line"], doc["problems"][0]["field"]) == (7, "type")


def test_validate_github_annotations_cap_and_summary(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = ENTERPRISES + "".join(f"- id: X{i}\n  name: x\n" for i in range(12))
    (project / "data" / "enterprises.yaml").write_text(body)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run(project, "validate", "--format", "github")
    lines = out.splitlines()
    assert code == 1
    assert sum(line.startswith("::error file=") for line in lines) == 10
    assert sum("error [missing-field]" in line for line in lines) == 12
    assert ",line=7,title=missing-field::" in out
    assert summary.read_text().count("missing-field") == 12


def test_explain_lists_counted_with_record_ids(project: Path) -> None:
    code, out, _ = run(project, "explain", "T1", "--as-of", "2023-06-30", "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert [(c["id"], c["records"]) for c in doc["counted"]] == [("E1", ["TR1"]), ("E2", ["TR1"])]


def test_unknown_target_is_a_usage_error(project: Path) -> None:
    code, _, err = run(project, "explain", "T9")
    assert code == 2 and "unknown target 'T9'" in err and "T1, T5b" in err


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--as-of", "2023-02-30"],
        ["status", "--lang", "fr"],
        ["status", "--format", "pdf"],
        ["status", "--bogus"],
    ],
)
def test_usage_errors_exit_2(project: Path, args: list[str]) -> None:
    assert run(project, *args)[0] == 2


def test_missing_data_folder_or_targets_exit_2(tmp_path: Path) -> None:
    (tmp_path / "targets.yaml").touch()  # found whatever folder the suite runs in
    targets = str(tmp_path / "targets.yaml")
    result = runner.invoke(app, ["status", "--data", str(tmp_path / "nope"), "--targets", targets])
    assert result.exit_code == 2 and "data folder not found" in result.stderr
    (tmp_path / "data").mkdir()
    result = runner.invoke(
        app, ["status", "--data", str(tmp_path / "data"), "--targets", str(tmp_path / "t.yaml")]
    )
    assert result.exit_code == 2 and "targets file not found" in result.stderr


def test_messages_in_vietnamese(project: Path) -> None:
    code, _, err = run(project, "explain", "T9", "--lang", "vi")
    assert code == 2 and "không có chỉ tiêu 'T9'" in err


def test_global_options_may_come_before_the_command() -> None:
    argv = ["--data", "d", "--lang=vi", "status", "--format", "json"]
    assert hoist_global_options(argv) == ["status", "--data", "d", "--lang=vi", "--format", "json"]
    assert hoist_global_options(["status", "--data", "d"]) == ["status", "--data", "d"]


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("pqp ")


def test_targets_file_with_errors_stops_status_but_validate_reports(project: Path) -> None:
    (project / "targets.yaml").write_text(
        textwrap.dedent(TARGETS).replace("end: 2025-12-31", "end: 2020-12-31")
    )
    assert run(project, "status")[0] == 2
    code, out, _ = run(project, "validate")
    assert code == 1 and "date-order" in out
