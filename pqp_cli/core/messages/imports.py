"""Notes of `pqp import`: rejected rows and warnings about the sheet, each located in it."""

from __future__ import annotations

from pqp_cli.core.messages.base import Entry, Texts

ENTRIES: list[Entry] = []
