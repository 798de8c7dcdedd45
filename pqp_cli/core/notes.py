"""Warnings said on stderr outside a command's own output, in the language asked for."""

from __future__ import annotations

import os
import sys


def language() -> str:
    """`vi` or `en`: `--lang vi` or `--lang=vi` on the command line, else PQP_LANG."""
    lang = "vi" if os.environ.get("PQP_LANG", "").strip().lower() == "vi" else "en"
    argv = sys.argv[1:]
    for at, arg in enumerate(argv):
        value = None
        if arg == "--lang" and at + 1 < len(argv):
            value = argv[at + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        if value is not None:
            lang = "vi" if value.strip().lower() == "vi" else "en"
    return lang


def warn(en: str, vi: str, lang: str | None = None) -> None:
    """`pqp: warning: …` on stderr (the message should show names through `pathtext.shown`)."""
    if (lang or language()) == "vi":
        print(f"pqp: cảnh báo: {vi}", file=sys.stderr)
    else:
        print(f"pqp: warning: {en}", file=sys.stderr)
