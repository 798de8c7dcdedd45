"""Mutation testing of the modules that compute figures and problems (docs/testing.md).

Each mutant changes one thing in one module: a comparison flipped (`<` ↔ `<=`, `>` ↔ `>=`,
`==` ↔ `!=`, `in` ↔ `not in`, `is` ↔ `is not`), an integer constant moved by ±1, `and` ↔ `or`,
a `not` dropped, a returned value dropped (`return None`), a loop body skipped. The module's own
fast tests run on a copy of the repository holding the mutant; a failing (or timed-out) run kills
it. Usage:

    nice -n 10 python scripts/mutate.py [metrics progress rules timeline] [--timeout 60]

Prints each surviving mutant (line, what changed) and the score per module.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: module → the tests that pin it (fast files only: the whole suite is too slow per mutant).
TESTS: dict[str, list[str]] = {
    "figures/metrics": [
        "tests/test_metrics.py",
        "tests/test_boundaries.py",
        "tests/test_figures_oracle.py",
    ],
    "figures/progress": [
        "tests/test_status_rules.py",
        "tests/test_metrics.py",
        "tests/test_boundaries.py",
        "tests/test_rounding.py::test_round1_one_decimal_halves_up",
        "tests/test_rounding.py::test_round1_of_none_is_none",
        "tests/test_rounding.py::test_status_json_rounds_every_figure_alike",
    ],
    "checks/rules": ["tests/test_problems.py", "tests/test_rules_boundaries.py"],
    "figures/timeline": [
        "tests/test_timeline.py",
        "tests/test_report_inyear.py",
        "tests/test_calendar_edges.py",
        "tests/test_boundaries.py",
        "tests/test_rounding.py::test_status_json_rounds_every_figure_alike",
        "tests/test_rounding.py::test_expected_on_a_half_is_rounded_up_in_the_chart_series",
    ],
}

#: Mutants that once survived the whole suite (docs/testing.md): module, text, mutated text.
LISTED: list[tuple[str, str, str]] = [
    ("figures/progress", 'if target.kind == "percent" and result.denominator:', 'if target.kind != "percent" and result.denominator:'),
    ("figures/progress", "return Fraction(100 * result.numerator", "return Fraction(101 * result.numerator"),
    ("figures/progress", "if v >= exact(goal):", "if v > exact(goal):"),
    ("figures/progress", "float(round1(x) or 0.0)", "float(round1(x) and 0.0)"),
    ("figures/metrics", "if o.certified_on <= at and", "if o.certified_on < at and"),
    ("figures/metrics", "\\0{p!r}\\0{start}", "\\0{start}"),
    ("checks/rules", "and b is not None and b < a:", "and b is not None and b <= a:"),
    ("checks/rules", "if p.expires_on is not None and p.expires_on < p.certified_on:", "if False:"),
]  # fmt: skip

FLIP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}


@dataclass(frozen=True)
class Mutant:
    index: int  # the n-th mutable site in walk order
    variant: int  # for constants: 0 → +1, 1 → -1
    line: int
    what: str


def sites(tree: ast.AST) -> Iterator[tuple[ast.AST, int, str]]:
    """Every (node, variant, description) that can be mutated, in a stable order."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in FLIP:
                    yield node, i, f"{type(op).__name__} → {FLIP[type(op)].__name__}"
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            yield node, 0, f"{node.value} → {node.value + 1}"
            yield node, 1, f"{node.value} → {node.value - 1}"
        elif isinstance(node, ast.BoolOp):
            yield node, 0, "and → or" if isinstance(node.op, ast.And) else "or → and"
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield node, 0, "not dropped"
        elif isinstance(node, ast.Return) and node.value is not None:
            if not (isinstance(node.value, ast.Constant) and node.value.value is None):
                yield node, 0, "return value dropped"
        elif isinstance(node, (ast.For, ast.While)):
            yield node, 0, "loop body skipped"


def mutants(source: str) -> list[Mutant]:
    tree = ast.parse(source)
    return [
        Mutant(i, variant, getattr(node, "lineno", 0), what)
        for i, (node, variant, what) in enumerate(sites(tree))
    ]


