"""The catalogue: every code pqp says (validate's problems, import's notes, stderr warnings)
with its severity, title, English and Vietnamese templates, and what documents it; and every
other text a user reads (errors that stop a command, headers, labels, summary lines), by key.

A message is named by its key, the code or `code/variant`; `texts(key, **params)` gives its
English and Vietnamese text. `Problem.of` (core/problems.py) and `Note.of` (importing/outcome.py)
build their values through it, and docs/problems.md is generated from `CATALOGUE`
(scripts/gen_problems_docs.py). `phrase(key, **params)` gives any other text in both languages
(`PqpError(*phrase("rev-unknown", rev=…))`), a date or a fraction as each language writes it; tests/test_catalogue.py fails when a pair of
texts is written anywhere else.
"""

from __future__ import annotations

import datetime as dt
import re

from pqp_cli.core.messages import (
    checking,
    errors,
    errors_import,
    errors_read,
    imports,
    outputs,
    reading,
    stderr,
    words,
)
from pqp_cli.core.messages.base import Entry, Family, Texts, fill, parameters
from pqp_cli.core.messages.labels import (
    fields_listed,
    kind_named,
    kind_word,
    noun,
    plain_field,
    record_field,
)
from pqp_cli.core.messages.localise import dated, localised, os_reason

__all__ = [
    "CATALOGUE",
    "Entry",
    "Family",
    "Texts",
    "code_of",
    "fill",
    "kind_named",
    "kind_word",
    "noun",
    "parameters",
    "phrase",
    "spoken",
    "PHRASES",
    "plain_field",
    "fields_listed",
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


#: Every other text by key: the words of the outputs, then the errors that stop a command.
PHRASES: dict[str, Texts] = {
    **words.WORDS,
    **outputs.TEXTS,
    **errors.ERRORS,
    **errors_read.ERRORS,
    **errors_import.ERRORS,
}


def phrase(key: str, /, **params: object) -> Texts:
    """Text `key` of `PHRASES` in English and Vietnamese, its parameters filled in (a `Texts`
    parameter in each language's own words, a date ISO in English and `dd/mm/yyyy` in
    Vietnamese)."""
    return fill(PHRASES[key], **{k: spoken(v) for k, v in params.items()})


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def spoken(value: object) -> object:
    """A parameter as each language writes it: a date (or its ISO text) ISO in English and
    `dd/mm/yyyy` in Vietnamese, a fraction with a decimal point in English and a decimal comma
    in Vietnamese, a system error by its reason in each; anything else as it is."""
    if isinstance(value, dt.date) or (isinstance(value, str) and _ISO_DAY.fullmatch(value)):
        return dated(value)
    if isinstance(value, float):
        return Texts(str(value), str(value).replace(".", ","))
    if isinstance(value, OSError):  # why the system refused: its reason in both languages
        return os_reason(value)
    return value
