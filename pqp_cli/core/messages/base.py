"""The catalogue's building blocks: a text in both languages, a code's entry, and rendering.

A template is a `str.format` string with named parameters; the English and Vietnamese
templates of one message take the same parameters (a test checks it). A parameter's value is
shown as is in both languages, unless it is a `Texts`: then each language gets its own text
(a kind's noun, a field's name, or a part of a message built from another template).
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

#: Where a code is said: `pqp validate`'s problems, `pqp import`'s notes, or stderr warnings.
Family = Literal["problem", "import", "stderr"]


class Texts(NamedTuple):
    """One text in English and Vietnamese (a template, or a message rendered from one)."""

    en: str
    vi: str

    def text(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


@dataclass(frozen=True)
class Entry:
    """One code: how severe, what it is called, its messages, and what documents it.

    `messages` maps a variant ("" for the plain one) to its templates; a message's key is the
    code, or `code/variant`. `example` is what triggers it (a few lines of YAML or sheet),
    `sample` the parameters of message `shown` for it, as the documentation shows it.
    """

    code: str
    family: Family
    severity: str
    title: Texts
    meaning: str
    example: str
    fix: str
    messages: dict[str, Texts]
    sample: dict[str, object] = field(default_factory=dict)
    shown: str = ""  # the variant `sample` fills in


def render(template: str, lang: str, params: dict[str, object]) -> str:
    """`template` with each parameter shown in `lang` (a `Texts` value in its own language)."""
    shown = {k: v.text(lang) if isinstance(v, Texts) else v for k, v in params.items()}
    return template.format(**shown)


def fill(template: Texts, /, **params: object) -> Texts:
    """`template` rendered in both languages."""
    return Texts(render(template.en, "en", params), render(template.vi, "vi", params))


def parameters(template: str) -> set[str]:
    """The names of a template's parameters (`{name}`, `{name!r}`, `{name:02x}` → `name`)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
