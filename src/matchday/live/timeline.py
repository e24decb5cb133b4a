"""The timeline of a played deciding match, replayed goal by goal from its recorded events."""

from __future__ import annotations

from dataclasses import dataclass

from matchday.errors import MissingDataError
from matchday.live.state import END_OF_EXTRA_TIME, Clock, Event, LiveState, ShootOut, apply, kickoff
from matchday.model import REGULAR_TIME, Goal, Match, Tie
from matchday.rules import Rules

__all__ = ["Moment", "Timeline", "match_events", "timeline"]


@dataclass(frozen=True, slots=True)
class Moment:
    """A goal and the state right after it; ``turning_point`` when it changed who is through
    (or whether the tie is heading for extra time or penalties)."""

    goal: Goal
    state: LiveState
    turning_point: bool


@dataclass(frozen=True, slots=True)
class Timeline:
    """A deciding match replayed: the kick-off state, the state after every goal, the end."""

    kickoff: LiveState
    moments: tuple[Moment, ...]
    final: LiveState

    @property
    def turning_points(self) -> tuple[Moment, ...]:
        """The goals after which the side going through changed."""
        return tuple(m for m in self.moments if m.turning_point)

    def at(self, minute: int, added: int = 0) -> LiveState:
        """The state at ``minute``+``added``: the goals up to then, replayed, and the clock.

        A minute after the match ended (extra time in a match decided at 90) is a ``RuleError``.
        """
        state = self.kickoff
        for moment in self.moments:
            if (moment.goal.minute, moment.goal.added) <= (minute, added):
                state = moment.state
        return apply(state, Clock(minute, added))


def match_events(match: Match) -> tuple[Event, ...]:
    """The events of a played match in order: its goals, the final whistle, any shoot-out.

    ``MissingDataError`` when the match has not been played or its goals are not recorded.
    """
    if match.score is None:
        raise MissingDataError(f"{match.label}: not played yet; give a score to see a state")
    if match.goals is None:
        raise MissingDataError(
            f"{match.label}: no goal events recorded; give a score to see a state"
        )
    goals = sorted(match.goals, key=lambda g: (g.minute, g.added))
    last = goals[-1] if goals else None
    end = END_OF_EXTRA_TIME if match.extra_time is not None else REGULAR_TIME
    events: list[Event] = [*goals]
    if last is None or (last.minute, last.added) < (end, 0):
        events.append(Clock(end))
    if match.penalties is not None:
        events.append(ShootOut(match.penalties))
    return tuple(events)


def timeline(tie: Tie, rules: Rules) -> Timeline:
    """Replay the tie's deciding match from its goal events, noting every turning point."""
    start = kickoff(tie, rules)
    state = start
    moments: list[Moment] = []
    for event in match_events(tie.last_match):
        after = apply(state, event)
        if isinstance(event, Goal):
            moments.append(Moment(event, after, after.standing != state.standing))
        state = after
    return Timeline(start, tuple(moments), state)
