"""``matchday fit``: fit ratings on the open data and save them, or rebuild the shipped ones."""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from matchday.cli.common import DataOption, console, parse_date, progress_bar
from matchday.errors import ConfigError
from matchday.forecast.ratings import Ratings
from matchday.forecast.results import ResultTable
from matchday.io.history import History, load_history
from matchday.io.snapshot import save_snapshot

if TYPE_CHECKING:  # the fit loads scipy.optimize: imported when a fit runs
    from matchday.forecast.fit import FitSettings

__all__ = ["SHIPPED", "fit_command", "fit_ratings", "progress_bar"]

SHIPPED: dict[str, dt.date | None] = {
    "europa-league-2017-18": dt.date(2018, 2, 13),
    **{f"before-{year}-{year + 1 - 2000}": dt.date(year, 7, 1) for year in range(2022, 2026)},
    "latest": None,
}
"""The snapshots matchday ships, by file name, and the date they are fitted before: the day the
bundled Europa League 2017-18 data begins (its round of 32), 1 July before each season from
2022-23 (so that recent seasons can be replayed from their start), and the newest data."""


def fit_ratings(
    data: Path, before: dt.date | None, settings: FitSettings | None = None
) -> tuple[Ratings, History]:
    """Read the data folder and fit ratings on every result before ``before`` (default: all),
    with a progress bar for the files and one for the optimiser."""
    from matchday.forecast.fit import FitSettings, fit

    settings = settings or FitSettings()
    with progress_bar() as bar:
        reading = bar.add_task("reading results", total=None, detail="")

        def read(name: str, done: int, total: int) -> None:
            bar.update(reading, completed=done, total=total, detail=name)

        history = load_history(data, progress=read)
        table = ResultTable.from_results(history.results)
        as_of = before or dt.date.fromordinal(int(table.day.max()) + 1)
        table = table.before(as_of)
        fitting = bar.add_task(
            f"fitting {len(table):,} matches", total=settings.max_iterations, detail=""
        )

        def step(iteration: int, objective: float) -> None:
            bar.update(fitting, completed=iteration, detail=f"objective {objective:,.1f}")

        ratings = fit(table, as_of, settings, progress=step)
        bar.update(fitting, total=ratings.iterations, completed=ratings.iterations)
    return ratings.with_aliases(history.aliases), history


def _report(ratings: Ratings, history: History, path: Path) -> None:
    fitted = int((ratings.matches > 0).sum())
    console.print(
        f"{path}: {fitted} teams rated as of {ratings.as_of} "
        f"({int(ratings.matches.sum()) // 2:,} matches, {ratings.iterations} iterations)"
    )
    if history.unresolved:
        names = ", ".join(f"{t.name} ({t.country})" for t in history.unresolved)
        console.print(
            f"[yellow]{len(history.unresolved)} names not in the club lists, kept as written "
            f"(never merged by guess):[/] {names}"
        )


def fit_command(
    data: DataOption = Path("../shared/data/openfootball"),
    before: Annotated[
        str | None,
        typer.Option("--before", help="Fit only on results before this date (YYYY-MM-DD)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Ratings file to write (JSON)."),
    ] = None,
) -> None:
    """Fit team ratings on the open data and save them; without -o, rebuild the shipped ones."""
    if not data.is_dir():
        raise ConfigError(f"{data}: no such data folder (give --data PATH/TO/openfootball)")
    command = "matchday fit " + shlex.join(sys.argv[2:])
    if output is not None:
        ratings, history = fit_ratings(data, parse_date(before) if before else None)
        unresolved = tuple(f"{t.name} ({t.country})" for t in history.unresolved)
        save_snapshot(ratings, output, command, unresolved)
        _report(ratings, history, output)
        return
    if before is not None:
        raise ConfigError("--before needs --output: the shipped snapshots have fixed dates")
    folder = Path(str(resources.files("matchday.data.models")))
    for name, date in SHIPPED.items():
        ratings, history = fit_ratings(data, date)
        path = folder / f"{name}.json"
        unresolved = tuple(f"{t.name} ({t.country})" for t in history.unresolved)
        save_snapshot(
            ratings, path, f"{command} (rebuilds {path.name})".replace("  ", " "), unresolved
        )
        _report(ratings, history, path)
