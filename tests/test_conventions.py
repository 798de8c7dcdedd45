"""Command-line conventions: --version, shell completion, NO_COLOR, plain output when piped,
and docs/cli.md generated from the app."""

from __future__ import annotations

import importlib.util
import locale
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from forkrun import fork_pqp

from pqp_cli import __version__

ROOT = Path(__file__).resolve().parents[1]
ESC = "\x1b["


def pqp(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`pqp ARGS` as a process of its own, its streams piped (no terminal), read as text as
    `subprocess.run(..., text=True)` reads them: forked from this process (`forkrun`), or
    started when its Python would start otherwise."""
    env = env or clean_env()
    command = [sys.executable, "-m", "pqp_cli", *args]
    forked = fork_pqp(args, cwd=Path.cwd(), env=env)
    if forked is None:
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    return subprocess.CompletedProcess(command, forked.code, _text(forked.out), _text(forked.err))


def _text(data: bytes) -> str:
    """What `subprocess` makes of a stream's bytes in text mode."""
    text = data.decode(locale.getpreferredencoding(False))
    return text.replace("\r\n", "\n").replace("\r", "\n")


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of a user's terminal: colour allowed, nothing forcing it either way."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PQP_", "FORCE_COLOR"))}
    env.pop("NO_COLOR", None)
    env.pop("COLUMNS", None)
    return {**env, "TERM": "xterm-256color", **extra}


def test_version_matches_the_package() -> None:
    done = pqp("--version")
    assert done.returncode == 0
    assert done.stdout == f"pqp {__version__}\n"
    if sys.version_info >= (3, 11):
        import tomllib

        project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        assert project["project"]["version"] == __version__


def test_shell_completion_can_be_installed() -> None:
    done = pqp("--help")
    assert "--install-completion" in done.stdout and "--show-completion" in done.stdout
    # The shell named, not detected: Typer would look for one in the process tree (and
    # `bash -c` may exec pqp in its place), which a CI runner, an xdist worker or a service may
    # not have. Typer takes a named shell only with its detection switched off.
    no_detection = clean_env(_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION="1")
    script = pqp("--show-completion", "bash", env=no_detection)
    assert script.returncode == 0, script.stderr
    assert "_PQP_COMPLETE" in script.stdout and "complete " in script.stdout


@pytest.fixture
def project(ws):  # type: ignore[no-untyped-def]
    """A plan with one bad record, so stderr carries the left-out banner too."""
    return ws.write(
        "- {id: T5b, title: Experts, metric: experts, target: 2}",
        experts="""\
            - {id: X1, name: Lê An, qualified_on: 2022-01-10}
            - {id: X2, name: Trần Bình, qualified_on: someday}
            """,
    )


def on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run pqp with stdout and stderr on a pseudo-terminal; everything it printed."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "pqp_cli", *args], stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    proc.wait(timeout=120)
    return b"".join(chunks).decode("utf-8", errors="replace")


def colours(text: str) -> set[str]:
    """The SGR colour parameters (foreground, background, 256/true colour) in `text`."""
    found = set()
    for params in re.findall(r"\x1b\[([0-9;]*)m", text):
        for code in params.split(";"):
            if code and (30 <= int(code) <= 38 or 40 <= int(code) <= 48 or int(code) >= 90):
                found.add(code)
    return found


def test_colour_on_a_terminal_and_none_under_no_color(project) -> None:  # type: ignore[no-untyped-def]
    """NO_COLOR (no-color.org) removes colour; bold and italic may stay on a terminal."""
    args = project.args("status", "--as-of", "2023-06-30")
    coloured = on_a_terminal(args, clean_env())
    assert "T5b" in coloured and colours(coloured), "a terminal gets colour"
    plain = on_a_terminal(args, clean_env(NO_COLOR="1"))
    assert "T5b" in plain and "DATA HAS 1 ERROR" in plain
    assert not colours(plain)


@pytest.mark.long
def test_plain_output_when_not_a_terminal(project) -> None:  # type: ignore[no-untyped-def]
    runs = {}
    for args in (
        project.args("status", "--as-of", "2023-06-30"),
        project.args("validate"),
        project.args("explain", "T5b", "--as-of", "2023-06-30"),
        ["--help"],
    ):
        runs[args[0]] = done = pqp(*args)
        assert ESC not in done.stdout and ESC not in done.stderr, args
    status = runs["status"]  # plain, yet the bars and the banner are there
    assert "█" in status.stdout and "DATA HAS 1 ERROR" in status.stderr


def test_docs_cli_md_is_generated_from_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stale? Run `python scripts/gen_cli_docs.py` and commit docs/cli.md."""
    # The one setting that changes typer's completion options: the docs show them unset.
    monkeypatch.delenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", raising=False)
    spec = importlib.util.spec_from_file_location(
        "gen_cli_docs", ROOT / "scripts" / "gen_cli_docs.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.render()
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == expected, "docs/cli.md is stale: run python scripts/gen_cli_docs.py"
    for command in ("status", "validate", "explain", "schema", "init", "diff"):
        assert f"## `pqp {command}`" in current


def test_functions_and_modules_stay_small() -> None:
    """Functions fit on a screen (≤ 60 lines) and modules stay readable (≤ 400 lines), so a
    reader can see a whole step of the pipeline at once (docs/architecture.md)."""
    import ast

    too_long = []
    for path in sorted((ROOT / "pqp_cli").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(ROOT).as_posix()
        if len(text.splitlines()) > 400:
            too_long.append(f"{name}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > 60:
                    too_long.append(f"{name}:{node.lineno} {node.name}: {length} lines")
    assert too_long == []


def test_at_most_ten_modules_at_the_top() -> None:
    """The top level holds the entry points; the pipeline lives in the subpackages."""
    top = [p.name for p in (ROOT / "pqp_cli").glob("*.py")]
    assert len(top) <= 10, top


def test_the_typer_the_project_allows_has_the_click_the_cli_uses() -> None:
    """The command line reaches into typer's bundled click (`typer._click`: Vietnamese help,
    which options were given), which typer ships from 0.26 and may change in any minor
    release: pyproject.toml must not allow a typer without it, nor an untested later one."""
    import typer

    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    [spec] = re.findall(r'^\s*"(typer[^"]*)"', text, flags=re.M)
    low = re.search(r">=\s*([\d.]+)", spec)
    high = re.search(r"<\s*([\d.]+)", spec)
    assert low and tuple(map(int, low.group(1).split("."))) >= (0, 26), spec
    assert high, spec  # a private module: capped at the minor releases tested
    assert importlib.util.find_spec("typer._click") is not None, typer.__version__
