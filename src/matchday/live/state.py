"""One match, one state: a match's events folded under the rules of its tie.

``apply(state, event) -> state`` is the only way a state moves on. It accepts only what can
happen at that point of the match (no goal before kick-off or after full time, half-time once,
extra time only when the tie is level after 90 minutes, a shoot-out only when it is level after
that) and settles the tie's verdict once, storing it in the state: the feed checks posted events
with it, and live, the in-play forecast, the store, the service and the report read its result.
Events are folded in the order they were posted; a goal entered late (a first-half goal posted
during the second half) is fine as long as its minute fits a period already played.

The verdict is "if the match ended now": at the end of the current phase (regular time, extra
time, the shoot-out), as the rules engine (``settle``, the one dispatch between a two-legged tie
and a single match) says. Reasons are data (``Verdict.decided_by``, ``Phase``); sentences are
made at the edges.

Every rule value is followed: a golden goal ends extra time at once (the match is over with
the goal); a silver goal ends it at its half-time (105 minutes) when a side leads then; under
rules with a replay a drawn match ends with the tie awaiting its replay (``Phase.REPLAY``: not
decided, the replay is part of the tie), and under drawing of lots with the tie awaiting lots
(``Phase.LOTS``): decided off the pitch, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import reduce
from typing import Any

from matchday.errors import (
    ExtraTimeNotDueError,
    MatchEventError,
    MissingDataError,
    ShootOutNotDueError,
)
from matchday.live.events import EventKind, MatchEvent, Period
from matchday.model import (
    EXTRA_TIME_END,
    HALF_TIME,
    REGULAR_TIME,
    Goal,
    Match,
    RedCard,
    Score,
    Side,
    Tally,
    Team,
    Tie,
    clock_text,
    goal_from_data,
    incident_data,
    red_card_from_data,
)
from matchday.rules import (
    AwayGoals,
    DecidedBy,
    ExtraTime,
    Phase,
    Rules,
    Verdict,
    settle_single,
    settle_two_legs,
)

__all__ = [
    "Fixture",
    "MatchState",
    "Role",
    "apply",
    "fold",
    "restore",
    "settle",
    "start",
    "state_data",
]

NIL_NIL = Score(0, 0)
"""The score at kick-off."""

_SUDDEN = {
    ExtraTime.GOLDEN_GOAL: DecidedBy.GOLDEN_GOAL,
    ExtraTime.SILVER_GOAL: DecidedBy.SILVER_GOAL,
}
"""How a tie won in extra time is decided where a goal in it ends extra time early."""

EXTRA_TIME_HALF = 105
"""The minute of extra time's half-time, where a silver goal ends it."""

ADDED_TIME_AFTER = (HALF_TIME, REGULAR_TIME, EXTRA_TIME_HALF, EXTRA_TIME_END)
"""The minutes after which added time is written (45+2, 90+4, 105+1, 120+3)."""


def settle(
    first_leg: Score | None,
    after_90: Score,
    rules: Rules,
    extra_time: Score | None = None,
    shootout: Score | None = None,
    label: str = "tie",
) -> Verdict:
    """The rules' verdict on a tie whose deciding match stands at these scores (home first):
    a two-legged tie when ``first_leg`` is given, else a single match. The one place that
    chooses between ``settle_two_legs`` and ``settle_single``."""
    if first_leg is None:
        return settle_single(after_90, rules, extra_time=extra_time, shootout=shootout, label=label)
    return settle_two_legs(
        first_leg,
        after_90,
        rules,
        second_extra_time=extra_time,
        shootout=shootout,
        label=label,
    )


class Role(StrEnum):
    """A match's place in its round: which rules decide what happens at full time."""

    FIRST_LEG = "first_leg"
    SECOND_LEG = "second_leg"
    SINGLE_MATCH = "single_match"
    OTHER = "other"
    """A group or league match: it simply ends at full time."""

    @property
    def deciding(self) -> bool:
        """True for the match in which a tie is decided."""
        return self in (Role.SECOND_LEG, Role.SINGLE_MATCH)


