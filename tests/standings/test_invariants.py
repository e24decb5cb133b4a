"""Invariants of any table, on random double round-robin groups."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from matchday.standings import UEFA_GROUP_2021, UEFA_GROUP_CLASSIC, UEFA_LEAGUE_PHASE, rank
from tests.standings.helpers import matches

TEAMS = "ABCD"
FIXTURES = [(h, a) for h in TEAMS for a in TEAMS if h != a]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), min_size=12, max_size=12),
    st.sampled_from([UEFA_GROUP_CLASSIC, UEFA_GROUP_2021, UEFA_LEAGUE_PHASE]),
)
def test_a_table_is_an_ordering_by_points_with_reasons(scores, rules) -> None:  # type: ignore[no-untyped-def]
    lines = [f"{h} {x}-{y} {a}" for (h, a), (x, y) in zip(FIXTURES, scores, strict=True)]
    table = rank("G", matches(*lines), rules)
    assert sorted(t.name for t in table.teams) == list(TEAMS)
    points = [s.points for s in table.standings]
    assert points == sorted(points, reverse=True)
    assert sum(points) == sum(3 if x != y else 2 for x, y in scores)
    for index, standing in enumerate(table.standings, start=1):
        assert standing.position <= index
        if standing.decided:
            assert standing.position == index
            assert standing.explanation
        else:
            assert standing.awaiting == rules.beyond_results
        level = {s.team for s in table.standings if s.points == standing.points} - {standing.team}
        assert set(standing.level_with) == level
        assert set(standing.compared_with) <= level
