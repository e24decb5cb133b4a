"""What each side needs from here, and what the next goal changes.

"Needs" are counted within the current phase of the match: in regular time, goals in the rest
of regular time that decide the tie at 90 minutes; in extra time, goals in the rest of extra time
that decide it at 120. Extra time and penalties themselves are not a way to go through here:
forcing them is counted separately.
"""

from __future__ import annotations

from dataclasses import dataclass

from matchday.live.events import Period
from matchday.live.state import MatchState
from matchday.model import Score, Side, Team
from matchday.rules import ExtraTime, Phase

__all__ = ["Needs", "NextGoal", "needs", "next_goal"]


@dataclass(frozen=True, slots=True)
class Needs:
    """The fewest further goals ``team`` must score, the other side not scoring, in the rest of
    the current phase.

    ``to_go_through``: to be through when the phase ends (0 when already through).
    ``to_force``: to take the tie into ``forces`` (extra time from regular time, penalties from
    extra time), 0 when it is heading there already. Either is ``None`` when no number of goals
    does it: a side through cannot force extra time by scoring more, and no goal counts once
    the shoot-out has begun.
    """

    team: Team
    to_go_through: int | None
    to_force: int | None
    forces: Phase | None


@dataclass(frozen=True, slots=True)
class NextGoal:
    """One more goal by ``team`` now: the state ``before`` it and the ``state`` it leads to
    (what it changes is told at the edges, ``matchday.io.live_text``)."""

    team: Team
    state: MatchState
    before: MatchState


def _with_goals(score: Score, side: Side, goals: int) -> Score:
    if side is Side.HOME:
        return Score(score.home + goals, score.away)
    return Score(score.home, score.away + goals)


def _ended_early(state: MatchState) -> bool:
    """True when a golden or silver goal ended extra time: no further goal counts."""
    sudden = state.rules.extra_time in (ExtraTime.GOLDEN_GOAL, ExtraTime.SILVER_GOAL)
    return sudden and state.period is Period.FINISHED and state.phase is Phase.EXTRA_TIME


def needs(state: MatchState, team: Team) -> Needs:
    """What ``team`` needs from ``state`` (see ``Needs``), found by asking the rules engine.

    Adding goals for one side never hurts it, and a side that leads on aggregate is through, so
    trying 0, 1, 2, ... goals up to one more than its aggregate deficit finds every answer.
    """
    forces = state.next_phase
    if state.phase is Phase.PENALTIES:
        return Needs(team, None, None, forces)
    if _ended_early(state):
        return Needs(team, None, None, None)
    side = state.match.side_of(team)
    aggregate = state.aggregate
    own, other = (
        (aggregate.team1, aggregate.team2)
        if team == state.fixture.teams[0]
        else (aggregate.team2, aggregate.team1)
    )
    to_force: int | None = None
    for goals in range(max(other - own, 0) + 2):
        verdict = state.settle(_with_goals(state.score, side, goals))
        if to_force is None and forces is not None and verdict.awaiting is forces:
            to_force = goals
        if verdict.winner is not None and state.fixture.teams[verdict.winner - 1] == team:
            return Needs(team, goals, to_force, forces)
    return Needs(team, None, to_force, forces)


def next_goal(state: MatchState, team: Team) -> NextGoal | None:
    """What one more goal by ``team`` at the current minute changes; ``None`` during penalties
    and once a golden or silver goal has ended extra time (no goal can follow)."""
    if state.phase is Phase.PENALTIES or _ended_early(state):
        return None
    after = state.with_goal(state.match.side_of(team))
    return NextGoal(team, after, state)
