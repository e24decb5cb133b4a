"""Forecasting a tournament of groups feeding a bracket (World Cup, Euro): each team's chance of
every stage, from the draw of the groups or at any moment of the tournament.

A ``Tournament`` is the groups, their matches (the played ones with their score), the knockout
matches already decided, and the competition's rules as the registry gives them: the
tie-breakers of the group tables, the best third-placed teams and the bracket. ``simulate``
plays the rest out many times at once with numpy (simulations × teams): each group match still
to play gets a score drawn from the model's score grid (Dixon-Coles), each group is ranked on
the registry's tie-breakers (lots where they run out), the best thirds are allocated to their
ties by the registry's table, and each knockout match is won with the exact probability of the
same model over 90 minutes, extra time and penalties. Played matches stand as played. Pure: no
I/O; the numbers of goals a side is expected to score come in as a ``Strengths`` value, from
matchday's ratings (``from_ratings``) or from World Football Elo (``from_elo``).

The ratings' uncertainty (``Strengths.spread``: how many and how recent the matches a rating
rests on, ``forecast.uncertainty``) is carried the way a simulation naturally carries it: each
simulation draws every team's attack and defence once from its approximate posterior (normal,
log goals) and plays its whole tournament with them, so a team's matches move together; each
match is then played out (Dixon-Coles score by rejection from Poisson draws, extra time,
penalties) at that simulation's goal rates. Without a spread the simulation is the point one,
which stays the default (``TOURNAMENT_SCALE``): on the World Cups 2006 and 2010, before the six
tournaments of the backtest, carrying it did not lower the stage log loss
(bench/national_tournaments.py).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import NDArray

import matchday.competitions as competitions
from matchday.competitions.brackets import THIRD, GroupBracket
from matchday.errors import ConfigError, InvalidValueError
from matchday.forecast.elo import HOME_ADVANTAGE as ELO_HOME
from matchday.forecast.extra_time import extra_time_law
from matchday.forecast.national import InternationalResult
from matchday.forecast.ratings import Ratings, TeamRating
from matchday.forecast.uncertainty import rating_variance
from matchday.model import Match, Season, Team, Tie
from matchday.model.competition import RoundFormat
from matchday.model.national_names import HOST_CODES, results_name
from matchday.rules import ExtraTime
from matchday.standings.rules import Criterion, TableRules

__all__ = [
    "SPELLINGS",
    "STAGES",
    "TOURNAMENT_SCALE",
    "Fixture",
    "Knockout",
    "Strengths",
    "Tournament",
    "TournamentForecast",
    "draw_scores",
    "from_elo",
    "from_ratings",
    "from_season",
    "group_letter",
    "groups_of",
    "host_teams",
    "hosts_among",
    "rated_as",
    "rated_view",
    "simulate",
    "stage_log_loss",
    "team_ratings",
    "tie_host",
    "with_grounds",
    "with_hosts",
]

STAGES = ("Round of 16", "Quarter-finals", "Semi-finals", "Final", "Champion")
"""The stages a team of a round of 16 can reach, in order (one column each)."""

SPELLINGS: Mapping[str, str] = {
    "Ireland": "Republic of Ireland",
}
"""Names the Football.TXT files write otherwise than the internationals' results (recorded,
never guessed) beyond the common and FIFA names of ``model.national_names`` ("USA",
"Côte d'Ivoire"): the file's spelling and the rated team's. "Ireland" is here, not there: in
the Euro files it is the Republic, while the results' former name "Ireland" is Northern
Ireland's (to 1956)."""

MAX_GOALS = 12
"""Goals per side a simulated match can have (the score grid is cut there and renormalised)."""
CHUNK = 25_000
"""Simulations per batch: bounds memory and paces the progress callback."""
EXTRA_TIME = 30 / 90
"""Extra time as a share of a match's expected goals."""
PENALTY_WIN = 0.5
"""P(a given side wins a shoot-out), as in ``forecast.tie``."""
TOURNAMENT_SCALE = 0.0
"""Variance scale of the ratings' uncertainty a tournament simulation carries by default: 0,
the point strengths. Chosen on the World Cups 2006 and 2010 (100,000 simulations, mean stage
log loss 1.0997 without, 1.1027 with scale 1); the six later tournaments were run with both
(1.2657 and 1.2654: docs/benchmarks.md "Tournament forecasts")."""

Progress = Callable[[int, int], None]
"""Called with (simulations done, simulations in all) after each batch."""


@dataclass(frozen=True, slots=True)
class Fixture:
    """A group match; ``score`` is its result after 90 minutes once played; ``at_home``: the
    first-named side plays in its own country (a host's match; the venue is known in
    advance)."""

    group: str
    date: dt.date
    home: Team
    away: Team
    score: tuple[int, int] | None = None
    at_home: bool = False


@dataclass(frozen=True, slots=True)
class Knockout:
    """A knockout match decided (after extra time or penalties if need be)."""

    date: dt.date
    winner: Team
    loser: Team


@dataclass(frozen=True, slots=True)
class Pairing:
    """A match of the first knockout round whose two sides are named, played or not: once
    the groups are over, who meets whom is known before a ball is kicked, and it tells the
    places fair play or lots decided, which results cannot."""

    date: dt.date
    teams: tuple[Team, Team]


