"""Tie-breakers of an era as values: which criteria rank teams level on points, in which order.

UEFA's group stage (up to 2023-24) compares the tied teams first on the matches among themselves
("head-to-head"), re-applies those criteria to any subset still level, and only then looks at all
matches. FIFA's World Cup (1998-2022) looks at all matches first and at head-to-head after them.
The league phase (from 2024-25) has no head-to-head step. Older tables count two points for a
win and goal average (goals scored divided by goals conceded) instead of goal difference.
Criteria that the results do not contain (fair play, club coefficient, a play-off match, drawing
of lots) are named so that a table can say it cannot decide, instead of guessing. Which
competition used which tie-breakers in which season is data of ``matchday.competitions``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from matchday.errors import ConfigError, InvalidValueError
from matchday.model.competition import RoundFormat

__all__ = [
    "DOMESTIC",
    "FIFA_1970",
    "FIFA_1986",
    "FIFA_1994",
    "FIFA_1998",
    "FIFA_2018",
    "GOAL_AVERAGE",
    "POINTS_PLAY_OFF",
    "THREE_POINTS",
    "TIEBREAKERS",
    "TWO_POINTS",
    "UEFA_EURO",
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
    GOAL_AVERAGE = "goal_average"
    POINTS_BEFORE_ROUNDING = "points_before_rounding"
    REGULAR_SEASON_PLACE = "regular_season_place"
    DISCIPLINARY_POINTS = "disciplinary_points"
    CLUB_COEFFICIENT = "club_coefficient"
    FAIR_PLAY = "fair_play"
    PLAY_OFF = "play_off"
    LOTS = "lots"

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
    Criterion.GOAL_AVERAGE: "goal average",
    Criterion.POINTS_BEFORE_ROUNDING: "points before rounding",
    Criterion.REGULAR_SEASON_PLACE: "place in the regular season",
    Criterion.FAIR_PLAY: "fair play points",
    Criterion.PLAY_OFF: "a play-off match",
    Criterion.LOTS: "drawing of lots",
}

RESULT_CRITERIA = frozenset(Criterion) - {
    Criterion.DISCIPLINARY_POINTS,
    Criterion.CLUB_COEFFICIENT,
    Criterion.FAIR_PLAY,
    Criterion.PLAY_OFF,
    Criterion.LOTS,
}
"""The criteria that match results decide; the others need data that results do not hold."""


@dataclass(frozen=True, slots=True)
class TableRules:
    """How a table ranks teams: points for a win and a draw, then the tie-breakers in order.

    Teams level on points are compared on ``head_to_head`` (over the matches among them only),
    which is re-applied to a smaller set still level when ``reapply_head_to_head`` is set, then on
    ``overall`` (over all matches): the UEFA way. With ``head_to_head_last`` the order is the FIFA
    way: ``overall`` first, then ``head_to_head`` among the teams still level. ``beyond_results``
    are the criteria that come next but cannot be computed from results; a table reports teams
    still level as waiting for them.
    """

    name: str
    head_to_head: tuple[Criterion, ...] = ()
    reapply_head_to_head: bool = False
    overall: tuple[Criterion, ...] = ()
    beyond_results: tuple[Criterion, ...] = ()
    win: int = 3
    draw: int = 1
    description: str = ""
    head_to_head_last: bool = False
    after_head_to_head: tuple[Criterion, ...] = ()
    """With ``head_to_head_last``: criteria over all matches that come after the head-to-head
    (France from 2017-18: goal difference, head-to-head, then goals scored)."""
    play_off_places: tuple[int, ...] = ()
    """Places decided by a play-off match when exactly two teams are level on points for them
    (Serie A from 2022-23: 1st, the title, and 17th, staying up), before any tie-breaker; a
    table without the match leaves the two level, awaiting it."""

    def __post_init__(self) -> None:
        for criterion in (*self.head_to_head, *self.overall, *self.after_head_to_head):
            if criterion not in RESULT_CRITERIA:
                raise InvalidValueError(
                    f"{self.name}: {criterion.phrase} cannot be computed from results"
                )
        for criterion in self.beyond_results:
            if criterion in RESULT_CRITERIA:
                raise InvalidValueError(f"{self.name}: {criterion.phrase} is computed from results")


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

_GOALS = (Criterion.GOAL_DIFFERENCE, Criterion.GOALS)
_H2H = (Criterion.POINTS, Criterion.GOAL_DIFFERENCE, Criterion.GOALS)

POINTS_PLAY_OFF = TableRules(
    "points-play-off",
    beyond_results=(Criterion.PLAY_OFF, Criterion.LOTS),
    win=2,
    description="two points for a win; teams level on points meet in a play-off (or lots "
    "decide): World Cup 1954",
)
GOAL_AVERAGE = TableRules(
    "goal-average",
    overall=(Criterion.GOAL_AVERAGE,),
    beyond_results=(Criterion.LOTS,),
    win=2,
    description="two points for a win, then goal average (goals scored divided by goals "
    "conceded), then lots: World Cup 1958-1966",
)
FIFA_1970 = TableRules(
    "fifa-1970",
    overall=(Criterion.GOAL_DIFFERENCE,),
    beyond_results=(Criterion.LOTS,),
    win=2,
    description="World Cup 1970: two points for a win, then goal difference, then drawing of "
    "lots; goals scored did not count yet (the Soviet Union and Mexico, level on points and "
    "goal difference in group 1, were placed by lots)",
)
TWO_POINTS = TableRules(
    "two-points",
    overall=_GOALS,
    beyond_results=(Criterion.LOTS,),
    win=2,
    description="two points for a win, then goal difference, goals scored, lots: World Cup "
    "1974-1982 (Italy ahead of Cameroon on goals scored in 1982), Euro 1980-1992 (Belgium "
    "ahead of Italy in 1980)",
)
THREE_POINTS = TableRules(
    "three-points",
    overall=_GOALS,
    beyond_results=(Criterion.LOTS,),
    description="three points for a win, then goal difference, goals scored, lots: World Cup "
    "1994, Copa América",
)
FIFA_1986 = TableRules(
    "fifa-1986",
    overall=_GOALS,
    head_to_head=_H2H,
    head_to_head_last=True,
    beyond_results=(Criterion.LOTS,),
    win=2,
    description="World Cup 1986-1990: two points for a win; goal difference and goals scored in "
    "all group matches, then head-to-head among the teams still level, then lots",
)
FIFA_1994 = dataclasses.replace(
    FIFA_1986,
    name="fifa-1994",
    win=3,
    description="World Cup 1994: as 1986-1990 with three points for a win",
)
FIFA_1998 = dataclasses.replace(
    FIFA_1994,
    name="fifa-1998",
    description="World Cup 1998-2014: goal difference and goals scored in all group matches, "
    "then head-to-head points, goal difference and goals among the teams still level, then lots",
)
FIFA_2018 = dataclasses.replace(
    FIFA_1998,
    name="fifa-2018",
    beyond_results=(Criterion.FAIR_PLAY, Criterion.LOTS),
    description="World Cup 2018-2022: as 1998-2014, then fair play points, then lots",
)
UEFA_EURO = TableRules(
    "uefa-euro",
    head_to_head=_H2H,
    reapply_head_to_head=True,
    overall=_GOALS,
    beyond_results=(Criterion.FAIR_PLAY, Criterion.LOTS),
    description="Euro 1996-2024: head-to-head points, goal difference, goals, re-applied to teams "
    "still level; then goal difference and goals in all matches; then fair play, then lots",
)

TIEBREAKERS: Mapping[str, TableRules] = MappingProxyType(
    {
        r.name: r
        for r in (
            UEFA_GROUP_CLASSIC,
            UEFA_GROUP_2021,
            UEFA_LEAGUE_PHASE,
            DOMESTIC,
            POINTS_PLAY_OFF,
            GOAL_AVERAGE,
            FIFA_1970,
            TWO_POINTS,
            THREE_POINTS,
            FIFA_1986,
            FIFA_1994,
            FIFA_1998,
            FIFA_2018,
            UEFA_EURO,
        )
    }
)
"""Every named set of tie-breakers, by name."""


def tiebreakers(name: str) -> TableRules:
    """The tie-breakers called ``name``; ``ConfigError`` listing the known ones otherwise."""
    try:
        return TIEBREAKERS[name]
    except KeyError:
        known = ", ".join(TIEBREAKERS)
        raise ConfigError(f"unknown tie-breakers {name!r}; known: {known}") from None


def tiebreakers_for(
    start_year: int, round_format: RoundFormat, competition: str = "UEFA Champions League"
) -> TableRules:
    """The tie-breakers of a group or league round of ``competition`` (by default UEFA's club
    competitions) in the season starting in ``start_year``: a thin call into the registry
    (an unknown competition is a ``ConfigError`` listing the known ones)."""
    from matchday.competitions import table_rules  # the registry builds on these values

    if round_format is RoundFormat.KNOCKOUT:
        raise ConfigError(f"a {round_format.value} round has no table")
    return table_rules(competition, start_year, round_format)
