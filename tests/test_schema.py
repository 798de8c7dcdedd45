"""`pqp schema`: JSON Schemas that accept what pqp accepts, as pqp reads YAML and as editors do.

The sample data is validated with `jsonschema` twice, read both ways of `yamlviews.py`: as pqp
reads it (every scalar text) and as an editor's YAML 1.2 parser types it. `yaml.safe_load` is
neither (YAML 1.1: dates become `datetime.date`, which no JSON Schema can accept).
"""

from __future__ import annotations

import json
import re
import stat
import textwrap
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner
from yamlviews import LOADERS, TextLoader

from pqp_cli.cli.app import app
from pqp_cli.core.models import KINDS
from pqp_cli.load.dataset import load_dataset
from pqp_cli.read.plan import read_plan
from pqp_cli.scaffold.schema import NAMES, file_name, loose_pattern, schema

jsonschema = pytest.importorskip("jsonschema")

ROOT = Path(__file__).resolve().parents[1]


def errors(name: str, text: str, loader: type) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema(name))
    document = yaml.load(text, Loader=loader)  # noqa: S506 - our own loaders, no tags
    return [f"{list(e.absolute_path)}: {e.message[:200]}" for e in validator.iter_errors(document)]


def sample_files() -> list[tuple[str, Path]]:
    found = [("targets", ROOT / "targets.yaml")]
    for kind in KINDS:
        found += [(kind, p) for p in sorted((ROOT / "data").glob(f"{kind}.y*ml"))]
        found += [(kind, p) for p in sorted((ROOT / "data" / kind).rglob("*.y*ml"))]
    return found


