"""Opening a project: the plan and the dataset, from the working tree or a git revision, cached or plain."""
