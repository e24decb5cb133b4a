"""Ratings of national teams: the Dixon-Coles goal model of ``forecast.fit``, for internationals.

For a match of ``i`` against ``j``::

    log λ_i = μ + H_k·[i plays at home] + a_i - d_j + n·[i is new]
    log λ_j = μ - G_k·[i plays at home] + a_j - d_i + n·[j is new]

with Dixon and Coles' low-score correction ρ. International football differs from club
football in what the model must know: most tournament matches are on neutral ground (no home
advantage) while a host plays its tournament at home (it gets ``H_k``); a friendly says less
than a competitive match (weight ``friendly_weight``), and home advantage is larger in
competitive matches than in friendlies (``H_k``: one for each kind ``k``), and it also shows in
the visitors' goals (``G_k``: without it the visitors' goal rate at a home match is the same as
on neutral ground, and the home side of a competitive home match won 52% of 2006-2009's where
the model gave it 48%); a team plays ten
matches a year, so the time decay ``xi`` is slower than for clubs. Attack and defence have a
normal prior around the
average side, and a team with fewer than ``novice_matches`` results so far plays ``n``
(fitted) off both: the teams seldom seen are mostly the small ones. Fitted by L-BFGS-B with the
analytic gradient over ``np.bincount`` (pure; a ``progress`` callback hears each iteration);
``start`` warm-starts from an earlier fit.

The result is a ``Ratings`` value (no countries; the home advantage of competitive matches in
``home_european``/``home_european_against``, of friendlies in ``home_domestic``/
``home_domestic_against``), so that everything a club forecast
does works for national teams too.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

import numpy as np
from numpy.typing import NDArray

from matchday.errors import InvalidValueError
from matchday.forecast.elo import EloMatch, tournament_weight
from matchday.forecast.fit import (
    RHO_BOUND,
    Progress,
    _low_scores,
    _tau_terms,
    log_likelihood,
    minimise,
    results_before,
)
from matchday.forecast.ratings import Ratings
from matchday.forecast.results import Result, ResultTable
from matchday.model import Team

__all__ = [
    "FRIENDLY",
    "InternationalResult",
    "NationalSettings",
    "NationalTable",
    "fit_national",
    "no_finite_fit",
]

FRIENDLY = "Friendly"
"""The tournament name of a friendly in results.csv: every other match is competitive."""


@dataclass(frozen=True, slots=True)
class InternationalResult:
    """A played international as the data records it. ``home_goals``/``away_goals`` include
    extra time; ``extra_time`` are the goals of each side scored after the 90th minute (as far
    as the goalscorers are known); ``neutral``: nobody plays at home; ``shootout_winner``: the
    side that won a shoot-out after the match."""

    date: dt.date
    home: Team
    away: Team
    home_goals: int
    away_goals: int
    tournament: str
    city: str
    country: str
    neutral: bool
    extra_time: tuple[int, int] = (0, 0)
    shootout_winner: Team | None = None

    @property
    def competitive(self) -> bool:
        """True for anything but a friendly."""
        return self.tournament != FRIENDLY

    @property
    def regular_time(self) -> tuple[int, int]:
        """Goals after 90 minutes: the score less the extra-time goals."""
        return self.home_goals - self.extra_time[0], self.away_goals - self.extra_time[1]

    def elo(self) -> EloMatch:
        """The match as Elo sees it (final score; a shoot-out is a draw)."""
        return EloMatch(
            self.date,
            self.home,
            self.away,
            self.home_goals,
            self.away_goals,
            self.tournament,
            not self.neutral,
            self.shootout_winner is not None,
        )


@dataclass(frozen=True, slots=True)
class NationalTable:
    """Internationals as arrays (date order): the 90-minute results in ``results`` (its
    ``neutral`` flag: no side at home), and per match whether it was competitive and Elo's K."""

    results: ResultTable
    competitive: NDArray[np.bool_]
    weight: NDArray[np.int64]

    @classmethod
    def from_results(
        cls, matches: Iterable[InternationalResult], teams: Sequence[Team] = ()
    ) -> NationalTable:
        """Index the matches' teams (``teams`` first)."""
        rows = sorted(matches, key=lambda m: m.date)
        table = ResultTable.from_results(
            [
                Result(m.date, m.home, m.away, *m.regular_time, european=True, neutral=m.neutral)
                for m in rows
            ],
            teams,
        )
        competitive = np.array([m.competitive for m in rows], dtype=np.bool_)
        weight = np.array([int(tournament_weight(m.tournament)) for m in rows], dtype=np.int64)
        return cls(table, competitive, weight)

    def __len__(self) -> int:
        return len(self.results)

    def before(self, date: dt.date) -> NationalTable:
        """Only the matches before ``date``, over the same team index."""
        keep = self.results.day < date.toordinal()
        return NationalTable(self.results.before(date), self.competitive[keep], self.weight[keep])


