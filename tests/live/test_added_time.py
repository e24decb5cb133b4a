"""Added time still to come: its fitted law, the era a match falls in, and the share of the
goal rates left at each moment of a match."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday.errors import InvalidValueError
from matchday.live import (
    AddedTime,
    EventKind,
    MatchEvent,
    TimeLeft,
    apply,
    kickoff,
    state_at,
    time_left,
    timekeeping,
)
from matchday.live.added_time import TIMEKEEPING
from matchday.model import Match, Score, Tie
from matchday.rules import UEFA_2021
from tests.live.build import HOSTS, VISITORS, final

FOUR = AddedTime((1.0, 1.0, 0.5, 0.25))
"""At least 2 minutes added; 3 or more half the time, 4 a quarter."""


def _mean(left: TimeLeft) -> float:
    assert sum(p for p, _ in left) == pytest.approx(1)
    return sum(p * share for p, share in left)


def test_before_added_time_begins_the_whole_law_is_to_come() -> None:
    assert {m: p for p, m in FOUR.still_to_come(0)} == pytest.approx(
        {2.0: 0.5, 3.0: 0.25, 4.0: 0.25}
    )
    assert FOUR.mean == 2.75


def test_each_added_minute_played_leaves_the_longer_added_times() -> None:
    # the third added minute under way: 3 (half of that minute left) or 4 (one and a half)
    assert {m: p for p, m in FOUR.still_to_come(3)} == pytest.approx({0.5: 0.5, 1.5: 0.5})
    assert FOUR.still_to_come(4) == ((1.0, 0.5),)


def test_beyond_the_longest_added_time_on_record_half_a_minute_is_left() -> None:
    assert FOUR.still_to_come(9) == ((1.0, 0.5),)
    assert AddedTime(()).still_to_come(2) == ((1.0, 0.5),)


@pytest.mark.parametrize("survival", [(1.2,), (0.5, 0.7), (-0.1,)])
def test_a_law_that_is_no_survival_is_refused(survival: tuple[float, ...]) -> None:
    with pytest.raises(InvalidValueError):
        AddedTime(survival)


def test_the_era_follows_the_match_date() -> None:
    old, new = timekeeping(dt.date(2018, 7, 15)), timekeeping(dt.date(2024, 7, 14))
    assert old is TIMEKEEPING[0]
    assert new is TIMEKEEPING[-1]
    assert new.since is not None
    assert old.since is None
    assert timekeeping(new.since) is new
    assert timekeeping(new.since - dt.timedelta(days=1)) is old


def test_a_whole_match_half_time_and_the_whistle_are_exact() -> None:
    tie = final()
    assert time_left(kickoff(tie, UEFA_2021)) == ((1.0, 1.0),)
    at_45 = state_at(tie, UEFA_2021, Score(0, 0), 45, 2)
    assert time_left(apply(at_45, MatchEvent(EventKind.HALF_TIME))) == ((1.0, 0.5),)
    at_90 = state_at(tie, UEFA_2021, Score(1, 0), 90, 3)
    assert time_left(apply(at_90, MatchEvent(EventKind.FULL_TIME))) == ((1.0, 0.0),)


def test_the_added_time_of_the_half_under_way_counts() -> None:
    tie = final()
    second = time_left(state_at(tie, UEFA_2021, Score(0, 0), 90))
    assert len(second) > 1
    assert min(share for _, share in second) >= 0
    assert _mean(second) > 0  # the added time still to come, at 90' on the clock
    first = time_left(state_at(tie, UEFA_2021, Score(0, 0), 45))
    assert _mean(first) > 0.5  # the first half's added time, then the second half
    # a half's nominal share, spread over its expected length with added time
    law = timekeeping(tie.last_match.date).second_half
    at_60 = _mean(time_left(state_at(tie, UEFA_2021, Score(0, 0), 60)))
    assert at_60 == pytest.approx(0.5 * (30 + law.mean) / (45 + law.mean))


def test_extra_time_counts_its_own_added_time() -> None:
    tie = final()
    at_120 = state_at(tie, UEFA_2021, Score(1, 1), 120, 1, after_90=Score(1, 1))
    assert 0 < _mean(time_left(at_120)) < 1 / 90
    started = state_at(tie, UEFA_2021, Score(1, 1), 91, after_90=Score(1, 1))
    assert _mean(time_left(started)) < 30 / 90


def test_the_new_timekeeping_adds_more_time() -> None:
    """In the matches from the 2022 World Cup on, the fitted second half gets about twice the
    added time of the earlier ones (``docs/benchmarks.md``)."""
    old, new = TIMEKEEPING[0], TIMEKEEPING[-1]
    assert new.second_half.mean > 1.5 * old.second_half.mean
    played = Match(dt.date(2024, 7, 14), HOSTS, VISITORS)
    earlier = Match(dt.date(2018, 7, 15), HOSTS, VISITORS)
    later = [
        time_left(state_at(Tie("Final", (m,)), UEFA_2021, Score(0, 0), 90, 2))
        for m in (earlier, played)
    ]
    assert _mean(later[1]) > _mean(later[0])
