"""The live state of a tie while its deciding match is played, as a fold over match events.

``apply(state, event) -> state`` is the only way a state moves on: a goal, the clock, the
shoot-out. Everything a fan asks about (aggregate, away goals, who is through if it ended now)
is derived from the state's scores by the rules engine (``settle_two_legs``/``settle_single``),
so replaying the same events always rebuilds the same answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import reduce

from matchday.errors import (
    ExtraTimeNotDueError,
    GoalCountError,
    MissingDataError,
    RuleError,
    ShootOutNotDueError,
)
from matchday.live.explain import explain_state
from matchday.model import REGULAR_TIME, Goal, Match, Score, Tally, Team, Tie
from matchday.rules import (
    AwayGoals,
    DecidedBy,
    Phase,
    Rules,
    Verdict,
    settle_single,
    settle_two_legs,
)

__all__ = [
    "END_OF_EXTRA_TIME",
    "Clock",
    "Event",
    "LiveState",
    "ShootOut",
    "apply",
    "kickoff",
    "replay",
    "state_at",
]

END_OF_EXTRA_TIME = 120
"""The last minute of extra time (two halves of 15 minutes after the 90)."""


@dataclass(frozen=True, slots=True)
class Clock:
    """The clock reaches ``minute`` (``added`` minutes of stoppage time after it: 90+3)."""

    minute: int
    added: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.minute <= END_OF_EXTRA_TIME or self.added < 0:
            raise ValueError(f"not a match minute: {self.minute}+{self.added}")


@dataclass(frozen=True, slots=True)
class ShootOut:
    """The penalty shoot-out: begun (``result`` ``None``) or over, ``result`` home-away."""

    result: Score | None = None


Event = Goal | Clock | ShootOut
"""What moves a live state on."""


def _clock_text(minute: int, added: int) -> str:
    return f"{minute}+{added}'" if added else f"{minute}'"


@dataclass(frozen=True, slots=True)
class LiveState:
    """A tie at one moment of its deciding match (the second leg, or the only match).

    ``score`` is the deciding match's score now, home team first, extra-time goals included;
    ``after_90`` is its score when regular time ended, set once extra time has begun;
    ``penalties`` is the shoot-out result once it is over. Build states with ``kickoff``,
    ``state_at`` and ``apply``, which check that the moment can happen under the rules.
    """

    tie: Tie
    rules: Rules
    score: Score
    minute: int = 0
    added: int = 0
    phase: Phase = Phase.REGULAR_TIME
    after_90: Score | None = None
    penalties: Score | None = None

    @property
    def match(self) -> Match:
        """The match being played: the second leg, or the only match of a final."""
        return self.tie.last_match

    @property
    def first_leg(self) -> Score | None:
        """The first leg's score (home team first), ``None`` in a single-match tie."""
        return None if self.tie.single_match else self.tie.first_leg.score

    @property
    def clock(self) -> str:
        """The minute as written in reports: ``60'``, ``90+3'``."""
        return _clock_text(self.minute, self.added)

    def settle(self, score: Score) -> Verdict:
        """The rules' verdict if the current phase ended with the match at ``score``.

        In regular time ``score`` is the score at 90 minutes; in extra time, at 120 minutes.
        This is the one place where a live state asks the rules engine.
        """
        second, extra = (score, None) if self.after_90 is None else (self.after_90, score)
        shootout = self.penalties if self.phase is Phase.PENALTIES else None
        if self.tie.single_match:
            return settle_single(
                second, self.rules, extra_time=extra, shootout=shootout, label=self.tie.label
            )
        if self.first_leg is None:
            raise MissingDataError(f"{self.tie.label}: the first leg has no result yet")
        return settle_two_legs(
            self.first_leg,
            second,
            self.rules,
            second_extra_time=extra,
            shootout=shootout,
            label=self.tie.label,
        )

    @property
    def verdict(self) -> Verdict:
        """The verdict if the match ended now (at the end of the current phase)."""
        return self.settle(self.score)

    @property
    def aggregate(self) -> Tally:
        """Goals over both legs so far, ``team1`` first (in a final: the match score)."""
        return self.verdict.aggregate

    @property
    def away_goals(self) -> Tally | None:
        """Away goals, ``team1`` first, where the rules still use them at this point.

        ``None`` in a single match, under rules without away goals, and from extra time on
        under rules that count away goals after 90 minutes only.
        """
        counted = self.phase is Phase.REGULAR_TIME or (
            self.rules.away_goals is AwayGoals.INCLUDING_EXTRA_TIME
        )
        return self.verdict.away_goals if counted else None

    @property
    def through(self) -> Team | None:
        """The team that would go through if the match ended now; ``None`` while level."""
        winner = self.verdict.winner
        if winner is None:
            return None
        return self.tie.team1 if winner == 1 else self.tie.team2

    @property
    def decided_by(self) -> DecidedBy | None:
        """How ``through`` would go through (aggregate, away goals, ...)."""
        return self.verdict.decided_by

    @property
    def awaiting(self) -> Phase | None:
        """The phase a level tie would go to if the match ended now (extra time, penalties)."""
        return self.verdict.awaiting

    @property
    def standing(self) -> Team | Phase | None:
        """Who is through, else the phase the tie is heading for: what a turning point changes."""
        return self.through or self.awaiting

    @property
    def next_phase(self) -> Phase | None:
        """The phase that a level score at the end of the current phase leads to, if any."""
        if self.phase is Phase.REGULAR_TIME and self.rules.extra_time:
            return Phase.EXTRA_TIME
        if self.phase is not Phase.PENALTIES and self.rules.penalties:
            return Phase.PENALTIES
        return None

    @property
    def explanation(self) -> str:
        """One line of English: who is through and why, or where a level tie is heading."""
        return explain_state(self)


