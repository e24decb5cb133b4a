"""The shipped tables of ties before their first leg are the rules engine's, and the fast
distribution is the one laid out first-leg score by first-leg score."""

from __future__ import annotations

import numpy as np
import pytest

from matchday.forecast.before import (
    TABLE_PRESETS,
    _Plan,
    _plan,
    build_tables,
    distribution,
    mixed_distribution,
    tables,
)
from matchday.forecast.scores import ScoreGrid
from matchday.forecast.tie import (
    NEGLIGIBLE,
    LegRates,
    TieForecast,
    _Accumulator,
    _deciding_leg,
    forecast_tie,
)
from matchday.model import Score
from matchday.rules import ALL_PRESETS, PRESETS, AwayGoals, Rules


@pytest.mark.parametrize("name", TABLE_PRESETS)
def test_the_shipped_tables_are_the_rules_engines(name: str) -> None:
    rules = PRESETS[name]
    built = build_tables(rules)
    assert tables(rules).equals(built)
    assert _plan(rules).equals(_Plan.of(built))  # the routes a first forecast reads


def _score_by_score(first: LegRates, second: LegRates, rules: Rules, rho: float) -> TieForecast:
    """The slow layout: the deciding leg for every first-leg score."""
    acc = _Accumulator([])
    part = ScoreGrid.poisson(first.home, first.away, rho).p
    for fh, fa in zip(*np.nonzero(part > NEGLIGIBLE), strict=True):
        score = Score(int(fh), int(fa))
        _deciding_leg(acc, score, float(part[fh, fa]), second, rules, rho, None)
    return acc.forecast(rules)


@pytest.mark.parametrize(
    ("rates", "rules"),
    [
        ((2.35, 0.92, 1.23, 1.75), PRESETS["uefa-classic"]),
        ((1.1, 1.0, 1.3, 0.9), PRESETS["uefa-2021"]),
        ((0.4, 2.9, 3.1, 0.5), PRESETS["away-goals-90"]),
        ((1.5, 1.2, 1.4, 1.1), Rules("no-decider", AwayGoals.NONE, False, False)),
    ],
)
def test_the_fast_distribution_is_the_score_by_score_one(
    rates: tuple[float, float, float, float], rules: Rules
) -> None:
    first, second = LegRates(*rates[:2]), LegRates(*rates[2:])
    fast = forecast_tie(first, second, rules, rho=-0.05)
    slow = _score_by_score(first, second, rules, -0.05)
    g1, g2 = (min(a, b) for a, b in zip(fast.p.shape[:2], slow.p.shape[:2], strict=True))
    assert np.abs(fast.p[:g1, :g2] - slow.p[:g1, :g2]).max() < 1e-7
    assert fast.p[g1:].sum() + fast.p[:, g2:].sum() < 1e-7
    assert fast.team1_through == pytest.approx(slow.team1_through, abs=1e-7)
    assert fast.extra_time == pytest.approx(slow.extra_time, abs=1e-7)
    assert fast.penalties == pytest.approx(slow.penalties, abs=1e-7)


@pytest.mark.parametrize("name", ["uefa-classic", "uefa-2021"])
@pytest.mark.parametrize("rho", [0.0, -0.08])
def test_a_mixture_over_the_tables_is_the_mixture_of_forecasts(name: str, rho: float) -> None:
    """``mixed_distribution`` over 3 × 3 scenarios of both teams' scoring equals the weighted
    sum of the 9 forecasts it stands for (Dixon-Coles' cells and extra time included)."""
    rules = ALL_PRESETS[name]
    first, second = (1.7, 0.8), (1.2, 1.4)
    f1, f2 = np.array([0.6, 1.0, 1.5]), np.array([0.8, 1.0, 1.3])
    w1, w2 = np.array([0.2, 0.5, 0.3]), np.array([0.1, 0.6, 0.3])
    expected = np.zeros_like(distribution(first, second, rules, rho))
    for i in range(3):
        for j in range(3):
            one = (first[0] * f1[i], first[1] * f2[j])
            two = (second[0] * f2[j], second[1] * f1[i])
            p = distribution(one, two, rules, rho)
            expected += w1[i] * w2[j] * p / p.sum()
    mixed = mixed_distribution(first, second, (f1, f2), (w1, w2), rules, rho)
    assert mixed.sum() == pytest.approx(1.0, abs=1e-9)
    assert np.abs(mixed - expected).max() < 1e-9
