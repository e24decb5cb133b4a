"""Leagues that split after their regular season, on the real football.json files: each stage's
table starts from what the league carries into it, so the final ranking is the real one.

The expected teams are facts of those seasons, not computed here."""

from __future__ import annotations

import pytest

from matchday import competitions
from matchday.io.footballjson import parse_season
from matchday.standings import CarriedPoints, Criterion, Table
from tests.conftest import OPENFOOTBALL

FOOTBALL_JSON = OPENFOOTBALL / "football.json"


def _tables(relative: str) -> dict[str, Table]:
    path = FOOTBALL_JSON / relative
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    known = competitions.of_season(parse_season(path.read_text(encoding="utf-8"), str(path)))
    return {t.name: t for _, t in known.tables()}


def _first(table: Table) -> str:
    return table.standings[0].team.name


def _last(table: Table) -> str:
    return table.standings[-1].team.name


# (file, the stage that decides the title, its champion, the stage at the bottom, who finished
# last of it and went down) — facts of each season.
SEASONS = [
    # Celtic were Scottish champions of 2024-25; St Johnstone finished bottom and went down
    # (Ross County, eleventh, lost the play-off).
    ("2024-25/sco.1.json", "Championship", "Celtic FC", "Relegation", "St. Johnstone FC"),
    # Genk were Belgian champions of 2018-19 (the file holds no relegation stage).
    ("2018-19/be.1.json", "Playoff I", "KRC Genk", None, None),
    # Club Brugge were Belgian champions of 2020-21.
    ("2020-21/be.1.json", "Championship", "Club Brugge KV", None, None),
    # Union Saint-Gilloise were Belgian champions of 2024-25; Beerschot finished last of the
    # relegation play-offs (and went down with Kortrijk).
    ("2024-25/be.1.json", "Championship", "Union Saint-Gilloise", "Relegation", "K Beerschot VA"),
    # Salzburg were Austrian champions of 2018-19, Wacker Innsbruck relegated.
    (
        "2018-19/at.1.json",
        "Playoffs - Championship",
        "RB Salzburg",
        "Playoffs - Relegation",
        "FC Wacker Innsbruck",
    ),
    # Salzburg champions of 2021-22, Admira Wacker relegated.
    (
        "2021-22/at.1.json",
        "Playoffs - Championship",
        "RB Salzburg",
        "Playoffs - Relegation",
        "FC Admira Wacker",
    ),
    # Salzburg champions of 2022-23, SV Ried relegated.
    (
        "2022-23/at.1.json",
        "Playoffs - Championship",
        "RB Salzburg",
        "Playoffs - Relegation",
        "SV Ried",
    ),
    # Sturm Graz champions of 2023-24 (ending Salzburg's run of ten), Austria Lustenau relegated.
    (
        "2023-24/at.1.json",
        "Playoffs - Championship",
        "Sturm Graz",
        "Playoffs - Relegation",
        "Austria Lustenau",
    ),
    # Sturm Graz champions again in 2024-25.
    ("2024-25/at.1.json", "Championship", "Sturm Graz", None, None),
    # Olympiacos were Greek champions of 2019-20 and of 2020-21.
    ("2019-20/gr.1.json", "Championship", "Olympiakos Piraeus", None, None),
    ("2020-21/gr.1.json", "Championship", "Olympiakos Piraeus", None, None),
    # Olympiacos champions of 2024-25; Lamia last of the play-outs, relegated with Kallithea
    # (2025-26's file has neither).
    ("2024-25/gr.1.json", "Championship", "Olympiakos Piraeus", "Relegation", "Lamia"),
]


@pytest.mark.parametrize(("relative", "top", "champion", "bottom", "down"), SEASONS)
def test_the_final_ranking_is_the_real_one(
    relative: str, top: str, champion: str, bottom: str | None, down: str | None
) -> None:
    tables = _tables(relative)
    assert _first(tables[top]) == champion
    assert tables[top].start is not None
    if bottom is not None:
        assert _last(tables[bottom]) == down


def test_the_stage_tables_counted_alone_had_it_wrong() -> None:
    """What the stage tables said before: sco.1 2024-25's bottom six counted alone put Ross
    County last, be.1 2018-19's play-off I counted alone put Club Brugge first."""
    scotland = _won_in_stage(_tables("2024-25/sco.1.json")["Relegation"])
    assert min(scotland, key=scotland.__getitem__) == "Ross County FC"
    belgium = _won_in_stage(_tables("2018-19/be.1.json")["Playoff I"])
    assert max(belgium, key=belgium.__getitem__) == "Club Brugge KV"


def _won_in_stage(table: Table) -> dict[str, int]:
    """Each team's points in the stage's own matches (its points less those carried)."""
    assert table.start is not None
    won = {}
    for row in table.standings:
        carried = table.start.of(row.team)
        won[row.team.name] = row.points - (carried.points if carried else 0)
    return won


