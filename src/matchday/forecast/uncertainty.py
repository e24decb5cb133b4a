"""The uncertainty of fitted ratings, carried into a tie forecast.

A fitted attack or defence is an estimate: a club rated on few (or old) matches could well be
some way off. Near the optimum the penalised likelihood of one team's attack is about normal,
with precision the Fisher information of its matches plus the prior's: ``Σ w·λ + 1/s²``, where
``Σ w`` is the team's decayed match weight (``Ratings.weight``), ``λ`` its typical goal rate and
``s`` the prior spread (a Laplace approximation, one team at a time). Team 1's goal rate in every
leg is then ``λ1·exp(e1)`` with ``e1 = δattack1 - δdefence2`` (variance the sum of the two), and
team 2's ``λ2·exp(e2)`` likewise; the same draw holds in both legs, since it is the same two
teams. ``P(through)`` is the expectation over ``(e1, e2)`` by a Gauss-Hermite product rule:
every node is an exact tie forecast (``forecast_tie``), so the answer is an exact mixture.
"""

from __future__ import annotations

import math

import numpy as np

from matchday.forecast.ratings import Ratings
from matchday.forecast.tie import LegRates, forecast_tie
from matchday.model import Score, Team
from matchday.rules import Rules

__all__ = ["NODES", "rating_variance", "uncertain_through"]

NODES = 5
"""Gauss-Hermite nodes per dimension (25 exact tie forecasts per tie)."""


def rating_variance(ratings: Ratings, team: Team, scale: float = 1.0) -> float:
    """Approximate posterior variance of ``team``'s attack (the same for its defence), times
    ``scale``: 1 / (decayed match weight × goal rate + prior precision)."""
    settings = dict(ratings.settings)
    spread = settings.get("team_spread", settings.get("spread", 1.0)) or 1.0
    i = ratings.position(team)
    weight = float(ratings.weight[i]) if i is not None else 0.0
    goals = math.exp(ratings.intercept)
    return scale / (weight * goals + 1 / spread**2)


def uncertain_through(
    ratings: Ratings,
    team1: Team,
    team2: Team,
    first: LegRates,
    second: LegRates | None,
    rules: Rules,
    *,
    rho: float = 0.0,
    scale: float = 1.0,
    first_leg: Score | None = None,
) -> float:
    """P(team 1 goes through) averaged over the uncertainty of both teams' ratings (``first``:
    team 1 at home; ``second``: team 2 at home, or ``None`` for a single match; ``first_leg``:
    its score once played)."""
    v1, v2 = rating_variance(ratings, team1, scale), rating_variance(ratings, team2, scale)
    sd1, sd2 = math.sqrt(v1 + v2), math.sqrt(v1 + v2)  # e1 = δa1 - δd2, e2 = δa2 - δd1
    x, w = np.polynomial.hermite_e.hermegauss(NODES)
    w = w / w.sum()
    total = 0.0
    for x1, w1 in zip(x, w, strict=True):
        for x2, w2 in zip(x, w, strict=True):
            f1, f2 = math.exp(sd1 * float(x1)), math.exp(sd2 * float(x2))
            legs = (
                LegRates(first.home * f1, first.away * f2),
                None if second is None else LegRates(second.home * f2, second.away * f1),
            )
            tie = forecast_tie(*legs, rules, rho=rho, first_leg=first_leg)
            total += float(w1 * w2) * tie.team1_through
    return total
