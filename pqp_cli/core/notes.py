"""Warnings said on stderr outside a command's own output, in the language asked for.

The texts are the catalogue's (`core/messages`, family `stderr`). The language is the
caller's: `warn(..., lang=)`, else the one the command line chose with `use_language` (English
for a library caller that chose none). This module never reads the environment or argv.
"""

from __future__ import annotations

import sys

from pqp_cli.core.messages import Texts, phrase, texts

_language = "en"


def use_language(lang: str) -> None:
    """The language of warnings whose caller names none (the command line sets it once)."""
    global _language
    _language = "vi" if lang == "vi" else "en"


def language() -> str:
    """The language `use_language` chose: `vi` or `en`."""
    return _language


def warn(key: str, lang: str | None = None, **params: object) -> None:
    """`pqp: warning: …` on stderr: catalogue message `key` with `params` (which should show
    names through `pathtext.shown`)."""
    say(texts(key, **params), lang)


def say(message: Texts, lang: str | None = None) -> None:
    """A warning already rendered from the catalogue (kept, say, with a revision's files)."""
    print(phrase("warning_prefix", message=message).text(lang or _language), file=sys.stderr)
