"""Cross-record rules: pure functions from the read records to problems."""
