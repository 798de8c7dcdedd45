"""`pqp init DIR`: a new data repository for another province or the next plan.

Layout (pqp's defaults, so every command works when run from DIR):

    DIR/targets.yaml              the plan and its six targets, placeholders marked FILL IN
    DIR/data/<kind>.yaml          one empty record file per kind (more may go in data/<kind>/)
    DIR/schemas/*.schema.json     JSON Schemas, for editors (`pqp schema -o schemas` refreshes)
    DIR/.vscode/                  settings tying the schemas to the files; the YAML extension
    DIR/README.md                 for the data team, in Vietnamese and English
    DIR/.pre-commit-config.yaml   `pqp validate` before each commit
    DIR/.github/workflows/pqp.yml `pqp validate` and the figures on every push and pull request
    DIR/.gitignore

Files that already exist are kept, never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

from pqp_cli.core.fileio import replace_file
from pqp_cli.core.messages import Texts, phrase
from pqp_cli.core.models import ID_PATTERN, KINDS
from pqp_cli.core.problems import PqpError
from pqp_cli.core.text import parse_date
from pqp_cli.scaffold.initfiles import (
    DATA_FILE,
    EXAMPLES,
    GITIGNORE,
    KIND_LABELS,
    PRE_COMMIT_CONFIG,
    README,
    TARGETS,
    WORKFLOW,
)
from pqp_cli.scaffold.schema import NAMES, dumps, file_name, schema

DEFAULT_START = dt.date(2026, 1, 1)
DEFAULT_END = dt.date(2030, 12, 31)


@dataclass(frozen=True, kw_only=True)
class Seed:
    """What `pqp init` fills in: the plan's id, period and issuing authority."""

    plan_id: str
    start: dt.date
    end: dt.date
    authority: str | None = None


@dataclass
class Created:
    """What `create` did: the files it wrote, and those it kept as they were."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def _date(text: str | None, default: dt.date, option: str) -> dt.date:
    if text is None:
        return default
    day = parse_date(text)  # as --as-of and --date: ISO or day first (`01/01/2026`)
    if day is None:
        raise PqpError(*phrase("init-bad-date", option=option, value=Texts(text, text)))
    return day


def make_seed(
    plan_id: str | None, start: str | None, end: str | None, authority: str | None
) -> Seed:
    """Check the options of `pqp init`; a bad one is a usage error (exit 2)."""
    first = _date(start, DEFAULT_START, "--start")
    last = _date(end, DEFAULT_END, "--end")
    if last <= first:
        raise PqpError(*phrase("init-end-first", start=first, end=last))
    plan_id = (plan_id or f"pqp-{first.year}-{last.year}").strip()
    if not re.match(ID_PATTERN, plan_id):
        raise PqpError(*phrase("init-bad-plan-id", value=plan_id))
    authority = " ".join((authority or "").split()) or None
    return Seed(plan_id=plan_id, start=first, end=last, authority=authority)


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def targets_text(seed: Seed) -> str:
    years = f"{seed.start.year}-{seed.end.year}"
    authority = (
        f"authority: {_quoted(seed.authority)}"
        if seed.authority
        else "# authority: UBND tỉnh ...   # ĐIỀN / FILL IN: cơ quan ban hành / issuing authority"
    )
    return Template(TARGETS).safe_substitute(
        plan_id=seed.plan_id,
        years=years,
        start=seed.start.isoformat(),
        end=seed.end.isoformat(),
        authority=authority,
    )


def _vscode_settings() -> str:
    mapping = {f"./schemas/{file_name('targets')}": ["targets.yaml"]}
    for kind in KINDS:
        mapping[f"./schemas/{file_name(kind)}"] = [
            f"data/{kind}.yaml",
            f"data/{kind}/**/*.yaml",
            f"data/{kind}/**/*.yml",
        ]
    settings = {"yaml.schemas": mapping, "files.encoding": "utf8", "files.eol": "\n"}
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def scaffold(seed: Seed) -> dict[str, str]:
    """Every file `pqp init` writes: path relative to DIR → text."""
    files = {
        "targets.yaml": targets_text(seed),
        "README.md": README,
        ".pre-commit-config.yaml": PRE_COMMIT_CONFIG,
        ".github/workflows/pqp.yml": WORKFLOW,
        ".gitignore": GITIGNORE,
        ".vscode/settings.json": _vscode_settings(),
        ".vscode/extensions.json": '{\n  "recommendations": ["redhat.vscode-yaml"]\n}\n',
    }
    for kind in KINDS:
        en, vi = KIND_LABELS[kind]
        files[f"data/{kind}.yaml"] = Template(DATA_FILE).safe_substitute(
            kind=kind, en=en, vi=vi, example=EXAMPLES[kind]
        )
    for name in NAMES:
        files[f"schemas/{file_name(name)}"] = dumps(schema(name))
    return files


def create(folder: Path, seed: Seed) -> Created:
    """Write the scaffold into `folder`, keeping any file that is already there."""
    if folder.exists() and not folder.is_dir():
        raise PqpError(*phrase("init-not-a-folder", path=folder))
    done = Created()
    try:
        for relative, text in scaffold(seed).items():
            path = folder / relative
            if path.exists():
                done.kept.append(path)
                continue
            replace_file(path, text.encode("utf-8"), make_folder=True)
            done.written.append(path)
    except OSError as exc:
        raise PqpError(*phrase("init-cannot-write", path=folder, why=exc)) from None
    return done


def init_folder(
    *,
    folder: Path,
    plan_id: str | None = None,
    start: str | None = None,
    end: str | None = None,
    authority: str | None = None,
) -> Created:
    """`pqp init FOLDER`: check the options as the command line gives them (dates as
    YYYY-MM-DD text; the defaults a plan 2026-2030 with id `pqp-2026-2030`), then write the
    scaffold into `folder`, keeping every file already there. Raises PqpError (exit 2) for a
    bad option or a folder that cannot be written."""
    return create(folder, make_seed(plan_id, start, end, authority))