@dataclass(frozen=True, slots=True)
class Fixture:
    """A match to be followed: the match as scheduled (or as uploaded, with its result), its
    role, the rules, for a second leg the first leg as played, and the round's name."""

    match: Match
    role: Role
    rules: Rules
    first_leg: Match | None = None
    round: str = ""

    @classmethod
    def of(cls, tie: Tie, rules: Rules, leg: int | None = None) -> Fixture:
        """Leg ``leg`` (1 or 2; default the deciding match: the last leg, or the last replay)
        of ``tie``, as scheduled; the numbers after the legs are its replays, each a single
        match under the rules a replay of ``rules`` is played under (``Rules.replay_rules``:
        the replay is part of the tie; the FA Cup's goes to extra time and penalties). A tie
        whose second leg is not in the source yet (``Tie.second_leg_to_come``) has no deciding
        match to follow: ``MissingDataError``."""
        index = len(tie.matches) - 1 if leg is None else leg - 1
        if tie.second_leg_to_come and (leg is None or index >= len(tie.legs)):
            raise MissingDataError(
                f"{tie.label}: the second leg, the deciding match, is not in the source yet "
                f"(first leg {tie.first_leg.score or 'not played'})"
            )
        if index >= len(tie.legs):
            replay = tie.replays[index - len(tie.legs)].scheduled
            return cls(replay, Role.SINGLE_MATCH, rules.replay_rules, None, tie.round)
        match = tie.legs[index].scheduled
        if tie.single_match:
            return cls(match, Role.SINGLE_MATCH, rules, None, tie.round)
        if index == 0:
            return cls(match, Role.FIRST_LEG, rules, None, tie.round)
        return cls(match, Role.SECOND_LEG, rules, tie.first_leg, tie.round)

    @property
    def leg(self) -> int:
        """1 for a first leg, a single match or any other match; 2 for a second leg."""
        return 2 if self.role is Role.SECOND_LEG else 1

    @property
    def teams(self) -> tuple[Team, Team]:
        """The tie's teams, team 1 (host of the first leg) first."""
        first = self.first_leg or self.match
        return (first.home, first.away)

    @property
    def label(self) -> str:
        """How errors name it: the tie (``Team1 v Team2 (round)``) when the round is known
        and the match decides it, else the match."""
        if self.round and self.role.deciding:
            return "{} v {} ({})".format(*self.teams, self.round)
        return self.match.label

    def fail(self, problem: str) -> MatchEventError:
        """A ``MatchEventError`` naming this match."""
        return MatchEventError(self.label, problem)

    def settle(
        self, after_90: Score, extra_time: Score | None = None, shootout: Score | None = None
    ) -> Verdict | None:
        """The rules' verdict on the tie with this match at these scores; ``None`` when the
        match does not decide a tie (or a second leg's first leg has no result)."""
        if self.role is Role.SINGLE_MATCH:
            return settle(None, after_90, self.rules, extra_time, shootout, self.label)
        if self.role is Role.SECOND_LEG and self.first_leg and self.first_leg.score is not None:
            first = self.first_leg.score
            return settle(first, after_90, self.rules, extra_time, shootout, self.label)
        return None


