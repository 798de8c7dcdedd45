"""pqp: progress tracker over flat files for provincial productivity-and-quality plans.

The command line (`pqp`) is a thin layer over a library, `pqp_cli.api`, whose names are here
too: `pqp_cli.open_project(...)`, `pqp_cli.status(...)`, …. They are imported when first used,
so that `import pqp_cli` (and so every `pqp` command's start) stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pqp_cli.core.version import __version__

__all__ = [
    "__version__",
    # pqp_cli.api
    "DiffDoc",
    "ExplainDoc",
    "PqpError",
    "Project",
    "ReportDoc",
    "Settings",
    "Stamp",
    "StatusDoc",
    "StatusRow",
    "check_word_report",
    "diff",
    "document_stamp",
    "evaluate",
    "explain",
    "open_project",
    "render_diff",
    "render_explain",
    "render_report",
    "render_status",
    "report",
    "status",
    # pqp_cli.importing (sheet import)
    "ImportReport",
    "describe",
    "import_sheet",
]
_IMPORTING = frozenset({"ImportReport", "describe", "import_sheet"})
_API = frozenset(__all__) - {"__version__"} - _IMPORTING

if TYPE_CHECKING:
    from pqp_cli.api import (
        DiffDoc,
        ExplainDoc,
        PqpError,
        Project,
        ReportDoc,
        Settings,
        Stamp,
        StatusDoc,
        StatusRow,
        check_word_report,
        diff,
        document_stamp,
        evaluate,
        explain,
        open_project,
        render_diff,
        render_explain,
        render_report,
        render_status,
        report,
        status,
    )
    from pqp_cli.importing import ImportReport, describe, import_sheet


def __getattr__(name: str) -> Any:
    """A public name, imported from its module when first asked for."""
    if name in _API:
        from pqp_cli import api

        return getattr(api, name)
    if name in _IMPORTING:
        from pqp_cli import importing

        return getattr(importing, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
