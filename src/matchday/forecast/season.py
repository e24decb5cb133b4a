"""From a season file to a competition forecast: the rounds still to play and their chances.

The season is read as it stood on a date (``as_of``): results from that day on are treated as
not played yet. ``matchday.forecast.plan`` says which rounds are drawn and how the others will
be (the era's draw procedures, a group stage or league phase still to finish); this module adds
the chances: each drawn tie's exact probability, and P(i through against j) for every pair of
teams that may still meet.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from matchday.forecast.competition import CompetitionForecast, Draw, simulate
from matchday.forecast.outlook import leg_rates
from matchday.forecast.plan import ROUND_NAMES, Plan, default_draw, plan_season
from matchday.forecast.ratings import Ratings
from matchday.forecast.through import through_probability
from matchday.forecast.tie import LegRates, forecast_tie
from matchday.model import Season, Team, Tie
from matchday.rules import Outcome, Rules, decide

__all__ = [
    "ROUND_NAMES",
    "as_it_stood",
    "default_draw",
    "forecast_season",
    "prepare",
    "season_as_it_stood",
    "tie_chance",
]


def as_it_stood(tie: Tie, as_of: dt.date | None) -> Tie:
    """``tie`` with the legs and replays played on or after ``as_of`` turned back into
    fixtures."""
    if as_of is None:
        return tie
    legs = tuple(leg if leg.date < as_of else leg.scheduled for leg in tie.legs)
    replays = tuple(m if m.date < as_of else m.scheduled for m in tie.replays)
    return dataclasses.replace(tie, legs=legs, replays=replays)


def season_as_it_stood(season: Season, as_of: dt.date | None) -> Season:
    """``season`` with every match played on or after ``as_of`` turned back into a fixture."""
    if as_of is None:
        return season
    stages = tuple(
        dataclasses.replace(
            stage,
            rounds=tuple(
                dataclasses.replace(
                    r, matches=tuple(m if m.date < as_of else m.scheduled for m in r.matches)
                )
                for r in stage.rounds
            ),
        )
        for stage in season.stages
    )
    return dataclasses.replace(season, stages=stages)


def tie_chance(tie: Tie, ratings: Ratings, rules: Rules, outcome: Outcome | None = None) -> float:
    """P(team 1 goes through) of a tie as it stands: 1 or 0 when decided (``outcome``, else
    ``decide`` by ``rules``), exact otherwise (by the rules of ``outcome`` where given)."""
    if outcome is None:
        outcome = decide(tie, rules)
    if outcome.winner is not None:
        return 1.0 if outcome.winner == tie.team1 else 0.0
    rules = outcome.rules
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


def prepare(
    season: Season,
    ratings: Ratings,
    rules: Rules,
    *,
    as_of: dt.date | None = None,
    draw: Draw | None = None,
    progress: Callable[[str], None] | None = None,
    settle: Callable[[Tie], Outcome] | None = None,
) -> tuple[Plan, NDArray[np.float64], NDArray[np.float64]]:
    """Everything a simulation of ``season`` needs: the plan of the rounds still to play and
    P(i through against j) over two legs and in one match, for every pair of its teams. A tie
    drawn is decided by ``settle`` (``SeasonRules.tie_outcome``: its round's rules, as a
    play-in goes to penalties where the later rounds do not, and who went on), else by
    ``rules``, which the rounds still to draw follow."""
    stood = season_as_it_stood(season, as_of)
    if progress is not None:
        progress("the rounds still to play")

    def chance(tie: Tie) -> float:
        return tie_chance(tie, ratings, rules, None if settle is None else settle(tie))

    plan = plan_season(stood, ratings, rules, chance, draw, settle)
    needed = {s.two_legs for s in plan.steps if s.draw is not None}
    if progress is not None:
        progress(f"chances of every pairing of {len(plan.teams)} teams")
    two, one = _pair_matrices(plan.teams, ratings, rules, needed)
    return plan, two, one


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
    settle: Callable[[Tie], Outcome] | None = None,
) -> CompetitionForecast:
    """Each team's chance to reach every round still to play and to win, from ``season`` as it
    stood on ``as_of`` (default: as the file has it). Rounds not yet drawn follow the era's
    draw procedures; ``draw``, when given, pairs them all instead."""
    plan, two, one = prepare(
        season, ratings, rules, as_of=as_of, draw=draw, progress=progress, settle=settle
    )
    if progress is not None:
        progress(f"{simulations:,} simulations")
    return simulate(plan.teams, plan.steps, two, one, simulations, seed, plan.entry)
