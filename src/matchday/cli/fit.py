"""``matchday fit``: fit ratings on the open data and save them, or rebuild the shipped ones."""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from matchday.cli.common import DataOption, console, parse_date, progress_bar
from matchday.errors import ConfigError
from matchday.forecast.associations import NationalStrength
from matchday.forecast.fit import FitSettings, fit
from matchday.forecast.fit import Progress as FitProgress
from matchday.forecast.national import NationalSettings, NationalTable, fit_national
from matchday.forecast.ratings import Ratings
from matchday.forecast.results import ResultTable
from matchday.io.history import History, load_history
from matchday.io.international import InternationalData, load_international
from matchday.io.snapshot import NATIONAL_PREFIX, save_snapshot
from matchday.model import Team

__all__ = [
    "SHIPPED",
    "SHIPPED_NATIONAL",
    "fit_command",
    "fit_national_ratings",
    "fit_ratings",
    "national_strength",
]

SHIPPED: dict[str, dt.date | None] = {
    "europa-league-2017-18": dt.date(2018, 2, 13),
    **{f"before-{year}-{year + 1 - 2000}": dt.date(year, 7, 1) for year in range(2022, 2026)},
    "latest": None,
}
"""The snapshots matchday ships, by file name, and the date they are fitted before: the day the
bundled Europa League 2017-18 data begins (its round of 32), 1 July before each season from
2022-23 (so that recent seasons can be replayed from their start), and the newest data."""


SHIPPED_NATIONAL: dict[str, dt.date | None] = {
    f"{NATIONAL_PREFIX}before-2022-11-20": dt.date(2022, 11, 20),
    f"{NATIONAL_PREFIX}latest": None,
}
"""The national-team snapshots matchday ships: before the 2022 World Cup's opening match, and
the newest data."""


def _fitting(
    bar: Progress, what: str, most: int, work: Callable[[FitProgress], Ratings]
) -> Ratings:
    """Run a fit with a bar that follows its iterations (at most ``most``)."""
    task = bar.add_task(what, total=most, detail="")

    def step(iteration: int, objective: float) -> None:
        bar.update(task, completed=iteration, detail=f"objective {objective:,.1f}")

    ratings = work(step)
    bar.update(task, total=ratings.iterations, completed=ratings.iterations)
    return ratings


def national_strength(data: Path) -> NationalStrength | None:
    """The national teams' Elo ratings through time, from the internationals beside the
    openfootball folder (``../shared/data/international`` for ``../shared/data/openfootball``):
    the prior of each country's club level. None when that folder is not there."""
    folder = data.parent / "international"
    if not (folder / "results.csv").is_file():
        return None
    return NationalStrength.from_matches(r.elo() for r in load_international(folder).results)


def fit_ratings(
    data: Path, before: dt.date | None, settings: FitSettings | None = None
) -> tuple[Ratings, History]:
    """Read the data folder and fit ratings on every result before ``before`` (default: all),
    with a progress bar for the files and one for the optimiser; each country's level is
    shrunk towards what its national team's strength implies when the internationals are
    beside the data folder (``national_strength``)."""
    from matchday.forecast.fit import FitSettings

    settings = settings or FitSettings()
    national = national_strength(data)
    with progress_bar() as bar:
        reading = bar.add_task("reading results", total=None, detail="")

        def read(name: str, done: int, total: int) -> None:
            bar.update(reading, completed=done, total=total, detail=name)

        history = load_history(data, progress=read)
        if not history.results:
            raise ConfigError(f"{data}: no results to fit ratings on")
        table = ResultTable.from_results(history.results)
        as_of = before or dt.date.fromordinal(int(table.day.max()) + 1)
        table = table.before(as_of)
        if not len(table):
            raise ConfigError(f"{data}: no results before {as_of} to fit ratings on")
        ratings = _fitting(
            bar,
            f"fitting {len(table):,} matches",
            settings.max_iterations,
            lambda step: fit(
                table,
                as_of,
                settings,
                progress=step,
                national=None if national is None else national.on(as_of),
            ),
        )
    return ratings.with_aliases(history.spellings), history


def fit_national_ratings(
    folder: Path,
    before: dt.date | None,
    settings: NationalSettings | None = None,
    data: InternationalData | None = None,
) -> tuple[Ratings, InternationalData]:
    """Read the international data folder (unless ``data`` is given, read from it already)
    and fit national-team ratings on every result before ``before`` (default: all), with a
    progress bar; former names become aliases."""
    settings = settings or NationalSettings()
    with progress_bar() as bar:
        reading = bar.add_task("reading internationals", total=None, detail=str(folder))
        data = data or load_international(folder)
        if not data.results:
            raise ConfigError(f"{folder}: no internationals to fit ratings on")
        table = NationalTable.from_results(data.results)
        as_of = before or dt.date.fromordinal(int(table.results.day.max()) + 1)
        table = table.before(as_of)
        bar.update(reading, total=1, completed=1, detail=f"{len(data.results):,} results")
        ratings = _fitting(
            bar,
            f"fitting {len(table):,} internationals",
            settings.max_iterations,
            lambda step: fit_national(table, as_of, settings, progress=step),
        )
    aliases = tuple((Team(f.former), Team(f.current)) for f in data.names.former)
    return ratings.with_aliases(aliases), data


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
    international: Annotated[
        Path | None,
        typer.Option(
            "--international",
            help="Fit national teams instead, on this folder (../shared/data/international).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Fit team ratings on the open data and save them; without -o, rebuild the shipped ones."""
    if international is not None:
        _fit_national(international, before, output)
        return
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


def _fit_national(folder: Path, before: str | None, output: Path | None) -> None:
    if not (folder / "results.csv").is_file():
        raise ConfigError(f"{folder}: no results.csv (give --international PATH/TO/international)")
    command = "matchday fit " + shlex.join(sys.argv[2:])
    if output is None and before is not None:
        raise ConfigError("--before needs --output: the shipped snapshots have fixed dates")
    models = Path(str(resources.files("matchday.data.models")))
    targets = (
        {output: parse_date(before) if before else None}
        if output is not None
        else {models / f"{name}.json": date for name, date in SHIPPED_NATIONAL.items()}
    )
    for path, date in targets.items():
        ratings, data = fit_national_ratings(folder, date)
        if not (ratings.matches > 0).any():
            raise ConfigError(f"{folder}: no internationals before {ratings.as_of} to fit on")
        note = "" if output is not None else f" (rebuilds {path.name})"
        save_snapshot(ratings, path, command + note)
        console.print(
            f"{path}: {int((ratings.matches > 0).sum())} national teams rated as of "
            f"{ratings.as_of} ({int(ratings.matches.sum()) // 2:,} matches, "
            f"{ratings.iterations} iterations; {data.renamed} results under a former name)"
        )
