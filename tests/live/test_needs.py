"""What each side needs, checked against a brute-force search with the rules engine's ``decide``.

For every state the search plays out every further score (up to 10 more goals a side) as a real
finished tie and asks ``decide`` who goes through. "Needs" must equal the fewest goals the side
scores in any winning continuation, and the fewest (the other side not scoring) to force the
next phase. Forcing shows up as ``decide`` refusing a level tie without the next phase recorded.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matchday.io.live_text import explain_next_goal
from matchday.live import (
    MatchEvent,
    MatchState,
    clock,
    needs,
    next_goal,
    replay,
    shoot_out,
    state_at,
)
from matchday.model import Score, Team
from matchday.rules import PRESETS, UEFA_2021, UEFA_CLASSIC, ExtraTime, Phase, Rules
from tests.live.build import HOSTS, LEVEL, VISITORS, ending, final, goal, two_legged

FURTHER = range(11)
"""Up to 10 more goals a side."""

rules_presets = st.sampled_from(list(PRESETS.values()))
thirty_minutes = st.sampled_from(
    [r for r in PRESETS.values() if r.extra_time is ExtraTime.THIRTY_MINUTES]
)
"""Rules whose extra time takes any number of goals (golden and silver goal: test_rule_values)."""
scores = st.builds(Score, st.integers(0, 4), st.integers(0, 4))
few_goals = st.builds(Score, st.integers(0, 3), st.integers(0, 3))


def plus(score: Score, home: int, away: int) -> Score:
    return Score(score.home + home, score.away + away)


Play = Callable[[Score], Team | str]
"""How the tie ends if the current phase ends with the deciding match at a given score."""


def assert_needs_match_search(state: MatchState, play: Play) -> None:
    for team in (HOSTS, VISITORS):
        at_home = team == state.match.home

        def ending_after(own: int, other: int, at_home: bool = at_home) -> Team | str:
            more = (own, other) if at_home else (other, own)
            return play(plus(state.score, *more))

        winning = [own for own in FURTHER for other in FURTHER if ending_after(own, other) == team]
        alone = [own for own in FURTHER if ending_after(own, 0) == team]
        forcing = [own for own in FURTHER if ending_after(own, 0) == LEVEL]
        need = needs(state, team)
        assert need.to_go_through == min(winning, default=None), team
        assert need.to_go_through == min(alone, default=None), team
        assert need.to_force == min(forcing, default=None), team


@given(first=scores, now=scores, minute=st.integers(0, 90), rules=rules_presets)
def test_needs_in_regular_time_match_a_brute_force_search(
    first: Score, now: Score, minute: int, rules: Rules
) -> None:
    state = state_at(two_legged(first), rules, now, minute)
    assert_needs_match_search(state, lambda end: ending(two_legged(first, end), rules))


def _goals(team: Team, count: int, minute: int) -> list[MatchEvent]:
    return [clock(minute), *(goal(two_legged(None), team, minute) for _ in range(count))]


@given(data=st.data(), first=scores, in_extra=few_goals, rules=thirty_minutes)
def test_needs_in_extra_time_match_a_brute_force_search(
    data: st.DataObject, first: Score, in_extra: Score, rules: Rules
) -> None:
    grid = [Score(h, a) for h in range(7) for a in range(7)]
    level = [s for s in grid if ending(two_legged(first, s), rules) == LEVEL]
    at_90 = data.draw(st.sampled_from(level), label="at_90")
    minute = data.draw(st.integers(91, 120), label="minute")
    events = [
        *_goals(VISITORS, at_90.home, 30),
        *_goals(HOSTS, at_90.away, 60),
        *_goals(VISITORS, in_extra.home, 91),
        *_goals(HOSTS, in_extra.away, 91),
        clock(minute),
    ]
    state = replay(two_legged(first), rules, events)
    assert state.phase is Phase.EXTRA_TIME
    assert state.after_90 == at_90
    assert_needs_match_search(state, lambda end: ending(two_legged(first, at_90, end), rules))


@given(now=scores, minute=st.integers(0, 90), rules=rules_presets)
def test_needs_in_a_final_match_a_brute_force_search(now: Score, minute: int, rules: Rules) -> None:
    state = state_at(final(), rules, now, minute)
    assert_needs_match_search(state, lambda end: ending(final(end), rules))


@given(level=st.integers(0, 3), in_extra=few_goals, rules=thirty_minutes)
def test_needs_in_extra_time_of_a_final_match_a_brute_force_search(
    level: int, in_extra: Score, rules: Rules
) -> None:
    at_90 = Score(level, level)
    state = state_at(final(), rules, plus(at_90, in_extra.home, in_extra.away), 100)
    assert_needs_match_search(state, lambda end: ending(final(at_90, end), rules))


@given(first=scores, now=scores, minute=st.integers(0, 90), rules=rules_presets)
def test_next_goal_says_what_the_needs_say(
    first: Score, now: Score, minute: int, rules: Rules
) -> None:
    state = state_at(two_legged(first), rules, now, minute)
    for team in (HOSTS, VISITORS):
        need, goal = needs(state, team), next_goal(state, team)
        assert goal is not None
        at_home = team == state.match.home
        after = plus(now, 1, 0) if at_home else plus(now, 0, 1)
        assert goal.state.score == after
        assert (goal.state.through or LEVEL) == ending(two_legged(first, after), rules)
        assert ("puts" in explain_next_goal(goal)) == (need.to_go_through == 1)
        assert ("keeps" in explain_next_goal(goal)) == (need.to_go_through == 0)
        assert ("forces" in explain_next_goal(goal)) == (need.to_force == 1)
        forced_extra_time = need.to_force == 1 and need.forces is Phase.EXTRA_TIME
        assert ("forces extra time" in explain_next_goal(goal)) == forced_extra_time


def test_at_1_0_atalanta_are_through_and_dortmund_need_one_goal() -> None:
    # Dortmund won the first leg 3-2; Toloi put Atalanta 1-0 up in the second after 11 minutes.
    tie = two_legged(Score(3, 2))
    state = state_at(tie, UEFA_CLASSIC, Score(1, 0), 11)
    assert needs(state, VISITORS).to_go_through == 0
    dortmund = needs(state, HOSTS)
    assert dortmund.to_go_through == 1
    # One Dortmund goal wins it outright; extra time is out of their reach (3-3, 2 away goals to 0).
    assert dortmund.to_force is None
    assert dortmund.forces is Phase.EXTRA_TIME


def test_without_away_goals_the_same_score_means_both_sides_need_one() -> None:
    state = state_at(two_legged(Score(3, 2)), UEFA_2021, Score(1, 0), 60)
    for team in (HOSTS, VISITORS):
        assert needs(state, team).to_go_through == 1
        assert needs(state, team).to_force == 0


@pytest.mark.parametrize(
    ("second_leg", "to_go_through", "to_force"),
    [
        (Score(0, 0), 4, 3),  # 0-3 down from the first leg, no away goal yet
        (Score(0, 1), 3, 2),  # Aiesh 22'
        (Score(0, 2), 2, 1),  # Sema 23': one more Östersund goal forces extra time
        (Score(1, 2), 2, None),  # Kolašinac 47': 2-4 on aggregate, 2 away goals to 3
    ],
)
def test_what_ostersund_needed_at_arsenal(
    second_leg: Score, to_go_through: int, to_force: int | None
) -> None:
    # Östersund (Hosts) lost 0-3 at home; the second leg is Arsenal (Visitors) v Östersund.
    state = state_at(two_legged(Score(0, 3)), UEFA_CLASSIC, second_leg, 50)
    need = needs(state, HOSTS)
    assert (need.to_go_through, need.to_force) == (to_go_through, to_force)


def test_in_extra_time_needs_count_towards_penalties() -> None:
    state = state_at(two_legged(Score(1, 1)), UEFA_CLASSIC, Score(1, 1), 100)
    need = needs(state, VISITORS)
    assert need.forces is Phase.PENALTIES
    assert (need.to_go_through, need.to_force) == (1, 0)


def test_nothing_is_needed_or_possible_once_the_shoot_out_begins() -> None:
    state = shoot_out(state_at(two_legged(Score(1, 1)), UEFA_CLASSIC, Score(1, 1), 120))
    need = needs(state, HOSTS)
    assert (need.to_go_through, need.to_force, need.forces) == (None, None, None)
    assert next_goal(state, HOSTS) is None