@dataclass(frozen=True, slots=True)
class Tournament:
    """Groups (letter, teams), their matches, the knockout matches decided, and the rules:
    the tables' tie-breakers, the best third-placed teams that go on (``best_thirds``, with
    the tie-breakers ranking them), and the bracket. ``hosts`` play every knockout match at
    home against a side that is no host (two co-hosts meet on neutral terms; the group matches
    say their ground themselves). ``pairings``: the
    first knockout round's matches as named, read only once every group match is played."""

    name: str
    groups: tuple[tuple[str, tuple[Team, ...]], ...]
    fixtures: tuple[Fixture, ...]
    knockouts: tuple[Knockout, ...]
    table: TableRules
    bracket: GroupBracket
    best_thirds: TableRules | None = None
    hosts: frozenset[Team] = frozenset()
    pairings: tuple[Pairing, ...] = ()
    extra_time: ExtraTime = ExtraTime.THIRTY_MINUTES
    """How a knockout match level after 90 minutes goes on (the era's rules: a golden goal at
    the World Cups of 1998 and 2002); penalties after it."""

    @property
    def host_nations(self) -> frozenset[Team]:
        """The sides at home in a group match, and the hosts at home in the knockout
        rounds (``hosts``)."""
        return frozenset(f.home for f in self.fixtures if f.at_home) | self.hosts

    def __post_init__(self) -> None:
        letters = {g for g, _ in self.groups}
        for f in self.fixtures:
            if f.group not in letters:
                raise InvalidValueError(f"{f.home} v {f.away}: no group {f.group}")
        for tie in self.bracket.ties:
            for place in tie:
                if place != THIRD and place[1:] not in letters:
                    raise InvalidValueError(
                        f"the bracket names group {place[1:]}, which is not drawn"
                    )

    @property
    def teams(self) -> tuple[Team, ...]:
        """Every team, group by group."""
        return tuple(t for _, teams in self.groups for t in teams)

    def as_of(self, date: dt.date) -> Tournament:
        """The tournament as it stood on the morning of ``date``: results from ``date`` on are
        taken away (their matches are still to play; the first knockout round's pairings count
        only once every group match is played: ``named_pairs``)."""
        return replace(
            self,
            fixtures=tuple(f if f.date < date else replace(f, score=None) for f in self.fixtures),
            knockouts=tuple(k for k in self.knockouts if k.date < date),
        )

    @property
    def named_pairs(self) -> tuple[tuple[dt.date, tuple[Team, Team]], ...]:
        """The knockout matches whose sides are known, by date: those decided, and the first
        round's pairings once every group match is played."""
        pairs = [(k.date, (k.winner, k.loser)) for k in self.knockouts]
        if all(f.score is not None for f in self.fixtures):
            pairs += [(p.date, p.teams) for p in self.pairings]
        return tuple(sorted(pairs, key=lambda pair: pair[0]))

    @property
    def started(self) -> dt.date:
        """The day of the first match."""
        return min(f.date for f in self.fixtures)


@dataclass(frozen=True, slots=True)
class Strengths:
    """What the simulation needs of a model: ``goals[i, j]``, the goals team i is expected to
    score in 90 minutes against team j in a knockout match (neutral, or a host at home);
    with i at home to j, i scores ``at_home[i, j]`` and j ``visiting[i, j]``; Dixon-Coles'
    ``rho``, and for each team why it is rated so (``notes``, for the reports). ``spread``:
    each team's standard deviation (log goals) of its attack and of its defence, the ratings'
    uncertainty a simulation draws from (``None``: point strengths)."""

    teams: tuple[Team, ...]
    goals: NDArray[np.float64]
    at_home: NDArray[np.float64]
    visiting: NDArray[np.float64]
    rho: float = 0.0
    notes: tuple[str, ...] = ()
    source: str = ""
    spread: NDArray[np.float64] | None = None

    @property
    def uncertain(self) -> bool:
        """True when the simulation draws the teams' strengths (some spread above 0)."""
        return self.spread is not None and bool((self.spread > 0).any())


def rated_as(team: Team) -> Team:
    """The rated team a file's name stands for (``SPELLINGS``, else ``COMMON_NAMES``)."""
    return Team(SPELLINGS.get(team.name) or results_name(team.name), team.country)


def team_ratings(tournament: Tournament, ratings: Ratings) -> tuple[TeamRating, ...]:
    """Each team's rating, group by group, under the name it is rated as (``rated_as``): the
    one lookup the strengths, their notes and what a report says of them rest on."""
    return tuple(ratings.rating(rated_as(t)) for t in tournament.teams)


def from_ratings(
    tournament: Tournament,
    ratings: Ratings,
    source: str = "",
    uncertainty: float = TOURNAMENT_SCALE,
) -> Strengths:
    """Expected goals from matchday's ratings, as ``Ratings.expected`` gives them for a
    competitive match (national teams have no country of their own): neutral ground, except a
    side at home (the competitive home advantage). One rating per team, every pair at once;
    with the ratings' uncertainty (variance scale ``uncertainty``, 0 for none) as ``spread``."""
    rated = team_ratings(tournament, ratings)
    teams = [r.team for r in rated]
    attack = np.array([r.attack for r in rated])
    defence = np.array([r.defence for r in rated])
    level = ratings.intercept + ratings.european_level
    strength = attack[:, None] - defence[None, :]
    neutral = np.exp(level + strength)
    at_home = np.exp(level + ratings.home_european + strength)
    # visiting[i, j]: what the side away scores at home side i's ground
    visiting = np.exp(level - ratings.home_european_against + strength).T
    for m in (neutral, at_home, visiting):
        np.fill_diagonal(m, 0.0)
    host = np.array([t in tournament.hosts for t in tournament.teams])
    home_side = host[:, None] & ~host[None, :]
    away_side = ~host[:, None] & host[None, :]
    # a host scores its at-home rate; its visitor what the host's ground leaves it
    goals = np.where(home_side, at_home, np.where(away_side, visiting.T, neutral))
    notes = tuple(r.explanation for r in rated)
    spread = (
        np.sqrt([rating_variance(ratings, t, uncertainty) for t in teams]) if uncertainty else None
    )
    return Strengths(tournament.teams, goals, at_home, visiting, ratings.rho, notes, source, spread)


