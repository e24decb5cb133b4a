"""Settling a tie from its scores: the rules engine's arithmetic, on plain scores.

``settle_two_legs`` and ``settle_single`` look only at scores, so that ``decide`` (recorded
results) and the live module (a second leg in progress) share one implementation of the rules.
A tie that is level where the next phase would begin is *awaiting* that phase.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from matchday.errors import ExtraTimeNotDueError, RuleError, ShootOutNotDueError
from matchday.model.score import Score, Tally
from matchday.rules.presets import AwayGoals, ExtraTime, Rules
from matchday.source import SourceRef

__all__ = ["DecidedBy", "Phase", "Verdict", "settle_single", "settle_two_legs"]

TieTeam = Literal[1, 2]
"""Team 1 hosts the first leg; team 2 is away in it."""


class DecidedBy(StrEnum):
    """What settled a tie.

    The settling functions say ``EXTRA_TIME`` or ``SINGLE_MATCH_EXTRA_TIME`` for any extra time
    (the live state reads them); ``decide`` names a golden or silver goal where the rules played
    one, and ``REPLAY``, ``LOTS`` and ``OFF_THE_PITCH`` for ties the legs did not settle.
    """

    AGGREGATE = "aggregate"
    AWAY_GOALS = "away_goals"
    EXTRA_TIME = "extra_time"
    AWAY_GOALS_EXTRA_TIME = "away_goals_extra_time"
    PENALTIES = "penalties"
    SINGLE_MATCH = "single_match"
    SINGLE_MATCH_EXTRA_TIME = "single_match_extra_time"
    SINGLE_MATCH_PENALTIES = "single_match_penalties"
    GOLDEN_GOAL = "golden_goal"
    SILVER_GOAL = "silver_goal"
    REPLAY = "replay"
    LOTS = "lots"
    OFF_THE_PITCH = "off_the_pitch"


class Phase(StrEnum):
    """The phases of the deciding match."""

    REGULAR_TIME = "regular time"
    EXTRA_TIME = "extra time"
    PENALTIES = "penalties"
    REPLAY = "replay"
    LOTS = "lots"


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a tie's scores settle: a winner and how, or the phase the tie is waiting for.

    ``winner`` and ``decided_by`` are both set or both ``None``. When they are ``None``,
    ``awaiting`` names the phase that would decide the tie, or is ``None`` if the rules offer none.
    """

    aggregate: Tally
    away_goals: Tally | None
    winner: TieTeam | None = None
    decided_by: DecidedBy | None = None
    awaiting: Phase | None = None


@dataclass(frozen=True, slots=True)
class _Context:
    label: str
    where: SourceRef | None

    def forbid(self, recorded: object, error: type[RuleError], problem: str) -> None:
        if recorded is not None:
            raise error(self.label, problem, self.where)


def _leader(tally: Tally) -> TieTeam:
    return 1 if tally.team1 > tally.team2 else 2


def settle_two_legs(
    first: Score,
    second: Score,
    rules: Rules,
    *,
    second_extra_time: Score | None = None,
    shootout: Score | None = None,
    label: str = "tie",
    where: SourceRef | None = None,
) -> Verdict:
    """Settle a two-legged tie from the first leg's score and the second leg's scores.

    ``second`` is the second leg after 90 minutes (home = team 2), ``second_extra_time`` its
    cumulative score after extra time, ``shootout`` its penalty shoot-out. Extra time or a
    shoot-out recorded where the rules do not reach them raises a ``RuleError``.
    """
    ctx = _Context(label, where)
    use_away = rules.away_goals is not AwayGoals.NONE
    aggregate = Tally(first.home + second.away, first.away + second.home)
    away = Tally(second.away, first.away) if use_away else None
    if not aggregate.level or (away is not None and not away.level):
        by_aggregate = not aggregate.level
        problem = "the tie was decided after 90 minutes of the second leg"
        ctx.forbid(second_extra_time, ExtraTimeNotDueError, f"extra time recorded but {problem}")
        ctx.forbid(shootout, ShootOutNotDueError, f"shoot-out recorded but {problem}")
        decisive = aggregate if by_aggregate or away is None else away
        return Verdict(
            aggregate,
            away,
            _leader(decisive),
            DecidedBy.AGGREGATE if by_aggregate else DecidedBy.AWAY_GOALS,
        )
    if rules.extra_time:
        if second_extra_time is None:
            ctx.forbid(shootout, RuleError, "shoot-out recorded without the extra time before it")
            return Verdict(aggregate, away, awaiting=Phase.EXTRA_TIME)
        in_extra = second_extra_time.minus(second)
        aggregate = aggregate + Tally(in_extra.away, in_extra.home)
        if away is not None and rules.away_goals is AwayGoals.INCLUDING_EXTRA_TIME:
            away = away + Tally(in_extra.away, 0)
        if not aggregate.level or (away is not None and not away.level):
            by_aggregate = not aggregate.level
            decisive = aggregate if by_aggregate or away is None else away
            ctx.forbid(shootout, ShootOutNotDueError, "shoot-out recorded but extra time decided")
            _check_sudden_death(ctx, rules, in_extra)
            how = DecidedBy.EXTRA_TIME if by_aggregate else DecidedBy.AWAY_GOALS_EXTRA_TIME
            return Verdict(aggregate, away, _leader(decisive), how)
    else:
        ctx.forbid(second_extra_time, ExtraTimeNotDueError, f"{rules.name} has no extra time")
    # In the second leg team 2 is at home, so its shoot-out score is the home score.
    flipped = None if shootout is None else Tally(shootout.away, shootout.home)
    return _shootout(ctx, aggregate, away, rules, flipped)


