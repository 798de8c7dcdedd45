"""Figures: metrics, progress and pace, timelines, explain, diff, localities and the report document."""
