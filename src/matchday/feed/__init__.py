"""The match feed: events a desk posts while a match is played, checked as they arrive.

    state = fold(Fixture(match, Role.SECOND_LEG, rules, first_leg), events)
    state.period, state.score          # Period.SECOND_HALF, Score(1, 1)
    apply(state, MatchEvent(EventKind.FULL_TIME)).match   # the played Match, for decide()

The feed validates events by folding them into the one match state (``matchday.live.state``):
the store keeps the events, the fold says whether they make sense under the rules. ``script``
and ``unplayed`` replay a played night.
"""

from matchday.feed.replay import Cue, script, unplayed
from matchday.live.events import EXTRA_TIME_END, HALF_TIME, EventKind, MatchEvent, Period
from matchday.live.state import Fixture, MatchState, Role, apply, fold

__all__ = [
    "EXTRA_TIME_END",
    "HALF_TIME",
    "Cue",
    "EventKind",
    "Fixture",
    "MatchEvent",
    "MatchState",
    "Period",
    "Role",
    "apply",
    "fold",
    "script",
    "unplayed",
]
