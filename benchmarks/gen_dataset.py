#!/usr/bin/env python3
"""Write a synthetic national-scale dataset (all five kinds) for the benchmarks, deterministically.

    python benchmarks/gen_dataset.py 100000 /tmp/pqp-100k [--layout block|hand] [--seed 159]

writes `/tmp/pqp-100k/data/` (several files per kind, about 2,000 records a file) and
`/tmp/pqp-100k/targets.yaml`. Records look like the sample data's (Vietnamese names, real
province codes and district names, tax codes with a right check digit, dates inside the plan)
and are referentially valid, so `pqp validate` reports no errors. The same size, seed and
layout give byte-identical files. Two layouts of the same records: `block` (the default)
writes one scalar a line and every list as a block list; `hand` writes them as people do by
hand (flow lists, comments on their own lines and after values, quoted titles with escapes or
a colon inside, list items at the key's indentation or indented, blank lines, 2,000-3,000
records a file), so that the benchmarks see both. Text is written directly (no YAML emitter) so that 1M records take
seconds, not minutes. Every record is invented: synthetic data, not official figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HEADER = "# DỮ LIỆU MÔ PHỎNG — SYNTHETIC BENCHMARK DATA, NOT OFFICIAL FIGURES.\n\n"
D = dt.date
START, LAST = D(2021, 1, 1), D(2025, 11, 30)
PER_FILE = 2000

#: (code, province, districts): tax codes start with the province's code.
PROVINCES: list[tuple[str, str, list[str]]] = [
    ("01", "Hà Nội", ["Ba Đình", "Hoàn Kiếm", "Đống Đa", "Cầu Giấy", "Long Biên", "Gia Lâm"]),
    ("28", "Thanh Hóa", ["TP Thanh Hóa", "TX Nghi Sơn", "Hoằng Hóa", "Thọ Xuân", "Nga Sơn"]),
    ("29", "Nghệ An", ["TP Vinh", "Diễn Châu", "Quỳnh Lưu", "Nghi Lộc", "Đô Lương"]),
    ("30", "Hà Tĩnh", ["TP Hà Tĩnh", "Kỳ Anh", "Cẩm Xuyên", "Đức Thọ"]),
    ("04", "Đà Nẵng", ["Hải Châu", "Thanh Khê", "Sơn Trà", "Liên Chiểu", "Hòa Vang"]),
    ("03", "TP Hồ Chí Minh", ["Quận 1", "Quận 7", "Thủ Đức", "Bình Chánh", "Củ Chi"]),
    ("10", "Thái Bình", ["TP Thái Bình", "Đông Hưng", "Quỳnh Phụ", "Tiền Hải"]),
    ("06", "Nam Định", ["TP Nam Định", "Hải Hậu", "Giao Thủy", "Ý Yên"]),
    ("58", "Lâm Đồng", ["TP Đà Lạt", "Bảo Lộc", "Đức Trọng", "Di Linh"]),
    ("18", "Cần Thơ", ["Ninh Kiều", "Cái Răng", "Ô Môn", "Phong Điền"]),
]
ABBR = ["HN", "TH", "NA", "HT", "DN", "HCM", "TB", "ND", "LD", "CT"]
FORMS = [
    ("enterprise", "Công ty TNHH"),
    ("enterprise", "Công ty Cổ phần"),
    ("enterprise", "Công ty TNHH MTV"),
    ("enterprise", "Doanh nghiệp tư nhân"),
    ("cooperative", "HTX"),
    ("cooperative", "Hợp tác xã"),
    ("household", "Hộ kinh doanh"),
]
SECTORS = [
    ("Chế biến thực phẩm", ["Nem chua", "Bánh gai", "Chè lam", "Giò bò", "Miến dong"]),
    ("Thủy sản", ["Nước mắm", "Mắm tôm", "Mực khô", "Cá thu một nắng"]),
    ("Nông nghiệp", ["Gạo thơm", "Bưởi", "Cam", "Dưa lưới", "Rau an toàn", "Nấm sò"]),
    ("Chăn nuôi", ["Trứng gà", "Gà đồi", "Sữa bò tươi", "Mật ong"]),
    ("Dược liệu", ["Trà hoa vàng", "Tinh dầu quế", "Cao cà gai leo"]),
    ("Thủ công mỹ nghệ", ["Chiếu cói", "Đồ mây tre đan", "Hàng thêu ren"]),
    ("Cơ khí", []),
    ("Dệt may", []),
    ("Vật liệu xây dựng", []),
]


def words(text: str) -> list[str]:
    return text.split()


#: Brand syllables, distinct once diacritics are folded, so names never look like duplicates.
SYLLABLES = words(
    "An Bảo Bình Cường Đạt Đông Gia Hà Hải Hòa Hoàng Hồng Hưng Khang Kim Lâm Lộc Long Mai Minh "
    "Nam Ngọc Nhật Phát Phong Phú Phúc Quang Sơn Tân Thành Thịnh Thuận Tiến Toàn Trung Trường "
    "Tuấn Việt Vinh Xuân Yên Quý Thái Đức Hiệp Lợi Tài Uy Vượng Nghĩa Khải Luân Sang Cát Định"
)
SURNAMES = words("Nguyễn Trần Lê Phạm Hoàng Vũ Đặng Bùi Đỗ Hồ Ngô Dương Lý Mai Trịnh Đinh")
MIDDLE = words("Văn Thị Đình Hữu Ngọc Minh Thu Xuân Quang Thanh")
GIVEN = words("Hùng Dũng Lan Hương Thảo Nam Sơn Hải Phương Hằng Tâm Cường Yến Long Vân Đức")
TOPICS = ["management_systems", "improvement_tools", "standards", "measurement", "technology"]
SCHEMES = {
    "management_system": ["ISO 9001:2015", "ISO 22000:2018", "HACCP", "VietGAP", "ISO 14001"],
    "improvement_tool": ["5S", "Kaizen", "Lean", "TPM", "KPI", "Năng suất xanh"],
    "product_standard": ["TCVN 7046:2019", "TCCS 01:2023/HTX", "QCVN 01-190:2020/BNNPTNT"],
    "measurement_assurance": ["Chương trình đảm bảo đo lường", "ISO 10012"],
    "technology": ["Chuyển đổi số", "ERP", "Truy xuất nguồn gốc", "IoT"],
}
CERTIFIERS = [
    "Trung tâm Chứng nhận Phù hợp (QUACERT)",
    "Công ty Cổ phần Chứng nhận và Giám định VinaCert",
    "Viện Năng suất Việt Nam",
    "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 1 (QUATEST 1)",
]
_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def day(rng: random.Random, lo: dt.date = START, hi: dt.date = LAST) -> dt.date:
    return lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))


def years_later(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def tax_codes(prefix: str, serial: int) -> Iterator[str]:
    """Tax codes with a right check digit, from `serial` up (bodies whose check is 10 skipped)."""
    while True:
        body = f"{prefix}{serial:07d}"
        check = 10 - sum(w * int(d) for w, d in zip(_WEIGHTS, body, strict=False)) % 11
        serial += 1
        if check < 10:
            yield body + str(check % 10)


def brand(n: int) -> str:
    """A unique brand for each n: mixed-radix syllables (at most four)."""
    words = []
    while True:
        n, r = divmod(n, len(SYLLABLES))
        words.append(SYLLABLES[r])
        if n == 0:
            return " ".join(words)
        n -= 1


def sizes(total: int) -> dict[str, int]:
    units = max(3, total // 500)
    experts = max(10, total // 100)
    trainings = max(10, total * 4 // 100)
    enterprises = total * 45 // 100
    return {
        "units": units,
        "experts": experts,
        "trainings": trainings,
        "enterprises": enterprises,
        "certifications": total - units - experts - trainings - enterprises,
    }


#: A record as (key, value) pairs, value the YAML text of a scalar as the block layout writes it,
#: a list of such texts, or a list of records (OCOP products); a layout turns it into text.
Fields = list[tuple[str, Any]]


def enterprise(rng: random.Random, n: int, codes: list[Iterator[str]]) -> tuple[str, Fields]:
    p = n % len(PROVINCES)
    code, _province, districts = PROVINCES[p]
    kind, form = rng.choice(FORMS)
    sector, products = rng.choice(SECTORS)
    eid = f"{ABBR[p]}-{n:07d}"
    district = rng.choice(districts)
    fields: Fields = [
        ("id", eid),
        ("name", f"{form} {sector} {brand(n)}"),
        ("type", kind),
        ("tax_code", f"'{next(codes[p])}'"),
        ("locality", district),
        ("address", f"Số {rng.randrange(1, 300)}, đường {rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}, {district}"),
        ("sector", sector),
    ]  # fmt: skip
    if products and rng.random() < 0.3:
        fields.append(("key_product", "true"))
    if n % 97 == 0:
        fields.append(("pilot_model", "true"))
    if products and rng.random() < 0.25:
        ocop = []
        for product in rng.sample(products, k=min(len(products), rng.choice((1, 1, 2)))):
            certified = day(rng, D(2020, 1, 1), D(2025, 6, 30))
            ocop.append(
                [
                    ("name", f"{product} {brand(n)}"),
                    ("stars", str(rng.choice((3, 3, 4, 5)))),
                    ("certified_on", str(certified)),
                    ("expires_on", str(years_later(certified, 3))),
                ]
            )
        fields.append(("ocop_products", ocop))
    return eid, fields


def training(rng: random.Random, n: int, year: int, enterprise_ids: list[str]) -> Fields:
    date = day(rng, D(year, 1, 10), D(year, 11, 20))
    topics = rng.sample(TOPICS, k=rng.choice((1, 1, 2, 3)))
    people = rng.sample(enterprise_ids, k=min(len(enterprise_ids), rng.randrange(10, 70)))
    place = rng.choice(rng.choice(PROVINCES)[2])
    return [
        ("id", f"TR-{year}-{n:06d}"),
        ("title", f"Tập huấn {rng.choice(('hệ thống quản lý', 'công cụ cải tiến năng suất', 'tiêu chuẩn, quy chuẩn kỹ thuật', 'đảm bảo đo lường', 'chuyển đổi số'))} năm {year}, lớp {n}"),
        ("date", str(date)),
        ("end_date", str(date + dt.timedelta(days=rng.randrange(0, 4)))),
        ("topics", topics),
        ("organizer", "Chi cục Tiêu chuẩn Đo lường Chất lượng"),
        ("locality", place),
        ("trainees", str(len(people) * rng.randrange(1, 4))),
        ("participants", people),
    ]  # fmt: skip


def certification(rng: random.Random, n: int, enterprise_id: str) -> tuple[int, Fields]:
    category = rng.choice(list(SCHEMES))
    started = day(rng, START, D(2025, 3, 31))
    fields: Fields = [
        ("id", f"CN-{n:07d}"),
        ("enterprise", enterprise_id),
        ("category", category),
        ("scheme", rng.choice(SCHEMES[category])),
        ("started_on", str(started)),
    ]
    year = started.year
    if rng.random() < 0.85:
        achieved = min(LAST, started + dt.timedelta(days=rng.randrange(30, 300)))
        year = achieved.year
        fields.append(("achieved_on", str(achieved)))
        if category == "management_system":
            fields.append(("expires_on", str(years_later(achieved, 3))))
        fields.append(("certifier", rng.choice(CERTIFIERS)))
    if rng.random() < 0.05:
        fields.append(("supported", "false"))
    return year, fields


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def block(fields: Fields) -> str:
    """The block layout: one scalar a line, list items at their key's indentation."""
    lines = []
    for i, (key, value) in enumerate(fields):
        lead = "- " if i == 0 else "  "
        if isinstance(value, str):
            lines.append(f"{lead}{key}: {value}")
            continue
        lines.append(f"{lead}{key}:")
        for item in value:
            if isinstance(item, str):
                lines.append(f"  - {item}")
            else:
                lines += [
                    ("  - " if j == 0 else "    ") + f"{k}: {v}" for j, (k, v) in enumerate(item)
                ]
    return "\n".join(lines) + "\n"


