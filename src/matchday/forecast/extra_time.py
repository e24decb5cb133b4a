"""The law of the goals scored in extra time, exactly, under each way extra time ends.

Thirty minutes (``ExtraTime.THIRTY_MINUTES``): independent Poisson goals at the extra-time rates.
A golden goal ends extra time at once: with rates ``a``, ``b`` for its 30 minutes, the first goal
is team 1's with probability ``a/(a+b)·(1 - e^{-(a+b)})`` (team 2's likewise) and none comes
with ``e^{-(a+b)}``, so its scores are 1-0, 0-1 and 0-0. A silver goal ends it after its first
half when a side leads then (the rules' verdict on that score, ``leads``); a level first half is
followed by the second, and the score over both decides. The tie forecasts
(``matchday.forecast.tie``, ``matchday.forecast.before``, ``matchday.forecast.through``) lay out
extra time with these laws, so each era is forecast under its own rule; nothing is simulated.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from matchday.errors import InvalidValueError
from matchday.rules import ExtraTime

__all__ = ["extra_time_law", "extra_time_mass", "golden_goal", "poisson_grids", "silver_goal"]


def _pmf(rates: ArrayLike, size: int) -> NDArray[np.float64]:
    """``pmf[..., g]``: P(Poisson(``rates``) = g) for g = 0..size-1 (not renormalised)."""
    goals = np.arange(size)
    log_factorial = np.cumsum(np.log(np.maximum(goals, 1)))
    r = np.asarray(rates, dtype=np.float64)[..., None]
    out: NDArray[np.float64] = np.exp(goals * np.log(np.maximum(r, 1e-300)) - r - log_factorial)
    return out


def poisson_grids(home: ArrayLike, away: ArrayLike, size: int) -> NDArray[np.float64]:
    """``p[..., h, a]``: independent Poisson goals at ``home`` and ``away`` (arrays of one
    shape), up to ``size - 1`` each."""
    return _pmf(home, size)[..., :, None] * _pmf(away, size)[..., None, :]


def golden_goal(home: ArrayLike, away: ArrayLike, size: int) -> NDArray[np.float64]:
    """``p[..., h, a]`` of a golden-goal extra time at rates ``home``, ``away`` for what is left
    of it: the first goal ends it, so only 0-0, 1-0 and 0-1 have mass."""
    if size < 2:
        raise InvalidValueError("a golden-goal extra time needs a grid of at least 2 goals")
    a = np.asarray(home, dtype=np.float64)
    b = np.asarray(away, dtype=np.float64)
    total = a + b
    scored = -np.expm1(-total)  # P(at least one goal) = 1 - e^{-(a+b)}
    share = np.divide(a, total, out=np.full(np.shape(total), 0.5), where=total > 0)
    p = np.zeros((*np.shape(total), size, size))
    p[..., 0, 0] = np.exp(-total)
    p[..., 1, 0] = share * scored
    p[..., 0, 1] = (1 - share) * scored
    return p


def _toeplitz(pmf: NDArray[np.float64]) -> NDArray[np.float64]:
    """``t[..., i, k] = pmf[..., i - k]`` (0 for k > i): adding goals by a matrix product."""
    size = pmf.shape[-1]
    lag = np.arange(size)[:, None] - np.arange(size)[None, :]
    out: NDArray[np.float64] = np.where(lag >= 0, pmf[..., np.maximum(lag, 0)], 0.0)
    return out


def silver_goal(
    first_half: NDArray[np.float64],
    home: ArrayLike,
    away: ArrayLike,
    leads: NDArray[np.bool_],
) -> NDArray[np.float64]:
    """``p[..., h, a]`` of the extra-time score under the silver goal: ``first_half[..., h, a]``
    is the law of the score at its half-time (goals already scored included), ``leads[..., h, a]``
    whether a side leads at that score (extra time ends there), and ``home``, ``away`` the rates
    of the second half, played from the level scores. Scores beyond the grid are left out."""
    size = first_half.shape[-1]
    ended = np.where(leads, first_half, 0.0)
    level = first_half - ended
    t_home = _toeplitz(_pmf(home, size))
    t_away = _toeplitz(_pmf(away, size))
    out: NDArray[np.float64] = ended + t_home @ level @ np.swapaxes(t_away, -1, -2)
    return out


def _level(size: int) -> NDArray[np.bool_]:
    goals = np.arange(size)
    return np.asarray(goals[:, None] != goals[None, :])


def extra_time_law(
    home: ArrayLike,
    away: ArrayLike,
    kind: ExtraTime,
    size: int,
    leads: NDArray[np.bool_] | None = None,
) -> NDArray[np.float64]:
    """``p[..., h, a]``: the goals of a whole extra time under ``kind``, at rates ``home`` and
    ``away`` for its 30 minutes; under the silver goal ``leads[..., h, a]`` says where the rules
    see a side ahead at its half-time (default: the score is not level)."""
    if kind is ExtraTime.THIRTY_MINUTES:
        return poisson_grids(home, away, size)
    if kind is ExtraTime.GOLDEN_GOAL:
        return golden_goal(home, away, size)
    if kind is ExtraTime.SILVER_GOAL:
        half_home = np.asarray(home, dtype=np.float64) / 2
        half_away = np.asarray(away, dtype=np.float64) / 2
        first = poisson_grids(half_home, half_away, size)
        ahead = _level(size) if leads is None else leads
        return silver_goal(first, half_home, half_away, ahead)
    raise InvalidValueError(f"no extra time to lay out under {kind.value!r}")


def extra_time_mass(
    reached: NDArray[np.float64],
    home: NDArray[np.float64],
    away: NDArray[np.float64],
    kind: ExtraTime,
    size: int,
    leads: NDArray[np.bool_],
) -> NDArray[np.float64]:
    """``mass[n, h, a] = Σ_k reached[n, k] · law_k[h, a]``: the extra times of ``n`` standings
    after 90 minutes, each reached with probability ``reached[n, k]`` in scenario ``k`` (extra-time
    rates ``home[k]``, ``away[k]``), under ``kind``; ``leads[n]`` is where the rules see a side
    ahead in standing ``n`` (read under the silver goal). Standings sharing one ``leads`` share
    their laws, so the cost is that of the distinct patterns (one, under the presets)."""
    n = reached.shape[0]
    if kind is not ExtraTime.SILVER_GOAL:
        law = extra_time_law(home, away, kind, size)  # [k, h, a]
        return np.tensordot(reached, law, 1)
    patterns, which = np.unique(leads.reshape(n, -1), axis=0, return_inverse=True)
    mass = np.empty((n, size, size))
    for index, pattern in enumerate(patterns):
        law = extra_time_law(home, away, kind, size, pattern.reshape(size, size))
        rows = np.flatnonzero(which.ravel() == index)
        mass[rows] = np.tensordot(reached[rows], law, 1)
    return mass
