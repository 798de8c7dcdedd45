"""pqp's version: here, below every layer, so that any module may name it (the cache keys on it)."""

__version__ = "0.1.0"
