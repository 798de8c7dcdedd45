"""The Typer app: one small module per command group."""
