"""Simulated tables: the vectorised ranking agrees with ``matchday.standings.rank``."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchday.errors import InvalidValueError
from matchday.forecast.tables import rank_results
from matchday.model import Match, Score, Team
from matchday.standings import (
    UEFA_GROUP_2021,
    UEFA_GROUP_CLASSIC,
    UEFA_LEAGUE_PHASE,
    Criterion,
    Table,
    TableRules,
    rank,
)

DAY = dt.date(2017, 9, 12)


def _check_same_order(
    teams: list[Team],
    fixtures: list[tuple[int, int]],
    scores: list[tuple[int, int]],
    rules: TableRules,
) -> Table:
    matches = [
        Match(DAY, teams[h], teams[a], Score(x, y))
        for (h, a), (x, y) in zip(fixtures, scores, strict=True)
    ]
    table = rank("Group", matches, rules)
    order = rank_results(
        np.array([h for h, _ in fixtures]),
        np.array([a for _, a in fixtures]),
        np.array([[x for x, _ in scores]]),
        np.array([[y for _, y in scores]]),
        len(teams),
        rules,
        np.random.default_rng(0),
    )[0]
    position = {s.team: s.position for s in table.standings}
    shared = {p: sum(1 for s in table.standings if s.position == p) for p in position.values()}
    for place, team in enumerate(order, start=1):
        p = position[teams[team]]
        # a team the results leave level may sit anywhere among the places it shares
        assert p <= place <= p + shared[p] - 1, (teams[team], place, table.standings)
    return table


GROUP = [Team(f"Club {c}", c) for c in "ABCD"]
ROUND_ROBIN = [(h, a) for h, a in itertools.permutations(range(4), 2)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2)), min_size=12, max_size=12),
    st.sampled_from([UEFA_GROUP_CLASSIC, UEFA_GROUP_2021]),
)
def test_group_tables_rank_as_the_standings_do(
    scores: list[tuple[int, int]], rules: TableRules
) -> None:
    _check_same_order(GROUP, ROUND_ROBIN, scores, rules)


def test_three_teams_level_need_the_head_to_head_re_applied() -> None:
    # A, B and C finish on 9 points; head-to-head among the three puts C last and leaves A and
    # B level, whom the head-to-head re-applied to the two of them separates (A beat B 2-1 and
    # drew 1-1). Over all matches B would be ahead: the re-application decides this table.
    scores = [(2, 1), (0, 1), (2, 1), (1, 1), (1, 1), (2, 2)]
    scores += [(1, 1), (0, 1), (2, 0), (0, 0), (0, 2), (1, 1)]
    table = _check_same_order(GROUP, sorted(ROUND_ROBIN), scores, UEFA_GROUP_CLASSIC)
    assert [s.team.name for s in table.standings] == ["Club A", "Club B", "Club C", "Club D"]
    assert table.standings[0].reapplied


LEAGUE = [Team(f"Club {i}", "ENG") for i in range(6)]
LEAGUE_FIXTURES = [(0, 1), (2, 3), (4, 5), (1, 2), (3, 4), (5, 0), (0, 3), (1, 4), (2, 5)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=9, max_size=9))
def test_league_phase_tables_rank_as_the_standings_do(scores: list[tuple[int, int]]) -> None:
    _check_same_order(LEAGUE, LEAGUE_FIXTURES, scores, UEFA_LEAGUE_PHASE)


def test_opponents_points_separate_teams_level_on_everything_else() -> None:
    # Clubs 0 and 5 end level on points, goals, away goals, wins and away wins; Club 0's
    # opponents took more points.
    scores = [(0, 1), (1, 1), (1, 1), (1, 0), (0, 0), (1, 1), (1, 1), (1, 0), (1, 0)]
    table = _check_same_order(LEAGUE, LEAGUE_FIXTURES, scores, UEFA_LEAGUE_PHASE)
    assert [s.team.name for s in table.standings[3:5]] == ["Club 0", "Club 5"]
    assert table.standings[3].decided_by is Criterion.OPPONENTS_POINTS


def test_a_criterion_the_simulation_cannot_compute_is_a_clear_error() -> None:
    rules = TableRules("Goal average", overall=(Criterion.GOAL_AVERAGE,))
    with pytest.raises(InvalidValueError, match="goal average cannot be simulated"):
        rank_results(
            np.array([0]),
            np.array([1]),
            np.array([[1]]),
            np.array([[0]]),
            2,
            rules,
            np.random.default_rng(0),
        )
