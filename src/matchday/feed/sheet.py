"""The match sheet: a fold over posted events that checks each against the match and the rules.

``apply(sheet, event) -> sheet`` accepts only what can happen at that point of the match: no
goal before kick-off or after full time, half-time once, extra time only when the rules'
verdict after 90 minutes is that the tie goes to extra time, a shoot-out only when it is level
after that. Events are folded in the order they were posted; a goal entered late (a first-half
goal posted during the second half) is fine as long as its minute fits a period already played.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import reduce

from matchday.errors import ExtraTimeNotDueError, MatchEventError, ShootOutNotDueError
from matchday.feed.events import EXTRA_TIME_END, HALF_TIME, EventKind, MatchEvent, Period
from matchday.model import REGULAR_TIME, Goal, Match, RedCard, Score, Side
from matchday.rules import Phase, Rules, Verdict, settle_single, settle_two_legs

__all__ = ["Fixture", "MatchSheet", "Role", "apply", "fold"]

_ADDED_TIME_AFTER = (HALF_TIME, REGULAR_TIME, 105, EXTRA_TIME_END)
"""The minutes after which added time is written (45+2, 90+4, 105+1, 120+3)."""


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
    """A match to be followed: the scheduled match, its role, the rules, and for a second leg
    the first leg as played (its score decides what a score in this match means)."""

    match: Match
    role: Role
    rules: Rules
    first_leg: Match | None = None

    def settle(
        self, after_90: Score, extra_time: Score | None = None, shootout: Score | None = None
    ) -> Verdict | None:
        """The rules' verdict on the tie with this match at these scores; ``None`` when the
        match does not decide a tie."""
        label = self.match.label
        if self.role is Role.SINGLE_MATCH:
            return settle_single(
                after_90, self.rules, extra_time=extra_time, shootout=shootout, label=label
            )
        if self.role is Role.SECOND_LEG and self.first_leg is not None:
            assert self.first_leg.score is not None, "checked at kick-off"
            return settle_two_legs(
                self.first_leg.score,
                after_90,
                self.rules,
                second_extra_time=extra_time,
                shootout=shootout,
                label=label,
            )
        return None


@dataclass(frozen=True, slots=True)
class MatchSheet:
    """A match as its posted events have built it so far.

    ``after_90`` is the score when regular time ended and ``extra_time`` the score after 120
    minutes (both home first, once reached); ``minute``/``added`` is the latest minute an event
    named. ``match`` gives the result as a model ``Match`` once the match is finished.
    """

    fixture: Fixture
    period: Period = Period.NOT_STARTED
    goals: tuple[Goal, ...] = ()
    red_cards: tuple[RedCard, ...] = ()
    half_time: Score | None = None
    after_90: Score | None = None
    extra_time: Score | None = None
    shootout: Score | None = None
    minute: int = 0
    added: int = 0

    @property
    def score(self) -> Score:
        """The score now, home first, extra-time goals included."""
        home = self.fixture.match.home
        scored = sum(1 for goal in self.goals if goal.team == home)
        return Score(scored, len(self.goals) - scored)

    @property
    def finished(self) -> bool:
        """True once the match is over and its result is complete."""
        return self.period is Period.FINISHED

    @property
    def match(self) -> Match:
        """The match with its result once finished, else the scheduled match as it was."""
        if not self.finished:
            return self.fixture.match
        return replace(
            self.fixture.match,
            score=self.after_90,
            half_time=self.half_time,
            extra_time=self.extra_time,
            penalties=self.shootout,
            goals=tuple(sorted(self.goals, key=lambda g: (g.minute, g.added))),
            red_cards=tuple(sorted(self.red_cards, key=lambda c: (c.minute, c.added))),
        )

    def fail(self, problem: str) -> MatchEventError:
        """A ``MatchEventError`` naming this match."""
        return MatchEventError(self.fixture.match.label, problem)


def _kick_off(sheet: MatchSheet, _: MatchEvent) -> MatchSheet:
    fixture = sheet.fixture
    if sheet.period is Period.NOT_STARTED:
        first = fixture.first_leg
        if fixture.role is Role.SECOND_LEG and (first is None or first.score is None):
            raise sheet.fail("the first leg has no result yet")
        return replace(sheet, period=Period.FIRST_HALF)
    if sheet.period is Period.HALF_TIME:
        return replace(sheet, period=Period.SECOND_HALF)
    if sheet.period is Period.BEFORE_EXTRA_TIME:
        return replace(sheet, period=Period.EXTRA_TIME)
    raise sheet.fail(f"no kick-off during {sheet.period.value.replace('_', ' ')}")


def _half_time(sheet: MatchSheet, _: MatchEvent) -> MatchSheet:
    if sheet.period is not Period.FIRST_HALF:
        raise sheet.fail(f"half-time only ends the first half, not {_period_text(sheet)}")
    return replace(sheet, period=Period.HALF_TIME, half_time=sheet.score, minute=HALF_TIME)


def _full_time(sheet: MatchSheet, _: MatchEvent) -> MatchSheet:
    fixture = sheet.fixture
    if sheet.period in (Period.HALF_TIME, Period.SECOND_HALF):
        after_90 = sheet.score
        verdict = fixture.settle(after_90)
        period = _next_period(verdict, Period.BEFORE_EXTRA_TIME)
        return replace(sheet, period=period, after_90=after_90, minute=max(sheet.minute, 90))
    if sheet.period is Period.EXTRA_TIME:
        assert sheet.after_90 is not None, "extra time starts after 90 minutes"
        verdict = fixture.settle(sheet.after_90, sheet.score)
        period = _next_period(verdict, None)
        return replace(sheet, period=period, extra_time=sheet.score, minute=EXTRA_TIME_END)
    if sheet.period is Period.FIRST_HALF:
        raise sheet.fail("full time before half-time")
    raise sheet.fail(f"no full time {_period_text(sheet)}")


def _next_period(verdict: Verdict | None, extra_time: Period | None) -> Period:
    if verdict is None or verdict.winner is not None:
        return Period.FINISHED
    if verdict.awaiting is Phase.EXTRA_TIME and extra_time is not None:
        return extra_time
    if verdict.awaiting is Phase.PENALTIES:
        return Period.PENALTIES
    return Period.FINISHED


def _extra_time(sheet: MatchSheet, _: MatchEvent) -> MatchSheet:
    if sheet.period is not Period.BEFORE_EXTRA_TIME:
        reason = (
            "the tie is not level after 90 minutes"
            if sheet.after_90 is not None
            else f"extra time comes after full time, not {_period_text(sheet)}"
        )
        if sheet.period is Period.PENALTIES:
            reason = f"{sheet.fixture.rules.name} has no extra time; the shoot-out follows"
        if not sheet.fixture.role.deciding:
            reason = "this match does not decide a tie"
        raise ExtraTimeNotDueError(sheet.fixture.match.label, f"no extra time: {reason}")
    return replace(sheet, period=Period.EXTRA_TIME)


def _shoot_out(sheet: MatchSheet, event: MatchEvent) -> MatchSheet:
    result = event.shootout
    if sheet.period is not Period.PENALTIES:
        where = "after extra time" if sheet.fixture.rules.extra_time else "at full time"
        raise ShootOutNotDueError(
            sheet.fixture.match.label,
            f"no shoot-out unless the tie is level {where} ({_period_text(sheet)})",
        )
    if result is None:
        raise sheet.fail("a shoot-out needs its result")
    if result.level:
        raise sheet.fail(f"a shoot-out cannot end level ({result})")
    return replace(sheet, period=Period.FINISHED, shootout=result)


def _period_text(sheet: MatchSheet) -> str:
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
    return texts[sheet.period]


def _in_play(sheet: MatchSheet, event: MatchEvent, what: str) -> tuple[MatchSheet, int, Side]:
    """Check the minute and side of a goal or red card; move into the second half when a
    second-half minute arrives during the half-time break."""
    minute, side = event.minute, event.side
    if minute is None or side is None:
        raise sheet.fail(f"a {what} needs a minute and a side")
    clock = event.clock
    if minute < 1 or event.added < 0 or minute > EXTRA_TIME_END:
        raise sheet.fail(f"{clock} is not a match minute (1 to 120)")
    if event.added and minute not in _ADDED_TIME_AFTER:
        raise sheet.fail(f"{clock}: added time follows the 45th, 90th, 105th or 120th minute")
    period = sheet.period
    if period is Period.HALF_TIME and HALF_TIME < minute <= REGULAR_TIME:
        sheet = replace(sheet, period=Period.SECOND_HALF)
        period = Period.SECOND_HALF
    last = {Period.FIRST_HALF: HALF_TIME, Period.HALF_TIME: HALF_TIME}.get(period, REGULAR_TIME)
    if not period.in_play and period is not Period.HALF_TIME:
        raise sheet.fail(f"no {what} {_period_text(sheet)}")
    if period is Period.EXTRA_TIME:
        if minute <= REGULAR_TIME:
            raise sheet.fail(f"a {what} at {clock} in extra time (minutes 91 to 120)")
    elif minute > last:
        raise sheet.fail(f"a {what} at {clock} {_period_text(sheet)}")
    if (minute, event.added) > (sheet.minute, sheet.added):
        sheet = replace(sheet, minute=minute, added=event.added)
    return sheet, minute, side


def _goal(sheet: MatchSheet, event: MatchEvent) -> MatchSheet:
    if event.own_goal and event.penalty:
        raise sheet.fail("a goal is not both an own goal and a penalty")
    sheet, minute, side = _in_play(sheet, event, "goal")
    team = sheet.fixture.match.team(side)
    goal = Goal(minute, team, event.player, event.added, event.own_goal, event.penalty)
    return replace(sheet, goals=(*sheet.goals, goal))


def _red_card(sheet: MatchSheet, event: MatchEvent) -> MatchSheet:
    sheet, minute, side = _in_play(sheet, event, "red card")
    team = sheet.fixture.match.team(side)
    card = RedCard(minute, team, event.player, event.added, event.second_yellow)
    return replace(sheet, red_cards=(*sheet.red_cards, card))


_HANDLERS: dict[EventKind, Callable[[MatchSheet, MatchEvent], MatchSheet]] = {
    EventKind.KICK_OFF: _kick_off,
    EventKind.GOAL: _goal,
    EventKind.RED_CARD: _red_card,
    EventKind.HALF_TIME: _half_time,
    EventKind.FULL_TIME: _full_time,
    EventKind.EXTRA_TIME: _extra_time,
    EventKind.SHOOT_OUT: _shoot_out,
}


def apply(sheet: MatchSheet, event: MatchEvent) -> MatchSheet:
    """The sheet after ``event``; a ``RuleError`` (``MatchEventError``, ``ExtraTimeNotDueError``,
    ``ShootOutNotDueError``) when the event cannot happen at this point of the match."""
    return _HANDLERS[event.kind](sheet, event)


def fold(fixture: Fixture, events: Iterable[MatchEvent]) -> MatchSheet:
    """The sheet after all ``events`` in posted order, checking each.

    A match whose result is already on record (it came with the uploaded file) takes no events.
    """
    start = MatchSheet(fixture)
    if fixture.match.played or fixture.match.cancelled:
        events = list(events)
        if events:
            raise start.fail("its result is already on record; it takes no events")
    return reduce(apply, events, start)
