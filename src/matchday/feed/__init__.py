"""The match feed: events a desk posts while a match is played, checked as they arrive.

    sheet = fold(Fixture(match, Role.SECOND_LEG, rules, first_leg), events)
    sheet.period, sheet.score          # Period.SECOND_HALF, Score(1, 1)
    apply(sheet, MatchEvent(EventKind.FULL_TIME)).match   # the played Match, for decide()

Pure functions over frozen values: the store keeps the events, this package says whether they
make sense under the rules (``settle_two_legs``/``settle_single`` decide what full time means).
"""

from matchday.feed.events import EXTRA_TIME_END, HALF_TIME, EventKind, MatchEvent, Period
from matchday.feed.replay import Cue, script, unplayed
from matchday.feed.sheet import Fixture, MatchSheet, Role, apply, fold

__all__ = [
    "EXTRA_TIME_END",
    "HALF_TIME",
    "Cue",
    "EventKind",
    "Fixture",
    "MatchEvent",
    "MatchSheet",
    "Period",
    "Role",
    "apply",
    "fold",
    "script",
    "unplayed",
]
