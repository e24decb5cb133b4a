"""Score distributions: the probability of every score of a match, or of a part of one.

``ScoreGrid`` is the one validated value a match forecast is: ``p[h, a]`` is the probability that
the home side scores ``h`` and the away side ``a`` goals. Everything else (home win, draw,
expected goals) is derived from it. Goals in a period follow independent Poisson counts at the
period's rates; a whole 90 minutes from 0-0 also gets Dixon and Coles' correction of the four
low scores (see ``matchday.forecast.fit``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from matchday.errors import InvalidValueError

__all__ = ["TAIL", "ScoreGrid", "goals_needed", "poisson_pmf"]

TAIL = 1e-12
"""Probability mass a grid may leave out beyond its last row and column (then renormalised)."""

MAX_GOALS = 40


def goals_needed(rate: float) -> int:
    """How many goal counts (0..n-1) a Poisson(``rate``) needs to leave out less than ``TAIL``."""
    if rate <= 0:
        return 1
    pmf = math.exp(-rate)
    total = pmf
    n = 1
    while 1 - total > TAIL and n < MAX_GOALS:
        pmf *= rate / n
        total += pmf
        n += 1
    return n


def poisson_pmf(rate: float, size: int) -> NDArray[np.float64]:
    """P(X = k) for k = 0..size-1, X ~ Poisson(rate), by the recurrence p(k) = p(k-1)·rate/k."""
    pmf = np.empty(size)
    pmf[0] = math.exp(-rate)
    for k in range(1, size):
        pmf[k] = pmf[k - 1] * rate / k
    return pmf


@dataclass(frozen=True)
class ScoreGrid:
    """``p[h, a]``: probability of ``h`` home goals and ``a`` away goals (rows: home).

    Validated on creation: no negative entry, total 1 within 1e-9.
    """

    p: NDArray[np.float64]

    def __post_init__(self) -> None:
        if self.p.ndim != 2 or self.p.size == 0:
            raise InvalidValueError("a score grid is a non-empty matrix")
        if (self.p < 0).any() or abs(float(self.p.sum()) - 1) > 1e-9:
            raise InvalidValueError(
                f"not a probability distribution (total {float(self.p.sum())!r})"
            )
        self.p.setflags(write=False)

    @classmethod
    def poisson(cls, home_rate: float, away_rate: float, rho: float = 0.0) -> ScoreGrid:
        """Goals at expected ``home_rate`` and ``away_rate``; ``rho`` is Dixon-Coles' low-score
        correction τ (use it only for a whole match from 0-0), held where every τ >= 0.
        Truncated where less than ``TAIL`` is left out, then renormalised."""
        home = poisson_pmf(home_rate, goals_needed(home_rate))
        away = poisson_pmf(away_rate, goals_needed(away_rate))
        p = np.outer(home, away)
        if rho and p.shape[0] > 1 and p.shape[1] > 1:
            # Keep every τ >= 0: max(-1/λ, -1/μ) <= ρ <= min(1/(λμ), 1) (Dixon & Coles 1997).
            low = max(-1 / max(home_rate, 1e-9), -1 / max(away_rate, 1e-9))
            rho = min(max(rho, low), 1 / max(home_rate * away_rate, 1e-9), 1.0)
            p[0, 0] *= 1 - home_rate * away_rate * rho
            p[0, 1] *= 1 + home_rate * rho
            p[1, 0] *= 1 + away_rate * rho
            p[1, 1] *= 1 - rho
        return cls(p / p.sum())

    @property
    def home_win(self) -> float:
        """P(home goals > away goals) = Σ_{h>a} p[h, a]."""
        return float(np.tril(self.p, -1).sum())

    @property
    def draw(self) -> float:
        """P(home goals = away goals) = Σ_h p[h, h]."""
        return float(np.trace(self.p))

    @property
    def away_win(self) -> float:
        """P(away goals > home goals) = Σ_{a>h} p[h, a]."""
        return float(np.triu(self.p, 1).sum())

    @property
    def outcome(self) -> tuple[float, float, float]:
        """(home win, draw, away win), summing to 1."""
        return self.home_win, self.draw, self.away_win

    @property
    def expected_goals(self) -> tuple[float, float]:
        """(E[home goals], E[away goals]) = (Σ h·p[h, a], Σ a·p[h, a])."""
        return (
            float((self.p.sum(axis=1) * np.arange(self.p.shape[0])).sum()),
            float((self.p.sum(axis=0) * np.arange(self.p.shape[1])).sum()),
        )

    def most_likely(self) -> tuple[int, int]:
        """The single most likely score."""
        h, a = np.unravel_index(int(np.argmax(self.p)), self.p.shape)
        return int(h), int(a)
