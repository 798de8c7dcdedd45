"""Write docs/problems.md from the catalogue (pqp_cli/core/messages), so the reference of
every code pqp says cannot drift from the messages it gives.

    python scripts/gen_problems_docs.py          # rewrite docs/problems.md
    python scripts/gen_problems_docs.py --check  # exit 1 if docs/problems.md is stale (CI)

tests/test_catalogue.py runs the check.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "problems.md"
sys.path.insert(0, str(ROOT))

from pqp_cli.core.messages import CATALOGUE, Entry, parameters  # noqa: E402
from pqp_cli.core.messages.base import render as fill_in  # noqa: E402

HEADER = """\
# Problems and notes: every code pqp says

<!-- Generated from the catalogue (pqp_cli/core/messages) by scripts/gen_problems_docs.py:
     do not edit by hand. Regenerate with `python scripts/gen_problems_docs.py`;
     tests/test_catalogue.py fails when this file is stale. -->

Each code below is what `pqp validate` prints in brackets (`FILE:LINE: error [CODE] MESSAGE`),
what `pqp import` reports about a sheet, or a warning said on stderr. A message has an English
and a Vietnamese text (`--lang vi`); where a code has several messages, each is listed with its
parameters in braces (a few rows are parts, such as a hint, that another message of the code
takes as a parameter). Every message of `pqp validate` names the record and the field.
"""

_SECTIONS = {
    "problem": "Problems in the data (`pqp validate`)",
    "import": "Notes of `pqp import`",
    "stderr": "Warnings on stderr",
}


def _example(entry: Entry) -> list[str]:
    return ["", "Example:", "", "```", *entry.example.splitlines(), "```"]


def _sample(entry: Entry) -> list[str]:
    """The message the example gives, as a user sees it."""
    template = entry.messages[entry.shown]
    if not parameters(template.en) <= set(entry.sample):
        return []
    en, vi = fill_in(template.en, "en", entry.sample), fill_in(template.vi, "vi", entry.sample)
    name = f" (`{entry.code}/{entry.shown}`)" if entry.shown else ""
    return ["", f"It says{name}:", "", f"- en: {en}", f"- vi: {vi}"]


def _templates(entry: Entry) -> list[str]:
    lines = ["", "| message | English | Tiếng Việt |", "|---|---|---|"]
    for variant, template in entry.messages.items():
        key = f"{entry.code}/{variant}" if variant else entry.code
        en, vi = (f"`{t}`".replace("|", "\\|") for t in template)
        lines.append(f"| `{key}` | {en} | {vi} |")
    return lines


def _entry(entry: Entry) -> list[str]:
    lines = [
        f"### `{entry.code}`",
        "",
        f"**{entry.title.en}** · *{entry.title.vi}* · severity: {entry.severity}",
        "",
        entry.meaning,
        *_example(entry),
        *_sample(entry),
        *_templates(entry),
        "",
        f"Fix: {entry.fix}",
        "",
    ]
    return lines


def render() -> str:
    parts = [HEADER]
    for family, title in _SECTIONS.items():
        entries = [e for e in CATALOGUE.values() if e.family == family]
        parts += [f"## {title}", ""]
        parts += [", ".join(f"[`{e.code}`](#{e.code})" for e in entries), ""]
        for entry in entries:
            parts += _entry(entry)
    return "\n".join(parts).rstrip("\n") + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is stale: run python scripts/gen_problems_docs.py")
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
