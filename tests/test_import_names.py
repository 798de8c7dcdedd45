"""Review of issue 9, findings 4 and 5: a wrapped name is one establishment, an empty name is
no id, and a tax code never silently overrides the name beside it.

Through the CLI on sheets built in the test; the figure (status JSON) and the message.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from test_import_helpers import TAX_LAMSON, data_dir, pqp, xlsx
from test_import_nolose import figures, imported

D = dt.datetime(2023, 4, 3)
HEADER = ["STT", "Tên lớp tập huấn", "Ngày tập huấn", "Nội dung", "Tên cơ sở"]


def _trainings(tmp_path: Path, names: list[str], *options: str) -> tuple[Path, object]:
    data = data_dir(tmp_path)
    rows = [HEADER, *([n + 1, f"Lớp {n}", D, "Đo lường", name] for n, name in enumerate(names))]
    source = xlsx(tmp_path / "lop.xlsx", rows, title="DS")
    return data, pqp("import", "trainings", source, "--data", data, *options)


def test_a_name_wrapped_on_two_lines_is_one_establishment(tmp_path: Path) -> None:
    data, result = _trainings(tmp_path, ["Công ty TNHH Bánh kẹo\nLam Sơn"], "--create-missing")
    assert result.exit_code == 0, result.stdout
    assert imported(data, "trainings")[0]["participants"] == ["DN001"]
    assert figures(tmp_path, data)["T1"] == 1


def test_a_new_wrapped_name_creates_one_placeholder(tmp_path: Path) -> None:
    data, result = _trainings(tmp_path, ["Công ty TNHH\nMay Hà Trung"], "--create-missing")
    assert result.exit_code == 0, result.stdout
    names = [e["name"] for e in imported(data, "enterprises")]
    assert names == ["Công ty TNHH May Hà Trung"]
    assert figures(tmp_path, data)["T1"] == 1


def test_known_names_one_a_line_are_several_and_semicolons_split(tmp_path: Path) -> None:
    data, result = _trainings(
        tmp_path, ["Cty Bánh kẹo Lam Sơn\nHTX Nông nghiệp Lân", "HTX Nông nghiệp Lan; DN002"]
    )
    assert result.exit_code == 1  # DN002 is an id, not a name: no such establishment name
    data, result = _trainings(
        tmp_path, ["Cty Bánh kẹo Lam Sơn\nHTX Nông nghiệp Lân", "HTX Nông nghiệp Lan"]
    )
    assert result.exit_code == 0, result.stdout
    assert imported(data, "trainings")[0]["participants"] == ["DN001", "HTX01"]
    assert figures(tmp_path, data)["T1"] == 3


def test_a_name_that_is_only_a_legal_form_is_rejected(tmp_path: Path) -> None:
    data, result = _trainings(tmp_path, ["Công ty TNHH", "HTX; -"], "--create-missing")
    assert result.exit_code == 1
    assert (
        "lop.xlsx › DS › E2 (column \"Tên cơ sở\"): 'Công ty TNHH' is no name (only a legal form"
        " or punctuation): write the establishment's name"
    ) in result.stdout
    assert "lop.xlsx › DS › E3" in result.stdout
    assert "ent-da39a3ee" not in result.stdout
    assert not (data / "enterprises").exists()
    assert figures(tmp_path, data)["T1"] == 0


def test_a_tax_code_never_silently_overrides_another_establishments_name(tmp_path: Path) -> None:
    data = data_dir(tmp_path)
    rows = [
        ["STT", "Tên lớp tập huấn", "Ngày tập huấn", "Nội dung", "Mã số thuế", "Tên cơ sở"],
        [1, "Lớp A", D, "Đo lường", TAX_LAMSON, "HTX Nông nghiệp Lân"],
        [2, "Lớp B", D, "Đo lường", TAX_LAMSON, "Cty Lam Sơn"],  # a shorter name: fine
    ]
    source = xlsx(tmp_path / "lop.xlsx", rows, title="DS")
    result = pqp("import", "trainings", source, "--data", data)
    assert result.exit_code == 1
    assert (
        f'lop.xlsx › DS › E2 (column "Mã số thuế"): tax code {TAX_LAMSON} is DN001 ("Công ty TNHH'
        ' Bánh kẹo Lam Sơn"), but the name "HTX Nông nghiệp Lân" beside it is HTX01 ("HTX Nông'
        ' nghiệp Lân"): the two cells name different establishments; correct one of them (the'
        " name is in F2)"
    ) in result.stdout
    assert "lop.xlsx › DS › E3" not in result.stdout
    assert figures(tmp_path, data)["T1"] == 0
    pqp("import", "trainings", source, "--data", data, "--skip-invalid")
    assert figures(tmp_path, data)["T1"] == 1
