#!/usr/bin/env python3
"""Write a synthetic national-scale dataset (all five kinds) for the benchmarks, deterministically.

    python benchmarks/gen_dataset.py 100000 /tmp/pqp-100k

writes `/tmp/pqp-100k/data/` (several files per kind, about 2,000 records a file) and
`/tmp/pqp-100k/targets.yaml`. Records look like the sample data's (Vietnamese names, real
province codes and district names, tax codes with a right check digit, dates inside the plan)
and are referentially valid, so `pqp validate` reports no errors. The same size and seed give
byte-identical files. Text is written directly (no YAML emitter) so that 1M records take
seconds, not minutes. Every record is invented: synthetic data, not official figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from collections.abc import Iterator
from pathlib import Path

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


def enterprise(rng: random.Random, n: int, codes: list[Iterator[str]]) -> tuple[str, str]:
    p = n % len(PROVINCES)
    code, _province, districts = PROVINCES[p]
    kind, form = rng.choice(FORMS)
    sector, products = rng.choice(SECTORS)
    eid = f"{ABBR[p]}-{n:07d}"
    district = rng.choice(districts)
    lines = [
        f"- id: {eid}",
        f"  name: {form} {sector} {brand(n)}",
        f"  type: {kind}",
        f"  tax_code: '{next(codes[p])}'",
        f"  locality: {district}",
        f"  address: Số {rng.randrange(1, 300)}, đường {rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}, {district}",
        f"  sector: {sector}",
    ]
    if products and rng.random() < 0.3:
        lines.append("  key_product: true")
    if n % 97 == 0:
        lines.append("  pilot_model: true")
    if products and rng.random() < 0.25:
        lines.append("  ocop_products:")
        for product in rng.sample(products, k=min(len(products), rng.choice((1, 1, 2)))):
            certified = day(rng, D(2020, 1, 1), D(2025, 6, 30))
            lines += [
                f"  - name: {product} {brand(n)}",
                f"    stars: {rng.choice((3, 3, 4, 5))}",
                f"    certified_on: {certified}",
                f"    expires_on: {years_later(certified, 3)}",
            ]
    return eid, "\n".join(lines) + "\n"


def training(rng: random.Random, n: int, year: int, enterprise_ids: list[str]) -> str:
    date = day(rng, D(year, 1, 10), D(year, 11, 20))
    topics = rng.sample(TOPICS, k=rng.choice((1, 1, 2, 3)))
    people = rng.sample(enterprise_ids, k=min(len(enterprise_ids), rng.randrange(10, 70)))
    place = rng.choice(rng.choice(PROVINCES)[2])
    lines = [
        f"- id: TR-{year}-{n:06d}",
        f"  title: Tập huấn {rng.choice(('hệ thống quản lý', 'công cụ cải tiến năng suất', 'tiêu chuẩn, quy chuẩn kỹ thuật', 'đảm bảo đo lường', 'chuyển đổi số'))} năm {year}, lớp {n}",
        f"  date: {date}",
        f"  end_date: {date + dt.timedelta(days=rng.randrange(0, 4))}",
        "  topics:",
        *(f"  - {t}" for t in topics),
        "  organizer: Chi cục Tiêu chuẩn Đo lường Chất lượng",
        f"  locality: {place}",
        f"  trainees: {len(people) * rng.randrange(1, 4)}",
        "  participants:",
        *(f"  - {p}" for p in people),
    ]
    return "\n".join(lines) + "\n"


def certification(rng: random.Random, n: int, enterprise_id: str) -> tuple[int, str]:
    category = rng.choice(list(SCHEMES))
    started = day(rng, START, D(2025, 3, 31))
    lines = [
        f"- id: CN-{n:07d}",
        f"  enterprise: {enterprise_id}",
        f"  category: {category}",
        f"  scheme: {rng.choice(SCHEMES[category])}",
        f"  started_on: {started}",
    ]
    year = started.year
    if rng.random() < 0.85:
        achieved = min(LAST, started + dt.timedelta(days=rng.randrange(30, 300)))
        year = achieved.year
        lines.append(f"  achieved_on: {achieved}")
        if category == "management_system":
            lines.append(f"  expires_on: {years_later(achieved, 3)}")
        lines.append(f"  certifier: {rng.choice(CERTIFIERS)}")
    if rng.random() < 0.05:
        lines.append("  supported: false")
    return year, "\n".join(lines) + "\n"


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def write_chunks(folder: Path, stem: str, records: list[str], per_file: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(0, len(records), per_file):
        text = HEADER + "\n".join(records[i : i + per_file])
        (folder / f"{stem}-{i // per_file + 1:03d}.yaml").write_text(text, encoding="utf-8")


def per_file_for(count: int) -> int:
    """About 2,000 records a file, and at least four files for a kind of 800 records or more."""
    return max(200, min(PER_FILE, -(-count // 4)))


def generate(total: int, out: Path, seed: int = 159) -> dict[str, int]:
    rng = random.Random(seed)
    n = sizes(total)
    data = out / "data"
    if data.exists():
        shutil.rmtree(data)
    data.mkdir(parents=True)
    units = [
        f"- id: DV-{i:05d}\n  name: Trung tâm Tư vấn Năng suất {brand(i)}\n"
        + ("  public: true\n" if i % 3 == 0 else "")
        + f"  qualified_on: {day(rng)}\n"
        for i in range(n["units"])
    ]
    write_chunks(data / "units", "don-vi", units, per_file_for(len(units)))
    experts = []
    for i in range(n["experts"]):
        text = f"- id: CG-{i:06d}\n  name: {person(rng)}\n  qualified_on: {day(rng)}\n"
        if i % 4 == 0:
            text += f"  unit: DV-{rng.randrange(n['units']):05d}\n"
        text += "  fields:\n  - Năng suất xanh\n  - ISO 9001\n"
        experts.append(text)
    write_chunks(data / "experts", "chuyen-gia", experts, per_file_for(len(experts)))
    codes = [tax_codes(code, 1000) for code, _, _ in PROVINCES]
    ids, enterprises = [], []
    for i in range(n["enterprises"]):
        eid, text = enterprise(rng, i, codes)
        ids.append(eid)
        enterprises.append(text)
    write_chunks(data / "enterprises", "co-so", enterprises, per_file_for(len(enterprises)))
    del enterprises
    by_year: dict[int, list[str]] = {}
    for i in range(n["trainings"]):
        year = 2021 + i % 5
        by_year.setdefault(year, []).append(training(rng, i, year, ids))
    for year, records in by_year.items():
        write_chunks(data / "trainings" / str(year), "lop", records, per_file_for(n["trainings"]))
    certs: dict[int, list[str]] = {}
    for i in range(n["certifications"]):
        year, text = certification(rng, i, rng.choice(ids))
        certs.setdefault(year, []).append(text)
    for year, records in sorted(certs.items()):
        chunk = per_file_for(n["certifications"])
        write_chunks(data / "certifications" / str(year), "ho-so", records, chunk)
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
    args = parser.parse_args()
    counts = generate(args.records, args.out, args.seed)
    size = sum(p.stat().st_size for p in (args.out / "data").rglob("*.yaml"))
    files = sum(1 for _ in (args.out / "data").rglob("*.yaml"))
    print(f"{sum(counts.values())} records in {files} files, {size / 1e6:.1f} MB: {counts}")


if __name__ == "__main__":
    main()
