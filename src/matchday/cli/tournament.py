"""``matchday forecast`` of a World Cup or a Euro: each team's chance of every stage.

The ratings are fitted on the spot on every international before the forecast date when the
international data folder is there (``../shared/data/international``), else the newest shipped
national ratings fitted before it (or ``--model FILE``); the same data says which side plays
at home. The simulation itself is ``forecast.tournament`` (pure).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from rich.table import Table

from matchday import competitions
from matchday.cli.common import console, print_json, print_whole, progress_bar, season_title
from matchday.cli.fit import fit_national_ratings
from matchday.cli.forecast import (
    SHOWN,
    before_first_match_note,
    model_json,
    note_ratings_age,
    percent,
    simulations,
)
from matchday.competitions.hosts import hosts
from matchday.errors import ConfigError
from matchday.forecast.national import InternationalResult, NationalTable, fit_national
from matchday.forecast.ratings import Basis, Ratings
from matchday.forecast.tournament import (
    STAGES,
    TOURNAMENT_SCALE,
    Tournament,
    TournamentForecast,
    from_ratings,
    from_season,
    host_teams,
    rated_view,
    simulate,
    team_ratings,
    tie_host,
    with_grounds,
    with_hosts,
)
from matchday.io.international import RESULTS, default_folder, load_international
from matchday.io.schemas import TournamentForecastJSON, TournamentTeamJSON
from matchday.io.snapshot import choose_national, load_snapshot
from matchday.model import Season, Team, Tie

__all__ = [
    "Grounds",
    "NationalTie",
    "Rated",
    "TitleRace",
    "forecast_date",
    "grounds",
    "international_folder",
    "matches_played",
    "national_ratings",
    "national_tie",
    "run_tournament",
    "title_race",
    "tournament_forecast",
]


SHORT = ("R16", "QF", "SF", "Final", "Win")
"""The stages as the table heads them (``STAGES`` in full in the JSON); "1st": wins its group."""


@dataclass(frozen=True, slots=True)
class Rated:
    """National ratings for a date, where they come from, and the internationals read (if
    any)."""

    ratings: Ratings
    source: str
    results: tuple[InternationalResult, ...] = ()
    missing: str | None = None
    """Why the shipped ratings were taken: where no internationals were found."""


def international_folder(given: Path | None, near: str | None = None) -> Path:
    """The international data folder to read: ``given`` (``--international``), which must
    hold results.csv (a folder named and missing is an error, never a quiet fall back to the
    shipped ratings), else the shared data's (``default_folder``, looked for from the source
    ``near`` too), which may be absent."""
    if given is None:
        return default_folder(near)
    if not (given / RESULTS).is_file():
        raise ConfigError(f"{given}: no {RESULTS} (give the international/ folder)")
    return given


def national_ratings(
    on: dt.date, model: Path | None, folder: Path | None = None, near: str | None = None
) -> Rated:
    """Ratings fitted only on internationals before ``on``: ``model`` if given (refused if
    fitted later), else fitted from ``folder`` (default: the shared data, looked for from the
    source ``near`` too) when it exists, else the newest shipped snapshot from before ``on``,
    saying that no internationals were found. The internationals are read whenever the folder
    is there (for the grounds of the matches)."""
    folder = international_folder(folder, near)
    present = (folder / RESULTS).is_file()
    if model is not None:
        snapshot = load_snapshot(model)
        if snapshot.ratings.as_of > on:
            raise ConfigError(
                f"{model}: fitted on results up to {snapshot.ratings.as_of}, after the forecast "
                f"date {on} (that would be look-ahead)"
            )
        results = load_international(folder).results if present else ()
        return Rated(snapshot.ratings, f"from {model}", results)
    if present:
        ratings, data = fit_national_ratings(folder, on)
        return Rated(ratings, f"fitted on {folder}", data.results)
    snapshot = choose_national(on)
    return Rated(
        snapshot.ratings,
        f"shipped {snapshot.source}",
        missing=f"no international results at {folder} (--international names the folder)",
    )


@dataclass(frozen=True, slots=True)
class NationalTie:
    """What a tie of national teams is forecast with: the national ratings (``national_ratings``,
    finding the sides under the names the file writes them: ``rated_view``) and the side that
    plays at home (a host nation in a single match; ``None``: neutral ground)."""

    rated: Rated
    host: Team | None


def national_tie(
    season: Season, tie: Tie, on: dt.date, model: Path | None, folder: Path | None = None
) -> NationalTie:
    """The national ratings for ``tie`` of ``season`` forecast on ``on`` (only results before
    it), and its host at home by the registry's host nations of the edition. A side the
    ratings do not rate on results of its own (no result before ``on``, or a name the results
    do not know) is a ``ConfigError``: the forecast would rest on the average side."""
    rated = national_ratings(on, model, folder, season.source)
    view = rated_view(rated.ratings, tie.teams)
    unrated = [team.name for team in tie.teams if view.rating(team).basis is not Basis.FITTED]
    if unrated:
        raise ConfigError(
            f"{tie.label}: no national-team rating of {' or '.join(unrated)} on results before "
            f"{on} (ratings {rated.source}): no result of theirs under that name before then"
        )
    codes = hosts(competitions.of(season.competition).key, season.name) or ()
    return NationalTie(replace(rated, ratings=view), tie_host(tie, codes))


def forecast_date(season: Season, as_of: dt.date | None) -> dt.date:
    """The day to forecast on: ``as_of``, else the day after the last match played, else the
    first day of the tournament."""
    if as_of is not None:
        return as_of
    played = [m.date for m in season.matches if m.played]
    return max(played) + dt.timedelta(days=1) if played else min(m.date for m in season.matches)


@dataclass(frozen=True, slots=True)
class Grounds:
    """The tournament with who plays at home, and where that comes from when it is not the
    internationals' venues (``None``: from them), for the output to say."""

    tournament: Tournament
    note: str | None = None


