"""`pqp validate`: every problem in the data and the targets file."""

from __future__ import annotations

import dataclasses
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from pqp_cli.cli.common import (
    DEFAULT_DATA,
    DEFAULT_TARGETS,
    AsOfOpt,
    DataOpt,
    LangOpt,
    NoCacheOpt,
    TargetsOpt,
    fail,
    load,
    locate,
    resolve,
    settings,
)
from pqp_cli.core.problems import PqpError


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def validate(
    data: DataOpt = DEFAULT_DATA,
    targets: TargetsOpt = DEFAULT_TARGETS,
    as_of: AsOfOpt = None,
    lang: LangOpt = "en",
    no_cache: NoCacheOpt = False,
    fmt: Annotated[Format, typer.Option("--format", help="text, json or github.")] = Format.text,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
) -> None:
    """Report every problem in the data and targets.yaml (exit 1 on errors)."""
    from pqp_cli.render import problems as render

    env = dataclasses.replace(settings(), reads_records=False)  # the problems only
    try:
        opts = resolve(*locate(data, targets), as_of, lang)
        project = load(opts, no_cache=no_cache, env=env)
    except PqpError as err:
        raise fail(err, lang) from None
    problems = project.problems
    if fmt is Format.json:
        typer.echo(render.to_json(problems, opts.lang), nl=False)
    elif fmt is Format.github:
        typer.echo(render.to_github(problems, opts.lang), nl=False)
        _append_summary(render.step_summary(problems, opts.lang), env.step_summary)
    else:
        typer.echo(render.to_text(problems, opts.lang), nl=False)
    failed = project.errors > 0 or (strict and project.warnings > 0)
    raise typer.Exit(1 if failed else 0)


def _append_summary(markdown: str, path: Path | None) -> None:
    """The step summary GitHub Actions shows (`GITHUB_STEP_SUMMARY`), when there is one."""
    if path is not None:
        with path.open("a", encoding="utf-8") as fh:
            fh.write(markdown)


def register(app: typer.Typer) -> None:
    app.command("validate")(validate)
