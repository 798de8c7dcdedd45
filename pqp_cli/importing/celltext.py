"""A cell's value as text, and the cached cleaning and folding a sheet's repeated texts need.

The bottom of the import modules' order: sheet, totals, cells, stray and rejects all read cells
as text, so this imports none of them."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from pqp_cli.core.text import clean, fold
from pqp_cli.core.text import name_key as _name_key
from pqp_cli.core.text import name_key_folded as _name_key_folded


def cell_text(value: Any) -> str:
    """A cell as clean text: numbers without a useless `.0`, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return _clean(value) if isinstance(value, str) else clean(str(value))


#: Sheets repeat the same texts (titles, places, labels) thousands of times: clean each once.
_clean = functools.lru_cache(maxsize=1 << 16)(clean)
cached_fold = functools.lru_cache(maxsize=1 << 16)(fold)
#: Establishment names recur on every row that names them (resolving, the form-only check).
name_key = functools.lru_cache(maxsize=1 << 16)(_name_key)
name_key_folded = functools.lru_cache(maxsize=1 << 16)(_name_key_folded)
