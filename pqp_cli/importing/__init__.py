"""Spreadsheets → records (`pqp import`) and blank spreadsheets to fill in (`pqp template`).

`import_sheet` imports one sheet and returns its `ImportReport` (`describe` words it as the
command prints it); `write_template` writes a blank workbook whose headers import reads.
"""

from pqp_cli.importing.library import import_sheet, template_level_at
from pqp_cli.importing.outcome import ImportReport, describe
from pqp_cli.importing.template import write_template

__all__ = ["ImportReport", "describe", "import_sheet", "template_level_at", "write_template"]
