"""Reading: the YAML readers, the data files, targets.yaml, git objects."""
