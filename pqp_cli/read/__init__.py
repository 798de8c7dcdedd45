"""Reading: the YAML readers, the data files (found, read, in worker processes when it pays),
targets.yaml, git objects. Nothing here checks one record against another (`checks`) or
keeps anything between runs (`cache`)."""
