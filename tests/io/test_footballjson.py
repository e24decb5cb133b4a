"""football.json league files: played matches only, country from the file name."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday.errors import ParseError
from matchday.io.footballjson import LEAGUE_FILE, domestic_country, parse_league, parse_season
from matchday.model import Team

LEAGUE = """{"name": "English Premier League 2017/18", "matches": [
 {"round": "Matchday 1", "date": "2017-08-11", "team1": "Arsenal FC",
  "team2": "Leicester City", "score": {"ht": [2, 2], "ft": [4, 3]}},
 {"round": "Matchday 38", "date": "2018-05-13", "team1": "Huddersfield Town",
  "team2": "Arsenal FC"}
]}"""


def test_played_matches_are_read_with_the_country() -> None:
    (result,) = parse_league(LEAGUE, "en.1.json", "ENG")
    assert result.date == dt.date(2017, 8, 11)
    assert result.home == Team("Arsenal FC", "ENG")
    assert (result.home_goals, result.away_goals) == (4, 3)
    assert not result.european


def test_a_broken_file_names_file_and_match() -> None:
    with pytest.raises(ParseError, match=r"en\.1\.json"):
        parse_league("[]", "en.1.json", "ENG")
    broken = (
        '{"matches": [{"date": "2017-13-01", "team1": "A", "team2": "B", "score": {"ft": [1, 0]}}]}'
    )
    with pytest.raises(ParseError, match="match 1"):
        parse_league(broken, "en.1.json", "ENG")


@pytest.mark.parametrize(
    ("name", "league"),
    [("en.1.json", True), ("de.2.json", True), ("de.cup.json", False), ("uefa.cl.json", False)],
)
def test_only_league_files_count(name: str, league: bool) -> None:
    assert (LEAGUE_FILE.match(name) is not None) is league


CUP = """{"name": "DFB Pokal 2019/20", "matches": [
  {"round": "Final", "date": "2020-07-04", "team1": "Bayer Leverkusen",
   "team2": "Bayern München", "score": {"ft": [2, 4]}}]}"""


@pytest.mark.parametrize(
    ("file", "country"),
    [
        ("football.json/2019-20/de.cup.json", "GER"),
        ("de.1.json", "GER"),
        ("at.cup.json", "AUT"),
        ("uefa.cl.json", None),
        ("mx.1.json", None),  # a league the European clubs never meet
        ("upload.json", None),
    ],
)
def test_a_domestic_file_gives_its_teams_its_country(file: str, country: str | None) -> None:
    assert domestic_country(file) == country
    (final,) = parse_season(CUP, file).rounds[0].matches
    assert final.home == Team("Bayer Leverkusen", country)
    assert final.away == Team("Bayern München", country)


def test_a_team_with_its_own_code_keeps_it_in_a_domestic_file() -> None:
    text = CUP.replace('"Bayern München"', '"FC Vaduz (LIE)"')
    (final,) = parse_season(text, "de.cup.json").rounds[0].matches
    assert final.away == Team("FC Vaduz", "LIE")
