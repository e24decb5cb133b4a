"""Live states and timelines as plain data: the JSON of ``matchday live --json``.

The shape is a public contract (README, "matchday live"): keys are only ever added, never
renamed, so the command line and any service built on these functions answer alike. It is
defined once, in ``matchday.io.schemas`` (``LiveStateJSON``, ``StateJSON``, ``MomentJSON``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from matchday.io.export import leg_model, score_pair
from matchday.io.live_text import ENGLISH, explain_next_goal, explain_state
from matchday.io.schemas import (
    LiveStateJSON,
    MatchJSON,
    MomentJSON,
    NeedJSON,
    NextGoalJSON,
    StateJSON,
    TimelineStatesJSON,
)
from matchday.live import MatchState, Moment, Timeline, needs, next_goal
from matchday.rules import Phase

__all__ = ["live_state_json", "moment_json", "state_json", "state_model", "timeline_json"]


def _phase(phase: Phase | None) -> str | None:
    """``regular_time``, ``extra_time``, ``penalties`` (snake case, like ``decided_by``)."""
    return None if phase is None else phase.name.lower()


def _header(state: MatchState) -> dict[str, Any]:
    tie, match = state.tie, state.match
    return {
        "round": tie.round,
        "team1": tie.team1.name,
        "team2": tie.team2.name,
        "first_leg": None if tie.single_match else leg_model(tie.first_leg),
        "match": MatchJSON(
            date=match.date.isoformat(),
            home=match.home.name,
            away=match.away.name,
            dated=match.dated,
        ),
        "rules": state.rules.name,
    }


def state_model(state: MatchState, lang: str = ENGLISH) -> StateJSON:
    """One moment as its schema (see ``state_json``), its explanations in ``lang``."""
    teams = (state.match.home, state.match.away)
    goals = [g for g in (next_goal(state, team) for team in teams) if g is not None]
    return StateJSON(
        clock=state.clock,
        minute=state.minute,
        added=state.added,
        phase=_phase(state.phase),
        score=score_pair(state.score),
        score_after_90=score_pair(state.after_90),
        penalties=score_pair(state.penalties),
        aggregate=score_pair(state.aggregate),
        away_goals=score_pair(state.away_goals),
        through=state.through.name if state.through else None,
        decided_by=state.decided_by.value if state.decided_by else None,
        awaiting=_phase(state.awaiting),
        explanation=explain_state(state, lang),
        needs=[
            NeedJSON(
                team=n.team.name,
                to_go_through=n.to_go_through,
                to_force=n.to_force,
                forces=_phase(n.forces),
            )
            for n in (needs(state, team) for team in teams)
        ],
        next_goal=[
            NextGoalJSON(
                team=g.team.name,
                effect=explain_next_goal(g, lang),
                through=g.state.through.name if g.state.through else None,
                awaiting=_phase(g.state.awaiting),
                explanation=explain_state(g.state, lang),
            )
            for g in goals
        ],
    )


def state_json(state: MatchState, lang: str = ENGLISH) -> dict[str, Any]:
    """One moment: scores, who is through and why, what each side needs, the next goal.

    ``needs`` and ``next_goal`` list the match's home team first (the shape ``StateJSON``);
    the explanations are in ``lang`` (English unless told: the keys never change with it).
    """
    return state_model(state, lang).json_data()


def live_state_json(state: MatchState, lang: str = ENGLISH) -> dict[str, Any]:
    """The tie and one moment of its deciding match: ``matchday live --score ... --json``."""
    return LiveStateJSON(**_header(state), state=state_model(state, lang)).json_data()


def moment_json(
    moment: Moment, shape: Callable[[MatchState], dict[str, Any]] = state_json
) -> dict[str, Any]:
    """One goal of a timeline and the state after it; ``shape`` makes the state's JSON (the
    service passes a remembering ``state_json``)."""
    goal = moment.goal
    return MomentJSON(
        clock=goal.clock,
        minute=goal.minute,
        added=goal.added,
        team=goal.team.name,
        scorer=goal.scorer,
        own_goal=goal.own_goal,
        penalty=goal.penalty,
        turning_point=moment.turning_point,
        state=StateJSON.model_validate(shape(moment.state)),
    ).json_data()


def timeline_json(timeline: Timeline, lang: str = ENGLISH) -> dict[str, Any]:
    """The tie and its deciding match replayed: ``matchday live --json`` without ``--score``."""
    shape = partial(state_json, lang=lang)
    states = TimelineStatesJSON(
        kickoff=state_model(timeline.kickoff, lang),
        goals=[MomentJSON.model_validate(moment_json(m, shape)) for m in timeline.moments],
        final=state_model(timeline.final, lang),
    )
    return LiveStateJSON(**_header(timeline.kickoff), timeline=states).json_data()