def test_every_schema_is_a_valid_draft_2020_12_schema() -> None:
    for name in NAMES:
        doc = schema(name)
        assert doc["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(doc)


@pytest.mark.long
@pytest.mark.parametrize("view", list(LOADERS))
def test_the_sample_data_and_targets_validate_against_the_schemas(view: str) -> None:
    files = sample_files()
    assert {name for name, _ in files} == set(NAMES), "the sample has every kind"
    for name, path in files:
        found = errors(name, path.read_text(encoding="utf-8"), LOADERS[view])
        assert not found, (path, found[:5])


# One record (or targets file) each: whether pqp's models accept it. The schema must agree,
# read either way, so an editor neither misses these errors nor flags valid records.
ENTERPRISE = "id: E1\nname: Công ty TNHH Lam Sơn\ntype: enterprise\n"
RECORDS = [
    ("enterprises", ENTERPRISE, True),
    ("enterprises", "id: E1\nname: HTX Đông Sơn\ntype: Hợp tác xã\n", True),
    ("enterprises", "id: E1\nname: HTX Đông Sơn\ntype: hop tac xa\n", True),
    ("enterprises", "id: E1\nname: Hộ Lê Văn An\ntype: HKD\n", True),
    ("enterprises", "id: E1\nname: X\ntype: company\n", False),
    ("enterprises", "id: -E1\nname: X\ntype: other\n", False),
    ("enterprises", "id: 12\nname: X\ntype: other\n", True),
    ("enterprises", "id: E1\ntype: other\n", False),
    ("enterprises", "id: E1\nname: '   '\ntype: other\n", False),
    ("enterprises", ENTERPRISE + "nme: typo\n", False),
    ("enterprises", ENTERPRISE + "tax_code: 0101234565\n", True),
    ("enterprises", ENTERPRISE + "tax_code: '2801234567-001'\n", True),
    ("enterprises", ENTERPRISE + "tax_code: '12345'\n", False),
    ("enterprises", ENTERPRISE + "tax_code:\n", True),
    ("enterprises", ENTERPRISE + "key_product: Có\n", True),
    ("enterprises", ENTERPRISE + "key_product: yes\n", True),
    ("enterprises", ENTERPRISE + "key_product: true\n", True),
    ("enterprises", ENTERPRISE + "pilot_model: 1\n", True),
    ("enterprises", ENTERPRISE + "key_product: maybe\n", False),
    ("enterprises", ENTERPRISE + "key_product:\n", False),
    ("enterprises", ENTERPRISE + "locality: No\n", True),
    (
        "enterprises",
        ENTERPRISE + "ocop_products:\n- {name: Nem, stars: 4, certified_on: 31/12/2022}\n",
        True,
    ),
    (
        "enterprises",
        ENTERPRISE + "ocop_products:\n- {name: Nem, stars: 6, certified_on: 2022-12-31}\n",
        False,
    ),
    (
        "enterprises",
        ENTERPRISE + "ocop_products:\n- {name: Nem, stars: 3, certified_on: 2022-13-01}\n",
        False,
    ),
    (
        "enterprises",
        ENTERPRISE + "ocop_products:\n- {name: Nem, stars: 3, certified_on: 2022-01-01, "
        "expires_on: ~}\n",
        True,
    ),
    ("trainings", "id: TR1\ntitle: 5S\ndate: 2022-05-15\ntopics: [Đo lường]\n", True),
    ("trainings", "id: TR1\ntitle: 5S\ndate: 2022-05-15\ntopics: []\n", False),
    ("trainings", "id: TR1\ntitle: 5S\ndate: 2022-05-15\ntopics: [cooking]\n", False),
    (
        "trainings",
        "id: TR1\ntitle: 5S\ndate: 2022-05-15\ntopics: [standards]\ntrainees: -1\n",
        False,
    ),
    (
        "trainings",
        "id: TR1\ntitle: 5S\ndate: 2022-05-15\ntopics: [standards]\ntrainees: 25\n"
        "participants: [E1, '0042']\n",
        True,
    ),
    (
        "certifications",
        "id: C1\nenterprise: E1\ncategory: Công cụ cải tiến\nscheme: 5S\nsupported: Không\n",
        True,
    ),
    ("certifications", "id: C1\nenterprise: E1\ncategory: tools\nscheme: 5S\n", False),
    ("certifications", "id: C1\nenterprise: E1\ncategory: technology\n", False),
    ("experts", "id: X1\nname: Lê An\nqualified_on: 2022-06-10\nunit:\n", True),
    ("experts", "id: X1\nname: Lê An\nqualified_on: June 2022\n", False),
    ("units", "id: U1\nname: Trung tâm\npublic: Có\nqualified_on: 2022-06-10\n", True),
    ("units", "id: U1\nname: Trung tâm\npublic: true\n", False),
]


#: What a schema can see: the shape and values of one record (not references, dates' order …).
SCHEMA_CODES = {"not-a-list", "missing-field", "unknown-field", "invalid-value"}


def pqp_accepts(kind: str, record: str, tmp_path: Path) -> bool:
    data = tmp_path / "data"
    data.mkdir()
    (data / f"{kind}.yaml").write_text("- " + textwrap.indent(record, "  ")[2:], encoding="utf-8")
    dataset = load_dataset(data)
    return not any(p.code in SCHEMA_CODES for p in dataset.problems)


@pytest.mark.parametrize(("kind", "record", "valid"), RECORDS, ids=lambda v: None)
def test_schema_and_models_agree_on_a_record(
    kind: str, record: str, valid: bool, tmp_path: Path
) -> None:
    assert pqp_accepts(kind, record, tmp_path) is valid, "the case states what pqp does"
    text = "- " + textwrap.indent(record, "  ")[2:]
    for view, loader in LOADERS.items():
        assert (not errors(kind, text, loader)) is valid, view


PLAN = "plan: {id: p, title: Kế hoạch, period: {start: 2026-01-01, end: 2030-12-31}}\n"
TARGETS = [
    ("- {id: T1, metric: trained_establishments, target: 400}", True),
    ("- {id: T1, metric: trained_establishments, target: 400, params: {topics: [Đo lường]}}", True),
    ("- {id: T3, metric: standards_coverage, target_percent: 100}", True),
    ("- {id: T3, metric: standards_coverage, target_percent: 101}", False),
    ("- {id: T1, metric: trained_establishments, target: 4, target_percent: 100}", False),
    ("- {id: T1, metric: trained_establishments}", False),
    ("- {id: T1, metric: trained_establishments, target_percent: 50}", False),
    ("- {id: T1, metric: trained_people, target: 4}", False),
    (
        "- {id: T1, metric: trained_establishments, target: 4, params: {categories: [technology]}}",
        False,
    ),
    ("- {id: T2, metric: supported_enterprises, target: 4, params: {supported_only: Không}}", True),
    ("- {id: T5b, metric: experts, target: 10, params: {topics: [measurement]}}", False),
    ("- {id: T5b, metric: experts, target: 0}", False),
]


@pytest.mark.parametrize(("targets", "valid"), TARGETS)
def test_targets_schema_and_plan_reader_agree(targets: str, valid: bool, tmp_path: Path) -> None:
    text = PLAN + "targets:\n" + textwrap.indent(targets, "  ") + "\n"
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    plan, problems = read_plan(path)
    assert (plan is not None and not problems) is valid, [p.en for p in problems]
    for view, loader in LOADERS.items():
        assert (not errors("targets", text, loader)) is valid, view


def test_a_bad_plan_period_and_ratio_are_flagged() -> None:
    text = "plan: {id: p, period: {start: 1/2026}, at_risk_ratio: 1.5}\ntargets: []\n"
    found = errors("targets", text, TextLoader)
    assert any("end" in e for e in found) and any("at_risk_ratio" in e for e in found)


def test_labels_match_whatever_the_case_and_diacritics() -> None:
    pattern = re.compile(loose_pattern(["Hợp tác xã", "HTX"]))
    for text in ("Hợp tác xã", "HỢP TÁC XÃ", "hop tac xa", "  Hợp  tác xã ", "htx"):
        assert pattern.match(text), text
    for text in ("Hợp tác", "HTX1", ""):
        assert not pattern.match(text), text


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"PQP_LANG": ""})
    return result.exit_code, result.output


def test_schema_command_prints_one_kind() -> None:
    code, out = run("schema", "certifications")
    assert code == 0
    assert json.loads(out) == schema("certifications")


def test_schema_command_prints_all_when_no_kind() -> None:
    code, out = run("schema")
    assert code == 0
    assert json.loads(out) == {file_name(n): schema(n) for n in NAMES}


def test_schema_command_writes_a_folder(tmp_path: Path) -> None:
    code, out = run("schema", "-o", str(tmp_path / "schemas"))
    assert code == 0
    for name in NAMES:
        written = tmp_path / "schemas" / file_name(name)
        assert json.loads(written.read_text(encoding="utf-8")) == schema(name)
        assert file_name(name) in out


def test_schema_command_unknown_kind_is_a_usage_error() -> None:
    code, _ = run("schema", "companies")
    assert code == 2


def test_schema_command_unwritable_folder_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, out = run("schema", "-o", str(blocker / "schemas"))
    assert code == 2
    assert "cannot write" in out


def test_schema_files_replaced_keep_their_mode_and_leave_no_temporary_file(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "schemas"
    assert run("schema", "-o", str(folder))[0] == 0
    target = folder / file_name("targets")
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o664)  # a group-writable checkout stays so
    assert run("schema", "targets", "-o", str(folder))[0] == 0
    assert json.loads(target.read_text(encoding="utf-8")) == schema("targets")
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
