"""What a league's later stage carries from its regular season.

After the regular season some leagues split: Scotland's top and bottom six play on in one table
of 38 games (the split only decides who plays whom); Belgium's play-offs start from the
regular season's points halved and rounded up; Austria's groups from them halved and rounded
down, over the whole season's games and goals. ``Carry`` says which (registry data, league by
league and era by era); ``Start`` is what each team of a stage brought into it, so that the
stage's table starts there and says why.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from matchday.model.match import Match
from matchday.model.team import Team
from matchday.standings.record import Record

__all__ = ["Carried", "CarriedPoints", "Carry", "Start", "start_from"]


class CarriedPoints(StrEnum):
    """Which of its regular-season points a team takes into a later stage."""

    ALL = "all"
    HALVED_ROUNDED_UP = "halved_rounded_up"
    HALVED_ROUNDED_DOWN = "halved_rounded_down"
    NONE = "none"

    def of(self, points: int) -> tuple[int, Fraction]:
        """The points carried from ``points``, and what rounding added to the exact share
        (``+1/2`` rounded up, ``-1/2`` rounded down, else 0)."""
        if self is CarriedPoints.ALL:
            return points, Fraction(0)
        if self is CarriedPoints.NONE:
            return 0, Fraction(0)
        exact = Fraction(points, 2)
        kept = -(-points // 2) if self is CarriedPoints.HALVED_ROUNDED_UP else points // 2
        return kept, kept - exact


@dataclass(frozen=True, slots=True)
class Carry:
    """How a stage after the regular season starts: the ``points`` each team carries, and
    whether the table goes on over the ``whole_season`` (the regular season's games, goals and
    wins stay in it and its tie-breakers count them: Scotland, Austria) or holds the stage's
    matches only (Belgium's play-offs)."""

    points: CarriedPoints
    whole_season: bool = False


@dataclass(frozen=True, slots=True)
class Carried:
    """What ``record``'s team brought into a stage: its regular-season ``record`` and
    ``place``, the ``points`` carried, and ``rounded``: what rounding the halved points added
    (``+1/2``) or took away (``-1/2``)."""

    record: Record
    place: int
    points: int
    rounded: Fraction = Fraction(0)

    @property
    def team(self) -> Team:
        """The team."""
        return self.record.team


@dataclass(frozen=True, slots=True)
class Start:
    """Where a stage's table starts: the rule (``carry``), the table carried from (``before``,
    "League") and what each of its teams brought (``teams``; a team absent from the table
    before brings nothing). ``matches``: the regular season's, whose meetings of the stage's
    teams count head-to-head where the table goes on over the whole season (Austria from
    2021-22 compares "all the season's duels")."""

    carry: Carry
    before: str
    teams: tuple[Carried, ...]
    matches: tuple[Match, ...] = ()

    def of(self, team: Team) -> Carried | None:
        """What ``team`` brought into the stage, if it was in the table before."""
        return next((c for c in self.teams if c.team == team), None)


def start_from(
    before: str,
    places: Iterable[tuple[int, Record, int]],
    teams: Iterable[Team],
    carry: Carry,
    matches: Iterable[Match] = (),
) -> Start:
    """The start of a stage of ``teams`` under ``carry``, from the table called ``before``
    given as its ``places`` (place, record, points), in any order, and its ``matches``."""
    wanted = frozenset(teams)
    found = []
    for place, record, points in places:
        if record.team in wanted:
            kept, rounded = carry.points.of(points)
            found.append(Carried(record, place, kept, rounded))
    return Start(carry, before, tuple(found), tuple(matches))
