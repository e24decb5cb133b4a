"""Who was through after every goal of a deciding match, and the spells between the changes.

This is a small adapter over the goal events and the rules engine's own arithmetic
(``settle_two_legs`` / ``settle_single``): the report needs the turning points of a played
match, nothing more. ``matchday.live`` owns the live state of a tie; this module only replays
recorded goals to find when the side going through changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from matchday.model import Goal, Match, Score, Tally, Team, Tie
from matchday.rules import DecidedBy, Phase, Rules, Verdict, settle_single, settle_two_legs

__all__ = ["Moment", "Spell", "replay", "spells"]


@dataclass(frozen=True, slots=True)
class Moment:
    """The state of a tie right after ``goal`` (``None``: at kick-off of the deciding match).

    ``through`` is the side that would go through if the match ended there; ``None`` while the
    tie is level and heading for extra time or penalties (``awaiting`` says which).
    """

    goal: Goal | None
    score: Score
    aggregate: Tally
    through: Team | None
    decided_by: DecidedBy | None
    awaiting: Phase | None


@dataclass(frozen=True, slots=True)
class Spell:
    """A stretch of the match during which the same side was through (or the tie level).

    ``decided_by`` is the basis on which ``through`` went through all spell long, ``None`` when
    it changed within the spell (say from aggregate to away goals). ``start`` is the goal that began it (``None``: from kick-off), ``end`` the goal that ended
    it (``None``: to the final whistle).
    """

    through: Team | None
    decided_by: DecidedBy | None
    awaiting: Phase | None
    start: Goal | None
    end: Goal | None


def _in_order(goals: tuple[Goal, ...]) -> tuple[Goal, ...]:
    return tuple(sorted(goals, key=lambda g: (g.minute, g.added)))


def _state(tie: Tie, match: Match, score: Score, rules: Rules, extra: bool) -> Verdict:
    """The verdict if the deciding match ended at ``score`` (after 90' or, if ``extra``, 120')."""
    assert match.score is not None
    if tie.single_match:
        if extra:
            return settle_single(match.score, rules, extra_time=score)
        return settle_single(score, rules)
    first = tie.first_leg.score
    assert first is not None
    if extra:
        return settle_two_legs(first, match.score, rules, second_extra_time=score)
    return settle_two_legs(first, score, rules)


def _moment(tie: Tie, goal: Goal | None, score: Score, verdict: Verdict) -> Moment:
    through = None if verdict.winner is None else tie.teams[verdict.winner - 1]
    return Moment(goal, score, verdict.aggregate, through, verdict.decided_by, verdict.awaiting)


def replay(tie: Tie, rules: Rules) -> tuple[Moment, ...]:
    """The state at kick-off of the deciding match and after each of its recorded goals.

    Empty when the deciding match has not been played or its goals are not on record.
    """
    match = tie.last_match
    if match.score is None or match.goals is None:
        return ()
    if not tie.single_match and tie.first_leg.score is None:
        return ()
    score = Score(0, 0)
    moments = [_moment(tie, None, score, _state(tie, match, score, rules, extra=False))]
    for goal in _in_order(match.goals):
        home = goal.team == match.home
        score = Score(score.home + home, score.away + (not home))
        verdict = _state(tie, match, score, rules, extra=goal.in_extra_time)
        moments.append(_moment(tie, goal, score, verdict))
    return tuple(moments)


def spells(moments: tuple[Moment, ...]) -> tuple[Spell, ...]:
    """The moments grouped into spells with the same side through; a new spell is a turn."""
    found: list[Spell] = []
    for moment in moments:
        if found and found[-1].through == moment.through:
            if found[-1].decided_by != moment.decided_by:
                found[-1] = _with_basis(found[-1], None)
            continue
        if found:
            found[-1] = _ended(found[-1], moment.goal)
        found.append(Spell(moment.through, moment.decided_by, moment.awaiting, moment.goal, None))
    return tuple(found)


def _ended(spell: Spell, goal: Goal | None) -> Spell:
    return Spell(spell.through, spell.decided_by, spell.awaiting, spell.start, goal)


def _with_basis(spell: Spell, basis: DecidedBy | None) -> Spell:
    return Spell(spell.through, basis, spell.awaiting, spell.start, spell.end)