@dataclass(frozen=True, slots=True)
class MatchState:
    """A match as its events have built it so far, and what it means for its tie.

    ``score`` is the score now, home first, extra-time goals included (counted once, as goals
    come in); ``after_90`` the score when regular time ended, set once extra time has begun;
    ``extra_time`` the score after 120 minutes; ``penalties`` the shoot-out's result;
    ``minute``/``added`` the clock. ``verdict`` is the tie's verdict if the match ended now
    (``None`` before kick-off and for a match that decides no tie), settled by ``apply``;
    ``turns`` are the goals after which the side going through changed.
    """

    fixture: Fixture
    period: Period = Period.NOT_STARTED
    score: Score = NIL_NIL
    goals: tuple[Goal, ...] = ()
    red_cards: tuple[RedCard, ...] = ()
    half_time: Score | None = None
    after_90: Score | None = None
    extra_time: Score | None = None
    penalties: Score | None = None
    minute: int = 0
    added: int = 0
    verdict: Verdict | None = None
    turns: tuple[Goal, ...] = ()

    @property
    def rules(self) -> Rules:
        """The rules of the match's competition and era."""
        return self.fixture.rules

    @property
    def finished(self) -> bool:
        """True once the match is over and its result is complete."""
        return self.period is Period.FINISHED

    @property
    def match(self) -> Match:
        """The match with its result once finished, else the scheduled match as it was."""
        scheduled = self.fixture.match
        if not self.finished or scheduled.played:
            return scheduled
        return replace(
            scheduled,
            score=self.after_90 or self.score,
            half_time=self.half_time,
            extra_time=self.extra_time,
            penalties=self.penalties,
            goals=tuple(sorted(self.goals, key=lambda g: (g.minute, g.added))),
            red_cards=tuple(sorted(self.red_cards, key=lambda c: (c.minute, c.added))),
        )

    @property
    def tie(self) -> Tie:
        """The tie this match decides, with this match as it stands (as scheduled until it
        is over); ``MissingDataError`` for a match that decides no tie."""
        fixture = self.fixture
        if fixture.role is Role.SINGLE_MATCH:
            return Tie(fixture.round, (self.match,), 1)
        if fixture.role is Role.SECOND_LEG and fixture.first_leg is not None:
            return Tie(fixture.round, (fixture.first_leg, self.match), 2)
        raise MissingDataError(f"{fixture.match.label}: this match decides no tie")

    @property
    def first_leg(self) -> Score | None:
        """The first leg's score (home team first), ``None`` in a single-match tie."""
        first = self.fixture.first_leg
        return None if first is None else first.score

    @property
    def clock(self) -> str:
        """The minute as written in reports: ``60'``, ``90+3'``."""
        return clock_text(self.minute, self.added)

    @property
    def phase(self) -> Phase:
        """The phase of play the verdict is taken at: regular time until extra time begins,
        penalties from the start of a shoot-out."""
        if self.period is Period.PENALTIES or self.penalties is not None:
            return Phase.PENALTIES
        if self.after_90 is not None:
            return Phase.EXTRA_TIME
        return Phase.REGULAR_TIME

    @property
    def sent_off(self) -> tuple[int, int]:
        """Players sent off so far (home, away)."""
        home = sum(1 for card in self.red_cards if card.team == self.fixture.match.home)
        return home, len(self.red_cards) - home

    def settle(self, score: Score) -> Verdict:
        """The verdict if the current phase ended with the match at ``score``: in regular
        time the score at 90 minutes, in extra time the score at 120."""
        second, extra = (score, None) if self.after_90 is None else (self.after_90, score)
        shootout = self.penalties if self.phase is Phase.PENALTIES else None
        verdict = self.fixture.settle(second, extra, shootout)
        if verdict is None:
            raise MissingDataError(f"{self.fixture.label}: this match decides no tie")
        return verdict

    @property
    def ruling(self) -> Verdict:
        """``verdict``, for a match that decides a tie (``MissingDataError`` otherwise)."""
        if self.verdict is None:
            raise MissingDataError(f"{self.fixture.label}: no verdict before kick-off")
        return self.verdict

    @property
    def aggregate(self) -> Tally:
        """Goals over both legs so far, ``team1`` first (in a final: the match score)."""
        return self.ruling.aggregate

    @property
    def away_goals(self) -> Tally | None:
        """Away goals, ``team1`` first, where the rules still use them at this point.

        ``None`` in a single match, under rules without away goals, and from extra time on
        under rules that count away goals after 90 minutes only.
        """
        counted = self.phase is Phase.REGULAR_TIME or (
            self.rules.away_goals is AwayGoals.INCLUDING_EXTRA_TIME
        )
        return self.ruling.away_goals if counted else None

    @property
    def through(self) -> Team | None:
        """The team that would go through if the match ended now; ``None`` while level."""
        winner = None if self.verdict is None else self.verdict.winner
        return None if winner is None else self.fixture.teams[winner - 1]

    @property
    def decided_by(self) -> DecidedBy | None:
        """How ``through`` would go through (aggregate, away goals, ...; a goal in extra time
        under the golden or silver goal as ``GOLDEN_GOAL`` or ``SILVER_GOAL``, as ``decide``
        names it)."""
        by = None if self.verdict is None else self.verdict.decided_by
        if by in (DecidedBy.EXTRA_TIME, DecidedBy.SINGLE_MATCH_EXTRA_TIME):
            return _SUDDEN.get(self.rules.extra_time, by)  # named as ``decide`` names it
        return by

    @property
    def awaiting(self) -> Phase | None:
        """The phase a level tie would go to if the match ended now (extra time, penalties)."""
        return None if self.verdict is None else self.verdict.awaiting

    @property
    def standing(self) -> Team | Phase | None:
        """Who is through, else the phase the tie is heading for: what a turning point changes."""
        return self.through or self.awaiting

    @property
    def next_phase(self) -> Phase | None:
        """The phase that a level score at the end of the current phase leads to, if any:
        extra time, then penalties, or where there are none a replay or drawing of lots."""
        if self.phase is Phase.REGULAR_TIME and self.rules.extra_time:
            return Phase.EXTRA_TIME
        if self.phase is not Phase.PENALTIES:
            if self.rules.penalties:
                return Phase.PENALTIES
            if self.rules.replay:
                return Phase.REPLAY
            if self.rules.lots:
                return Phase.LOTS
        return None

    def with_goal(self, side: Side) -> MatchState:
        """The state had ``side`` scored once more now, in the current phase (what "the next
        goal" changes), whatever the period: at full time, as if regular time (or extra time)
        went on."""
        goal = Goal(max(self.minute, 1), self.fixture.match.team(side), added=self.added)
        scored = _scored(self, goal)
        if self.extra_time is not None:  # over after extra time: as if extra time went on
            scored = replace(scored, extra_time=scored.score)
        return _settled(self, scored, goal)


