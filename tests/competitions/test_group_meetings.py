"""A second meeting of a pair in a group where each pair meets once (``Format.group_meetings``):
the group's play-off where the format has them and the two were level on points without it
(openfootball's ``more/`` files list the 1954 and 1958 play-offs among the group's matches),
else counted, and the table names the pair instead of counting it silently."""

from __future__ import annotations

import json

import pytest

import matchday
from matchday import competitions
from matchday.cli import app
from matchday.competitions import RoundKind
from matchday.model import Match, Round, RoundFormat, Season, Stage, StageKind
from matchday.standings import Criterion
from tests.cli.test_table import runner
from tests.conftest import OPENFOOTBALL
from tests.standings.helpers import matches

WORLD_CUPS = OPENFOOTBALL / "worldcup"

# A and B on three points each (B the better goal average), C on four, D on two.
ROUND_ROBIN = ("A 1-0 C", "B 2-0 D", "A 0-1 D", "C 1-0 B", "A 1-1 B", "C 1-0 D")


def _season(group: tuple[Match, ...]) -> Season:
    stage = Stage(StageKind.GROUP_STAGE, (Round("Group 1", RoundFormat.GROUP, group),))
    return Season("World Cup 1958", "1958", (stage,))


def test_a_second_meeting_of_two_teams_level_on_points_is_their_play_off() -> None:
    known = competitions.of_season(_season(matches(*ROUND_ROBIN, "A 2-1 B")))
    assert known.format.group_meetings == 1
    assert known.format.group_play_offs
    group, play_off = known.season.rounds
    assert len(group.matches) == 6
    assert (play_off.name, known.kind(play_off)) == ("Group 1 play-off", RoundKind.GROUP_PLAY_OFF)
    ((_, table),) = known.tables()
    rows = {s.team.name: s for s in table.standings}
    assert (rows["A"].record.played, rows["B"].record.played) == (3, 3)
    assert rows["A"].position < rows["B"].position
    assert rows["A"].decided_by is Criterion.PLAY_OFF
    assert table.repeated == ()


def test_a_second_meeting_of_teams_not_level_is_counted_and_named() -> None:
    known = competitions.of_season(_season(matches(*ROUND_ROBIN, "C 0-0 D")))
    (group,) = known.season.rounds
    assert len(group.matches) == 7
    ((_, table),) = known.tables()
    assert [{t.name for t in pair} for pair in table.repeated] == [{"C", "D"}]


def test_a_double_round_robin_names_no_pair() -> None:
    """Where the format does not say how often a pair meets (UEFA's groups: twice), nothing
    is moved and no pair is named."""
    twice = matches("A 1-0 B", "B 1-1 A")
    stage = Stage(StageKind.GROUP_STAGE, (Round("Group A", RoundFormat.GROUP, twice),))
    known = competitions.of_season(Season("UEFA Champions League 2017/18", "2017/18", (stage,)))
    assert known.format.group_meetings is None
    assert [len(r.matches) for r in known.season.rounds] == [2]
    assert all(table.repeated == () for _, table in known.tables())


@pytest.mark.parametrize(
    ("style", "folder"), [("1958", "1958--sweden"), ("1954", "1954--switzerland")]
)
def test_the_more_files_give_the_tables_of_the_files_with_play_off_rounds(
    style: str, folder: str
) -> None:
    """``more/1958.txt`` lists each group's play-off under the group's header (Wales 2-1
    Hungary under "Group 3", which made Wales level with Sweden on five points); its tables
    are now those of the folder, whose play-offs have rounds of their own."""
    path, plain = WORLD_CUPS / "more" / f"{style}.txt", WORLD_CUPS / folder
    if not path.exists() or not plain.exists():
        pytest.skip(f"real data not found at {path} or {plain}")

    def rows(source: str) -> list[list[tuple[str, int, int, str]]]:
        known = competitions.of_season(matchday.load(source))
        return [
            [(s.team.name, s.record.played, s.points, s.explanation) for s in table.standings]
            for _, table in known.tables()
        ]

    assert rows(str(path)) == rows(str(plain))
    done = runner.invoke(app, ["table", str(path), "--group", "Wales", "--json"])
    if style == "1958":
        (table,) = json.loads(done.output)["tables"]
        by_team = {row["team"]: row for row in table["rows"]}
        assert (by_team["Wales"]["played"], by_team["Hungary"]["played"]) == (3, 3)
        assert by_team["Wales"]["points"] == 3
        assert by_team["Wales"]["decided_by"] == "play_off"
        assert by_team["Wales"]["next"] == "Quarterfinals"
        assert by_team["Hungary"]["next"] is None
        assert table["repeated"] == []


def test_no_world_cup_table_counts_a_pair_twice() -> None:
    """Every World Cup in every style: each pair of a table met once."""
    if not WORLD_CUPS.is_dir():
        pytest.skip(f"real data not found at {WORLD_CUPS}")
    sources = [p for p in WORLD_CUPS.iterdir() if p.is_dir() and p.name[:4].isdigit()]
    sources += [p for p in WORLD_CUPS.glob("*/*.txt") if p.parent.name in ("min", "more")]
    sources = [p for p in sources if "squads" not in p.name]
    named = []
    for source in sorted(sources):
        known = competitions.of_season(matchday.load(str(source)))
        named += [(source.name, t.name, t.repeated) for _, t in known.tables() if t.repeated]
    assert named == []


def test_a_group_with_a_pair_that_never_met_is_not_complete_and_says_so() -> None:
    """The Club World Cup 2025 sample writes one club two ways ("Seattle Sounders FC",
    "Seattle Sounders"): group B has five teams, pairs without a match, and is no complete
    table (it was, with a place decided between two names of one club)."""
    path = OPENFOOTBALL / "spec" / "samples" / "2025_club_worldcup.txt"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    known = competitions.of_season(matchday.load(path))
    (group,) = [t for _, t in known.tables() if "Seattle Sounders" in {x.name for x in t.teams}]
    assert not group.complete
    names = {frozenset(t.name for t in pair) for pair in group.unmet}
    assert frozenset({"Seattle Sounders FC", "Seattle Sounders"}) in names


def test_a_euro_pair_listed_twice_in_a_group_is_named() -> None:
    """The Euro 2021 level-2 sample writes one match twice under "Group A" (to show two score
    forms): a pair of a Euro group meets once, so the pair is named."""
    path = OPENFOOTBALL / "spec" / "samples-l2" / "2021_euro.txt"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    known = competitions.of_season(matchday.load(path))
    repeated = {frozenset(t.name for t in p) for _, t in known.tables() for p in t.repeated}
    assert repeated == {frozenset({"SWITZERLAND", "FRANCE"})}
