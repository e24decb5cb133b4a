"""From a season file to a competition forecast: the rounds still to play and their chances.

The season is read as it stood on a date (``as_of``): results from that day on are treated as
not played yet. A round counts as drawn once the round before it was complete by then (a draw
follows the round before it); the rounds after are paired by the competition's ``Draw``. Rounds
missing from the file follow by halving (round of 16, quarter-finals, semi-finals, a one-match
final at a neutral venue).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from matchday.errors import ConfigError
from matchday.forecast.competition import (
    CompetitionForecast,
    Draw,
    DrawnTie,
    FixedBracket,
    OpenDraw,
    Step,
    simulate,
)
from matchday.forecast.outlook import leg_rates
from matchday.forecast.ratings import Ratings
from matchday.forecast.through import through_probability
from matchday.forecast.tie import LegRates, forecast_tie
from matchday.model import Season, Team, Tie
from matchday.rules import Rules, decide

__all__ = ["ROUND_NAMES", "as_it_stood", "default_draw", "forecast_season", "tie_chance"]

ROUND_NAMES = {16: "Round of 32", 8: "Round of 16", 4: "Quarterfinals", 2: "Semifinals", 1: "Final"}
"""Names of the rounds that follow by halving, by number of ties."""

BRACKET_FROM = 2024
"""UEFA club competitions fix the knockout bracket in advance from 2024-25 (the league-phase
format); before, each round from the quarter-finals (Europa League 2017-18: from the round of
16) was an open draw."""


def default_draw(season: Season) -> Draw:
    """The draw procedure of the season's era for rounds not yet drawn."""
    return FixedBracket() if season.start_year >= BRACKET_FROM else OpenDraw()


def as_it_stood(tie: Tie, as_of: dt.date | None) -> Tie:
    """``tie`` with the legs played on or after ``as_of`` turned back into fixtures."""
    if as_of is None:
        return tie
    legs = tuple(leg if leg.date < as_of else leg.scheduled for leg in tie.legs)
    return dataclasses.replace(tie, legs=legs)


def tie_chance(tie: Tie, ratings: Ratings, rules: Rules) -> float:
    """P(team 1 goes through) of a tie as it stands: 1 or 0 when decided, exact otherwise."""
    outcome = decide(tie, rules)
    if outcome.winner is not None:
        return 1.0 if outcome.winner == tie.team1 else 0.0
    rates = leg_rates(tie, ratings)
    first = rates[0]
    legs = LegRates(first.home_goals, first.away_goals)
    if tie.single_match:
        return forecast_tie(legs, None, rules, rho=first.rho).team1_through
    back = LegRates(rates[1].home_goals, rates[1].away_goals)
    if tie.first_leg.score is None:
        return through_probability(legs, back, rules, first.rho)
    return forecast_tie(
        legs, back, rules, rho=first.rho, first_leg=tie.first_leg.score
    ).team1_through


def _pair_matrices(
    teams: tuple[Team, ...], ratings: Ratings, rules: Rules, needed: set[bool]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """P(i through against j) for every pair: two legs with i at home first, and one match at
    a neutral venue."""
    n = len(teams)
    two, one = np.full((n, n), 0.5), np.full((n, n), 0.5)
    for i in range(n):
        for j in range(n):
            if i == j:
                continue
            if True in needed:
                first = ratings.expected(teams[i], teams[j])
                back = ratings.expected(teams[j], teams[i])
                two[i, j] = through_probability(
                    LegRates(first.home_goals, first.away_goals),
                    LegRates(back.home_goals, back.away_goals),
                    rules,
                    first.rho,
                )
            if False in needed and i < j:
                neutral = ratings.expected(teams[i], teams[j], neutral=True)
                p = forecast_tie(
                    LegRates(neutral.home_goals, neutral.away_goals), None, rules, rho=neutral.rho
                ).team1_through
                one[i, j], one[j, i] = p, 1 - p
    return two, one


def forecast_season(
    season: Season,
    ratings: Ratings,
    rules: Rules,
    *,
    as_of: dt.date | None = None,
    draw: Draw | None = None,
    simulations: int = 100_000,
    seed: int = 0,
    progress: Callable[[str], None] | None = None,
) -> CompetitionForecast:
    """Each team's chance to reach every round still to play and to win, from the knockout
    rounds of ``season`` as they stood on ``as_of`` (default: as the file has them)."""
    rounds = [r for r in season.rounds if r.knockout and r.matches]
    if not rounds:
        raise ConfigError(f"no knockout rounds in {season.source or season.competition}")
    draw = draw or default_draw(season)
    index: dict[Team, int] = {}
    steps: list[Step] = []
    complete_before = True
    contenders: set[Team] = set()
    for number, round_ in enumerate(rounds):
        ties = [as_it_stood(t, as_of) for t in round_.ties()]
        teams_here = {team for tie in ties for team in tie.teams}
        if number and teams_here - contenders and not complete_before:
            raise ConfigError(
                f"{round_.name}: teams enter here that the knockout rounds before do not "
                "decide; forecast from after its draw"
            )
        if not complete_before:
            break
        for tie in ties:
            for team in tie.teams:
                index.setdefault(team, len(index))
        if progress is not None:
            progress(f"{round_.name}: {len(ties)} ties")
        drawn = tuple(
            DrawnTie(index[t.team1], index[t.team2], tie_chance(t, ratings, rules)) for t in ties
        )
        single = all(t.single_match for t in ties)
        steps.append(Step(round_.name, not single, single, ties=drawn))
        outcomes = [decide(t, rules) for t in ties]
        complete_before = all(o.winner is not None for o in outcomes)
        contenders = teams_here
    else:
        number = len(rounds)
    alive = len(steps[-1].ties or ())
    for round_ in rounds[number:]:
        alive //= 2
        single = all(t.single_match for t in round_.ties())
        steps.append(Step(round_.name, not single, single, draw=draw))
    while alive > 1:
        alive //= 2
        name = ROUND_NAMES.get(alive, f"Round of {2 * alive}")
        steps.append(Step(name, alive > 1, alive == 1, draw=draw))
    teams = tuple(index)
    needed = {s.two_legs for s in steps if s.draw is not None}
    if progress is not None:
        progress(f"chances of every pairing of {len(teams)} teams")
    two, one = _pair_matrices(teams, ratings, rules, needed)
    if progress is not None:
        progress(f"{simulations:,} simulations")
    return simulate(teams, tuple(steps), two, one, simulations, seed)
