"""Spreadsheets → records (`pqp import`) and blank spreadsheets to fill in (`pqp template`)."""

from pqp_cli.importing.outcome import ImportReport, describe
from pqp_cli.importing.run import ImportRequest, run_import
from pqp_cli.importing.template import write_template

__all__ = ["ImportReport", "ImportRequest", "describe", "run_import", "write_template"]
