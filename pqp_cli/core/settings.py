"""Settings: everything pqp takes from the environment, read in one place.

The command-line entry point builds one `Settings` from `os.environ` (`Settings.from_env`) and
passes it down; library code never reads the environment itself. A library caller gets the
defaults (`Settings()`) or builds its own, so a host process's environment never changes what
a call to `pqp_cli` does behind its back.

The variables (docs/cli.md lists them for users):
- `PQP_LANG` — `vi` for Vietnamese messages and labels where no `--lang` is given.
- `PQP_NO_CACHE` — any non-empty value: read every file afresh, as `--no-cache`.
- `PQP_WORKERS` — how many processes may read files at once (digits; default up to 4).
- `XDG_CACHE_HOME` — where the per-user cache key lives (default `~/.cache`).
- `NO_COLOR` — any non-empty value: no colour on a terminal.
- `GITHUB_STEP_SUMMARY` — the file GitHub Actions shows as a job summary (`validate --format
  github` appends to it).
`PQP_DATA` and `PQP_TARGETS` are option defaults, read by the command line itself.
One setting is no variable: `reads_records`, False for a command that reads the problems and no
record (`validate`). A cold load then takes in each file a worker process read as its outline,
its records decoded only if asked for after all; True (the default) decodes them as they come,
while the workers still read.
`PQP_NO_REPLAY` (any non-empty value: never replay a recorded answer) is read by the entry
point `cli/launch.py` before anything else is imported, the one variable read outside this
module (docs/decisions.md, "Replaying a warm run's output").
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, kw_only=True)
class Settings:
    lang: str = "en"
    no_cache: bool = False
    workers: int | None = None
    cache_home: Path | None = None
    no_color: bool = False
    step_summary: Path | None = None
    reads_records: bool = True

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        workers = env.get("PQP_WORKERS", "").strip()
        summary = env.get("GITHUB_STEP_SUMMARY", "")
        return cls(
            lang="vi" if env.get("PQP_LANG", "").strip().lower() == "vi" else "en",
            no_cache=bool(env.get("PQP_NO_CACHE")),
            workers=int(workers) if workers.isascii() and workers.isdigit() else None,
            cache_home=Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache"),
            no_color=bool(env.get("NO_COLOR")),
            step_summary=Path(summary) if summary else None,
        )

    def cache_dir(self) -> Path:
        """The per-user folder of pqp's cache key (`$XDG_CACHE_HOME/pqp`)."""
        return (self.cache_home or Path.home() / ".cache") / "pqp"
