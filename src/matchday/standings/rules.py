"""Tie-breakers of an era as values: which criteria rank teams level on points, in which order.

UEFA's group stage (up to 2023-24) compares the tied teams first on the matches among themselves
("head-to-head"), re-applies those criteria to any subset still level, and only then looks at all
matches. The league phase (from 2024-25) has no head-to-head step. Criteria that the results do
not contain (disciplinary points, club coefficient) are named so that a table can say it cannot
decide, instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from matchday.errors import ConfigError
from matchday.model.competition import RoundFormat

__all__ = [
    "DOMESTIC",
    "TIEBREAKERS",
    "UEFA_GROUP_2021",
    "UEFA_GROUP_CLASSIC",
    "UEFA_LEAGUE_PHASE",
    "Criterion",
    "TableRules",
    "tiebreakers",
    "tiebreakers_for",
]


class Criterion(StrEnum):
    """One way of comparing teams; higher is better except where the name says otherwise."""

    POINTS = "points"
    GOAL_DIFFERENCE = "goal_difference"
    GOALS = "goals"
    AWAY_GOALS = "away_goals"
    WINS = "wins"
    AWAY_WINS = "away_wins"
    OPPONENTS_POINTS = "opponents_points"
    OPPONENTS_GOAL_DIFFERENCE = "opponents_goal_difference"
    OPPONENTS_GOALS = "opponents_goals"
    DISCIPLINARY_POINTS = "disciplinary_points"
    CLUB_COEFFICIENT = "club_coefficient"

    @property
    def phrase(self) -> str:
        """How a football person says it: "goal difference", "opponents' points"."""
        return _PHRASES[self]


_PHRASES = {
    Criterion.POINTS: "points",
    Criterion.GOAL_DIFFERENCE: "goal difference",
    Criterion.GOALS: "goals scored",
    Criterion.AWAY_GOALS: "away goals",
    Criterion.WINS: "wins",
    Criterion.AWAY_WINS: "away wins",
    Criterion.OPPONENTS_POINTS: "opponents' points",
    Criterion.OPPONENTS_GOAL_DIFFERENCE: "opponents' goal difference",
    Criterion.OPPONENTS_GOALS: "opponents' goals",
    Criterion.DISCIPLINARY_POINTS: "disciplinary points",
    Criterion.CLUB_COEFFICIENT: "club coefficient",
}

RESULT_CRITERIA = frozenset(Criterion) - {
    Criterion.DISCIPLINARY_POINTS,
    Criterion.CLUB_COEFFICIENT,
}
"""The criteria that match results decide; the others need data that results do not hold."""


@dataclass(frozen=True, slots=True)
class TableRules:
    """How a table ranks teams: points for a win and a draw, then the tie-breakers in order.

    Teams level on points are compared on ``head_to_head`` (over the matches among them only),
    which is re-applied to a smaller set still level when ``reapply_head_to_head`` is set, then on
    ``overall`` (over all matches). ``beyond_results`` are the criteria that come next but cannot
    be computed from results; a table reports teams still level as waiting for them.
    """

    name: str
    head_to_head: tuple[Criterion, ...] = ()
    reapply_head_to_head: bool = False
    overall: tuple[Criterion, ...] = ()
    beyond_results: tuple[Criterion, ...] = ()
    win: int = 3
    draw: int = 1
    description: str = ""

    def __post_init__(self) -> None:
        for criterion in (*self.head_to_head, *self.overall):
            if criterion not in RESULT_CRITERIA:
                raise ValueError(f"{self.name}: {criterion.phrase} cannot be computed from results")
        for criterion in self.beyond_results:
            if criterion in RESULT_CRITERIA:
                raise ValueError(f"{self.name}: {criterion.phrase} is computed from results")


_BEYOND = (Criterion.DISCIPLINARY_POINTS, Criterion.CLUB_COEFFICIENT)
_OVERALL_UEFA = (
    Criterion.GOAL_DIFFERENCE,
    Criterion.GOALS,
    Criterion.AWAY_GOALS,
    Criterion.WINS,
    Criterion.AWAY_WINS,
)

UEFA_GROUP_CLASSIC = TableRules(
    "uefa-group-classic",
    head_to_head=(
        Criterion.POINTS,
        Criterion.GOAL_DIFFERENCE,
        Criterion.GOALS,
        Criterion.AWAY_GOALS,
    ),
    reapply_head_to_head=True,
    overall=_OVERALL_UEFA,
    beyond_results=_BEYOND,
    description="UEFA group stage up to 2020-21: head-to-head points, goal difference, goals, "
    "away goals, re-applied to teams still level; then goal difference, goals, away goals, wins, "
    "away wins; then disciplinary points and club coefficient",
)
UEFA_GROUP_2021 = TableRules(
    "uefa-group-2021",
    head_to_head=(Criterion.POINTS, Criterion.GOAL_DIFFERENCE, Criterion.GOALS),
    reapply_head_to_head=True,
    overall=_OVERALL_UEFA,
    beyond_results=_BEYOND,
    description="UEFA group stage 2021-22 to 2023-24: as before without head-to-head away goals "
    "(abolished with the away-goals rule)",
)
UEFA_LEAGUE_PHASE = TableRules(
    "uefa-league-phase",
    overall=(
        *_OVERALL_UEFA,
        Criterion.OPPONENTS_POINTS,
        Criterion.OPPONENTS_GOAL_DIFFERENCE,
        Criterion.OPPONENTS_GOALS,
    ),
    beyond_results=_BEYOND,
    description="UEFA league phase from 2024-25: goal difference, goals, away goals, wins, away "
    "wins, opponents' points, goal difference and goals; then disciplinary points and club "
    "coefficient",
)
DOMESTIC = TableRules(
    "domestic",
    overall=(Criterion.GOAL_DIFFERENCE, Criterion.GOALS),
    description="a domestic league's usual order: points, goal difference, goals scored",
)

TIEBREAKERS: dict[str, TableRules] = {
    r.name: r for r in (UEFA_GROUP_CLASSIC, UEFA_GROUP_2021, UEFA_LEAGUE_PHASE, DOMESTIC)
}
"""Every named set of tie-breakers, by name."""

GROUP_ERAS: tuple[tuple[int, TableRules], ...] = ((2021, UEFA_GROUP_2021), (0, UEFA_GROUP_CLASSIC))
"""UEFA group-stage tie-breakers by first season start year, newest first: head-to-head away
goals went with the away-goals rule from 2021-22 (UEFA, 24 June 2021); the group stage itself ended
with 2023-24."""


def tiebreakers(name: str) -> TableRules:
    """The tie-breakers called ``name``; ``ConfigError`` listing the known ones otherwise."""
    try:
        return TIEBREAKERS[name]
    except KeyError:
        known = ", ".join(TIEBREAKERS)
        raise ConfigError(f"unknown tie-breakers {name!r}; known: {known}") from None


def tiebreakers_for(start_year: int, round_format: RoundFormat) -> TableRules:
    """UEFA's tie-breakers for a group or league round of the season starting in ``start_year``."""
    if round_format is RoundFormat.LEAGUE:
        return UEFA_LEAGUE_PHASE
    if round_format is RoundFormat.GROUP:
        return next(rules for first, rules in GROUP_ERAS if start_year >= first)
    raise ConfigError(f"a {round_format.value} round has no table")
