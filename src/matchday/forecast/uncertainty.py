"""The uncertainty of fitted ratings, carried into a tie forecast.

A fitted attack or defence is an estimate: a club rated on few (or old) matches could well be
some way off. Near the optimum the penalised likelihood of one team's attack is about normal,
with precision the Fisher information of its matches plus the prior's: ``Σ w·λ + 1/s²``, where
``Σ w`` is the team's decayed match weight (``Ratings.weight``), ``λ`` its typical goal rate and
``s²`` the prior variance: a club's spread about its country's level plus that level's own
uncertainty (a Laplace approximation, one team at a time; the country's part since 8 December
2026: on the 2024-25 qualifying rounds, the first the data holds, it made the ties of clubs
seldom seen less overconfident, and it held on 2025-26). Team 1's goal rate in every
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
(bench/tie_calibration.py; docs/benchmarks.md "Tie calibration"). The reweighted mixture is
formed in one pass over the second leg's verdicts (``forecast.tie.mixed_deciding_leg``: about
0.3 ms), which makes it the outlook's default between the legs too (``uncertain_between``); a
single knockout match is mixed the same way (``uncertain_single``).

A match forecast is the mixture of the nodes' score grids (``mixed_grid``), at the variance
scale chosen for it on earlier seasons (``NATIONAL_MATCH_SCALE``, ``CLUB_MATCH_SCALE``:
bench/match_uncertainty.py). In play every forecast is the point one.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from matchday.forecast.before import _pmf, _tau, mixed_distribution
from matchday.forecast.ratings import Ratings
from matchday.forecast.scores import ScoreGrid, goals_needed
from matchday.forecast.tie import (
    LegRates,
    TieForecast,
    forecast_tie,
    mixed_deciding_leg,
    neutral_replay,
    tabled,
)
from matchday.model import Score, Team
from matchday.rules import Rules

__all__ = [
    "CLUB_MATCH_SCALE",
    "NATIONAL_MATCH_SCALE",
    "NODES",
    "SCALE",
    "match_spread",
    "mixed_grid",
    "rating_variance",
    "score_probability",
    "uncertain_between",
    "uncertain_single",
    "uncertain_through",
    "uncertain_tie",
]

NODES = 5
"""Gauss-Hermite nodes per dimension (25 exact tie forecasts per tie)."""
SCALE = 1.0
"""Variance scale of the forecaster: the Laplace approximation as it is (see the module doc)."""
NATIONAL_MATCH_SCALE = 1.0
"""Variance scale of a national-team match forecast: chosen on the internationals of 2006-2009
by log loss among 0, 0.5, 1, 2 (bench/match_uncertainty.py national)."""
CLUB_MATCH_SCALE = 0.5
"""Variance scale of a club match forecast: chosen on the European matches of 2020-22 by log
loss among 0, 0.5, 1, 2 (bench/match_uncertainty.py clubs; 0.5 and 1 within 0.00002)."""
MAX_GRID = 40
"""Goals per side a mixed match grid lays out at most (a team never seen has a wide spread)."""


def rating_variance(
    ratings: Ratings, team: Team, scale: float = 1.0, country: bool = True
) -> float:
    """Approximate posterior variance of ``team``'s attack (the same for its defence), times
    ``scale``: 1 / (decayed match weight × goal rate + prior precision). A club is shrunk to its
    country's level, which is itself uncertain: the prior variance is the club spread's plus the
    country level's, 1 / (the country's European matches × goal rate + 1 / country spread²)
    (ratings without a country spread, national teams', have the club spread's alone).
    ``country=False`` leaves the country level's out, as before 8 December 2026 (for
    comparisons: docs/benchmarks.md, "Tie calibration: weekly refits")."""
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
    found = tabled(p, rules, neutral_replay(first, second), rho)
    # goal rates beyond the tables (dozens a match, from a degenerate fit): the point
    # forecast, score by score; the mixture's outer nodes would lie further out still
    return found if found is not None else forecast_tie(first, second, rules, rho=rho)


def match_spread(ratings: Ratings, home: Team, away: Team, scale: float = SCALE) -> float:
    """Standard deviation (log goals) of each side's goal rate in a match of ``home`` and
    ``away``: ``e1 = δattack_home - δdefence_away`` has the two teams' variances summed, and so
    has ``e2`` (the two are independent, one team at a time)."""
    if not scale:
        return 0.0
    return math.sqrt(rating_variance(ratings, home, scale) + rating_variance(ratings, away, scale))


def mixed_grid(home_rate: float, away_rate: float, spread: float, rho: float = 0.0) -> ScoreGrid:
    """A match's score grid averaged over the uncertainty of both goal rates: each side's rate
    times ``exp(spread·x)``, ``x`` standard normal, independently (Gauss-Hermite, ``NODES`` per
    side). The mixture of independent Poisson grids factorises over the two sides except on
    the four cells Dixon-Coles' ``rho`` touches, which are added scenario by scenario. With
    ``spread`` 0 it is the point forecast itself (``ScoreGrid.poisson``)."""
    if spread <= 0:
        return ScoreGrid.poisson(home_rate, away_rate, rho)
    f, w = _nodes(spread)
    h, a = home_rate * f, away_rate * f
    size_h = min(goals_needed(float(h.max())), MAX_GRID)
    size_a = min(goals_needed(float(a.max())), MAX_GRID)
    ph, pa = _pmf(h, size_h), _pmf(a, size_a)  # [node, goals]
    p = np.outer(w @ ph, w @ pa)
    if rho and size_h > 1 and size_a > 1:
        corner = ph[:, None, :2, None] * pa[None, :, None, :2]  # [i, j, 2, 2]
        extra = corner * (_tau(h[:, None], a[None, :], rho) - 1)
        p[:2, :2] += np.einsum("i,j,ijab->ab", w, w, extra)
    return ScoreGrid(p / p.sum())


def _first_leg_weights(
    first: LegRates, first_leg: Score, f1: NDArray[np.float64], f2: NDArray[np.float64], rho: float
) -> NDArray[np.float64]:
    """``w1[i]·w2[j]·P(first leg's score | rates first·(f1[i], f2[j]))`` (Bayes' numerator
    over the nodes; team 1 at home), as ``score_probability`` node by node."""
    h, a = first.home * f1, first.away * f2
    goals = np.array([first_leg.home, first_leg.away])
    lf = np.array([math.lgamma(g + 1) for g in goals])
    ph = np.exp(goals[0] * np.log(np.maximum(h, 1e-300)) - h - lf[0])
    pa = np.exp(goals[1] * np.log(np.maximum(a, 1e-300)) - a - lf[1])
    like = ph[:, None] * pa[None, :]
    if rho and first_leg.home < 2 and first_leg.away < 2:
        like = like * _tau(h[:, None], a[None, :], rho)[:, :, first_leg.home, first_leg.away]
    out: NDArray[np.float64] = _W[:, None] * _W[None, :] * like
    return out


def uncertain_between(
    ratings: Ratings,
    team1: Team,
    team2: Team,
    first: LegRates,
    second: LegRates,
    rules: Rules,
    first_leg: Score,
    *,
    rho: float = 0.0,
    scale: float = SCALE,
) -> TieForecast:
    """How a two-legged tie can end after its first leg (``first_leg``, team 1 at home in
    ``first``), averaged over both teams' rating uncertainty with the nodes reweighted by the
    first leg's score (Bayes' rule, see the module doc); ``scale`` 0: the point forecast."""
    sd = match_spread(ratings, team1, team2, scale)
    if sd <= 0:
        return forecast_tie(first, second, rules, rho=rho, first_leg=first_leg)
    f, _ = _nodes(sd)  # team 1's factor f[i], team 2's f[j]
    weight = _first_leg_weights(first, first_leg, f, f, rho)
    mass = float(weight.sum())
    if not mass > 0:  # a first leg no node thought possible: nothing to learn from it
        return forecast_tie(first, second, rules, rho=rho, first_leg=first_leg)
    # second leg: team 2 at home (its node j), team 1 away (its node i)
    home = np.broadcast_to(second.home * f[None, :], weight.shape).ravel()
    away = np.broadcast_to(second.away * f[:, None], weight.shape).ravel()
    replay = neutral_replay(first, second)
    return mixed_deciding_leg(first_leg, home, away, weight.ravel() / mass, rules, rho, replay)


def uncertain_single(
    ratings: Ratings,
    team1: Team,
    team2: Team,
    rates: LegRates,
    rules: Rules,
    *,
    rho: float = 0.0,
    scale: float = SCALE,
) -> TieForecast:
    """How a single knockout match (team 1 at home in ``rates``) can end, extra time and
    penalties included, averaged over both teams' rating uncertainty."""
    sd = match_spread(ratings, team1, team2, scale)
    if sd <= 0:
        return forecast_tie(rates, None, rules, rho=rho)
    f, w = _nodes(sd)
    home = np.repeat(rates.home * f, f.size)  # scenario (i, j): team 1's node i, team 2's j
    away = np.tile(rates.away * f, f.size)
    return mixed_deciding_leg(None, home, away, np.outer(w, w).ravel(), rules, rho, rates)


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
    if second is None:
        tie = uncertain_single(ratings, team1, team2, first, rules, rho=rho, scale=scale)
    elif first_leg is None:
        tie = uncertain_tie(ratings, team1, team2, first, second, rules, rho=rho, scale=scale)
    else:
        tie = uncertain_between(
            ratings, team1, team2, first, second, rules, first_leg, rho=rho, scale=scale
        )
    return tie.team1_through
