"""A domestic league of a double round robin whose pairs did not all meet twice is not
complete, and says which pairs and teams: a team written two ways (football.json's tr.1
2019-20 has "Gaziantep FK" and "Gazişehir Gaziantep FK") must not pass as a finished table."""

from __future__ import annotations

import json

import pytest

from matchday import competitions
from matchday.io.footballjson import parse_season
from matchday.model import Team
from matchday.standings import Table
from tests.conftest import OPENFOOTBALL

TR_2019 = OPENFOOTBALL / "football.json" / "2019-20" / "tr.1.json"


def _league(known: competitions.SeasonRules) -> Table:
    return next(t for _, t in known.tables() if t.name == "League")


def _names(pair: frozenset[Team]) -> set[str]:
    return {t.name for t in pair}


def _season(title: str, lines: list[tuple[str, str, int, int]]) -> competitions.SeasonRules:
    matches = [
        {
            "round": f"Matchday {i + 1}",
            "date": f"2022-0{1 + i // 28}-{1 + i % 28:02d}",
            "team1": home,
            "team2": away,
            "score": {"ft": [h, a]},
        }
        for i, (home, away, h, a) in enumerate(lines)
    ]
    text = json.dumps({"name": title, "matches": matches})
    return competitions.of_season(parse_season(text, "test.json"))


def _double_round_robin(teams: str) -> list[tuple[str, str, int, int]]:
    return [(h, a, 1, 0) for h in teams for a in teams if h != a]


def test_a_full_double_round_robin_is_complete() -> None:
    known = _season("Turkish Süper Lig 2021/22", _double_round_robin("ABCD"))
    table = _league(known)
    assert table.meetings == 2
    assert table.complete
    assert not table.unmet
    assert not table.repeated


def test_a_team_written_two_ways_leaves_the_league_incomplete() -> None:
    """D's return matches written as "D2": every listed match played, yet D and D2 never met
    and each met A, B and C once only."""
    lines = [
        (h.replace("D", "D2") if i >= 6 else h, a.replace("D", "D2") if i >= 6 else a, x, y)
        for i, (h, a, x, y) in enumerate(
            [(h, a, 1, 0) for h, a in ("AB", "CD", "AC", "BD", "AD", "BC")]
            + [(a, h, 1, 0) for h, a in ("AB", "CD", "AC", "BD", "AD", "BC")]
        )
    ]
    table = _league(_season("Turkish Süper Lig 2021/22", lines))
    assert all(m.played for m in table.matches)
    assert not table.complete
    unmet = [_names(p) for p in table.unmet]
    assert {"D", "D2"} in unmet
    assert {"A", "D"} in unmet
    assert {"A", "D2"} in unmet
    assert {"A", "B"} not in unmet  # A and B met twice
    assert len(unmet) == 7  # D and D2 each with A, B, C, and each other


def test_a_league_the_registry_does_not_know_the_meetings_of_is_not_judged() -> None:
    """A league with no format of its own (read under the default) says nothing of pairs."""
    lines = [(h, a, 1, 0) for h, a in ("AB", "CD", "AC")]
    table = _league(_season("Some League 2021/22", lines))
    assert table.meetings is None
    assert not table.unmet


def test_turkey_2019_20_is_marked_incomplete_and_names_gaziantep_both_ways() -> None:
    """The Süper Lig of 2019-20 had 18 clubs; the file writes Gaziantep FK two ways, so 19
    teams, and the pairs each name has met only once (or never) leave it incomplete."""
    if not TR_2019.exists():
        pytest.skip(f"real data not found at {TR_2019}")
    known = competitions.of_season(parse_season(TR_2019.read_text(encoding="utf-8"), str(TR_2019)))
    assert known.competition.key == "turkish-super-lig"
    table = _league(known)
    assert len(table.teams) == 19
    assert all(m.played for m in table.matches)
    assert not table.complete
    both = {"Gaziantep FK", "Gazişehir Gaziantep FK"}
    assert both in [_names(p) for p in table.unmet]
    assert all(_names(p) & both for p in table.unmet)  # every pair concerned has one of them


def test_the_table_command_names_the_pairs_and_the_teams(run) -> None:  # type: ignore[no-untyped-def]
    if not TR_2019.exists():
        pytest.skip(f"real data not found at {TR_2019}")
    done = run("table", str(TR_2019))
    assert done.returncode == 0
    said = " ".join(done.stdout.split())
    assert "incomplete: these pairs met fewer than 2 times" in said
    assert "Games per team: 34, but Gaziantep FK 28, Gazişehir Gaziantep FK 6" in said
    shown = json.loads(run("table", str(TR_2019), "--json").stdout)
    league = shown["tables"][0]
    assert league["complete"] is False
    assert league["meetings"] == 2
    assert ["Gaziantep FK", "Gazişehir Gaziantep FK"] in league["unmet"]
