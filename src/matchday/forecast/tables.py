"""The rest of a group stage or league phase, simulated: who finishes where, in every simulation.

Each match still to play gets a score drawn from its score distribution (``ScoreGrid`` from the
ratings, Dixon-Coles' low-score correction included); each simulated table is then ranked by the
era's tie-breakers (``matchday.standings.TableRules``: points, head-to-head criteria re-applied
to the teams still level, then the overall criteria) for all simulations at once. Teams that the
results leave level on everything (the next criteria, disciplinary points and club coefficient,
are not in the data) are ordered at random. ``tests/forecast/test_tables.py`` checks the ranking
against ``matchday.standings.rank``, the reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from matchday.errors import InvalidValueError
from matchday.forecast.fit import behind_closed_doors
from matchday.forecast.ratings import Ratings
from matchday.forecast.scores import ScoreGrid
from matchday.model import Team
from matchday.standings import Criterion, Table, TableRules

__all__ = ["Fixtures", "TableSimulation", "rank_results"]

BATCH = 20_000
"""Simulated tables made at once: bounds memory (a league phase has 144 matches)."""

_SLOT = 1024
"""Room for one head-to-head criterion in a combined key (values lie within ±512)."""

Goals = NDArray[np.int64]

_OF_OPPONENTS = {
    Criterion.OPPONENTS_POINTS: Criterion.POINTS,
    Criterion.OPPONENTS_GOAL_DIFFERENCE: Criterion.GOAL_DIFFERENCE,
    Criterion.OPPONENTS_GOALS: Criterion.GOALS,
}


def _values(
    home: NDArray[np.intp],
    away: NDArray[np.intp],
    home_goals: Goals,
    away_goals: Goals,
    size: int,
    rules: TableRules,
    among: NDArray[np.bool_] | None = None,
) -> dict[Criterion, Goals]:
    """Each criterion that one team's own results decide, per simulation and team, over the
    matches in ``among`` (all by default)."""
    to_home = np.zeros((home.size, size))
    to_away = np.zeros((home.size, size))
    to_home[np.arange(home.size), home] = 1
    to_away[np.arange(home.size), away] = 1
    if among is not None:
        to_home[~among], to_away[~among] = 0, 0
    h, a = home_goals.astype(np.float64), away_goals.astype(np.float64)
    home_won, away_won, drawn = (h > a).astype(float), (a > h).astype(float), (h == a).astype(float)
    nothing = np.zeros_like(h)

    def total(at_home: NDArray[np.float64], away_: NDArray[np.float64]) -> Goals:
        return np.rint(at_home @ to_home + away_ @ to_away).astype(np.int64)

    goals = total(h, a)
    return {
        Criterion.POINTS: total(
            rules.win * home_won + rules.draw * drawn, rules.win * away_won + rules.draw * drawn
        ),
        Criterion.GOAL_DIFFERENCE: goals - total(a, h),
        Criterion.GOALS: goals,
        Criterion.AWAY_GOALS: total(nothing, a),
        Criterion.WINS: total(home_won, away_won),
        Criterion.AWAY_WINS: total(nothing, away_won),
    }


def _overall(
    values: dict[Criterion, Goals], opponents: NDArray[np.float64], criterion: Criterion
) -> Goals:
    """A criterion over all matches: the team's own, or the sum over the teams it played."""
    if criterion in _OF_OPPONENTS:
        own = values[_OF_OPPONENTS[criterion]].astype(np.float64)
        return np.rint(own @ opponents.T).astype(np.int64)
    return values[criterion]


def _level_with(key: Goals, within: Goals) -> Goals:
    """For each team, the bitmask of the teams in its ``within`` mask with the same ``key``."""
    mask = np.zeros_like(within)
    for u in range(key.shape[1]):
        same = (key[:, u, None] == key) & ((within >> u) & 1 == 1)
        mask |= same.astype(np.int64) << u
    return mask


