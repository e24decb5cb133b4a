"""Newsworthiness: which tie leads the round-up, computed from the data, never from file order.

Each angle a tie offers (a late decisive goal, a turnaround, a comeback, a shoot-out, an upset
by the forecast, the host nation out, ...) carries a weight; a tie's score is the sum of its
angles' weights. A late goal weighs more the later it fell, a turnaround more the later the
winner took control for good, a comeback by the goals it overturned, an upset by how big a
favourite went out (as a desk weighs it: a clear favourite out leads the night, whatever the
score), a forecast swing (the winner more likely out than through at some point of the
match) in proportion to its size; a goal feast in a second leg whose tie the
first leg had already settled counts for less, and the news says so (``Discount``). The weights
are editorial judgement, set once here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from matchday.model import REGULAR_TIME
from matchday.report.story.chances import FAVOURITE
from matchday.report.story.tie import LATE_MINUTE, LegKind, TieStory
from matchday.rules import DecidedBy

__all__ = ["WEIGHTS", "Angle", "Because", "Discount", "News", "assess", "rank"]


class Angle(StrEnum):
    """What makes a tie a story."""

    LATE_DECIDER = "late_decider"
    TURNAROUND = "turnaround"
    COMEBACK = "comeback"
    DESPITE_DEFEAT = "despite_defeat"
    PENALTIES = "penalties"
    EXTRA_TIME = "extra_time"
    AWAY_GOALS = "away_goals"
    FINAL = "final"
    UPSET = "upset"
    SWING = "swing"
    GOAL_FEAST = "goal_feast"
    RED_CARD = "red_card"
    AWAY_WIN = "away_win"
    HOST_OUT = "host_out"


WEIGHTS: Mapping[Angle, float] = MappingProxyType(
    {
        Angle.LATE_DECIDER: 4.0,
        Angle.TURNAROUND: 2.0,
        Angle.COMEBACK: 1.0,
        Angle.DESPITE_DEFEAT: 2.0,
        Angle.PENALTIES: 3.0,
        Angle.EXTRA_TIME: 2.0,
        Angle.AWAY_GOALS: 1.0,
        Angle.FINAL: 5.0,
        Angle.UPSET: 12.0,
        Angle.SWING: 4.0,
        Angle.GOAL_FEAST: 1.0,
        Angle.RED_CARD: 0.5,
        Angle.AWAY_WIN: 1.0,
        Angle.HOST_OUT: 4.5,
    }
)
"""Base weight of each angle."""

GOAL_FEAST = 5
"""A match with this many goals or more is a goal feast."""


SETTLED_MARGIN = 3
"""A first leg won by this many goals or more settled the tie before the second leg: the
side behind needed three goals just to draw level, which few sides ever find."""

SETTLED_FEAST = 0.25
"""What a goal feast counts for in a second leg whose tie was settled before it: goals
that decide nothing are worth a line, not the lead."""


class Because(StrEnum):
    """Why an angle of a tie counted for less than its weight."""

    TIE_SETTLED = "tie_settled"
    """The first leg had settled the tie before the night's second leg
    (``SETTLED_MARGIN``)."""


@dataclass(frozen=True, slots=True)
class Discount:
    """An angle that counted for less, why, by what factor, and the first leg's margin that
    settled the tie."""

    angle: Angle
    because: Because
    factor: float
    margin: int


@dataclass(frozen=True, slots=True)
class News:
    """A tie's newsworthiness: its angles, strongest first, and their total weight."""

    score: float
    angles: tuple[Angle, ...]
    discounts: tuple[Discount, ...] = ()
    """The angles that counted for less than their weight, and why."""

    @property
    def top(self) -> Angle | None:
        """The strongest angle, or ``None`` for a tie without one."""
        return self.angles[0] if self.angles else None


def _discounts(story: TieStory, found: Mapping[Angle, float]) -> tuple[Discount, ...]:
    """The angles of ``found`` that count for less: a goal feast in a second leg of a tie the
    first leg had settled."""
    margin = story.margin_before
    if Angle.GOAL_FEAST in found and margin >= SETTLED_MARGIN:
        return (Discount(Angle.GOAL_FEAST, Because.TIE_SETTLED, SETTLED_FEAST, margin),)
    return ()


