"""Expected calibration error, and Elo's expected result turned into home/draw/away."""

from __future__ import annotations

import numpy as np
import pytest

from matchday.evaluate.calibration import calibration_table, expected_calibration_error
from matchday.evaluate.national import elo_outcomes, fit_elo_outcomes


def test_ece_by_hand() -> None:
    # bin [0.2, 0.3): forecasts 0.2, 0.29 -> mean 0.245, happened 1 of 2 -> gap 0.255, weight 2/4;
    # bin [0.9, 1]: forecasts 0.9, 1.0 -> mean 0.95, happened 2 of 2 -> gap 0.05, weight 2/4.
    p = [0.2, 0.29, 0.9, 1.0]
    y = [1, 0, 1, 1]
    assert expected_calibration_error(p, y) == pytest.approx(0.5 * 0.255 + 0.5 * 0.05)
    assert calibration_table(p, y) == [
        (0.2, pytest.approx(0.245), 0.5, 2),
        (0.9, pytest.approx(0.95), 1.0, 2),
    ]


def test_calibrated_forecasts_have_a_small_ece() -> None:
    rng = np.random.default_rng(1)
    p = rng.uniform(size=200_000)
    assert expected_calibration_error(p, rng.uniform(size=p.size) < p) < 0.005
    assert expected_calibration_error(p, rng.uniform(size=p.size) < p**2) > 0.1


def test_elo_outcomes_fitted_to_data_drawn_from_them() -> None:
    rng = np.random.default_rng(2)
    dr = rng.normal(100, 250, size=50_000)
    p = elo_outcomes(dr, 2.5, 0.6)
    assert np.allclose(p.sum(axis=1), 1)
    assert (p > 0).all()
    outcome = (rng.uniform(size=dr.size)[:, None] > np.cumsum(p, axis=1)).sum(axis=1)
    a, c = fit_elo_outcomes(dr, outcome)
    assert (a, c) == pytest.approx((2.5, 0.6), abs=0.1)
