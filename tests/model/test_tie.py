"""Ties: two legs mirrored, or one match; legs grouped from a round by pair of teams."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday.errors import LegCountError, LegsMismatchError
from matchday.model import Match, Score, Team, Tie, build_ties
from tests.factories import AWAY, FIRST_DATE, HOME, SECOND_DATE, leg

OTHER = Team("Arsenal FC", "ENG")
THIRD = Team("Östersunds FK", "SWE")


def test_legs_are_kept_in_date_order_whatever_order_they_are_given_in() -> None:
    first = leg(HOME, AWAY, "3-2", date=FIRST_DATE)
    second = leg(AWAY, HOME, "1-1", date=SECOND_DATE)
    tie = Tie("Round of 32", (second, first))
    assert tie.legs == (first, second)
    assert tie.team1 == HOME
    assert tie.team2 == AWAY
    assert tie.second_leg == second


def test_second_leg_must_swap_home_and_away() -> None:
    first = leg(HOME, AWAY, "3-2", date=FIRST_DATE)
    again = leg(HOME, AWAY, "1-1", date=SECOND_DATE)
    with pytest.raises(LegsMismatchError, match="swapped"):
        Tie("Round of 32", (first, again))


def test_legs_of_different_pairs_do_not_make_a_tie() -> None:
    first = leg(HOME, AWAY, "3-2", date=FIRST_DATE)
    other = leg(OTHER, HOME, "1-1", date=SECOND_DATE)
    with pytest.raises(LegsMismatchError):
        Tie("Round of 32", (first, other))


def test_three_legs_are_too_many() -> None:
    legs = (
        leg(HOME, AWAY, "1-0", date=FIRST_DATE),
        leg(AWAY, HOME, "1-0", date=SECOND_DATE),
        leg(HOME, AWAY, "1-0", date=SECOND_DATE + dt.timedelta(days=7)),
    )
    with pytest.raises(LegCountError, match="not 3"):
        Tie("Round of 32", legs)


def test_a_missing_second_leg_is_an_error_but_an_unplayed_one_is_not() -> None:
    first = leg(HOME, AWAY, "3-2", date=FIRST_DATE)
    with pytest.raises(LegCountError, match="2-legged tie with 1 match on record"):
        Tie("Round of 32", (first,), legs_planned=2)
    unplayed = leg(AWAY, HOME, None, date=SECOND_DATE)
    tie = Tie("Round of 32", (first, unplayed))
    assert not tie.single_match
    assert tie.second_leg is not None
    assert not tie.second_leg.played


def test_build_ties_pairs_legs_by_teams_in_order_of_first_appearance() -> None:
    matches = (
        leg(HOME, AWAY, "3-2", date=FIRST_DATE),
        leg(THIRD, OTHER, "0-3", date=FIRST_DATE),
        leg(AWAY, HOME, "1-1", date=SECOND_DATE),
        leg(OTHER, THIRD, "1-2", date=SECOND_DATE),
    )
    ties = build_ties("Round of 32", matches)
    assert [t.teams for t in ties] == [(HOME, AWAY), (THIRD, OTHER)]
    assert all(len(t.legs) == 2 for t in ties)


def test_a_round_where_every_pair_meets_once_is_a_single_match_round() -> None:
    matches = (leg(HOME, AWAY, "1-2"), leg(THIRD, OTHER, "0-1"))
    ties = build_ties("Quarterfinals", matches)
    assert all(t.single_match for t in ties)


def test_a_pair_meeting_once_in_a_two_legged_round_is_a_missing_leg() -> None:
    matches = (
        leg(HOME, AWAY, "3-2", date=FIRST_DATE),
        leg(AWAY, HOME, "1-1", date=SECOND_DATE),
        leg(THIRD, OTHER, "0-3", date=FIRST_DATE),
    )
    with pytest.raises(LegCountError, match="Östersunds FK v Arsenal FC"):
        build_ties("Round of 32", matches)


def test_legs_on_the_same_day_are_rejected() -> None:
    first = Match(FIRST_DATE, HOME, AWAY, Score(1, 0))
    second = Match(FIRST_DATE, AWAY, HOME, Score(1, 0))
    with pytest.raises(LegsMismatchError, match="same date"):
        Tie("Round of 32", (first, second))


def test_a_meeting_after_extra_time_is_a_replay_not_a_second_leg() -> None:
    """1934's quarter-finals as rsssf writes them: Spain 1-1 Italy a.e.t., then Spain 0-1
    Italy in the same round, beside single matches. A match that went to extra time is never
    a first leg, so the second meeting is its replay and the round stays single-match."""
    drawn = leg(HOME, AWAY, "1-1", date=FIRST_DATE, aet="1-1")
    replay = leg(HOME, AWAY, "0-1", date=SECOND_DATE)
    other = leg(OTHER, THIRD, "2-1", date=FIRST_DATE)
    tie, single = build_ties("Quarterfinals", (drawn, other, replay))
    assert (tie.legs, tie.replays, tie.legs_planned) == ((drawn,), (replay,), 1)
    assert (single.legs, single.legs_planned) == ((other,), 1)
    # without extra time the same two meetings are the legs of a two-legged round
    first = leg(HOME, AWAY, "1-1", date=FIRST_DATE)
    second = leg(AWAY, HOME, "0-1", date=SECOND_DATE)
    (two_legged,) = build_ties("Quarterfinals", (first, second))
    assert (two_legged.legs, two_legged.replays) == ((first, second), ())
    # in a two-legged round a first leg with extra time stays a first leg: deciding the tie
    # says what is wrong with it
    wrong = leg(OTHER, THIRD, "1-1", date=FIRST_DATE, aet="2-1")
    back = leg(THIRD, OTHER, "0-0", date=SECOND_DATE)
    legs, odd = build_ties("Quarterfinals", (first, second, wrong, back))
    assert (odd.legs, odd.replays, legs.legs_planned) == ((wrong, back), (), 2)


def test_a_two_legged_round_known_beyond_its_matches_keeps_a_lone_first_leg_as_a_tie() -> None:
    """The night of the first legs: a round known to be two-legged (``Round.legs``) whose
    pairs each met once holds ties whose second leg is to come, with no match invented."""
    first = leg(HOME, AWAY, "3-2", date=FIRST_DATE)
    other = leg(OTHER, THIRD, "0-0", date=FIRST_DATE)
    ties = build_ties("Round of 16", (first, other), legs=2)
    assert [t.legs for t in ties] == [(first,), (other,)]
    assert all(t.second_leg_to_come and t.legs_planned == 2 for t in ties)
    assert not any(t.single_match for t in ties)
    assert ties[0].second_leg is None
    assert ties[0].matches == (first,)


def test_without_knowing_the_round_a_lone_match_is_still_a_single_match() -> None:
    (tie,) = build_ties("Round of 16", (leg(HOME, AWAY, "3-2"),))
    assert tie.single_match
    assert not tie.second_leg_to_come


def test_a_pair_with_both_legs_in_a_known_two_legged_round_has_nothing_to_come() -> None:
    first = leg(HOME, AWAY, "3-2", date=FIRST_DATE)
    second = leg(AWAY, HOME, "1-1", date=SECOND_DATE)
    lone = leg(OTHER, THIRD, "0-0", date=SECOND_DATE)
    both, one = build_ties("Round of 16", (first, second, lone), legs=2)
    assert not both.second_leg_to_come
    assert both.legs == (first, second)
    assert one.second_leg_to_come


def test_only_a_lone_first_leg_can_have_its_second_leg_to_come() -> None:
    first = leg(HOME, AWAY, "3-2", date=FIRST_DATE)
    second = leg(AWAY, HOME, "1-1", date=SECOND_DATE)
    with pytest.raises(LegCountError, match="second leg to come"):
        Tie("Round of 16", (first, second), 2, second_leg_to_come=True)
    with pytest.raises(LegCountError, match="second leg to come"):
        Tie("Final", (first,), 1, second_leg_to_come=True)
    with pytest.raises(LegCountError, match="2-legged tie with 1 match on record"):
        Tie("Round of 16", (first,), 2)
