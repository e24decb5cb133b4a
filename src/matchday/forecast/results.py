"""Past results as the fitting sees them: one row per match, and the same as numpy arrays."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
from numpy.typing import NDArray

from matchday.model import Team

__all__ = ["Result", "ResultTable"]


@dataclass(frozen=True, slots=True)
class Result:
    """A played match reduced to what a goal model needs: who, where, when, goals after 90'.

    ``european`` marks a match of a UEFA club competition (the matches that link the leagues);
    ``neutral`` a match at a neutral venue (a final), where nobody has home advantage.
    """

    date: dt.date
    home: Team
    away: Team
    home_goals: int
    away_goals: int
    european: bool = False
    neutral: bool = False


_Array = TypeVar("_Array", bound=np.ndarray)


def _frozen(array: _Array) -> _Array:
    array.setflags(write=False)
    return array


@dataclass(frozen=True, slots=True)
class ResultTable:
    """Results as read-only arrays over an index of teams, in date order (what ``fit`` takes)."""

    teams: tuple[Team, ...]
    home: NDArray[np.intp]
    away: NDArray[np.intp]
    home_goals: NDArray[np.int64]
    away_goals: NDArray[np.int64]
    day: NDArray[np.int64]
    european: NDArray[np.bool_]
    neutral: NDArray[np.bool_]

    @classmethod
    def from_results(cls, results: Iterable[Result], teams: Sequence[Team] = ()) -> ResultTable:
        """Index the results' teams (``teams`` first, in that order, then new ones as they come)."""
        rows = sorted(results, key=lambda r: r.date)
        index = {team: i for i, team in enumerate(teams)}
        for row in rows:
            index.setdefault(row.home, len(index))
            index.setdefault(row.away, len(index))
        ints = np.array(
            [
                (index[r.home], index[r.away], r.home_goals, r.away_goals, r.date.toordinal())
                for r in rows
            ],
            dtype=np.int64,
        ).reshape(len(rows), 5)
        flags = np.array([(r.european, r.neutral) for r in rows], dtype=np.bool_)
        flags = flags.reshape(len(rows), 2)
        return cls(
            tuple(index),
            _frozen(ints[:, 0].astype(np.intp)),
            _frozen(ints[:, 1].astype(np.intp)),
            _frozen(ints[:, 2].copy()),
            _frozen(ints[:, 3].copy()),
            _frozen(ints[:, 4].copy()),
            _frozen(flags[:, 0].copy()),
            _frozen(flags[:, 1].copy()),
        )

    def __len__(self) -> int:
        return int(self.home.size)

    def before(self, date: dt.date) -> ResultTable:
        """Only the matches played before ``date`` (no look-ahead), over the same team index."""
        keep = self.day < date.toordinal()
        return ResultTable(
            self.teams,
            _frozen(self.home[keep]),
            _frozen(self.away[keep]),
            _frozen(self.home_goals[keep]),
            _frozen(self.away_goals[keep]),
            _frozen(self.day[keep]),
            _frozen(self.european[keep]),
            _frozen(self.neutral[keep]),
        )
