"""Live: who is through right now, what each side needs, and what the next goal changes.

A tie's state during its deciding match is a fold over the match's events::

    state = kickoff(tie, rules)
    state = apply(state, Goal(11, atalanta))       # also Clock(60), ShootOut()
    state.through, state.explanation               # Atalanta, "Atalanta through on away goals: ..."
    needs(state, dortmund).to_go_through           # 1
    next_goal(state, dortmund).effect              # "One more Borussia Dortmund goal puts ..."

``state_at`` builds the state at a given score and minute, ``timeline`` replays a played match
from its goal events. Everything here is pure: the rules engine answers every question.
"""

from matchday.live.needs import Needs, NextGoal, needs, next_goal
from matchday.live.state import (
    END_OF_EXTRA_TIME,
    Clock,
    Event,
    LiveState,
    ShootOut,
    apply,
    kickoff,
    replay,
    state_at,
)
from matchday.live.timeline import Moment, Timeline, match_events, timeline

__all__ = [
    "END_OF_EXTRA_TIME",
    "Clock",
    "Event",
    "LiveState",
    "Moment",
    "Needs",
    "NextGoal",
    "ShootOut",
    "Timeline",
    "apply",
    "kickoff",
    "match_events",
    "needs",
    "next_goal",
    "replay",
    "state_at",
    "timeline",
]
