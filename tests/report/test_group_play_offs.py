"""A group play-off (World Cup 1954-1958) sends its winner where the group's place leads: the
quarter-finals, not the next play-off the file happens to list."""

from __future__ import annotations

import datetime as dt

import pytest

import matchday
from matchday.report import report, roundup
from matchday.report.language import EN, NL
from tests.conftest import OPENFOOTBALL


def _world_cup(folder: str) -> matchday.Season:
    path = OPENFOOTBALL / "worldcup" / folder
    if not path.is_dir():
        pytest.skip(f"real data not found at {path}")
    return matchday.load(str(path))


@pytest.mark.parametrize(
    ("folder", "night", "winners"),
    [
        ("1954--switzerland", dt.date(1954, 6, 23), {"West Germany", "Switzerland"}),
        ("1958--sweden", dt.date(1958, 6, 17), {"Northern Ireland", "Wales", "Soviet Union"}),
    ],
)
def test_a_group_play_offs_winner_goes_to_the_quarter_finals(
    folder: str, night: dt.date, winners: set[str]
) -> None:
    season = _world_cup(folder)
    told = roundup(season, date=night)
    assert {s.winner.name for s in told.stories if s.winner} == winners
    assert {s.next_round for s in told.stories} == {"Quarterfinals"}


def test_the_1954_play_off_night_in_english() -> None:
    text = report(_world_cup("1954--switzerland"), date=dt.date(1954, 6, 23), lang="en").text
    assert "West Germany go through to the quarter-finals; Turkey are out." in text
    assert "to the group" not in text.casefold()
    assert "· group 2 play-off and group 4 play-off ·" in text


def test_the_1958_play_off_night_in_dutch() -> None:
    text = report(_world_cup("1958--sweden"), date=dt.date(1958, 6, 17), lang="nl").text
    assert "Noord-Ierland plaatst zich na verlengingen voor de kwartfinales." in text
    assert "Wales plaatst zich voor de kwartfinales" in text
    assert "Group" not in text
    assert "play-off van groep 1" in text


def test_a_group_play_off_is_named_in_both_languages() -> None:
    assert NL.round_name("Group 1 play-off") == "play-off van groep 1"
    assert EN.round_name("Group 4 play-off") == "group 4 play-off"
