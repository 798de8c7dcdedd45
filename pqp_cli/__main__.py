"""`python -m pqp_cli` runs the CLI (through `cli.launch`, which may replay a recorded answer)."""

from pqp_cli.cli.launch import main

main()
