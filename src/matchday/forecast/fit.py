"""Fitting team strengths: a Dixon-Coles goal model with countries, home advantage and decay.

For a match of home club ``i`` (country ``c``) against away club ``j`` (country ``k``)::

    log λ_home = μ + H + (A_c + a_i) - (D_k + d_j)      H: home advantage (0 at a neutral venue;
    log λ_away = μ     + (A_k + a_j) - (D_c + d_i)         one value for domestic, one for European)

and the score follows two Poisson counts with Dixon and Coles' correction τ of the four low scores
(Dixon & Coles 1997, "Modelling association football scores", Appl. Statist. 46:265-280).
A country's level ``A_c, D_c`` is what its clubs share: in a domestic match it only sets the goal
level, so European matches are what estimate it and what link the leagues. A club's own
deviation ``a_i, d_i`` is shrunk towards its country by a normal prior, so a club with few
matches sits near its country and a club with none *is* its country's level: the honest prior.
Each match is weighted ``exp(-ξ · days before the fit date)`` (Dixon & Coles' time decay).

The penalised log-likelihood and its analytic gradient are computed with ``np.bincount`` over
the team index and minimised by L-BFGS-B (scipy). The fit is pure: no files, no printing; a
``progress`` callback hears of each iteration.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:  # scipy.optimize and .special take a second to load: imported when used
    from scipy.optimize import OptimizeResult

from matchday.errors import InvalidValueError
from matchday.forecast.ratings import Ratings
from matchday.forecast.results import ResultTable

__all__ = ["FitSettings", "fit", "log_likelihood", "minimise"]

Progress = Callable[[int, float], None]
"""Called with (iteration, objective) after each iteration of the optimiser."""

RHO_BOUND = 0.18
"""Bound on Dixon-Coles' rho, keeping τ positive for goal rates up to about 5.5 a match."""

UNKNOWN_COUNTRY = "?"


@dataclass(frozen=True, slots=True)
class FitSettings:
    """How to fit. ``xi``: time decay per day (0.001 halves a match's weight in 693 days).
    ``team_spread``/``country_spread``/``home_spread``: prior standard deviations (log goals)
    of a club around its country, of a country around the level its national strength implies
    (the average without national strengths), and of a country's home
    advantage in European matches around the common one (0: one home advantage for all; the
    validation seasons did not call for more). ``novice_matches``: a club with fewer
    results than this in the data so far counts as new (see ``Ratings``). ``domestic_weight``
    scales the weight of domestic matches against European ones; ``european_level`` lets
    European matches have a goal level of their own; ``closed_doors`` gives matches played
    without spectators (``CLOSED_DOORS``) home advantages of their own (off: the 2021-22
    validation season did not call for it). ``league_country``: a club shares the level of the
    country whose league it plays in (``league_country``), not of its own when they differ.
    ``plain=True`` is the textbook
    Dixon-Coles model (one home advantage, no countries, no priors, no newcomers), the same
    model as penaltyblog's, for like-for-like comparisons. The defaults were chosen on the
    2020-21 and 2021-22 European seasons, before the backtest's seasons."""

    xi: float = 0.001
    team_spread: float = 0.2
    country_spread: float = 0.6
    home_spread: float = 0.0
    novice_matches: int = 20
    domestic_weight: float = 1.0
    closed_doors: bool = False
    european_level: bool = True
    league_country: bool = True
    plain: bool = False
    max_iterations: int = 3000
    tolerance: float = 1e-9


GLOBALS = 10
"""θ starts with μ, domestic home advantage, European home advantage, ρ, the newcomer effect
(nu), the domestic and European home advantage behind closed doors, how many more goals
(log) European matches see than domestic ones, and how much a country's national strength moves
its clubs' attack and defence (the slopes of their prior mean); then per country
attack, defence and home advantage; then per club attack, defence."""

CLOSED_DOORS = (dt.date(2020, 3, 9), dt.date(2021, 7, 31))
"""Matches in this window were mostly played without spectators (COVID-19), and home advantage
fell (McCarrick, Bilalic, Neave & Wolfson 2021, "Home advantage during the COVID-19 pandemic:
Analyses of European football leagues", Psychology of Sport and Exercise 56:102013), so they get
home advantages of their own."""


