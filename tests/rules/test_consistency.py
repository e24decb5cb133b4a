"""Results that break the rules raise typed errors naming the tie; nothing is assumed."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday.errors import (
    ConfigError,
    ExtraTimeNotDueError,
    RuleError,
    ShootOutNotDueError,
    UnsettledTieError,
)
from matchday.model import Match, Score, Tie
from matchday.rules import UEFA_2021, UEFA_CLASSIC, AwayGoals, Rules, decide, preset
from matchday.source import SourceRef
from tests.factories import AWAY, HOME, one_match, two_legs


def test_extra_time_after_a_second_leg_that_already_decided_the_tie() -> None:
    with pytest.raises(ExtraTimeNotDueError, match="Borussia Dortmund v Atalanta"):
        decide(two_legs("3-2", "1-1", aet="2-1"), UEFA_2021)


def test_extra_time_where_away_goals_had_decided_under_classic_but_not_under_2021() -> None:
    tie = two_legs("1-1", "0-0", aet="0-0", pens="4-3")
    with pytest.raises(ExtraTimeNotDueError):
        decide(tie, UEFA_CLASSIC)
    assert decide(tie, UEFA_2021).winner == AWAY


def test_a_shootout_after_extra_time_that_decided() -> None:
    with pytest.raises(ShootOutNotDueError):
        decide(two_legs("1-1", "1-1", aet="2-1", pens="4-3"), UEFA_2021)


def test_a_shootout_after_away_goals_in_extra_time_decided() -> None:
    with pytest.raises(ShootOutNotDueError):
        decide(two_legs("1-0", "1-0", aet="2-1", pens="4-3"), UEFA_CLASSIC)


def test_a_level_tie_with_no_extra_time_recorded_is_unsettled() -> None:
    with pytest.raises(UnsettledTieError, match="no extra time recorded"):
        decide(two_legs("1-1", "1-1"), UEFA_CLASSIC)


def test_a_level_tie_after_extra_time_without_a_shootout_is_unsettled() -> None:
    with pytest.raises(UnsettledTieError, match="no shoot-out recorded"):
        decide(two_legs("0-0", "0-0", aet="0-0"), UEFA_2021)


def test_a_shootout_without_extra_time_when_the_rules_have_extra_time() -> None:
    with pytest.raises(RuleError, match="without the extra time"):
        decide(two_legs("0-0", "0-0", pens="4-3"), UEFA_2021)


def test_extra_time_in_a_first_leg() -> None:
    first = Match(dt.date(2018, 2, 15), HOME, AWAY, Score(1, 1), extra_time=Score(2, 1))
    second = Match(dt.date(2018, 2, 22), AWAY, HOME, Score(0, 0))
    with pytest.raises(ExtraTimeNotDueError, match="first leg"):
        decide(Tie("Round of 32", (first, second)), UEFA_CLASSIC)


def test_single_match_extra_time_after_a_decided_90_minutes() -> None:
    with pytest.raises(ExtraTimeNotDueError):
        decide(one_match("2-1", aet="3-1"), UEFA_2021)


def test_a_shootout_under_rules_without_one() -> None:
    rules = Rules("no-penalties", AwayGoals.NONE, penalties=False)
    with pytest.raises(ShootOutNotDueError):
        decide(two_legs("0-0", "0-0", aet="0-0", pens="4-3"), rules)
    with pytest.raises(UnsettledTieError, match="level at the end under no-penalties"):
        decide(two_legs("0-0", "0-0", aet="1-1"), rules)


def test_extra_time_under_rules_without_it() -> None:
    rules = Rules("no-extra-time", AwayGoals.NONE, extra_time=False)
    with pytest.raises(ExtraTimeNotDueError, match="no extra time"):
        decide(two_legs("0-0", "0-0", aet="1-0"), rules)


def test_errors_name_file_and_line_of_a_parsed_leg() -> None:
    first = Match(dt.date(2018, 2, 15), HOME, AWAY, Score(3, 2), source=SourceRef("el.txt", 20))
    second = Match(
        dt.date(2018, 2, 22),
        AWAY,
        HOME,
        Score(1, 1),
        extra_time=Score(2, 1),
        source=SourceRef("el.txt", 40),
    )
    with pytest.raises(ExtraTimeNotDueError) as caught:
        decide(Tie("Round of 32", (first, second)), UEFA_CLASSIC)
    assert str(caught.value).startswith("el.txt:40: Borussia Dortmund v Atalanta (Round of 32):")
    assert caught.value.where == SourceRef("el.txt", 40)


def test_an_unknown_preset_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="uefa-classic, uefa-2021"):
        preset("fifa-1930")
