"""Building states of a tie's deciding match from what a user knows: a score and a minute.

Each is a short sequence of events folded by ``apply``; nothing here sets a state by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import reduce

from matchday.errors import ExtraTimeNotDueError, InvalidValueError, MissingDataError
from matchday.live.events import EventKind, MatchEvent, clock
from matchday.live.state import Fixture, MatchState, apply, start
from matchday.model import REGULAR_TIME, Score, Side, Tie, clock_text
from matchday.rules import Phase, Rules

__all__ = ["kickoff", "replay", "shoot_out", "state_at"]


def kickoff(tie: Tie, rules: Rules, leg: int | None = None) -> MatchState:
    """The state at kick-off of leg ``leg`` of ``tie`` (default: its deciding match), 0-0.

    A second leg needs its first leg's result (``MissingDataError`` otherwise).
    """
    fixture = Fixture.of(tie, rules, leg)
    if fixture.leg == 2 and tie.first_leg.score is None:
        raise MissingDataError(f"{tie.label}: the first leg has no result yet")
    return apply(start(fixture), MatchEvent(EventKind.KICK_OFF))


def replay(tie: Tie, rules: Rules, events: Iterable[MatchEvent]) -> MatchState:
    """The state after ``events``, folded one by one from kick-off of the deciding match."""
    return reduce(apply, events, kickoff(tie, rules))


def _goals(state: MatchState, score: Score, minute: int, added: int) -> MatchState:
    """``state`` with goals at ``minute`` up to ``score`` (home first)."""
    for side, count in ((Side.HOME, score.home), (Side.AWAY, score.away)):
        for _ in range(count):
            state = apply(state, MatchEvent(EventKind.GOAL, max(minute, 1), added, side))
    return state


def _cards(state: MatchState, red_cards: tuple[int, int], minute: int, added: int) -> MatchState:
    for side, count in zip((Side.HOME, Side.AWAY), red_cards, strict=True):
        for _ in range(count):
            state = apply(state, MatchEvent(EventKind.RED_CARD, max(minute, 1), added, side))
    return state


def state_at(
    tie: Tie,
    rules: Rules,
    score: Score,
    minute: int = 0,
    added: int = 0,
    *,
    after_90: Score | None = None,
    leg: int | None = None,
    red_cards: tuple[int, int] = (0, 0),
) -> MatchState:
    """The state with leg ``leg`` (default: the deciding match) at ``score`` (home first) at
    ``minute``+``added``, ``red_cards`` players sent off (home, away).

    After the 90th minute the score at 90 minutes matters only to check that the tie went to
    extra time: under every away-goals setting all scores at 90 that left the tie level give the
    same answers, so when ``after_90`` is not given the one with the fewest extra-time goals is
    used. ``ExtraTimeNotDueError`` when no score up to ``score`` left the tie level at 90.
    """
    state = kickoff(tie, rules, leg)
    if minute <= REGULAR_TIME:
        if after_90 is not None:
            raise InvalidValueError(f"a score after 90 minutes ({after_90}) at {minute}'")
        state = apply(state, clock(minute, added))
        return _cards(_goals(state, score, minute, added), red_cards, minute, added)
    level = after_90 if after_90 is not None else _level_after_90(tie, state, score, minute, added)
    if not score.covers(level):
        raise state.fixture.fail(f"score {score} is lower than {level} after 90 minutes")
    state = _goals(apply(state, clock(REGULAR_TIME)), level, REGULAR_TIME, 0)
    state = apply(state, clock(minute, added))
    state = _goals(state, score.minus(level), minute, added)
    return _cards(state, red_cards, minute, added)


def _level_after_90(tie: Tie, start: MatchState, score: Score, minute: int, added: int) -> Score:
    candidates = sorted(
        (Score(home, away) for home in range(score.home + 1) for away in range(score.away + 1)),
        key=lambda s: -(s.home + s.away),
    )
    for candidate in candidates:
        if start.settle(candidate).awaiting is Phase.EXTRA_TIME:
            return candidate
    raise ExtraTimeNotDueError(
        tie.label,
        f"no extra time at {score} ({clock_text(minute, added)}): every score at 90 minutes "
        f"up to {score} decides the tie",
    )


def shoot_out(state: MatchState, result: Score | None = None) -> MatchState:
    """``state`` at its penalty shoot-out (full time first, when still in play), begun or,
    with ``result``, over."""
    if state.period.in_play:
        state = apply(state, MatchEvent(EventKind.FULL_TIME))
    return apply(state, MatchEvent(EventKind.SHOOT_OUT, shootout=result))
