"""Validators for records whose text a reader cleaned whole (`models.cleaned_text`): the
models' own validation with its Python steps that do nothing there taken out.

Under `cleaned_text()` the models' text step gives each value back unchanged, yet pydantic
calls it, and the length and pattern checks it wraps, from Rust into Python for every text
field: three calls a field, a third of a record's validation. The schemas built here leave
those checks to pydantic's own string validator and call the trusted forms of the other
steps (`models.TRUSTED_STEPS`). They accept exactly what the models accept under
`cleaned_text()` and build the same instances; a record they refuse is validated again by
its model, so every message stays the model's own (`tests/test_cold_validation.py`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel
from pydantic_core import SchemaValidator

from pqp_cli.core.models import MODELS, TRUSTED_STEPS

_FUNCTIONS = ("function-before", "function-after", "function-wrap")
#: pydantic's wrapper that only re-words a type error around a constraint on text.
_CONSTRAINT_WRAP = "_apply_constraint_with_incompatibility_info"


def trusted_validator(model: type[BaseModel]) -> Callable[[Any], Any]:
    """`model`'s validation of a record whose every text is clean and control-free."""
    schema = model.__pydantic_core_schema__
    config = schema.get("config")
    try:  # not pydantic's prebuilt validator of the class: the whole schema, as rewritten
        validator = SchemaValidator(_trusting(schema), config, _use_prebuilt=False)
    except TypeError:  # a pydantic-core that has no prebuilt validators (nor this option)
        validator = SchemaValidator(_trusting(schema), config)
    return validator.validate_python


@functools.cache
def trusted(kind: str) -> Callable[[Any], Any]:
    return trusted_validator(MODELS[kind])


def _trusting(schema: Any) -> Any:
    """A copy of a core schema with the steps that do nothing under `cleaned_text` removed and
    the others swapped for their trusted forms; the original is left as it is."""
    if isinstance(schema, list):
        return [_trusting(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    node = {k: _trusting(v) for k, v in schema.items()}
    kind = node.get("type")
    if kind in _FUNCTIONS:
        return _function(node)
    if kind == "default" and node.get("default") == [] and type(node["default"]) is list:
        # pydantic deep-copies a mutable default for each record: a new empty list is the same
        del node["default"]
        return {**node, "default_factory": list}
    if kind == "chain":
        steps = node["steps"]
        if len(steps) == 2 and steps[0] == {"type": "str"} and _is_str(steps[1]):
            return steps[1]  # text, then text with a constraint: the second alone
    return node


def _function(node: dict[str, Any]) -> Any:
    function = node["function"]["function"]
    inner: Any = node.get("schema")
    if node["type"] == "function-before" and function in TRUSTED_STEPS:
        step = TRUSTED_STEPS[function]
        if step is None:
            return inner
        return {**node, "function": {**node["function"], "function": step}}
    if node["type"] == "function-after" and _is_str(inner):
        length = _min_length(function)
        if length is not None and "min_length" not in inner:
            return {**inner, "min_length": length}
    if (
        node["type"] == "function-wrap"
        and _is_str(inner)
        and getattr(function, "__name__", "") == _CONSTRAINT_WRAP
    ):
        # It only turns a refusal of a value that is no text into a TypeError; here such a
        # value is refused and then validated again by the model, which raises as before.
        return inner
    return node


def _min_length(function: Any) -> int | None:
    """The length a pydantic `min_length_validator` asks for, or None for any other function."""
    if not isinstance(function, functools.partial):
        return None
    if getattr(function.func, "__name__", "") != "min_length_validator" or function.args:
        return None
    length = function.keywords.get("min_length")
    return length if isinstance(length, int) and set(function.keywords) == {"min_length"} else None


def _is_str(schema: Any) -> bool:
    return isinstance(schema, dict) and schema.get("type") == "str"
