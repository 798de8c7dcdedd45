"""What the data cache keeps beside the readings (`cache.store.DataCache`, signed entries):
metric results and whole answers for one dataset (`m/`, by what they were computed from), and
the hints suggested for unknown references (`h/`)."""

from __future__ import annotations

import hashlib
import marshal
import pickle
from typing import Any

from pqp_cli.cache.store import DataCache, salt

#: Metric results a run keeps at most: the cache keeps only the newest 256 entries of `m/`
#: (`store._KEEP`), whole answers among them, so more would be written only to be pruned (a
#: period of ten thousand years wrote 12,000, a file each).
METRICS_KEPT_A_RUN = 192

#: Results a run looks for one by one (a failed open each when absent) before it lists `m/`
#: once and answers later misses from that listing: a period of ten thousand years asks for
#: 20,000 results, and no more than `METRICS_KEPT_A_RUN` can be there.
MISSES_BEFORE_LISTING = 256


class MetricMemo:
    """Metric results for one dataset, one cache entry each, by what they were computed from."""

    def __init__(self, cache: DataCache, prefix: str) -> None:
        self.cache = cache
        self.prefix = prefix
        self.room = METRICS_KEPT_A_RUN
        self.trimmed = False
        self.misses = 0
        #: After `MISSES_BEFORE_LISTING` misses, the entries `m/` held then and those this run
        #: wrote since: a name outside it is a miss without a look (at worst, an entry another
        #: run wrote meanwhile is computed again, never read wrong).
        self.present: set[str] | None = None

    def _name(self, key: str) -> str:
        return f"{self.prefix}-{hashlib.sha256(key.encode()).hexdigest()[:32]}"

    def get(self, key: str) -> Any | None:
        name = self._name(key)
        if self.present is not None and name not in self.present:
            return None
        payload = self.cache.get(name)
        if payload is None:
            self.misses += 1
            if self.misses == MISSES_BEFORE_LISTING:
                self.present = self.cache.names("m")
            return None
        try:
            stored_key, value = marshal.loads(payload)
        except Exception:  # a corrupt entry: compute again
            return None
        return value if stored_key == key else None

    def put(self, key: str, value: Any) -> None:
        if self.room <= 0:
            return
        try:
            payload = marshal.dumps((key, value))
        except ValueError:  # not plain values: not cached
            return
        if not self.trimmed:  # the run's first: older ones past what the cache keeps go first
            self.trimmed = True
            self.cache.trim("m")
        name = self._name(key)
        if self.cache.put(name, payload):
            self.room -= 1
            if self.present is not None:
                self.present.add(name)

    def recall(self, key: str) -> Any | None:
        """A whole answer kept by `keep` (a typed document), or None."""
        payload = self.cache.get(self._name("answer\0" + key))
        if payload is None:
            return None
        try:
            stored_key, value = pickle.loads(payload)  # noqa: S301 - signed with the user's key
        except Exception:  # a corrupt entry, or classes since renamed: compute again
            return None
        return value if stored_key == key else None

    def keep(self, key: str, value: Any) -> None:
        """Keep an answer built from this dataset (pickled: documents are dataclasses; the
        entry is signed like every other, so only what this user's pqp wrote is ever read)."""
        try:
            payload = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - not picklable: simply not kept
            return
        self.cache.put(self._name("answer\0" + key), payload)


class HintEntries:
    """The hints for unknown references (`checks.suggestions.HintStore`), one entry by the
    records they were chosen among."""

    def __init__(self, cache: DataCache) -> None:
        self.cache = cache

    def _name(self, name: str) -> str:
        return "h/" + hashlib.sha256(f"{salt()}\0{name}".encode()).hexdigest()

    def get(self, name: str) -> Any | None:
        payload = self.cache.get(self._name(name))
        try:
            return marshal.loads(payload) if payload is not None else None
        except Exception:  # a corrupt entry: look for the hints again
            return None

    def put(self, name: str, value: Any) -> None:
        try:
            self.cache.put(self._name(name), marshal.dumps(value))
        except ValueError:  # pragma: no cover - hints are text
            return
