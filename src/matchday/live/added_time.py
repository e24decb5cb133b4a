"""Added time: how much play is still to come at a moment of a match, its added time included.

Each period's added time ``A`` (whole minutes) has a law fitted from where goals in added time
fall in real matches (under a steady scoring rate the goals at ``90+n'`` are proportional to
P(A >= n): ``matchday.evaluate.added_time``, shipped per timekeeping era in
``matchday.live.added_time_fitted``). ``time_left`` turns a match state into the share of the
90-minute goal rates still to come, as a small distribution over the added time still to play:
at ``90'`` the trailing side keeps the whole added time, at ``90+4'`` what is left of it given
that the whistle has not gone yet, and nothing only once the whistle has gone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from matchday.errors import InvalidValueError
from matchday.live.added_time_fitted import ERAS
from matchday.live.events import Period
from matchday.live.state import ADDED_TIME_AFTER, EXTRA_TIME_HALF, MatchState
from matchday.model import EXTRA_TIME_END, HALF_TIME, REGULAR_TIME

__all__ = ["AddedTime", "TimeLeft", "Timekeeping", "time_left", "timekeeping"]

EXTRA_HALF_LENGTH = (EXTRA_TIME_END - REGULAR_TIME) // 2
RUNNING_MINUTE = 0.5
"""At ``90+k'`` the k-th added minute is under way: half of it is still to play, on average."""

TimeLeft = tuple[tuple[float, float], ...]
"""(probability, share of the 90-minute goal rates still to come) pairs adding up to 1."""


@dataclass(frozen=True, slots=True)
class AddedTime:
    """The law of one period's added time: ``survival[n - 1]`` is P(at least n minutes are
    added), n = 1, 2, ... (non-increasing, 0 beyond the table)."""

    survival: tuple[float, ...]

    def __post_init__(self) -> None:
        bounded = all(0 <= p <= 1 for p in self.survival)
        falling = all(a >= b for a, b in zip(self.survival, self.survival[1:], strict=False))
        if not (bounded and falling):
            raise InvalidValueError(f"not the survival of an added time: {self.survival}")

    @property
    def mean(self) -> float:
        """Expected minutes added: the sum of P(A >= n) over n."""
        return sum(self.survival)

    def _at_least(self, n: int) -> float:
        return 1.0 if n <= 0 else (self.survival[n - 1] if n <= len(self.survival) else 0.0)

    def still_to_come(self, played: int) -> tuple[tuple[float, float], ...]:
        """(probability, minutes) of the added time still to play with the ``played``-th added
        minute under way (0: before it begins, the whole law). Given ``played`` minutes added
        at least, each longer added time keeps its share; beyond the longest added time on
        record the law of that longest minute holds (half a minute to come)."""
        if played <= 0:
            return tuple(
                (self._at_least(a) - self._at_least(a + 1), float(a))
                for a in range(len(self.survival) + 1)
                if self._at_least(a) > self._at_least(a + 1)
            )
        reached = max((n for n in range(1, played + 1) if self._at_least(n) > 0), default=0)
        if reached == 0:
            return ((1.0, RUNNING_MINUTE),)
        given = self._at_least(reached)
        return tuple(
            ((self._at_least(a) - self._at_least(a + 1)) / given, a - reached + RUNNING_MINUTE)
            for a in range(reached, len(self.survival) + 1)
            if self._at_least(a) > self._at_least(a + 1)
        )


@dataclass(frozen=True, slots=True)
class Timekeeping:
    """The added-time laws of one era of timekeeping, from ``since`` (``None``: the first era)
    until the next era's start: per period, keyed by the minute after which it is added."""

    since: dt.date | None
    first_half: AddedTime
    second_half: AddedTime
    extra_time_first_half: AddedTime
    extra_time_second_half: AddedTime

    def after(self, minute: int) -> AddedTime:
        """The law of the added time after ``minute`` (45, 90, 105 or 120)."""
        laws = {
            HALF_TIME: self.first_half,
            REGULAR_TIME: self.second_half,
            EXTRA_TIME_HALF: self.extra_time_first_half,
            EXTRA_TIME_END: self.extra_time_second_half,
        }
        return laws[minute]


TIMEKEEPING: tuple[Timekeeping, ...] = tuple(
    Timekeeping(
        None if since is None else dt.date.fromisoformat(since),
        *(AddedTime(laws[end]) for end in ADDED_TIME_AFTER),
    )
    for since, laws in ERAS
)
"""The fitted eras, oldest first."""


def timekeeping(date: dt.date) -> Timekeeping:
    """The era of timekeeping a match played on ``date`` falls in."""
    return [era for era in TIMEKEEPING if era.since is None or era.since <= date][-1]


def _period_left(
    law: AddedTime, end: int, length: int, minute: int, added: int
) -> tuple[tuple[float, float], ...]:
    """(probability, share of the period's goals still to come) at ``minute``+``added`` of a
    period of ``length`` minutes ending at ``end``: its goals spread evenly over its expected
    length, added time included (so a whole period counts its nominal share exactly)."""
    clock = end - minute if minute < end else 0
    played = added if minute >= end else 0
    expected = length + law.mean
    return tuple((p, (clock + more) / expected) for p, more in law.still_to_come(played))


def time_left(state: MatchState) -> TimeLeft:
    """The share of the 90-minute goal rates still to come in the phase ``state`` is in:
    regular time up to its final whistle, or, once extra time has begun, extra time (its two
    halves a sixth of 90 minutes each). A period under way counts its expected added time: the
    whole law before it begins, the law given the added minutes already played after; a
    period not yet begun counts its nominal share; nothing is left once the whistle has gone.
    """
    era = timekeeping(state.fixture.match.date)
    minute, added, period = state.minute, state.added, state.period
    half = HALF_TIME / REGULAR_TIME
    extra_half = EXTRA_HALF_LENGTH / REGULAR_TIME
    if period is Period.NOT_STARTED or (period is Period.FIRST_HALF and minute == 0):
        return ((1.0, 1.0),)
    if period is Period.FIRST_HALF:
        law = era.first_half
        left = _period_left(law, HALF_TIME, HALF_TIME, minute, added)
        return tuple((p, half * share + half) for p, share in left)
    if period is Period.HALF_TIME or (period is Period.SECOND_HALF and minute <= HALF_TIME):
        return ((1.0, half),)
    if period is Period.SECOND_HALF:
        left = _period_left(era.second_half, REGULAR_TIME, HALF_TIME, minute, added)
        return tuple((p, half * share) for p, share in left)
    if period is Period.EXTRA_TIME:
        if minute <= REGULAR_TIME:
            return ((1.0, 2 * extra_half),)
        if minute <= EXTRA_TIME_HALF:
            law = era.extra_time_first_half
            left = _period_left(law, EXTRA_TIME_HALF, EXTRA_HALF_LENGTH, minute, added)
            return tuple((p, extra_half * share + extra_half) for p, share in left)
        law = era.extra_time_second_half
        left = _period_left(law, EXTRA_TIME_END, EXTRA_HALF_LENGTH, minute, added)
        return tuple((p, extra_half * share) for p, share in left)
    return ((1.0, 0.0),)
