"""``python -m matchday``: the command line."""

from matchday.cli import main

main()
