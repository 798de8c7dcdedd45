"""Random data folders, targets files and git histories for tests/test_fuzz_cli.py.

Everything is made by a `pick` function (random.choice over a seeded generator), so one seed
gives one example, the same every time.
"""

from __future__ import annotations

import contextlib
import random
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pqp_cli.read import plan

Pick = Callable[[Sequence[Any]], Any]

DATES = [
    "2022-05-15",
    "2021-01-01",
    "2025-12-31",
    "0001-01-01",
    "9999-12-31",
    "15/05/2022",
    "2022-02-30",
    "x",
    "",
    "'2023-04-03'",
    "2023-04-03T00:00:00",
    "2024-02-29",
]
TEXTS = [
    "Công ty A",
    "'TH-0001 '",
    '"a\\x01b"',
    '"\\x7f"',
    "'=HYPERLINK(\"x\")'",
    "<b>x</b>",
    "[x](javascript:1)",
    "'  '",
    '""',
    "~",
    "null",
    "a: b",
    "'a: b'",
    '"\\u2028"',
    "- x",
    "[a, b]",
    "{a: 1}",
    "&a x",
    "*a",
    "!!str x",
    "|",
    "Hà\u00a0Nội",
    "'::error::x'",
    '"T\\u1eadp hu\\u1ea5n \\"5S\\""',
    '"a\\tb\\\\c"',
    "'Tập huấn: 5S'",
    "Công ty A  # ghi chú",
    "'x'# c",
    "#",
]
IDS = ["E1", "E2", "E3", "TR1", "TR2", "C1", "X1", "U1", "'E1 '", "bad id", "", "0", "E1"]
NUMBERS = ["3", "0", "-1", "1e308", "1e309", "inf", ".nan", "1.5", "99999999999", "'3'", "x", ""]
BOOLS = ["true", "false", "Có", "x", "maybe", ""]
FIELDS = {
    "enterprises": {
        "id": IDS,
        "name": TEXTS,
        "type": ["enterprise", "cooperative", "HTX", "x"],
        "tax_code": ["0101234567", "x"],
        "locality": TEXTS,
        "key_product": BOOLS,
        "pilot_model": BOOLS,
    },
    "trainings": {
        "id": IDS,
        "title": TEXTS,
        "date": DATES,
        "end_date": DATES,
        "topics": ["[standards]", "[improvement_tools, 'standards']", "[]", "x", "[a, [b]]"],
        "participants": ["[E1]", "[E1, E2, E9]", "[]", "E1", '["E1", E2]  # 2', "[E1,\n  E2]"],
        "trainees": NUMBERS,
    },
    "certifications": {
        "id": IDS,
        "enterprise": IDS,
        "category": ["product_standard", "management_system", "x"],
        "scheme": ["ISO 9001:2015", "TCVN 1", "x"],
        "achieved_on": DATES,
        "expires_on": DATES,
        "supported": BOOLS,
    },
    "experts": {"id": IDS, "name": TEXTS, "qualified_on": DATES, "revoked_on": DATES, "unit": IDS},
    "units": {"id": IDS, "name": TEXTS, "qualified_on": DATES, "public": BOOLS},
}
#: A valid value of each field, in FIELDS' order (most values drawn are these).
GOOD = {
    "enterprises": ["E1", "Công ty A", "enterprise", "0101234567", "Hà Nội", "true", "false"],
    "trainings": ["TR1", "5S", "2022-05-15", "2022-05-16", "[standards]", "[E1, E2]", "20"],
    "certifications": [
        "C1",
        "E1",
        "product_standard",
        "TCVN 1",
        "2022-06-01",
        "2026-01-01",
        "true",
    ],
    "experts": ["X1", "Lê An", "2022-01-10", "2024-01-10", "U1"],
    "units": ["U1", "Viện A", "2022-01-10", "true"],
}
REQUIRED = {
    "id",
    "name",
    "title",
    "type",
    "date",
    "topics",
    "enterprise",
    "category",
    "scheme",
    "qualified_on",
}
#: Every metric pqp knows, and one it does not.
METRICS = [*plan.METRICS, "nothing"]
ODD_FILES = [
    b"",
    b"\xff\xfe",
    b"id: x\n",
    b"- 1\n- [a]\n",
    b"- {id: E1\n",
    b"--- \n---\n",
    b"- &a {id: E7}\n- *a\n",
    b"\xef\xbb\xbf- id: E8\n  name: y\n  type: household\n",
    b"- id: E9\n  null: 1\n  name: z\n  type: other\n",
]


