"""Under `--lang vi` an analyst meets no English, no ISO date and no decimal point: every command
and format is run on the sample data broken with every problem code of the catalogue, and its
text searched for English words (JSON excepted: it is for programs).

The English words are those of the catalogue's English texts, the CLI's English labels and the
YAML keys. A word is allowed inside quotes ("…", '…', `…`, “…”: a YAML key, a value as written,
a command), inside a path or a code (`data/trainings/x.yaml`, `[yaml-syntax]`, `TR-2021-04`,
`trained_establishments`: a token holding `/ _ - . :` or a digit), or as a name that the data
itself writes (an establishment called "Công ty In và Bao bì Hà Long"). ALLOWED lists the rest.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from typer.testing import CliRunner
from vi_dataset import IMPORTS, SHEETS, build

from pqp_cli.cli.app import app
from pqp_cli.core.messages import CATALOGUE, PHRASES
from pqp_cli.core.messages.labels import FIELD_LABELS
from pqp_cli.render import diff as diff_render

#: Proper nouns and terms a Vietnamese text writes as they are (kept short on purpose).
ALLOWED = {
    "pqp",  # the tool's name
    "yaml",  # the file format, "tệp YAML"
    "ocop",  # the national One Commune One Product programme, by its name
    "excel",  # the program
    "windows",  # the system, "cp1258 (Windows tiếng Việt)": the encoding's name in the menus
    "haccp",  # a scheme's name, like ISO 9001 and TCVN
    "paste",  # "dán giá trị (Paste Values)": Excel's own menu item, named so the user finds it
    "values",  # ditto
    "submodule",  # git's term: there is no Vietnamese one a git user would recognise
    "head",  # git's name of the current commit (`HEAD`), as the user typed it
    "commit",  # git's terms, as Vietnamese git users say them ("một commit, tag hoặc nhánh")
    "tag",
    "html",  # file formats by their names, like YAML ("--format html, md, xlsx hoặc docx")
    "xlsx",
    "docx",
}

#: The catalogue's codes that are one word: a code is an identifier (docs/problems.md), shown in
#: the report's table of problems as it is.
CODES = {code for code in CATALOGUE if "-" not in code}
#: A GitHub workflow command's head (`::error file=…,title=…::`): the runner's syntax, not text.
_COMMAND = re.compile(r"^::(error|warning|notice) [^:]*(:[^:]+)*?::")
_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|`[^`\n]*`|(?<![A-Za-zÀ-ỹ])\'[^\'\n]*\'')
_CODE = re.compile(r"\[[a-z][a-z-]*\]")
_WORD = re.compile(r"[A-Za-z]+")


def _catalogue_words() -> set[str]:
    texts = [e.title.en for e in CATALOGUE.values()]
    texts += [t.en for e in CATALOGUE.values() for t in e.messages.values()]
    texts += [en for en, _ in PHRASES.values()]
    texts += [en for en, _ in diff_render._WORDS.values()]
    texts += [key.replace("_", " ") for key in FIELD_LABELS]
    texts += ["on track behind at risk met missed not started no data count percent"]
    words = {w.lower() for t in texts for w in _WORD.findall(re.sub(r"\{[^}]*\}", " ", t))}
    return {w for w in words if len(w) >= 4 or w in {"the", "and", "not"}}


def _data_words(root: Path) -> set[str]:
    """Words the data itself writes (names of establishments, places, trainings)."""
    words: set[str] = set()
    for path in [*(root / "data").rglob("*.yaml"), root / "targets.yaml"]:
        text = path.read_bytes().decode("utf-8", "replace")
        values = " ".join(line.partition(":")[2] for line in text.splitlines())
        words |= {w.lower() for w in _WORD.findall(values)}
    return words


def english_in(text: str, english: set[str]) -> list[str]:
    """The English words of `text` outside quotes, codes and paths, each with its line."""
    found = []
    for line in text.splitlines():
        bare = _CODE.sub(" ", _QUOTED.sub(" ", _COMMAND.sub(" ", line)))
        for token in bare.split():
            token = token.strip("()[]{},;:!?*|#>…«»")
            if re.search(r"[/_.:\d-]", token) or token.startswith("<") or token in CODES:
                continue  # a path, an id, a code, a number
            for word in _WORD.findall(token):
                if word.lower() in english and word.lower() not in ALLOWED:
                    found.append(f"{word!r} in: {line.strip()[:160]}")
    return found


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("vi"))


@pytest.fixture(scope="module")
def english(repo: Path) -> set[str]:
    return _catalogue_words() - _data_words(repo)


def pqp(repo: Path, *args: str, code: tuple[int, ...] = (0, 1)) -> str:
    """stdout and stderr of `pqp --lang vi …` on the broken data."""
    where = ["--data", str(repo / "data"), "--targets", str(repo / "targets.yaml")]
    full = [*args, *where, "--lang", "vi"]
    result = CliRunner().invoke(app, full, env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code in code, (full, result.output, result.exception)
    return result.stdout + "\n" + result.stderr


STATUS = [
    ("status", "--format", fmt, *by)
    for fmt in ("table", "csv", "markdown")
    for by in ((), ("--by", "year", "--by", "locality", "--projection"))
]
COMMANDS = [
    *STATUS,
    ("validate",),
    ("validate", "--format", "github"),
    ("explain", "T1"),
    ("explain", "T3", "--format", "markdown"),
    ("diff", "HEAD~1", "HEAD"),
    ("diff", "HEAD~1", "HEAD", "--format", "markdown"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_english_in_a_command_under_vi(repo, english, args, monkeypatch) -> None:
    monkeypatch.chdir(repo)  # diff reads the repository; locations print relative to here
    out = pqp(repo, *args, "--as-of", "2025-09-30")
    assert english_in(out, english) == []


def _html_text(page: str) -> str:
    page = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


def _xlsx_text(path: Path) -> str:
    wb = load_workbook(path)
    cells = [ws.title for ws in wb.worksheets]
    for ws in wb.worksheets:
        cells += [str(c.value) for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    return "\n".join(cells)


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("fmt", ["html", "md", "xlsx", "docx"])
def test_no_english_in_the_report_under_vi(repo, english, fmt, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    out = repo / f"report.{fmt}"
    said = pqp(repo, "report", "-o", str(out), "--as-of", "2025-09-30")
    read = {"html": lambda p: _html_text(p.read_text("utf-8")), "md": lambda p: p.read_text()}
    text = {**read, "xlsx": _xlsx_text, "docx": _docx_text}[fmt](out)
    assert english_in(said + "\n" + text, english) == []


def test_template_and_import_speak_vietnamese(repo, english, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    sheet = tmp_path / "lop.xlsx"
    said = CliRunner().invoke(app, ["template", "trainings", "-o", str(sheet), "--lang", "vi"])
    assert said.exit_code == 0, said.output
    source = tmp_path / "lop.csv"
    source.write_text(
        "Mã lớp,Tên lớp,Ngày,Nội dung,Cơ sở tham gia,Cột lạ\n"
        "TR-N1,Lớp 5S,31/02/2024,Công cụ cải tiến,TH-0001,x\n"
        "TR-N2,Lớp ISO,15/03/2024,Hệ thống quản lý,CS-KHONG-CO,y\n",
        encoding="utf-8",
    )
    imported = pqp(repo, "import", "trainings", str(source), "--dry-run", code=(0, 1, 2))
    assert "31/02/2024" in imported  # the rejected row is named as written
    assert english_in(said.output + _xlsx_text(sheet) + imported, english) == []


# --- the formats: vi dates and numbers, the BOM, English unchanged ------------------------------


def test_vi_status_writes_dates_and_numbers_the_vietnamese_way(repo) -> None:
    table = pqp(repo, "status", "--as-of", "2025-09-30")
    assert "Tính đến 30/09/2025" in table and "01/01/2021 → 31/12/2025" in table
    assert "2025-09-30" not in table and "2021-01-01" not in table
    assert re.search(r"\d+,\d%", table) and not re.search(r"\d\.\d%", table)
    markdown = pqp(repo, "status", "--format", "markdown", "--as-of", "2025-09-30")
    assert "Tính đến 30/09/2025" in markdown and not re.search(r"\d\.\d%", markdown)


def test_vi_csv_has_a_bom_vietnamese_heads_statuses_and_decimal_commas(repo) -> None:
    where = ["--data", str(repo / "data"), "--targets", str(repo / "targets.yaml")]
    args = ["status", "--format", "csv", "--projection", "--as-of", "2025-09-30", *where]
    vi = CliRunner().invoke(app, [*args, "--lang", "vi"]).stdout_bytes
    en = CliRunner().invoke(app, [*args, "--lang", "en"]).stdout_bytes
    assert vi.startswith("\ufeff".encode()) and not en.startswith(b"\xef\xbb\xbf")
    head, first, *_ = vi.decode("utf-8-sig").splitlines()
    assert head.startswith("Mã,Chỉ tiêu,") and "Trạng thái" in head
    assert "behind" not in vi.decode() and "on_track" not in vi.decode()
    assert re.search(r'"\d+,\d"', first)  # a decimal comma, quoted by the CSV writer
    assert en.decode().splitlines()[0].startswith("id,title,metric,kind,value,target,")


def test_vi_xlsx_heads_statuses_and_dates(repo, tmp_path) -> None:
    out = tmp_path / "r.xlsx"
    pqp(repo, "report", "-o", str(out), "--as-of", "2025-09-30")
    wb = load_workbook(out)
    summary, problems = wb["Tổng hợp"], wb["Vấn đề"]
    heads = [c.value for c in summary[1]]
    assert heads[:3] == ["Mã", "Chỉ tiêu", "Chỉ số"] and "Trạng thái" in heads
    statuses = {r[heads.index("Trạng thái")] for r in summary.iter_rows(2, values_only=True)}
    assert statuses and not statuses & {"met", "behind", "on_track", "at_risk", "missed"}
    assert [c.value for c in problems[1]][:4] == ["Mức độ", "Mã vấn đề", "Tệp", "Dòng"]
    dated = [c for row in summary.iter_rows(2) for c in row if c.is_date]
    assert dated and all(c.number_format == "dd/mm/yyyy" for c in dated)


def test_vi_messages_name_fields_by_label_and_write_dates_day_first(repo) -> None:
    said = pqp(repo, "validate")
    assert 'ngày tập huấn ("date") 10/05/2027 sau ngày hôm nay' in said
    assert 'cơ sở tham gia ("participants") "CS-9999" không khớp cơ sở nào' in said
    assert 'lớp tập huấn (chưa có mã): thiếu trường mã ("id")' in said
    assert "có ký tự tab làm sai thụt lề" in said


def test_english_output_is_unchanged_in_form(repo) -> None:
    """English keeps ISO dates, decimal points, raw CSV keys and codes (the golden files of
    tests/test_report_golden.py hold the English report byte for byte)."""
    where = ["--data", str(repo / "data"), "--targets", str(repo / "targets.yaml")]
    table = CliRunner().invoke(app, ["status", "--as-of", "2025-09-30", *where]).stdout
    assert "As of 2025-09-30" in table and "2021-01-01 → 2025-12-31" in table
    assert re.search(r"\d\.\d%", table)
    said = CliRunner().invoke(app, ["validate", *where]).stdout
    assert "date 2027-05-10 is after today" in said
    assert 'participants "CS-9999" matches no enterprise' in said or "CS-9999" in said


def test_the_scanner_finds_english(english) -> None:
    """The acceptance test can fail: a message left in English is found, quotes are not."""
    assert english_in("lỗi: date 2026-12-15 is after today", english)
    assert english_in("Tiến độ: behind", english)
    assert english_in('trường ngày tập huấn ("date") sai', english) == []
    assert english_in("data/trainings/fields.yaml:3: lỗi [yaml-syntax] sai", english) == []


# --- import: every import-note code, said in Vietnamese -----------------------------------------


def test_imports_say_every_import_note_in_vietnamese(english, tmp_path, monkeypatch) -> None:
    """The imports of vi_dataset.IMPORTS, in order, on a copy of the sample: between them every
    import-note code (and `encoding`) is said, and no English word is."""
    import pqp_cli.importing as importing
    from pqp_cli.core.messages import CATALOGUE

    for name, body in SHEETS.items():
        (tmp_path / name).write_bytes(body)
    copy = build(tmp_path / "repo")
    monkeypatch.chdir(tmp_path)
    said_codes: set[str] = set()
    describe = importing.describe

    def spy(report, lang="en"):  # the codes of what the command says
        said_codes.update(n.code for n in [*report.rejects, *report.warnings])
        return describe(report, lang)

    monkeypatch.setattr(importing, "describe", spy)
    out = ""
    for args in IMPORTS:
        out += pqp(copy, "import", *args, code=(0, 1)) + "\n"
    wanted = {c for c, e in CATALOGUE.items() if e.family == "import"} | {"encoding"}
    assert wanted <= said_codes, wanted - said_codes  # every one can come from a sheet
    assert "31/02/2024" in out and "--replace" in out
    assert english_in(out, english) == []


# --- the step summary, report --date, init, errors ----------------------------------------------


def test_the_github_step_summary_speaks_vietnamese(repo, english, tmp_path) -> None:
    """`validate --format github` appends its table to $GITHUB_STEP_SUMMARY: under vi its heads
    and severities are Vietnamese (they were `severity | code | file …` and `error`)."""
    summary = tmp_path / "summary.md"
    where = ["--data", str(repo / "data"), "--targets", str(repo / "targets.yaml")]
    env = {"NO_COLOR": "1", "GITHUB_STEP_SUMMARY": str(summary)}
    args = ["validate", "--format", "github", *where]
    CliRunner().invoke(app, [*args, "--lang", "vi"], env=env)
    table = summary.read_text(encoding="utf-8")
    assert "| Mức độ " in table and "| Mã vấn đề " in table and "| lỗi " in table
    assert english_in(table, english) == []
    summary.unlink()
    CliRunner().invoke(app, [*args, "--lang", "en"], env=env)
    english_table = summary.read_text(encoding="utf-8")
    assert "| severity " in english_table and "| error " in english_table


@pytest.mark.parametrize("given", ["15/12/2025", "2025-12-15", "15-12-2025"])
def test_report_date_takes_day_first_dates_as_as_of_does(repo, tmp_path, given) -> None:
    out = tmp_path / "r.docx"
    said = pqp(repo, "report", "-o", str(out), "--as-of", "2025-09-30", "--date", given)
    assert out.exists(), said
    assert "ngày 15 tháng 12 năm 2025" in _docx_text(out)


def test_report_date_refuses_month_first_and_says_so_in_vietnamese(repo, tmp_path) -> None:
    out = tmp_path / "r.docx"
    said = pqp(repo, "report", "-o", str(out), "--date", "12/31/2025", code=(2,))
    assert "--date '12/31/2025' không hợp lệ: hãy ghi ngày dạng dd/mm/yyyy" in said
    early = pqp(
        repo, "report", "-o", str(out), "--as-of", "2025-09-30", "--date", "01/09/2025", code=(2,)
    )
    assert "--date 01/09/2025 trước --as-of 30/09/2025" in early  # dates day first under vi
    assert not out.exists()


def test_init_speaks_vietnamese(english, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["init", "moi", "--lang", "vi"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    said = result.stdout + result.stderr
    assert "đã ghi: moi/targets.yaml" in said and "Tiếp theo:" in said
    assert english_in(said, english) == []
    again = CliRunner().invoke(app, ["init", "moi", "--lang", "vi", "--end", "2020-01-01"])
    assert again.exit_code == 2
    assert "kế hoạch phải kết thúc sau khi bắt đầu (--start 01/01/2026, --end 01/01/2020)" in (
        again.stderr
    )


@pytest.mark.parametrize(
    "args",
    [
        ("status", "--as-of", "31/13/2025"),
        ("explain", "T99"),
        ("diff", "khong-co"),
        ("report", "-o", "r.pdf"),
        ("import", "trainings", "khong-co.xlsx"),
        ("report", "-o", "r.docx", "--number", "abc"),
        ("status", "--rev", "HEAD..HEAD~1"),
    ],
    ids=" ".join,
)
def test_errors_that_stop_a_command_speak_vietnamese(repo, english, args, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    said = pqp(repo, *args, code=(2,))
    assert "pqp: lỗi: " in said
    assert english_in(said, english) == []


def test_template_errors_speak_vietnamese(english, tmp_path) -> None:
    said = CliRunner().invoke(
        app, ["template", "trainings", "-o", str(tmp_path / "m.pdf"), "--lang", "vi"]
    )
    assert said.exit_code == 2 and "tệp mẫu phải là .xlsx hoặc .csv" in said.stderr
    assert english_in(said.stderr, english) == []


def test_explain_head_writes_day_first_dates_and_decimal_commas_under_vi(repo) -> None:
    """It said `81.4% (179/220) / 100% (…) tính đến 2025-09-30` (found reading every command)."""
    said = pqp(repo, "explain", "T3", "--as-of", "2025-09-30")
    head = next(line for line in said.splitlines() if line.startswith("T3 · "))
    assert head.endswith("tính đến 30/09/2025") and re.search(r": \d+,\d% \(\d+/\d+\) / ", head)
    where = ["--data", str(repo / "data"), "--targets", str(repo / "targets.yaml")]
    english = CliRunner().invoke(app, ["explain", "T3", "--as-of", "2025-09-30", *where]).stdout
    assert re.search(r": \d+\.\d% \(\d+/\d+\) of 100% \(.*\) as of 2025-09-30", english)


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


def test_vi_xlsx_locality_and_plan_sheets_have_vietnamese_heads(repo, tmp_path) -> None:
    """The by-locality sheet headed a rate's denominator `T3 /` and the plan sheet wrote
    `tính tại` in lower case among capitalised heads (found reading every cell)."""
    out = tmp_path / "r.xlsx"
    pqp(repo, "report", "-o", str(out), "--as-of", "2025-09-30")
    wb = load_workbook(out)
    heads = [c.value for c in wb["Theo địa bàn"][1]]
    assert "T3 Mẫu số" in heads and not [h for h in heads if str(h).endswith(" /")]
    firsts = [r[0] for r in wb["Kế hoạch"].iter_rows(values_only=True) if r[0]]
    assert "Tính tại" in firsts and all(h[0].isupper() for h in firsts)


def _t3_cells(text: str) -> list[str]:
    row = next(line for line in text.splitlines() if line.startswith("| T3 "))
    return [c.strip() for c in row.strip("|").split("|")]


def test_vi_status_writes_a_rate_as_the_report_does(repo, tmp_path) -> None:
    """`status` wrote a rate target's expected level `95,0` where the reports write `95,0%`,
    and an unknown rate `–% (0/0)` where they write `– (0/0)` (found comparing outputs)."""
    status = _t3_cells(pqp(repo, "status", "--format", "markdown", "--as-of", "30/09/2025"))
    out = tmp_path / "r.md"
    pqp(repo, "report", "-o", str(out), "--as-of", "30/09/2025")
    report = _t3_cells(out.read_text(encoding="utf-8"))
    assert status[2:4] == report[2:4] and status[5] == report[5] == "95,0%"
    CliRunner().invoke(app, ["init", str(tmp_path / "moi")])  # a plan with no records yet
    where = ["--data", str(tmp_path / "moi/data"), "--targets", str(tmp_path / "moi/targets.yaml")]
    empty = CliRunner().invoke(app, ["status", "--format", "markdown", "--lang", "vi", *where])
    assert _t3_cells(empty.stdout)[2] == "– (0/0)" and "–%" not in empty.stdout


@pytest.mark.parametrize(
    ("args", "typed"),
    [
        (("status", "--as-of", "2025-02-30"), "'2025-02-30'"),
        (("report", "-o", "r.docx", "--date", "2026-02-30"), "'2026-02-30'"),
        (("init", "moi", "--end", "2030-02-30"), "'2030-02-30'"),
    ],
    ids=lambda v: v if isinstance(v, str) else v[0],
)
def test_a_wrong_date_is_quoted_as_typed_under_vi(args, typed, tmp_path, monkeypatch) -> None:
    """`--as-of 2025-02-30` was answered `--as-of '30/02/2025' không hợp lệ`: a value the user
    typed, rewritten as a date it is not (found with every wrong usage)."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, [*args, "--lang", "vi"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2 and typed in result.stderr, result.stderr


