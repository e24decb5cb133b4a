"""Rolling-origin backtest: refit on the first day of each month (or each Monday), forecast
until the next refit.

Every European match from the first target season on is forecast by each model fitted only on
results before its refit day (no look-ahead); two-legged ties and finals are forecast before
their first match. Scores: ranked probability score and log loss of (home, draw, away), Brier
score of P(team 1 through). A model that cannot forecast a match (a club it has never seen)
falls back to the constant forecast there, and is also scored on the matches it covers.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise

import numpy as np

from matchday.errors import ConfigError
from matchday.evaluate.calibration import expected_calibration_error
from matchday.evaluate.models import Constant, Forecaster, MatchForecast
from matchday.forecast.metrics import brier, log_loss, outcome_index, rps
from matchday.forecast.results import Result, ResultTable
from matchday.forecast.tie import LegRates, forecast_tie
from matchday.model import Score, Team
from matchday.rules import Rules

__all__ = [
    "BacktestReport",
    "ModelScore",
    "Refit",
    "TieRecord",
    "month_starts",
    "refit_days",
    "refit_windows",
    "run_backtest",
]

Progress = Callable[[str, int, int], None]
"""Called with (what is being done, origins done, origins in all)."""


class Refit(StrEnum):
    """How often the backtest refits: on the first day of each month, or each Monday (before
    the week's matches, as a desk refitting before every matchday: a qualifying round's ties
    then rest on the round before, played a week or two earlier)."""

    MONTHLY = "monthly"
    WEEKLY = "weekly"


@dataclass(frozen=True, slots=True)
class TieRecord:
    """A finished tie to forecast before its first match: legs (home, away, neutral), rules,
    and whether team 1 (host of the first leg) went through; ``first_leg``: the first leg's
    score, to forecast a two-legged tie between the legs too."""

    date: dt.date
    team1: Team
    team2: Team
    two_legs: bool
    neutral: bool
    rules: Rules
    team1_through: bool
    first_leg: Score | None = None


@dataclass(frozen=True, slots=True)
class ModelScore:
    """One model's scores. ``covered``: matches it forecast itself (the rest got the constant
    forecast); ``*_covered``: scores over the matches *every* model covers."""

    name: str
    covered: int
    rps: float
    log_loss: float
    rps_covered: float
    log_loss_covered: float
    ties: int
    brier: float
    fit_seconds: float
    note: str = ""
    tie_ece: float = float("nan")
    ties_between: int = 0
    brier_between: float = float("nan")
    tie_ece_between: float = float("nan")


@dataclass(frozen=True, slots=True)
class BacktestReport:
    """Scores of every model over the same matches, origins and ties."""

    start: dt.date
    end: dt.date
    origins: int
    matches: int
    common: int
    ties: int
    models: tuple[ModelScore, ...]
    refit: Refit = Refit.MONTHLY


def month_starts(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first day of every month from ``first``'s month to ``last``'s."""
    months = []
    day = first.replace(day=1)
    while day <= last:
        months.append(day)
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return months


def refit_days(first: dt.date, last: dt.date, refit: Refit) -> list[dt.date]:
    """The days a backtest from ``first`` to ``last`` refits on: each month's first day, or
    each Monday, from the one on or before ``first``."""
    if refit is Refit.MONTHLY:
        return month_starts(first, last)
    day = first - dt.timedelta(days=first.weekday())
    days = []
    while day <= last:
        days.append(day)
        day += dt.timedelta(days=7)
    return days


def refit_windows(first: dt.date, last: dt.date, refit: Refit) -> list[tuple[dt.date, dt.date]]:
    """Each refit day of ``refit_days`` with the next one (``dt.date.max`` after the last):
    what falls on or after a day and before the next is forecast from the fit of that day."""
    days = refit_days(first, last, refit)
    return list(pairwise([*days, dt.date.max]))


@dataclass
class _Tally:
    probs: list[tuple[float, float, float]] = field(default_factory=list)
    own: list[bool] = field(default_factory=list)
    through: list[float] = field(default_factory=list)
    between: list[float] = field(default_factory=list)
    seconds: float = 0.0


