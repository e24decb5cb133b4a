"""Tables of every era: two or three points for a win, goal average, head-to-head the UEFA way
(before the overall criteria) and the FIFA way (after them), fair play and lots left undecided."""

from __future__ import annotations

import pytest

from matchday.model import Match, Score
from matchday.standings import Criterion, PlayOff, Table, rank
from matchday.standings.rules import (
    FIFA_1998,
    FIFA_2018,
    GOAL_AVERAGE,
    THREE_POINTS,
    TWO_POINTS,
    UEFA_EURO,
    TableRules,
)
from tests.standings.helpers import matches


def order(table: Table) -> list[str]:
    return [s.team.name for s in table.standings]


def above(table: Table, first: str, second: str) -> bool:
    names = order(table)
    return names.index(first) < names.index(second)


# A won once and lost twice; B drew three times.
WIN_OR_DRAWS = matches("A 3-0 C", "D 1-0 A", "E 1-0 A", "B 0-0 C", "B 0-0 D", "B 0-0 E")


@pytest.mark.parametrize(
    ("rules", "a_points", "b_points", "a_first"),
    [(TWO_POINTS, 2, 3, False), (THREE_POINTS, 3, 3, True)],
    ids=["two-points", "three-points"],
)
def test_two_or_three_points_for_a_win(
    rules: TableRules, a_points: int, b_points: int, a_first: bool
) -> None:
    table = rank("G", WIN_OR_DRAWS, rules)
    points = {s.team.name: s.points for s in table.standings}
    assert (points["A"], points["B"]) == (a_points, b_points)
    assert above(table, "A", "B") is a_first


# On two points: A 6-3 (difference +3, average 2.0), B 3-1 (+2, 3.0), F 2-0 (conceded nothing).
AVERAGES = matches("A 5-0 C", "D 3-1 A", "B 3-0 E", "G 1-0 B", "F 2-0 H", "D 1-0 X", "G 1-0 Y")


@pytest.mark.parametrize(
    ("rules", "criterion", "a_first"),
    [(GOAL_AVERAGE, Criterion.GOAL_AVERAGE, False), (TWO_POINTS, Criterion.GOAL_DIFFERENCE, True)],
    ids=["goal-average", "goal-difference"],
)
def test_goal_average_against_goal_difference(
    rules: TableRules, criterion: Criterion, a_first: bool
) -> None:
    table = rank("G", AVERAGES, rules)
    assert above(table, "A", "B") is a_first
    assert next(s.decided_by for s in table.standings if s.team.name == "A") is criterion


def test_goal_average_ranks_a_team_that_conceded_nothing_first() -> None:
    table = rank("G", AVERAGES, GOAL_AVERAGE)
    assert order(table)[2:5] == ["F", "B", "A"]
    assert "ahead on goal average" in table.standings[2].explanation


# A beat B; B has the better goal difference over all matches.
H2H_OR_OVERALL = matches("A 1-0 B", "B 4-0 C", "D 1-0 A", "C 0-0 D")


@pytest.mark.parametrize(
    ("rules", "a_first", "head_to_head"),
    [(UEFA_EURO, True, True), (FIFA_1998, False, False)],
    ids=["uefa-way", "fifa-way"],
)
def test_head_to_head_before_or_after_the_overall_criteria(
    rules: TableRules, a_first: bool, head_to_head: bool
) -> None:
    table = rank("G", H2H_OR_OVERALL, rules)
    assert above(table, "A", "B") is a_first
    decided = next(s for s in table.standings if s.team.name == "A")
    assert decided.head_to_head is head_to_head


def test_the_fifa_way_looks_at_head_to_head_when_all_matches_leave_teams_level() -> None:
    # A and B: three points, goal difference 0, two goals each; A won their match.
    table = rank("G", matches("A 1-0 B", "C 2-1 A", "B 2-1 D"), FIFA_1998)
    assert order(table)[:3] == ["C", "A", "B"]
    a = table.standings[1]
    assert a.head_to_head
    assert a.decided_by is Criterion.POINTS
    assert a.explanation.endswith("(level on the criteria over all matches)")


@pytest.mark.parametrize(
    ("rules", "awaiting"),
    [
        (FIFA_2018, (Criterion.FAIR_PLAY, Criterion.LOTS)),
        (FIFA_1998, (Criterion.LOTS,)),
        (UEFA_EURO, (Criterion.FAIR_PLAY, Criterion.LOTS)),
    ],
    ids=["fifa-2018", "fifa-1998", "euro"],
)
def test_fair_play_and_lots_are_reported_not_guessed(
    rules: TableRules, awaiting: tuple[Criterion, ...]
) -> None:
    table = rank("G", matches("A 1-1 B", "A 2-0 C", "B 2-0 C"), rules)
    assert table.undecided == ((table.standings[0].team, table.standings[1].team),)
    level = table.standings[0]
    assert level.awaiting == awaiting
    assert awaiting[-1].phrase in level.explanation
    assert table.standings[0].position == table.standings[1].position == 1


def test_criteria_that_results_cannot_give_are_refused_as_results() -> None:
    for criterion in (Criterion.FAIR_PLAY, Criterion.LOTS, Criterion.PLAY_OFF):
        with pytest.raises(ValueError, match="cannot be computed from results"):
            TableRules("bad", overall=(criterion,))


def test_a_play_off_between_teams_level_on_points_decides_before_the_tie_breakers() -> None:
    # A and B on two points; B has the better goal average, A won the play-off after extra time.
    group = matches("A 1-0 C", "D 2-0 A", "B 3-0 D", "C 1-0 B", "C 0-0 D")
    (a, b) = (next(m.home for m in group if m.home.name == n) for n in "AB")
    play_off = Match(group[-1].date, b, a, Score(1, 1), extra_time=Score(1, 2))
    without = rank("G", group, GOAL_AVERAGE)
    assert above(without, "B", "A")
    table = rank("G", group, GOAL_AVERAGE, (PlayOff(a, b, play_off),))
    assert above(table, "A", "B")
    first, second = (s for s in table.standings if s.team in (a, b))
    assert (first.decided_by, second.decided_by) == (Criterion.PLAY_OFF, Criterion.PLAY_OFF)
    assert first.compared_with == (b,)
    assert first.explanation.endswith("won the play-off 2-1 after extra time")
    assert second.explanation.endswith("lost the play-off 1-2 after extra time")
    assert first.position + 1 == second.position


def test_a_play_off_between_two_of_three_teams_level_does_not_place_them() -> None:
    group = matches("A 1-0 B", "B 1-0 C", "C 1-0 A")
    a, b = group[0].home, group[0].away
    play_off = PlayOff(b, a, Match(group[-1].date, a, b, Score(0, 1)))
    table = rank("G", group, GOAL_AVERAGE, (play_off,))
    assert all(s.decided_by is not Criterion.PLAY_OFF for s in table.standings)
