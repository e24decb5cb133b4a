"""Rolling-origin backtest of national-team forecasts: matchday against World Football Elo.

On the first day of every month, each model is fitted on the internationals before it and
forecasts (home, draw, away) after 90 minutes for that month's competitive internationals. The
models see the same matches in the same run:

- matchday: ``fit_national`` (warm-started from the month before);
- Elo at the origin: World Football Elo ratings as they stood on the first of the month (the
  same information as matchday);
- Elo match by match: the ratings just before each match (Elo updated after every result, more
  information than the others get);
- constant: the shares of home wins, draws and away wins of the competitive internationals of
  the eight years before the origin.

Elo gives an expected result, not three probabilities; its rating difference (home advantage
included) becomes (home, draw, away) by an ordered logit, P(home) = logistic(a·dr - c) and
P(away) = logistic(-a·dr - c), with ``a`` and ``c`` fitted at each origin to the competitive
matches of the eight years before it. The Elo ratings themselves are never tuned.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize
from scipy.special import expit

from matchday.evaluate.backtest import month_starts
from matchday.evaluate.calibration import expected_calibration_error
from matchday.forecast.elo import HOME_ADVANTAGE, START, run_elo
from matchday.forecast.metrics import log_loss, outcome_index, rps
from matchday.forecast.national import (
    InternationalResult,
    NationalSettings,
    NationalTable,
    fit_national,
)
from matchday.forecast.ratings import Ratings
from matchday.forecast.scores import ScoreGrid
from matchday.forecast.uncertainty import match_spread, mixed_grid

__all__ = [
    "NationalModelScore",
    "NationalReport",
    "elo_outcomes",
    "fit_elo_outcomes",
    "run_national_backtest",
    "uncertainty_name",
]

Progress = Callable[[str, int, int], None]
LOOKBACK_DAYS = 8 * 365


@dataclass(frozen=True, slots=True)
class NationalModelScore:
    """One model's scores over the same matches; ``ece``: of home, draw, away and their mean."""

    name: str
    rps: float
    log_loss: float
    ece_home: float
    ece_draw: float
    ece_away: float
    seconds: float

    @property
    def ece(self) -> float:
        """Mean of the three outcome ECEs."""
        return (self.ece_home + self.ece_draw + self.ece_away) / 3


@dataclass(frozen=True, slots=True)
class NationalReport:
    """Scores of every model on the same matches and origins."""

    start: dt.date
    end: dt.date
    origins: int
    matches: int
    models: tuple[NationalModelScore, ...]
    forecasts: dict[str, NDArray[np.float64]]
    outcomes: NDArray[np.intp]


def elo_outcomes(difference: NDArray[np.float64], a: float, c: float) -> NDArray[np.float64]:
    """(home, draw, away) from Elo differences (home advantage included) by the ordered logit."""
    home = expit(a * difference / 400 - c)
    away = expit(-a * difference / 400 - c)
    return np.column_stack([home, 1 - home - away, away])


def fit_elo_outcomes(
    difference: NDArray[np.float64], outcome: NDArray[np.intp]
) -> tuple[float, float]:
    """Maximum-likelihood ``a`` and ``c`` of the ordered logit (c >= 0 keeps P(draw) >= 0)."""

    def loss(params: NDArray[np.float64]) -> float:
        p = elo_outcomes(difference, float(params[0]), float(params[1]))
        return float(log_loss(p, outcome).sum())

    result = minimize(loss, np.array([2.0, 0.5]), method="L-BFGS-B", bounds=[(0, 20), (0, 5)])
    return float(result.x[0]), float(result.x[1])


def _grid_outcomes(
    ratings: Ratings, matches: Sequence[InternationalResult], scale: float = 0.0
) -> NDArray[np.float64]:
    """(home, draw, away) of each match; with ``scale`` > 0 averaged over the ratings'
    uncertainty (``forecast.uncertainty.mixed_grid``, variance times ``scale``)."""
    out = np.empty((len(matches), 3))
    for k, m in enumerate(matches):
        rates = ratings.expected(m.home, m.away, neutral=m.neutral)
        if scale:
            spread = match_spread(ratings, m.home, m.away, scale)
            grid = mixed_grid(rates.home_goals, rates.away_goals, spread, rates.rho)
        else:
            grid = ScoreGrid.poisson(rates.home_goals, rates.away_goals, rates.rho)
        out[k] = grid.outcome
    return out


