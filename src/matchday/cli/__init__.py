"""The ``matchday`` command line: thin commands that parse arguments, call the core, format."""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Callable

import typer

from matchday.cli.backtest import backtest
from matchday.cli.check import check_command
from matchday.cli.common import (
    DEBUG_VARIABLE,
    LEFT_OUT,
    LEFT_OUT_EXIT_CODE,
    one_line,
)
from matchday.cli.draw import draw
from matchday.cli.fit import fit_command
from matchday.cli.forecast import forecast
from matchday.cli.live import live
from matchday.cli.match import match
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


def _command(function: Callable[..., None], name: str | None = None) -> None:
    """Register a command; its line in ``matchday --help`` is its docstring's first paragraph
    on one line (Rich keeps the docstring's line breaks there, which wrap raggedly)."""
    first = inspect.cleandoc(function.__doc__ or "").split("\n\n")[0]
    app.command(name=name, short_help=" ".join(first.split()))(function)


_command(ties)
_command(serve)
_command(live)
_command(report)
_command(table)
_command(draw)
_command(fit_command, "fit")
_command(backtest)
_command(forecast)
_command(plot)
_command(match)
_command(check_command, "check")


def main() -> None:
    """Run the CLI: every error, whatever raised it, becomes one line on stderr and exit
    status 1 (a traceback only with MATCHDAY_DEBUG=1); an interrupt exits with status 130; a
    command run with ``--keep-going`` that left something out exits with ``LEFT_OUT_EXIT_CODE``."""
    LEFT_OUT.clear()
    try:
        app()
    except SystemExit as done:
        if done.code in (0, None) and LEFT_OUT:
            raise SystemExit(LEFT_OUT_EXIT_CODE) from None
        raise
    except KeyboardInterrupt:
        sys.stderr.write("matchday: interrupted\n")
        raise SystemExit(130) from None
    except Exception as err:
        if os.environ.get(DEBUG_VARIABLE) and not isinstance(err, MatchdayError):
            raise
        sys.stderr.write(f"matchday: error: {one_line(err)}\n")
        raise SystemExit(1) from None