def apply(source: str, mutant: Mutant) -> str:
    """The source with one mutant applied (the rest unparsed unchanged)."""
    tree = ast.parse(source)
    node, variant, _ = list(sites(tree))[mutant.index]
    if isinstance(node, ast.Compare):
        node.ops[variant] = FLIP[type(node.ops[variant])]()
    elif isinstance(node, ast.Constant):
        node.value = node.value + (1 if variant == 0 else -1)
    elif isinstance(node, ast.BoolOp):
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif isinstance(node, ast.UnaryOp):
        _replace(tree, node, node.operand)
    elif isinstance(node, ast.Return):
        node.value = None
    elif isinstance(node, (ast.For, ast.While)):
        node.body = [ast.Pass()]
    return ast.unparse(ast.fix_missing_locations(tree))


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for parent in ast.walk(tree):
        for name, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, name, new)
            elif isinstance(value, list):
                setattr(parent, name, [new if v is old else v for v in value])


def run_tests(work: Path, tests: list[str], timeout: float) -> bool:
    """True when the tests pass on the copy in `work` (the mutant survives)."""
    return killer(work, tests, timeout) is None


def killer(work: Path, tests: list[str], timeout: float) -> str | None:
    """The first test that fails on the copy in `work` (`timeout`, ...), None when all pass."""
    env = {
        **os.environ,
        "PYTHONPATH": str(work),
        "PYTHONDONTWRITEBYTECODE": "1",  # a stale .pyc of a same-size mutant must never run
        "XDG_CACHE_HOME": str(work / ".cache"),
    }
    shutil.rmtree(work / "data" / ".pqp-cache", ignore_errors=True)
    # One process (no xdist): a mutant runs a few fast tests, and a timed-out run must leave no
    # workers behind.
    options = ["-x", "-q", "-p", "no:cacheprovider", "-p", "no:xdist"]
    command = [sys.executable, "-m", "pytest", *options, *tests]
    try:
        done = subprocess.run(command, cwd=work, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout"
    if done.returncode == 0:
        return None
    failed = [ln for ln in done.stdout.decode().splitlines() if ln.startswith(("FAILED", "ERROR"))]
    return failed[0].split(" - ")[0] if failed else f"exit {done.returncode}"


def listed(work: Path, timeout: float) -> list[str]:
    """Each mutant of LISTED and the test that kills it ("SURVIVED" if none does)."""
    lines = []
    for module, old, new in LISTED:
        path = work / "pqp_cli" / f"{module}.py"
        original = path.read_text(encoding="utf-8")
        if original.count(old) != 1:
            sys.exit(f"{module}.py: {old!r} is not there once; update LISTED")
        path.write_text(original.replace(old, new), encoding="utf-8")
        try:
            by = killer(work, TESTS[module], timeout) or "SURVIVED"
        finally:
            path.write_text(original, encoding="utf-8")
        lines.append(f"{module}.py: {old!r} → {new!r}: killed by {by}")
        print(lines[-1], flush=True)
    return lines


def copy_repository(into: Path) -> Path:
    ignore = shutil.ignore_patterns(".venv", ".git", "__pycache__", ".mypy_cache", ".ruff_cache")
    work = into / "repo"
    shutil.copytree(ROOT, work, ignore=ignore)
    return work


def mutate_module(name: str, timeout: float, work: Path) -> tuple[int, list[Mutant]]:
    """(mutants made, survivors) for pqp_cli/<name>.py."""
    path = work / "pqp_cli" / f"{name}.py"
    original = path.read_text(encoding="utf-8")
    tests = [t for t in TESTS[name] if (work / t.split("::")[0]).exists()]
    path.write_text(ast.unparse(ast.parse(original)), encoding="utf-8")
    if not run_tests(work, tests, timeout * 4):
        sys.exit(f"{name}: the tests fail on the unmutated module; fix them first")
    found = mutants(original)
    survivors = []
    try:
        for m in found:
            path.write_text(apply(original, m), encoding="utf-8")
            if run_tests(work, tests, timeout):
                survivors.append(m)
                print(f"  survived {name}.py:{m.line} #{m.index} {m.what}", flush=True)
    finally:
        path.write_text(original, encoding="utf-8")
    return len(found), survivors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=list(TESTS))
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per mutant")
    parser.add_argument("--listed", action="store_true", help="only the mutants in LISTED")
    args = parser.parse_args()
    scores = []
    with tempfile.TemporaryDirectory(prefix="pqp-mutate-") as tmp:
        work = copy_repository(Path(tmp))
        if args.listed:
            listed(work, args.timeout)
            return
        for name in args.modules:
            made, survivors = mutate_module(name, args.timeout, work)
            killed = made - len(survivors)
            scores.append(f"{name}: {killed}/{made} killed = {100 * killed / max(made, 1):.1f} %")
            print(scores[-1], flush=True)
    print("\n".join(scores))


if __name__ == "__main__":
    main()