def grounds(
    season: Season, tournament: Tournament, results: Sequence[InternationalResult]
) -> Grounds:
    """Who plays at home: in the group matches the internationals' venues when they are read
    (``with_grounds``), else the registry's host nations (``competitions.hosts``); in the
    knockout rounds the registry's host nations, co-hosts included, against a side that is no
    host (as ``national_tie`` has a tie's); else nobody, and the note says so."""
    codes = hosts(competitions.of(season.competition).key, season.name)
    if results:
        at_home = None if codes is None else host_teams(tournament, codes)
        return Grounds(with_grounds(tournament, results, at_home))
    lacking = "no international results to read the venues from"
    if codes is None:
        return Grounds(
            tournament,
            f"host advantage is not applied: {lacking}, and the registry records no host "
            f"nation of {tournament.name}",
        )
    if not codes:
        return Grounds(
            tournament, f"{tournament.name} had no host nation and {lacking}: nobody plays at home"
        )
    teams = host_teams(tournament, codes)
    if not teams:
        return Grounds(tournament, f"the host nation does not play; {lacking}")
    named = ", ".join(sorted(t.name for t in teams))
    where, who = (
        ("every match", "nation")
        if len(teams) == 1
        else ("every match but against each other", "nations")
    )
    return Grounds(
        with_hosts(tournament, teams),
        f"at home in {where}: {named} (the registry's host {who}; {lacking})",
    )


def tournament_forecast(
    tournament: Tournament,
    on: dt.date,
    rated: Rated,
    sims: int,
    seed: int,
    uncertainty: float = TOURNAMENT_SCALE,
) -> TournamentForecast:
    """Simulate the tournament (its grounds placed: ``grounds``) as it stood on ``on`` (a
    progress bar on standard error), each simulation drawing the teams' strengths from the
    ratings' uncertainty at variance scale ``uncertainty`` (0: the point strengths)."""
    strengths = from_ratings(tournament, rated.ratings, rated.source, uncertainty)
    with progress_bar(transient=True) as bar:
        task = bar.add_task("simulating", total=sims, detail=tournament.name)

        def step(done: int, total: int) -> None:
            bar.update(task, completed=done)

        return simulate(tournament, strengths, sims, seed, step, as_of=on)