def settle_single(
    score: Score,
    rules: Rules,
    *,
    extra_time: Score | None = None,
    shootout: Score | None = None,
    label: str = "match",
    where: SourceRef | None = None,
) -> Verdict:
    """Settle a one-match tie (a final): 90 minutes, then extra time, then penalties."""
    ctx = _Context(label, where)
    result = Tally(score.home, score.away)
    if not result.level:
        problem = "the match was decided after 90 minutes"
        ctx.forbid(extra_time, ExtraTimeNotDueError, f"extra time recorded but {problem}")
        ctx.forbid(shootout, ShootOutNotDueError, f"shoot-out recorded but {problem}")
        return Verdict(result, None, _leader(result), DecidedBy.SINGLE_MATCH)
    if rules.extra_time:
        if extra_time is None:
            ctx.forbid(shootout, RuleError, "shoot-out recorded without the extra time before it")
            return Verdict(result, None, awaiting=Phase.EXTRA_TIME)
        result = Tally(extra_time.home, extra_time.away)
        if not result.level:
            ctx.forbid(shootout, ShootOutNotDueError, "shoot-out recorded but extra time decided")
            _check_sudden_death(ctx, rules, extra_time.minus(score))
            how = DecidedBy.SINGLE_MATCH_EXTRA_TIME
            return Verdict(result, None, _leader(result), how)
    else:
        ctx.forbid(extra_time, ExtraTimeNotDueError, f"{rules.name} has no extra time")
    shootout_tally = None if shootout is None else Tally(shootout.home, shootout.away)
    verdict = _shootout(ctx, result, None, rules, shootout_tally)
    if verdict.decided_by is DecidedBy.PENALTIES:
        return Verdict(result, None, verdict.winner, DecidedBy.SINGLE_MATCH_PENALTIES)
    return verdict


def _check_sudden_death(ctx: _Context, rules: Rules, in_extra: Score) -> None:
    """A golden goal ends extra time: exactly one goal can be scored in it."""
    goals = in_extra.home + in_extra.away
    if rules.extra_time is ExtraTime.GOLDEN_GOAL and goals != 1:
        raise ExtraTimeNotDueError(
            ctx.label,
            f"{goals} goals in extra time, but under {rules.name} the first goal ends it",
            ctx.where,
        )


def _shootout(
    ctx: _Context, aggregate: Tally, away: Tally | None, rules: Rules, shootout: Tally | None
) -> Verdict:
    if not rules.penalties:
        ctx.forbid(shootout, ShootOutNotDueError, f"{rules.name} has no penalty shoot-out")
        if rules.replay:
            return Verdict(aggregate, away, awaiting=Phase.REPLAY)
        if rules.lots:
            return Verdict(aggregate, away, awaiting=Phase.LOTS)
        return Verdict(aggregate, away)
    if shootout is None:
        return Verdict(aggregate, away, awaiting=Phase.PENALTIES)
    return Verdict(aggregate, away, _leader(shootout), DecidedBy.PENALTIES)
