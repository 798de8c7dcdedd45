"""`python -m pqp_cli` runs the CLI."""

from pqp_cli.cli.app import main

main()
