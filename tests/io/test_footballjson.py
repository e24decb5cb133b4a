"""football.json league files: played matches only, country from the file name."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday.errors import ParseError
from matchday.io.footballjson import LEAGUE_FILE, parse_league
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
