"""Plain English for match states: who is through and why, and what the next goal changes.

The core carries the reasons as data (``Verdict.decided_by``, ``Phase``, the next goal's
state); this edge module makes the sentences that ``matchday live`` and its JSON show."""

from __future__ import annotations

from matchday.live import MatchState, NextGoal
from matchday.model import Score, Tally, is_final
from matchday.rules import DecidedBy, ExtraTime, Phase

__all__ = ["explain_next_goal", "explain_state"]

_LEVEL_GOES_TO = {
    Phase.EXTRA_TIME: "extra time",
    Phase.PENALTIES: "penalties",
    Phase.REPLAY: "a replay",
    Phase.LOTS: "drawing of lots",
}

_SUDDEN = {ExtraTime.GOLDEN_GOAL: "golden goal", ExtraTime.SILVER_GOAL: "silver goal"}
"""How extra time that ends early is named, where a goal in it decides."""


_THROUGH = {
    DecidedBy.AGGREGATE: "{team} through {score} on aggregate",
    DecidedBy.AWAY_GOALS: "{team} through on away goals: {score} on aggregate, {away}",
    DecidedBy.EXTRA_TIME: "{team} through {score} on aggregate in extra time",
    DecidedBy.AWAY_GOALS_EXTRA_TIME: (
        "{team} through on away goals in extra time: {score} on aggregate, {away}"
    ),
    DecidedBy.PENALTIES: "{team} through {pens} on penalties ({score} on aggregate{played})",
    DecidedBy.SINGLE_MATCH: "{team} through, winning {score}",
    DecidedBy.SINGLE_MATCH_EXTRA_TIME: "{team} through, winning {score} in extra time",
    DecidedBy.SINGLE_MATCH_PENALTIES: "{team} through {pens} on penalties ({score}{played})",
}
"""How each way of going through is told; scores and counts are the team's own first."""

_WIN_FINAL = {
    by: told.replace("through, winning", "win the final").replace("through", "win the final")
    for by, told in _THROUGH.items()
}
"""The same for a final, after which no one goes through: its winner wins it."""


def _away_goals(count: int) -> str:
    if count == 0:
        return "no away goals"
    return f"{count} away goal" if count == 1 else f"{count} away goals"


def _own_first(tally: Tally | Score | None, team1_first: bool) -> tuple[int, int]:
    """The through team's count first; a shoot-out's winner is the side with more."""
    if tally is None:
        return (0, 0)
    if isinstance(tally, Score):
        return (max(tally.home, tally.away), min(tally.home, tally.away))
    return (tally.team1, tally.team2) if team1_first else (tally.team2, tally.team1)


def explain_state(state: MatchState) -> str:
    """Who would go through if the match ended now and why, or where a level tie is heading.

    "Atalanta through on away goals: 3-3 on aggregate, 2 away goals to 0";
    "Level at 3-3 on aggregate, 2 away goals each: extra time".
    """
    through, by = state.through, state.decided_by
    if through is None or by is None:
        return _explain_level(state)
    by = state.ruling.decided_by or by  # the way through in extra time, however it ends
    one = through == state.fixture.teams[0]
    away_won, away_lost = _own_first(state.away_goals, one)
    sudden = _SUDDEN.get(state.rules.extra_time)
    in_extra_time = by in (DecidedBy.EXTRA_TIME, DecidedBy.SINGLE_MATCH_EXTRA_TIME)
    named = f" (a {sudden})" if sudden and in_extra_time else ""
    told = (_WIN_FINAL if is_final(state.tie.round) else _THROUGH)[by].format(
        team=through,
        score="{}-{}".format(*_own_first(state.aggregate, one)),
        away=f"{_away_goals(away_won)} to {away_lost}",
        pens="{}-{}".format(*_own_first(state.penalties, one)),
        played=" after extra time" if state.after_90 is not None else "",
    )
    return told + named


def _explain_level(state: MatchState) -> str:
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


def explain_next_goal(next_goal: NextGoal) -> str:
    """What one more goal by a team changes: "One more Östersunds FK goal forces extra time"."""
    team, before, after = next_goal.team, next_goal.before, next_goal.state
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
