"""Single Vietnamese messages, as the Vietnamese reading of every output left them: a field by
its label with its key in quotes, a problem kind by its name, a usage error in the language
asked for, a target left out said so. Each test names what the message said before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner
from vi_dataset import build, docx_text, pqp

from pqp_cli.cli.app import app
from pqp_cli.core.messages import CATALOGUE


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("vi"))


def test_vi_messages_name_fields_by_label_and_write_dates_day_first(repo) -> None:
    said = pqp(repo, "validate")
    assert 'ngày tập huấn ("date") 10/05/2027 sau ngày hôm nay' in said
    assert 'cơ sở tham gia ("participants") "CS-9999" không khớp cơ sở nào' in said
    assert 'lớp tập huấn (chưa có mã): thiếu trường mã ("id")' in said
    assert "có ký tự tab làm sai thụt lề" in said


def test_unknown_field_lists_the_known_keys_in_quotes_under_vi(ws):
    """The field keys are English words: a Vietnamese message shows each in quotes (as the
    field it names), so the list reads as keys to copy, not as text in another language."""
    from pqp_cli.load.project import load_project

    ws.write("[]", enterprises="- id: E1\n  name: Cơ sở A\n  type: enterprise\n  mau_sac: do\n")
    (problem,) = [p for p in load_project(ws.data, ws.targets).problems if p.is_error]
    assert 'tên ("name"), loại hình ("type")' in problem.vi
    assert "id, name, type, tax_code" in problem.en


def test_unknown_field_names_its_suggestion_by_label_under_vi(ws):
    """It said `trường không xác định "tittle" (có phải "title"?)`: the suggested field by its
    bare English key, where every other message names a field by its label (found reading
    `validate`)."""
    from pqp_cli.load.project import load_project

    ws.write("[]", enterprises="- id: E1\n  name: Cơ sở A\n  type: enterprise\n  tax_cod: x\n")
    (problem,) = [p for p in load_project(ws.data, ws.targets).problems if p.is_error]
    assert problem.vi.endswith('(có phải mã số thuế ("tax_code")?)')
    assert problem.en.endswith('(did you mean "tax_code"?)')


def test_targets_yaml_allowed_values_read_as_the_data_files_do_under_vi(ws) -> None:
    """targets.yaml's errors listed bare English keys in a Vietnamese sentence (`cho phép:
    management_system, improvement_tool, …`; `cho phép: trained_establishments, …`) where
    the data files' say `Hệ thống quản lý ("management_system")` (found breaking targets.yaml)."""
    from pqp_cli.load.project import load_project

    ws.write(
        "- {id: A, title: A, metric: trained_establishment, target: 1}\n"
        "- {id: B, title: B, metric: supported_enterprises, target: 1,"
        " params: {categories: [management_sys]}}\n"
    )
    said = [p.vi for p in load_project(ws.data, ws.targets).problems if p.is_error]
    assert any('cho phép: "trained_establishments", "supported_enterprises"' in s for s in said)
    assert any('cho phép: Hệ thống quản lý ("management_system"), ' in s for s in said), said
    assert any('trường các nhóm ("targets.2.params.categories.1")' in s for s in said), said
    english = [p.en for p in load_project(ws.data, ws.targets).problems if p.is_error]
    assert any("allowed: management_system, improvement_tool" in s for s in english)


def test_template_notes_read_as_sentences_under_vi(tmp_path) -> None:
    """The trainings template's note on its id column said `…của một lớp; Không bắt buộc: …`,
    a capital in mid-sentence (found reading every cell of every template)."""
    out = tmp_path / "lop.xlsx"
    result = CliRunner().invoke(app, ["template", "trainings", "-o", str(out), "--lang", "vi"])
    assert result.exit_code == 0, result.output
    notes = [str(c.value) for row in load_workbook(out)["Ghi chú"].iter_rows() for c in row]
    assert "Cùng mã trên mọi dòng của một lớp; không bắt buộc: để trống sẽ tự sinh" in notes
    assert not [n for n in notes if re.search(r"; [A-ZÀ-Ỹ]", n)]


def test_the_word_report_names_every_problem_kind_in_vietnamese(repo, tmp_path) -> None:
    """Its paragraph on the data's problems ended `…; placeholder-target (1).`: a code where
    every other kind has a Vietnamese name (found reading every paragraph of the docx)."""
    from pqp_cli.render.docx_text import problem_kind

    problems = [code for code, entry in CATALOGUE.items() if entry.family == "problem"]
    assert [code for code in problems if problem_kind(code, "vi") == code] == []
    out = tmp_path / "r.docx"
    pqp(repo, "report", "-o", str(out), "--as-of", "2025-09-30")
    assert "chỉ tiêu còn giữ số điền sẵn (1)" in docx_text(out)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("status", "--lang", "fr"), "--lang 'fr' không hợp lệ"),
        (("status", "--lang", "VI", "--as-of", "31/13/2025"), "--as-of '31/13/2025' không hợp lệ"),
    ],
    ids=["fr", "VI"],
)
def test_a_usage_error_speaks_vietnamese_when_the_user_asked_for_it(args, said) -> None:
    """Under PQP_LANG=vi, `--lang fr` was refused in English, and with `--lang VI` (taken as
    vi) a bad `--as-of` too: the error's language was the raw option's, not the one chosen."""
    result = CliRunner().invoke(app, list(args), env={"PQP_LANG": "vi", "NO_COLOR": "1"})
    assert result.exit_code == 2 and said in result.stderr, result.stderr


def test_explain_of_a_target_left_out_says_why(ws) -> None:
    """`explain T1` with T1 written wrong said `không có chỉ tiêu 'T1'; các chỉ tiêu là: T2`:
    a target the user sees in targets.yaml, called unknown (found breaking targets.yaml)."""
    ws.write(
        "- {id: T1, title: A, metric: trained_establishment, target: 1}\n"
        "- {id: T2, title: B, metric: trained_establishments, target: 1}\n"
    )
    where = ["--data", str(ws.data), "--targets", str(ws.targets), "--lang", "vi"]
    result = CliRunner().invoke(app, ["explain", "T1", *where], env={"NO_COLOR": "1"})
    assert result.exit_code == 2
    assert "chỉ tiêu 'T1' bị loại vì có lỗi trong tệp chỉ tiêu" in result.stderr, result.stderr
