"""`--mapping FILE`: YAML `column header: field` lines that add or override header matches."""

from __future__ import annotations

from pathlib import Path

import yaml

from pqp_cli.core.messages import phrase
from pqp_cli.core.messages.labels import kind_named, mapping_shown
from pqp_cli.core.problems import PqpError, display_path
from pqp_cli.core.text import header_key
from pqp_cli.importing import writing
from pqp_cli.importing.headers import COLUMNS, IGNORE, aliases, columns
from pqp_cli.importing.outcome import Note


def load_mapping(path: Path, kind: str) -> dict[str, str]:
    """`--mapping FILE`: YAML `column header: field` → header key → column key (or IGNORE)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8-sig"), Loader=yaml.BaseLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PqpError(*phrase("mapping-unreadable", path=path, why=exc)) from None
    if not isinstance(data, dict):
        raise PqpError(*phrase("mapping-shape", path=path))
    known = columns(kind)
    table: dict[str, str] = {}
    for header, target in data.items():
        target = target if isinstance(target, str) else ""
        if target.strip().lower() in ("", "~", "null", "ignore", "none"):
            table[header_key(str(header))] = IGNORE
            continue
        key = aliases(kind).get(header_key(target))
        if key is None or key not in known:
            allowed = ", ".join(known)
            raise PqpError(
                *phrase(
                    "mapping-no-field",
                    path=path,
                    header=header,
                    target=target,
                    kind=kind_named(kind),
                    allowed=allowed,
                )
            )
        table[header_key(str(header))] = key
    return table


def column_mapping(
    kind: str, given: Path | None, target: Path
) -> tuple[dict[str, str], list[Note]]:
    """`--mapping`, else the one the import that wrote the target used (and a note saying so)."""
    if given is not None:
        return load_mapping(given, kind), []
    kept = writing.remembered_mapping(target)
    known = {c.key for c in COLUMNS[kind]} | {""}
    kept = {h: k for h, k in kept.items() if k in known}
    if not kept:
        return {}, []
    shown = mapping_shown(kept)
    name = display_path(target)
    return kept, [Note.of("mapping", name=name, shown=shown)]
