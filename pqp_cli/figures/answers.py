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
from typing import Any, TypeVar

from pqp_cli.cache.store import code_digest
from pqp_cli.load.project import Project

Doc = TypeVar("Doc")


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
