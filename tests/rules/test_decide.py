"""decide(): each way a tie can be settled, under both UEFA presets, with its explanation."""

from __future__ import annotations

from dataclasses import replace

import pytest

from matchday.errors import ExtraTimeNotDueError
from matchday.model import Score, Tally, Tie
from matchday.rules import (
    UEFA_2021,
    UEFA_CLASSIC,
    AwayGoals,
    DecidedBy,
    Rules,
    decide,
    preset,
    rules_for_season,
)
from matchday.rules.presets import AWAY_GOALS_90, EXTRA_TIME_PENALTIES
from tests.factories import AWAY, HOME, one_match, two_legs

CLASSIC, NEW = "uefa-classic", "uefa-2021"

# first leg (team1 at home), second leg (team2 at home), a.e.t., pens, preset -> winner, how
TWO_LEGGED = [
    ("3-2", "1-1", None, None, CLASSIC, 1, DecidedBy.AGGREGATE),
    ("3-2", "1-1", None, None, NEW, 1, DecidedBy.AGGREGATE),
    ("1-1", "0-0", None, None, CLASSIC, 2, DecidedBy.AWAY_GOALS),
    ("1-3", "0-2", None, None, CLASSIC, 2, DecidedBy.AWAY_GOALS),
    ("1-1", "0-0", "0-0", "4-3", NEW, 2, DecidedBy.PENALTIES),
    # level aggregate, level away goals after 90 minutes: extra time decides
    ("1-1", "1-1", "2-1", None, CLASSIC, 2, DecidedBy.EXTRA_TIME),
    ("2-0", "2-0", "2-1", None, CLASSIC, 1, DecidedBy.EXTRA_TIME),
    ("2-0", "2-0", "2-1", None, NEW, 1, DecidedBy.EXTRA_TIME),
    # 1-1 in extra time: the side away in the second leg through on away goals (classic),
    # penalties when away goals do not count (2021) or count only after 90 minutes
    ("1-0", "1-0", "2-1", None, CLASSIC, 1, DecidedBy.AWAY_GOALS_EXTRA_TIME),
    ("1-0", "1-0", "2-1", "3-5", NEW, 1, DecidedBy.PENALTIES),
    ("1-0", "1-0", "2-1", "5-3", "away-goals-90", 2, DecidedBy.PENALTIES),
    # no goals in extra time: penalties under every preset
    ("1-1", "1-1", "1-1", "2-4", CLASSIC, 1, DecidedBy.PENALTIES),
    ("0-0", "0-0", "0-0", "4-2", NEW, 2, DecidedBy.PENALTIES),
]


@pytest.mark.parametrize(
    ("first", "second", "aet", "pens", "rules", "winner", "how"),
    TWO_LEGGED,
    ids=[f"{r[0]}|{r[1]}|aet={r[2]}|p={r[3]}|{r[4]}" for r in TWO_LEGGED],
)
def test_two_legged_ties(
    first: str,
    second: str,
    aet: str | None,
    pens: str | None,
    rules: str,
    winner: int,
    how: DecidedBy,
) -> None:
    tie = two_legs(first, second, aet=aet, pens=pens)
    outcome = decide(tie, preset(rules))
    assert outcome.winner == (HOME if winner == 1 else AWAY)
    assert outcome.loser == (AWAY if winner == 1 else HOME)
    assert outcome.decided_by is how


SINGLE = [
    ("0-3", None, None, 2, DecidedBy.SINGLE_MATCH),
    ("1-1", "2-1", None, 1, DecidedBy.SINGLE_MATCH_EXTRA_TIME),
    ("1-1", "1-1", "4-5", 2, DecidedBy.SINGLE_MATCH_PENALTIES),
]


@pytest.mark.parametrize("rules", [CLASSIC, NEW])
@pytest.mark.parametrize(("result", "aet", "pens", "winner", "how"), SINGLE)
def test_single_match_ties_ignore_away_goals(
    result: str, aet: str | None, pens: str | None, winner: int, how: DecidedBy, rules: str
) -> None:
    outcome = decide(one_match(result, aet=aet, pens=pens), preset(rules))
    assert outcome.winner == (HOME if winner == 1 else AWAY)
    assert outcome.decided_by is how
    assert outcome.away_goals is None


def test_the_explanation_of_dortmund_at_atalanta() -> None:
    outcome = decide(two_legs("3-2", "1-1"), UEFA_CLASSIC)
    assert outcome.explanation == "Borussia Dortmund win 4-3 on aggregate"
    assert outcome.aggregate == Tally(4, 3)
    assert outcome.away_goals == Tally(1, 2)