def uncertainty_name(scale: float) -> str:
    """The backtest's name of matchday with the ratings' uncertainty at ``scale``."""
    return f"matchday (rating uncertainty ×{scale:g})"


def run_national_backtest(
    results: Sequence[InternationalResult],
    start: dt.date,
    end: dt.date,
    settings: NationalSettings | None = None,
    progress: Progress | None = None,
    uncertainty: Sequence[float] = (),
) -> NationalReport:
    """Forecast every competitive international from ``start`` to ``end`` (inclusive),
    refitting on the first of each month; ``uncertainty``: variance scales at which matchday's
    forecasts are also scored averaged over its ratings' uncertainty (same fits)."""
    rows = sorted(results, key=lambda r: r.date)
    table = NationalTable.from_results(rows)
    elo = run_elo(r.elo() for r in rows)
    at_home = np.array([not r.neutral for r in rows])
    difference = elo.before[:, 0] - elo.before[:, 1] + HOME_ADVANTAGE * at_home
    outcome_all = outcome_index(table.results.home_goals, table.results.away_goals)
    days = table.results.day
    targets = np.flatnonzero(
        table.competitive & (days >= start.toordinal()) & (days <= end.toordinal())
    )
    origins = month_starts(start, end)
    mixed = tuple(uncertainty_name(scale) for scale in uncertainty)
    names = ("matchday", "Elo (at the origin)", "Elo (match by match)", "constant", *mixed)
    probs = {name: np.zeros((targets.size, 3)) for name in names}
    seconds = dict.fromkeys(names, 0.0)
    previous: Ratings | None = None
    # Elo ratings as they stood at each origin: after every match before it.
    state: dict[int, float] = {}
    home_idx, away_idx = table.results.home, table.results.away
    cursor = 0
    for done, origin in enumerate(origins):
        until = (origin + dt.timedelta(days=32)).replace(day=1)
        month = targets[(days[targets] >= origin.toordinal()) & (days[targets] < until.toordinal())]
        if progress is not None:
            progress(f"{origin:%Y-%m}", done, len(origins))
        o = origin.toordinal()
        while cursor < len(rows) and days[cursor] < o:
            state[int(home_idx[cursor])] = float(elo.after[cursor, 0])
            state[int(away_idx[cursor])] = float(elo.after[cursor, 1])
            cursor += 1
        if month.size == 0:
            continue
        slot = np.searchsorted(targets, month)
        past = table.before(origin)
        began = time.perf_counter()
        previous = fit_national(past, origin, settings, start=previous)
        probs["matchday"][slot] = _grid_outcomes(previous, [rows[i] for i in month])
        seconds["matchday"] += time.perf_counter() - began
        for scale, name in zip(uncertainty, mixed, strict=True):
            began = time.perf_counter()
            probs[name][slot] = _grid_outcomes(previous, [rows[i] for i in month], scale)
            seconds[name] += time.perf_counter() - began
        began = time.perf_counter()
        window = np.flatnonzero(table.competitive[:cursor] & (days[:cursor] >= o - LOOKBACK_DAYS))
        a, c = fit_elo_outcomes(difference[window], outcome_all[window])
        ratings_now = np.array(
            [
                [state.get(int(home_idx[i]), START), state.get(int(away_idx[i]), START)]
                for i in month
            ]
        )
        dr_origin = ratings_now[:, 0] - ratings_now[:, 1] + HOME_ADVANTAGE * at_home[month]
        probs["Elo (at the origin)"][slot] = elo_outcomes(dr_origin, a, c)
        probs["Elo (match by match)"][slot] = elo_outcomes(difference[month], a, c)
        seconds["Elo (at the origin)"] += time.perf_counter() - began
        shares = np.bincount(outcome_all[window], minlength=3) / max(window.size, 1)
        probs["constant"][slot] = shares
    if progress is not None:
        progress("done", len(origins), len(origins))
    outcomes = outcome_all[targets]
    scores = []
    for name in names:
        p = probs[name]
        home, draw, away = (expected_calibration_error(p[:, k], outcomes == k) for k in range(3))
        scores.append(
            NationalModelScore(
                name,
                float(rps(p, outcomes).mean()),
                float(log_loss(p, outcomes).mean()),
                home,
                draw,
                away,
                seconds[name],
            )
        )
    return NationalReport(
        start, end, len(origins), int(targets.size), tuple(scores), probs, outcomes
    )