def _period_text(period: Period) -> str:
    texts = {
        Period.NOT_STARTED: "before kick-off",
        Period.FIRST_HALF: "in the first half",
        Period.HALF_TIME: "at half-time",
        Period.SECOND_HALF: "in the second half",
        Period.BEFORE_EXTRA_TIME: "after full time",
        Period.EXTRA_TIME: "in extra time",
        Period.PENALTIES: "after full time, with the shoot-out to come",
        Period.FINISHED: "after full time",
    }
    return texts[period]


def _later(state: MatchState, minute: int, added: int = 0) -> tuple[int, int]:
    return max((state.minute, state.added), (minute, added))


def _whistle_at(state: MatchState, event: MatchEvent, what: str, *at: int) -> MatchState:
    """``state`` with the clock at a whistle's minute, where the event gives one: a match
    minute, one of the minutes ``at`` that whistle blows at (45 for half-time, 90 or 120 for
    full time, added time aside; none given: any) and, for a whistle that ends play, not
    before the clock (a kick-off's 46' may follow 45+3'; the clock never runs back)."""
    if event.minute is None:
        return state
    minute, added = _check_minute(state, event, what)
    if at and minute not in at:
        minutes = " or ".join(f"{m}'" for m in at)
        raise state.fixture.fail(f"{what} at {event.clock}: it comes at {minutes} here")
    ends_play = event.kind in (EventKind.HALF_TIME, EventKind.FULL_TIME)
    if ends_play and (minute, added) < (state.minute, state.added):
        raise state.fixture.fail(f"{what} at {event.clock} comes before {state.clock}")
    minute, added = _later(state, minute, added)
    return replace(state, minute=minute, added=added)


def _kick_off(state: MatchState, event: MatchEvent) -> MatchState:
    fixture = state.fixture
    if state.period is Period.NOT_STARTED:
        first = fixture.first_leg
        if fixture.role is Role.SECOND_LEG and (first is None or first.score is None):
            raise fixture.fail("the first leg has no result yet")
        return replace(_whistle_at(state, event, "kick-off", 1), period=Period.FIRST_HALF)
    if state.period is Period.HALF_TIME:
        state = _whistle_at(state, event, "kick-off", HALF_TIME, HALF_TIME + 1)
        minute, added = _later(state, HALF_TIME)
        return replace(state, period=Period.SECOND_HALF, minute=minute, added=added)
    if state.period is Period.BEFORE_EXTRA_TIME:
        return _start_extra_time(_whistle_at(state, event, "kick-off", *_EXTRA_TIME_START))
    raise fixture.fail(f"no kick-off during {state.period.value.replace('_', ' ')}")


_EXTRA_TIME_START = (REGULAR_TIME, REGULAR_TIME + 1)
"""The minutes extra time kicks off at."""


def _start_extra_time(state: MatchState) -> MatchState:
    minute, added = _later(state, REGULAR_TIME)
    return replace(
        state, period=Period.EXTRA_TIME, after_90=state.score, minute=minute, added=added
    )


