"""Where an import writes: the derived output file names, and the source's digest."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pqp_cli.core.models import NOUN_VI
from pqp_cli.core.problems import PqpError, display_path
from pqp_cli.importing import writing


def source_targets(
    kind: str, source: Path, data_dir: Path, out: Path | None, create_missing: bool
) -> tuple[Path, Path | None]:
    """Where a source's records go, and its created establishments (`--create-missing`)."""
    stem = writing.safe_stem(source.stem)
    target = out or data_dir / kind / f"{stem}.yaml"
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise PqpError(
            f"--out {display_path(target)}: the output is a .yaml file",
            f"--out {display_path(target)}: tệp kết quả phải là .yaml",
        )
    rel = inside(data_dir, target)
    if rel and any(part.startswith(".") for part in rel.parts):
        raise PqpError(
            f"--out {display_path(target)}: the loader skips names that begin with a dot, so"
            " nothing imported there would count; choose another name",
            f"--out {display_path(target)}: tên bắt đầu bằng dấu chấm bị bỏ qua khi đọc dữ liệu,"
            " nên bản ghi ở đó sẽ không được tính; hãy chọn tên khác",
        )
    if (
        rel
        and len(rel.parts) > 1
        and rel.parts[0] != kind
        or (rel and len(rel.parts) == 1 and rel.stem != kind)
    ):
        raise PqpError(
            f"--out {display_path(target)}: {kind} records go in {kind}.yaml or under"
            f" {kind}/ in the data folder",
            f"--out {display_path(target)}: bản ghi {NOUN_VI[kind]} đặt trong {kind}.yaml hoặc"
            f" thư mục {kind}/ của thư mục dữ liệu",
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
