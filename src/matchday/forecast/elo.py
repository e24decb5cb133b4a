"""The World Football Elo rating, done exactly as eloratings.net publishes it: a comparator.

After each match both sides move by ``K · G · (W - We)`` (eloratings.net, "About the World
Football Elo Ratings"):

- ``K``, the weight of the tournament: 60 for World Cup finals; 50 for continental
  championship finals and major intercontinental tournaments; 40 for World Cup and continental
  qualifiers and major tournaments; 30 for all other tournaments; 20 for friendlies;
- ``G``, the goal-difference index: 1 for a win by one goal (or a draw), 1.5 by two, 1.75 by
  three, and 1.75 + (N - 3)/8 by N >= 4;
- ``W``: 1 for a win, 0.5 for a draw (a match decided on penalties counts as a draw), 0 for a
  loss;
- ``We = 1 / (10^(-dr/400) + 1)``, ``dr`` the difference in ratings plus 100 for a team
  playing at home.

Nothing here is fitted or tuned; a team new to the data starts at ``START``. Pure functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
from numpy.typing import NDArray

from matchday.model import Team

__all__ = [
    "HOME_ADVANTAGE",
    "START",
    "EloMatch",
    "EloRatings",
    "Weight",
    "expected_result",
    "goal_index",
    "run_elo",
    "tournament_weight",
    "update",
]

HOME_ADVANTAGE = 100.0
"""Rating points added to a team playing at home."""
START = 1500.0
"""Rating of a team before its first match (eloratings.net does not publish one; this is the
usual Elo starting point). It sets the level, not the differences: matchday's ratings run
55-70 points above eloratings.net's published tables (docs/benchmarks.md, "World Football Elo")."""


class Weight(IntEnum):
    """K, the weight of a match by its tournament."""

    WORLD_CUP = 60
    CONTINENTAL = 50
    QUALIFIER = 40
    OTHER_TOURNAMENT = 30
    FRIENDLY = 20


CONTINENTAL_FINALS = frozenset(
    {
        "UEFA Euro",
        "Copa América",
        "African Cup of Nations",
        "AFC Asian Cup",
        "Gold Cup",
        "CONCACAF Championship",
        "Oceania Nations Cup",
        "Confederations Cup",
        "CONMEBOL–UEFA Cup of Champions",
        "Artemio Franchi Trophy",
    }
)
"""Continental championship finals and major intercontinental tournaments (K = 50)."""
MAJOR_TOURNAMENTS = frozenset({"UEFA Nations League", "CONCACAF Nations League"})
"""Major tournaments that are not continental finals (K = 40, with the qualifiers)."""
QUALIFIERS = frozenset(
    {"FIFA World Cup qualification"} | {f"{name} qualification" for name in CONTINENTAL_FINALS}
)
"""World Cup and continental qualifiers (K = 40)."""


def tournament_weight(tournament: str) -> Weight:
    """K for a match of ``tournament`` (as results.csv names it)."""
    if tournament == "FIFA World Cup":
        return Weight.WORLD_CUP
    if tournament in CONTINENTAL_FINALS:
        return Weight.CONTINENTAL
    if tournament in QUALIFIERS or tournament in MAJOR_TOURNAMENTS:
        return Weight.QUALIFIER
    if tournament == "Friendly":
        return Weight.FRIENDLY
    return Weight.OTHER_TOURNAMENT


def goal_index(difference: int) -> float:
    """G: 1 for a margin of 0 or 1, 1.5 for 2, 1.75 for 3, 1.75 + (N - 3)/8 for N >= 4."""
    n = abs(difference)
    if n <= 1:
        return 1.0
    if n == 2:
        return 1.5
    return 1.75 + (n - 3) / 8


def expected_result(difference: float) -> float:
    """We = 1 / (10^(-dr/400) + 1): the expected result of the side ``difference`` points
    ahead (home advantage included)."""
    return float(1 / (10 ** (-difference / 400) + 1))


def update(
    home: float,
    away: float,
    home_goals: int,
    away_goals: int,
    weight: float,
    *,
    at_home: bool,
    shootout: bool = False,
) -> tuple[float, float]:
    """Both ratings after one match. ``at_home``: the home side plays in its own country (not
    on neutral ground); ``shootout``: the match was decided on penalties (a draw for Elo, but
    ``G`` still counts the goal margin, which is then 0 or the scores are level)."""
    diff = home_goals - away_goals
    result = 0.5 if shootout or diff == 0 else 1.0 if diff > 0 else 0.0
    expected = expected_result(home - away + (HOME_ADVANTAGE if at_home else 0.0))
    change = weight * goal_index(diff) * (result - expected)
    return home + change, away - change


@dataclass(frozen=True, slots=True)
class EloMatch:
    """What Elo needs of a played match: the final score (extra time included) and the rest."""

    date: dt.date
    home: Team
    away: Team
    home_goals: int
    away_goals: int
    tournament: str
    at_home: bool
    shootout: bool = False


@dataclass(frozen=True)
class EloRatings:
    """Every team's rating after the matches run, and each match's ratings before it kicked
    off and after it (``before[i]``, ``after[i]`` = (home, away) of the i-th match run, in date
    order)."""

    ratings: dict[Team, float]
    matches: dict[Team, int]
    before: NDArray[np.float64]
    after: NDArray[np.float64]

    def rating(self, team: Team) -> float:
        """The team's rating, ``START`` for a team with no match yet."""
        return self.ratings.get(team, START)


def run_elo(matches: Iterable[EloMatch]) -> EloRatings:
    """Run the ratings through ``matches`` in date order (a stable sort keeps the given order
    within a day)."""
    ratings: dict[Team, float] = {}
    played: dict[Team, int] = {}
    before, after = [], []
    for m in sorted(matches, key=lambda m: m.date):
        home, away = ratings.get(m.home, START), ratings.get(m.away, START)
        before.append((home, away))
        ratings[m.home], ratings[m.away] = update(
            home,
            away,
            m.home_goals,
            m.away_goals,
            tournament_weight(m.tournament),
            at_home=m.at_home,
            shootout=m.shootout,
        )
        after.append((ratings[m.home], ratings[m.away]))
        played[m.home] = played.get(m.home, 0) + 1
        played[m.away] = played.get(m.away, 0) + 1
    return EloRatings(
        ratings,
        played,
        np.array(before, dtype=np.float64).reshape(-1, 2),
        np.array(after, dtype=np.float64).reshape(-1, 2),
    )