@pytest.mark.parametrize(
    ("first", "second", "aet", "pens", "rules", "text"),
    [
        (
            "1-1",
            "0-0",
            None,
            None,
            UEFA_CLASSIC,
            "Atalanta win on away goals: 1-1 on aggregate, 1 away goal to 0",
        ),
        (
            "1-0",
            "1-0",
            "2-1",
            None,
            UEFA_CLASSIC,
            "Borussia Dortmund win on away goals after extra time: 2-2 on aggregate, "
            "1 away goal to 0",
        ),
        (
            "2-0",
            "2-0",
            "2-1",
            None,
            UEFA_2021,
            "Borussia Dortmund win 3-2 on aggregate after extra time",
        ),
        (
            "1-0",
            "1-0",
            "2-1",
            "3-5",
            UEFA_2021,
            "Borussia Dortmund win 5-3 on penalties (2-2 on aggregate after extra time)",
        ),
    ],
)
def test_explanations_say_how(
    first: str, second: str, aet: str | None, pens: str | None, rules: Rules, text: str
) -> None:
    assert decide(two_legs(first, second, aet=aet, pens=pens), rules).explanation == text


def test_single_match_explanations() -> None:
    assert decide(one_match("0-3"), UEFA_2021).explanation == "Atalanta win 3-0"
    shootout = decide(one_match("1-1", aet="1-1", pens="4-5"), UEFA_2021)
    assert shootout.explanation == "Atalanta win 5-4 on penalties after a 1-1 draw after extra time"


def test_an_unplayed_second_leg_leaves_the_tie_undecided() -> None:
    outcome = decide(two_legs("3-2", None), UEFA_CLASSIC)
    assert not outcome.decided
    assert outcome.winner is None
    assert outcome.loser is None
    assert outcome.decided_by is None
    assert outcome.aggregate == Tally(3, 2)
    assert outcome.explanation == "Undecided: second leg not played yet (first leg 3-2)"


def test_a_tie_not_yet_started_has_no_aggregate() -> None:
    outcome = decide(two_legs(None, None), UEFA_2021)
    assert outcome.aggregate is None
    assert outcome.explanation == "Undecided: not played yet"


def test_rules_without_extra_time_go_straight_to_penalties() -> None:
    rules = Rules("no-extra-time", AwayGoals.NONE, extra_time=False)
    outcome = decide(two_legs("1-0", "1-0", pens="2-4"), rules)
    assert outcome.decided_by is DecidedBy.PENALTIES
    assert outcome.winner == HOME


@pytest.mark.parametrize(
    ("start_year", "name"),
    [(2011, CLASSIC), (2017, CLASSIC), (2020, CLASSIC), (2021, NEW), (2025, NEW)],
)
def test_the_preset_follows_the_season(start_year: int, name: str) -> None:
    assert rules_for_season(start_year).name == name


def test_presets_differ_only_in_away_goals() -> None:
    assert UEFA_CLASSIC.away_goals is AwayGoals.INCLUDING_EXTRA_TIME
    assert UEFA_2021.away_goals is AwayGoals.NONE
    assert AWAY_GOALS_90.away_goals is AwayGoals.AFTER_90
    for rules in (UEFA_CLASSIC, UEFA_2021, AWAY_GOALS_90):
        assert rules.extra_time
        assert rules.penalties


def _after_extra_time_only(first: str, second_aet: str) -> Tie:
    """A tie whose second leg is written with its score after extra time only (``1-0 aet``):
    the score after 90 minutes is not on record."""
    tie = two_legs(first, "0-0", aet=second_aet)
    second = replace(tie.legs[1], full_time_recorded=False)
    return Tie(tie.round, (tie.legs[0], second))


def test_a_second_leg_written_after_extra_time_only_was_level_after_90_minutes() -> None:
    """World Cup 2022 qualifying as rsssf writes it: Egypt 1-0 Senegal, then Senegal 1-0 Egypt
    (aet, 3-1 pen.); and Cameroon 0-1 Algeria, then Algeria 1-2 Cameroon (aet), Cameroon
    through on the away goal scored in extra time. Extra time was played, so the tie was level
    after 90 minutes; the engine does not take the second leg's 90 minutes for 0-0."""
    egypt = _after_extra_time_only("1-0", "1-0")
    egypt = Tie(egypt.round, (egypt.legs[0], replace(egypt.legs[1], penalties=Score(3, 1))))
    outcome = decide(egypt, EXTRA_TIME_PENALTIES)
    assert (outcome.winner, outcome.decided_by) == (AWAY, DecidedBy.PENALTIES)
    cameroon = _after_extra_time_only("0-1", "1-2")
    outcome = decide(cameroon, UEFA_CLASSIC)
    assert (outcome.winner, outcome.decided_by) == (HOME, DecidedBy.AWAY_GOALS_EXTRA_TIME)
    # no score after 90 minutes could have left this tie level: the record breaks the rules
    with pytest.raises(ExtraTimeNotDueError):
        decide(_after_extra_time_only("3-0", "1-0"), EXTRA_TIME_PENALTIES)


def test_a_first_leg_whose_second_leg_is_not_in_the_file_yet_decides_nothing() -> None:
    """However big the first leg's margin: the night of the first legs, nobody is through."""
    first = two_legs("3-0", None).first_leg
    tie = Tie("Round of 16", (first,), 2, second_leg_to_come=True)
    outcome = decide(tie, UEFA_2021)
    assert outcome.winner is None
    assert outcome.decided_by is None
    assert outcome.aggregate == Tally(3, 0)
    assert outcome.explanation == "Undecided: second leg to come (first leg 3-0)"
