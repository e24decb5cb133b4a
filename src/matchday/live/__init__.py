"""Live: one match state, folded from the match's events, and what it means for the tie.

A match is followed as a fold over its events (``matchday.live.events.MatchEvent``)::

    state = kickoff(tie, rules)                     # the deciding match at kick-off
    state = apply(state, MatchEvent(EventKind.GOAL, 11, side=Side.HOME))
    state.through, state.decided_by                 # Atalanta, DecidedBy.AWAY_GOALS
    needs(state, dortmund).to_go_through            # 1
    next_goal(state, dortmund).state.through        # Borussia Dortmund

``state_at`` builds the state at a given score and minute, ``timeline`` replays a played match
from its events, the feed (``matchday.feed``) checks posted events with the same ``apply``.
``time_left`` says how much play is still to come, the added time a period may still get
included (``matchday.live.added_time``). Everything here is pure: the rules engine answers
every question, once per event.
"""

from matchday.live.added_time import AddedTime, Timekeeping, TimeLeft, time_left, timekeeping
from matchday.live.events import (
    EXTRA_TIME_END,
    HALF_TIME,
    EventKind,
    MatchEvent,
    Period,
    clock,
    incident,
)
from matchday.live.moments import kickoff, replay, shoot_out, state_at
from matchday.live.needs import Needs, NextGoal, needs, next_goal
from matchday.live.state import (
    Fixture,
    MatchState,
    Role,
    apply,
    fold,
    restore,
    settle,
    start,
    state_data,
)
from matchday.live.timeline import Moment, Timeline, match_events, timeline

__all__ = [
    "EXTRA_TIME_END",
    "HALF_TIME",
    "AddedTime",
    "EventKind",
    "Fixture",
    "MatchEvent",
    "MatchState",
    "Moment",
    "Needs",
    "NextGoal",
    "Period",
    "Role",
    "TimeLeft",
    "Timekeeping",
    "Timeline",
    "apply",
    "clock",
    "fold",
    "incident",
    "kickoff",
    "match_events",
    "needs",
    "next_goal",
    "replay",
    "restore",
    "settle",
    "shoot_out",
    "start",
    "state_at",
    "state_data",
    "time_left",
    "timekeeping",
    "timeline",
]
