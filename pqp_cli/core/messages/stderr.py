"""Warnings said on stderr, outside a command's own output (`pqp: warning: …`)."""

from __future__ import annotations

from pqp_cli.core.messages.base import Entry, Texts

ENTRIES = [
    Entry(
        "cache-link",
        "stderr",
        "warning",
        Texts("The cache folder is a link", "Thư mục bộ nhớ đệm là liên kết"),
        "`DATA/.pqp-cache` (or a folder on the way to it) is a symbolic link: pqp writes and "
        "deletes nothing through a link, so it reads every file afresh this run.",
        "data/.pqp-cache -> /tmp/elsewhere",
        "Remove the link; pqp makes a real folder the next run.",
        {
            "": Texts(
                "{where} is a link; the cache is off for this run (pqp writes and deletes "
                "nothing through a link: remove it)",
                "{where} là một liên kết; bộ nhớ đệm tắt trong lần chạy này (pqp không ghi hay "
                "xoá gì qua liên kết: hãy xoá nó)",
            )
        },
        {"where": "data/.pqp-cache"},
    ),
    Entry(
        "submodule-left-out",
        "stderr",
        "warning",
        Texts("A submodule left out at a revision", "Submodule bị bỏ qua ở một phiên bản"),
        "With `--rev`, a git submodule inside the data folder is not read: its files are in "
        "another repository.",
        "data/sub (a git submodule), read with `pqp status --rev v1`",
        "Copy the records into the data folder itself, if they should count.",
        {
            "": Texts(
                "figures at {rev} leave out {name} (a submodule: its files are in another "
                "repository)",
                "số liệu ở phiên bản {rev} không tính {name} (một submodule: tệp của nó nằm ở "
                "kho khác)",
            )
        },
        {"rev": "v1", "name": "data/sub"},
    ),
]
