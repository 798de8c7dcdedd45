"""`pqp diff REV1 [REV2]`: how each target's figure changed between two git revisions."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from pqp_cli.cli.common import (
    DEFAULT_DATA,
    DEFAULT_TARGETS,
    AsOfOpt,
    DataOpt,
    LangOpt,
    TargetsOpt,
    fail,
    locate,
    resolve,
    settings,
)
from pqp_cli.core.problems import PqpError

if TYPE_CHECKING:
    from pqp_cli.figures.documents import DiffDoc


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


_LEFT_OUT = (
    "note: at {where} the data has {errors} error(s); {records} record(s) and {files} file(s) "
    "are left out of its figures (run `pqp validate` there)",
    "lưu ý: ở {where} dữ liệu có {errors} lỗi; {records} bản ghi và {files} tệp bị loại khỏi "
    "số liệu (hãy chạy `pqp validate` ở đó)",
)


def _note_errors(doc: DiffDoc, lang: str, no_color: bool) -> None:
    from pqp_cli.render.console import stderr_console
    from pqp_cli.render.diff import side

    err = stderr_console(no_color)
    for end, found in ((doc.old, doc.old_problems), (doc.new, doc.new_problems)):
        if found.errors:
            text = _LEFT_OUT[1 if lang == "vi" else 0].format(
                where=side(end, lang),
                errors=found.errors,
                records=found.records_left_out,
                files=found.files_left_out,
            )
            err.print(f"pqp: {text}", style="yellow", markup=False)


def diff(
    rev1: Annotated[str, typer.Argument(help="The earlier revision (commit, tag, branch).")],
    rev2: Annotated[
        str | None,
        typer.Argument(
            help="The later revision; the working tree when left out.", show_default=False
        ),
    ] = None,
    data: DataOpt = DEFAULT_DATA,
    targets: TargetsOpt = DEFAULT_TARGETS,
    as_of: AsOfOpt = None,
    lang: LangOpt = "en",
    fmt: Annotated[
        Format, typer.Option("--format", help="text, json or markdown (for a pull request).")
    ] = Format.text,
) -> None:
    """Each target's change between two git revisions, and who entered or left its count."""
    from pqp_cli import api

    try:
        opts = resolve(*locate(data, targets), as_of, lang)
        doc = api.diff(
            before=rev1,
            after=rev2,
            data=opts.data,
            targets=opts.targets,
            as_of=opts.as_of,
            lang=opts.lang,
            settings=settings(),
        )
    except PqpError as err:
        raise fail(err, lang) from None
    _note_errors(doc, opts.lang, settings().no_color)
    typer.echo(api.render_diff(doc, fmt=fmt.value), nl=False)


def register(app: typer.Typer) -> None:
    app.command("diff")(diff)
