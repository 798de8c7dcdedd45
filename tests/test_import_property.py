"""Issue 9's acceptance property: for random sheets (random header spellings, duplicate rows,
extra cells, title rows, `.xlsx` or `;` CSV), every non-empty cell of a data row either is in
the written YAML or is named in a message. No third outcome."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from fuzzsize import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_import_helpers import csv_file, data_dir, pqp, xlsx

from pqp_cli.importing.outcome import column_letter
from pqp_cli.importing.stray import filled

NAME = [
    "Họ và tên",
    "HỌ VÀ TÊN",
    "Ho va ten",
    "Họ tên *",
    "Họ và tên (bắt buộc)",
    "Họ và tên chuyên gia",
    "Ten nguoi",
]
DATE = ["Ngày cấp chứng chỉ", "Ngay cap chung chi (dd/mm/yyyy)", "Ngày công nhận*", "Ngày cấp"]
FIELDS = ["Lĩnh vực", "Chuyên ngành", "Linh vuc (neu co)", "Lĩnh vực tư vấn"]
OTHER = ["Ghi chú", "Số điện thoại", "Email", "Năm sinh"]
PEOPLE = ["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường", "Phạm Thị Dung"]
DAYS = [dt.date(2023, 3, 15), dt.date(2022, 1, 4), None, "31/02/2023", "15/03/2023"]
WORDS = ["ISO 9001", "5S", "HACCP; Lean", "", "ghi chú", "0912 345 678"]

TRAINING = {
    "title": ["Tên lớp", "TÊN LỚP TẬP HUẤN", "Ten lop", "Tên lớp *"],
    "date": ["Ngày", "Từ ngày", "Ngay tap huan", "Ngày tập huấn (dd/mm/yyyy)"],
    "topics": ["Nội dung", "Noi dung tap huan", "Chủ đề"],
    "participant": [
        "Tên cơ sở tham gia",
        "Tên doanh nghiệp",
        "Ten co so",
        "Doanh nghiệp được đào tạo",
    ],
}
#: What a training cell becomes in the YAML (participants by id, topics by value).
AS_WRITTEN = {
    "Cty Bánh kẹo Lam Sơn": "DN001",
    "HTX Nông nghiệp Lân": "HTX01",
    "Hộ kinh doanh Nước mắm Hải Thanh": "HKD01",
    "Đo lường": "measurement",
    "Hệ thống quản lý; Công nghệ": "management_systems",
}
TRAINING_VALUES = {
    "title": ["Lớp ISO", "Lớp 5S", ""],
    "date": DAYS,
    "topics": ["Đo lường", "Hệ thống quản lý; Công nghệ", "Bơi lội", ""],
    "participant": [*list(AS_WRITTEN)[:3], "Cơ sở Không Có Thật", ""],
}

_REF = re.compile(r"\b([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?\b")
_ROW = re.compile(r"\brows? (\d+)")


@st.composite
def sheets(draw: Any, kind: str) -> tuple[list[list[Any]], int, bool]:
    """(rows, 0-based header row, as CSV)."""
    if kind == "experts":
        columns = [("name", draw(st.sampled_from(NAME))), ("date", draw(st.sampled_from(DATE)))]
        if draw(st.booleans()):
            columns.append(("fields", draw(st.sampled_from(FIELDS))))
    else:
        columns = [(k, draw(st.sampled_from(v))) for k, v in TRAINING.items()]
    if draw(st.booleans()):
        columns.insert(draw(st.integers(0, len(columns))), ("other", draw(st.sampled_from(OTHER))))
    as_csv = draw(st.booleans())
    title = [] if as_csv or not draw(st.booleans()) else [["DANH SÁCH NĂM 2023"], []]
    body: list[list[Any]] = []
    for _ in range(draw(st.integers(1, 6))):
        row = [_cell(draw, kind, key) for key, _ in columns]
        if draw(st.integers(0, 4)) == 0:
            row += [draw(st.sampled_from(WORDS))] * draw(st.integers(1, 2))  # extra cells
        body.append(row)
        if draw(st.integers(0, 3)) == 0:
            body.append(list(row))  # a duplicate row
    rows = [*title, [h for _, h in columns], *body]
    return rows, len(title), as_csv


def _cell(draw: Any, kind: str, key: str) -> Any:
    if kind == "trainings" and key in TRAINING_VALUES:
        return draw(st.sampled_from(TRAINING_VALUES[key]))
    if key == "name":
        return draw(st.sampled_from([*PEOPLE, ""]))
    if key == "date":
        return draw(st.sampled_from(DAYS))
    return draw(st.sampled_from(WORDS))


def _named(messages: str) -> tuple[set[tuple[int, int]], set[int]]:
    """The cells (1-based row, 0-based column) and rows the messages name."""
    cells: set[tuple[int, int]] = set()
    for m in _REF.finditer(messages):
        col, row = _col(m.group(1)), int(m.group(2))
        end_col = _col(m.group(3)) if m.group(3) else col
        end_row = int(m.group(4)) if m.group(4) else row
        cells |= {(r, c) for r in range(row, end_row + 1) for c in range(col, end_col + 1)}
    rows = {int(m.group(1)) for m in _ROW.finditer(messages)}
    return cells, rows


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheets("experts"))
def test_every_expert_cell_is_written_or_named(sheet: tuple[list[list[Any]], int, bool]) -> None:
    _run("experts", *sheet)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheets("trainings"))
def test_every_training_cell_is_written_or_named(sheet: tuple[list[list[Any]], int, bool]) -> None:
    _run("trainings", *sheet)


def _run(kind: str, rows: list[list[Any]], header: int, as_csv: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = data_dir(root)
        if as_csv:
            text_rows = [
                [v.strftime("%d/%m/%Y") if isinstance(v, dt.date) else v for v in r] for r in rows
            ]
            source = csv_file(root / "ds.csv", text_rows, delimiter=";")
        else:
            source = xlsx(root / "ds.xlsx", rows, title="DS")
        result = pqp("import", kind, source, "--data", data, "--skip-invalid")
        assert result.exit_code in (0, 1, 2), result.output
        messages = result.stdout + result.stderr
        written = data / kind / "ds.yaml"
        text = written.read_text(encoding="utf-8") if written.exists() else ""
        if result.exit_code == 2:  # no header row found: the whole sheet is refused, by name
            assert "no header row" in messages
            return
        _check(rows, header, text, messages)


def _check(rows: list[list[Any]], header: int, text: str, messages: str) -> None:
    cells, named_rows = _named(messages)
    rejected_rows = _rejected_rows(messages)
    in_records = {
        int(n) for m in re.finditer(r"(?m)^# \S+ › rows? (.+)$", text) for n in _numbers(m.group(1))
    }
    records = yaml.load(text, Loader=yaml.BaseLoader) or [] if text else []
    values = yaml.dump(records, allow_unicode=True)
    for r, row in enumerate(rows[header + 1 :], start=header + 2):
        for c, value in enumerate(row):
            if not filled(value):
                continue
            if (r, c) in cells or r in named_rows or r in rejected_rows:
                continue
            shown = _shown(value)
            assert r in in_records and shown in values, (
                f"{column_letter(c)}{r} {value!r} is neither written nor named\n{messages}\n{text}"
            )


def _shown(value: Any) -> str:
    """A cell as the YAML writes it: dates ISO, a list cell's first item."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if value in AS_WRITTEN:
        return AS_WRITTEN[value]
    day = re.fullmatch(r"(\d\d)/(\d\d)/(\d{4})", str(value))
    if day:
        return f"{day.group(3)}-{day.group(2)}-{day.group(1)}"
    return str(value).split(";")[0].strip()


def _rejected_rows(messages: str) -> set[int]:
    part = messages.partition("rejected:")[2]
    return {int(m.group(2)) for m in _REF.finditer(part)} | {int(n) for n in _ROW.findall(part)}


def _numbers(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split(", "):
        a, _, b = part.partition("-")
        out += list(range(int(a), int(b or a) + 1))
    return out