def kickoff(tie: Tie, rules: Rules) -> LiveState:
    """The state at kick-off of the tie's deciding match, 0-0.

    A two-legged tie needs its first leg's result (``MissingDataError`` otherwise).
    """
    if not tie.single_match and tie.first_leg.score is None:
        raise MissingDataError(f"{tie.label}: the first leg has no result yet")
    return LiveState(tie, rules, Score(0, 0))


def apply(state: LiveState, event: Event) -> LiveState:
    """The state after ``event``; a ``RuleError`` when the event cannot happen then.

    Goals and the clock only move forward; extra time begins only if the tie is level after
    90 minutes, the shoot-out only if it is level when the rules call for one.
    """
    if isinstance(event, ShootOut):
        return _shootout(state, event)
    minute, added = event.minute, event.added
    if (minute, added) < (state.minute, state.added):
        raise RuleError(state.tie.label, f"{_clock_text(minute, added)} comes before {state.clock}")
    if state.phase is Phase.PENALTIES:
        raise RuleError(state.tie.label, f"play at {_clock_text(minute, added)} after penalties")
    if minute > REGULAR_TIME and state.phase is Phase.REGULAR_TIME:
        state = _extra_time(state, _clock_text(minute, added))
    state = replace(state, minute=minute, added=added)
    if isinstance(event, Clock):
        return state
    return replace(state, score=_add_goal(state, event))


def replay(tie: Tie, rules: Rules, events: Iterable[Event]) -> LiveState:
    """The state after ``events``, folded one by one from kick-off."""
    return reduce(apply, events, kickoff(tie, rules))


def state_at(
    tie: Tie,
    rules: Rules,
    score: Score,
    minute: int = 0,
    added: int = 0,
    *,
    after_90: Score | None = None,
) -> LiveState:
    """The state with the deciding match at ``score`` (home first) at ``minute``+``added``.

    After the 90th minute the score at 90 minutes matters only to check that the tie went to
    extra time: under every away-goals setting all scores at 90 that left the tie level give the
    same answers, so when ``after_90`` is not given the one with the fewest extra-time goals is
    used. ``ExtraTimeNotDueError`` when no score up to ``score`` left the tie level at 90.
    """
    start = kickoff(tie, rules)
    if minute <= REGULAR_TIME:
        if after_90 is not None:
            raise ValueError(f"a score after 90 minutes ({after_90}) at {minute}'")
        return apply(replace(start, score=score), Clock(minute, added))
    level = after_90 if after_90 is not None else _level_after_90(start, score, minute, added)
    if not score.covers(level):
        raise RuleError(tie.label, f"score {score} is lower than {level} after 90 minutes")
    in_extra_time = apply(replace(start, score=level, minute=REGULAR_TIME), Clock(minute, added))
    return replace(in_extra_time, score=score)


def _level_after_90(start: LiveState, score: Score, minute: int, added: int) -> Score:
    candidates = sorted(
        (Score(home, away) for home in range(score.home + 1) for away in range(score.away + 1)),
        key=lambda s: -(s.home + s.away),
    )
    for candidate in candidates:
        if start.settle(candidate).awaiting is Phase.EXTRA_TIME:
            return candidate
    raise ExtraTimeNotDueError(
        start.tie.label,
        f"no extra time at {score} ({_clock_text(minute, added)}): every score at 90 minutes "
        f"up to {score} decides the tie",
    )


def _extra_time(state: LiveState, when: str) -> LiveState:
    if state.awaiting is not Phase.EXTRA_TIME:
        raise ExtraTimeNotDueError(
            state.tie.label, f"no extra time at {when}: {state.explanation} after 90 minutes"
        )
    return replace(state, phase=Phase.EXTRA_TIME, after_90=state.score, minute=REGULAR_TIME)


def _add_goal(state: LiveState, goal: Goal) -> Score:
    if goal.team == state.match.home:
        return Score(state.score.home + 1, state.score.away)
    if goal.team == state.match.away:
        return Score(state.score.home, state.score.away + 1)
    raise GoalCountError(state.tie.label, f"goal for {goal.team}, who do not play here")


def _shootout(state: LiveState, event: ShootOut) -> LiveState:
    if state.phase is not Phase.PENALTIES:
        if state.awaiting is not Phase.PENALTIES:
            raise ShootOutNotDueError(
                state.tie.label, f"no shoot-out at {state.clock}: {state.explanation}"
            )
        state = replace(state, phase=Phase.PENALTIES)
    elif state.penalties is not None:
        raise RuleError(state.tie.label, f"the shoot-out already ended {state.penalties}")
    if event.result is not None and event.result.level:
        raise RuleError(state.tie.label, f"a shoot-out cannot end level ({event.result})")
    return replace(state, penalties=event.result)
