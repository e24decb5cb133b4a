"""The one event type of a match, and the periods a match passes through.

A desk posts these events, the store keeps them, and ``matchday.live.state.apply`` folds them
into the match's state; a played match replays as the same events (``matchday.feed.script``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from matchday.model import EXTRA_TIME_END, HALF_TIME, Goal, Match, RedCard, Score, Side, clock_text

__all__ = [
    "EXTRA_TIME_END",
    "HALF_TIME",
    "EventKind",
    "MatchEvent",
    "Period",
    "clock",
    "incident",
]


class EventKind(StrEnum):
    """What a posted event records.

    ``kick_off`` starts the next period of play (the first half, the second half after
    half-time, extra time); ``full_time`` ends play after 90 minutes or, in extra time, after
    120; ``extra_time`` starts extra time; ``shoot_out`` begins the shoot-out (no result yet)
    or records its result; ``clock`` says the clock has reached a minute, with every whistle
    between implied (the break at 45, full time at 90, the start of extra time when it is due).
    """

    KICK_OFF = "kick_off"
    GOAL = "goal"
    RED_CARD = "red_card"
    HALF_TIME = "half_time"
    FULL_TIME = "full_time"
    EXTRA_TIME = "extra_time"
    SHOOT_OUT = "shoot_out"
    CLOCK = "clock"


class Period(StrEnum):
    """Where a match stands: in play, at a break, waiting for extra time or penalties, over."""

    NOT_STARTED = "not_started"
    FIRST_HALF = "first_half"
    HALF_TIME = "half_time"
    SECOND_HALF = "second_half"
    BEFORE_EXTRA_TIME = "before_extra_time"
    EXTRA_TIME = "extra_time"
    PENALTIES = "penalties"
    FINISHED = "finished"

    @property
    def in_play(self) -> bool:
        """True while the ball can go in: the halves and extra time."""
        return self in (Period.FIRST_HALF, Period.SECOND_HALF, Period.EXTRA_TIME)

    @property
    def live(self) -> bool:
        """True from kick-off until the match is over, breaks included."""
        return self not in (Period.NOT_STARTED, Period.FINISHED)


@dataclass(frozen=True, slots=True)
class MatchEvent:
    """One posted event. Which fields matter depends on ``kind``.

    A goal has ``minute`` (+``added``), the ``side`` it counts for (an own goal counts for the
    scorer's opponents), and optionally ``player``, ``own_goal`` and ``penalty``; a red card has
    ``minute``, the ``side`` of the player sent off, ``player`` and ``second_yellow``; a
    shoot-out has its result in ``shootout`` (home first), none while it is under way; the
    clock has ``minute`` (+``added``). The other kinds need nothing.
    """

    kind: EventKind
    minute: int | None = None
    added: int = 0
    side: Side | None = None
    player: str | None = None
    own_goal: bool = False
    penalty: bool = False
    second_yellow: bool = False
    shootout: Score | None = None

    @property
    def clock(self) -> str:
        """The minute as written in reports, ``83'`` or ``90+4'``, or empty when there is none."""
        if self.minute is None:
            return ""
        return clock_text(self.minute, self.added)


def clock(minute: int, added: int = 0) -> MatchEvent:
    """The clock reaches ``minute`` (+``added``)."""
    return MatchEvent(EventKind.CLOCK, minute, added)


def incident(match: Match, item: Goal | RedCard) -> MatchEvent:
    """A goal or red card of ``match`` as the event a desk would have posted."""
    side = match.side_of(item.team)
    if isinstance(item, Goal):
        return MatchEvent(
            EventKind.GOAL,
            item.minute,
            item.added,
            side,
            item.scorer,
            own_goal=item.own_goal,
            penalty=item.penalty,
        )
    return MatchEvent(
        EventKind.RED_CARD,
        item.minute,
        item.added,
        side,
        item.player,
        second_yellow=item.second_yellow,
    )