def _half_time(state: MatchState, event: MatchEvent) -> MatchState:
    if state.period is Period.EXTRA_TIME and state.rules.extra_time is ExtraTime.SILVER_GOAL:
        return _extra_time_half(_whistle_at(state, event, "half-time", EXTRA_TIME_HALF))
    if state.period is not Period.FIRST_HALF:
        raise state.fixture.fail(
            f"half-time only ends the first half, not {_period_text(state.period)}"
        )
    state = _whistle_at(state, event, "half-time", HALF_TIME)
    minute, added = _later(state, HALF_TIME)
    return replace(
        state, period=Period.HALF_TIME, half_time=state.score, minute=minute, added=added
    )


def _extra_time_half(state: MatchState) -> MatchState:
    """Half-time of extra time under the silver goal: over if a side leads, else play on."""
    if state.minute > EXTRA_TIME_HALF:
        raise state.fixture.fail(f"half-time of extra time at {state.clock}, after the 105th")
    minute, added = _later(state, EXTRA_TIME_HALF)
    if state.through is not None:
        return _ended_in_extra_time(state, minute, added)
    return replace(state, minute=minute, added=added)


def _ended_in_extra_time(state: MatchState, minute: int, added: int) -> MatchState:
    """The match over in extra time before its 120 minutes (a golden or silver goal)."""
    return replace(
        state, period=Period.FINISHED, extra_time=state.score, minute=minute, added=added
    )


def _sudden_end(state: MatchState) -> MatchState:
    """``state`` ended at once where a golden goal has just decided the tie."""
    golden = state.rules.extra_time is ExtraTime.GOLDEN_GOAL
    if golden and state.period is Period.EXTRA_TIME and state.through is not None:
        return _ended_in_extra_time(state, state.minute, state.added)
    return state


def _full_time(state: MatchState, event: MatchEvent) -> MatchState:
    verdict = state.verdict
    if state.period in (Period.HALF_TIME, Period.SECOND_HALF):
        state = _whistle_at(state, event, "full time", REGULAR_TIME)
        minute, added = _later(state, REGULAR_TIME)
        period = _next_period(verdict, Period.BEFORE_EXTRA_TIME)
        return replace(state, period=period, minute=minute, added=added)
    if state.period is Period.EXTRA_TIME:
        state = _whistle_at(state, event, "full time", EXTRA_TIME_END)
        minute, added = _later(state, EXTRA_TIME_END)
        period = _next_period(verdict, None)
        return replace(state, period=period, extra_time=state.score, minute=minute, added=added)
    if state.period is Period.FIRST_HALF:
        raise state.fixture.fail("full time before half-time")
    if _ended_early(state):  # the referee's whistle after the golden or silver goal that ended it
        _whistle_at(state, event, "full time")
        return state
    raise state.fixture.fail(f"no full time {_period_text(state.period)}")


def _ended_early(state: MatchState) -> bool:
    """Whether a golden or silver goal ended the match in extra time, before its 120th
    minute was played out."""
    return (
        state.period is Period.FINISHED
        and state.penalties is None
        and state.extra_time is not None
        and (state.minute, state.added) < (EXTRA_TIME_END, 0)
    )


def _next_period(verdict: Verdict | None, extra_time: Period | None) -> Period:
    if verdict is None or verdict.winner is not None:
        return Period.FINISHED
    if verdict.awaiting is Phase.EXTRA_TIME and extra_time is not None:
        return extra_time
    if verdict.awaiting is Phase.PENALTIES:
        return Period.PENALTIES
    return Period.FINISHED


def _no_extra_time_reason(state: MatchState) -> str:
    if not state.fixture.role.deciding:
        return "this match does not decide a tie"
    if state.period is Period.PENALTIES:
        return f"{state.rules.name} has no extra time; the shoot-out follows"
    if state.period in (Period.FINISHED, Period.EXTRA_TIME):
        return "the tie is not level after 90 minutes"
    return f"extra time comes after full time, not {_period_text(state.period)}"


def _extra_time(state: MatchState, event: MatchEvent) -> MatchState:
    if state.period is not Period.BEFORE_EXTRA_TIME:
        raise ExtraTimeNotDueError(
            state.fixture.label, f"no extra time: {_no_extra_time_reason(state)}"
        )
    return _start_extra_time(_whistle_at(state, event, "extra time", *_EXTRA_TIME_START))