def _poisson_outcome(
    home: NDArray[np.float64], away: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """P(home wins), P(draw) of independent Poisson scores, element-wise."""
    k = np.arange(MAX_GOALS + 1, dtype=np.float64)
    log_fact = np.cumsum(np.log(np.maximum(k, 1)))
    ph = np.exp(k * np.log(home[..., None]) - home[..., None] - log_fact)
    pa = np.exp(k * np.log(away[..., None]) - away[..., None] - log_fact)
    joint = ph[..., :, None] * pa[..., None, :]
    joint /= joint.sum(axis=(-1, -2), keepdims=True)
    win = np.tril(np.ones((MAX_GOALS + 1, MAX_GOALS + 1)), -1)
    return (joint * win).sum(axis=(-1, -2)), np.trace(joint, axis1=-2, axis2=-1)


def _extra_time_outcome(
    home: NDArray[np.float64], away: NDArray[np.float64], extra_time: ExtraTime
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """P(home wins extra time), P(still level after it) at its rates ``home``, ``away`` for
    the whole of it, under the era's law as the tie forecasts lay it out
    (``forecast.extra_time``: a golden goal, a silver goal); none at all: level, penalties."""
    if extra_time is ExtraTime.NONE:
        return np.zeros_like(home), np.ones_like(home)
    if extra_time is ExtraTime.THIRTY_MINUTES:
        return _poisson_outcome(home, away)
    law = extra_time_law(home, away, extra_time, MAX_GOALS + 1)
    return np.tril(law, -1).sum(axis=(-1, -2)), np.trace(law, axis1=-2, axis2=-1)


ELO_GOALS = 2.5
"""Goals per match the Elo-driven simulation expects between two equal sides (the 725 World Cup
and Euro finals matches of 1998-2024 in results.csv averaged 2.51, extra time included); Elo
itself says nothing of goals."""


def from_elo(tournament: Tournament, elo: Mapping[Team, float], source: str = "") -> Strengths:
    """Expected goals from World Football Elo ratings: ``ELO_GOALS`` goals a match, split so
    that a Poisson match gives each side exactly Elo's expected result (``We``, with +100 for a
    host at home). Found by bisection over the supremacy, for every pair at once."""
    teams = tournament.teams
    rating = np.array([elo.get(rated_as(t), elo.get(t, 1500.0)) for t in teams])
    host = np.array([t in tournament.hosts for t in teams], dtype=np.float64)
    diff = rating[:, None] - rating[None, :]
    goals = _elo_goals(diff + ELO_HOME * (host[:, None] - host[None, :]))
    at_home = _elo_goals(diff + ELO_HOME)
    visiting = _elo_goals(-diff - ELO_HOME)
    notes = tuple(f"Elo {r:.0f}" for r in rating)
    return Strengths(teams, goals, at_home, visiting, 0.0, notes, source)


def _elo_goals(dr: NDArray[np.float64]) -> NDArray[np.float64]:
    """Goals of the row side for rating differences ``dr`` (the ground included)."""
    we = 1 / (10 ** (-dr / 400) + 1)
    low, high = np.full(dr.shape, -6.0), np.full(dr.shape, 6.0)
    for _ in range(40):
        mid = (low + high) / 2
        home = ELO_GOALS / 2 * np.exp(mid / 2)
        away = ELO_GOALS / 2 * np.exp(-mid / 2)
        win, draw = _poisson_outcome(home, away)
        too_low = win + draw / 2 < we
        low, high = np.where(too_low, mid, low), np.where(too_low, high, mid)
    goals = np.asarray(ELO_GOALS / 2 * np.exp((low + high) / 4), dtype=np.float64)
    np.fill_diagonal(goals, 0.0)
    return goals


@dataclass(frozen=True)
class TournamentForecast:
    """Each team's chance of each stage (``reach[t, s]``, ``STAGES``; the last column is the
    title) and of each place in its group (``places[t, p]``), over ``simulations`` seeded by
    ``seed``; ``strengths`` say what it rests on."""

    tournament: Tournament
    strengths: Strengths
    reach: NDArray[np.float64]
    places: NDArray[np.float64]
    simulations: int
    seed: int | None
    stages: tuple[str, ...] = STAGES
    as_of: dt.date | None = None
    decided: tuple[str, ...] = field(default=())

    @property
    def teams(self) -> tuple[Team, ...]:
        """The teams, group by group (the rows)."""
        return self.tournament.teams

    def ranking(self) -> list[int]:
        """Rows from the favourite down: title, then final, semi-final, ... chances."""
        keys = [(*tuple(-self.reach[t, ::-1]), self.teams[t].name) for t in range(len(self.teams))]
        return sorted(range(len(self.teams)), key=lambda t: keys[t])

    def exit(self) -> NDArray[np.float64]:
        """``exit[t, s]``: the chance that team t's tournament ends at stage s: column 0 in
        the group stage, then out in the round of 16, ..., beaten in the final, champion."""
        reached = np.hstack([np.ones((len(self.teams), 1)), self.reach])
        ends = reached[:, :-1] - reached[:, 1:]
        return np.hstack([ends, reached[:, -1:]])

    def group_of(self, t: int) -> str:
        """The letter of team t's group."""
        team = self.teams[t]
        return next(g for g, teams in self.tournament.groups if team in teams)


def stage_log_loss(forecast: TournamentForecast, reached: Mapping[Team, int]) -> float:
    """Mean over the teams of -log P(the stage each reached): ``reached[team]`` = 0 for out in
    the groups, 1 out in the round of 16, ..., ``len(STAGES)`` for the champion. A probability
    the simulation put at zero counts as half a simulation (never an infinite loss)."""
    ends = forecast.exit()
    floor = 0.5 / forecast.simulations
    losses = [
        -math.log(max(float(ends[t, reached[team]]), floor))
        for t, team in enumerate(forecast.teams)
    ]
    return float(np.mean(losses))


# --- group stage -------------------------------------------------------------------------------


_BITS = 7
"""Bits per tie-breaker in the packed ranking key (values offset into 0..127)."""


def _pack(columns: Sequence[NDArray[np.int64]]) -> NDArray[np.int64]:
    key = np.zeros_like(columns[0])
    for c in columns:
        key = (key << _BITS) + np.clip(c + 64, 0, 127)
    return key


@dataclass
class _Group:
    """One group's records in every simulation (sims × teams), and the matches among them."""

    size: int
    sims: int
    points: NDArray[np.int64] = field(init=False)
    scored: NDArray[np.int64] = field(init=False)
    conceded: NDArray[np.int64] = field(init=False)
    wins: NDArray[np.int64] = field(init=False)
    h2h_points: NDArray[np.int64] = field(init=False)
    h2h_goals: NDArray[np.int64] = field(init=False)

    def __post_init__(self) -> None:
        shape = (self.sims, self.size)
        self.points = np.zeros(shape, np.int64)
        self.scored = np.zeros(shape, np.int64)
        self.conceded = np.zeros(shape, np.int64)
        self.wins = np.zeros(shape, np.int64)
        self.h2h_points = np.zeros((self.sims, self.size, self.size), np.int64)
        self.h2h_goals = np.zeros((self.sims, self.size, self.size), np.int64)

    def add(
        self, i: int, j: int, hg: NDArray[np.int64], ag: NDArray[np.int64], rules: TableRules
    ) -> None:
        """Add a match of local team i (home) against j with goals ``hg``-``ag``."""
        home_pts = np.where(hg > ag, rules.win, np.where(hg == ag, rules.draw, 0))
        away_pts = np.where(ag > hg, rules.win, np.where(hg == ag, rules.draw, 0))
        self.points[:, i] += home_pts
        self.points[:, j] += away_pts
        self.scored[:, i] += hg
        self.scored[:, j] += ag
        self.conceded[:, i] += ag
        self.conceded[:, j] += hg
        self.wins[:, i] += hg > ag
        self.wins[:, j] += ag > hg
        self.h2h_points[:, i, j] += home_pts
        self.h2h_points[:, j, i] += away_pts
        self.h2h_goals[:, i, j] += hg
        self.h2h_goals[:, j, i] += ag

    def _overall(self, criterion: Criterion) -> NDArray[np.int64] | None:
        return {
            Criterion.POINTS: self.points,
            Criterion.GOAL_DIFFERENCE: self.scored - self.conceded,
            Criterion.GOALS: self.scored,
            Criterion.WINS: self.wins,
        }.get(criterion)

    def _among(self, level: NDArray[np.bool_], criterion: Criterion) -> NDArray[np.int64] | None:
        """A criterion over the matches among the teams of ``level[s, i, j]`` (j level with i)."""
        if criterion is Criterion.POINTS:
            return np.asarray((self.h2h_points * level).sum(axis=2), dtype=np.int64)
        scored = np.asarray((self.h2h_goals * level).sum(axis=2), dtype=np.int64)
        conceded = np.asarray(
            (self.h2h_goals.transpose(0, 2, 1) * level).sum(axis=2), dtype=np.int64
        )
        if criterion is Criterion.GOAL_DIFFERENCE:
            return scored - conceded
        if criterion is Criterion.GOALS:
            return scored
        return None

    def places(
        self, rules: TableRules, rng: np.random.Generator, known: NDArray[np.int64]
    ) -> NDArray[np.intp]:
        """``order[s, p]``: the local team placed p+1 in simulation s. Points, then the rules'
        criteria in their order (head-to-head among the teams level before it, the UEFA way,
        or after the overall criteria, the FIFA way), then what results cannot say (fair play,
        lots): a place known from the knockout rounds (``known``: 10 - the place, 0 if not
        known) decides, else lots. UEFA's re-application of head-to-head to a smaller set
        still level is not followed (a rare case: the overall criteria decide it here)."""
        overall = [c for c in rules.overall if self._overall(c) is not None]
        first: list[NDArray[np.int64]] = [self.points]
        if rules.head_to_head_last:
            first += [self._overall(c) for c in overall]  # type: ignore[misc]
        key = _pack(first)
        level = key[:, :, None] == key[:, None, :]
        h2h = [self._among(level, c) for c in rules.head_to_head if c is not Criterion.POINTS]
        h2h = [self._among(level, Criterion.POINTS), *h2h] if rules.head_to_head else h2h
        columns = first + [c for c in h2h if c is not None]
        if not rules.head_to_head_last:
            columns += [self._overall(c) for c in overall]  # type: ignore[misc]
        columns.append(np.broadcast_to(known, self.points.shape))
        columns.append(rng.integers(0, 64, size=self.points.shape))
        if len(columns) * _BITS > 62:
            raise InvalidValueError(f"{rules.name}: too many tie-breakers to rank in one key")
        return np.argsort(-_pack(columns), axis=1, kind="stable")


def _sampler(f: Fixture, strengths: Strengths, index: Mapping[Team, int]) -> NDArray[np.float64]:
    """The score distribution of a group match still to play, its ground included."""
    i, j = index[f.home], index[f.away]
    if f.at_home:
        home, away = strengths.at_home[i, j], strengths.visiting[i, j]
    else:
        home, away = strengths.goals[i, j], strengths.goals[j, i]
    return _score_sampler(float(home), float(away), strengths.rho)


def _score_sampler(home: float, away: float, rho: float) -> NDArray[np.float64]:
    """The cumulative distribution of the scores of one match, flattened (h * (MAX+1) + a)."""
    k = np.arange(MAX_GOALS + 1)
    ph = np.exp(k * math.log(home) - home - np.cumsum(np.log(np.maximum(k, 1))))
    pa = np.exp(k * math.log(away) - away - np.cumsum(np.log(np.maximum(k, 1))))
    p = np.outer(ph, pa)
    if rho:
        low = max(-1 / home, -1 / away)
        r = min(max(rho, low), 1 / (home * away), 1.0)
        p[0, 0] *= 1 - home * away * r
        p[0, 1] *= 1 + home * r
        p[1, 0] *= 1 + away * r
        p[1, 1] *= 1 - r
    cdf = np.cumsum(p.ravel())
    return np.asarray(cdf / cdf[-1], dtype=np.float64)


def _knockout_win(
    strengths: Strengths, extra_time: ExtraTime = ExtraTime.THIRTY_MINUTES
) -> NDArray[np.float64]:
    """``p[i, j]``: team i beats team j in a knockout match: 90 minutes (with rho), then extra
    time at a third of the rates as ``extra_time`` ends it, then penalties as a coin toss."""
    g = strengths.goals
    home, away = np.maximum(g, 1e-6), np.maximum(g.T, 1e-6)
    k = np.arange(MAX_GOALS + 1, dtype=np.float64)
    log_fact = np.cumsum(np.log(np.maximum(k, 1)))
    ph = np.exp(k * np.log(home[..., None]) - home[..., None] - log_fact)
    pa = np.exp(k * np.log(away[..., None]) - away[..., None] - log_fact)
    joint = ph[..., :, None] * pa[..., None, :]
    rho = strengths.rho
    if rho:
        r = np.clip(rho, np.maximum(-1 / home, -1 / away), np.minimum(1 / (home * away), 1.0))
        joint[..., 0, 0] *= 1 - home * away * r
        joint[..., 0, 1] *= 1 + home * r
        joint[..., 1, 0] *= 1 + away * r
        joint[..., 1, 1] *= 1 - r
    joint /= joint.sum(axis=(-1, -2), keepdims=True)
    below = np.tril(np.ones((MAX_GOALS + 1, MAX_GOALS + 1)), -1)
    win90 = (joint * below).sum(axis=(-1, -2))
    draw90 = np.trace(joint, axis1=-2, axis2=-1)
    win_et, draw_et = _extra_time_outcome(home * EXTRA_TIME, away * EXTRA_TIME, extra_time)
    p = np.asarray(win90 + draw90 * (win_et + draw_et / 2), dtype=np.float64)
    np.fill_diagonal(p, 0.5)
    return p


def draw_scores(
    rng: np.random.Generator, home: NDArray[np.float64], away: NDArray[np.float64], rho: float
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """One score per element at goal rates ``home``, ``away`` (arrays of one shape) from
    Dixon-Coles' law: independent Poisson draws, each kept with probability τ / max τ
    (rejection: τ is 1 outside the four low scores, and the corrections keep the total 1), the
    rejected drawn again. ``rho`` is held where every τ >= 0, as ``ScoreGrid.poisson``. Goals
    are capped at ``MAX_GOALS`` (the cut of the point simulation's grid)."""
    h = np.maximum(np.asarray(home, dtype=np.float64), 1e-9)
    a = np.maximum(np.asarray(away, dtype=np.float64), 1e-9)
    hg, ag = rng.poisson(h), rng.poisson(a)
    if rho:
        r = np.clip(rho, np.maximum(-1 / h, -1 / a), np.minimum(1 / (h * a), 1.0))
        tau = np.stack([1 - h * a * r, 1 + h * r, 1 + a * r, 1 - r])  # 0-0, 0-1, 1-0, 1-1
        top = np.maximum(tau.max(axis=0), 1.0)
        todo = np.arange(h.size)
        flat_h, flat_a = hg.reshape(-1), ag.reshape(-1)
        tau_flat, top_flat = tau.reshape(4, -1), top.reshape(-1)
        hf, af = h.reshape(-1), a.reshape(-1)
        while todo.size:
            x, y = flat_h[todo], flat_a[todo]
            low = (x <= 1) & (y <= 1)
            keep = np.ones(todo.size)
            keep[low] = tau_flat[2 * x[low] + y[low], todo[low]]
            rejected = todo[rng.random(todo.size) * top_flat[todo] > keep]
            flat_h[rejected] = rng.poisson(hf[rejected])
            flat_a[rejected] = rng.poisson(af[rejected])
            todo = rejected
        hg, ag = flat_h.reshape(h.shape), flat_a.reshape(a.shape)
    return np.minimum(hg, MAX_GOALS).astype(np.int64), np.minimum(ag, MAX_GOALS).astype(np.int64)


def _knockout_played(
    strengths: Strengths,
    form: tuple[NDArray[np.float64], NDArray[np.float64]],
    a: NDArray[np.intp],
    b: NDArray[np.intp],
    rng: np.random.Generator,
    extra_time: ExtraTime = ExtraTime.THIRTY_MINUTES,
) -> NDArray[np.bool_]:
    """Whether team ``a`` beats team ``b`` (sims × ties) at each simulation's drawn strengths:
    90 minutes (Dixon-Coles), extra time at a third of the rates as ``extra_time`` ends it, then
    penalties as a coin toss — the same match as ``_knockout_win``'s, played out rather than
    summed."""
    attack, defence = form
    rows = np.arange(a.shape[0])[:, None]
    ga = strengths.goals[a, b] * np.exp(attack[rows, a] - defence[rows, b])
    gb = strengths.goals[b, a] * np.exp(attack[rows, b] - defence[rows, a])
    x, y = draw_scores(rng, ga, gb, strengths.rho)
    level = x == y
    extra_won, extra_level = _extra_time_played(rng, ga * EXTRA_TIME, gb * EXTRA_TIME, extra_time)
    coin = rng.random(a.shape) < PENALTY_WIN
    won: NDArray[np.bool_] = np.where(level, np.where(extra_level, coin, extra_won), x > y)
    return won


def _extra_time_played(
    rng: np.random.Generator,
    home: NDArray[np.float64],
    away: NDArray[np.float64],
    extra_time: ExtraTime,
) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """Whether the home side wins extra time, and whether it ends level, drawn at its rates
    for the whole of it as ``extra_time`` ends it (``_extra_time_outcome``'s law)."""
    if extra_time is ExtraTime.NONE:
        return np.zeros(home.shape, dtype=np.bool_), np.ones(home.shape, dtype=np.bool_)
    if extra_time is ExtraTime.GOLDEN_GOAL:
        total = home + away
        scored = rng.random(home.shape) < -np.expm1(-total)
        first = rng.random(home.shape) * total < home  # whose goal the first is
        return scored & first, ~scored
    if extra_time is ExtraTime.SILVER_GOAL:
        h1, a1 = rng.poisson(home / 2), rng.poisson(away / 2)
        h2, a2 = rng.poisson(home / 2), rng.poisson(away / 2)
        h = np.where(h1 == a1, h2, h1)  # a level first half: the second decides
        a = np.where(h1 == a1, a2, a1)
        return h > a, h == a
    ex, ey = rng.poisson(home), rng.poisson(away)
    return ex > ey, ex == ey


def simulate(
    tournament: Tournament,
    strengths: Strengths,
    simulations: int = 100_000,
    seed: int | None = 0,
    progress: Progress | None = None,
    as_of: dt.date | None = None,
) -> TournamentForecast:
    """Play the rest of ``tournament`` ``simulations`` times (as it stood on ``as_of``: later
    results are taken away) and count who reaches each stage."""
    if simulations < 1:
        raise InvalidValueError("simulations must be positive")
    if strengths.teams != tournament.teams:
        raise InvalidValueError("the strengths are not those of the tournament's teams")
    played = tournament.as_of(as_of) if as_of is not None else tournament
    rng = np.random.default_rng(seed)
    teams = played.teams
    index = {t: i for i, t in enumerate(teams)}
    n = len(teams)
    win_p = _knockout_win(strengths, played.extra_time)
    decided = np.full((n, n), -1, dtype=np.intp)
    for k in played.knockouts:
        if k.winner not in index or k.loser not in index:
            raise InvalidValueError(f"{k.winner} v {k.loser}: not a team of the tournament")
        w, lo = index[k.winner], index[k.loser]
        decided[w, lo] = decided[lo, w] = w
    samplers = (
        {}
        if strengths.uncertain
        else {id(f): _sampler(f, strengths, index) for f in played.fixtures if f.score is None}
    )
    rounds = played.bracket.rounds
    reach = np.zeros((n, rounds + 1))
    size = max(len(ts) for _, ts in played.groups)
    places = np.zeros((n, size))
    done = 0
    while done < simulations:
        sims = min(CHUNK, simulations - done)
        form = None
        if strengths.uncertain:
            assert strengths.spread is not None
            attack = rng.standard_normal((sims, n)) * strengths.spread
            defence = rng.standard_normal((sims, n)) * strengths.spread
            form = (attack, defence)
        slots = _group_stage(played, strengths, samplers, index, sims, rng, places, form)
        for r in range(rounds):
            reach[:, r] += np.bincount(slots.ravel(), minlength=n)
            a, b = slots[:, 0::2], slots[:, 1::2]
            fixed = decided[a, b]
            if form is None:
                drawn = np.where(rng.random(a.shape) < win_p[a, b], a, b)
            else:
                won = _knockout_played(strengths, form, a, b, rng, played.extra_time)
                drawn = np.where(won, a, b)
            slots = np.where(fixed >= 0, fixed, drawn)
        reach[:, rounds] += np.bincount(slots.ravel(), minlength=n)
        done += sims
        if progress is not None:
            progress(done, simulations)
    return TournamentForecast(
        played,
        strengths,
        reach / simulations,
        places / simulations,
        simulations,
        seed,
        as_of=as_of,
    )


def _group_stage(
    t: Tournament,
    strengths: Strengths,
    samplers: Mapping[int, NDArray[np.float64]],
    index: Mapping[Team, int],
    sims: int,
    rng: np.random.Generator,
    places: NDArray[np.float64],
    form: tuple[NDArray[np.float64], NDArray[np.float64]] | None = None,
) -> NDArray[np.intp]:
    """Play the groups ``sims`` times; the teams in each place of the bracket (sims × 2·ties).
    ``form``: each simulation's draw of every team's attack and defence (sims × teams, log
    goals), or ``None`` for the point strengths (the fixtures' ``samplers``)."""
    placed: dict[str, NDArray[np.intp]] = {}
    knocked = {team for _, pair in t.named_pairs for team in pair}
    known = _known_places(t)
    thirds: list[tuple[str, _Group, NDArray[np.intp], NDArray[np.intp]]] = []
    for letter, members in t.groups:
        local = {team: i for i, team in enumerate(members)}
        group = _Group(len(members), sims)
        for f in t.fixtures:
            if f.group != letter:
                continue
            if f.score is not None:
                hg = np.full(sims, f.score[0], np.int64)
                ag = np.full(sims, f.score[1], np.int64)
            elif form is not None:
                i, j = index[f.home], index[f.away]
                if f.at_home:
                    home, away = strengths.at_home[i, j], strengths.visiting[i, j]
                else:
                    home, away = strengths.goals[i, j], strengths.goals[j, i]
                attack, defence = form
                hr = home * np.exp(attack[:, i] - defence[:, j])
                ar = away * np.exp(attack[:, j] - defence[:, i])
                hg, ag = draw_scores(rng, hr, ar, strengths.rho)
            else:
                cell = np.searchsorted(samplers[id(f)], rng.random(sims), side="right")
                cell = np.minimum(cell, (MAX_GOALS + 1) ** 2 - 1)
                hg, ag = np.divmod(cell.astype(np.int64), MAX_GOALS + 1)
            group.add(local[f.home], local[f.away], hg, ag, t.table)
        order = group.places(
            t.table, rng, np.array([10 - known[m] if m in known else 0 for m in members])
        )
        ids = np.array([index[m] for m in members], dtype=np.intp)[order]
        for p in range(len(members)):
            placed[f"{p + 1}{letter}"] = ids[:, p]
            np.add.at(places[:, p], ids[:, p], 1.0)
        if t.best_thirds is not None and len(members) >= 3:
            thirds.append((letter, group, order[:, 2], ids[:, 2]))
    columns: list[NDArray[np.intp]] = []
    met = _allocate_thirds(t, thirds, rng, knocked) if thirds else {}
    for home, away in t.bracket.ties:
        for place, other in ((home, away), (away, home)):
            columns.append(met[other] if place == THIRD else placed[place])
    return np.stack(columns, axis=1)


def _known_places(t: Tournament) -> dict[Team, int]:
    """Group places the knockout matches known so far reveal: a team's first knockout match
    is a tie of the bracket, which names its place (what fair play or lots decided, beyond
    the results)."""
    group_of = {team: g for g, teams in t.groups for team in teams}
    seen: set[Team] = set()
    known: dict[Team, int] = {}
    for _, pair in t.named_pairs:
        if seen & set(pair):
            seen.update(pair)
            continue
        seen.update(pair)
        letters = {group_of.get(team) for team in pair}
        for tie in t.bracket.ties:
            named = {p[1:] for p in tie if p != THIRD}
            if not named <= letters or (THIRD not in tie and named != letters):
                continue
            for team in pair:
                g = group_of.get(team)
                place = next((p for p in tie if p[1:] == g), THIRD)
                known[team] = 3 if place == THIRD else int(place[0])
            break
    return known


def _allocate_thirds(
    t: Tournament,
    thirds: Sequence[tuple[str, _Group, NDArray[np.intp], NDArray[np.intp]]],
    rng: np.random.Generator,
    knocked: set[Team],
) -> dict[str, NDArray[np.intp]]:
    """The best third-placed teams (ranked on points and ``best_thirds``' criteria over their
    group matches, then a team known to have gone on, then lots), each given to the winner
    the bracket's table says: for each winner of ``third_winners``, the team it meets (sims)."""
    rules = t.best_thirds
    assert rules is not None
    sims = thirds[0][2].shape[0]
    rows = np.arange(sims)
    columns: list[NDArray[np.int64]] = []
    criteria = [Criterion.POINTS, *rules.overall]
    for c in criteria:
        values = []
        for _, group, local, _ in thirds:
            record = group._overall(c)
            if record is not None:
                values.append(record[rows, local])
        if len(values) == len(thirds):
            columns.append(np.stack(values, axis=1))
    team_of = np.stack([ids for *_, ids in thirds], axis=1)
    went_on = np.array([team in knocked for team in t.teams], np.int64)
    columns.append(went_on[team_of])
    columns.append(rng.integers(0, 64, size=(sims, len(thirds))))
    key = _pack(columns)
    count = len(t.bracket.third_winners)
    best = np.argsort(-key, axis=1, kind="stable")[:, :count]
    letters = [g for g, *_ in thirds]
    mask = np.zeros(sims, np.int64)
    for k in range(count):
        mask |= np.left_shift(1, best[:, k])
    lookup = np.full((1 << len(thirds), count), -1, np.intp)
    for groups, opponents in t.bracket.thirds:
        bits = sum(1 << letters.index(g) for g in groups if g in letters)
        lookup[bits] = [letters.index(g) for g in opponents]
    allocation = lookup[mask]
    if (allocation < 0).any():
        raise InvalidValueError("the bracket's table of best thirds misses a combination")
    return {
        winner: team_of[rows, allocation[:, k]] for k, winner in enumerate(t.bracket.third_winners)
    }


def group_letter(round_name: str) -> str | None:
    """The letter of a group round ("Group A" → "A"), ``None`` for another round."""
    words = round_name.split()
    if len(words) == 2 and words[0].casefold() == "group" and len(words[1]) == 1:
        return words[1].upper()
    return None


def groups_of(fixtures: Iterable[Fixture]) -> tuple[tuple[str, tuple[Team, ...]], ...]:
    """The groups the fixtures make, letter by letter, teams in order of appearance."""
    found: dict[str, list[Team]] = {}
    for f in fixtures:
        members = found.setdefault(f.group, [])
        for team in (f.home, f.away):
            if team not in members:
                members.append(team)
    return tuple((g, tuple(found[g])) for g in sorted(found))


def _winner(match: Match) -> tuple[Team, Team] | None:
    """(winner, loser) of a played knockout match: penalties, else extra time, else 90 min."""
    if not match.played or match.score is None:
        return None
    final = match.penalties or match.extra_time or match.score
    if final.home == final.away:
        return None
    return (match.home, match.away) if final.home > final.away else (match.away, match.home)


def from_season(season: Season, hosts: frozenset[Team] = frozenset()) -> Tournament:
    """The tournament a World Cup or Euro file holds: its groups and their matches, the
    knockout matches played (not the match for third place), and the rules and bracket of its
    era from the registry. ``ConfigError`` for a competition whose bracket the registry lacks."""
    era = competitions.of_season(season).format
    if era.group_bracket is None or era.group is None:
        raise ConfigError(
            f"{season.competition} {season.name}: no bracket of groups in the registry for "
            f"{era.name}; tournament forecasts need one (World Cup 1998-2022, Euro 2016-2024)"
        )
    fixtures: list[Fixture] = []
    knockouts: list[Knockout] = []
    pairings: list[Pairing] = []
    for round_ in season.rounds:
        letter = group_letter(round_.name)
        if round_.format is RoundFormat.GROUP and letter is not None:
            for m in round_.matches:
                score = (m.score.home, m.score.away) if m.played and m.score else None
                fixtures.append(Fixture(letter, m.date, m.home, m.away, score))
            continue
        kind = competitions.round_kind(round_, era)
        if kind is competitions.RoundKind.THIRD_PLACE or round_.format is not RoundFormat.KNOCKOUT:
            continue
        first_round = not knockouts and not pairings
        for m in round_.matches:
            decided = _winner(m)
            if decided is not None:
                knockouts.append(Knockout(m.date, *decided))
            if first_round:
                pairings.append(Pairing(m.date, (m.home, m.away)))
    if not fixtures:
        raise ConfigError(f"{season.competition} {season.name}: no group matches to forecast from")
    named = {place[1:] for tie in era.group_bracket.ties for place in tie if place != THIRD}
    if missing := sorted(named - {f.group for f in fixtures}):
        raise ConfigError(
            f"{season.competition} {season.name}: no matches of group {', '.join(missing)} in "
            f"the file; a tournament forecast needs every group's fixtures (played or not)"
        )
    best = era.best_placed.rules if era.best_placed is not None else None
    return Tournament(
        f"{season.competition} {season.name}",
        groups_of(fixtures),
        tuple(fixtures),
        tuple(knockouts),
        era.group,
        era.group_bracket,
        best,
        hosts,
        tuple(pairings),
        era.ties.extra_time,
    )


def with_grounds(
    tournament: Tournament,
    results: Iterable[InternationalResult],
    hosts: frozenset[Team] | None = None,
) -> Tournament:
    """The tournament with the grounds of its group matches from the internationals' records
    (a venue is known before the match; only its ``neutral`` flag is read, never its score):
    a side in its own country plays at home. In the knockout rounds the host nations ``hosts``
    (the registry's, co-hosts included) are at home against a side that is none, as
    ``tie_host`` has a tie's; without them, a single host (the only side at home in the group
    stage, at home in all its group matches)."""
    ground: dict[tuple[dt.date, str, str], bool] = {}
    for r in results:
        ground[(r.date, r.home.name, r.away.name)] = not r.neutral
    fixtures = []
    home_in: dict[Team, list[bool]] = {}
    for f in tournament.fixtures:
        h, a = rated_as(f.home).name, rated_as(f.away).name
        at_home = ground.get((f.date, h, a), False)
        swapped = ground.get((f.date, a, h), False)
        if swapped:
            f = replace(f, home=f.away, away=f.home, score=f.score and (f.score[1], f.score[0]))
        fixtures.append(replace(f, at_home=at_home or swapped))
        for team in (f.home, f.away):
            home_in.setdefault(team, []).append(bool(at_home or swapped) and team == f.home)
    at_home_somewhere = [t for t, flags in home_in.items() if any(flags)]
    if hosts is None:
        hosts = frozenset(
            t for t in at_home_somewhere if all(home_in[t]) and len(at_home_somewhere) == 1
        )
    return replace(tournament, fixtures=tuple(fixtures), hosts=hosts)


def host_teams(tournament: Tournament, codes: Iterable[str]) -> frozenset[Team]:
    """The tournament's teams that are the host nations of ``codes`` (FIFA codes, as
    ``competitions.hosts`` records them), under whatever name the file writes them ("USA",
    "Korea Republic"): a host that did not play is not among them."""
    return hosts_among(tournament.teams, codes)


def hosts_among(teams: Iterable[Team], codes: Iterable[str]) -> frozenset[Team]:
    """Those of ``teams`` (as a file writes them) that are the host nations of ``codes``."""
    wanted = {HOST_CODES[code] for code in codes if code in HOST_CODES}
    return frozenset(t for t in teams if rated_as(t).name in wanted)


def tie_host(tie: Tie, codes: Iterable[str]) -> Team | None:
    """The side of a single match of ``tie`` that plays at home: a host nation of ``codes``
    against a side that is none (two co-hosts meet on neutral terms; each leg of a two-legged
    tie has its own home side already)."""
    if not tie.single_match:
        return None
    found = hosts_among(tie.teams, codes)
    return next(iter(found)) if len(found) == 1 else None


def rated_view(ratings: Ratings, teams: Iterable[Team]) -> Ratings:
    """``ratings`` that also find ``teams`` under the names a file writes them ("USA",
    "Korea Republic": ``rated_as``), so a tie of the file's teams is rated as the tournament
    rates them; the same ratings when every name is found as it is."""
    found = {team: ratings.position(rated_as(team)) for team in teams}
    extra = tuple(
        (team, ratings.teams[i])
        for team, i in found.items()
        if i is not None and ratings.position(team) is None
    )
    return ratings.with_aliases(ratings.aliases + extra) if extra else ratings


def with_hosts(tournament: Tournament, hosts: frozenset[Team]) -> Tournament:
    """The tournament with the grounds the host nations imply, for when the venues are not
    at hand (``with_grounds`` reads them): a host plays its group and knockout matches at home
    against a side that is not a host too (two co-hosts meet on neutral terms), as a tie's
    forecast has it (``tie_host``)."""
    fixtures = []
    for f in tournament.fixtures:
        if f.away in hosts and f.home not in hosts:
            f = replace(f, home=f.away, away=f.home, score=f.score and (f.score[1], f.score[0]))
        fixtures.append(replace(f, at_home=f.home in hosts and f.away not in hosts))
    return replace(tournament, fixtures=tuple(fixtures), hosts=hosts)