@dataclass(frozen=True, slots=True)
class NationalSettings:
    """How to fit. ``xi``: time decay per day (0.0005 halves a match's weight in 3.8 years);
    ``friendly_weight``: a friendly's weight against a competitive match's; ``spread``: prior
    standard deviation of attack and defence (log goals); ``novice_matches``: a team with fewer
    results so far counts as new; ``horizon``: matches whose decay weight is below this are
    left out (they would not move the fit). Checked on the internationals of 2006-2009, before
    the backtest's years (bench/national_backtest.py --validate)."""

    xi: float = 0.0005
    friendly_weight: float = 0.5
    spread: float = 1.0
    novice_matches: int = 10
    horizon: float = 1e-3
    max_iterations: int = 2000
    tolerance: float = 1e-8


BOUND = 5.0
"""No parameter (log goals) goes beyond ±5: a line search cannot overflow exp()."""
_GLOBALS = 7  # μ, H competitive, ρ, n, H friendly, G competitive, G friendly


@dataclass(frozen=True, slots=True)
class _Design:
    keep: NDArray[np.intp]
    home: NDArray[np.intp]
    away: NDArray[np.intp]
    x: NDArray[np.float64]
    y: NDArray[np.float64]
    at_home: NDArray[np.float64]
    friendly_home: NDArray[np.float64]
    novice_home: NDArray[np.float64]
    novice_away: NDArray[np.float64]
    weight: NDArray[np.float64]
    low: tuple[NDArray[np.intp], ...]
    n_teams: int
    precision: float


def _design(table: NationalTable, as_of: dt.date, settings: NationalSettings) -> _Design:
    r = table.results
    home_before, away_before = results_before(r)
    weight = np.exp(-settings.xi * (as_of.toordinal() - r.day).astype(np.float64))
    weight = np.where(table.competitive, weight, settings.friendly_weight * weight)
    keep = np.flatnonzero(weight >= settings.horizon)
    novice_home = (home_before[keep] < settings.novice_matches).astype(np.float64)
    novice_away = (away_before[keep] < settings.novice_matches).astype(np.float64)
    x, y = r.home_goals[keep], r.away_goals[keep]
    return _Design(
        keep,
        r.home[keep],
        r.away[keep],
        x.astype(np.float64),
        y.astype(np.float64),
        (~r.neutral[keep] & table.competitive[keep]).astype(np.float64),
        (~r.neutral[keep] & ~table.competitive[keep]).astype(np.float64),
        novice_home,
        novice_away,
        weight[keep],
        _low_scores(x, y),
        len(r.teams),
        1 / settings.spread**2,
    )


