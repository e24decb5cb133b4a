"""Each tie-breaker step, on tables built so that exactly that step separates the teams."""

from __future__ import annotations

import dataclasses

import pytest

from matchday.standings import (
    DOMESTIC,
    UEFA_GROUP_2021,
    UEFA_GROUP_CLASSIC,
    UEFA_LEAGUE_PHASE,
    Criterion,
    Table,
    TableRules,
    rank,
)
from tests.standings.helpers import matches, team


def order(table: Table) -> list[str]:
    return [s.team.name for s in table.standings]


def row(table: Table, name: str):  # type: ignore[no-untyped-def]
    return next(s for s in table.standings if s.team.name == name)


def test_points_alone_decide_when_nobody_is_level() -> None:
    table = rank("G", matches("A 1-0 B", "B 1-0 C", "A 1-1 C"), UEFA_GROUP_CLASSIC)
    assert order(table) == ["A", "B", "C"]
    assert [s.points for s in table.standings] == [4, 3, 1]
    assert all(s.decided_by is Criterion.POINTS for s in table.standings)
    assert row(table, "A").explanation == "on points"


def test_head_to_head_points_beat_a_better_goal_difference() -> None:
    # A and B on 4 points; A took 4 from their two matches, B has the far better goal difference.
    table = rank("G", matches("A 1-0 B", "B 0-0 A", "C 1-0 A", "B 5-0 C"), UEFA_GROUP_CLASSIC)
    assert order(table)[:2] == ["A", "B"]
    first = row(table, "A")
    assert first.decided_by is Criterion.POINTS
    assert first.head_to_head
    assert first.explanation == ("level on 4 points with B; ahead on head-to-head points")
    assert row(table, "B").explanation.endswith("behind on head-to-head points")


def test_head_to_head_goal_difference() -> None:
    table = rank("G", matches("A 3-0 B", "B 1-0 A", "A 1-0 C", "B 6-0 C"), UEFA_GROUP_CLASSIC)
    assert order(table)[:2] == ["A", "B"]  # B has the better overall goal difference
    assert row(table, "A").decided_by is Criterion.GOAL_DIFFERENCE
    assert row(table, "A").head_to_head


def test_head_to_head_goals() -> None:
    # Each beat one and lost to one, all with goal difference 0: C scored 4, A 3, B 2.
    table = rank("G", matches("A 3-2 C", "C 2-1 B", "B 1-0 A"), UEFA_GROUP_CLASSIC)
    assert order(table) == ["C", "A", "B"]
    middle = row(table, "A")
    assert (middle.decided_by, middle.head_to_head) == (Criterion.GOALS, True)
    assert middle.explanation == (
        "level on 3 points with C and B; behind C, ahead of B on head-to-head goals scored"
    )


def test_head_to_head_away_goals_until_2020_21() -> None:
    table = rank("G", matches("A 1-1 B", "B 2-2 A"), UEFA_GROUP_CLASSIC)
    assert order(table) == ["A", "B"]
    assert row(table, "A").decided_by is Criterion.AWAY_GOALS
    assert row(table, "A").head_to_head
    assert row(table, "A").explanation.endswith("ahead on head-to-head away goals")


def test_from_2021_22_away_goals_count_only_over_all_matches() -> None:
    table = rank("G", matches("A 1-1 B", "B 2-2 A"), UEFA_GROUP_2021)
    first = row(table, "A")
    assert order(table) == ["A", "B"]
    assert first.decided_by is Criterion.AWAY_GOALS
    assert not first.head_to_head
    assert first.explanation.endswith("ahead on away goals (level head-to-head)")


# Three teams level on points and on the matches among the three, where A comes out top on
# goal difference and B and C stay level on every head-to-head criterion; between B and C alone,
# C is ahead on goal difference (2-0 and 0-1). B won its other match far more heavily.
THREE_WAY = matches(
    "B 1-0 C",
    "C 2-0 B",
    "A 3-1 B",
    "B 2-0 A",
    "A 4-1 C",
    "C 1-0 A",
    "A 1-0 D",
    "D 0-0 A",
    "B 5-0 D",
    "D 0-0 B",
    "C 1-0 D",
    "D 0-0 C",
)