def matches_played(season: Season, on: dt.date) -> int:
    """The matches played before ``on``: group and knockout matches, that for third place
    included."""
    return sum(1 for m in season.matches if m.played and m.date < on)


def _json(season: Season, f: TournamentForecast, rated: Rated, on: dt.date) -> dict[str, object]:
    exits = f.exit()
    ends = ("Group stage", *STAGES[:-2], "Runner-up", "Champion")
    return TournamentForecastJSON(
        competition=season.competition,
        season=season.name,
        date=on.isoformat(),
        model=model_json(rated.source, rated.ratings.as_of, on, rated.missing),
        simulations=f.simulations,
        seed=f.seed,
        hosts=sorted(t.name for t in f.tournament.host_nations),
        played=matches_played(season, on),
        stages=list(STAGES),
        uncertainty=_spread_note(f),
        teams=[
            TournamentTeamJSON(
                name=f.teams[t].name,
                group=f.group_of(t),
                places=[round(float(p), 6) for p in f.places[t]],
                reach={s: round(float(f.reach[t, i]), 6) for i, s in enumerate(STAGES)},
                exit={s: round(float(exits[t, i]), 6) for i, s in enumerate(ends)},
                win=round(float(f.reach[t, -1]), 6),
                rating=f.strengths.notes[t],
            )
            for t in f.ranking()
        ],
        note=before_first_match_note(season, on),
    ).json_data()


def _spread_note(f: TournamentForecast) -> str | None:
    """What the simulation carried of the ratings' uncertainty, in a sentence (``None``: the
    point strengths)."""
    spread = f.strengths.spread
    if spread is None or not f.strengths.uncertain:
        return None
    return (
        "the ratings' uncertainty is carried in: each simulation draws every team's attack and "
        f"defence (s.d. {float(spread.min()):.2f}-{float(spread.max()):.2f} log goals)"
    )


def _print(
    season: Season, f: TournamentForecast, rated: Rated, on: dt.date, placed: str | None
) -> None:
    at_home = ", ".join(sorted(t.name for t in f.tournament.hosts))
    co_hosts = ", ".join(sorted(t.name for t in f.tournament.host_nations))
    when = (
        f"as it stood on {on}"
        if any(m.dated for m in season.matches)
        else f"as the file stands (its matches carry no dates; ratings from before {on})"
    )
    table = Table(
        title=f"{season_title(season)} — {when} ({matches_played(season, on)} matches played)",
        title_justify="left",
    )
    table.add_column("Team", no_wrap=True)
    table.add_column("Grp")
    table.add_column("1st", justify="right")
    for short in SHORT:
        table.add_column(short, justify="right", style="bold" if short == SHORT[-1] else None)
    for t in f.ranking():
        table.add_row(
            f.teams[t].name,
            f.group_of(t),
            percent(float(f.places[t, 0])),
            *(percent(float(p)) for p in f.reach[t]),
        )
    print_whole(table)
    console.print(
        f"{simulations(f.simulations)} (seed {f.seed}); ratings fitted on results before "
        f"{rated.ratings.as_of}"
    )
    console.print(f"ratings {rated.source}")
    if rated.missing:
        console.print(rated.missing)
    note_ratings_age(rated.ratings.as_of, on)
    note = _spread_note(f)
    if note:
        console.print(note)
    if placed is not None:
        console.print(placed)
    elif at_home:
        both = " but against each other" if len(f.tournament.hosts) > 1 else ""
        console.print(f"at home in every match{both}: {at_home}")
    elif co_hosts:
        console.print(f"at home in their group matches: {co_hosts}")


