"""The `pqp` Typer app; each command group lives in its own module and registers here."""

from __future__ import annotations

import sys

import typer

from pqp_cli import __version__
from pqp_cli.cli import interrupt
from pqp_cli.cli.common import fail, guess_lang
from pqp_cli.core.i18n import tr
from pqp_cli.core.notes import use_language
from pqp_cli.core.problems import PqpError

app = typer.Typer(
    name="pqp",
    help="Track a provincial productivity-and-quality plan (Decision 1322/QĐ-TTg) over YAML files.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pqp {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """pqp: where do we stand on each target, are we on pace, who counts and who is missing?"""
    use_language(guess_lang())  # the language of warnings said on stderr


def _register() -> None:
    from pqp_cli.cli import (
        diff_cmd,
        explain_cmd,
        import_cmd,
        init_cmd,
        report_cmd,
        schema_cmd,
        status_cmd,
        validate_cmd,
    )

    for module in (
        status_cmd,
        validate_cmd,
        explain_cmd,
        import_cmd,
        report_cmd,
        schema_cmd,
        init_cmd,
        diff_cmd,
    ):
        module.register(app)


_register()


_GLOBAL_OPTIONS = ("--data", "--targets", "--as-of", "--lang")
_LANG_ONLY = ("template", "schema", "init")  # commands that take --lang but read no data


def hoist_global_options(argv: list[str]) -> list[str]:
    """`pqp --data D status` means `pqp status --data D`: move shared options after the command."""
    alone = _without_lang(argv)
    if alone is not None:
        return alone
    moved: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in _GLOBAL_OPTIONS and i + 1 < len(argv):
            moved += argv[i : i + 2]
            i += 2
        elif arg.split("=", 1)[0] in _GLOBAL_OPTIONS and "=" in arg:
            moved.append(arg)
            i += 1
        else:
            break
    if not moved or i >= len(argv):
        return argv
    if argv[i] in _LANG_ONLY and any(m.split("=", 1)[0] != "--lang" for m in moved[::2]):
        return argv  # leave it to the usage error: this command reads no data
    return [argv[i], *moved, *argv[i + 1 :]]


def _without_lang(argv: list[str]) -> list[str] | None:
    """`pqp --lang vi` or `pqp --help --lang vi`: no command, so no --lang to give it (main
    has read the language already); the other options, or None when there is a command."""
    rest: list[str] = []
    i = 0
    while i < len(argv):
        if argv[i] == "--lang" and i + 1 < len(argv):
            i += 2
            continue
        if not argv[i].startswith("--lang="):
            rest.append(argv[i])
        i += 1
    if len(rest) == len(argv) or any(not arg.startswith("-") for arg in rest):
        return None
    return rest


def _refuse_a_closed_stream(lang: str) -> None:
    """Exit 2 when the process was started with its stdout or stderr closed (`pqp status >&-`):
    Python then makes the stream None, where `print` writes nothing, and an answer or a problem
    would be lost with exit 0. Said on the other stream when it is open."""
    for closed, other, key in (
        (sys.stdout, sys.stderr, "stdout_closed"),
        (sys.stderr, sys.stdout, "stderr_closed"),
    ):
        if closed is None:
            if other is not None:
                other.write(f"pqp: {tr(key, lang)}\n")
                other.flush()
            raise SystemExit(2)


def main() -> None:
    """Run the app; no traceback ever reaches a user, and Ctrl-C ends it in silence (130)."""
    interrupt.watch()
    lang = guess_lang()
    _refuse_a_closed_stream(lang)
    args = hoist_global_options(sys.argv[1:])
    try:
        if lang == "vi":  # help and usage errors in Vietnamese too
            from pqp_cli.cli import run_vi

            code = run_vi.run(app, args)
        else:
            app(args=args, prog_name="pqp", standalone_mode=True)
            code = 0
    except SystemExit as done:  # typer ends a KeyboardInterrupt with `Exit(130)` itself
        code = done.code if isinstance(done.code, int) else 1
        if code != 130 or not interrupt.pressed():
            raise
    except KeyboardInterrupt:
        raise interrupt.ended() from None
    except Exception as exc:
        if interrupt.pressed():  # a Ctrl-C a library let out as another error
            raise interrupt.ended() from None
        if isinstance(exc, PqpError):
            raise SystemExit(fail(exc, lang).exit_code) from None
        # a bug: say so plainly, never a traceback
        what = f"{type(exc).__name__}: {exc}"[:300]
        typer.echo(f"pqp: {tr('internal', lang, what=what)}", err=True)
        sys.exit(2)
    if code == 130 and interrupt.pressed():
        raise interrupt.ended()
    sys.exit(code)
