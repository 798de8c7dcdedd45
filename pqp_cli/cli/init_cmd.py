"""`pqp init DIR`: a new data folder and targets.yaml for another plan or province."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pqp_cli.cli.common import LangOpt, check_lang, fail
from pqp_cli.core.problems import PqpError, display_path

_NEXT = (
    "Next: fill in the lines marked 'ĐIỀN / FILL IN' in {targets}; then, from the folder "
    "{folder}, run `pqp validate` (see {readme}).",
    "Tiếp theo: điền các dòng ghi 'ĐIỀN / FILL IN' trong {targets}; rồi, trong thư mục "
    "{folder}, chạy `pqp validate` (xem {readme}).",
)
_WROTE = ("wrote", "đã ghi")
_KEPT = ("kept (already there)", "giữ nguyên (đã có)")
_GIT = {
    "created": ("made a git repository: git init", "đã tạo kho git: git init"),
    "inside": (
        "already inside a git repository: no git init",
        "đã nằm trong một kho git: không chạy git init",
    ),
    "no-git": (
        "git is not installed: no repository made; install git, then run `git init` there",
        "chưa cài git: chưa tạo kho; hãy cài git rồi chạy `git init` trong thư mục đó",
    ),
    "failed": (
        "git init failed: no repository made; run `git init` there",
        "git init không chạy được: chưa tạo kho; hãy chạy `git init` trong thư mục đó",
    ),
}


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
    vi = lang == "vi"
    for path in created.written:
        typer.echo(f"{_WROTE[vi]}: {display_path(path)}")
    for path in created.kept:
        typer.echo(f"{_KEPT[vi]}: {display_path(path)}")
    state = ensure_repository(folder)
    typer.echo(_GIT[state][vi], err=state in ("no-git", "failed"))
    typer.echo(
        _NEXT[vi].format(
            targets=display_path(folder / "targets.yaml"),
            folder=display_path(folder),
            readme=display_path(folder / "README.md"),
        )
    )


def register(app: typer.Typer) -> None:
    app.command("init")(init)
