"""Every group and league phase of the openfootball files against the same files' knockout rounds.

The computed table must send exactly its zone's teams into the knockout stage of the same file:
group winners and runners-up (from 2021-22 the Europa and Conference League runners-up via the
knockout play-off), league-phase places 1-8 to the round of 16 and 9-24 to the play-off. Third
places leave for another competition, so no single file can confirm them; the summary says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from matchday.io.load import load
from matchday.model import RoundFormat, Season, Team
from matchday.standings import qualification_for, season_tables, split_groups
from tests.conftest import OPENFOOTBALL
from tests.standings.conftest import REPORT


def _first_knockout_round(season: Season) -> dict[Team, str]:
    first: dict[Team, str] = {}
    for round_ in season.rounds:
        if round_.format is RoundFormat.KNOCKOUT:
            for match in round_.matches:
                first.setdefault(match.home, round_.name)
                first.setdefault(match.away, round_.name)
    return first


def _main_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*/*.txt") if not p.stem.endswith("q"))


def test_tables_send_exactly_the_knockout_teams_through(openfootball_cl: Path) -> None:
    checked = leaving = 0
    wrong: list[str] = []
    for path in _main_files(openfootball_cl):
        season = load(path)
        entered = _first_knockout_round(season)
        for table in season_tables(season):
            fmt = RoundFormat.LEAGUE if table.name == "League phase" else RoundFormat.GROUP
            zones = qualification_for(season.competition, season.start_year, fmt)
            assert zones is not None, f"{path}: no qualification zones for {season.competition}"
            assert table.complete, f"{path} {table.name}: matches without a result"
            assert not table.undecided, f"{path} {table.name}: {table.undecided}"
            for standing in table.standings:
                zone = zones.zone(standing.position)
                if zone is not None and zone.round is None:
                    leaving += 1
                    continue
                expected = zone.round if zone else None
                found = entered.get(standing.team)
                if found != expected:
                    wrong.append(
                        f"{path.parent.name}/{path.name} {table.name} #{standing.position} "
                        f"{standing.team}: table says {expected}, file shows {found}"
                    )
            checked += 1
    assert not wrong, "\n".join(wrong)
    assert checked >= 160
    REPORT.append(
        f"standings: {checked} tables checked against the knockout rounds of their own files; "
        f"{leaving} third places go to another competition (not checkable within one file)"
    )


def test_groups_without_letters_are_recovered_from_who_plays_whom(openfootball_cl: Path) -> None:
    season = load(openfootball_cl / "2023-24" / "cl.txt")
    (stage,) = [r for r in season.rounds if r.format is RoundFormat.GROUP]
    groups = split_groups(stage.matches)
    assert len(groups) == 8
    for group in groups:
        teams = {t for m in group for t in (m.home, m.away)}
        assert len(teams) == 4
        assert len(group) == 12
        assert {frozenset((m.home, m.away)) for m in group} == {
            frozenset((a, b)) for a in teams for b in teams if a != b
        }


@pytest.mark.parametrize(
    ("season", "group", "order"),
    [
        # Group C 2017-18: Roma and Chelsea on 11 points, Roma ahead on head-to-head (3-3, 3-0).
        ("2017-18", "Group C", ["AS Roma", "Chelsea FC", "Atlético Madrid", "Qarabağ FK"]),
        # Group H 2017-18: Dortmund and APOEL on 2 points, 1-1 twice; Dortmund on goal difference.
        ("2017-18", "Group H", ["Tottenham Hotspur", "Real Madrid", "Borussia Dortmund"]),
    ],
)
def test_known_tie_breaks(openfootball_cl: Path, season: str, group: str, order: list[str]) -> None:
    tables = {t.name: t for t in season_tables(load(openfootball_cl / season / "cl.txt"))}
    names = [t.name for t in tables[group].teams]
    assert names[: len(order)] == order


def test_a_league_of_matchdays_no_competition_names_ranks_as_a_domestic_league() -> None:
    """RSSSF's Austria 2024-25 ("= Austria 2024/25") names no competition matchday knows: its
    league tables go by a domestic league's usual order, not UEFA's league phase."""
    source = OPENFOOTBALL / "spec" / "samples" / "2024-25_austria.txt"
    if not source.exists():
        pytest.skip(f"real data not found at {source}")
    tables = season_tables(load(source))
    assert tables
    assert {t.rules.name for t in tables} == {"domestic"}
