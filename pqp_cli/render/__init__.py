"""Rendering: tables, JSON, CSV, Markdown (and reports); the only place besides cli that prints."""
