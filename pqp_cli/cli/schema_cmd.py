"""`pqp schema [KIND] [-o DIR]`: JSON Schema of the record files and targets.yaml."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from pqp_cli.cli.common import LangOpt, check_lang, fail
from pqp_cli.core.problems import PqpError, display_path

#: `pqp_cli.scaffold.schema.NAMES`, spelled out so that `pqp --help` imports no pydantic (a test checks).
NAMES = ("enterprises", "trainings", "certifications", "experts", "units", "targets")

SchemaName = Enum("SchemaName", {name: name for name in NAMES}, type=str)  # type: ignore[misc]


def schema(
    kind: Annotated[
        SchemaName | None,
        typer.Argument(
            help="A record kind, or `targets` for targets.yaml; all of them when left out.",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", help="Write <name>.schema.json into this folder instead of printing."
        ),
    ] = None,
    lang: LangOpt = "en",
) -> None:
    """JSON Schema (draft 2020-12) of a record kind or targets.yaml, for editors and CI."""
    from pqp_cli.scaffold.schema import schema_text, write_schemas

    name = kind.value if kind is not None else None
    try:
        lang = check_lang(lang)
        if out is not None:
            for path in write_schemas(out, (name,) if name is not None else NAMES):
                typer.echo(display_path(path))
            return
    except PqpError as err:
        raise fail(err, lang) from None
    typer.echo(schema_text(name), nl=False)


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)