def _angles(story: TieStory) -> dict[Angle, float]:
    found: dict[Angle, float] = {}
    by = story.decided_by
    if story.late_decider and story.decisive_goal is not None:
        lateness = min(story.decisive_goal.minute + story.decisive_goal.added, 120) - LATE_MINUTE
        found[Angle.LATE_DECIDER] = WEIGHTS[Angle.LATE_DECIDER] * (1 + lateness / REGULAR_TIME)
    if story.turns and story.decisive_goal is not None:
        settled_at = min(story.decisive_goal.minute, REGULAR_TIME) / REGULAR_TIME
        found[Angle.TURNAROUND] = WEIGHTS[Angle.TURNAROUND] * len(story.turns) * settled_at
    if story.first_leg_deficit:
        found[Angle.COMEBACK] = WEIGHTS[Angle.COMEBACK] * story.first_leg_deficit
    if story.through_despite_defeat:
        found[Angle.DESPITE_DEFEAT] = WEIGHTS[Angle.DESPITE_DEFEAT]
    shootout = by is DecidedBy.REPLAY and story.match.penalties is not None  # a replay's
    if shootout or by in (DecidedBy.PENALTIES, DecidedBy.SINGLE_MATCH_PENALTIES):
        found[Angle.PENALTIES] = WEIGHTS[Angle.PENALTIES]
    elif story.match.extra_time is not None:
        found[Angle.EXTRA_TIME] = WEIGHTS[Angle.EXTRA_TIME]
    if by in (DecidedBy.AWAY_GOALS, DecidedBy.AWAY_GOALS_EXTRA_TIME):
        found[Angle.AWAY_GOALS] = WEIGHTS[Angle.AWAY_GOALS]
    if story.final and story.deciding:
        found[Angle.FINAL] = WEIGHTS[Angle.FINAL]
    call = story.close_call
    if call is not None:
        if call.upset:  # weighs by how far above ``FAVOURITE`` the side out's chance stood
            beyond = (call.favourite - FAVOURITE) / (1 - FAVOURITE)
            found[Angle.UPSET] = WEIGHTS[Angle.UPSET] * beyond
        if call.fell_behind:  # a swing is a change of who was favoured, not a rising chance
            found[Angle.SWING] = WEIGHTS[Angle.SWING] * call.swing
    if story.total_goals >= GOAL_FEAST:
        found[Angle.GOAL_FEAST] = WEIGHTS[Angle.GOAL_FEAST] * (story.total_goals - GOAL_FEAST + 1)
    if story.red_cards:
        found[Angle.RED_CARD] = WEIGHTS[Angle.RED_CARD] * len(story.red_cards)
    if story.host_out is not None:
        found[Angle.HOST_OUT] = WEIGHTS[Angle.HOST_OUT]
    if story.leg is LegKind.FIRST_LEG and story.match_winner == story.match.away:
        found[Angle.AWAY_WIN] = WEIGHTS[Angle.AWAY_WIN]
    return found


def assess(story: TieStory) -> News:
    """The angles of ``story`` and their total weight."""
    found = _angles(story)
    discounts = _discounts(story, found)
    for discount in discounts:
        found[discount.angle] *= discount.factor
    ordered = sorted(found, key=lambda angle: (-found[angle], list(Angle).index(angle)))
    return News(round(sum(found.values()), 6), tuple(ordered), discounts)


def _margin(story: TieStory) -> int:
    final = story.match.final_score
    return 0 if final is None else abs(final.home - final.away)


def rank(stories: tuple[TieStory, ...]) -> tuple[TieStory, ...]:
    """Stories most newsworthy first; equal scores by goals, then margin, then by name."""
    return tuple(
        sorted(
            stories,
            key=lambda s: (-assess(s).score, -s.total_goals, -_margin(s), s.tie.label),
        )
    )
