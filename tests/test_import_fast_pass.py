"""The one pass over the rows and the resolver's quick path give what the long way gives: a
value remembered for one cell is never taken for another cell that only compares equal, a
quick id is the id `resolve` finds (with nothing to say), and the import leaves the garbage
collector as it found it."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
from pathlib import Path

import pytest
from test_import_helpers import TAX_LAMSON, TAX_LAN, data_dir, load, xlsx

from pqp_cli.importing import import_sheet
from pqp_cli.importing.resolve import Resolver
from pqp_cli.importing.rows import establishment_refs

D = dt.datetime(2023, 4, 3)
HEADER = ["Tên lớp", "Ngày", "Nội dung", "Mã cơ sở", "Số học viên"]


def test_a_yes_cell_is_not_read_as_the_number_one_remembered_above(tmp_path: Path) -> None:
    """`True == 1` in Python: a column remembering what 1 became must not hand that to TRUE."""
    data = data_dir(tmp_path)
    rows = [
        HEADER,
        ["Lớp A", D, "Đo lường", "DN001", 1],
        ["Lớp B", D, "Đo lường", "DN001", True],
        ["Lớp C", D, "Đo lường", "DN001", 1.0],
    ]
    source = xlsx(tmp_path / "lop.xlsx", rows)
    report = import_sheet(kind="trainings", source=source, data_dir=data, dry_run=True)
    assert [(n.where.row, n.where.col) for n in report.rejects if n.where] == [(3, 4)]
    assert "'true'" in report.rejects[0].en


@pytest.mark.parametrize("enabled", [True, False])
def test_the_import_leaves_the_garbage_collector_as_it_was(tmp_path: Path, enabled: bool) -> None:
    data = data_dir(tmp_path)
    source = xlsx(tmp_path / "lop.xlsx", [HEADER, ["Lớp A", D, "Đo lường", "DN001", 5]])
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        import_sheet(kind="trainings", source=source, data_dir=data)
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


_IDS = [None, ["DN001"], ["DN001", "HTX01"], ["DN999"], ["HTX01", "DN999"]]
_TAXES = [None, TAX_LAMSON, TAX_LAN, "2800000000"]
_NAMES = [
    None,
    ["Công ty TNHH Bánh kẹo Lam Sơn"],
    ["HTX Nông nghiệp Lân"],
    ["HTX Nong nghiep Lan"],  # two establishments once diacritics are set aside
    ["Hộ kinh doanh Nước mắm Hải Thanh"],
    ["Công ty Nước mắm Hải Thanh"],  # the name of a household, another legal form
    ["Cơ sở Không Có Thật"],
    ["HTX Nông nghiệp Lân\nHộ kinh doanh Nước mắm Hải Thanh"],  # wrapped: two names
    ["HTX Nông nghiệp Lân", "HKD01"],
]
_PLACES = [None, "Thọ Xuân", "Nga Sơn"]


@pytest.mark.parametrize("create_missing", [False, True])
def test_quick_ids_are_the_ids_resolve_finds(tmp_path: Path, create_missing: bool) -> None:
    """Every combination a row can give: where `quick` answers, `resolve` says the same ids
    and nothing else (no warning, no rejection)."""
    enterprises = load(data_dir(tmp_path)).enterprises
    answered = 0
    for ids, tax, names, place in itertools.product(_IDS, _TAXES, _NAMES, _PLACES):
        values = {"participant": ids, "participant_tax_code": tax, "participant_name": names}
        values["participant_locality"] = place
        values = {k: v for k, v in values.items() if v is not None}
        quick = Resolver(enterprises, create_missing).quick(ids or [], tax, names)
        if quick is None:
            continue
        answered += 1
        resolver = Resolver(enterprises, create_missing)
        refs = establishment_refs(values, "participant", resolver.knows)
        found = [resolver.resolve(ref) for ref in refs]
        assert [f.id for f in found] == quick, values
        assert not any(f.warning for f in found), values
    assert answered > 50  # the quick path is taken, not only declined
