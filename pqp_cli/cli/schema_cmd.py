"""`pqp schema [KIND] [-o DIR]`: JSON Schema of the record files and targets.yaml."""

from __future__ import annotations

import json
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
    from pqp_cli.scaffold import schema as schemas

    names = (kind.value,) if kind is not None else NAMES
    try:
        lang = check_lang(lang)
        if out is not None:
            for path in _write(out, names):
                typer.echo(display_path(path))
            return
    except PqpError as err:
        raise fail(err, lang) from None
    if kind is not None:
        typer.echo(schemas.dumps(schemas.schema(kind.value)), nl=False)
    else:
        bundle = {schemas.file_name(n): schemas.schema(n) for n in names}
        typer.echo(json.dumps(bundle, ensure_ascii=False, indent=2))


def _write(out: Path, names: tuple[str, ...]) -> list[Path]:
    from pqp_cli.scaffold.schema import write_schemas

    try:
        return write_schemas(out, names)
    except OSError as exc:
        where = display_path(out)
        raise PqpError(
            f"cannot write the schemas into {where}: {exc.strerror}",
            f"không ghi được lược đồ vào {where}: {exc.strerror}",
        ) from None


def register(app: typer.Typer) -> None:
    app.command("schema")(schema)
