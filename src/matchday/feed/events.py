"""The events a desk posts while a match is played, and the periods a match passes through."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from matchday.model import Score, Side

__all__ = ["EXTRA_TIME_END", "HALF_TIME", "EventKind", "MatchEvent", "Period"]

HALF_TIME = 45
"""The last minute of the first half (its added time is written 45+2)."""

EXTRA_TIME_END = 120
"""The last minute of extra time."""


class EventKind(StrEnum):
    """What a posted event records.

    ``kick_off`` starts the next period of play (the first half, the second half after
    half-time, extra time); ``full_time`` ends play after 90 minutes or, in extra time, after
    120; ``extra_time`` starts extra time; ``shoot_out`` records the shoot-out's result.
    """

    KICK_OFF = "kick_off"
    GOAL = "goal"
    RED_CARD = "red_card"
    HALF_TIME = "half_time"
    FULL_TIME = "full_time"
    EXTRA_TIME = "extra_time"
    SHOOT_OUT = "shoot_out"


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
    shoot-out has its result in ``shootout`` (home first). The other kinds need nothing.
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
        return f"{self.minute}+{self.added}'" if self.added else f"{self.minute}'"