def test_init_takes_day_first_dates_as_every_date_option_does(tmp_path, monkeypatch) -> None:
    """`pqp init --start 01/01/2026` was refused (`hãy ghi ngày dạng YYYY-MM-DD`) where
    `--as-of` and `--date` take the date as a Vietnamese user writes it."""
    monkeypatch.chdir(tmp_path)
    args = ["init", "moi", "--start", "01/01/2026", "--end", "31/12/2030", "--lang", "vi"]
    result = CliRunner().invoke(app, args, env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.stderr
    assert "period: {start: 2026-01-01, end: 2030-12-31}" in Path("moi/targets.yaml").read_text(
        encoding="utf-8"
    )


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
    assert "chỉ tiêu còn giữ số điền sẵn (1)" in _docx_text(out)


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


def test_the_broken_dataset_has_a_problem_of_every_code(repo) -> None:
    """The acceptance dataset is what the scans above read: it must say every problem code of
    the catalogue at least once, or a code's Vietnamese would go unread."""
    import json

    out = CliRunner().invoke(
        app,
        ["validate", "--format", "json", "--data", str(repo / "data")]
        + ["--targets", str(repo / "targets.yaml")],
    )
    said = {p["code"] for p in json.loads(out.stdout)["problems"]}
    codes = {code for code, entry in CATALOGUE.items() if entry.family == "problem"}
    assert codes - said == set()
