"""Benchmark: import a 50,000-row attendance sheet; its time beside calamine's bare read of it.

    python benchmarks/bench_import.py [--rows 50000] [--enterprises 2000]

One run of each, in this process; prints both times and their ratio. Not a timed test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pqp_cli.importing import import_sheet  # noqa: E402

_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_PLACES = ("Thọ Xuân", "Hoằng Hóa", "Nông Cống", "Yên Định", "Quảng Xương", "Tĩnh Gia", "Nga Sơn")
_TOPICS = ("Hệ thống quản lý", "Công cụ cải tiến", "Tiêu chuẩn", "Đo lường", "Công nghệ")


def _tax(n: int) -> str | None:
    body = f"28{n:07d}"
    check = 10 - sum(w * int(d) for w, d in zip(_WEIGHTS, body, strict=True)) % 11
    return body + str(check) if check < 10 else None


def make_data(folder: Path, count: int) -> list[tuple[str | None, str]]:
    """`count` enterprises in data/enterprises.yaml; their (tax code, name)."""
    people = []
    records = []
    for n in range(count):
        name = f"Công ty TNHH Sản xuất số {n} {random.choice(_PLACES)}"
        code = _tax(n)
        record = {"id": f"DN{n:05d}", "name": name, "type": "enterprise"}
        if code:
            record["tax_code"] = code
        records.append(record)
        people.append((code, name))
    folder.mkdir(parents=True)
    text = yaml.safe_dump(records, allow_unicode=True, sort_keys=False)
    (folder / "enterprises.yaml").write_text(text, encoding="utf-8")
    return people


def make_sheet(path: Path, rows: int, people: list[tuple[str | None, str]]) -> None:
    """An attendance sheet as districts send it: title rows, STT, one row per participant."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách")
    sheet.append(["DANH SÁCH CƠ SỞ THAM GIA TẬP HUẤN"])
    sheet.append([])
    sheet.append(
        [
            "STT",
            "Tên lớp tập huấn",
            "Ngày tập huấn",
            "Nội dung",
            "Mã số thuế",
            "Tên doanh nghiệp",
            "Huyện",
        ]
    )
    sheet.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"])
    start = dt.datetime(2022, 1, 3)
    for i in range(rows):
        course = i // 100  # 100 participants a training
        code, name = people[(i * 7919) % len(people)]
        by_name = code is None or i % 5 == 0
        sheet.append(
            [
                i + 1,
                f"Tập huấn nâng cao năng suất, chất lượng số {course}",
                start + dt.timedelta(days=course % 1000),
                _TOPICS[course % 5],
                None if by_name else int(code),
                name if by_name else None,
                _PLACES[i % len(_PLACES)],
            ]
        )
    sheet.append(["Tổng cộng", None, None, None, None, f"{rows} lượt"])
    book.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--enterprises", type=int, default=2_000)
    args = parser.parse_args()
    random.seed(1322)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        people = make_data(root / "data", args.enterprises)
        source = root / "diem-danh.xlsx"
        make_sheet(source, args.rows, people)

        t0 = time.perf_counter()
        CalamineWorkbook.from_path(str(source)).get_sheet_by_index(0).to_python()
        bare = time.perf_counter() - t0

        t0 = time.perf_counter()
        report = import_sheet(kind="trainings", source=source, data_dir=root / "data")
        full = time.perf_counter() - t0

        size = (root / "data" / "trainings" / "diem-danh.yaml").stat().st_size
        print(f"rows read: {report.rows_read}, trainings created: {report.created}, "
              f"rejected: {len(report.rejects)}, warnings: {len(report.warnings)}, "
              f"output: {size / 1e6:.1f} MB")  # fmt: skip
        print(f"calamine bare read: {bare:.2f} s")
        print(f"pqp import:         {full:.2f} s")
        print(f"ratio:              {full / bare:.1f}x (one run each)")


if __name__ == "__main__":
    main()
