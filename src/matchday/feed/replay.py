"""Replaying a played night: the season as it stood before kick-off, and each match's events
as a script of cues in minutes of real time from kick-off."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from matchday.live.events import EventKind, MatchEvent
from matchday.live.timeline import match_events
from matchday.model import EXTRA_TIME_END, HALF_TIME, REGULAR_TIME, Goal, Match, RedCard, Season

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


def script(match: Match) -> tuple[Cue, ...]:
    """The events of a played match in the order they happened (``match_events``), timed from
    kick-off: half-time lasts ``BREAK_MINUTES``, and so do the breaks before extra time and the
    shoot-out. A match without recorded goals replays its periods only."""
    incidents: list[Goal | RedCard] = [*(match.goals or ()), *(match.red_cards or ())]

    def stoppage(end: int) -> int:
        return max((i.added for i in incidents if i.minute == end), default=0)

    half_time = HALF_TIME + stoppage(HALF_TIME)
    second_half = half_time + BREAK_MINUTES["half_time"]
    full_time = second_half + (REGULAR_TIME - HALF_TIME) + stoppage(REGULAR_TIME)
    extra_time = full_time + BREAK_MINUTES["before_extra_time"]
    end_of_extra = extra_time + (EXTRA_TIME_END - REGULAR_TIME) + stoppage(EXTRA_TIME_END)
    shoot_out = (end_of_extra if match.extra_time else full_time) + BREAK_MINUTES[
        "before_shoot_out"
    ]

    def at(minute: int, added: int) -> float:
        if minute <= HALF_TIME:
            return minute + added
        if minute <= REGULAR_TIME:
            return second_half + minute - HALF_TIME + added
        return extra_time + minute - REGULAR_TIME + added

    whistles = {
        EventKind.HALF_TIME: [half_time],
        EventKind.KICK_OFF: [0, second_half],
        EventKind.FULL_TIME: [full_time, end_of_extra],
        EventKind.EXTRA_TIME: [extra_time],
        EventKind.SHOOT_OUT: [shoot_out],
    }
    cues = []
    for event in match_events(match):
        if event.minute is not None:
            cues.append(Cue(at(event.minute, event.added), event))
        else:
            cues.append(Cue(whistles[event.kind].pop(0), event))
    return tuple(cues)
