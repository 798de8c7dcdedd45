"""The data folder's files found and their bytes read: the first step of loading."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pqp_cli.core.problems import PqpError, Problem, display_path
from pqp_cli.read.datafiles import kind_of, scan
from pqp_cli.read.loading import unreadable


@dataclass
class Source:
    """One file under the data folder: its kind (None: it belongs to none), how it is shown,
    and its bytes, or why they could not be read. `text`, when given, is read instead of the
    disk (import checks the dataset as it would be after writing)."""

    kind: str | None
    path: Path
    file: str
    text: str | None = None
    content: bytes | None = None
    problem: Problem | None = None

    def read(self) -> Source:
        """Read (again) this file's bytes."""
        self.content, self.problem = None, None
        if self.kind is not None:
            try:
                self.content = self.path.read_bytes() if self.text is None else self.text.encode()
            except OSError as exc:
                self.problem = unreadable(self.file, self.kind, exc)
        return self


def discover(
    data_dir: Path, overrides: dict[Path, str] | None = None
) -> tuple[list[Source], list[Problem]]:
    """Every YAML file under `data_dir` (resolved), in order, its bytes read; and an error for
    each path under it that cannot be read. `overrides` maps a file path to the text to read
    instead of the disk: such a file need not exist yet."""
    if not data_dir.is_dir():
        raise PqpError(
            f"data folder not found: {display_path(data_dir)} (give --data DIR or set PQP_DATA)",
            f"không tìm thấy thư mục dữ liệu: {display_path(data_dir)} (dùng --data DIR hoặc PQP_DATA)",
        )
    data_dir = data_dir.resolve()
    texts = {p.resolve(): t for p, t in (overrides or {}).items()}
    files, walk_problems = scan(data_dir)
    seen = {p for _, p in files}
    files.extend((kind_of(data_dir, p), p) for p in sorted(texts) if p not in seen)
    sources = [Source(kind, path, display_path(path), texts.get(path)) for kind, path in files]
    return [s.read() for s in sources], walk_problems