def _shoot_out(state: MatchState, event: MatchEvent) -> MatchState:
    result = event.shootout
    if not state.rules.penalties and state.fixture.role.deciding:
        then = "replayed" if state.rules.replay else "decided by drawing lots"
        if not (state.rules.replay or state.rules.lots):
            then = "left level"
        raise ShootOutNotDueError(
            state.fixture.label,
            f"{state.rules.name} has no penalty shoot-out: a tie level at the end is {then}",
        )
    if state.period is not Period.PENALTIES:
        if state.period is Period.FINISHED and state.penalties is not None:
            raise state.fixture.fail(f"the shoot-out already ended {state.penalties}")
        where = "after extra time" if state.rules.extra_time else "at full time"
        raise ShootOutNotDueError(
            state.fixture.label,
            f"no shoot-out unless the tie is level {where} ({_period_text(state.period)})",
        )
    if result is None:
        return state
    if result.level:
        raise state.fixture.fail(f"a shoot-out cannot end level ({result})")
    return replace(state, period=Period.FINISHED, penalties=result)


_PERIOD_LAST = {
    Period.NOT_STARTED: 0,
    Period.FIRST_HALF: HALF_TIME,
    Period.HALF_TIME: HALF_TIME,
    Period.SECOND_HALF: REGULAR_TIME,
    Period.BEFORE_EXTRA_TIME: REGULAR_TIME,
    Period.EXTRA_TIME: EXTRA_TIME_END,
}
"""The last minute each period reaches (its added time aside); no minute follows the others."""


def _check_minute(state: MatchState, event: MatchEvent, what: str) -> tuple[int, int]:
    minute = event.minute
    if minute is None:
        raise state.fixture.fail(f"a {what} needs a minute")
    text = event.clock
    lowest = 0 if event.kind is EventKind.CLOCK else 1
    if minute < lowest or event.added < 0 or minute > EXTRA_TIME_END:
        raise state.fixture.fail(f"{text} is not a match minute ({lowest} to 120)")
    if event.added and minute not in ADDED_TIME_AFTER:
        raise state.fixture.fail(
            f"{text}: added time follows the 45th, 90th, 105th or 120th minute"
        )
    return minute, event.added


_IMPLIED = MatchEvent(EventKind.CLOCK)
"""A whistle implied by a later minute (a clock event, a second-half goal at half-time): it
blows when its period ends."""


def _clock(state: MatchState, event: MatchEvent) -> MatchState:
    """The clock moves on to the event's minute, through every whistle in between."""
    minute, added = _check_minute(state, event, "clock")
    if (minute, added) < (state.minute, state.added):
        raise state.fixture.fail(f"{event.clock} comes before {state.clock}")
    while (last := _PERIOD_LAST.get(state.period)) is not None and minute > last:
        if _silver_goal_half(state, minute, added):
            return _extra_time_half(state)
        if state.period is Period.SECOND_HALF:
            state = _settled(state, _full_time(state, _IMPLIED))
            if state.period is not Period.BEFORE_EXTRA_TIME:
                reason = _no_extra_time_reason(state)
                if state.through is not None:
                    reason = f"{state.through} through after 90 minutes"
                raise ExtraTimeNotDueError(
                    state.fixture.label, f"no extra time at {event.clock}: {reason}"
                )
            continue
        whistle = _half_time if state.period is Period.FIRST_HALF else _kick_off
        state = _settled(state, whistle(state, _IMPLIED))
    if state.period is Period.NOT_STARTED:
        state = _settled(state, _kick_off(state, _IMPLIED))
    if _silver_goal_half(state, minute, added):
        return _extra_time_half(state)
    if not state.period.live or state.period is Period.PENALTIES:
        raise state.fixture.fail(f"no play at {event.clock} {_period_text(state.period)}")
    return replace(state, minute=minute, added=added)


def _silver_goal_half(state: MatchState, minute: int, added: int) -> bool:
    """True when the clock passes half-time of extra time under the silver goal with a side
    ahead: extra time ends there (a lead taken in its added time, 105+1', included)."""
    return (
        state.rules.extra_time is ExtraTime.SILVER_GOAL
        and state.period is Period.EXTRA_TIME
        and state.through is not None
        and state.minute <= EXTRA_TIME_HALF < minute
    )