def test_three_way_tie_re_applies_head_to_head_to_the_two_still_level() -> None:
    table = rank("G", THREE_WAY, UEFA_GROUP_CLASSIC)
    assert [s.points for s in table.standings[:3]] == [10, 10, 10]
    assert order(table) == ["A", "C", "B", "D"]
    top, second, third = table.standings[:3]
    assert (top.decided_by, top.head_to_head, top.reapplied) == (
        Criterion.GOAL_DIFFERENCE,
        True,
        False,
    )
    assert {t.name for t in top.compared_with} == {"B", "C"}
    assert (second.decided_by, second.head_to_head, second.reapplied) == (
        Criterion.GOAL_DIFFERENCE,
        True,
        True,
    )
    assert [t.name for t in second.compared_with] == ["B"]
    assert second.explanation == (
        "level on 10 points with A and B; ahead of B on head-to-head goal difference "
        "(head-to-head re-applied to the teams still level)"
    )
    assert third.explanation.startswith("level on 10 points with A and C; behind C")


def test_without_re_application_the_three_way_tie_goes_to_overall_goal_difference() -> None:
    rules = dataclasses.replace(UEFA_GROUP_CLASSIC, reapply_head_to_head=False)
    table = rank("G", THREE_WAY, rules)
    assert order(table) == ["A", "B", "C", "D"]
    assert row(table, "B").decided_by is Criterion.GOAL_DIFFERENCE
    assert not row(table, "B").head_to_head


def test_level_head_to_head_falls_back_to_overall_goal_difference() -> None:
    # Dortmund and APOEL in 2017-18: 1-1 twice, Dortmund third on overall goal difference.
    table = rank("G", matches("A 1-1 B", "B 1-1 A", "A 2-0 C", "B 1-0 C"), UEFA_GROUP_CLASSIC)
    assert order(table)[:2] == ["A", "B"]
    assert row(table, "A").decided_by is Criterion.GOAL_DIFFERENCE
    assert not row(table, "A").head_to_head


LEAGUE_CASES = [
    pytest.param(("X 3-0 P", "Y 1-0 Q"), Criterion.GOAL_DIFFERENCE, id="goal difference"),
    pytest.param(("X 3-2 P", "Y 1-0 Q"), Criterion.GOALS, id="goals"),
    pytest.param(("P 1-2 X", "Y 2-1 Q"), Criterion.AWAY_GOALS, id="away goals"),
    pytest.param(
        ("X 2-1 P", "X 0-1 Q", "Y 1-1 R", "Y 1-1 S", "Y 0-0 T"), Criterion.WINS, id="wins"
    ),
    pytest.param(("P 0-1 X", "X 1-2 Q", "Y 1-0 R", "S 2-1 Y"), Criterion.AWAY_WINS, id="away wins"),
    pytest.param(("X 1-0 P", "Y 1-0 Q", "P 1-0 R"), Criterion.OPPONENTS_POINTS, id="opp points"),
    pytest.param(
        ("X 1-0 P", "Y 1-0 Q", "P 3-0 R", "Q 1-0 S"),
        Criterion.OPPONENTS_GOAL_DIFFERENCE,
        id="opp goal difference",
    ),
    pytest.param(
        ("X 1-0 P", "Y 1-0 Q", "P 2-1 R", "Q 1-0 S"), Criterion.OPPONENTS_GOALS, id="opp goals"
    ),
]


@pytest.mark.parametrize(("lines", "criterion"), LEAGUE_CASES)
def test_each_league_phase_criterion_separates_x_from_y(
    lines: tuple[str, ...], criterion: Criterion
) -> None:
    table = rank("League phase", matches(*lines), UEFA_LEAGUE_PHASE)
    names = order(table)
    assert names.index("X") == names.index("Y") - 1
    x = row(table, "X")
    assert x.decided_by is criterion
    assert x.points == row(table, "Y").points
    assert "Y" in {t.name for t in x.compared_with}


def test_the_league_phase_has_no_head_to_head() -> None:
    # X beat Y, but Y's goal difference is better.
    table = rank("League phase", matches("X 1-0 Y", "Y 4-0 P", "P 1-0 X"), UEFA_LEAGUE_PHASE)
    assert order(table)[0] == "Y"
    assert row(table, "Y").decided_by is Criterion.GOAL_DIFFERENCE


