"""``python -m baggrund``: the command line."""

from baggrund.cli import main

main(prog_name="baggrund")
