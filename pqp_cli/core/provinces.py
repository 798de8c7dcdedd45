"""The provinces of the register, and the register file itself (read once; a missing or
damaged file is exit 2)."""

from __future__ import annotations

import functools
import gzip
import json
import zlib
from importlib import resources
from typing import Any

from pqp_cli.core.messages import phrase
from pqp_cli.core.placetext import name_key
from pqp_cli.core.problems import PqpError

#: What a damaged or missing register says (exit 2).
DAMAGED = phrase("register-damaged")


@functools.lru_cache(maxsize=1)
def register_data() -> dict[str, Any]:
    """The whole register as stored (read once); a missing or damaged file is a PqpError."""
    try:
        raw = resources.files("pqp_cli").joinpath("data/admin_units.json.gz").read_bytes()
        data: dict[str, Any] = json.loads(gzip.decompress(raw))
        if not all(isinstance(data.get(k), dict) for k in ("old", "new")):
            raise ValueError("no old or new units")
    except (OSError, EOFError, ValueError, zlib.error, UnicodeDecodeError) as exc:
        raise PqpError(*DAMAGED) from exc
    return data


def province_key(text: str) -> str | None:
    """The register's key for a province named in `text` ("UBND tỉnh Thanh Hóa" → "thanhhoa"):
    the longest province name or former name the text ends with."""
    joined = name_key(text)
    data = register_data()
    best: str | None = None
    best_len = 0
    for era in ("old", "new"):
        for key, prov in data[era].items():
            for k in (key, *prov["aliases"]):
                if joined.endswith(k) and len(k) > best_len:
                    best, best_len = key, len(k)
    return best


@functools.lru_cache(maxsize=1)
def province_names() -> dict[str, str]:
    """Every province's name and former names (keys) → its key in the register."""
    names: dict[str, str] = {}
    for era in ("old", "new"):
        for key, prov in register_data()[era].items():
            for k in (key, *prov["aliases"]):
                names.setdefault(k, key)
    return names


def nearest_provinces(text: str) -> tuple[str, ...]:
    """The names of the provinces (before and after the reform) nearest to `text`."""
    data = register_data()
    names = {
        name_key(p["name"]): str(p["name"]) for era in ("old", "new") for p in data[era].values()
    }
    bare = {k.removeprefix("tinh").removeprefix("thanhpho"): v for k, v in names.items()}
    from rapidfuzz import fuzz, process  # only when a name is not found: ~15 ms of a start

    found = process.extract(name_key(text), list(bare), scorer=fuzz.ratio, limit=3, score_cutoff=60)
    return tuple(dict.fromkeys(bare[k] for k, _, _ in found))
