"""Scoring rules for probability forecasts: how good were the numbers, after the fact."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["brier", "log_loss", "outcome_index", "rps"]


def outcome_index(home_goals: ArrayLike, away_goals: ArrayLike) -> NDArray[np.intp]:
    """0 for a home win, 1 for a draw, 2 for an away win (the order of the forecasts)."""
    diff = np.asarray(home_goals) - np.asarray(away_goals)
    return np.where(diff > 0, 0, np.where(diff == 0, 1, 2)).astype(np.intp)


def rps(forecasts: ArrayLike, outcomes: ArrayLike) -> NDArray[np.float64]:
    """Ranked probability score of each (home, draw, away) forecast, for ordered outcomes:
    RPS = 1/(r-1) · Σ_k (F_k - O_k)², F and O cumulative (Epstein 1969; Constantinou & Fenton
    2012, "Solving the problem of inadequate scoring rules for assessing probabilistic football
    forecast models", J. Quant. Anal. Sports 8(1)). 0 is perfect; lower is better."""
    p = np.asarray(forecasts, dtype=np.float64)
    observed = np.eye(p.shape[1])[np.asarray(outcomes)]
    cumulative = np.cumsum(p - observed, axis=1)[:, :-1]
    return np.asarray((cumulative**2).sum(axis=1) / (p.shape[1] - 1), dtype=np.float64)


def log_loss(forecasts: ArrayLike, outcomes: ArrayLike) -> NDArray[np.float64]:
    """-ln(probability given to what happened), per forecast; lower is better."""
    p = np.asarray(forecasts, dtype=np.float64)
    chosen = p[np.arange(p.shape[0]), np.asarray(outcomes)]
    return np.asarray(-np.log(np.clip(chosen, 1e-15, 1.0)), dtype=np.float64)


def brier(probabilities: ArrayLike, happened: ArrayLike) -> NDArray[np.float64]:
    """(p - 1{event})² per binary forecast, e.g. P(team 1 through) against who went through."""
    p = np.asarray(probabilities, dtype=np.float64)
    return (p - np.asarray(happened, dtype=np.float64)) ** 2