def behind_closed_doors(date: dt.date) -> bool:
    """True for a date in the ``CLOSED_DOORS`` window."""
    return CLOSED_DOORS[0] <= date <= CLOSED_DOORS[1]


_NEUTRAL = 2
_HOME_PARAMETER = np.array([1, 2, 0, 5, 6])
"""θ index of the home advantage of each kind of match (domestic, European, neutral: none,
domestic and European behind closed doors)."""


@dataclass(frozen=True, slots=True)
class _Design:
    """The arrays the objective needs, built once per fit."""

    table: ResultTable
    weight: NDArray[np.float64]
    team_country: NDArray[np.intp]
    n_teams: int
    n_countries: int
    home_kind: NDArray[np.intp]  # 0 domestic, 1 European, 2 neutral, 3/4 0/1 behind closed doors
    low: tuple[NDArray[np.intp], ...]  # indices of the 0-0, 0-1, 1-0 and 1-1 results
    x: NDArray[np.float64]
    y: NDArray[np.float64]
    novice: NDArray[np.float64]  # newcomer at home minus newcomer away: -1, 0 or 1
    national: NDArray[np.float64]  # each country's national strength (0: none known)
    team_precision: float
    country_precision: float
    home_precision: float

    @property
    def size(self) -> int:
        return GLOBALS + 3 * self.n_countries + 2 * self.n_teams


def _low_scores(x: NDArray[np.int64], y: NDArray[np.int64]) -> tuple[NDArray[np.intp], ...]:
    """Where the results are 0-0, 0-1, 1-0 and 1-1: the scores τ corrects."""
    return tuple(
        np.flatnonzero((x == hx) & (y == ay)) for hx, ay in ((0, 0), (0, 1), (1, 0), (1, 1))
    )


def results_before(table: ResultTable) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """For each match, how many earlier results of its home and of its away side the table
    holds (the table is in date order)."""
    n = len(table)
    teams = np.empty(2 * n, dtype=np.intp)
    teams[0::2], teams[1::2] = table.home, table.away
    order = np.argsort(teams, kind="stable")
    ordered = teams[order]
    first = np.searchsorted(ordered, ordered, side="left")
    rank = np.empty(2 * n, dtype=np.int64)
    rank[order] = np.arange(2 * n) - first
    return rank[0::2], rank[1::2]


def _design(
    table: ResultTable,
    as_of: dt.date,
    settings: FitSettings,
    national: Mapping[str, float] | None = None,
) -> _Design:
    names = [UNKNOWN_COUNTRY] if settings.plain else country_names(table, national)
    country_index = {name: i for i, name in enumerate(names)}
    team_country = np.array(
        [0 if settings.plain else country_index[t.country or UNKNOWN_COUNTRY] for t in table.teams],
        dtype=np.intp,
    )
    if settings.league_country and not settings.plain:
        team_country = league_country(table, team_country, len(names))
    age = as_of.toordinal() - table.day
    kind = np.where(table.european & ~settings.plain, 1, 0)
    if settings.closed_doors and not settings.plain:
        closed = (table.day >= CLOSED_DOORS[0].toordinal()) & (
            table.day <= CLOSED_DOORS[1].toordinal()
        )
        kind = np.where(closed, kind + 3, kind)
    kind = np.where(table.neutral, _NEUTRAL, kind)
    weight = np.exp(-settings.xi * age.astype(np.float64))
    weight = np.where(table.european, weight, settings.domestic_weight * weight)
    home_before, away_before = results_before(table)
    novice = (home_before < settings.novice_matches).astype(np.float64) - (
        away_before < settings.novice_matches
    )
    strength = np.array([(national or {}).get(name, 0.0) for name in names], dtype=np.float64)
    ridge = 1e-6  # keeps an unpenalised (plain) fit identifiable without moving it
    return _Design(
        table,
        weight,
        team_country,
        len(table.teams),
        len(names),
        kind.astype(np.intp),
        _low_scores(table.home_goals, table.away_goals),
        table.home_goals.astype(np.float64),
        table.away_goals.astype(np.float64),
        np.zeros(len(table)) if settings.plain else novice,
        strength,
        ridge if settings.plain else 1 / settings.team_spread**2,
        ridge if settings.plain else 1 / settings.country_spread**2,
        ridge if settings.plain or not settings.home_spread else 1 / settings.home_spread**2,
    )


