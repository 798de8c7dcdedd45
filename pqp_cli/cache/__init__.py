"""The cache around the loader: stored results keyed by file content."""
