"""How an xdist worker ends once its last test has run (docs/testing.md, "The end of a run").

Measured on the whole suite (two workers): from the last test to the prompt took 4.8 s, a
tenth of it the workers' own clean-up and the rest three waits the user watched:
- pytest's last collections of garbage (`unraisableexception`, five full collections at
  `pytest_unconfigure`), each a scan of the worker's whole heap: 0.6–0.85 s a worker;
- Python's own teardown of that heap (every module and object freed one by one), which the
  controller waits out before it goes on: ≈ 2 s;
- the controller alone removing the run's 50,000 files from the RAM disk (`leave_nothing`):
  1.2 s, on one core while the other idled.

Now a worker whose session was green collects its garbage once and freezes what is left out
of the later scans; at its very end (after every other exit handler of the tests, the scratch
folder's removal included) it removes its own part of the run's folder, on its own core, when
the controller would have removed it, and leaves without Python's teardown. A worker with a
failed test, an interrupted session or a gateway of its own ends as Python ends, and keeps its
files for a look, as the controller keeps a failed run's.

What a green worker skips is Python's teardown of what is still alive: an object whose
`__del__` would remove a file (a `NamedTemporaryFile` kept in a module, say) removes nothing,
and nothing warns of a resource left open. A test makes its files under `tmp_path` (removed
with the run's folder) or removes them itself. None relies on teardown today: the exit
handlers a worker registers before tests/conftest.py's are `logging.shutdown` and execnet's
(both seen to, below); every later one (`TemporaryDirectory`'s, pqp's) runs before `_end`.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import logging
import os
import shutil
import sys
from pathlib import Path
from typing import Any

import scratch

#: The key of a worker's `workerinput`: the controller removes a green run's folder (the RAM
#: disk's, not one the user named with `--basetemp`), so the worker may remove its own part.
LEAVE = "pqp_leave_nothing"

#: Filled when this worker's session ended green: the folder it removes as it ends, if any.
_GREEN: dict[str, Path | None] = {}


def arm() -> None:
    """Register the worker's ending: called by tests/conftest.py before it registers anything
    else to run at exit, so that it runs after all of them (exit handlers run last first)."""
    atexit.register(_end)


def controller_leaves_nothing(config: Any) -> bool:
    """Whether the controller removes a green run's folder (`scratch.leave_nothing`)."""
    return bool(os.environ.get(scratch.IN_MEMORY)) and config.option.basetemp is None


def session_finished(config: Any, exitstatus: int) -> None:
    """In a worker, as its session ends: the garbage collected once, the rest frozen (pytest's
    five collections then scan only what is made after), and a green ending noted."""
    gc.collect()
    gc.freeze()
    if exitstatus != 0:
        return
    given = config.option.basetemp  # xdist's: the controller's folder / `popen-gwN`
    _GREEN["folder"] = Path(given) if given and config.workerinput.get(LEAVE) else None


def _end() -> None:
    if "folder" not in _GREEN:
        return
    import execnet

    if len(execnet.default_group):  # gateways of the worker's own: execnet closes them
        return
    folder = _GREEN["folder"]
    if folder is not None and folder.resolve().is_relative_to(scratch.private_folder().resolve()):
        shutil.rmtree(folder, ignore_errors=True)
    logging.shutdown()  # the one exit handler registered before tests/conftest.py's, with
    # execnet's, which has nothing to close (above)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)
