"""The live state as a fold: the rules' edge cases, and events that cannot happen."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matchday.errors import (
    ExtraTimeNotDueError,
    MatchEventError,
    MissingDataError,
    RuleError,
    ShootOutNotDueError,
)
from matchday.io.live_text import explain_state
from matchday.live import MatchEvent, apply, clock, kickoff, needs, replay, state_at
from matchday.live.state import Fixture, Role
from matchday.model import Match, Score, Tally, Team, Tie
from matchday.rules import (
    PRESETS,
    UEFA_2021,
    UEFA_CLASSIC,
    DecidedBy,
    ExtraTime,
    Phase,
    Rules,
    preset,
)
from tests.live.build import (
    FIRST_DAY,
    FULL_TIME,
    HOSTS,
    LEVEL,
    VISITORS,
    ending,
    final,
    goal,
    shoot_out,
    two_legged,
)

AWAY_GOALS_90 = preset("away-goals-90")


@pytest.mark.parametrize(
    ("first", "second", "rules", "through", "awaiting", "away_goals"),
    [
        # Level on aggregate and on away goals: extra time.
        (Score(1, 1), Score(1, 1), UEFA_CLASSIC, None, Phase.EXTRA_TIME, Tally(1, 1)),
        (Score(2, 1), Score(2, 1), UEFA_CLASSIC, None, Phase.EXTRA_TIME, Tally(1, 1)),
        (Score(0, 0), Score(0, 0), AWAY_GOALS_90, None, Phase.EXTRA_TIME, Tally(0, 0)),
        # Level on aggregate, more away goals: through on away goals.
        (Score(3, 2), Score(1, 0), UEFA_CLASSIC, VISITORS, None, Tally(0, 2)),
        (Score(0, 1), Score(1, 2), UEFA_CLASSIC, HOSTS, None, Tally(2, 1)),
        # No away goals from 2021-22: the same scores go to extra time.
        (Score(3, 2), Score(1, 0), UEFA_2021, None, Phase.EXTRA_TIME, None),
        (Score(0, 1), Score(1, 2), UEFA_2021, None, Phase.EXTRA_TIME, None),
        # Ahead on aggregate.
        (Score(3, 2), Score(1, 1), UEFA_CLASSIC, HOSTS, None, Tally(1, 2)),
    ],
)
def test_who_is_through_after_90_minutes(
    first: Score,
    second: Score,
    rules: Rules,
    through: Team | None,
    awaiting: Phase | None,
    away_goals: Tally | None,
) -> None:
    state = state_at(two_legged(first), rules, second, 90)
    assert state.through == through
    assert state.awaiting is awaiting
    assert state.away_goals == away_goals
    assert state.aggregate == Tally(first.home + second.away, first.away + second.home)


@pytest.mark.parametrize(
    ("rules", "through", "decided_by"),
    [
        # Classic UEFA rules: the Hosts' extra-time goal is an away goal, so 1-1 puts them through.
        (UEFA_CLASSIC, HOSTS, DecidedBy.AWAY_GOALS_EXTRA_TIME),
        # Away goals after 90 minutes only, or none at all: 1-1 in extra time means penalties.
        (AWAY_GOALS_90, None, None),
        (UEFA_2021, None, None),
    ],
)
def test_a_1_1_in_extra_time_after_two_goalless_legs(
    rules: Rules, through: Team | None, decided_by: DecidedBy | None
) -> None:
    tie = two_legged(Score(0, 0))
    events = [clock(91), goal(tie, VISITORS, 95), goal(tie, HOSTS, 110), clock(120)]
    state = replay(tie, rules, events)
    assert state.phase is Phase.EXTRA_TIME
    assert state.through == through
    assert state.decided_by is decided_by
    assert state.awaiting is (None if through else Phase.PENALTIES)
    assert (state.through or LEVEL) == ending(
        two_legged(Score(0, 0), Score(0, 0), Score(1, 1)), rules
    )


def test_away_goals_in_extra_time_are_counted_only_where_the_rules_count_them() -> None:
    tie = two_legged(Score(0, 0))
    events = [clock(91), goal(tie, VISITORS, 95), goal(tie, HOSTS, 110)]
    assert replay(tie, UEFA_CLASSIC, events).away_goals == Tally(1, 0)
    assert replay(tie, AWAY_GOALS_90, events).away_goals is None
    assert replay(tie, UEFA_2021, events).away_goals is None


def test_away_goals_never_apply_to_a_final() -> None:
    state = state_at(final(), UEFA_CLASSIC, Score(1, 1), 80)
    assert state.away_goals is None
    assert state.awaiting is Phase.EXTRA_TIME


def test_a_shoot_out_settles_a_level_tie() -> None:
    tie = two_legged(Score(1, 1))
    events = [goal(tie, HOSTS, 30), clock(70), goal(tie, VISITORS, 70), clock(120)]
    state = replay(tie, UEFA_2021, events)
    assert state.awaiting is Phase.PENALTIES
    started = apply(apply(state, FULL_TIME), shoot_out())
    assert started.phase is Phase.PENALTIES
    assert started.through is None
    over = apply(started, shoot_out(Score(3, 4)))  # home (Visitors) 3, away (Hosts) 4
    assert over.through == HOSTS
    assert over.decided_by is DecidedBy.PENALTIES


def test_the_fold_rebuilds_the_state_that_state_at_describes() -> None:
    tie = two_legged(Score(3, 2))
    events = [goal(tie, VISITORS, 11), goal(tie, HOSTS, 45, added=2), clock(60)]
    replayed = replay(tie, UEFA_CLASSIC, events)
    described = state_at(tie, UEFA_CLASSIC, Score(1, 1), 60)
    assert (replayed.score, replayed.clock, replayed.verdict) == (
        described.score,
        described.clock,
        described.verdict,
    )


@given(
    first=st.builds(Score, st.integers(0, 3), st.integers(0, 3)),
    now=st.builds(Score, st.integers(0, 6), st.integers(0, 6)),
    minute=st.integers(91, 120),
    rules=st.sampled_from(
        [r for r in PRESETS.values() if r.extra_time is ExtraTime.THIRTY_MINUTES]
    ),
)
def test_in_extra_time_every_possible_score_at_90_gives_the_same_answers(
    first: Score, now: Score, minute: int, rules: Rules
) -> None:
    tie = two_legged(first)
    candidates = [Score(h, a) for h in range(now.home + 1) for a in range(now.away + 1)]
    possible = [s for s in candidates if ending(two_legged(first, s), rules) == LEVEL]
    if not possible:
        with pytest.raises(ExtraTimeNotDueError):
            state_at(tie, rules, now, minute)
        return
    inferred = state_at(tie, rules, now, minute)
    for at_90 in possible:
        given_split = state_at(tie, rules, now, minute, after_90=at_90)
        assert given_split.standing == inferred.standing
        assert explain_state(given_split) == explain_state(inferred)
        for team in tie.teams:
            assert needs(given_split, team) == needs(inferred, team)


def test_a_first_leg_without_a_result_cannot_have_a_live_second_leg() -> None:
    with pytest.raises(MissingDataError, match="first leg has no result"):
        kickoff(two_legged(None), UEFA_CLASSIC)


_TIE = two_legged(Score(0, 0))


@pytest.mark.parametrize(
    ("events", "error", "problem"),
    [
        ([clock(80), clock(45, 1)], RuleError, "45\\+1' comes before 80'"),
        ([goal(_TIE, HOSTS, 60)], MatchEventError, "a goal at 60' in the first half"),
        ([goal(_TIE, HOSTS, 10), clock(95)], ExtraTimeNotDueError, "no extra time at 95'"),
        ([clock(90), goal(_TIE, HOSTS, 100)], MatchEventError, "100' in the second half"),
        ([clock(90), FULL_TIME, shoot_out()], ShootOutNotDueError, "no shoot-out"),
        (
            [clock(120), FULL_TIME, shoot_out(), goal(_TIE, HOSTS, 120, added=5)],
            MatchEventError,
            "no goal after full time, with the shoot-out to come",
        ),
        ([clock(120), FULL_TIME, shoot_out(Score(4, 4))], RuleError, "cannot end level"),
        (
            [clock(120), FULL_TIME, shoot_out(Score(4, 3)), shoot_out(Score(5, 3))],
            RuleError,
            "already ended",
        ),
        ([clock(121)], MatchEventError, "not a match minute"),
        ([clock(60, 2)], MatchEventError, "added time follows the 45th"),
    ],
)
def test_events_that_cannot_happen_are_refused(
    events: list[MatchEvent], error: type[Exception], problem: str
) -> None:
    with pytest.raises(error, match=problem):
        replay(_TIE, UEFA_CLASSIC, events)


def test_a_score_that_cannot_be_in_extra_time_is_refused() -> None:
    # Dortmund led 3-2 from the first leg: at 1-0 after 90 Atalanta would be through on away
    # goals, at 0-0 Dortmund, so 1-0 after 105 minutes cannot happen.
    with pytest.raises(ExtraTimeNotDueError, match="no extra time at 1-0"):
        state_at(two_legged(Score(3, 2)), UEFA_CLASSIC, Score(1, 0), 105)


def test_a_score_after_90_minutes_belongs_to_extra_time() -> None:
    tie = two_legged(Score(1, 1))
    with pytest.raises(ValueError, match="a score after 90 minutes"):
        state_at(tie, UEFA_CLASSIC, Score(1, 1), 60, after_90=Score(1, 1))
    with pytest.raises(RuleError, match="lower than 2-2 after 90 minutes"):
        state_at(tie, UEFA_CLASSIC, Score(1, 1), 100, after_90=Score(2, 2))


def test_a_second_leg_not_in_the_file_yet_cannot_be_followed() -> None:
    """No match stands for a second leg to come (``Tie.second_leg_to_come``): following the
    deciding match says so, while the first leg can still be followed."""
    first = Match(FIRST_DAY, HOSTS, VISITORS, Score(1, 1))
    tie = Tie("Round of 16", (first,), 2, second_leg_to_come=True)
    for leg in (None, 2):
        with pytest.raises(MissingDataError, match="second leg, the deciding match, is not in"):
            Fixture.of(tie, UEFA_2021, leg)
    assert Fixture.of(tie, UEFA_2021, 1).role is Role.FIRST_LEG
