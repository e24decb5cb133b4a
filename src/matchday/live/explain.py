"""Plain English for live states: who is through and why, and what the next goal changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from matchday.model import Tally, Team
from matchday.rules import DecidedBy, Phase

if TYPE_CHECKING:
    from matchday.live.state import LiveState

__all__ = ["explain_next_goal", "explain_state"]

_LEVEL_GOES_TO = {Phase.EXTRA_TIME: "extra time", Phase.PENALTIES: "penalties"}


def _away_goals(count: int) -> str:
    if count == 0:
        return "no away goals"
    return f"{count} away goal" if count == 1 else f"{count} away goals"


def _for_and_against(tally: Tally, team1_first: bool) -> tuple[int, int]:
    return (tally.team1, tally.team2) if team1_first else (tally.team2, tally.team1)


def explain_state(state: LiveState) -> str:
    """Who would go through if the match ended now and why, or where a level tie is heading.

    "Atalanta through on away goals: 3-3 on aggregate, 2 away goals to 0";
    "Level at 3-3 on aggregate, 2 away goals each: extra time".
    """
    through = state.through
    if through is None:
        return _explain_level(state)
    one = through == state.tie.team1
    won, lost = _for_and_against(state.aggregate, one)
    away = state.away_goals
    away_text = ""
    if away is not None:
        away_won, away_lost = _for_and_against(away, one)
        away_text = f": {won}-{lost} on aggregate, {_away_goals(away_won)} to {away_lost}"
    by = state.decided_by
    if by is DecidedBy.AGGREGATE:
        return f"{through} through {won}-{lost} on aggregate"
    if by is DecidedBy.AWAY_GOALS:
        return f"{through} through on away goals{away_text}"
    if by is DecidedBy.EXTRA_TIME:
        return f"{through} through {won}-{lost} on aggregate in extra time"
    if by is DecidedBy.AWAY_GOALS_EXTRA_TIME:
        return f"{through} through on away goals in extra time{away_text}"
    if by is DecidedBy.SINGLE_MATCH:
        return f"{through} through, winning {won}-{lost}"
    if by is DecidedBy.SINGLE_MATCH_EXTRA_TIME:
        return f"{through} through, winning {won}-{lost} in extra time"
    shootout = state.penalties
    assert shootout is not None, "a tie decided on penalties has a shoot-out result"
    pens = f"{max(shootout.home, shootout.away)}-{min(shootout.home, shootout.away)}"
    played = " after extra time" if state.after_90 is not None else ""
    total = f"{won}-{lost} on aggregate" if state.first_leg is not None else f"{won}-{lost}"
    return f"{through} through {pens} on penalties ({total}{played})"


def _explain_level(state: LiveState) -> str:
    aggregate = state.aggregate
    level = f"Level at {aggregate}"
    if state.first_leg is not None:
        level += " on aggregate"
    away = state.away_goals
    if away is not None:
        each = "no away goals" if away.team1 == 0 else f"{_away_goals(away.team1)} each"
        level += f", {each}"
    if state.phase is Phase.PENALTIES:
        played = " after extra time" if state.after_90 is not None else ""
        return f"{level}{played}: penalty shoot-out"
    if state.awaiting is None:
        return f"{level}: no way to settle it under {state.rules.name}"
    return f"{level}: {_LEVEL_GOES_TO[state.awaiting]}"


def explain_next_goal(team: Team, before: LiveState, after: LiveState) -> str:
    """What one more goal by ``team`` changes: "One more Östersunds FK goal forces extra time"."""
    goal = f"One more {team} goal"
    if after.through is not None:
        if after.through == before.through:
            keeps = "keeps" if after.through == team else "still leaves"
            return f"{goal} {keeps} {after.through} through"
        return f"{goal} puts {after.through} through"
    if after.awaiting is None:
        return f"{goal} leaves the tie level with no way to settle it"
    phase = _LEVEL_GOES_TO[after.awaiting]
    if after.awaiting is before.awaiting and before.through is None:
        return f"{goal} still leaves the tie level: {phase}"
    return f"{goal} forces {phase}"