def _tie_probability(
    model: Forecaster, tie: TieRecord, first_leg: Score | None = None
) -> float | None:
    first = model.forecast(tie.team1, tie.team2, tie.neutral, tie.date)
    if first is None or np.isnan(first.home_goals):
        return None
    second: MatchForecast | None = None
    if tie.two_legs:
        second = model.forecast(tie.team2, tie.team1, False, tie.date)
        if second is None:
            return None
    legs = (
        LegRates(first.home_goals, first.away_goals),
        None if second is None else LegRates(second.home_goals, second.away_goals),
    )
    own = getattr(model, "through", None)
    if own is not None:
        return float(own(tie.team1, tie.team2, *legs, tie.rules, first.rho, first_leg))
    return forecast_tie(*legs, tie.rules, rho=first.rho, first_leg=first_leg).team1_through


def run_backtest(
    table: ResultTable,
    targets: Sequence[Result],
    ties: Sequence[TieRecord],
    models: Sequence[Forecaster],
    progress: Progress | None = None,
    refit: Refit = Refit.MONTHLY,
) -> BacktestReport:
    """Forecast ``targets`` and ``ties`` from one refit day to the next (``refit``) with every
    model in ``models``; the constant forecast is always fitted too, as the fallback and as a
    row of its own."""
    if not targets:
        raise ConfigError("a backtest needs matches to forecast, and none were given")
    targets = sorted(targets, key=lambda r: r.date)
    constant = Constant()
    everyone: list[Forecaster] = [*models, constant]
    tallies = {id(m): _Tally() for m in everyone}
    origins = refit_windows(targets[0].date, targets[-1].date, refit)
    outcomes: list[int] = []
    happened: list[bool] = []
    happened_between: list[bool] = []
    for done, (origin, until) in enumerate(origins):
        month = [r for r in targets if origin <= r.date < until]
        month_ties = [t for t in ties if origin <= t.date < until]
        if not month and not month_ties:
            continue
        past = table.before(origin)
        for model in everyone:
            if progress is not None:
                progress(f"{origin} {model.name}", done, len(origins))
            started = time.perf_counter()
            model.fit(past, origin)
            tallies[id(model)].seconds += time.perf_counter() - started
        for result in month:
            outcomes.append(int(outcome_index(result.home_goals, result.away_goals)))
            fallback = constant.forecast(result.home, result.away, result.neutral, result.date)
            for model in everyone:
                forecast = model.forecast(result.home, result.away, result.neutral, result.date)
                tally = tallies[id(model)]
                tally.own.append(forecast is not None)
                tally.probs.append((forecast or fallback).outcome)
        for tie in month_ties:
            happened.append(tie.team1_through)
            for model in everyone:
                p = _tie_probability(model, tie)
                tallies[id(model)].through.append(0.5 if p is None else p)
            if tie.first_leg is None:
                continue
            happened_between.append(tie.team1_through)
            for model in everyone:
                p = _tie_probability(model, tie, tie.first_leg)
                tallies[id(model)].between.append(0.5 if p is None else p)
    if progress is not None:
        progress("done", len(origins), len(origins))
    common = np.logical_and.reduce([np.array(tallies[id(m)].own) for m in everyone])
    scores = []
    for model in everyone:
        tally = tallies[id(model)]
        probs = np.array(tally.probs)
        match_rps, match_loss = rps(probs, outcomes), log_loss(probs, outcomes)
        scores.append(
            ModelScore(
                model.name,
                int(sum(tally.own)),
                float(match_rps.mean()),
                float(match_loss.mean()),
                float(match_rps[common].mean()),
                float(match_loss[common].mean()),
                len(tally.through),
                float(brier(tally.through, happened).mean()) if happened else float("nan"),
                tally.seconds,
                str(getattr(model, "note", "")),
                expected_calibration_error(tally.through, happened),
                len(tally.between),
                float(brier(tally.between, happened_between).mean())
                if happened_between
                else float("nan"),
                expected_calibration_error(tally.between, happened_between),
            )
        )
    return BacktestReport(
        targets[0].date,
        targets[-1].date,
        len(origins),
        len(targets),
        int(common.sum()),
        len(happened),
        tuple(scores),
        refit,
    )
