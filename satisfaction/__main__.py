"""`python -m satisfaction`: the command line."""

from satisfaction.cli import main

main()
