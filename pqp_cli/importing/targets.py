"""Where an import writes: the derived output file names, and the source's digest."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pqp_cli.core.messages import kind_word, phrase
from pqp_cli.core.problems import PqpError, display_path
from pqp_cli.importing import writing


def source_targets(
    kind: str, source: Path, data_dir: Path, out: Path | None, create_missing: bool
) -> tuple[Path, Path | None]:
    """Where a source's records go, and its created establishments (`--create-missing`)."""
    stem = writing.safe_stem(source.stem)
    target = out or data_dir / kind / f"{stem}.yaml"
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise PqpError(*phrase("out-not-yaml", path=display_path(target)))
    rel = inside(data_dir, target)
    if rel and any(part.startswith(".") for part in rel.parts):
        raise PqpError(*phrase("out-dot-name", path=display_path(target)))
    if (
        rel
        and len(rel.parts) > 1
        and rel.parts[0] != kind
        or (rel and len(rel.parts) == 1 and rel.stem != kind)
    ):
        raise PqpError(
            *phrase("out-wrong-kind", path=display_path(target), kind=kind_word(kind), file=kind)
        )
    wants_created = create_missing and kind in ("trainings", "certifications")
    created = data_dir / "enterprises" / f"{stem}.yaml" if wants_created else None
    return target, created


def inside(folder: Path, path: Path) -> Path | None:
    try:
        return path.resolve().relative_to(folder.resolve())
    except ValueError:
        return None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