#: What people put between and inside records written by hand (the fast reader takes these).
ASIDES = ["", "# note", "    # deeper note", "  ", "# ghi chú: xem lại"]


def record(kind: str, pick: Pick) -> str:
    fields = FIELDS[kind]
    good = dict(zip(FIELDS[kind], GOOD[kind], strict=True))
    good["id"] = good["id"][0] + pick("1234")
    names = [n for n in fields if pick([True, True, True, False]) or n in REQUIRED]
    lines = [f"{n}: {pick(fields[n]) if pick([0, 0, 0, 1]) else good[n]}" for n in names]
    if pick([False] * 5 + [True]):
        lines.append(f"{pick(['extra', 'null', 'Null'])}: {pick(TEXTS)}")
    if pick([True, False, False]):
        return "- {" + ", ".join(lines) + "}"  # flow style: libyaml's reader
    return "- " + "\n  ".join(by_hand(line, pick) for line in lines)


def by_hand(line: str, pick: Pick) -> str:
    """A record's line as people write it: now and then a comment after it or a line of its
    own, and a flow list as a block list (its items at the key's indentation or indented)."""
    key, _, value = line.partition(": ")
    shape = pick(range(8))
    if shape == 0 and value.startswith("[") and value.endswith("]") and value != "[]":
        indent = pick(["\n  - ", "\n    - "])
        return key + ":" + "".join(indent + v.strip() for v in value[1:-1].split(","))
    if shape == 1:
        return line + pick(["  # ghi chú", " #", "   "])
    if shape == 2:
        return line + "\n" + pick(ASIDES)
    return line


def data_files(pick: Pick) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for kind in FIELDS:
        for place in range(pick([0, 1, 1, 2])):
            name = f"{kind}.yaml" if place == 0 else f"{kind}/{pick(['2022', 'a', 'b/c'])}.yaml"
            body = pick(["\n", "\n\n"]).join(record(kind, pick) for _ in range(pick([0, 1, 2, 3])))
            if pick([False, False, True]):
                body = "# note\n" + body
            files[name] = (body + "\n").encode()
    if pick([False, False, True]):
        files[pick(["odd.yaml", "trainings/x.yml", "enterprises.yaml"])] = pick(ODD_FILES)
    return files


def targets_file(pick: Pick) -> bytes:
    start, end = pick(
        [
            ("2021-01-01", "2025-12-31"),
            ("2021-01-01", "2025-12-31"),
            ("2021-01-01", "2025-12-31"),
            ("2021-01-01", "2025-12-31"),
            ("0001-01-01", "9999-12-31"),
            ("2025-01-01", "2021-01-01"),
            ("x", "2025-12-31"),
            ("2022-01-01", "2022-01-01"),
        ]
    )
    lines = ["plan:", "  id: p", f"  period: {{start: {start}, end: {end}}}", "targets:"]
    for i in range(pick([0, 1, 2, 3])):
        lines += [
            f"  - id: {pick(['T1', 'T2', 'T1', 'bad id'])}{i}",
            f"    metric: {pick(METRICS)}",
        ]
        key = pick(["target", "target", "target_percent"])
        lines.append(f"    {key}: {pick(['3', '50', '2', '100', *NUMBERS])}")
        if pick([False, False, True]):
            lines.append(
                f"    params: {pick(['{topics: [standards]}', '{categories: [x]}', '[1]', '{}'])}"
            )
    if pick([False] * 6 + [True]):
        lines = pick([["plan: 1"], ["- 1"], ["plan:", "  null: 1"]])
    return ("\n".join(lines) + "\n").encode()


