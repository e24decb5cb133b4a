"""Score grids: one validated distribution, every number derived from it."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from matchday.forecast.metrics import brier, log_loss, outcome_index, rps
from matchday.forecast.scores import ScoreGrid

rates = st.floats(min_value=0.05, max_value=5.0)


@given(rates, rates, st.floats(min_value=-0.15, max_value=0.15))
def test_outcomes_sum_to_one_and_expected_goals_match_the_rates(
    home: float, away: float, rho: float
) -> None:
    grid = ScoreGrid.poisson(home, away, rho)
    assert sum(grid.outcome) == pytest.approx(1, abs=1e-9)
    if rho == 0:
        assert grid.expected_goals == pytest.approx((home, away), rel=1e-6)


def test_a_stronger_home_side_is_favourite() -> None:
    grid = ScoreGrid.poisson(2.2, 0.7)
    assert grid.home_win > grid.away_win
    assert grid.most_likely() in {(1, 0), (2, 0), (2, 1)}


def test_dixon_coles_rho_moves_probability_into_draws() -> None:
    plain, corrected = ScoreGrid.poisson(1.3, 1.1), ScoreGrid.poisson(1.3, 1.1, -0.1)
    assert corrected.draw > plain.draw


def test_an_invalid_grid_is_refused() -> None:
    with pytest.raises(ValueError, match="not a probability distribution"):
        ScoreGrid(np.array([[0.5, 0.6]]))


def test_scoring_rules_on_known_cases() -> None:
    outcomes = outcome_index([2, 1, 0], [0, 1, 3])
    assert list(outcomes) == [0, 1, 2]
    perfect = np.eye(3)
    assert rps(perfect, outcomes) == pytest.approx([0, 0, 0])
    # Home win forecast, away win happened: the worst RPS there is.
    assert rps([[1.0, 0.0, 0.0]], [2]) == pytest.approx([1.0])
    # A draw forecast is only half as wrong as the opposite result under RPS.
    assert rps([[0.0, 1.0, 0.0]], [2]) == pytest.approx([0.5])
    assert log_loss([[0.5, 0.25, 0.25]], [1]) == pytest.approx([np.log(4)])
    assert brier([0.75, 0.75], [True, False]) == pytest.approx([0.0625, 0.5625])
