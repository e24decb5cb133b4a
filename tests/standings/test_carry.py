"""A league stage's table starting from what its teams carried from the regular season: all
points and results (Scotland), halved and rounded up (Belgium) or down (Austria), the half point
rounding gave or took deciding between teams level on points."""

from __future__ import annotations

from fractions import Fraction

import pytest

from matchday.standings import (
    DOMESTIC,
    CarriedPoints,
    Carry,
    Criterion,
    Table,
    TableRules,
    rank,
    start_from,
)
from tests.standings.helpers import matches

HALF_POINT_FIRST = TableRules("test", overall=(Criterion.POINTS_BEFORE_ROUNDING,))
PLACE_AFTER = TableRules(
    "test", overall=(Criterion.POINTS_BEFORE_ROUNDING, Criterion.REGULAR_SEASON_PLACE)
)


def _stage(regular: Table, stage: tuple[str, ...], carry: Carry, rules: TableRules) -> Table:
    places = ((s.position, s.record, s.points) for s in regular.standings)
    played = matches(*stage)
    teams = {t for m in played for t in (m.home, m.away)}
    return rank("Stage", played, rules, start=start_from(regular.name, places, teams, carry))


def _points(table: Table) -> list[tuple[str, int]]:
    return [(s.team.name, s.points) for s in table.standings]


@pytest.mark.parametrize(
    ("carried", "points", "kept", "rounded"),
    [
        (CarriedPoints.ALL, 61, 61, 0),
        (CarriedPoints.NONE, 61, 0, 0),
        (CarriedPoints.HALVED_ROUNDED_UP, 61, 31, Fraction(1, 2)),
        (CarriedPoints.HALVED_ROUNDED_UP, 60, 30, 0),
        (CarriedPoints.HALVED_ROUNDED_DOWN, 33, 16, Fraction(-1, 2)),
        (CarriedPoints.HALVED_ROUNDED_DOWN, 0, 0, 0),
    ],
)
def test_points_carried_and_what_rounding_gave_or_took(
    carried: CarriedPoints, points: int, kept: int, rounded: Fraction
) -> None:
    assert carried.of(points) == (kept, rounded)


# A regular season of four: A 9 points (3 wins), B 3, C 3, D 3 (goal difference B > C > D).
REGULAR = ("A 1-0 B", "A 1-0 C", "A 1-0 D", "B 3-0 C", "C 2-0 D", "D 1-0 B")


def test_the_whole_season_goes_on_in_the_stage_table() -> None:
    """Scotland: the split table counts every game and point of the season."""
    regular = rank("League", matches(*REGULAR), DOMESTIC)
    stage = _stage(regular, ("B 0-0 C", "C 1-1 B"), Carry(CarriedPoints.ALL, True), DOMESTIC)
    assert _points(stage) == [("B", 5), ("C", 5)]
    assert [s.record.played for s in stage.standings] == [5, 5]
    b = stage.standings[0]  # level on 5; +1 over the season against C's -2 (0 in the stage)
    assert b.record.goals_for == 4
    assert b.explanation.endswith("ahead on goal difference")
    assert stage.start is not None
    assert stage.start.before == "League"


def test_without_its_carried_points_a_stage_would_rank_otherwise() -> None:
    """The stage alone has C above A; A's nine points carried (all of them) keep A first."""
    regular = rank("League", matches(*REGULAR), DOMESTIC)
    alone = rank("Stage", matches("C 2-0 A"), DOMESTIC)
    assert [s.team.name for s in alone.standings] == ["C", "A"]
    carried = _stage(regular, ("C 2-0 A",), Carry(CarriedPoints.ALL), DOMESTIC)
    assert _points(carried) == [("A", 9), ("C", 6)]
    assert carried.standings[0].record.played == 1  # the stage's matches only


# A 7 points and B 8 (A rounded up to 4, B 4 exactly) / A 9 and B 8 (A rounded down to 4).
A7_B8 = ("A 1-0 C", "A 1-0 D", "A 0-0 C", "B 1-0 C", "B 1-0 D", "B 0-0 C", "B 0-0 D")
A9_B8 = ("A 1-0 C", "A 1-0 D", "A 1-0 C", "B 1-0 C", "B 1-0 D", "B 0-0 C", "B 0-0 D")


def test_level_on_points_a_team_rounded_up_goes_below() -> None:
    """Belgium: A's 7 points halve to 4 (3.5 rounded up), B's 8 to 4; level after the stage,
    the team whose points were rounded up is placed below."""
    regular = rank("League", matches(*A7_B8), DOMESTIC)
    assert _points(regular)[:2] == [("B", 8), ("A", 7)]
    stage = _stage(regular, ("A 1-1 B",), Carry(CarriedPoints.HALVED_ROUNDED_UP), HALF_POINT_FIRST)
    assert _points(stage) == [("B", 5), ("A", 5)]
    assert stage.standings[0].decided_by is Criterion.POINTS_BEFORE_ROUNDING
    assert stage.standings[0].explanation.endswith("ahead on points before rounding")
    assert stage.start is not None
    a = stage.start.of(stage.standings[1].team)
    assert a is not None
    assert (a.points, a.rounded, a.place) == (4, Fraction(1, 2), 2)


def test_level_on_points_a_team_rounded_down_goes_above() -> None:
    """Austria: A's 9 points halve to 4 (4.5 rounded down), B's 8 to 4; level after the
    stage, the team that lost half a point in rounding is placed above; the table counts
    the whole season's games."""
    regular = rank("League", matches(*A9_B8), DOMESTIC)
    carry = Carry(CarriedPoints.HALVED_ROUNDED_DOWN, whole_season=True)
    stage = _stage(regular, ("A 1-1 B",), carry, HALF_POINT_FIRST)
    assert _points(stage) == [("A", 5), ("B", 5)]
    assert stage.standings[0].decided_by is Criterion.POINTS_BEFORE_ROUNDING
    assert [s.record.played for s in stage.standings] == [4, 5]


def test_then_the_place_in_the_regular_season() -> None:
    """Both rounded up (7 points each), level after the stage: the team placed higher in the
    regular season (B, on goal difference) goes first (Belgium from 2017-18)."""
    regular = rank(
        "League",
        matches("B 2-0 C", "B 1-0 D", "B 0-0 C", "A 1-0 C", "A 1-0 D", "A 0-0 D"),
        DOMESTIC,
    )
    assert _points(regular)[:2] == [("B", 7), ("A", 7)]
    carry = Carry(CarriedPoints.HALVED_ROUNDED_UP)
    stage = _stage(regular, ("A 1-1 B",), carry, PLACE_AFTER)
    assert _points(stage) == [("B", 5), ("A", 5)]
    assert stage.standings[0].decided_by is Criterion.REGULAR_SEASON_PLACE
    assert stage.standings[0].explanation.endswith("ahead on place in the regular season")
    without = _stage(regular, ("A 1-1 B",), carry, HALF_POINT_FIRST)
    assert not without.standings[0].decided  # left level: the criterion is what decides
