"""Under `--lang vi` an analyst meets no English, no ISO date and no decimal point: every command
and format is run on the sample data broken with every problem code of the catalogue, and its
text searched for English words (JSON excepted: it is for programs).

The English words are those of the catalogue's English texts, the CLI's English labels and the
YAML keys. A word is allowed inside quotes ("…", '…', `…`, “…”: a YAML key, a value as written,
a command), inside a path or a code (`data/trainings/x.yaml`, `[yaml-syntax]`, `TR-2021-04`,
`trained_establishments`: a token holding `/ _ - . :` or a digit), or as a name that the data
itself writes (an establishment called "Công ty In và Bao bì Hà Long"). ALLOWED lists the rest.

The Vietnamese conventions of each format (dates, numbers, BOM, heads) are pinned in
tests/test_vi_formats.py; the wording of single messages in tests/test_vi_wording.py.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner
from vi_dataset import IMPORTS, SHEETS, build, docx_text, pqp

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


@pytest.mark.parametrize("fmt", ["html", "md", "xlsx", "docx"])
def test_no_english_in_the_report_under_vi(repo, english, fmt, monkeypatch) -> None:
    monkeypatch.chdir(repo)
    out = repo / f"report.{fmt}"
    said = pqp(repo, "report", "-o", str(out), "--as-of", "2025-09-30")
    read = {"html": lambda p: _html_text(p.read_text("utf-8")), "md": lambda p: p.read_text()}
    text = {**read, "xlsx": _xlsx_text, "docx": docx_text}[fmt](out)
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


# --- the scanner itself, and the other outputs: imports, the step summary, init, errors ----------
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
