"""The rules across records ask first, at C speed, whether there is anything to find (no
repeated id, tax code, name or record; every reference known; every check digit right) and
skip their loop over every record when there is not. Their findings must be exactly those of
the loops: compared here on datasets drawn at random, with and without such faults."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest

from pqp_cli.checks import cross
from pqp_cli.core.models import tax_code_check_ok
from pqp_cli.load.dataset import load_dataset

TODAY = dt.date(2026, 11, 25)
#: Tax codes with a right check digit, and one with a wrong one.
_CODES = ["0100233488", "2800010000", "0100010001", "0100233480"]
_NAMES = ["Công ty TNHH Lam Sơn", "Cty Lam Sơn", "HTX Hoằng Đồng", "Cơ sở Cói Nga Sơn"]


def _right_code(n: int) -> str:
    """A tax code of its own for establishment `n`, its check digit right."""
    return next(
        code
        for body in (f"{n:03d}{m:06d}" for m in range(100))
        for code in [body + str(d) for d in range(10)]
        if tax_code_check_ok(code)
    )


def _dataset(seed: int, faults: bool) -> dict[str, str]:
    rng = random.Random(seed)
    count = rng.randint(3, 12)
    ids = [f"E{n}" for n in range(count)]
    if faults:
        ids[rng.randrange(count)] = ids[rng.randrange(count)]
    enterprises = []
    for n, eid in enumerate(ids):
        code = rng.choice(_CODES) if faults else _right_code(n)
        name = rng.choice(_NAMES) if faults else f"Công ty Số {n}"
        taxed = f"  tax_code: '{code}'\n" if faults or n % 2 else ""
        enterprises.append(f"- id: {eid}\n  name: {name}\n  type: enterprise\n{taxed}")
    known = ids + (["E999"] if faults else [])
    trainings, certifications = [], []
    for n in range(rng.randint(1, 5)):
        day = "2023-05-0" + str(rng.randint(1, 2) if faults else n % 9 + 1)
        people = ", ".join(rng.sample(known, min(3, len(known))))
        trainings.append(
            f"- id: T{n}\n  title: Lớp {n % 2 if faults else n}\n  date: {day}\n"
            f"  topics: [standards]\n  participants: [{people}]\n"
        )
    for n in range(rng.randint(1, 5)):
        certifications.append(
            f"- id: C{n}\n  enterprise: {rng.choice(known)}\n  category: management_system\n"
            f"  scheme: ISO 9001:2015\n  achieved_on: 2023-0{rng.randint(1, 2) if faults else 1}-1{n}\n"
        )
    half = len(enterprises) // 2
    return {
        "enterprises/a.yaml": "".join(enterprises[:half]),
        "enterprises/b.yaml": "".join(enterprises[half:]),
        "trainings.yaml": "".join(trainings),
        "certifications.yaml": "".join(certifications),
    }


def _problems(root: Path, files: dict[str, str]) -> list[Any]:
    data = root / "data"
    for name, body in files.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text(body, encoding="utf-8")
    dataset = load_dataset(data, today=TODAY)
    where = str(data)
    return [
        (p.code, p.file.replace(where, ""), p.line, p.message("en").replace(where, ""))
        for p in dataset.problems
    ]


@pytest.mark.parametrize("faults", [False, True])
def test_the_shortcuts_find_what_the_loops_find(
    faults: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found_faults = 0
    for seed in range(25):
        files = _dataset(seed, faults)
        quick = _problems(tmp_path / f"quick{seed}", files)
        with monkeypatch.context() as patched:
            patched.setattr(cross, "_distinct", lambda *_: False)
            patched.setattr(cross, "_all", lambda _: False)
            slow = _problems(tmp_path / f"slow{seed}", files)
        assert quick == slow, seed
        found_faults += bool(quick)
    assert (found_faults > 20) if faults else (found_faults == 0)


def test_the_check_digit_is_the_weighted_sum_s_for_every_code() -> None:
    """Digits summed as bytes (ASCII) or through `int` (others) give one answer: the
    definition's, for random codes, branch codes (`-001`) and digits of other scripts."""
    weights = (31, 29, 23, 19, 17, 13, 7, 5, 3)
    rng = random.Random(7)
    codes = ["".join(rng.choice("0123456789") for _ in range(10)) for _ in range(20_000)]
    codes += [c + "-001" for c in codes[:500]] + ["٣" * 10, "１２３４５６７８９０", "0100233488"]
    for code in codes:
        digits = [int(c) for c in code[:10]]
        right = (10 - sum(w * d for w, d in zip(weights, digits, strict=False)) % 11) == digits[9]
        assert tax_code_check_ok(code) == right, code
    assert 1_000 < sum(map(tax_code_check_ok, codes)) < 3_000  # about one code in eleven