HAND_HEADER = (
    HEADER[:-1] + "# Nhập tay từ báo cáo của các địa phương; xem ghi chú bên cạnh từng dòng.\n\n"
)
#: Comments people leave on their own lines (between records, or inside one, indented).
NOTES = [
    "# --- Đợt bổ sung theo báo cáo quý ---",
    "# TODO: đối chiếu lại với Sở KH&CN",
    "# Nguồn: công văn số 15/TĐC-NSCL",
    "#",
]
#: Comments after a value.
AFTER = ["# theo danh sách ký nhận", "# cập nhật", "# MST: kiểm tra lại", "#xem hồ sơ"]


class Hand:
    """The layout of files people write and edit by hand: flow lists, comments on their own
    lines and after values, quoted texts (some with escapes, some with `: ` inside), list
    items at the key's indentation or indented, blank lines, 2,000-3,000 records a file.
    Its choices come from a generator of its own, so the records drawn are the block
    layout's; only some titles differ (a colon or quotes inside)."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed * 1009 + 1)

    def per_file(self, count: int) -> int:
        return max(200, min(self.rng.randrange(2000, 3001), -(-count // 4)))

    def record(self, fields: Fields) -> str:
        r = self.rng
        lines = [r.choice(NOTES)] if r.random() < 0.03 else []
        for i, (key, value) in enumerate(fields):
            lead = "- " if i == 0 else "  "
            if i and r.random() < 0.01:
                lines.append("  " + r.choice(NOTES))
            if isinstance(value, str):
                lines.append(f"{lead}{key}: {self.scalar(key, value)}{self.after()}")
            elif isinstance(value[0], str) and (len(value) <= 40 or r.random() < 0.5):
                items = ", ".join(self.item(v) for v in value)
                lines.append(f"{lead}{key}: [{items}]{self.after()}")
            else:
                lines.append(f"{lead}{key}:{self.after()}")
                lines += self.items(value, r.choice(("  ", "    ")))
        if r.random() < 0.02:
            lines.append(r.choice(("", "  ")))  # a blank line inside, maybe of spaces
        return "\n".join(lines) + "\n"

    def items(self, value: list[Any], indent: str) -> list[str]:
        """A block list, its items at `indent`."""
        lines = []
        for item in value:
            if isinstance(item, str):
                lines.append(f"{indent}- {self.item(item)}")
                continue
            for j, (k, v) in enumerate(item):
                lead = indent + ("- " if j == 0 else "  ")
                lines.append(f"{lead}{k}: {self.scalar(k, v)}{self.after()}")
        return lines

    def after(self) -> str:
        r = self.rng
        return r.choice(("  ", " ")) + r.choice(AFTER) if r.random() < 0.03 else ""

    def item(self, text: str) -> str:
        """A flow or block list item: plain, or now and then quoted."""
        r = self.rng.random()
        return text if r < 0.97 else f"'{text}'" if r < 0.985 else f'"{text}"'

    def scalar(self, key: str, text: str) -> str:
        r = self.rng.random()
        if text.startswith("'"):  # a tax code: quoted one way or another, or not at all
            digits = text[1:-1]
            return digits if r < 0.4 else text if r < 0.8 else f'"{digits}"'
        if key == "title":
            if r < 0.1:
                return "'" + text.replace("Tập huấn ", "Tập huấn: ", 1) + "'"
            if r < 0.2:
                return '"' + text.replace(" năm", ' \\"chuyên đề\\" năm', 1) + '"'
            if r < 0.3:  # an exporter's escapes: the same text
                return '"' + text.replace("ậ", "\\u1ead").replace("ấ", "\\u1ea5") + '"'
        if key == "name" and r < 0.15:
            return f'"{text}"' if r < 0.1 else f"'{text}'"
        return text


def write_chunks(
    folder: Path, stem: str, records: list[str], chunk: Callable[[], int], header: str = HEADER
) -> None:
    """`records` in files of `chunk()` records each (asked again for each file)."""
    folder.mkdir(parents=True, exist_ok=True)
    start, number = 0, 1
    while start < len(records):
        size = chunk()
        text = header + "\n".join(records[start : start + size])
        (folder / f"{stem}-{number:03d}.yaml").write_text(text, encoding="utf-8")
        start, number = start + size, number + 1


def per_file_for(count: int) -> int:
    """About 2,000 records a file, and at least four files for a kind of 800 records or more."""
    return max(200, min(PER_FILE, -(-count // 4)))


def generate(total: int, out: Path, seed: int = 159, layout: str = "block") -> dict[str, int]:
    """Write the dataset; `layout` only changes how the records are written (and, for `hand`,
    a few titles), never which records there are."""
    rng = random.Random(seed)
    hand = Hand(seed)
    fmt = block if layout == "block" else hand.record
    header = HEADER if layout == "block" else HAND_HEADER

    def chunking(count: int) -> Callable[[], int]:
        size = per_file_for(count)
        return (lambda: size) if layout == "block" else (lambda: hand.per_file(count))

    n = sizes(total)
    data = out / "data"
    if data.exists():
        shutil.rmtree(data)
    data.mkdir(parents=True)
    units = []
    for i in range(n["units"]):
        fields = [("id", f"DV-{i:05d}"), ("name", f"Trung tâm Tư vấn Năng suất {brand(i)}")]
        if i % 3 == 0:
            fields.append(("public", "true"))
        units.append(fmt([*fields, ("qualified_on", str(day(rng)))]))
    write_chunks(data / "units", "don-vi", units, chunking(len(units)), header)
    experts = []
    for i in range(n["experts"]):
        fields = [("id", f"CG-{i:06d}"), ("name", person(rng)), ("qualified_on", str(day(rng)))]
        if i % 4 == 0:
            fields.append(("unit", f"DV-{rng.randrange(n['units']):05d}"))
        experts.append(fmt([*fields, ("fields", ["Năng suất xanh", "ISO 9001"])]))
    write_chunks(data / "experts", "chuyen-gia", experts, chunking(len(experts)), header)
    codes = [tax_codes(code, 1000) for code, _, _ in PROVINCES]
    ids, enterprises = [], []
    for i in range(n["enterprises"]):
        eid, fields = enterprise(rng, i, codes)
        ids.append(eid)
        enterprises.append(fmt(fields))
    write_chunks(data / "enterprises", "co-so", enterprises, chunking(len(enterprises)), header)
    del enterprises
    by_year: dict[int, list[str]] = {}
    for i in range(n["trainings"]):
        year = 2021 + i % 5
        by_year.setdefault(year, []).append(fmt(training(rng, i, year, ids)))
    for year, records in by_year.items():
        write_chunks(
            data / "trainings" / str(year), "lop", records, chunking(n["trainings"]), header
        )
    certs: dict[int, list[str]] = {}
    for i in range(n["certifications"]):
        year, fields = certification(rng, i, rng.choice(ids))
        certs.setdefault(year, []).append(fmt(fields))
    for year, records in sorted(certs.items()):
        chunk = chunking(n["certifications"])
        write_chunks(data / "certifications" / str(year), "ho-so", records, chunk, header)
    (out / "targets.yaml").write_text(TARGETS, encoding="utf-8")
    return n


TARGETS = """\
plan:
  id: quoc-gia-pqp-2021-2025
  title: {vi: Chương trình năng suất chất lượng (dữ liệu mô phỏng), en: Productivity and quality programme (synthetic)}
  authority: Bộ Khoa học và Công nghệ
  period: {start: 2021-01-01, end: 2025-12-31}
