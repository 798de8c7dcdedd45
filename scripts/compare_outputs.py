"""Compare two folders written by scripts/snapshot_outputs.sh: every file byte for byte, except
the output folder's own path and, inside .docx and .xlsx, the zip entries' timestamps and the
document's created/modified times (which change with the clock, not with pqp).

    python scripts/compare_outputs.py /tmp/before /tmp/after
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

_STAMP = re.compile(rb"<dcterms:(created|modified)[^<]*</dcterms:\1>")


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as book:
        return {i.filename: _STAMP.sub(b"", book.read(i)) for i in book.infolist()}


def differences(a: Path, b: Path) -> list[str]:
    found = [f"only in {b}: {p.name}" for p in sorted(b.iterdir()) if not (a / p.name).exists()]
    for fa in sorted(a.iterdir()):
        fb = b / fa.name
        if not fb.exists():
            found.append(f"only in {a}: {fa.name}")
        elif fa.suffix in (".docx", ".xlsx"):
            ma, mb = _members(fa), _members(fb)
            found += [
                f"{fa.name}: {k}" for k in sorted(set(ma) | set(mb)) if ma.get(k) != mb.get(k)
            ]
        else:
            x = fa.read_bytes().replace(str(a).encode(), b"OUT")
            y = fb.read_bytes().replace(str(b).encode(), b"OUT")
            if x != y:
                found.append(fa.name)
    return found


def main() -> int:
    a, b = (Path(p).resolve() for p in sys.argv[1:3])
    found = differences(a, b)
    print("\n".join(found))
    print(f"{sum(1 for _ in a.iterdir())} files compared, {len(found)} differences")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
