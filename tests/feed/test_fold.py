"""The feed folds posted events into the one match state: it accepts what can happen in a
match and rejects the rest, by the rules."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matchday.errors import (
    ExtraTimeNotDueError,
    MatchEventError,
    ShootOutNotDueError,
    UnsettledTieError,
)
from matchday.feed import EventKind, Fixture, MatchEvent, Period, Role, apply, fold
from matchday.live import clock, restore, state_data
from matchday.model import Match, Score, Side, Tie
from matchday.rules import UEFA_2021, UEFA_CLASSIC, DecidedBy, Rules, decide
from tests.factories import AWAY, FIRST_DATE, HOME, SECOND_DATE

KICK_OFF = MatchEvent(EventKind.KICK_OFF)
HALF = MatchEvent(EventKind.HALF_TIME)
FULL = MatchEvent(EventKind.FULL_TIME)
EXTRA = MatchEvent(EventKind.EXTRA_TIME)


def goal(
    minute: int,
    side: Side,
    added: int = 0,
    *,
    player: str | None = None,
    own_goal: bool = False,
    penalty: bool = False,
) -> MatchEvent:
    return MatchEvent(EventKind.GOAL, minute, added, side, player, own_goal, penalty)


def second_leg(first: str, rules: Rules = UEFA_CLASSIC) -> Fixture:
    """Atalanta v Dortmund after a first leg in Dortmund that ended ``first`` (Dortmund first)."""
    home, away = (int(n) for n in first.split("-"))
    first_leg = Match(FIRST_DATE, HOME, AWAY, Score(home, away))
    return Fixture(Match(SECOND_DATE, AWAY, HOME), Role.SECOND_LEG, rules, first_leg)


def first_leg_of(fixture: Fixture) -> Match:
    assert fixture.first_leg is not None
    return fixture.first_leg


def test_the_night_in_bergamo_builds_the_recorded_match() -> None:
    events = [KICK_OFF, goal(11, Side.HOME, player="Toloi"), HALF, KICK_OFF]
    events += [goal(83, Side.AWAY, player="Schmelzer"), FULL]
    sheet = fold(second_leg("3-2"), events)
    assert sheet.period is Period.FINISHED
    match = sheet.match
    assert (match.score, match.half_time) == (Score(1, 1), Score(1, 0))
    assert [(g.minute, g.team, g.scorer) for g in match.goals or ()] == [
        (11, AWAY, "Toloi"),
        (83, HOME, "Schmelzer"),
    ]
    tie = Tie("Round of 32", (first_leg_of(second_leg("3-2")), match))
    assert decide(tie, UEFA_CLASSIC).winner == HOME


def test_no_goal_before_kick_off_or_after_full_time() -> None:
    fixture = second_leg("3-2")
    with pytest.raises(MatchEventError, match="before kick-off"):
        fold(fixture, [goal(5, Side.HOME)])
    finished = fold(fixture, [KICK_OFF, goal(20, Side.AWAY), HALF, FULL])
    assert finished.period is Period.FINISHED
    with pytest.raises(MatchEventError, match="no goal after full time"):
        apply(finished, goal(90, Side.HOME, added=5))


def test_a_minute_must_fit_the_period() -> None:
    first_half = fold(second_leg("3-2"), [KICK_OFF])
    with pytest.raises(MatchEventError, match="60' in the first half"):
        apply(first_half, goal(60, Side.HOME))
    with pytest.raises(MatchEventError, match="added time"):
        apply(first_half, goal(30, Side.HOME, added=2))
    assert apply(first_half, goal(45, Side.HOME, added=2)).score == Score(1, 0)
    at_half_time = apply(first_half, HALF)
    assert apply(at_half_time, goal(44, Side.AWAY)).period is Period.HALF_TIME  # entered late
    assert apply(at_half_time, goal(50, Side.AWAY)).period is Period.SECOND_HALF


def whistle(kind: EventKind, minute: int, added: int = 0) -> MatchEvent:
    return MatchEvent(kind, minute, added)


def test_a_whistle_with_a_minute_blows_at_the_end_of_its_period_not_before_the_clock() -> None:
    first_half = fold(second_leg("3-2"), [KICK_OFF, goal(36, Side.HOME), goal(37, Side.HOME)])
    first_half = apply(first_half, goal(45, Side.AWAY, added=3))
    with pytest.raises(MatchEventError, match="half-time at 20': it comes at 45'"):
        apply(first_half, whistle(EventKind.HALF_TIME, 20))
    with pytest.raises(MatchEventError, match=r"half-time at 45' comes before 45\+3'"):
        apply(first_half, whistle(EventKind.HALF_TIME, 45))
    at_half_time = apply(first_half, whistle(EventKind.HALF_TIME, 45, 4))
    assert (at_half_time.period, at_half_time.clock) == (Period.HALF_TIME, "45+4'")
    second_half = apply(at_half_time, whistle(EventKind.KICK_OFF, 46))
    late = apply(apply(second_half, goal(83, Side.AWAY)), goal(90, Side.AWAY, added=5))
    with pytest.raises(MatchEventError, match="full time at 80': it comes at 90'"):
        apply(late, whistle(EventKind.FULL_TIME, 80))
    with pytest.raises(MatchEventError, match=r"full time at 90\+2' comes before 90\+5'"):
        apply(late, whistle(EventKind.FULL_TIME, 90, 2))
    over = apply(late, whistle(EventKind.FULL_TIME, 90, 6))
    assert (over.period, over.clock) == (Period.FINISHED, "90+6'")
    assert apply(late, FULL).period is Period.FINISHED  # no minute: the whistle as it comes


def test_extra_time_only_when_the_tie_is_level_after_90_minutes() -> None:
    decided = fold(second_leg("3-2"), [KICK_OFF, HALF, FULL])  # 0-0: Dortmund through 3-2
    assert decided.period is Period.FINISHED
    with pytest.raises(ExtraTimeNotDueError, match="not level after 90 minutes"):
        apply(decided, EXTRA)
    level = fold(second_leg("1-0"), [KICK_OFF, goal(10, Side.HOME), HALF, FULL])
    assert level.period is Period.BEFORE_EXTRA_TIME
    with pytest.raises(MatchEventError, match="no goal after full time"):
        apply(level, goal(88, Side.HOME))
    in_extra = apply(level, EXTRA)
    with pytest.raises(MatchEventError, match="extra time"):
        apply(in_extra, goal(80, Side.HOME))


def test_away_goals_in_extra_time_decide_under_classic_rules_only() -> None:
    events = [KICK_OFF, goal(10, Side.HOME), HALF, FULL, EXTRA, goal(100, Side.HOME)]
    events += [goal(110, Side.AWAY), FULL]
    classic = fold(second_leg("1-0"), events)  # 2-1 aet: 2-2 on aggregate, Dortmund 1 away goal
    assert classic.period is Period.FINISHED
    modern = fold(second_leg("1-0", UEFA_2021), events)
    assert modern.period is Period.PENALTIES
    with pytest.raises(ShootOutNotDueError, match="level after extra time"):
        apply(classic, MatchEvent(EventKind.SHOOT_OUT, shootout=Score(4, 3)))
    shootout = apply(modern, MatchEvent(EventKind.SHOOT_OUT, shootout=Score(4, 3)))
    assert shootout.match.penalties == Score(4, 3)


def test_a_shoot_out_is_under_way_until_its_result_which_is_not_level() -> None:
    events = [KICK_OFF, goal(10, Side.HOME), HALF, FULL, EXTRA, FULL]
    at_penalties = fold(second_leg("1-0", UEFA_2021), events)
    with pytest.raises(MatchEventError, match="cannot end level"):
        apply(at_penalties, MatchEvent(EventKind.SHOOT_OUT, shootout=Score(3, 3)))
    under_way = apply(at_penalties, MatchEvent(EventKind.SHOOT_OUT))
    assert (under_way.period, under_way.through) == (Period.PENALTIES, None)
    over = apply(under_way, MatchEvent(EventKind.SHOOT_OUT, shootout=Score(3, 4)))
    assert (over.period, over.through, over.decided_by) == (
        Period.FINISHED,
        HOME,
        DecidedBy.PENALTIES,
    )


def test_periods_come_in_order() -> None:
    fixture = second_leg("3-2")
    with pytest.raises(MatchEventError, match="full time before half-time"):
        fold(fixture, [KICK_OFF, FULL])
    with pytest.raises(MatchEventError, match="half-time only ends the first half"):
        fold(fixture, [KICK_OFF, HALF, HALF])
    with pytest.raises(MatchEventError, match="no kick-off during first half"):
        fold(fixture, [KICK_OFF, KICK_OFF])


def test_a_second_leg_waits_for_the_first_legs_result() -> None:
    fixture = replace(second_leg("3-2"), first_leg=Match(FIRST_DATE, HOME, AWAY))
    with pytest.raises(MatchEventError, match="first leg has no result"):
        fold(fixture, [KICK_OFF])


def test_a_first_leg_ends_at_full_time_even_when_level() -> None:
    fixture = Fixture(Match(FIRST_DATE, HOME, AWAY), Role.FIRST_LEG, UEFA_CLASSIC)
    sheet = fold(fixture, [KICK_OFF, HALF, FULL])
    assert sheet.period is Period.FINISHED
    assert sheet.match.score == Score(0, 0)
    with pytest.raises(ExtraTimeNotDueError, match="does not decide a tie"):
        apply(sheet, EXTRA)


def test_a_match_with_a_recorded_result_takes_no_events() -> None:
    played = Fixture(Match(FIRST_DATE, HOME, AWAY, Score(3, 2)), Role.FIRST_LEG, UEFA_CLASSIC)
    assert fold(played, []).match.score == Score(3, 2)
    with pytest.raises(MatchEventError, match="already on record"):
        fold(played, [KICK_OFF])


def test_red_cards_and_own_goals_are_kept_with_their_team() -> None:
    events = [KICK_OFF, goal(28, Side.AWAY, player="Raúl Navas", own_goal=True)]
    red = MatchEvent(
        EventKind.RED_CARD, minute=71, side=Side.AWAY, player="Raúl Navas", second_yellow=True
    )
    sheet = fold(second_leg("3-2"), [*events, HALF, red, FULL])
    match = sheet.match
    assert match.red_cards is not None
    assert (match.red_cards[0].team, match.red_cards[0].second_yellow) == (HOME, True)
    assert match.goals is not None
    assert match.goals[0].own_goal
    with pytest.raises(MatchEventError, match="both an own goal and a penalty"):
        fold(second_leg("3-2"), [KICK_OFF, goal(3, Side.HOME, own_goal=True, penalty=True)])


minutes = st.integers(1, 90)


@given(
    first=st.tuples(st.integers(0, 4), st.integers(0, 4)),
    home_goals=st.lists(minutes, max_size=5),
    away_goals=st.lists(minutes, max_size=5),
)
def test_full_time_agrees_with_decide(
    first: tuple[int, int], home_goals: list[int], away_goals: list[int]
) -> None:
    """Whatever the goals, full time finishes the match exactly when decide() finds a winner
    from the 90 minutes, and waits for extra time exactly when decide() asks for it."""
    fixture = second_leg(f"{first[0]}-{first[1]}")
    goals = sorted(
        [(m, Side.HOME) for m in home_goals] + [(m, Side.AWAY) for m in away_goals],
        key=lambda g: g[0],
    )
    events = [KICK_OFF]
    events += [goal(m, side) for m, side in goals if m <= 45]
    events += [HALF, KICK_OFF]
    events += [goal(m, side) for m, side in goals if m > 45]
    sheet = fold(fixture, [*events, FULL])
    assert sheet.score == Score(len(home_goals), len(away_goals))
    played = replace(fixture.match, score=sheet.score)
    tie = Tie("Round of 32", (first_leg_of(fixture), played))
    if sheet.period is Period.FINISHED:
        assert decide(tie, UEFA_CLASSIC).decided_by in (DecidedBy.AGGREGATE, DecidedBy.AWAY_GOALS)
        assert sheet.match.score == sheet.score
    else:
        assert sheet.period is Period.BEFORE_EXTRA_TIME
        with pytest.raises(UnsettledTieError, match="no extra time recorded"):
            decide(tie, UEFA_CLASSIC)


def test_clock_text() -> None:
    assert goal(90, Side.HOME, added=4).clock == "90+4'"
    assert KICK_OFF.clock == ""


def test_the_clock_implies_the_whistles_between() -> None:
    fixture = second_leg("1-1", UEFA_2021)
    at_100 = fold(fixture, [clock(10), goal(10, Side.HOME), clock(70), goal(70, Side.AWAY)])
    at_100 = apply(at_100, clock(100))
    assert (at_100.period, at_100.half_time, at_100.after_90) == (
        Period.EXTRA_TIME,
        Score(1, 0),
        Score(1, 1),
    )
    assert at_100.clock == "100'"
    with pytest.raises(MatchEventError, match="comes before"):
        apply(at_100, clock(99))


def test_an_uploaded_result_is_a_finished_state() -> None:
    fixture = second_leg("3-2")
    played = replace(fixture, match=replace(fixture.match, score=Score(1, 1)))
    state = fold(played, [])
    assert (state.period, state.score, state.minute) == (Period.FINISHED, Score(1, 1), 90)
    assert state.through == HOME
    assert state.match == played.match


def test_the_verdict_is_settled_once_per_change_and_goals_that_turn_are_noted() -> None:
    events = [KICK_OFF, goal(11, Side.HOME, player="Toloi"), HALF, KICK_OFF]
    events += [goal(83, Side.AWAY, player="Schmelzer"), goal(88, Side.AWAY), FULL]
    state = fold(second_leg("3-2"), events)
    assert [g.scorer for g in state.turns] == ["Toloi", "Schmelzer"]
    assert state.verdict is not None
    assert state.verdict.decided_by is DecidedBy.AGGREGATE


def test_the_state_survives_the_store() -> None:
    events = [KICK_OFF, goal(11, Side.HOME, player="Toloi"), HALF, KICK_OFF]
    events += [MatchEvent(EventKind.RED_CARD, 60, 0, Side.AWAY, "Sokratis")]
    fixture = second_leg("3-2")
    state = fold(fixture, events)
    assert restore(fixture, json.loads(json.dumps(state_data(state)))) == state
