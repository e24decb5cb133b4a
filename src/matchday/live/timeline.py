"""The timeline of a played deciding match, replayed event by event from its recorded goals."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypeVar

from matchday.errors import MissingDataError
from matchday.live.events import EventKind, MatchEvent, clock, incident
from matchday.live.state import Fixture, MatchState, apply, start
from matchday.model import EXTRA_TIME_END, HALF_TIME, REGULAR_TIME, Goal, Match, RedCard, Tie
from matchday.rules import Rules

__all__ = ["Moment", "Timeline", "match_events", "timeline"]

_Incident = TypeVar("_Incident", Goal, RedCard)


@dataclass(frozen=True, slots=True)
class Moment:
    """A goal and the state right after it; ``turning_point`` when it changed who is through
    (or whether the tie is heading for extra time or penalties)."""

    goal: Goal
    state: MatchState
    turning_point: bool


@dataclass(frozen=True, slots=True)
class Timeline:
    """A deciding match replayed: the kick-off state, the state after every goal, the end,
    and the events it was replayed from."""

    kickoff: MatchState
    moments: tuple[Moment, ...]
    final: MatchState
    events: tuple[MatchEvent, ...] = ()

    @property
    def turning_points(self) -> tuple[Moment, ...]:
        """The goals after which who would go through changed, nobody (level: extra time or
        penalties ahead) included."""
        return tuple(m for m in self.moments if m.turning_point)

    def at(self, minute: int, added: int = 0) -> MatchState:
        """The state at ``minute``+``added``: the goals and red cards up to then, replayed,
        and the clock. A minute after the match ended is a ``RuleError``."""
        state = self.kickoff
        for event in self.events:
            if event.kind in (EventKind.GOAL, EventKind.RED_CARD):
                assert event.minute is not None  # a recorded goal or card has one
                if (event.minute, event.added) <= (minute, added):
                    state = apply(apply(state, clock(event.minute, event.added)), event)
        return apply(state, clock(minute, added))


def match_events(match: Match) -> tuple[MatchEvent, ...]:
    """The events of a played match in the order they happened: kick-off, the goals and red
    cards of each period, half-time, full time, extra time and the shoot-out where there were
    any. A match without recorded goals has its periods only; an unplayed one has none."""
    if match.score is None:
        return ()
    end = REGULAR_TIME if match.extra_time is None else EXTRA_TIME_END
    incidents: list[Goal | RedCard] = [_added_time(g, end) for g in match.goals or ()]
    incidents += [_added_time(card, end) for card in match.red_cards or ()]
    incidents.sort(key=lambda i: (i.minute, i.added))

    def within(low: int, high: int) -> list[MatchEvent]:
        return [incident(match, i) for i in incidents if low < i.minute <= high]

    kick_off = MatchEvent(EventKind.KICK_OFF)
    full_time = MatchEvent(EventKind.FULL_TIME)
    events = [
        kick_off,
        *within(0, HALF_TIME),
        MatchEvent(EventKind.HALF_TIME),
        kick_off,
        *within(HALF_TIME, REGULAR_TIME),
        full_time,
    ]
    if match.extra_time is not None:
        events += [MatchEvent(EventKind.EXTRA_TIME), *within(REGULAR_TIME, 1000), full_time]
    if match.penalties is not None:
        events.append(MatchEvent(EventKind.SHOOT_OUT, shootout=match.penalties))
    return tuple(events)


def _added_time(item: _Incident, end: int) -> _Incident:
    """``item`` with a minute past the match's last (``121'`` after extra time, as files count
    on) read as that minute's added time: 120+1."""
    if item.minute <= end or item.added:
        return item
    return replace(item, minute=end, added=item.minute - end)


def timeline(tie: Tie, rules: Rules) -> Timeline:
    """Replay the tie's deciding match from its events, noting every turning point.

    ``MissingDataError`` when the match has not been played or its goals are not recorded,
    or is not in the source yet (a second leg to come: ``Fixture.of``).
    """
    fixture = Fixture.of(tie, rules)
    match = tie.last_match
    if match.score is None:
        raise MissingDataError(f"{match.label}: not played yet; give a score to see a state")
    if match.goals is None:
        raise MissingDataError(
            f"{match.label}: no goal events recorded; give a score to see a state"
        )
    events = match_events(match)
    state = apply(start(fixture), events[0])
    kickoff = state
    moments: list[Moment] = []
    for event in events[1:]:
        after = apply(state, event)
        if event.kind is EventKind.GOAL:
            moments.append(Moment(after.goals[-1], after, len(after.turns) > len(state.turns)))
        state = after
    return Timeline(kickoff, tuple(moments), state, events)