def _rates(
    theta: NDArray[np.float64], d: _Design
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    t = d.n_teams
    attack, defence = theta[_GLOBALS : _GLOBALS + t], theta[_GLOBALS + t :]
    mu, home_adv, nu, friendly_adv = theta[0], theta[1], theta[3], theta[4]
    eta_home = (
        mu
        + home_adv * d.at_home
        + friendly_adv * d.friendly_home
        + attack[d.home]
        - defence[d.away]
        + nu * d.novice_home
    )
    against, friendly_against = theta[5], theta[6]
    eta_away = (
        mu
        - against * d.at_home
        - friendly_against * d.friendly_home
        + attack[d.away]
        - defence[d.home]
        + nu * d.novice_away
    )
    return eta_home, eta_away


def _objective(theta: NDArray[np.float64], d: _Design) -> tuple[float, NDArray[np.float64]]:
    """Minus the penalised weighted log-likelihood (no log x! terms) and its gradient."""
    eta_home, eta_away = _rates(theta, d)
    lam, mu = np.exp(eta_home), np.exp(eta_away)
    w = d.weight
    log_tau, tau_home, tau_away, tau_rho = _tau_terms(lam, mu, float(theta[2]), d.low)
    loglik = float((w * (d.x * eta_home - lam + d.y * eta_away - mu + log_tau)).sum())
    g_home = w * (d.x - lam + tau_home)
    g_away = w * (d.y - mu + tau_away)
    t = d.n_teams
    grad = np.empty_like(theta)
    grad[0] = g_home.sum() + g_away.sum()
    grad[1] = (g_home * d.at_home).sum()
    grad[2] = (w * tau_rho).sum()
    grad[3] = (g_home * d.novice_home).sum() + (g_away * d.novice_away).sum()
    grad[4] = (g_home * d.friendly_home).sum()
    grad[5] = -(g_away * d.at_home).sum()
    grad[6] = -(g_away * d.friendly_home).sum()
    grad[_GLOBALS : _GLOBALS + t] = np.bincount(d.home, g_home, t) + np.bincount(d.away, g_away, t)
    grad[_GLOBALS + t :] = -(np.bincount(d.away, g_home, t) + np.bincount(d.home, g_away, t))
    teams = theta[_GLOBALS:]
    penalty = 0.5 * d.precision * float((teams * teams).sum())
    grad = -grad
    grad[_GLOBALS:] += d.precision * teams
    return penalty - loglik, grad


def _start(table: NationalTable, start: Ratings | None) -> NDArray[np.float64]:
    r = table.results
    t = len(r.teams)
    theta = np.zeros(_GLOBALS + 2 * t)
    goals = (r.home_goals.sum() + r.away_goals.sum()) / max(2 * len(r), 1)
    theta[0] = math.log(max(float(goals), 0.1))
    theta[1] = theta[4] = 0.3
    if start is None:
        return theta
    theta[0], theta[1], theta[2], theta[3], theta[4] = (
        start.intercept,
        start.home_european,
        start.rho,
        start.newcomer,
        start.home_domestic,
    )
    theta[5], theta[6] = start.home_european_against, start.home_domestic_against
    earlier = {team: i for i, team in enumerate(start.teams)}
    for i, team in enumerate(r.teams):
        j = earlier.get(team)
        if j is not None:
            theta[_GLOBALS + i] = start.attack[j]
            theta[_GLOBALS + t + i] = start.defence[j]
    return theta


def fit_national(
    table: NationalTable,
    as_of: dt.date,
    settings: NationalSettings | None = None,
    progress: Progress | None = None,
    start: Ratings | None = None,
) -> Ratings:
    """Fit national-team ratings to ``table`` as they stand on ``as_of`` (the table must hold
    only earlier matches); ``start``: an earlier fit to start from (same model, fewer
    iterations)."""
    r = table.results
    if len(r) and int(r.day.max()) >= as_of.toordinal():
        raise InvalidValueError(f"results on or after {as_of} would be look-ahead")
    settings = settings or NationalSettings()
    d = _design(table, as_of, settings)
    theta0 = _start(table, start)
    bounds: list[tuple[float | None, float | None]] = [(-BOUND, BOUND)] * theta0.size
    bounds[2] = (-RHO_BOUND, RHO_BOUND)
    # Dixon-Coles' tau is not smooth where a trial step makes it negative (lopsided
    # internationals reach 10 goals), which stops a line search; so fit first with rho held,
    # then free it from a point where every tau is well inside.
    held = list(bounds)
    held[2] = (float(theta0[2]), float(theta0[2]))
    first = minimise(
        _objective, theta0, d, held, settings.max_iterations, settings.tolerance, progress
    )

    def later(iteration: int, objective: float) -> None:
        if progress is not None:
            progress(int(first.nit) + iteration, objective)

    result = minimise(
        _objective, first.x, d, bounds, settings.max_iterations, settings.tolerance, later
    )
    theta = np.asarray(result.x, dtype=np.float64)
    t = d.n_teams
    matches = np.bincount(r.home, minlength=t) + np.bincount(r.away, minlength=t)
    weights = np.bincount(d.home, d.weight, t) + np.bincount(d.away, d.weight, t)
    eta_home, eta_away = _rates(theta, d)
    kept = ResultTable(
        r.teams,
        d.home,
        d.away,
        d.x.astype(np.int64),
        d.y.astype(np.int64),
        r.day[d.keep],
        r.european[d.keep],
        r.neutral[d.keep],
    )
    home_adv, friendly_adv = float(theta[1]), float(theta[4])
    empty = np.zeros(0)
    return Ratings(
        as_of=as_of,
        teams=r.teams,
        attack=theta[_GLOBALS : _GLOBALS + t].copy(),
        defence=theta[_GLOBALS + t :].copy(),
        matches=matches.astype(np.int64),
        weight=np.asarray(weights, dtype=np.float64),
        countries=(),
        country_attack=empty,
        country_defence=empty,
        country_home=empty,
        country_matches=np.zeros(0, dtype=np.int64),
        intercept=float(theta[0]),
        european_level=0.0,
        home_domestic=friendly_adv,
        home_european=home_adv,
        home_domestic_closed=friendly_adv,
        home_european_closed=home_adv,
        home_european_against=float(theta[5]),
        home_domestic_against=float(theta[6]),
        rho=float(theta[2]),
        newcomer=float(theta[3]),
        newcomer_matches=settings.novice_matches,
        log_likelihood=log_likelihood(kept, eta_home, eta_away, float(theta[2]), d.weight),
        iterations=int(first.nit + result.nit),
        settings=tuple((f.name, float(getattr(settings, f.name))) for f in fields(settings)),
    )


def no_finite_fit(ratings: Ratings) -> bool:
    """Whether a national fit ran its goal level or newcomer effect to the bounds: the results
    have no finite answer (the one international of 1872, 0-0, says goals are never scored),
    so its forecasts would be the bounds' numbers, not the data's."""
    return max(abs(ratings.intercept), abs(ratings.newcomer)) >= BOUND - 1e-6
