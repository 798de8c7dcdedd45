"""`pqp explain TARGET`: who counts, by which records, and who is still missing."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer

from pqp_cli.cli.common import (
    DEFAULT_DATA,
    DEFAULT_TARGETS,
    AsOfOpt,
    DataOpt,
    LangOpt,
    NoCacheOpt,
    RevOpt,
    TargetsOpt,
    fail,
    load,
    resolve,
    use_revision,
)
from pqp_cli.cli.status_cmd import report_problems
from pqp_cli.core.problems import PqpError


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


def explain(
    target: Annotated[str, typer.Argument(help="Target id, e.g. T3.")],
    data: DataOpt = DEFAULT_DATA,
    targets: TargetsOpt = DEFAULT_TARGETS,
    as_of: AsOfOpt = None,
    lang: LangOpt = "en",
    rev: RevOpt = None,
    no_cache: NoCacheOpt = False,
    fmt: Annotated[Format, typer.Option("--format", help="text, json or markdown.")] = Format.text,
) -> None:
    """The establishments (or experts, units) counted for a target and those still missing."""
    from pqp_cli.figures.explain import explain as explain_target
    from pqp_cli.render import explain as render

    try:
        data, targets = use_revision(rev, data, targets)
        opts = resolve(data, targets, as_of, lang)
        project = load(opts, no_cache=no_cache)
        doc = explain_target(project.require_plan(), project.dataset, target, opts.as_of, opts.lang)
    except PqpError as err:
        raise fail(err, lang) from None
    report_problems(project, opts.lang, strict=False)
    if fmt is Format.json:
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        tablefmt = "github" if fmt is Format.markdown else "simple"
        typer.echo(render.to_text(doc, opts.lang, tablefmt), nl=False)


def register(app: typer.Typer) -> None:
    app.command("explain")(explain)