def _in_play(state: MatchState, event: MatchEvent, what: str) -> tuple[MatchState, Team]:
    """Check the minute and side of a goal or red card; move into the second half when a
    second-half minute arrives during the half-time break."""
    minute, added = _check_minute(state, event, what)
    if event.side is None:
        raise state.fixture.fail(f"a {what} needs a minute and a side")
    clock = event.clock
    period = state.period
    if period is Period.HALF_TIME and HALF_TIME < minute <= REGULAR_TIME:
        state = _settled(state, _kick_off(state, _IMPLIED))
        period = Period.SECOND_HALF
    last = {Period.FIRST_HALF: HALF_TIME, Period.HALF_TIME: HALF_TIME}.get(period, REGULAR_TIME)
    if not period.in_play and period is not Period.HALF_TIME:
        raise state.fixture.fail(f"no {what} {_period_text(period)}")
    if period is Period.EXTRA_TIME:
        if minute <= REGULAR_TIME:
            raise state.fixture.fail(f"a {what} at {clock} in extra time (minutes 91 to 120)")
        if minute > EXTRA_TIME_HALF and _led_at_half(state):
            raise state.fixture.fail(
                f"a {what} at {clock}, but {state.through} led at half-time of extra time "
                f"and under {state.rules.name} the silver goal ended the match there"
            )
    elif minute > last:
        raise state.fixture.fail(f"a {what} at {clock} {_period_text(period)}")
    minute, added = _later(state, minute, added)
    return replace(state, minute=minute, added=added), state.fixture.match.team(event.side)


def _led_at_half(state: MatchState) -> bool:
    """Under the silver goal, whether a side led the tie at half-time of extra time (goals
    after the 105th minute aside): then the match ended there."""
    if state.rules.extra_time is not ExtraTime.SILVER_GOAL or state.after_90 is None:
        return False
    early = [g for g in state.goals if REGULAR_TIME < g.minute <= EXTRA_TIME_HALF]
    if len(early) != sum(1 for g in state.goals if g.minute > REGULAR_TIME):
        return False  # a goal after the 105th stands already: play went on, so none led
    return state.through is not None


def _scored(state: MatchState, goal: Goal) -> MatchState:
    """``state`` with ``goal`` counted: the one place a goal changes the score."""
    home = goal.team == state.fixture.match.home
    score = Score(state.score.home + home, state.score.away + (not home))
    return replace(state, score=score, goals=(*state.goals, goal))


def _goal(state: MatchState, event: MatchEvent) -> MatchState:
    if event.own_goal and event.penalty:
        raise state.fixture.fail("a goal is not both an own goal and a penalty")
    state, team = _in_play(state, event, "goal")
    assert event.minute is not None  # checked in _in_play
    goal = Goal(event.minute, team, event.player, event.added, event.own_goal, event.penalty)
    return _scored(state, goal)


def _red_card(state: MatchState, event: MatchEvent) -> MatchState:
    state, team = _in_play(state, event, "red card")
    assert event.minute is not None  # checked in _in_play
    card = RedCard(event.minute, team, event.player, event.added, event.second_yellow)
    return replace(state, red_cards=(*state.red_cards, card))


_HANDLERS: dict[EventKind, Callable[[MatchState, MatchEvent], MatchState]] = {
    EventKind.KICK_OFF: _kick_off,
    EventKind.GOAL: _goal,
    EventKind.RED_CARD: _red_card,
    EventKind.HALF_TIME: _half_time,
    EventKind.FULL_TIME: _full_time,
    EventKind.EXTRA_TIME: _extra_time,
    EventKind.SHOOT_OUT: _shoot_out,
    EventKind.CLOCK: _clock,
}


def _settled(before: MatchState, after: MatchState, goal: Goal | None = None) -> MatchState:
    """``after`` with the tie's verdict settled where the score, the phase or the shoot-out
    changed, and ``goal`` noted as a turn when it changed who goes through."""
    if after.period is Period.NOT_STARTED:
        return after
    key = (after.score, after.phase, after.penalties)
    if after.verdict is not None and key == (before.score, before.phase, before.penalties):
        return after
    second, extra = (after.score, None) if after.after_90 is None else (after.after_90, after.score)
    shootout = after.penalties if after.phase is Phase.PENALTIES else None
    settled = replace(after, verdict=after.fixture.settle(second, extra, shootout))
    if goal is not None and before.verdict is not None and settled.standing != before.standing:
        settled = replace(settled, turns=(*settled.turns, goal))
    return settled