targets:
  - {id: T1, title: {vi: Cơ sở được tập huấn, en: Establishments trained}, metric: trained_establishments, target: 40000}
  - {id: T2, title: {vi: Doanh nghiệp được hỗ trợ, en: Enterprises supported}, metric: supported_enterprises, target: 15000}
  - {id: T3, title: {vi: Áp dụng tiêu chuẩn, en: Standards coverage}, metric: standards_coverage, target_percent: 100}
  - {id: T4, title: {vi: Mô hình điểm, en: Pilot models}, metric: pilot_models, target: 600}
  - {id: T5a, title: {vi: Đơn vị công lập, en: Public units}, metric: public_units, target: 100}
  - {id: T5b, title: {vi: Chuyên gia, en: Experts}, metric: experts, target: 1000}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", type=int, help="how many records in all, e.g. 100000")
    parser.add_argument("out", type=Path, help="folder to write data/ and targets.yaml into")
    parser.add_argument("--seed", type=int, default=159)
    parser.add_argument(
        "--layout",
        choices=("block", "hand"),
        default="block",
        help="block: one scalar a line (the default); hand: as people write YAML by hand",
    )
    args = parser.parse_args()
    counts = generate(args.records, args.out, args.seed, args.layout)
    size = sum(p.stat().st_size for p in (args.out / "data").rglob("*.yaml"))
    files = sum(1 for _ in (args.out / "data").rglob("*.yaml"))
    print(f"{sum(counts.values())} records in {files} files, {size / 1e6:.1f} MB: {counts}")


if __name__ == "__main__":
    main()