def write(root: Path, files: dict[str, bytes], targets: bytes) -> None:
    shutil.rmtree(root / "data", ignore_errors=True)
    (root / "data").mkdir(parents=True)
    for name, content in files.items():
        path = root / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    (root / "targets.yaml").write_bytes(targets)


# --- a few git histories, built once -----------------------------------------------------------

GIT = ["git", "-c", "user.name=f", "-c", "user.email=f@example.org", "-c", "commit.gpgsign=false"]
GIT += ["-c", "maintenance.auto=false", "-c", "gc.auto=0"]  # no background process per commit


def git(root: Path, *args: str, stdin: bytes | None = None) -> str:
    done = subprocess.run([*GIT, *args], cwd=root, input=stdin, capture_output=True, check=True)
    return done.stdout.decode().strip()


def _hostile_commit(root: Path, tag: str, mode: str, name: str, oid: str) -> None:
    """HEAD's tree with one more entry under data/, written raw (any name, any object)."""
    data = git(root, "rev-parse", "HEAD:data")
    raw = subprocess.run(
        [*GIT, "cat-file", "tree", data], cwd=root, capture_output=True, check=True
    ).stdout
    raw += mode.encode() + b" " + name.encode() + b"\0" + bytes.fromhex(oid)
    new_data = git(root, "hash-object", "--literally", "-t", "tree", "-w", "--stdin", stdin=raw)
    top = subprocess.run(
        [*GIT, "cat-file", "tree", "HEAD^{tree}"], cwd=root, capture_output=True, check=True
    ).stdout
    old = bytes.fromhex(git(root, "rev-parse", "HEAD:data"))
    top = top.replace(old, bytes.fromhex(new_data))
    tree = git(root, "hash-object", "-t", "tree", "-w", "--stdin", "--literally", stdin=top)
    git(root, "tag", tag, git(root, "commit-tree", tree, "-p", "HEAD", "-m", tag, stdin=b""))


def history(seed: int, base: Path) -> Path:
    rng = random.Random(seed)
    root = base / f"repo{seed}"
    root.mkdir()
    git(root, "init", "-q")
    for n in range(3):
        write(root, data_files(rng.choice), targets_file(rng.choice))
        git(root, "add", "-A")
        git(root, "commit", "-q", "--allow-empty", "-m", f"v{n}")
        git(root, "tag", f"v{n}")
    some_blob = git(
        root,
        "hash-object",
        "-w",
        "--stdin",
        stdin=b"- {id: X5, name: a, qualified_on: 2022-01-01}\n",
    )
    escape = git(
        root,
        "hash-object",
        "--literally",
        "-t",
        "tree",
        "-w",
        "--stdin",
        stdin=b"100644 evil.yaml\0" + bytes.fromhex(some_blob),
    )
    hostile = [
        ("dotdot", "40000", "..", escape),
        ("submodule", "160000", "sub", git(root, "rev-parse", "v0")),
        ("missing", "100644", "units.yaml", "0123456789abcdef0123456789abcdef01234567"),
        (
            "linkout",
            "120000",
            "experts.yml",
            git(root, "hash-object", "-w", "--stdin", stdin=b"/etc/x"),
        ),
        (
            "linkin",
            "120000",
            "units.yml",
            git(root, "hash-object", "-w", "--stdin", stdin=b"experts.yaml"),
        ),
    ]
    for tag, mode, name, oid in hostile:
        with contextlib.suppress(subprocess.CalledProcessError):  # this git refuses the tree
            _hostile_commit(root, tag, mode, name, oid)
    write(root, data_files(rng.choice), targets_file(rng.choice))  # an uncommitted change
    return root