def test_scotland_is_one_table_of_38_games_after_the_split() -> None:
    """Celtic's 2024-25: 92 points from 38 games (every point of the 33 before the split)."""
    table = _tables("2024-25/sco.1.json")["Championship"]
    celtic = table.standings[0]
    assert (celtic.record.played, celtic.points) == (38, 92)
    assert table.start is not None
    assert table.start.carry.points is CarriedPoints.ALL
    assert table.start.carry.whole_season


def test_scotlands_bottom_six_are_places_7_to_12() -> None:
    """The split keeps one league table: 2024-25's bottom six finished 7th (Hearts) to 12th
    (St Johnstone), the top six 1st to 6th; no bottom-six team is placed above 7th."""
    tables = _tables("2024-25/sco.1.json")
    top, bottom = tables["Championship"], tables["Relegation"]
    assert [s.position for s in top.standings] == [1, 2, 3, 4, 5, 6]
    assert [s.position for s in bottom.standings] == [7, 8, 9, 10, 11, 12]
    assert (_first(bottom), _last(bottom)) == ("Heart of Midlothian", "St. Johnstone FC")


def test_austria_halves_rounding_down_and_the_half_point_places_admira_above_hartberg() -> None:
    """Austria 2018-19, from the press of the day: Salzburg champions on 52 points, twelve
    ahead of LASK; the qualifying group ended Rapid 32, Mattersburg 28, Altach 28, Admira 22,
    Hartberg 22, Wacker Innsbruck 20, Admira above Hartberg only because their odd total was
    rounded down (laola1.at)."""
    tables = _tables("2018-19/at.1.json")
    top = tables["Playoffs - Championship"]
    assert [(s.team.name, s.points) for s in top.standings[:2]] == [
        ("RB Salzburg", 52),
        ("LASK", 40),
    ]
    bottom = tables["Playoffs - Relegation"]
    assert [s.points for s in bottom.standings] == [32, 28, 28, 22, 22, 20]
    admira, hartberg = bottom.standings[3], bottom.standings[4]
    assert (admira.team.name, hartberg.team.name) == ("FC Admira Wacker", "TSV Hartberg")
    assert admira.decided_by is not None
    assert admira.decided_by.value == "points_before_rounding"
    assert {s.record.played for s in bottom.standings} == {32}


def test_belgium_halves_rounding_up() -> None:
    """Belgium 2018-19: Genk led the regular season on 63 points and began play-off I on 32
    (31.5 rounded up)."""
    table = _tables("2018-19/be.1.json")["Playoff I"]
    assert table.start is not None
    assert table.start.carry.points is CarriedPoints.HALVED_ROUNDED_UP
    genk = table.start.of(table.standings[0].team)
    assert genk is not None
    assert (genk.record.points(), genk.points, genk.place) == (63, 32, 1)
    assert {s.record.played for s in table.standings} == {10}  # the play-off's games only


def test_a_stage_whose_rule_is_not_known_keeps_to_its_own_matches() -> None:
    """Greece 2024-25's play-offs for places 5 to 8 start from halved points, rounded in a way
    not encoded, so nothing is assumed there."""
    tables = _tables("2024-25/gr.1.json")
    assert tables["ECL Playoffs"].start is None


def test_greece_2024_carries_every_point_into_the_play_offs_and_play_outs() -> None:
    """Greece 2024-25: AEK finished 4th of the play-offs, not on 0 points; Kallithea and Lamia
    went down from the last two places (13th and 14th) of the play-outs."""
    tables = _tables("2024-25/gr.1.json")
    aek = tables["Championship"].standings[3]
    assert (aek.team.name, aek.position) == ("AEK Athen", 4)
    assert aek.points > 0
    bottom = tables["Relegation"]
    assert [t.name for t in bottom.at(13, 14)] == ["GS Kallithea", "Lamia"]


def test_austria_goes_head_to_head_before_goal_difference_from_2021() -> None:
    """Austria 2024-25 (RSSSF's final tables): GAK 11th over Altach after 22 rounds, and Austria
    Wien 3rd over Wolfsberger AC in the championship group, both on head-to-head though behind
    on goal difference; the group's head-to-head counts the regular season's meetings too."""
    tables = _tables("2024-25/at.1.json")
    regular = tables["League"]
    assert [t.name for t in regular.at(11, 12)] == ["Grazer AK", "SCR Altach"]
    assert regular.standings[10].head_to_head
    top = tables["Championship"]
    assert [t.name for t in top.at(3, 4)] == ["Austria Wien", "Wolfsberger AC"]
    third = top.standings[2]
    assert third.head_to_head
    assert third.decided_by is Criterion.POINTS
