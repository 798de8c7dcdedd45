"""Two ways to read YAML for JSON Schema checks: as pqp reads it, and as an editor does.

* `TextLoader` — PyYAML's (C)BaseLoader: every scalar text (YAML 1.1 implicit typing off, as
  docs/contract.md §2 says), with a plain empty value, `~` or `null` read as absent, as pqp reads them;
* `Yaml12Loader` — the YAML 1.2 core schema that yaml-language-server (VS Code) applies:
  `true` a boolean, `400` and `0101234567` numbers, dates plain strings.

Not `yaml.safe_load`: it is YAML 1.1, which makes dates `datetime.date` objects (no JSON type,
so no JSON Schema can accept them), `No` a boolean and `0101234567` an octal number — neither
what pqp reads nor what an editor shows.
"""

from __future__ import annotations

import re

import yaml

_NULLS = ("", "~", "null", "Null", "NULL")

#: libyaml's parser where PyYAML has it (as pqp does): the same values as PyYAML's Python parser
#: (checked on the whole sample; only a plain scalar's style differs, "" for None), read ten
#: times quicker; the constructors and the resolvers, which make the two views, are the Python
#: ones either way.
_BASE = yaml.CBaseLoader if yaml.__with_libyaml__ else yaml.BaseLoader
_SAFE = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader


class TextLoader(_BASE):  # type: ignore[misc,valid-type]
    """Scalars as text, as pqp's reader gives them; a plain empty/`~`/`null` is absent."""


def _text_scalar(loader: TextLoader, node: yaml.ScalarNode) -> str | None:
    value = loader.construct_scalar(node)
    plain = node.style in (None, "")  # PyYAML's parser says None, libyaml's ""
    return None if plain and value in _NULLS else value


TextLoader.add_constructor("tag:yaml.org,2002:str", _text_scalar)


class Yaml12Loader(_SAFE):  # type: ignore[misc,valid-type]
    """The YAML 1.2 core schema (what yaml-language-server types), not PyYAML's YAML 1.1."""


def _int12(loader: Yaml12Loader, node: yaml.ScalarNode) -> int:
    text = str(loader.construct_scalar(node))
    return int(text, 0) if text[:2] in ("0o", "0x") else int(text)


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in (
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
):
    Yaml12Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_regexp), _first)
Yaml12Loader.add_constructor("tag:yaml.org,2002:int", _int12)

LOADERS = {"as pqp reads it": TextLoader, "as an editor reads it": Yaml12Loader}
