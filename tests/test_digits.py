"""Digits as `int` reads them: `str.isdigit` also says yes to superscripts (`¹`), which `int`
refuses, and to other scripts' digits (`٣`), which `int` takes as numbers no one typed."""

from __future__ import annotations

import pytest

from pqp_cli.core.settings import Settings
from pqp_cli.importing.cells import CellError, convert


@pytest.mark.parametrize("text", ["¹", "2²", "①", "٣", "١٢٣.٤٥٦", "１２"])
def test_a_count_in_other_digits_is_refused_with_its_cell_named(text: str) -> None:
    with pytest.raises(CellError):
        convert(text, "int")


@pytest.mark.parametrize(("text", "number"), [("25", 25), ("1.200", 1200), ("1 200", 1200)])
def test_a_count_in_ascii_digits_is_read(text: str, number: int) -> None:
    assert convert(text, "int") == number


@pytest.mark.parametrize("workers", ["¹", "٣", "x", ""])
def test_workers_not_in_ascii_digits_are_left_to_pqp(workers: str) -> None:
    assert Settings.from_env({"PQP_WORKERS": workers}).workers is None
    assert Settings.from_env({"PQP_WORKERS": "3"}).workers == 3
