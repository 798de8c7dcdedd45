"""The catalogue: every code pqp says (validate's problems, import's notes, stderr warnings)
with its severity, title, English and Vietnamese templates, and what documents it.

A message is named by its key, the code or `code/variant`; `texts(key, **params)` gives its
English and Vietnamese text. `Problem.of` (core/problems.py) and `Note.of` (importing/outcome.py)
build their values through it, and docs/problems.md is generated from `CATALOGUE`
(scripts/gen_problems_docs.py).
"""

from __future__ import annotations

from pqp_cli.core.messages import checking, imports, reading, stderr
from pqp_cli.core.messages.base import Entry, Family, Texts, fill, parameters
from pqp_cli.core.messages.labels import noun, plain_field, record_field
from pqp_cli.core.messages.localise import localised

__all__ = [
    "CATALOGUE",
    "Entry",
    "Family",
    "Texts",
    "code_of",
    "fill",
    "noun",
    "parameters",
    "plain_field",
    "record_field",
    "template",
    "texts",
]

#: Code → its entry, in the order the documentation lists them.
CATALOGUE: dict[str, Entry] = {
    e.code: e for e in [*reading.ENTRIES, *checking.ENTRIES, *imports.ENTRIES, *stderr.ENTRIES]
}


def code_of(key: str) -> str:
    """`unknown-field/hint` → `unknown-field`."""
    return key.partition("/")[0]


def template(key: str) -> Texts:
    """The English and Vietnamese templates of message `key` (KeyError when there is none)."""
    code, _, variant = key.partition("/")
    return CATALOGUE[code].messages[variant]


def texts(key: str, /, **params: object) -> Texts:
    """Message `key` in English and Vietnamese, its parameters filled in."""
    return fill(template(key), **localised(key, params))
