"""One-line English agrees in number: "level on 1 point", "1 match on record"."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday.errors import LegCountError
from matchday.model import Match, Score, Team, Tie
from matchday.model.names import counted
from matchday.standings import rank
from matchday.standings.rules import TWO_POINTS

A, B, C, D = (Team(n) for n in ("Alpha", "Bravo", "Charlie", "Delta"))
DAY = dt.date(1974, 6, 14)


def test_counted() -> None:
    assert counted(1, "point", "points") == "1 point"
    assert counted(0, "point", "points") == "0 points"
    assert counted(3, "match", "matches") == "3 matches"


def test_teams_level_on_one_point() -> None:
    """Alpha and Bravo draw with each other and lose to Charlie: one point each."""
    matches = (
        Match(DAY, A, B, Score(1, 1)),
        Match(DAY, C, A, Score(1, 0)),
        Match(DAY, C, B, Score(3, 0)),
    )
    table = rank("Group A", matches, TWO_POINTS)
    said = [s.explanation for s in table.standings if s.team in (A, B)]
    assert said == [
        "level on 1 point with Bravo; ahead on goal difference",
        "level on 1 point with Alpha; behind on goal difference",
    ]


def test_a_two_legged_tie_with_one_match_on_record() -> None:
    with pytest.raises(LegCountError, match="2-legged tie with 1 match on record"):
        Tie("Round 1", (Match(DAY, A, D, Score(1, 0)),), legs_planned=2)
