"""pqp: progress tracker over flat files for provincial productivity-and-quality plans."""

__version__ = "0.1.0"