def test_teams_level_on_everything_share_the_place_and_are_not_guessed() -> None:
    table = rank("G", matches("A 1-1 B", "B 1-1 A"), UEFA_GROUP_CLASSIC)
    assert [s.position for s in table.standings] == [1, 1]
    assert not any(s.decided for s in table.standings)
    assert table.undecided == ((team("A"), team("B")),)
    first = table.standings[0]
    assert first.awaiting == (Criterion.DISCIPLINARY_POINTS, Criterion.CLUB_COEFFICIENT)
    assert "disciplinary points then club coefficient would separate them" in first.explanation


def test_domestic_style_ignores_head_to_head() -> None:
    # A beat B, but B has the better goal difference: a domestic table puts B first.
    table = rank("L", matches("A 1-0 B", "B 3-0 C", "C 1-0 A"), DOMESTIC)
    assert order(table)[:2] == ["B", "A"]
    assert row(table, "B").decided_by is Criterion.GOAL_DIFFERENCE


def test_domestic_style_goes_no_further_than_goals() -> None:
    table = rank("L", matches("A 1-0 C", "B 1-0 D"), DOMESTIC)
    assert table.undecided == ((team("A"), team("B")), (team("C"), team("D")))
    assert table.standings[0].awaiting == ()
    assert table.standings[0].explanation.endswith("these tie-breakers go no further")


def test_unplayed_matches_do_not_count() -> None:
    table = rank("G", matches("A 1-0 B", "B v A"), UEFA_GROUP_CLASSIC)
    assert [s.record.played for s in table.standings] == [1, 1]
    assert not table.complete


def test_points_for_a_win_are_data() -> None:
    two_points = TableRules("two points", overall=(Criterion.GOAL_DIFFERENCE,), win=2)
    table = rank("L", matches("A 1-0 B", "C 0-0 D"), two_points)
    assert row(table, "A").points == 2


def test_rules_refuse_a_criterion_the_results_cannot_give() -> None:
    with pytest.raises(ValueError, match="disciplinary points"):
        TableRules("bad", overall=(Criterion.DISCIPLINARY_POINTS,))


PLAY_OFF_FOR_THE_TITLE = dataclasses.replace(
    UEFA_GROUP_2021, name="play-off-for-first", play_off_places=(1,)
)


def test_two_teams_level_for_a_play_off_place_wait_for_the_play_off() -> None:
    """A beat B head-to-head and C is below them: where a play-off decides first place (Serie A
    from 2022-23) A and B share it, awaiting the play-off; elsewhere head-to-head decides."""
    games = matches("A 1-0 B", "B 0-0 A", "A 0-1 C", "B 1-0 C")
    waiting = rank("X", games, PLAY_OFF_FOR_THE_TITLE)
    first, second = waiting.standings[:2]
    assert (first.position, second.position) == (1, 1)
    assert first.awaiting == (Criterion.PLAY_OFF,)
    assert "a play-off match decides" in first.explanation
    assert [sorted(t.name for t in level) for level in waiting.undecided] == [["A", "B"]]
    lower = rank("X", games, dataclasses.replace(PLAY_OFF_FOR_THE_TITLE, play_off_places=(2,)))
    assert order(lower)[:2] == ["A", "B"]
    assert lower.standings[0].decided_by is Criterion.POINTS


def test_criteria_after_a_head_to_head_that_comes_last() -> None:
    """France from 2017-18: goal difference, then head-to-head, then goals over the season. A
    and B draw twice, level on goal difference: B, with more goals, goes above."""
    rules = TableRules(
        "after",
        overall=(Criterion.GOAL_DIFFERENCE,),
        head_to_head=(Criterion.POINTS, Criterion.GOAL_DIFFERENCE),
        head_to_head_last=True,
        after_head_to_head=(Criterion.GOALS,),
    )
    games = matches("A 1-1 B", "B 1-1 A", "A 1-0 C", "B 3-2 C")
    table = rank("X", games, rules)
    assert order(table)[:2] == ["B", "A"]
    assert table.standings[0].decided_by is Criterion.GOALS
    without = rank("X", games, dataclasses.replace(rules, after_head_to_head=()))
    assert not without.standings[0].decided
