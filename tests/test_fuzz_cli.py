"""Issue 10, point 9: the whole CLI, driven by random data folders, targets, options and git
histories, never ends in an internal error or a traceback.

`pytest` runs a modest number of examples; CI runs 10,000 more in a step of its own
(`PQP_FUZZ_CLI=10000`, see .ci/run). Each example writes a small data folder (or picks one of a
few git histories built once) and runs one command in-process.
"""

from __future__ import annotations

import atexit
import os
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

import typer.main
import typer.testing
from fuzzdata import Pick, data_files, history, targets_file, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pqp_cli.cli.app import app

EXAMPLES = int(os.environ.get("PQP_FUZZ_CLI", "80"))

_BASE = Path(tempfile.mkdtemp(prefix="pqp-fuzz-"))
atexit.register(shutil.rmtree, _BASE, True)
HISTORIES: list[Path] = []


def histories() -> list[Path]:
    if not HISTORIES and shutil.which("git"):
        HISTORIES.extend(history(seed, _BASE) for seed in range(4))
    return HISTORIES


REVS = [
    "v0",
    "v1",
    "v2",
    "HEAD",
    "dotdot",
    "submodule",
    "missing",
    "linkout",
    "linkin",
    "nope",
    "HEAD~1",
    "--x",
]
AS_OF = [
    "2023-06-30",
    "2023-06-30",
    "2024-12-31",
    "2022-01-01",
    "2023-06-30",
    "2023-06-30",
    "2021-01-01",
    "0001-01-01",
    "9999-12-31",
    "2025-12-31",
    "x",
    "2022-02-30",
]


def command(pick: Pick, root: Path, in_repo: bool) -> list[str]:
    what = pick(["status", "status", "validate", "explain", "report", "diff"])
    if what == "diff" and not in_repo:
        what = "status"
    args = [what]
    if what == "status":
        args += ["--format", pick(["table", "json", "csv", "markdown"])]
        args += pick([[], ["--projection"], ["--by", "year"], ["--by", "locality"], ["--strict"]])
    elif what == "validate":
        args += ["--format", pick(["text", "json", "github"])] + pick([[], ["--strict"]])
    elif what == "explain":
        args += [pick(["T10", "T21", "T1", "x"]), "--format", pick(["text", "json", "markdown"])]
    elif what == "report":
        args += [
            "-o",
            str(root / f"r.{pick(['html', 'md', 'xlsx', 'html', 'md', 'docx'])}"),
        ] + pick([[], ["--strict"]])
    else:
        args += [pick(REVS), *pick([[], [pick(REVS)]])]
        args += ["--format", pick(["text", "json", "markdown"])]
    args += ["--as-of", pick(AS_OF), "--lang", pick(["en", "vi"])]
    if what in ("status", "validate", "explain") and pick([True, True, False]):
        args.append("--no-cache")
    return args


def case(seed: int) -> tuple[Path | None, dict[str, bytes], bytes, list[str], str | None]:
    """One example from its seed: hypothesis draws seeds (cheap); a seed makes the rest."""
    pick: Pick = random.Random(seed).choice
    repos = histories()
    repo = pick(repos) if repos and pick([False, True]) else None
    files = {} if repo else data_files(pick)
    targets = b"" if repo else targets_file(pick)
    rev = pick(REVS) if repo and pick([True, False]) else None
    return repo, files, targets, command(pick, repo or _BASE / "work", repo is not None), rev


#: The click command built once: typer's runner would rebuild it from the app on every invoke
#: (~75% of an example's time), so it is lent the built one for the call.
COMMAND = typer.main.get_command(app)


def _invoke(args: list[str], env: dict[str, str]) -> Any:
    built = typer.testing._get_command  # type: ignore[attr-defined]
    typer.testing._get_command = lambda _app: COMMAND  # type: ignore[attr-defined]
    try:
        return CliRunner().invoke(app, args, env=env)
    finally:
        typer.testing._get_command = built  # type: ignore[attr-defined]


SEEN = {"examples": 0, "internal": 0}


@settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
)
@given(st.integers(0, 2**63))
def test_no_command_ever_ends_in_an_internal_error(seed: int) -> None:
    repo, files, targets, args, rev = case(seed)
    root = repo or _BASE / "work"
    if repo is None:
        write(root, files, targets)
    if rev is not None and args[0] in ("status", "explain", "report"):
        args += ["--rev", rev]
    if args[0] == "diff" and repo is None:
        args[1:2] = []  # not a repository: a clear exit 2
    args += ["--data", str(root / "data"), "--targets", str(root / "targets.yaml")]
    env = {
        "PQP_LANG": "",
        "NO_COLOR": "1",
        "XDG_CACHE_HOME": str(_BASE / "cache"),
        "GITHUB_STEP_SUMMARY": str(_BASE / "summary.md"),
    }
    result = _invoke(args, env)
    SEEN["examples"] += 1
    text = result.stdout + result.stderr
    ok = (result.exception is None or isinstance(result.exception, SystemExit)) and (
        result.exit_code in (0, 1, 2) and "internal error" not in text and "Traceback" not in text
    )
    if not ok:
        SEEN["internal"] += 1
    assert ok, (seed, args, files, targets, result.exit_code, text[-2000:], result.exception)
