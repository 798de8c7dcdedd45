"""`pqp init DIR`: a new data folder and targets.yaml for another plan or province."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pqp_cli.cli.common import LangOpt, check_lang, fail
from pqp_cli.core.i18n import tr
from pqp_cli.core.problems import PqpError, display_path


def init(
    folder: Annotated[Path, typer.Argument(help="The folder to create (or fill in).")],
    plan_id: Annotated[
        str | None,
        typer.Option("--plan-id", help="The plan's id; default pqp-START-END (years)."),
    ] = None,
    start: Annotated[
        str | None, typer.Option("--start", help="First day of the plan (default 2026-01-01).")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--end", help="Last day of the plan (default 2030-12-31).")
    ] = None,
    authority: Annotated[
        str | None,
        typer.Option("--authority", help="Who issued the plan, e.g. 'UBND tỉnh Thanh Hóa'."),
    ] = None,
    lang: LangOpt = "en",
) -> None:
    """A new data folder, a git repository (unless already inside one): targets.yaml to fill
    in, empty record files, README, CI and hooks."""
    from pqp_cli.scaffold.gitinit import ensure_repository
    from pqp_cli.scaffold.initdata import init_folder

    try:
        lang = check_lang(lang)
        created = init_folder(
            folder=folder, plan_id=plan_id, start=start, end=end, authority=authority
        )
    except PqpError as err:
        raise fail(err, lang) from None
    for path in created.written:
        typer.echo(tr("init_wrote", lang, path=display_path(path)))
    for path in created.kept:
        typer.echo(tr("init_kept", lang, path=display_path(path)))
    state = ensure_repository(folder)
    typer.echo(tr(f"git_{state}", lang), err=state in ("no-git", "failed"))
    typer.echo(
        tr(
            "init_next",
            lang,
            targets=display_path(folder / "targets.yaml"),
            folder=display_path(folder),
            readme=display_path(folder / "README.md"),
        )
    )


def register(app: typer.Typer) -> None:
    app.command("init")(init)