def apply(state: MatchState, event: MatchEvent) -> MatchState:
    """The state after ``event``; a ``RuleError`` (``MatchEventError``, ``ExtraTimeNotDueError``,
    ``ShootOutNotDueError``) when the event cannot happen at this point of the match. A match
    whose result is already on record (it came with the uploaded file) takes no events."""
    if state.fixture.match.played or state.fixture.match.cancelled:
        raise state.fixture.fail("its result is already on record; it takes no events")
    after = _HANDLERS[event.kind](state, event)
    new_goal = after.goals[-1] if len(after.goals) > len(state.goals) else None
    return _sudden_end(_settled(state, after, new_goal))


def start(fixture: Fixture) -> MatchState:
    """The state before any event: before kick-off, or over when the match came with its
    result (an uploaded result: full time, its scores, goals and cards as recorded)."""
    match = fixture.match
    if match.score is None:
        return MatchState(fixture)
    played = MatchState(
        fixture,
        Period.FINISHED,
        match.final_score or match.score,
        match.goals or (),
        match.red_cards or (),
        match.half_time,
        match.score if match.extra_time is not None else None,
        match.extra_time,
        match.penalties,
        EXTRA_TIME_END if match.extra_time is not None else REGULAR_TIME,
    )
    return _settled(played, played)


def fold(fixture: Fixture, events: Iterable[MatchEvent]) -> MatchState:
    """The state after all ``events`` in posted order, each checked by ``apply``."""
    return reduce(apply, events, start(fixture))


def _pair(score: Score | Tally | None) -> list[int] | None:
    if score is None:
        return None
    return [score.home, score.away] if isinstance(score, Score) else [score.team1, score.team2]


def _score(data: Any) -> Score | None:
    return None if data is None else Score(int(data[0]), int(data[1]))


def _tally(data: Any) -> Tally | None:
    return None if data is None else Tally(int(data[0]), int(data[1]))


def state_data(state: MatchState) -> dict[str, Any]:
    """The state as plain JSON-able data, for a store to keep beside the match (the fixture,
    which the store knows, is left out); ``restore`` reads it back."""
    home = state.fixture.match.home
    verdict = state.verdict
    return {
        "period": state.period.value,
        "score": _pair(state.score),
        "goals": [incident_data(g, home) for g in state.goals],
        "red_cards": [incident_data(c, home) for c in state.red_cards],
        "half_time": _pair(state.half_time),
        "after_90": _pair(state.after_90),
        "extra_time": _pair(state.extra_time),
        "penalties": _pair(state.penalties),
        "minute": state.minute,
        "added": state.added,
        "verdict": None
        if verdict is None
        else {
            "aggregate": _pair(verdict.aggregate),
            "away_goals": _pair(verdict.away_goals),
            "winner": verdict.winner,
            "decided_by": None if verdict.decided_by is None else verdict.decided_by.value,
            "awaiting": None if verdict.awaiting is None else verdict.awaiting.value,
        },
        "turns": [state.goals.index(goal) for goal in state.turns],
    }


def restore(fixture: Fixture, data: dict[str, Any]) -> MatchState:
    """The state ``state_data`` stored for a match of ``fixture``."""
    match = fixture.match

    goals = tuple(goal_from_data(item, match.home, match.away) for item in data["goals"])
    found = data["verdict"]
    verdict = None
    if found is not None:
        aggregate = _tally(found["aggregate"])
        assert aggregate is not None
        verdict = Verdict(
            aggregate,
            _tally(found["away_goals"]),
            found["winner"],
            None if found["decided_by"] is None else DecidedBy(found["decided_by"]),
            None if found["awaiting"] is None else Phase(found["awaiting"]),
        )
    score = _score(data["score"])
    assert score is not None
    return MatchState(
        fixture,
        Period(data["period"]),
        score,
        goals,
        tuple(red_card_from_data(item, match.home, match.away) for item in data["red_cards"]),
        _score(data["half_time"]),
        _score(data["after_90"]),
        _score(data["extra_time"]),
        _score(data["penalties"]),
        int(data["minute"]),
        int(data["added"]),
        verdict,
        tuple(goals[i] for i in data["turns"]),
    )
