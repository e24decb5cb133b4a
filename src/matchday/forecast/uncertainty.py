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
Before the first leg the mixture is formed inside the shipped tables' forecast
(``forecast.before.mixed_distribution``: one pass over the tables for all 25 nodes, about
0.6 ms), which is what makes it cheap enough to be the tie forecast's default
(``uncertain_tie``, used by ``forecast.outlook``).

Between the legs the first leg is also evidence about the two teams: each node's weight is
multiplied by the probability of the first leg's score at that node's rates (Bayes' rule over
the nodes), so a favourite held at home counts for a little less than its rating said.
``scale=1`` is the Laplace approximation itself; it was chosen (against 0, no uncertainty) on
the 2013-14 → 2021-22 European ties and then run once on 2022-23 → 2025-26
(bench/tie_calibration.py; docs/benchmarks.md "Tie calibration").
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from matchday.forecast.before import mixed_distribution
from matchday.forecast.ratings import Ratings
from matchday.forecast.scores import ScoreGrid
from matchday.forecast.tie import NEGLIGIBLE, LegRates, TieForecast, forecast_tie
from matchday.model import Score, Team
from matchday.rules import Rules

__all__ = [
    "NODES",
    "SCALE",
    "rating_variance",
    "score_probability",
    "uncertain_through",
    "uncertain_tie",
]

NODES = 5
"""Gauss-Hermite nodes per dimension (25 exact tie forecasts per tie)."""
SCALE = 1.0
"""Variance scale of the forecaster: the Laplace approximation as it is (see the module doc)."""


def rating_variance(
    ratings: Ratings, team: Team, scale: float = 1.0, country: bool = False
) -> float:
    """Approximate posterior variance of ``team``'s attack (the same for its defence), times
    ``scale``: 1 / (decayed match weight × goal rate + prior precision). With ``country``, the
    prior a club is shrunk to (its country's level) is itself uncertain: the prior variance is
    the club spread's plus the country level's, 1 / (the country's European matches × goal
    rate + 1 / country spread²)."""
    settings = dict(ratings.settings)
    spread = settings.get("team_spread", settings.get("spread", 1.0)) or 1.0
    i = ratings.position(team)
    weight = float(ratings.weight[i]) if i is not None else 0.0
    goals = math.exp(ratings.intercept)
    prior = spread**2
    if country:
        c_spread = settings.get("country_spread", 0.0) or 0.0
        if team.country in ratings.countries and c_spread:
            n = float(ratings.country_matches[ratings.countries.index(team.country)])
            prior += 1 / (n * goals + 1 / c_spread**2)
        else:
            prior += c_spread**2
    return scale / (weight * goals + 1 / prior)


def score_probability(rates: LegRates, score: Score, rho: float = 0.0) -> float:
    """P(a match at goal rates ``rates`` ends ``score``) (Dixon-Coles' ``rho``, as ``ScoreGrid``);
    0 for a score beyond the grid (probability below its truncation)."""
    p = ScoreGrid.poisson(rates.home, rates.away, rho).p
    inside = score.home < p.shape[0] and score.away < p.shape[1]
    return float(p[score.home, score.away]) if inside else 0.0


_X, _W = np.polynomial.hermite_e.hermegauss(NODES)
_W = _W / _W.sum()


def _nodes(sd: float) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Goal-rate factors ``exp(sd·x)`` at the Gauss-Hermite nodes ``x``, and their weights."""
    return np.exp(sd * _X), _W


def uncertain_tie(
    ratings: Ratings,
    team1: Team,
    team2: Team,
    first: LegRates,
    second: LegRates,
    rules: Rules,
    *,
    rho: float = 0.0,
    scale: float = SCALE,
) -> TieForecast:
    """How a two-legged tie not yet started can end, averaged over the uncertainty of both
    teams' ratings (``first``: team 1 at home; the same mixture as ``uncertain_through``,
    formed in one pass over the rules' tables)."""
    v = rating_variance(ratings, team1, scale) + rating_variance(ratings, team2, scale)
    f1, w1 = _nodes(math.sqrt(v))  # team 1's goals: δattack1 - δdefence2
    f2, w2 = _nodes(math.sqrt(v))  # team 2's goals: δattack2 - δdefence1
    p = mixed_distribution(
        (first.home, first.away), (second.home, second.away), (f1, f2), (w1, w2), rules, rho
    )
    p[p <= NEGLIGIBLE] = 0.0
    g1 = int(np.flatnonzero(p.sum(axis=(1, 2, 3)))[-1]) + 1
    g2 = int(np.flatnonzero(p.sum(axis=(0, 2, 3)))[-1]) + 1
    trimmed = np.ascontiguousarray(p[:g1, :g2])
    return TieForecast(trimmed / trimmed.sum(), rules)


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
    its score once played: it also reweights the nodes, see the module doc)."""
    if second is not None and first_leg is None:
        tie = uncertain_tie(ratings, team1, team2, first, second, rules, rho=rho, scale=scale)
        return tie.team1_through
    v1, v2 = rating_variance(ratings, team1, scale), rating_variance(ratings, team2, scale)
    sd1, sd2 = math.sqrt(v1 + v2), math.sqrt(v1 + v2)  # e1 = δa1 - δd2, e2 = δa2 - δd1
    x, w = np.polynomial.hermite_e.hermegauss(NODES)
    w = w / w.sum()
    total = mass = 0.0
    for x1, w1 in zip(x, w, strict=True):
        for x2, w2 in zip(x, w, strict=True):
            f1, f2 = math.exp(sd1 * float(x1)), math.exp(sd2 * float(x2))
            legs = (
                LegRates(first.home * f1, first.away * f2),
                None if second is None else LegRates(second.home * f2, second.away * f1),
            )
            weight = float(w1 * w2)
            if first_leg is not None:
                weight *= score_probability(legs[0], first_leg, rho)
            tie = forecast_tie(*legs, rules, rho=rho, first_leg=first_leg)
            total += weight * tie.team1_through
            mass += weight
    if mass <= 0:  # a first leg no node thought possible: nothing to learn from it
        return forecast_tie(first, second, rules, rho=rho, first_leg=first_leg).team1_through
    return total / mass
