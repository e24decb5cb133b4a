"""The turning points of a deciding match as a report tells them: spells between the changes.

The replay itself is ``matchday.live.timeline`` (the state after every goal, and which goals
changed who is through). A report speaks of stretches instead ("Atalanta were through on
away goals from the 11th minute until the 83rd"), so this module groups the replayed states
into spells with the same standing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from matchday.live import MatchState, Timeline, timeline
from matchday.model import Goal, Team, Tie
from matchday.rules import DecidedBy, Phase, Rules

__all__ = ["Spell", "replay", "spells"]


@dataclass(frozen=True, slots=True)
class Spell:
    """A stretch of the match during which the same side was through (or the tie level).

    ``decided_by`` is the basis on which ``through`` was through all spell long, ``None`` when
    it changed within the spell (say from aggregate to away goals); ``awaiting`` the phase a
    level tie was heading for. ``start`` is the goal that began the spell (``None``: from
    kick-off), ``end`` the goal that ended it (``None``: to the final whistle).
    """

    through: Team | None
    decided_by: DecidedBy | None
    awaiting: Phase | None
    start: Goal | None
    end: Goal | None


def replay(tie: Tie, rules: Rules) -> Timeline | None:
    """The live timeline of the tie's deciding match; ``None`` when its goals are not on record
    (or the match, or a first leg before it, is not played)."""
    match = tie.last_match
    if match.score is None or match.goals is None:
        return None
    if not tie.single_match and tie.first_leg.score is None:
        return None
    return timeline(tie, rules)


def spells(line: Timeline | None) -> tuple[Spell, ...]:
    """The replayed states grouped into spells with the same standing; a new spell is a turn."""
    if line is None:
        return ()
    states: list[tuple[Goal | None, MatchState]] = [(None, line.kickoff)]
    states += [(moment.goal, moment.state) for moment in line.moments]
    found: list[Spell] = []
    standing: object = None
    for goal, state in states:
        if found and state.standing == standing:
            if found[-1].decided_by != state.decided_by:
                found[-1] = replace(found[-1], decided_by=None)
            continue
        if found:
            found[-1] = replace(found[-1], end=goal)
        standing = state.standing
        found.append(Spell(state.through, state.decided_by, state.awaiting, goal, None))
    return tuple(found)
