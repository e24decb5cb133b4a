"""Replaying a played night: the season as it stood before kick-off, and each match's events
as a script of cues in minutes of real time from kick-off."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from matchday.feed.events import EXTRA_TIME_END, HALF_TIME, EventKind, MatchEvent
from matchday.model import REGULAR_TIME, Goal, Match, RedCard, Season

__all__ = ["BREAK_MINUTES", "Cue", "script", "unplayed"]

BREAK_MINUTES = {"half_time": 15, "before_extra_time": 5, "before_shoot_out": 5}
"""Real minutes of each break in a replay (Laws of the Game: a half-time interval of up to 15
minutes; short breaks before extra time and before a shoot-out)."""


@dataclass(frozen=True, slots=True)
class Cue:
    """An event and when it happens, in real minutes after kick-off."""

    at: float
    event: MatchEvent


def unplayed(season: Season, date: dt.date) -> Season:
    """``season`` with the results of the matches on ``date`` removed, as before kick-off."""

    def reset(match: Match) -> Match:
        return match.scheduled if match.date == date else match

    stages = tuple(
        replace(
            stage,
            rounds=tuple(replace(r, matches=tuple(map(reset, r.matches))) for r in stage.rounds),
        )
        for stage in season.stages
    )
    return replace(season, stages=stages)


def _incident(match: Match, item: Goal | RedCard) -> MatchEvent:
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


def script(match: Match) -> tuple[Cue, ...]:
    """The events of a played match in the order they happened, timed from kick-off: kick-off,
    goals and red cards, half-time, the second half, full time, extra time and the shoot-out
    where there were any. A match without recorded goals replays its periods only."""
    incidents: list[Goal | RedCard] = [*(match.goals or ()), *(match.red_cards or ())]
    incidents.sort(key=lambda i: (i.minute, i.added))

    def stoppage(end: int) -> int:
        return max((i.added for i in incidents if i.minute == end), default=0)

    half_time = HALF_TIME + stoppage(HALF_TIME)
    second_half = half_time + BREAK_MINUTES["half_time"]
    full_time = second_half + (REGULAR_TIME - HALF_TIME) + stoppage(REGULAR_TIME)
    extra_time = full_time + BREAK_MINUTES["before_extra_time"]
    end_of_extra = extra_time + (EXTRA_TIME_END - REGULAR_TIME) + stoppage(EXTRA_TIME_END)

    def at(item: Goal | RedCard) -> float:
        if item.minute <= HALF_TIME:
            return item.minute + item.added
        if item.minute <= REGULAR_TIME:
            return second_half + item.minute - HALF_TIME + item.added
        return extra_time + item.minute - REGULAR_TIME + item.added

    cues = [Cue(0, MatchEvent(EventKind.KICK_OFF))]
    cues += [Cue(at(i), _incident(match, i)) for i in incidents]
    cues += [
        Cue(half_time, MatchEvent(EventKind.HALF_TIME)),
        Cue(second_half, MatchEvent(EventKind.KICK_OFF)),
        Cue(full_time, MatchEvent(EventKind.FULL_TIME)),
    ]
    if match.extra_time is not None:
        cues += [
            Cue(extra_time, MatchEvent(EventKind.EXTRA_TIME)),
            Cue(end_of_extra, MatchEvent(EventKind.FULL_TIME)),
        ]
    if match.penalties is not None:
        shoot_out = (end_of_extra if match.extra_time else full_time) + BREAK_MINUTES[
            "before_shoot_out"
        ]
        cues.append(Cue(shoot_out, MatchEvent(EventKind.SHOOT_OUT, shootout=match.penalties)))
    # Stable sort: at equal times the order above holds (a 45+2' goal before half-time).
    return tuple(sorted(cues, key=lambda c: c.at))
