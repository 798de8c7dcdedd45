"""What a re-import changes in each record: lost and gained participants, changed fields, so
that a fall in a figure is visible before anyone reports it."""

from __future__ import annotations

import json
from typing import Any

from pqp_cli.core.messages import Texts, phrase


def _item(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _shown(value: Any) -> str:
    return "—" if value is None else _item(value)


def record_changes(rid: str, old: dict[str, Any], new: dict[str, Any]) -> tuple[str, str]:
    """`id: participants lost X, gained Y; date 2023-04-03 → 2023-04-05` in en and vi
    (both records as text, as the loader reads them)."""
    parts: list[Texts] = []
    for key in dict.fromkeys([*new, *old]):
        a, b = old.get(key), new.get(key)
        if a == b or key == "id":
            continue
        if isinstance(a, list) or isinstance(b, list):
            was, now = [_item(x) for x in a or []], [_item(x) for x in b or []]
            lost, gained = [x for x in was if x not in now], [x for x in now if x not in was]
            bits = ([phrase("change_lost", items=", ".join(lost))] if lost else []) + (
                [phrase("change_gained", items=", ".join(gained))] if gained else []
            )
            what = _joined(bits, ", ") if bits else phrase("change_reordered")
            parts.append(phrase("change_list", key=key, what=what))
        elif b is None:
            parts.append(phrase("change_field_lost", key=key, value=_shown(a)))
        else:
            parts.append(phrase("change_value", key=key, old=_shown(a), new=_shown(b)))
    return phrase("change_line", id=rid, parts=_joined(parts, "; "))


def _joined(parts: list[Texts], sep: str) -> Texts:
    return Texts(sep.join(p.en for p in parts), sep.join(p.vi for p in parts))


def removed(rid: str, old: dict[str, Any]) -> tuple[str, str]:
    what = old.get("name") or old.get("title") or old.get("scheme") or ""
    label = f" ({_item(what)})" if what else ""
    return phrase("change_removed", id=rid, label=label)
