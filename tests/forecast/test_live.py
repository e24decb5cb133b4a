"""The forecast of a tie followed live agrees with the replay of the played match."""

from __future__ import annotations

import dataclasses
from dataclasses import replace

import pytest

import matchday
from matchday.forecast.live import LiveChances, live_chances
from matchday.forecast.outlook import before_deciding_match, through_by_minute
from matchday.forecast.tie import PENALTY_WIN
from matchday.io.snapshot import choose_snapshot
from matchday.live import EventKind, MatchEvent, apply, clock, kickoff, shoot_out, state_at
from matchday.model import Match, Score, Side, Tie
from matchday.rules import UEFA_2021, UEFA_CLASSIC
from matchday.rules.presets import NO_EXTRA_TIME
from matchday.select import find_tie
from tests.factories import AWAY, FIRST_DATE, HOME, SECOND_DATE

RATINGS = choose_snapshot(SECOND_DATE).ratings
BERGAMO = find_tie(matchday.load("europa-league-2017-18"), "Dortmund", "Round of 32")
AT_KICK_OFF = before_deciding_match(BERGAMO)
LEVEL = Tie(
    "Round of 32",
    (Match(FIRST_DATE, HOME, AWAY, Score(1, 1)), Match(SECOND_DATE, AWAY, HOME)),
)
"""Dortmund 1-1 Atalanta, the second leg to play: 1-1 in Bergamo goes to extra time."""


@pytest.mark.parametrize(
    ("minute", "score"), [(0, Score(0, 0)), (50, Score(1, 0)), (85, Score(1, 1))]
)
def test_a_live_state_has_the_chance_of_the_played_series(minute: int, score: Score) -> None:
    series = dict(through_by_minute(BERGAMO, RATINGS, UEFA_CLASSIC))
    state = state_at(AT_KICK_OFF, UEFA_CLASSIC, score, minute)
    chances = live_chances(state, RATINGS)
    assert chances.team1 == pytest.approx(series[minute])
    assert chances.team1 + chances.team2 == pytest.approx(1)


def test_at_the_final_whistle_a_decided_tie_is_certain() -> None:
    at_90 = state_at(AT_KICK_OFF, UEFA_CLASSIC, Score(1, 1), 90, 4)
    chances = live_chances(apply(at_90, MatchEvent(EventKind.FULL_TIME)), RATINGS)
    assert (chances.team1, chances.extra_time, chances.penalties) == (1.0, 0.0, 0.0)


def test_in_added_time_the_side_a_goal_short_still_has_a_chance() -> None:
    """Atalanta, 1-1 at home after a 3-2 defeat in Dortmund, need one goal (2-1 would put
    them through on away goals). At 90' the added time is still to come: neither 0% nor 100%,
    and less with every added minute played, until the whistle."""
    atalanta = [
        live_chances(state_at(AT_KICK_OFF, UEFA_CLASSIC, Score(1, 1), 90, added), RATINGS).team2
        for added in range(12)
    ]
    assert all(0 < p < 1 for p in atalanta)
    assert atalanta == sorted(atalanta, reverse=True)
    assert atalanta[0] > atalanta[5] > atalanta[11]


def test_in_extra_time_extra_time_is_certain_and_penalties_may_follow() -> None:
    state = state_at(LEVEL, UEFA_2021, Score(1, 1), 100, after_90=Score(1, 1))
    chances = live_chances(state, RATINGS)
    assert chances.extra_time == pytest.approx(1)
    assert 0 < chances.penalties < 1
    whistle = MatchEvent(EventKind.FULL_TIME)
    at_90 = live_chances(apply(state_at(LEVEL, UEFA_2021, Score(1, 1), 90), whistle), RATINGS)
    assert at_90.extra_time == pytest.approx(1)
    assert chances.penalties > at_90.penalties  # ten minutes fewer to score in


def test_a_shoot_out_is_a_coin_flip_until_its_result_is_in() -> None:
    at_120 = state_at(LEVEL, UEFA_2021, Score(1, 1), 120, after_90=Score(1, 1))
    begun = shoot_out(at_120)
    assert live_chances(begun, RATINGS) == LiveChances(PENALTY_WIN, 1 - PENALTY_WIN, 1.0, 1.0)
    over = shoot_out(at_120, Score(5, 4))  # Atalanta, at home, win it
    assert live_chances(over, RATINGS) == LiveChances(0.0, 1.0, 1.0, 1.0)


def test_a_side_down_to_ten_is_less_likely_through() -> None:
    state = apply(kickoff(AT_KICK_OFF, UEFA_CLASSIC), clock(30))
    eleven = live_chances(state, RATINGS)
    card = MatchEvent(EventKind.RED_CARD, 30, side=Side.AWAY)  # Dortmund are away in Bergamo
    dortmund_down = live_chances(apply(state, card), RATINGS)
    atalanta_down = live_chances(apply(state, replace(card, side=Side.HOME)), RATINGS)
    assert dortmund_down.team1 < eleven.team1 < atalanta_down.team1
    assert apply(state, card).sent_off == (0, 1)


def test_a_goal_moves_the_chances_towards_its_side() -> None:
    state = apply(kickoff(AT_KICK_OFF, UEFA_CLASSIC), clock(10))
    after = apply(state, MatchEvent(EventKind.GOAL, 11, side=Side.HOME, player="Toloi"))
    assert live_chances(after, RATINGS).team2 > live_chances(state, RATINGS).team2


def test_chances_that_do_not_add_up_are_refused() -> None:
    with pytest.raises(ValueError, match="not the chances of a tie"):
        LiveChances(0.7, 0.7, 0.0, 0.0)


def test_under_rules_without_a_decider_a_level_tie_goes_through_nobody() -> None:
    no_decider = dataclasses.replace(
        UEFA_2021, name="no-decider", extra_time=False, penalties=False
    )
    chances = live_chances(state_at(LEVEL, no_decider, Score(1, 1), 80), RATINGS)
    assert 0 < chances.team1 + chances.team2 < 1
    assert (chances.extra_time, chances.penalties) == (0.0, 0.0)


def test_in_the_added_time_of_extra_time_a_shoot_out_is_not_yet_certain() -> None:
    at_120 = state_at(LEVEL, UEFA_2021, Score(1, 1), 120, 1, after_90=Score(1, 1))
    assert 0.9 < live_chances(at_120, RATINGS).penalties < 1
    over = apply(at_120, MatchEvent(EventKind.FULL_TIME))
    assert live_chances(over, RATINGS).penalties == 1


def test_straight_to_penalties_is_no_extra_time() -> None:
    """Under ``no-extra-time`` a level tie goes to a shoot-out after 90 minutes (QA5 F2)."""
    level = live_chances(state_at(LEVEL, NO_EXTRA_TIME, Score(1, 1), 80), RATINGS)
    assert level.extra_time == 0
    assert level.penalties > 0.2
    whistle = MatchEvent(EventKind.FULL_TIME)
    at_90 = apply(state_at(LEVEL, NO_EXTRA_TIME, Score(1, 1), 90), whistle)
    begun = live_chances(shoot_out(at_90), RATINGS)
    assert (begun.extra_time, begun.penalties) == (0.0, 1.0)