def rank_results(
    home: NDArray[np.intp],
    away: NDArray[np.intp],
    home_goals: Goals,
    away_goals: Goals,
    size: int,
    rules: TableRules,
    rng: np.random.Generator,
) -> NDArray[np.intp]:
    """Simulations × ``size``: the teams (0..size-1) in table order, from every match's result
    (``home_goals``/``away_goals``: simulations × matches) under ``rules``."""
    sims = home_goals.shape[0]
    values = _values(home, away, home_goals, away_goals, size, rules)
    for criterion in (*rules.head_to_head, *rules.overall):
        if criterion not in values and criterion not in _OF_OPPONENTS:
            raise InvalidValueError(
                f"{rules.name}: tables ranked on {criterion.phrase} cannot be simulated"
            )
    keys = [values[Criterion.POINTS]]
    if rules.head_to_head:
        if size > 8:
            raise InvalidValueError(f"head-to-head tie-breakers in a table of {size} teams")
        among_keys = np.zeros((1 << size, sims, size), dtype=np.int64)
        for subset in range(1, 1 << size):
            if subset.bit_count() < 2:
                continue
            among = ((subset >> home) & 1 == 1) & ((subset >> away) & 1 == 1)
            inside = _values(home, away, home_goals, away_goals, size, rules, among)
            for criterion in rules.head_to_head:
                among_keys[subset] = among_keys[subset] * _SLOT + inside[criterion] + _SLOT // 2
        everyone = np.full((sims, size), (1 << size) - 1, dtype=np.int64)
        level = _level_with(keys[0], everyone)
        open_ = np.bitwise_count(level) > 1
        rows, cols = np.arange(sims)[:, None], np.arange(size)[None, :]
        while open_.any():
            key = np.where(open_, among_keys[level, rows, cols], 0)
            keys.append(key)
            still = _level_with(key, level)
            split = open_ & (still != level)
            level = np.where(split, still, level)
            open_ = split & (np.bitwise_count(still) > 1) & rules.reapply_head_to_head
    opponents = np.zeros((size, size))
    opponents[home, away] = opponents[away, home] = 1
    keys.extend(_overall(values, opponents, c) for c in rules.overall)
    ordering = [rng.random((sims, size)), *(-k for k in reversed(keys))]
    return np.lexsort(ordering, axis=-1).astype(np.intp)


@dataclass(frozen=True)
class Fixtures:
    """One table's matches as arrays: teams (indices into ``teams``), the results so far and,
    for each match still to play, the cumulative distribution of its scores (flattened grid)."""

    teams: tuple[Team, ...]
    rules: TableRules
    home: NDArray[np.intp]
    away: NDArray[np.intp]
    home_goals: Goals
    away_goals: Goals
    to_play: tuple[int, ...]
    grids: tuple[tuple[NDArray[np.float64], int], ...]

    @classmethod
    def of(cls, table: Table, ratings: Ratings) -> Fixtures:
        """The matches of ``table`` (as it stands) with the score distributions of the rest."""
        matches = [m for m in table.matches if not m.cancelled]
        teams = table.teams
        index = {t: i for i, t in enumerate(teams)}
        grids = []
        for m in matches:
            if m.final_score is None:
                rates = ratings.expected(m.home, m.away, closed_doors=behind_closed_doors(m.date))
                grid = ScoreGrid.poisson(rates.home_goals, rates.away_goals, rates.rho).p
                grids.append((np.cumsum(grid.ravel()), grid.shape[1]))
        return cls(
            teams,
            table.rules,
            np.array([index[m.home] for m in matches], dtype=np.intp),
            np.array([index[m.away] for m in matches], dtype=np.intp),
            np.array([s.home if (s := m.final_score) else 0 for m in matches], dtype=np.int64),
            np.array([s.away if (s := m.final_score) else 0 for m in matches], dtype=np.int64),
            tuple(i for i, m in enumerate(matches) if m.final_score is None),
            tuple(grids),
        )

    def finish(self, sims: int, rng: np.random.Generator) -> NDArray[np.intp]:
        """Simulations × teams: the final table order (indices into ``teams``)."""
        home_goals = np.repeat(self.home_goals[None, :], sims, axis=0)
        away_goals = np.repeat(self.away_goals[None, :], sims, axis=0)
        for match, (cumulative, width) in zip(self.to_play, self.grids, strict=True):
            drawn = np.searchsorted(cumulative, rng.random(sims) * cumulative[-1], side="right")
            drawn = np.minimum(drawn, cumulative.size - 1)
            home_goals[:, match], away_goals[:, match] = np.divmod(drawn, width)
        return rank_results(
            self.home, self.away, home_goals, away_goals, len(self.teams), self.rules, rng
        )


@dataclass(frozen=True)
class TableSimulation:
    """An ``Entry`` from tables not yet final: ``places[k]`` = (table, position from 1) of the
    k-th qualifying place; ``index`` maps each table's teams to the forecast's teams."""

    fixtures: tuple[Fixtures, ...]
    places: tuple[tuple[int, int], ...]
    index: tuple[NDArray[np.intp], ...]

    @classmethod
    def of(
        cls,
        tables: Sequence[Table],
        places: Sequence[tuple[int, int]],
        team_index: dict[Team, int],
        ratings: Ratings,
    ) -> TableSimulation:
        """The simulation of ``tables`` from where they stand, with ``ratings``."""
        fixtures = tuple(Fixtures.of(t, ratings) for t in tables)
        index = tuple(np.array([team_index[t] for t in f.teams], dtype=np.intp) for f in fixtures)
        return cls(fixtures, tuple(places), index)

    @property
    def slots(self) -> int:
        return len(self.places)

    def teams(self, sims: int, rng: np.random.Generator) -> NDArray[np.intp]:
        out = np.empty((sims, len(self.places)), dtype=np.intp)
        for start in range(0, sims, BATCH):
            batch = min(BATCH, sims - start)
            orders = [
                index[fixtures.finish(batch, rng)]
                for fixtures, index in zip(self.fixtures, self.index, strict=True)
            ]
            for k, (table, position) in enumerate(self.places):
                out[start : start + batch, k] = orders[table][:, position - 1]
        return out
