"""The cache around loading: the same dataset as reading and checking every file, from stored
results keyed by file content (`load.dataset` calls it unless the cache is off)."""
