"""Benchmark: import a 50,000-row attendance sheet; its time beside calamine's bare read of it.

    python benchmarks/bench_import.py [--rows 50000] [--enterprises 2000] [--repeat 3]
                                      [--keep DIR] [--cpu]

The sheet is an attendance list as districts send it: 25 participants a training, each named
by its id, its tax code or its name (a third each; by name when it has no tax code), the
training's date an Excel date cell or day-first text (`03/04/2023`), half each. Each figure is
the best of `--repeat` runs in this process (a shared machine is noisy), every import into a
fresh copy of the same data folder; prints both times and their ratio. `--keep DIR` copies the
data folder the last import wrote into DIR (to compare outputs byte for byte). `--cpu` times
both in CPU seconds of this process rather than on the wall clock: on a machine other work
shares, the steadier figure for comparing two builds. Not a timed test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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


def _participant(i: int, people: list[tuple[str | None, str]]) -> tuple[Any, Any, Any]:
    """Row `i`'s participant as (id, tax code, name) cells: one of the three filled."""
    n = (i * 7919) % len(people)
    code, name = people[n]
    if i % 3 == 0:
        return f"DN{n:05d}", None, None
    if i % 3 == 1 and code is not None:
        return None, int(code), None
    return None, None, name


def _date(course: int, start: dt.datetime) -> dt.datetime | str:
    """The training's date: an Excel date cell for even trainings, `dd/mm/yyyy` text for odd."""
    day = start + dt.timedelta(days=course % 1000)
    return day if course % 2 == 0 else f"{day:%d/%m/%Y}"


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
            "Mã cơ sở",
            "Mã số thuế",
            "Tên doanh nghiệp",
            "Huyện",
        ]
    )
    sheet.append([f"({n})" for n in range(1, 9)])
    start = dt.datetime(2022, 1, 3)
    for i in range(rows):
        course = i // 25  # 25 participants a training
        sheet.append(
            [
                i + 1,
                f"Tập huấn nâng cao năng suất, chất lượng số {course}",
                _date(course, start),
                _TOPICS[course % 5],
                *_participant(i, people),
                _PLACES[i % len(_PLACES)],
            ]
        )
    sheet.append(["Tổng cộng", None, None, None, None, None, f"{rows} lượt"])
    book.save(path)


def _best(repeat: int, run: Any, clock: Any = time.perf_counter) -> tuple[float, Any]:
    """The least disturbed of `repeat` runs of `run()`: its time, and what the last run gave."""
    times, result = [], None
    for _ in range(repeat):
        t0 = clock()
        result = run()
        times.append(clock() - t0)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--enterprises", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (the best kept)")
    parser.add_argument("--keep", type=Path, help="copy the data folder written here")
    parser.add_argument("--cpu", action="store_true", help="CPU time, not wall-clock time")
    args = parser.parse_args()
    random.seed(1322)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        people = make_data(root / "pristine", args.enterprises)
        source = root / "diem-danh.xlsx"
        make_sheet(source, args.rows, people)
        data = root / "data"

        def bare_read() -> None:
            CalamineWorkbook.from_path(str(source)).get_sheet_by_index(0).to_python()

        def one_import() -> Any:
            shutil.rmtree(data, ignore_errors=True)
            shutil.copytree(root / "pristine", data)
            return import_sheet(kind="trainings", source=source, data_dir=data)

        clock = time.process_time if args.cpu else time.perf_counter
        bare, _ = _best(args.repeat, bare_read, clock)
        full, report = _best(args.repeat, one_import, clock)
        if args.keep is not None:
            shutil.copytree(
                data, args.keep, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".pqp*")
            )
        size = (data / "trainings" / "diem-danh.yaml").stat().st_size
        print(f"rows read: {report.rows_read}, trainings created: {report.created}, "
              f"rejected: {len(report.rejects)}, warnings: {len(report.warnings)}, "
              f"output: {size / 1e6:.1f} MB")  # fmt: skip
        print(f"calamine bare read: {bare:.2f} s")
        print(f"pqp import:         {full:.2f} s")
        what = "CPU time" if args.cpu else "wall clock"
        print(f"ratio:              {full / bare:.1f}x (best of {args.repeat} each, {what})")


if __name__ == "__main__":
    main()
