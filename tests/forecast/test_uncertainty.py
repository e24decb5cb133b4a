"""Rating uncertainty carried into a tie: an exact mixture that pulls the extremes in."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from matchday.forecast.scores import ScoreGrid
from matchday.forecast.tie import LegRates, forecast_tie
from matchday.forecast.uncertainty import (
    rating_variance,
    score_probability,
    uncertain_through,
    uncertain_tie,
)
from matchday.io.snapshot import bundled_snapshots
from matchday.model import Score, Team
from matchday.rules import UEFA_2021

RATINGS = bundled_snapshots()[-1].ratings
STRONG, WEAK = Team("Bayern München", "GER"), Team("Arsenal Tula", "RUS")
FIRST, SECOND = LegRates(1.8, 0.9), LegRates(1.1, 1.5)


def test_without_uncertainty_it_is_the_exact_tie_forecast() -> None:
    p = uncertain_through(RATINGS, STRONG, WEAK, FIRST, SECOND, UEFA_2021, rho=-0.03, scale=1e-12)
    exact = forecast_tie(FIRST, SECOND, UEFA_2021, rho=-0.03).team1_through
    assert p == pytest.approx(exact, abs=1e-9)


def test_uncertainty_pulls_a_favourite_towards_even() -> None:
    exact = forecast_tie(FIRST, SECOND, UEFA_2021).team1_through
    mixed = uncertain_through(RATINGS, STRONG, WEAK, FIRST, SECOND, UEFA_2021, scale=2.0)
    assert 0.5 < mixed < exact


def test_a_single_match_and_a_tie_between_the_legs() -> None:
    single = uncertain_through(RATINGS, STRONG, WEAK, FIRST, None, UEFA_2021, scale=1.0)
    assert 0.5 < single < forecast_tie(FIRST, None, UEFA_2021).team1_through
    first_leg = forecast_tie(FIRST, SECOND, UEFA_2021).likely_aggregates(1)[0][0]
    between = uncertain_through(
        RATINGS, STRONG, WEAK, FIRST, SECOND, UEFA_2021, scale=1.0, first_leg=first_leg
    )
    assert 0 < between < 1


def test_more_matches_less_variance() -> None:
    many = rating_variance(RATINGS, STRONG)
    none = rating_variance(RATINGS, Team("Nobody FC", "GER"))
    assert 0 < many < none
    assert none == pytest.approx(dict(RATINGS.settings)["team_spread"] ** 2)
    fewer = dataclasses.replace(RATINGS, weight=RATINGS.weight / 10)
    assert rating_variance(fewer, STRONG) > many


def test_the_first_leg_is_evidence_about_the_teams() -> None:
    """Bayes over the nodes: a favourite beaten in the first leg is believed a little weaker,
    so its chance falls below the forecast that ignores what the leg said about the teams."""
    beaten = Score(0, 2)
    plain = forecast_tie(FIRST, SECOND, UEFA_2021, first_leg=beaten).team1_through
    updated = uncertain_through(
        RATINGS, STRONG, WEAK, FIRST, SECOND, UEFA_2021, scale=2.0, first_leg=beaten
    )
    exact = uncertain_through(
        RATINGS, STRONG, WEAK, FIRST, SECOND, UEFA_2021, scale=1e-12, first_leg=beaten
    )
    assert exact == pytest.approx(plain, abs=1e-9)
    assert updated < plain


def test_score_probability_is_the_score_grid() -> None:
    grid = ScoreGrid.poisson(1.4, 0.8, -0.05)
    assert score_probability(LegRates(1.4, 0.8), Score(1, 1), -0.05) == grid.p[1, 1]
    assert score_probability(LegRates(1.4, 0.8), Score(40, 0)) == 0.0


def test_before_the_first_leg_the_tables_give_the_node_by_node_mixture() -> None:
    """``uncertain_tie`` (one pass over the tables) is the 25 exact tie forecasts averaged."""
    v = rating_variance(RATINGS, STRONG) + rating_variance(RATINGS, WEAK)
    x, w = np.polynomial.hermite_e.hermegauss(5)
    w = w / w.sum()
    expected = 0.0
    for x1, w1 in zip(x, w, strict=True):
        for x2, w2 in zip(x, w, strict=True):
            f1, f2 = math.exp(math.sqrt(v) * x1), math.exp(math.sqrt(v) * x2)
            one = LegRates(FIRST.home * f1, FIRST.away * f2)
            two = LegRates(SECOND.home * f2, SECOND.away * f1)
            tie = forecast_tie(one, two, UEFA_2021, rho=-0.05)
            expected += w1 * w2 * tie.team1_through
    mixed = uncertain_tie(RATINGS, STRONG, WEAK, FIRST, SECOND, UEFA_2021, rho=-0.05)
    assert mixed.team1_through == pytest.approx(expected, abs=1e-9)
    assert mixed.team1_through < forecast_tie(FIRST, SECOND, UEFA_2021, rho=-0.05).team1_through


def test_a_country_level_seldom_seen_widens_an_unseen_clubs_prior() -> None:
    """With ``country``, an unseen club's prior adds its country level's variance: more for a
    country of few European matches than for one of many, and the club spread alone without."""
    spread = dict(RATINGS.settings)["team_spread"] ** 2
    unseen_big, unseen_small = Team("Nobody FC", "GER"), Team("Nobody FC", "RUS")
    assert rating_variance(RATINGS, unseen_big) == pytest.approx(spread)
    big = rating_variance(RATINGS, unseen_big, country=True)
    counts = dict(zip(RATINGS.countries, RATINGS.country_matches, strict=True))
    assert counts["GER"] > counts["RUS"]
    assert spread < big < rating_variance(RATINGS, unseen_small, country=True)
