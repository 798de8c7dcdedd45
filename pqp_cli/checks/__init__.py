"""Cross-record rules: pure functions from the read records to problems, and the dataset they
leave (`assemble`); the locality check against the register."""
