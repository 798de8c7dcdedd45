"""Running the app in Vietnamese: help texts, usage lines and usage errors.

click (vendored in typer as `typer._click`) writes its help frame and its usage errors in
English only. Under `--lang vi` or `PQP_LANG=vi` the app's click command tree is given the
Vietnamese help (`help_vi`), a help formatter that writes the frame in Vietnamese, and runs
with `standalone_mode=False` so that a usage error comes back here and is said in Vietnamese.
English runs never load this module (start-up stays light).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import typer
from typer._click import exceptions as errors
from typer._click.core import Command, Context
from typer._click.formatting import HelpFormatter

from pqp_cli.core.messages import help_vi
from pqp_cli.core.messages.help_vi import PARAMETER_KINDS, USAGE_ERRORS


class ViFormatter(HelpFormatter):
    """click's help formatter, writing its own words ("Usage:", "Options", "[default: …]")
    in Vietnamese before it wraps the lines."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, vietnamese in help_vi.USAGE_PIECES.items():
            args = args.replace(english, vietnamese)
        super().write_usage(prog, args, help_vi.USAGE if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(help_vi.HEADINGS.get(heading, heading))

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        super().write_dl(
            [(_types(name), _extras(text)) for name, text in rows], col_max, col_spacing
        )


def _types(name: str) -> str:
    """`--data <path>` → `--data <đường_dẫn>`: the value's kind, not the option's name."""
    for english, vietnamese in help_vi.TYPES.items():
        name = name.replace(english, vietnamese)
    return name


_EXTRA = re.compile(r"\[([^\[\]]*)\]$")


def _extras(text: str) -> str:
    """The bracketed tail of an option's help (`[env var: X; default: Y; required]`)."""
    found = _EXTRA.search(text)
    if found is None:
        return text
    parts = []
    for part in found.group(1).split("; "):
        for english, vietnamese in help_vi.EXTRAS.items():
            if part.startswith(english):
                part = vietnamese + part[len(english) :]
        parts.append(help_vi.REQUIRED[1] if part == help_vi.REQUIRED[0] else part)
    return f"{text[: found.start()]}[{'; '.join(parts)}]"


class ViContext(Context):
    formatter_class = ViFormatter


def localize(command: Command, name: str = "") -> None:
    """Give `command` (and its subcommands) the Vietnamese help; an English text with no
    translation is left as it is (tests/test_help_vi.py catches it)."""
    command.context_class = ViContext
    text = help_vi.COMMANDS.get(name)
    if text is not None:
        command.help = text  # the list of commands shows its start, as in English
    ctx = ViContext(command, info_name=name or "pqp")
    help_option = command.get_help_option(ctx)
    for param in [*command.params, *([help_option] if help_option else [])]:
        if param.name is None:
            continue
        translated = help_vi.help_for(name, param.name)
        if translated is not None and hasattr(param, "help"):
            param.help = translated
        if param.param_type_name == "argument" and param.name in help_vi.ARGUMENTS:
            param.metavar = help_vi.ARGUMENTS[param.name]
    subcommands: dict[str, Command] = getattr(command, "commands", {})  # a group's
    for sub_name, sub in subcommands.items():
        localize(sub, sub_name)


def run(app: typer.Typer, args: list[str]) -> int:
    """Run `app` in Vietnamese; the exit code. A PqpError or a bug goes up to the caller."""
    command = typer.main.get_command(app)
    localize(command)
    try:
        result: Any = command.main(args=args, prog_name="pqp", standalone_mode=False)
    except errors.NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help(), err=True)
        return exc.exit_code
    except errors.UsageError as exc:
        _show(exc)
        return exc.exit_code
    except errors.ClickException as exc:
        typer.echo(USAGE_ERRORS["error"].format(message=_message(exc)), err=True)
        return exc.exit_code
    except typer.Abort:
        typer.echo(USAGE_ERRORS["aborted"], err=True)
        return 1
    return result if isinstance(result, int) else 0


def _show(exc: errors.UsageError) -> None:
    """What click's `UsageError.show` writes, in Vietnamese."""
    ctx = exc.ctx
    if ctx is not None:
        hint = ""
        if ctx.command.get_help_option(ctx) is not None:
            option = ctx.help_option_names[0]
            hint = USAGE_ERRORS["see_help"].format(command=ctx.command_path, option=option)
        typer.echo(f"{ctx.get_usage()}\n{hint}", err=True)
    typer.echo(USAGE_ERRORS["error"].format(message=_message(exc)), err=True)


def _message(exc: errors.ClickException) -> str:
    """The Vietnamese for a usage error, from its kind and its parts (never click's English)."""
    if isinstance(exc, errors.NoSuchOption):
        text = USAGE_ERRORS["no_such_option"].format(option=exc.option_name)
        if exc.possibilities:
            names = ", ".join(sorted(exc.possibilities))
            text += USAGE_ERRORS["did_you_mean"].format(names=names)
        return text
    if isinstance(exc, errors.MissingParameter):
        return _missing(exc)
    if isinstance(exc, errors.BadParameter):
        return USAGE_ERRORS["bad_value"].format(hint=_hint(exc), reason=_reason(exc.message))
    return _known(exc.message)


def _hint(exc: errors.BadParameter) -> str:
    if exc.param_hint is not None:
        hint = exc.param_hint
        return hint if isinstance(hint, str) else " / ".join(repr(x) for x in hint)
    return exc.param.get_error_hint() if exc.param is not None else ""


def _missing(exc: errors.MissingParameter) -> str:
    kind = exc.param_type or (exc.param.param_type_name if exc.param else "parameter")
    named = PARAMETER_KINDS.get(kind, PARAMETER_KINDS["parameter"])
    text = USAGE_ERRORS["missing"].format(kind=named, hint=_hint(exc)).rstrip() + "."
    choices = getattr(exc.param, "type_descriptor", None)
    values = getattr(choices, "choices", None) if getattr(choices, "is_choice", False) else None
    if values:
        text += USAGE_ERRORS["choose_one"] + ",\n\t".join(_value(v) for v in values)
    return text


def _value(choice: Any) -> str:
    return str(getattr(choice, "value", choice))


#: click's and typer's messages inside an error, as patterns → their Vietnamese.
_REASONS = tuple((re.compile(p, re.S), vi) for p, vi in help_vi.REASONS)


def _reason(message: str) -> str:
    """Why a value was refused; an English reason with no translation is not shown."""
    for pattern, vietnamese in _REASONS:
        if pattern.match(message):
            return pattern.sub(vietnamese, message)
    if not message.isascii():  # pqp's own checks already speak Vietnamese
        return message
    return USAGE_ERRORS["bad_value_here"]


def _known(message: str) -> str:
    for pattern, vietnamese in _REASONS:
        if pattern.match(message):
            return pattern.sub(vietnamese, message)
    return message if not message.isascii() else USAGE_ERRORS["bad_usage"]
