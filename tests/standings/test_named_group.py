"""A round the file names as one group keeps its name, however its matches fall apart."""

from __future__ import annotations

from matchday.model import Round, RoundFormat
from matchday.standings import UEFA_GROUP_2021, round_tables
from tests.standings.helpers import matches


def test_a_named_group_of_two_unconnected_pairs_is_one_table_under_its_name() -> None:
    """The Euro 2021 sample lists Italy v Turkey and a round-of-16 match under "▪ Group A":
    the file says one group, so one table "Group A", not "Group 1" and "Group 2"."""
    group_a = Round("Group A", RoundFormat.GROUP, matches("A 3-0 B", "C 3-3 D"))
    tables = round_tables(group_a, UEFA_GROUP_2021)
    assert [t.name for t in tables] == ["Group A"]
    assert len(tables[0].standings) == 4


def test_a_round_written_as_one_stage_is_still_split_into_its_groups() -> None:
    stage = Round("Group stage", RoundFormat.GROUP, matches("A 1-0 B", "B 1-1 C", "D 2-0 E"))
    assert [t.name for t in round_tables(stage, UEFA_GROUP_2021)] == ["Group 1", "Group 2"]
