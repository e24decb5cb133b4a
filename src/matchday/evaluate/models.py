"""The forecasters a backtest compares, behind one small interface.

Each is fitted on results before an origin date and then asked for (home, draw, away)
probabilities and goal rates of matches after it. ``None`` means "cannot forecast this match"
(penaltyblog has no rating for a club it has never seen).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from matchday.errors import ConfigError
from matchday.forecast.associations import NationalStrength
from matchday.forecast.fit import FitSettings, behind_closed_doors, fit
from matchday.forecast.metrics import outcome_index
from matchday.forecast.ratings import Ratings
from matchday.forecast.results import ResultTable
from matchday.forecast.scores import ScoreGrid
from matchday.forecast.tie import LegRates, forecast_tie
from matchday.forecast.uncertainty import uncertain_through
from matchday.model import Score, Team
from matchday.rules import Rules

__all__ = [
    "Constant",
    "Forecaster",
    "MatchForecast",
    "Matchday",
    "Penaltyblog",
    "european_matches",
]


@dataclass(frozen=True, slots=True)
class MatchForecast:
    """(home, draw, away) probabilities and the 90-minute goal rates behind them."""

    outcome: tuple[float, float, float]
    home_goals: float
    away_goals: float
    rho: float = 0.0


class Forecaster(Protocol):
    """Something that can be fitted before a date and forecast matches after it."""

    name: str

    def fit(self, table: ResultTable, origin: dt.date) -> None: ...

    def forecast(
        self, home: Team, away: Team, neutral: bool, on: dt.date
    ) -> MatchForecast | None: ...


class Matchday:
    """matchday's model, fitted on ``table`` (all of it, or European matches only)."""

    def __init__(
        self,
        name: str,
        settings: FitSettings | None = None,
        european_only: bool = False,
        uncertainty: float = 0.0,
        national: NationalStrength | None = None,
    ) -> None:
        self.name = name
        self.settings = settings or FitSettings()
        self.european_only = european_only
        self.uncertainty = uncertainty
        self.national = national
        self.ratings: Ratings | None = None

    def through(
        self,
        team1: Team,
        team2: Team,
        first: LegRates,
        second: LegRates | None,
        rules: Rules,
        rho: float,
        first_leg: Score | None = None,
    ) -> float:
        """P(team 1 through); with ``uncertainty`` > 0, averaged over the ratings' uncertainty
        (its variance scaled by ``uncertainty``; ``forecast.uncertainty``)."""
        if not self.uncertainty:
            return forecast_tie(first, second, rules, rho=rho, first_leg=first_leg).team1_through
        assert self.ratings is not None
        return uncertain_through(
            self.ratings,
            team1,
            team2,
            first,
            second,
            rules,
            rho=rho,
            scale=self.uncertainty,
            first_leg=first_leg,
        )

    def fit(self, table: ResultTable, origin: dt.date) -> None:
        self.ratings = fit(
            european_matches(table) if self.european_only else table,
            origin,
            self.settings,
            national=None if self.national is None else self.national.on(origin),
        )

    def forecast(self, home: Team, away: Team, neutral: bool, on: dt.date) -> MatchForecast:
        assert self.ratings is not None
        rates = self.ratings.expected(
            home, away, neutral=neutral, closed_doors=behind_closed_doors(on)
        )
        grid = ScoreGrid.poisson(rates.home_goals, rates.away_goals, rates.rho)
        return MatchForecast(grid.outcome, rates.home_goals, rates.away_goals, rates.rho)


class Constant:
    """The same (home, draw, away) forecast for every match: the shares of European matches
    before the origin."""

    name = "constant home/draw/away"

    def __init__(self) -> None:
        self.shares = (1 / 3, 1 / 3, 1 / 3)

    def fit(self, table: ResultTable, origin: dt.date) -> None:
        euro = european_matches(table)
        counts = np.bincount(outcome_index(euro.home_goals, euro.away_goals), minlength=3)
        shares = counts / max(int(counts.sum()), 1)
        self.shares = (float(shares[0]), float(shares[1]), float(shares[2]))

    def forecast(self, home: Team, away: Team, neutral: bool, on: dt.date) -> MatchForecast:
        return MatchForecast(self.shares, float("nan"), float("nan"))


