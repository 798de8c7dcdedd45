"""Whole answers kept beside a cached dataset: when nothing changed, `status` and `explain` give
the document they gave last time without reading a single record back.

An answer is kept in the dataset's memo (`Dataset.memo`, there only when the cache gave or
stored the dataset: every file's digest, today and the period are in its name) under a key
holding everything else the document is built from: the question (command, date, language,
options), the plan as read, the problem counts the banner and JSON show, and a digest of every
source and data file of pqp itself (a changed pqp never reads another's answer). When any of
these cannot be told for sure, the answer is computed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pqp_cli.load.project import Project

Doc = TypeVar("Doc")
_code: str | None = None


def code_digest() -> str:
    """A digest of every file of the pqp_cli package (sources and data), read once a process."""
    global _code
    if _code is None:
        package = Path(__file__).resolve().parent.parent
        h = hashlib.sha256()
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".gz", ".json") and "__pycache__" not in path.parts:
                h.update(path.relative_to(package).as_posix().encode() + b"\0")
                h.update(path.read_bytes())
        _code = h.hexdigest()
    return _code


def _key(project: Project, question: tuple[Any, ...]) -> str | None:
    """What the answer to `question` depends on beyond the dataset, or None when unsure."""
    told = repr((question, project.plan, project.summary()))
    if " at 0x" in told:  # an object without a faithful repr: it cannot be told apart
        return None
    return hashlib.sha256(f"{code_digest()}\0{told}".encode()).hexdigest()


def answered(
    project: Project, question: tuple[Any, ...], kind: type[Doc], compute: Callable[[], Doc]
) -> Doc:
    """The document `compute` gives for `question`, from the dataset's memo when it was kept
    there for this very question, plan and pqp (else computed, and kept)."""
    memo = project.dataset.memo
    key = _key(project, question) if memo is not None else None
    if memo is None or key is None:
        return compute()
    found = memo.recall(key)
    if isinstance(found, kind):
        return found
    doc = compute()
    memo.keep(key, doc)
    return doc
