"""What a re-import changes in each record: lost and gained participants, changed fields, so
that a fall in a figure is visible before anyone reports it."""

from __future__ import annotations

import json
from typing import Any


def _item(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _shown(value: Any) -> str:
    return "—" if value is None else _item(value)


def record_changes(rid: str, old: dict[str, Any], new: dict[str, Any]) -> tuple[str, str]:
    """`id: participants lost X, gained Y; date 2023-04-03 → 2023-04-05` in en and vi
    (both records as text, as the loader reads them)."""
    en: list[str] = []
    vi: list[str] = []
    for key in dict.fromkeys([*new, *old]):
        a, b = old.get(key), new.get(key)
        if a == b or key == "id":
            continue
        if isinstance(a, list) or isinstance(b, list):
            was, now = [_item(x) for x in a or []], [_item(x) for x in b or []]
            lost, gained = [x for x in was if x not in now], [x for x in now if x not in was]
            parts_en = ([f"lost {', '.join(lost)}"] if lost else []) + (
                [f"gained {', '.join(gained)}"] if gained else []
            )
            parts_vi = ([f"mất {', '.join(lost)}"] if lost else []) + (
                [f"thêm {', '.join(gained)}"] if gained else []
            )
            en.append(f"{key} {', '.join(parts_en) or 'reordered'}")
            vi.append(f"{key} {', '.join(parts_vi) or 'đổi thứ tự'}")
        elif b is None:
            en.append(f"lost {key} ({_shown(a)})")
            vi.append(f"mất {key} ({_shown(a)})")
        else:
            en.append(f"{key} {_shown(a)} → {_shown(b)}")
            vi.append(f"{key} {_shown(a)} → {_shown(b)}")
    return f"changed {rid}: {'; '.join(en)}", f"thay đổi {rid}: {'; '.join(vi)}"


def removed(rid: str, old: dict[str, Any]) -> tuple[str, str]:
    what = old.get("name") or old.get("title") or old.get("scheme") or ""
    label = f" ({_item(what)})" if what else ""
    return f"removed {rid}{label}", f"bỏ {rid}{label}"
