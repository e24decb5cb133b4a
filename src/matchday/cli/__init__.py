"""The ``matchday`` command line: thin commands that parse arguments, call the core, format."""

from __future__ import annotations

import sys

import typer

from matchday.cli.backtest import backtest
from matchday.cli.common import LEFT_OUT, LEFT_OUT_EXIT_CODE
from matchday.cli.draw import draw
from matchday.cli.fit import fit_command
from matchday.cli.forecast import forecast
from matchday.cli.live import live
from matchday.cli.plot import plot
from matchday.cli.report import report
from matchday.cli.serve import serve
from matchday.cli.table import table
from matchday.cli.ties import ties
from matchday.errors import MatchdayError

__all__ = ["app", "main"]

app = typer.Typer(
    name="matchday",
    help="Knockout football: who goes through, and why.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """Knockout football: who goes through, and why."""


app.command()(ties)
app.command()(serve)
app.command()(live)
app.command()(report)
app.command()(table)
app.command()(draw)
app.command(name="fit")(fit_command)
app.command()(backtest)
app.command()(forecast)
app.command()(plot)


def main() -> None:
    """Run the CLI; matchday's own errors become one line on stderr and exit code 1; a command
    run with ``--keep-going`` that left something out exits with ``LEFT_OUT_EXIT_CODE``."""
    LEFT_OUT.clear()
    try:
        app()
    except SystemExit as done:
        if done.code in (0, None) and LEFT_OUT:
            raise SystemExit(LEFT_OUT_EXIT_CODE) from None
        raise
    except MatchdayError as err:
        sys.stderr.write(f"matchday: error: {err}\n")
        raise SystemExit(1) from None
