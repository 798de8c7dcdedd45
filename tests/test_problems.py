"""One test per problem code of docs/contract.md §5: the code, and the line a user is sent to."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from pqp_cli.load.dataset import load_dataset
from pqp_cli.read.plan import read_plan

PERIOD = (dt.date(2021, 1, 1), dt.date(2025, 12, 31))
TODAY = dt.date(2026, 11, 25)

ENTERPRISES = """\
- id: E1
  name: Công ty TNHH Thực phẩm Lam Sơn
  type: enterprise
  tax_code: 0100233488
- id: E2
  name: HTX Nông nghiệp Hoằng Đồng
  type: cooperative
"""


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    data = root / "data"
    data.mkdir(exist_ok=True)
    for name, body in files.items():
        path = data / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(textwrap.dedent(body), encoding="utf-8")
    return data


def codes(tmp_path: Path, files: dict[str, str | bytes]) -> list[tuple[str, int | None]]:
    dataset = load_dataset(write(tmp_path, files), period=PERIOD, today=TODAY)
    return [(p.code, p.line) for p in dataset.problems]


def test_clean_data_has_no_problems(tmp_path: Path) -> None:
    assert codes(tmp_path, {"enterprises.yaml": ENTERPRISES}) == []


def test_yaml_syntax_names_line_and_column(tmp_path: Path) -> None:
    dataset = load_dataset(
        write(tmp_path, {"enterprises.yaml": "- id: E1\n  name: [unclosed\n  type: x\n"}),
        today=TODAY,
    )
    [problem] = dataset.problems
    assert problem.code == "yaml-syntax" and problem.line == 3
    assert "column" in problem.message("en")
    assert len(dataset.files_left_out) == 1
    assert dataset.files_left_out[0].endswith("enterprises.yaml")


def test_encoding_names_line_of_first_bad_byte(tmp_path: Path) -> None:
    body = b"- id: E1\n  name: Lam S" + "ơn".encode("cp1258") + b"\n  type: enterprise\n"
    assert codes(tmp_path, {"enterprises.yaml": body}) == [("encoding", 2)]


def test_bom_and_crlf_are_fine(tmp_path: Path) -> None:
    body = b"\xef\xbb\xbf" + ENTERPRISES.replace("\n", "\r\n").encode()
    assert codes(tmp_path, {"enterprises.yaml": body}) == []


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("- id: E1\n  name: !!str x\n  type: enterprise\n", 2),
        ("- &a\n  id: E1\n  name: x\n  type: enterprise\n", 1),
        ("- id: E1\n  name: x\n  type: enterprise\n- id: E2\n  name: *a\n", 5),
    ],
)
def test_tags_anchors_and_aliases_are_unsupported(tmp_path: Path, body: str, line: int) -> None:
    assert codes(tmp_path, {"enterprises.yaml": body}) == [("unsupported-yaml", line)]


def test_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    bomb = 'a: &a ["x","x"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)}]\n" for i in range(20)
    )
    assert [c for c, _ in codes(tmp_path, {"enterprises.yaml": bomb})] == ["unsupported-yaml"]


def test_deep_nesting_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    assert codes(tmp_path, {"enterprises.yaml": "[" * 100_000}) == [("unsupported-yaml", 1)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("id: E1\nname: x\n", [("not-a-list", 1)]),
        ("- id: E1\n  name: x\n  type: enterprise\n- just text\n", [("not-a-list", 4)]),
    ],
)
def test_not_a_list(tmp_path: Path, body: str, expected: list[tuple[str, int]]) -> None:
    assert codes(tmp_path, {"enterprises.yaml": body}) == expected


def test_duplicate_key_is_never_silently_kept(tmp_path: Path) -> None:
    body = "- id: E1\n  name: A\n  type: enterprise\n  name: B\n"
    dataset = load_dataset(write(tmp_path, {"enterprises.yaml": body}), today=TODAY)
    assert [(p.code, p.line) for p in dataset.problems] == [("duplicate-key", 4)]
    assert dataset.enterprises == {}


def test_missing_unknown_and_invalid_fields(tmp_path: Path) -> None:
    body = """\
    - id: E1
      type: enterprise
    - id: E2
      name: B
      type: company
      nmae: typo
    - id: E3
      name: C
      type: other
      tax_code: 12345
      ocop_products:
        - name: Nem chua
          stars: 6
          certified_on: 2022-02-30
    """
    dataset = load_dataset(write(tmp_path, {"enterprises.yaml": body}), today=TODAY)
    found = [(p.code, p.line, p.record, p.field) for p in dataset.problems]
    assert found == [
        ("missing-field", 1, "E1", "name"),
        ("invalid-value", 5, "E2", "type"),
        ("unknown-field", 6, "E2", "nmae"),
        ("invalid-value", 10, "E3", "tax_code"),
        ("invalid-value", 13, "E3", "ocop_products.1.stars"),
        ("invalid-value", 14, "E3", "ocop_products.1.certified_on"),
    ]
    unknown = dataset.problems[2].message("en")
    assert 'did you mean "name"' in unknown
    assert "enterprise, cooperative, household, other" in dataset.problems[1].message("en")
    assert "Hợp tác xã" in dataset.problems[1].message("vi")


def test_scalars_are_text_leading_zero_and_no_kept(tmp_path: Path) -> None:
    body = "- id: E1\n  name: No\n  type: enterprise\n  tax_code: 0100233488\n  locality: On\n"
    dataset = load_dataset(write(tmp_path, {"enterprises.yaml": body}), today=TODAY)
    e = dataset.enterprises["E1"]
    assert (e.name, e.tax_code, e.locality) == ("No", "0100233488", "On")


def test_text_is_nfc_and_spacing_collapsed(tmp_path: Path) -> None:
    nfd = "Ho\u0302\u0300ng  Ho\u0301a"  # Hồng Hóa, decomposed, with a double space
    body = f"- id: E1\n  name: '{nfd}'\n  type: household\n"
    dataset = load_dataset(write(tmp_path, {"enterprises.yaml": body}), today=TODAY)
    assert dataset.enterprises["E1"].name == "Hồng Hóa"


def test_duplicate_id_across_files_names_both_places(tmp_path: Path) -> None:
    files = {
        "enterprises.yaml": ENTERPRISES,
        "enterprises/nga-son.yaml": "- id: E2\n  name: Cơ sở Cói Nga Sơn\n  type: household\n",
    }
    dataset = load_dataset(write(tmp_path, files), today=TODAY)
    [p] = dataset.problems
    assert (p.code, p.line) == ("duplicate-id", 1)
    assert p.file.endswith("enterprises/nga-son.yaml")
    assert "enterprises.yaml:5" in p.message("en")


def test_unknown_reference_suggests_nearest(tmp_path: Path) -> None:
    files = {
        "enterprises.yaml": ENTERPRISES,
        "trainings.yaml": """\
        - id: TR1
          title: Tập huấn 5S
          date: 2022-05-15
          topics: [improvement_tools]
          participants:
            - E1
            - E12
        """,
        "certifications.yaml": """\
        - id: C1
          enterprise: E3
          category: management_system
          scheme: ISO 9001:2015
        """,
    }
    dataset = load_dataset(write(tmp_path, files), today=TODAY)
    assert [(p.code, p.file[-10:], p.line) for p in dataset.problems] == [
        ("unknown-reference", "tions.yaml", 2),
        ("unknown-reference", "nings.yaml", 7),
    ]
    assert "E1" in dataset.problems[1].message("en")
    assert dataset.trainings == {} and dataset.certifications == {}


def test_unknown_expert_unit(tmp_path: Path) -> None:
    files = {
        "units.yaml": "- id: U1\n  name: Trung tâm\n  qualified_on: 2022-01-01\n",
        "experts.yaml": "- id: X1\n  name: Lê Văn An\n  qualified_on: 2022-01-01\n  unit: U2\n",
    }
    assert codes(tmp_path, files) == [("unknown-reference", 4)]


def test_duplicate_tax_code_and_checksum(tmp_path: Path) -> None:
    body = ENTERPRISES + "- id: E3\n  name: Cty B\n  type: enterprise\n  tax_code: 0100233488\n"
    body += "- id: E4\n  name: Cty C\n  type: enterprise\n  tax_code: 0100233480\n"
    assert codes(tmp_path, {"enterprises.yaml": body}) == [
        ("duplicate-tax-code", 11),
        ("tax-code-checksum", 15),
    ]


def test_date_order(tmp_path: Path) -> None:
    files = {
        "enterprises.yaml": ENTERPRISES,
        "certifications.yaml": """\
        - id: C1
          enterprise: E1
          category: management_system
          scheme: ISO 9001
          started_on: 2022-05-01
          achieved_on: 2022-04-01
          expires_on: 2025-04-01
        """,
    }
    assert codes(tmp_path, files) == [("date-order", 6)]


def test_duplicate_participant_is_a_warning_and_record_kept(tmp_path: Path) -> None:
    files = {
        "enterprises.yaml": ENTERPRISES,
        "trainings.yaml": """\
        - id: TR1
          title: Tập huấn
          date: 2022-05-15
          topics: [standards]
          participants: [E1, E2, E1]
        """,
    }
    dataset = load_dataset(write(tmp_path, files), today=TODAY)
    assert [(p.code, p.line, p.severity) for p in dataset.problems] == [
        ("duplicate-participant", 5, "warning")
    ]
    assert "TR1" in dataset.trainings


def test_unknown_scheme_suggests_nearest(tmp_path: Path) -> None:
    files = {
        "enterprises.yaml": ENTERPRISES,
        "certifications.yaml": """\
        - id: C1
          enterprise: E1
          category: management_system
          scheme: ISO 9010
          achieved_on: 2022-04-01
        """,
    }
    dataset = load_dataset(write(tmp_path, files), today=TODAY)
    assert [(p.code, p.line) for p in dataset.problems] == [("unknown-scheme", 4)]
    assert "ISO 9001" in dataset.problems[0].message("en")


def test_outside_period_and_future_date(tmp_path: Path) -> None:
    files = {
        "enterprises.yaml": ENTERPRISES,
        "trainings.yaml": """\
        - id: TR1
          title: Tập huấn
          date: 2020-05-15
          topics: [standards]
          participants: [E1]
        - id: TR2
          title: Tập huấn
          date: 2027-05-15
          topics: [standards]
          participants: [E1]
        """,
    }
    assert codes(tmp_path, files) == [
        ("outside-period", 3),
        ("future-date", 8),
        ("outside-period", 8),
    ]


def test_possible_duplicate_ignores_case_diacritics_and_legal_form(tmp_path: Path) -> None:
    body = ENTERPRISES + "- id: E3\n  name: CTY TNHH thuc pham lam son\n  type: enterprise\n"
    assert codes(tmp_path, {"enterprises.yaml": body}) == [("possible-duplicate", 9)]


def test_unknown_file_is_a_warning_and_non_yaml_ignored(tmp_path: Path) -> None:
    files = {"enterprises.yaml": ENTERPRISES, "notes.yaml": "- a\n", "README.txt": "hello"}
    assert codes(tmp_path, files) == [("unknown-file", None)]


def test_every_problem_is_reported_not_the_first(tmp_path: Path) -> None:
    body = "".join(f"- id: E{i}\n  name: x{i}\n  type: bad{i}\n" for i in range(30))
    assert len(codes(tmp_path, {"enterprises.yaml": body})) == 30


def test_targets_file_problems_have_lines(tmp_path: Path) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text(
        textwrap.dedent(
            """\
            plan:
              id: p
              period: {start: 2021-01-01, end: 2025-12-31}
            targets:
              - id: T1
                metric: trained_establishment
                target: 400
              - id: T2
                metric: supported_enterprises
                target: 150
                params: {categorys: [management_system]}
              - id: T1
                metric: experts
                target: 10
              - id: T4
                metric: experts
              - id: T5
                metric: experts
                target: 10
            """
        ),
        encoding="utf-8",
    )
    plan, problems = read_plan(path)
    assert plan is not None
    assert [(p.code, p.line) for p in problems] == [
        ("invalid-value", 6),
        ("unknown-field", 11),
        ("duplicate-id", 12),
        ("invalid-value", 15),
    ]
    assert [t.id for t in plan.targets] == ["T5"]


def test_targets_bad_period_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "targets.yaml"
    path.write_text("plan:\n  id: p\n  period: {start: 2025-01-01, end: 2021-01-01}\ntargets: []\n")
    plan, problems = read_plan(path)
    assert plan is None and [(p.code, p.line) for p in problems] == [("date-order", 3)]


def test_unknown_locality(ws) -> None:
    plan = "plan: {id: p, title: P, authority: UBND tỉnh Thanh Hóa, period: {start: 2021-01-01, end: 2025-12-31}}\n"
    body = """\
    - id: E1
      name: A
      type: enterprise
      locality: Thọ Xuân
    - id: E2
      name: B
      type: enterprise
      locality: Thọ Xuâm
    """
    project = ws.write("[]", plan=plan, enterprises=body).load()
    assert [(p.code, p.line) for p in project.problems] == [("unknown-locality", 8)]
