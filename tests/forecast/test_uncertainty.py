"""Rating uncertainty carried into a tie: an exact mixture that pulls the extremes in."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from matchday.forecast.scores import ScoreGrid
from matchday.forecast.tie import LegRates, forecast_tie
from matchday.forecast.uncertainty import (
    match_spread,
    mixed_grid,
    rating_variance,
    score_probability,
    uncertain_between,
    uncertain_single,
    uncertain_through,
    uncertain_tie,
)
from matchday.io.snapshot import bundled_snapshots
from matchday.model import Score, Team
from matchday.rules import UEFA_2021, UEFA_CLASSIC

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
    assert rating_variance(RATINGS, Team("Nobody FC", "GER"), country=False) == pytest.approx(
        dict(RATINGS.settings)["team_spread"] ** 2
    )
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
    """An unseen club's prior adds its country level's variance (the default): more for a
    country of few European matches than for one of many, and the club spread alone with
    ``country=False``."""
    spread = dict(RATINGS.settings)["team_spread"] ** 2
    unseen_big, unseen_small = Team("Nobody FC", "GER"), Team("Nobody FC", "RUS")
    assert rating_variance(RATINGS, unseen_big, country=False) == pytest.approx(spread)
    big = rating_variance(RATINGS, unseen_big)
    counts = dict(zip(RATINGS.countries, RATINGS.country_matches, strict=True))
    assert counts["GER"] > counts["RUS"]
    assert spread < big < rating_variance(RATINGS, unseen_small)


def _nodes(sd: float) -> list[tuple[float, float]]:
    x, w = np.polynomial.hermite_e.hermegauss(5)
    return [(math.exp(sd * float(xi)), float(wi)) for xi, wi in zip(x, w / w.sum(), strict=True)]


def test_between_the_legs_one_pass_is_the_bayes_weighted_node_by_node_mixture() -> None:
    """``uncertain_between`` (one pass over the second leg's verdicts) equals the 25 exact tie
    forecasts after the first leg, each weighted by its prior weight times P(first leg)."""
    sd = math.sqrt(rating_variance(RATINGS, STRONG) + rating_variance(RATINGS, WEAK))
    for first_leg in (Score(1, 1), Score(0, 2), Score(3, 0)):
        total = mass = 0.0
        extra = 0.0
        for f1, w1 in _nodes(sd):
            for f2, w2 in _nodes(sd):
                one = LegRates(FIRST.home * f1, FIRST.away * f2)
                two = LegRates(SECOND.home * f2, SECOND.away * f1)
                weight = w1 * w2 * score_probability(one, first_leg, -0.05)
                tie = forecast_tie(one, two, UEFA_2021, rho=-0.05, first_leg=first_leg)
                total += weight * tie.team1_through
                extra += weight * tie.extra_time
                mass += weight
        mixed = uncertain_between(
            RATINGS, STRONG, WEAK, FIRST, SECOND, UEFA_2021, first_leg, rho=-0.05
        )
        assert mixed.team1_through == pytest.approx(total / mass, abs=1e-9)
        assert mixed.extra_time == pytest.approx(extra / mass, abs=1e-9)


def test_scale_zero_between_the_legs_and_in_a_single_match_is_the_point_forecast() -> None:
    beaten = Score(0, 2)
    point = forecast_tie(FIRST, SECOND, UEFA_2021, rho=-0.05, first_leg=beaten)
    zero = uncertain_between(
        RATINGS, STRONG, WEAK, FIRST, SECOND, UEFA_2021, beaten, rho=-0.05, scale=0
    )
    assert np.array_equal(zero.p, point.p)
    single = uncertain_single(RATINGS, STRONG, WEAK, FIRST, UEFA_2021, rho=-0.05, scale=0)
    assert np.array_equal(single.p, forecast_tie(FIRST, None, UEFA_2021, rho=-0.05).p)


def test_a_single_knockout_match_is_the_node_by_node_mixture() -> None:
    sd = match_spread(RATINGS, STRONG, WEAK)
    expected = [0.0, 0.0]
    for f1, w1 in _nodes(sd):
        for f2, w2 in _nodes(sd):
            tie = forecast_tie(LegRates(FIRST.home * f1, FIRST.away * f2), None, UEFA_2021)
            expected[0] += w1 * w2 * tie.team1_through
            expected[1] += w1 * w2 * tie.penalties
    mixed = uncertain_single(RATINGS, STRONG, WEAK, FIRST, UEFA_2021)
    assert (mixed.team1_through, mixed.penalties) == pytest.approx(expected, abs=1e-9)


def test_a_match_grid_is_the_node_by_node_mixture_and_scale_zero_the_point_grid() -> None:
    expected = np.zeros((40, 40))
    for f1, w1 in _nodes(0.4):
        for f2, w2 in _nodes(0.4):
            p = ScoreGrid.poisson(1.6 * f1, 0.9 * f2, -0.08).p
            expected[: p.shape[0], : p.shape[1]] += w1 * w2 * p
    mixed = mixed_grid(1.6, 0.9, 0.4, -0.08).p
    n, m = mixed.shape
    assert np.abs(mixed - expected[:n, :m]).max() < 1e-9
    assert expected[n:, :].sum() + expected[:, m:].sum() < 1e-9
    assert np.array_equal(mixed_grid(1.6, 0.9, 0.0, -0.08).p, ScoreGrid.poisson(1.6, 0.9, -0.08).p)


def test_a_team_never_seen_gets_a_wider_spread_and_a_less_extreme_forecast() -> None:
    """Same goal rates, but one side rests on no matches: its spread is wider and the
    favourite's win is less sure than when both rest on many."""
    unseen = Team("Nobody FC", "RUS")
    seen, wide = match_spread(RATINGS, STRONG, WEAK), match_spread(RATINGS, STRONG, unseen)
    assert 0 < seen < wide
    point = ScoreGrid.poisson(2.4, 0.7, -0.05).home_win
    assert (
        0.5
        < mixed_grid(2.4, 0.7, wide, -0.05).home_win
        < mixed_grid(2.4, 0.7, seen, -0.05).home_win
        < point
    )


def test_goal_rates_beyond_the_tables_are_forecast_score_by_score() -> None:
    # dozens of goals a match (a degenerate fit's rates) lie beyond the shipped tables: the
    # forecast is made score by score instead of failing or losing the mass beyond them
    for rates in ((50.0, 50.0), (20.0, 0.1)):
        tie = forecast_tie(LegRates(*rates), LegRates(rates[1], rates[0]), UEFA_CLASSIC)
        assert tie.p.sum() == pytest.approx(1.0)
        assert tie.p.shape[0] > 31  # more goals than the tables lay out
    ordinary = forecast_tie(LegRates(1.5, 1.1), LegRates(1.2, 1.4), UEFA_CLASSIC)
    assert ordinary.p.sum() == pytest.approx(1.0)
    assert ordinary.p.shape[0] <= 31