def league_country(
    table: ResultTable, team_country: NDArray[np.intp], n_countries: int
) -> NDArray[np.intp]:
    """The country whose level a club shares: its own, unless most of its domestic matches are
    against another country's clubs (a Welsh club in England's league, AS Monaco in France's),
    when it is that league's. Its level is then what its league's matches measure, and the
    clubs of its own country's league are not given it."""
    domestic = ~table.european
    home, away = table.home[domestic], table.away[domestic]
    teams = np.concatenate([home, away])
    opponents = team_country[np.concatenate([away, home])]
    votes = np.bincount(
        teams * n_countries + opponents, minlength=len(team_country) * n_countries
    ).reshape(len(team_country), n_countries)
    league = votes.argmax(axis=1)
    moved = 2 * votes[np.arange(len(team_country)), league] > votes.sum(axis=1)
    return np.where(moved, league, team_country).astype(np.intp)


def country_names(table: ResultTable, national: Mapping[str, float] | None = None) -> list[str]:
    """The countries of the table's teams and those with a national strength, sorted: the
    order of the country parameters (a country no club of which has played yet still gets a
    level, the one its national strength implies)."""
    return sorted({t.country or UNKNOWN_COUNTRY for t in table.teams} | set(national or ()))


def _split(theta: NDArray[np.float64], d: _Design) -> tuple[NDArray[np.float64], ...]:
    """Views of θ: country attack, defence, home advantage; club attack, defence."""
    c, t = d.n_countries, d.n_teams
    bounds = np.cumsum([GLOBALS, c, c, c, t, t])
    return tuple(theta[lo:hi] for lo, hi in itertools.pairwise(bounds))


