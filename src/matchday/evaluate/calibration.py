"""Calibration: do events given probability p happen a share p of the time?"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["BINS", "calibration_table", "expected_calibration_error"]

BINS = 10
"""Equal-width probability bins: [0, 0.1), [0.1, 0.2), ..., [0.9, 1]."""


def _bins(p: NDArray[np.float64], bins: int) -> NDArray[np.intp]:
    return np.minimum((p * bins).astype(np.intp), bins - 1)


def expected_calibration_error(
    probabilities: ArrayLike, happened: ArrayLike, bins: int = BINS
) -> float:
    """ECE = Σ_b (n_b / N) · |mean forecast in bin b - share that happened in bin b|, over
    ``bins`` equal-width bins of the forecast probability (Naeini, Cooper & Hauskrecht 2015,
    "Obtaining well calibrated probabilities using Bayesian binning", AAAI)."""
    p = np.asarray(probabilities, dtype=np.float64)
    y = np.asarray(happened, dtype=np.float64)
    if p.size == 0:
        return float("nan")
    b = _bins(p, bins)
    n = np.bincount(b, minlength=bins)
    gap = np.bincount(b, p - y, minlength=bins)
    return float(np.abs(gap).sum() / p.size) if n.sum() else float("nan")


def calibration_table(
    probabilities: ArrayLike, happened: ArrayLike, bins: int = BINS
) -> list[tuple[float, float, float, int]]:
    """Per non-empty bin: (lower edge, mean forecast, share that happened, count)."""
    p = np.asarray(probabilities, dtype=np.float64)
    y = np.asarray(happened, dtype=np.float64)
    b = _bins(p, bins)
    n = np.bincount(b, minlength=bins)
    mean_p = np.bincount(b, p, minlength=bins)
    mean_y = np.bincount(b, y, minlength=bins)
    return [
        (k / bins, float(mean_p[k] / n[k]), float(mean_y[k] / n[k]), int(n[k]))
        for k in range(bins)
        if n[k]
    ]
