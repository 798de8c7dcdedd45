"""`pqp init DIR`: a data folder for another province or the next plan, valid at once."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
from pathlib import Path

import pytest
import yaml
from conftest import SAMPLE  # this process's copy of data/ and targets.yaml
from typer.testing import CliRunner
from yamlviews import LOADERS

from pqp_cli.cli.app import app
from pqp_cli.core.models import KINDS
from pqp_cli.core.problems import Problem
from pqp_cli.load.project import load_project
from pqp_cli.read.plan import METRICS, read_plan
from pqp_cli.scaffold.initfiles import WORKFLOW
from pqp_cli.scaffold.schema import NAMES, file_name, schema

ROOT = Path(__file__).resolve().parents[1]


def _real(problems: list[Problem]) -> list[Problem]:
    """The problems besides the placeholder figures init writes on purpose."""
    return [p for p in problems if p.code != "placeholder-target"]


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"PQP_LANG": "", "NO_COLOR": "1"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def made(tmp_path: Path) -> Path:
    code, _, err = invoke("init", str(tmp_path / "plan"))
    assert code == 0, err
    return tmp_path / "plan"


def test_validate_passes_at_once_from_inside_the_folder(
    made: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(made)
    code, out, _ = invoke("validate")
    assert (code, out.splitlines()[-1]) == (0, "0 error(s), 6 warning(s)")
    assert out.count("[placeholder-target]") == 6, "each placeholder figure is pointed at"
    assert invoke("validate", "--strict")[0] == 1
    code, out, _ = invoke("status", "--as-of", "2027-06-30", "--format", "json")
    assert code == 0
    assert [t["id"] for t in json.loads(out)["targets"]] == ["T1", "T2", "T3", "T4", "T5a", "T5b"]


def test_validate_passes_from_elsewhere_with_data_and_targets(made: Path) -> None:
    code, _, _ = invoke(
        "validate", "--data", str(made / "data"), "--targets", str(made / "targets.yaml")
    )
    assert code == 0


def test_targets_have_the_six_metrics_each_marked_to_fill_in(made: Path) -> None:
    plan, problems = read_plan(made / "targets.yaml")
    assert plan is not None and not _real(problems)
    assert sorted(t.metric for t in plan.targets) == sorted(METRICS)
    text = (made / "targets.yaml").read_text(encoding="utf-8")
    for target in re.split(r"\n  - id: ", text)[1:]:
        assert re.search(r"\n    target(_percent)?: \d+  # ĐIỀN / FILL IN", target), target
    assert (plan.info.id, plan.start, plan.end) == (
        "pqp-2026-2030",
        dt.date(2026, 1, 1),
        dt.date(2030, 12, 31),
    )


def test_options_fill_the_plan(tmp_path: Path) -> None:
    code, _, _ = invoke(
        "init",
        str(tmp_path / "na"),
        "--plan-id",
        "nghe-an-pqp-2026-2030",
        "--start",
        "2026-07-01",
        "--end",
        "2030-06-30",
        "--authority",
        'UBND tỉnh Nghệ An: "Kế hoạch # 12"',
    )
    assert code == 0
    plan, problems = read_plan(tmp_path / "na" / "targets.yaml")
    assert plan is not None and not _real(problems)
    assert plan.info.id == "nghe-an-pqp-2026-2030"
    assert (plan.start, plan.end) == (dt.date(2026, 7, 1), dt.date(2030, 6, 30))
    assert plan.info.authority == 'UBND tỉnh Nghệ An: "Kế hoạch # 12"'
    assert "2026-2030" in (plan.info.title.vi or "")


def test_record_files_are_empty_and_point_at_their_schemas(made: Path) -> None:
    project = load_project(made / "data", made / "targets.yaml")
    assert not _real(project.problems)
    assert all(not project.dataset.records(kind) for kind in KINDS)
    for kind in KINDS:
        path = made / "data" / f"{kind}.yaml"
        first = path.read_text(encoding="utf-8").splitlines()[0]
        target = first.removeprefix("# yaml-language-server: $schema=")
        assert target != first, first
        assert (path.parent / target).resolve() == (made / "schemas" / file_name(kind)).resolve()
    first = (made / "targets.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schemas/targets.schema.json"


def test_schemas_and_editor_settings(made: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    for name in NAMES:
        written = json.loads((made / "schemas" / file_name(name)).read_text(encoding="utf-8"))
        assert written == schema(name)
    settings = json.loads((made / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapping = settings["yaml.schemas"]
    assert mapping["./schemas/targets.schema.json"] == ["targets.yaml"]
    for kind in KINDS:
        assert f"data/{kind}/**/*.yaml" in mapping[f"./schemas/{file_name(kind)}"]
    for loader in LOADERS.values():  # the scaffold itself passes its schemas
        text = (made / "targets.yaml").read_text(encoding="utf-8")
        jsonschema.validate(yaml.load(text, Loader=loader), schema("targets"))  # noqa: S506
        for kind in KINDS:
            text = (made / "data" / f"{kind}.yaml").read_text(encoding="utf-8")
            jsonschema.validate(yaml.load(text, Loader=loader), schema(kind))  # noqa: S506


def test_the_commented_examples_are_valid_records(made: Path, tmp_path: Path) -> None:
    data = tmp_path / "examples"
    data.mkdir()
    for kind in KINDS:
        text = (made / "data" / f"{kind}.yaml").read_text(encoding="utf-8")
        example = text.split("# Ví dụ / Example:\n", 1)[1]
        (data / f"{kind}.yaml").write_text(re.sub(r"(?m)^# ?", "", example), encoding="utf-8")
    project = load_project(data, made / "targets.yaml", today=dt.date(2031, 1, 1))
    assert not _real(project.problems), [f"{p.location()}: {p.en}" for p in project.problems]
    assert all(len(project.dataset.records(kind)) == 1 for kind in KINDS)


def test_pre_commit_config_and_workflow(made: Path) -> None:
    config = yaml.safe_load((made / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = config["repos"][0]["hooks"]
    assert hook["id"] == "pqp-validate" and hook["entry"] == "pqp validate"
    assert hook["pass_filenames"] is False
    assert re.search(hook["files"], "data/trainings/2026.yaml") and re.search(
        hook["files"], "targets.yaml"
    )
    workflow = (made / ".github" / "workflows" / "pqp.yml").read_text(encoding="utf-8")
    assert workflow == WORKFLOW
    steps = yaml.safe_load(workflow)["jobs"]["pqp"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert "pqp validate --format github" in runs
    assert any(r.startswith("pqp diff") for r in runs)
    assert steps[0]["with"]["fetch-depth"] == 0
    assert (made / ".gitignore").read_text(encoding="utf-8").startswith(".pqp-cache/")
    readme = (made / "README.md").read_text(encoding="utf-8")
    assert "pqp validate" in readme and "Tiếng Việt" in readme and "English" in readme


def test_docs_ci_shows_the_workflow_init_writes() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = text.split("<!-- workflow: the block below is initfiles.WORKFLOW -->\n```yaml\n", 1)[1]
    assert block.split("```\n", 1)[0] == WORKFLOW


def test_existing_files_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "README.md").write_text("# Our data\n", encoding="utf-8")
    code, out, _ = invoke("init", str(folder))
    assert code == 0
    assert (folder / "README.md").read_text(encoding="utf-8") == "# Our data\n"
    assert "kept (already there):" in out and "README.md" in out
    assert (folder / "targets.yaml").is_file()


def test_in_vietnamese(tmp_path: Path) -> None:
    code, out, _ = invoke("init", str(tmp_path / "p"), "--lang", "vi")
    assert code == 0 and "đã ghi:" in out and "Tiếp theo" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--plan-id", "kế hoạch mới"], "invalid --plan-id"),
        (["--start", "2026-13-01"], "invalid --start"),
        (["--end", "31/02/2030"], "invalid --end"),
        (["--start", "2030-01-01", "--end", "2026-12-31"], "must end after it starts"),
    ],
)
def test_bad_options_are_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    code, _, err = invoke("init", str(tmp_path / "p"), *args)
    assert code == 2 and message in err
    assert not (tmp_path / "p").exists(), "nothing is written"


def test_a_file_in_the_way_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "p").write_text("x", encoding="utf-8")
    code, _, err = invoke("init", str(tmp_path / "p"))
    assert code == 2 and "not a folder" in err


def test_files_are_ordinary_0644_under_umask_022_and_no_temporary_file_is_left(
    tmp_path: Path,
) -> None:
    old = os.umask(0o022)
    try:
        code, _, err = invoke("init", str(tmp_path / "plan"))
    finally:
        os.umask(old)
    assert code == 0, err
    files = [p for p in (tmp_path / "plan").rglob("*") if p.is_file() and ".git" not in p.parts]
    assert files and not [p for p in files if p.name.endswith(".tmp")]
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o644}


def test_init_folder_is_the_library_call_under_the_command(tmp_path: Path) -> None:
    from pqp_cli.scaffold.initdata import init_folder

    made = init_folder(folder=tmp_path / "na", plan_id="na-pqp", start="2026-07-01")
    assert tmp_path / "na" / "targets.yaml" in made.written and not made.kept
    plan, problems = read_plan(tmp_path / "na" / "targets.yaml")
    assert plan is not None and not _real(problems)
    assert (plan.info.id, plan.start, plan.end) == (
        "na-pqp",
        dt.date(2026, 7, 1),
        dt.date(2030, 12, 31),
    )
    again = init_folder(folder=tmp_path / "na")
    assert not again.written and sorted(again.kept) == sorted(made.written)


def test_the_folder_is_a_git_repository_ignoring_cache_and_lock(made: Path) -> None:
    import subprocess

    from pqp_cli.importing.writing import LOCK_NAME

    assert (made / ".git").is_dir()
    for name in (f"data/.pqp-cache/{'x' * 8}", f"data/{LOCK_NAME}"):
        path = made / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")
        ignored = subprocess.run(["git", "check-ignore", "-q", name], cwd=made, check=False)
        assert ignored.returncode == 0, f"{name} is not ignored"


def test_inside_a_repository_no_second_one_is_made(made: Path) -> None:
    code, out, _ = invoke("init", str(made / "next-plan"))
    assert code == 0 and "already inside a git repository" in out
    assert not (made / "next-plan" / ".git").exists()


def test_without_git_init_says_so_and_writes_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    code, _, err = invoke("init", str(tmp_path / "p"), "--lang", "vi")
    assert code == 0 and "chưa cài git" in err
    assert (tmp_path / "p" / "targets.yaml").is_file()


def _placeholders(made: Path) -> list[str]:
    project = load_project(made / "data", made / "targets.yaml")
    return [p.vi for p in project.problems if p.code == "placeholder-target"]


def test_placeholder_warning_goes_once_a_figure_is_filled_in(made: Path) -> None:
    path = made / "targets.yaml"
    text = path.read_text(encoding="utf-8")
    filled = text.replace("target: 400  # ĐIỀN / FILL IN", "target: 520")
    path.write_text(filled, encoding="utf-8")
    left = _placeholders(made)
    assert len(left) == 5 and not any("T1:" in m for m in left)
    path.write_text(re.sub(r"  # ĐIỀN / FILL IN\n", "\n", filled), encoding="utf-8")
    assert _placeholders(made) == []


def test_sample_figures_unmarked_in_another_plan_still_warn(made: Path) -> None:
    path = made / "targets.yaml"
    path.write_text(re.sub(r"  # ĐIỀN / FILL IN\n", "\n", path.read_text("utf-8")), "utf-8")
    assert len(_placeholders(made)) == 6
    sample = load_project(SAMPLE / "data", SAMPLE / "targets.yaml")
    assert not [p for p in sample.problems if p.code == "placeholder-target"]


@pytest.mark.parametrize("body", ["targets:\n", "targets: 5\n", "targets: {T1: 1}\n"])
def test_a_targets_section_that_is_not_a_list_is_a_problem_not_a_crash(
    tmp_path: Path, body: str
) -> None:
    """The placeholder check looks for its targets in the file's `targets:` list; an empty or
    mistyped section is reported as such (exit 1), never an internal error."""
    (tmp_path / "data").mkdir()
    plan = (
        "plan:\n  id: p\n  title: P\n  authority: UBND tỉnh Nghệ An\n"
        "  period: {start: 2026-01-01, end: 2030-12-31}\n"
    )
    (tmp_path / "targets.yaml").write_text(plan + body, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["validate", "--data", str(tmp_path / "data"), "--targets", str(tmp_path / "targets.yaml")],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1 and "targets.yaml" in result.output