class Penaltyblog:
    """penaltyblog's Dixon-Coles model (``pip install "matchday[bench]"``), on European matches
    with its time decay ``xi``, as the issue's measured starting point uses it."""

    def __init__(self, xi: float = 0.001, european_only: bool = True) -> None:
        try:
            import penaltyblog  # noqa: F401
        except ImportError as err:
            raise ConfigError(
                'penaltyblog is not installed: pip install "matchday[bench]"'
            ) from err
        scope = "European matches" if european_only else "all results"
        self.name = f"penaltyblog Dixon-Coles ({scope}, xi {xi})"
        self.xi = xi
        self.european_only = european_only
        self.model: Any = None
        self.repaired = 0

    def fit(self, table: ResultTable, origin: dt.date) -> None:
        from penaltyblog.models import DixonColesGoalModel

        euro = european_matches(table) if self.european_only else table
        names = [f"{t.name} ({t.country})" for t in euro.teams]
        weights = np.exp(-self.xi * (origin.toordinal() - euro.day).astype(np.float64))
        self.model = DixonColesGoalModel(
            euro.home_goals,
            euro.away_goals,
            [names[i] for i in euro.home],
            [names[i] for i in euro.away],
            weights=weights,
            neutral_venue=euro.neutral.astype(int),
        )
        self.model.fit()
        self.known = set(self.model.teams)

    def forecast(self, home: Team, away: Team, neutral: bool, on: dt.date) -> MatchForecast | None:
        h, a = f"{home.name} ({home.country})", f"{away.name} ({away.country})"
        if h not in self.known or a not in self.known:
            return None
        try:
            grid = self.model.predict(h, a, neutral_venue=neutral)
        except ValueError:
            # penaltyblog refuses its own grid when its rho makes a probability negative (a
            # lopsided pairing); the same rates and rho then go through matchday's grid, which
            # holds rho where every probability stays >= 0.
            self.repaired += 1
            return self._own_grid(h, a, neutral)
        hda = grid.home_draw_away
        return MatchForecast(
            (float(hda[0]), float(hda[1]), float(hda[2])),
            float(grid.home_goal_expectation),
            float(grid.away_goal_expectation),
            float(self.model._params[-1]),
        )

    @property
    def note(self) -> str:
        """What the report should say about this model's forecasts."""
        return f"{self.repaired} forecasts through matchday's grid (penaltyblog's had p < 0)"

    def _own_grid(self, h: str, a: str, neutral: bool) -> MatchForecast:
        """penaltyblog's rates exp(hfa + attack_h + defence_a), exp(attack_a + defence_h)."""
        params = self.model._params
        n = len(self.model.teams)
        i, j = self.model.team_to_idx[h], self.model.team_to_idx[a]
        hfa = 0.0 if neutral else float(params[-2])
        home = math.exp(hfa + params[i] + params[j + n])
        away = math.exp(params[j] + params[i + n])
        grid = ScoreGrid.poisson(home, away, float(params[-1]))
        return MatchForecast(grid.outcome, home, away, float(params[-1]))


def european_matches(table: ResultTable) -> ResultTable:
    """Only the European matches, over the teams that played them."""
    keep = np.flatnonzero(table.european)
    used = np.unique(np.concatenate([table.home[keep], table.away[keep]]))
    renumber = np.full(len(table.teams), -1, dtype=np.intp)
    renumber[used] = np.arange(used.size)
    return ResultTable(
        tuple(table.teams[i] for i in used),
        renumber[table.home[keep]],
        renumber[table.away[keep]],
        table.home_goals[keep],
        table.away_goals[keep],
        table.day[keep],
        table.european[keep],
        table.neutral[keep],
    )
