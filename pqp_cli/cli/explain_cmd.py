"""`pqp explain TARGET`: who counts, by which records, and who is still missing."""

from __future__ import annotations

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
    locate,
    resolve,
    settings,
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
    from pqp_cli import api

    env = settings()
    try:
        opts = resolve(*locate(data, targets), as_of, lang)
        project = load(opts, rev=rev, no_cache=no_cache, env=env)
        doc = api.explain(project, target=target, as_of=opts.as_of, lang=opts.lang)
    except PqpError as err:
        raise fail(err, lang) from None
    report_problems(project, opts.lang, strict=False, no_color=env.no_color)
    typer.echo(api.render_explain(doc, fmt=fmt.value), nl=False)


def register(app: typer.Typer) -> None:
    app.command("explain")(explain)
