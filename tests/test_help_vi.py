"""Vietnamese users never meet English: under `PQP_LANG=vi` or `--lang vi` every command's
help, and click's usage errors, are in Vietnamese. The English words are taken from the
English help itself, so a new option with no translation fails here."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass

import pytest

from pqp_cli.cli.app import main
from pqp_cli.core.notes import language, use_language

#: Its module fixture reads every English --help: once, on one worker.
pytestmark = pytest.mark.xdist_group("help-vi")

COMMANDS = ["", "status", "validate", "explain", "import", "template", "report", "schema"]
COMMANDS += ["init", "diff"]
#: Words a Vietnamese help may share with the English one: names of files, formats, tools.
NAMES = {"pqp", "yaml", "json", "csv", "xlsx", "xls", "ods", "html", "md", "docx", "git"}
NAMES |= {"vi", "en", "ttg", "ubnd", "bc", "skhcn", "schema", "readme", "markdown", "github"}
NAMES |= {"thanh"}  # Thanh Hóa, a place
NAMES |= {"text", "table", "yyyy", "mm", "dd"}  # values typed as they are, date forms
VALUES = {"enterprises", "trainings", "certifications", "experts", "units"}


@dataclass
class Done:
    """What a run of `pqp` left: its exit code and its two streams."""

    returncode: int
    stdout: str
    stderr: str


def _pqp(*args: str, lang_env: str | None = None) -> Done:
    """`pqp ARGS` as the installed entry point runs it (`main()`: its own reading of
    `sys.argv` and `PQP_LANG`, `COLUMNS=100`), in this process: a child process per help
    cost ≈ 0.35 s of CPU, 11 s for the module. `test_in_process_runs_are_the_entry_point_s`
    checks that a real process prints the same."""
    stdout, stderr = io.StringIO(), io.StringIO()
    env = {"COLUMNS": "100", "PQP_LANG": lang_env}
    saved = {name: os.environ.get(name) for name in env}
    saved_argv, saved_streams, saved_language = sys.argv, (sys.stdout, sys.stderr), language()
    code: int | str | None = 0
    try:
        _set_environ(env)
        sys.argv, sys.stdout, sys.stderr = ["pqp", *args], stdout, stderr
        main()
    except SystemExit as exit_:
        code = exit_.code
    finally:
        sys.argv, (sys.stdout, sys.stderr) = saved_argv, saved_streams
        _set_environ(saved)
        use_language(saved_language)  # the app's callback sets it for the whole process
    assert isinstance(code, int), code
    return Done(code, stdout.getvalue(), stderr.getvalue())


def _set_environ(values: dict[str, str | None]) -> None:
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def _process(*args: str, lang_env: str | None = None) -> Done:
    """`python -m pqp_cli ARGS` in a child process, as a user runs it."""
    env = {k: v for k, v in os.environ.items() if k != "PQP_LANG"}
    env["COLUMNS"] = "100"
    if lang_env:
        env["PQP_LANG"] = lang_env
    done = subprocess.run(
        [sys.executable, "-m", "pqp_cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    return Done(done.returncode, done.stdout, done.stderr)


def _prose(text: str) -> str:
    """The help without what a user types as it is: options, choices, `code`, file names."""
    text = re.sub(r"(default|mặc định): [^;\]]*", " ", text)  # default values: data, en
    text = re.sub(r"\S*[./]\S*", " ", text)  # paths, dates and numbers: .pqp-cache/
    text = re.sub(r"`[^`]*`|<[^>]*>|\{[^}]*\}|'[^']*'", " ", text)
    text = re.sub(r"(?<![\w-])-{1,2}[\w-]+|\b[\w.-]+\.(?:yaml|json|md|csv|xlsx)\b", " ", text)
    return re.sub(r"\bpqp \w+|\bPQP_\w+", " ", text)


def _words(text: str) -> set[str]:
    words = re.findall(r"\w{2,}", _prose(text))
    return {w.lower() for w in words if w.isascii() and w.isalpha()}


@pytest.fixture(scope="module")
def english() -> set[str]:
    """Every English word of every English help (and click's own words)."""
    words = {"usage", "options", "arguments", "commands", "default", "env", "var", "required"}
    for command in COMMANDS:
        done = _pqp(*[c for c in [command] if c], "--help")
        assert done.returncode == 0, done.stderr
        words |= _words(done.stdout)
    return words - NAMES - set(COMMANDS)  # command names are typed as they are


@pytest.mark.parametrize("how", ["env", "option"])
@pytest.mark.parametrize("command", COMMANDS)
def test_help_in_vietnamese_has_no_english_word(english: set[str], command: str, how: str) -> None:
    args = [c for c in [command] if c]
    if how == "env":
        done = _pqp(*args, "--help", lang_env="vi")
    else:
        done = _pqp(*args, "--help", "--lang", "vi")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Cách dùng: pqp")
    left = _words(done.stdout) & english
    assert not left, f"English in `pqp {command} --help` under vi: {sorted(left)}"


def test_english_help_is_unchanged_without_vi() -> None:
    done = _pqp("status", "--help")
    assert done.stdout.startswith("Usage: pqp status [OPTIONS]")
    assert "dd/mm/yyyy" in done.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["status", "--bogus"], "Lỗi: Không có tùy chọn --bogus"),
        (["import", "foo", "x.xlsx"], "Lỗi: Giá trị không hợp lệ cho 'LOẠI': 'foo' không phải"),
        (["import"], "Lỗi: Thiếu đối số 'LOẠI'. Chọn một trong:"),
        (["status", "--format", "bad"], "Lỗi: Giá trị không hợp lệ cho '--format'"),
        (["status", "--data"], "Lỗi: Tùy chọn '--data' cần một giá trị."),
        (["init", "a", "b"], "Lỗi: Thừa đối số: b"),
        (["stats"], "Lỗi: Không có lệnh 'stats'. Có phải ý bạn là 'status'?"),
        (["report"], "Lỗi: Thiếu tùy chọn"),
    ],
)
def test_usage_error_in_vietnamese(english: set[str], args: list[str], expected: str) -> None:
    done = _pqp(*args, lang_env="vi")
    assert done.returncode == 2
    assert expected in done.stderr
    assert "Usage" not in done.stderr and "Error" not in done.stderr and "Try" not in done.stderr
    left = _words(done.stderr) & english - VALUES - {"foo", "bad", "stats", "bogus"}
    assert not left, sorted(left)


def test_usage_error_in_vietnamese_with_lang_option() -> None:
    done = _pqp("status", "--lang", "vi", "--bogus")
    assert done.returncode == 2
    assert done.stderr.startswith("Cách dùng: pqp status [TÙY_CHỌN]\nXem 'pqp status --help'")


def test_lang_vi_alone_shows_the_help_in_vietnamese() -> None:
    done = _pqp("--lang", "vi")
    assert "Cách dùng: pqp" in done.stderr + done.stdout


@pytest.mark.parametrize(
    ("args", "lang_env"),
    [
        (["--help"], None),
        (["report", "--help"], "vi"),
        (["import", "--help", "--lang", "vi"], None),
        (["status", "--data"], "vi"),
        (["status", "--lang", "vi", "--bogus"], None),
        (["--lang", "vi"], None),
    ],
)
def test_in_process_runs_are_the_entry_point_s(args: list[str], lang_env: str | None) -> None:
    """The tests above run `main()` in this process; a real `python -m pqp_cli` prints the
    same bytes and exits with the same code, help and usage errors alike, in both languages."""
    assert _pqp(*args, lang_env=lang_env) == _process(*args, lang_env=lang_env)