def _rates(
    theta: NDArray[np.float64], d: _Design
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Log goal rates of home and away side, and each team's attack and defence."""
    country_att, country_def, country_home, own_att, own_def = _split(theta, d)
    attack = country_att[d.team_country] + own_att
    defence = country_def[d.team_country] + own_def
    h, a = d.table.home, d.table.away
    values = theta[_HOME_PARAMETER]
    values[_NEUTRAL] = 0.0
    european = (d.home_kind == 1) | (d.home_kind == 4)
    home_adv = values[d.home_kind] + np.where(european, country_home[d.team_country[h]], 0.0)
    newcomer = theta[4] * d.novice
    level = theta[0] + np.where(d.table.european, theta[7], 0.0)
    eta_home = level + home_adv + attack[h] - defence[a] + newcomer
    eta_away = level + attack[a] - defence[h] - newcomer
    return eta_home, eta_away, attack, defence


def _tau_terms(
    lam: NDArray[np.float64], mu: NDArray[np.float64], rho: float, low: tuple[NDArray[np.intp], ...]
) -> tuple[NDArray[np.float64], ...]:
    """log τ and its derivatives by log λ, log μ and ρ, for each match (zero above 1-1):
    τ(0,0) = 1 - λμρ, τ(0,1) = 1 + λρ, τ(1,0) = 1 + μρ, τ(1,1) = 1 - ρ."""
    log_tau, d_home, d_away, d_rho = (np.zeros_like(lam) for _ in range(4))
    i00, i01, i10, i11 = low
    lm = lam[i00] * mu[i00]
    tau = np.maximum(1 - lm * rho, 1e-12)
    log_tau[i00], d_home[i00], d_away[i00], d_rho[i00] = (
        np.log(tau),
        -lm * rho / tau,
        -lm * rho / tau,
        -lm / tau,
    )
    tau = np.maximum(1 + lam[i01] * rho, 1e-12)
    log_tau[i01], d_home[i01], d_rho[i01] = np.log(tau), lam[i01] * rho / tau, lam[i01] / tau
    tau = np.maximum(1 + mu[i10] * rho, 1e-12)
    log_tau[i10], d_away[i10], d_rho[i10] = np.log(tau), mu[i10] * rho / tau, mu[i10] / tau
    log_tau[i11], d_rho[i11] = np.log(1 - rho), -1 / (1 - rho)
    return log_tau, d_home, d_away, d_rho


def _objective(theta: NDArray[np.float64], d: _Design) -> tuple[float, NDArray[np.float64]]:
    """Minus the penalised weighted log-likelihood (without the constant log x! terms), and
    its gradient."""
    eta_home, eta_away, _, _ = _rates(theta, d)
    lam, mu = np.exp(eta_home), np.exp(eta_away)
    x, y, w = d.x, d.y, d.weight
    log_tau, tau_home, tau_away, tau_rho = _tau_terms(lam, mu, float(theta[3]), d.low)
    loglik = float((w * (x * eta_home - lam + y * eta_away - mu + log_tau)).sum())
    g_home = w * (x - lam + tau_home)
    g_away = w * (y - mu + tau_away)
    h, a, t, c = d.table.home, d.table.away, d.n_teams, d.n_countries
    g_attack = np.bincount(h, g_home, t) + np.bincount(a, g_away, t)
    g_defence = -(np.bincount(a, g_home, t) + np.bincount(h, g_away, t))
    by_kind = np.bincount(d.home_kind, g_home, 5)
    european_home = np.where((d.home_kind == 1) | (d.home_kind == 4), g_home, 0.0)
    grad = np.zeros_like(theta)
    grad[0] = g_home.sum() + g_away.sum()
    grad[1], grad[2], grad[5], grad[6] = by_kind[0], by_kind[1], by_kind[3], by_kind[4]
    grad[3] = float((w * tau_rho).sum())
    grad[4] = float(((g_home - g_away) * d.novice).sum())
    grad[7] = float(np.where(d.table.european, g_home + g_away, 0.0).sum())
    grad[GLOBALS : GLOBALS + c] = np.bincount(d.team_country, g_attack, c)
    grad[GLOBALS + c : GLOBALS + 2 * c] = np.bincount(d.team_country, g_defence, c)
    grad[GLOBALS + 2 * c : GLOBALS + 3 * c] = np.bincount(d.team_country[h], european_home, c)
    grad[GLOBALS + 3 * c : GLOBALS + 3 * c + t] = g_attack
    grad[GLOBALS + 3 * c + t :] = g_defence
    grad = -grad
    precision = np.concatenate(
        [
            np.zeros(GLOBALS),
            np.full(2 * c, d.country_precision),
            np.full(c, d.home_precision),
            np.full(2 * t, d.team_precision),
        ]
    )
    # A country's level is shrunk towards what its national strength implies: prior mean
    # slope × strength (θ[8] attack, θ[9] defence; 0 when no strengths are given).
    centre = np.zeros_like(theta)
    centre[GLOBALS : GLOBALS + c] = theta[8] * d.national
    centre[GLOBALS + c : GLOBALS + 2 * c] = theta[9] * d.national
    off = theta - centre
    # Sums of squares by elementwise ufuncs, not BLAS dot: BLAS threads stall on a busy machine.
    penalty = 0.5 * float((precision * off**2).sum())
    pull = precision * off
    grad += pull
    grad[8] -= float((pull[GLOBALS : GLOBALS + c] * d.national).sum())
    grad[9] -= float((pull[GLOBALS + c : GLOBALS + 2 * c] * d.national).sum())
    return penalty - loglik, grad


def log_likelihood(
    table: ResultTable,
    eta_home: NDArray[np.float64],
    eta_away: NDArray[np.float64],
    rho: float,
    weight: NDArray[np.float64] | None = None,
) -> float:
    """The (weighted) Dixon-Coles log-likelihood of ``table`` at given log goal rates, with the
    log x! terms: the number to compare two fits by."""
    from scipy.special import gammaln

    x, y = table.home_goals, table.away_goals
    lam, mu = np.exp(eta_home), np.exp(eta_away)
    log_tau, *_ = _tau_terms(lam, mu, rho, _low_scores(x, y))
    terms = x * eta_home - lam + y * eta_away - mu + log_tau - gammaln(x + 1) - gammaln(y + 1)
    return float(np.sum(terms if weight is None else weight * terms))


def minimise(
    objective: Callable[[NDArray[np.float64], Any], tuple[float, NDArray[np.float64]]],
    theta0: NDArray[np.float64],
    design: Any,
    bounds: list[tuple[float | None, float | None]],
    max_iterations: int,
    tolerance: float,
    progress: Progress | None = None,
) -> OptimizeResult:
    """L-BFGS-B on ``objective(theta, design)`` (value and gradient), telling ``progress`` of
    each iteration: the optimiser of every goal model here."""
    from scipy.optimize import minimize

    iteration = [0]

    def step(intermediate_result: OptimizeResult) -> None:  # scipy passes it by this name
        iteration[0] += 1
        if progress is not None:
            progress(iteration[0], float(intermediate_result.fun))

    result: OptimizeResult = minimize(
        objective,
        theta0,
        args=(design,),
        jac=True,
        method="L-BFGS-B",
        bounds=bounds,
        callback=step,
        options={"maxiter": max_iterations, "ftol": tolerance, "gtol": 1e-6},
    )
    return result


def fit(
    table: ResultTable,
    as_of: dt.date,
    settings: FitSettings | None = None,
    progress: Progress | None = None,
    national: Mapping[str, float] | None = None,
) -> Ratings:
    """Fit ratings to ``table`` as they stand on ``as_of`` (the table must hold only earlier
    matches: ``table.before(as_of)``). ``national``: each country's national strength on
    ``as_of`` (``forecast.associations``), which then sets the mean of its level's prior
    through slopes the fit learns; without it every country is shrunk to the average."""
    if len(table) and int(table.day.max()) >= as_of.toordinal():
        raise InvalidValueError(f"results on or after {as_of} would be look-ahead")
    settings = settings or FitSettings()
    d = _design(table, as_of, settings, national)
    theta0 = np.zeros(d.size)
    goals = (table.home_goals.sum() + table.away_goals.sum()) / max(2 * len(table), 1)
    theta0[0] = math.log(max(float(goals), 0.1))
    theta0[[1, 2, 5, 6]] = 0.25
    bounds: list[tuple[float | None, float | None]] = [(None, None)] * d.size
    bounds[3] = (-RHO_BOUND, RHO_BOUND)
    if settings.plain or not settings.european_level or table.european.all():
        bounds[7] = (0.0, 0.0)  # off, or the same as the intercept when all are European
    if settings.plain or not national:
        bounds[8] = bounds[9] = (0.0, 0.0)
    if settings.plain or not settings.home_spread:
        c = d.n_countries
        bounds[GLOBALS + 2 * c : GLOBALS + 3 * c] = [(0.0, 0.0)] * c
    result = minimise(
        _objective, theta0, d, bounds, settings.max_iterations, settings.tolerance, progress
    )
    theta = np.asarray(result.x, dtype=np.float64)
    closed = settings.closed_doors and not settings.plain
    eta_home, eta_away, attack, defence = _rates(theta, d)
    country_att, country_def, country_home, _, _ = _split(theta, d)
    matches = np.bincount(table.home, minlength=d.n_teams) + np.bincount(
        table.away, minlength=d.n_teams
    )
    weights = np.asarray(
        np.bincount(table.home, d.weight, d.n_teams) + np.bincount(table.away, d.weight, d.n_teams),
        dtype=np.float64,
    )
    euro = table.european
    country_matches = np.bincount(
        d.team_country[np.concatenate([table.home[euro], table.away[euro]])],
        minlength=d.n_countries,
    )
    return Ratings(
        as_of=as_of,
        teams=table.teams,
        attack=attack,
        defence=defence,
        matches=matches,
        weight=weights,
        countries=tuple([UNKNOWN_COUNTRY] if settings.plain else country_names(table, national)),
        country_attack=country_att.copy(),
        country_defence=country_def.copy(),
        country_home=country_home.copy(),
        country_matches=country_matches,
        intercept=float(theta[0]),
        european_level=float(theta[7]),
        home_domestic=float(theta[1]),
        home_european=float(theta[1] if settings.plain else theta[2]),
        home_domestic_closed=float(theta[5] if closed else theta[1]),
        home_european_closed=float(
            theta[6] if closed else theta[1] if settings.plain else theta[2]
        ),
        rho=float(theta[3]),
        newcomer=float(theta[4]),
        newcomer_matches=0 if settings.plain else settings.novice_matches,
        log_likelihood=log_likelihood(table, eta_home, eta_away, float(theta[3]), d.weight),
        iterations=int(result.nit),
        settings=tuple((f.name, float(getattr(settings, f.name))) for f in fields(settings)),
    )