def run_tournament(
    season: Season,
    as_of: dt.date | None,
    model: Path | None,
    sims: int,
    seed: int,
    as_json: bool,
    uncertainty: float = TOURNAMENT_SCALE,
    folder: Path | None = None,
) -> None:
    """``matchday forecast`` of a national-team tournament: fit (on the internationals of
    ``folder``, by default the shared data's), simulate, print or JSON."""
    on = forecast_date(season, as_of)
    rated = national_ratings(on, model, folder, season.source)
    placed = grounds(season, from_season(season), rated.results)
    tournament = placed.tournament
    unrated = [
        team.name
        for team, rating in zip(
            tournament.teams, team_ratings(tournament, rated.ratings), strict=True
        )
        if rating.basis is not Basis.FITTED
    ]
    if len(unrated) == len(tournament.teams):
        raise ConfigError(
            f"{tournament.name}: no team of it has a result before {on}; the ratings would "
            "rest on no results (forecast from a later --as-of)"
        )
    result = tournament_forecast(tournament, on, rated, sims, seed, uncertainty)
    if as_json:
        print_json(_json(season, result, rated, on))
        return
    _print(season, result, rated, on, placed.note)
    if unrated:
        shown = ", ".join(unrated[:SHOWN]) + f" and {len(unrated) - SHOWN} more" * (
            len(unrated) > SHOWN
        )
        console.print(
            f"[yellow]note: {len(unrated)} of {len(tournament.teams)} teams have no results "
            f"of their own before {on}, and their ratings rest on none: {shown}[/]"
        )
    if (early := before_first_match_note(season, on)) is not None:
        console.print(f"[yellow]note: {early}[/]")


@dataclass(frozen=True, slots=True)
class TitleRace:
    """Each team's chance of the title on the morning of each day (``chances[d, t]``)."""

    tournament: Tournament
    days: tuple[dt.date, ...]
    chances: NDArray[np.float64]
    source: str

    def favourites(self, count: int) -> list[int]:
        """The ``count`` teams whose chance of the title was highest at any point (on their
        best morning), best first: the champion, certain on the last morning, is always among
        them, and so is a finalist that began as an outsider (France, sixth before 2022's
        first match)."""
        best = self.chances.max(axis=0)
        return [int(t) for t in np.argsort(-best, kind="stable")[:count]]


def title_race(season: Season, sims: int, seed: int, folder: Path | None = None) -> TitleRace:
    """The title chances as they stood on the morning of every day from the opening match to
    the day after the last match played (a team knocked out has none the next morning, rest
    days included), ratings fitted each morning on the internationals before it
    (warm-started from the day before; kept where no international was added), else the
    shipped national ratings of each day."""
    tournament = from_season(season)
    played = [m.date for m in season.matches if m.played]
    last = max(played, default=tournament.started - dt.timedelta(days=1))
    span = max((last - tournament.started).days + 2, 1)
    days = tuple(tournament.started + dt.timedelta(days=d) for d in range(span))
    folder = folder or default_folder(season.source)
    chances = np.zeros((len(days), len(tournament.teams)))
    data = load_international(folder) if (folder / "results.csv").is_file() else None
    tournament = grounds(season, tournament, data.results if data else ()).tournament
    if data is not None:
        table = NationalTable.from_results(data.results)
    aliases = tuple((Team(f.former), Team(f.current)) for f in data.names.former) if data else ()
    source = f"fitted each morning on {folder}" if data else "shipped national ratings"
    ratings: Ratings | None = None
    known = -1
    with progress_bar() as bar:
        task = bar.add_task("title race", total=len(days), detail=tournament.name)
        for d, day in enumerate(days):
            if data is not None:
                before = table.before(day)
                if len(before) != known or ratings is None:
                    ratings = fit_national(before, day, start=ratings).with_aliases(aliases)
                    known = len(before)
                rated = ratings
            else:
                rated = choose_national(day).ratings
            strengths = from_ratings(tournament, rated)
            f = simulate(tournament, strengths, sims, seed, as_of=day)
            chances[d] = f.reach[:, -1]
            bar.update(task, completed=d + 1, detail=str(day))
    return TitleRace(tournament, days, chances, source)
