"""Clubs go by one name however a file writes them: the table's name for any spelling of the
club (the club lists' spellings, read at the edge and passed in), else the data's name without
its legal form, itself looked up in the table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import matchday
from matchday.cli.report import club_spellings
from matchday.model import Team
from matchday.report import display_names, report
from matchday.report.language import EN, NL, Language

SPORTING_2024 = Team("Sporting Clube de Portugal", "POR")
SPORTING_2017 = Team("Sporting CP", "POR")
SPELLINGS = {SPORTING_2024: ("Sporting CP", "Sporting", "Sporting Lisboa")}


@pytest.mark.parametrize(("lang", "said"), [(NL, "Sporting Lissabon"), (EN, "Sporting Lisbon")])
def test_another_spelling_of_a_club_goes_by_the_tables_name(lang: Language, said: str) -> None:
    assert display_names([SPORTING_2017], lang) == {SPORTING_2017: said}
    assert display_names([SPORTING_2024], lang, SPELLINGS) == {SPORTING_2024: said}
    assert display_names([SPORTING_2024], lang) == {SPORTING_2024: SPORTING_2024.name}


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("Feyenoord Rotterdam", "Feyenoord"),
        ("Stade Brestois 29", "Brest"),
        ("FK Crvena Zvezda", "Rode Ster Belgrado"),  # the table's name, once the FK is gone
    ],
)
def test_clubs_of_the_2024_25_files_go_by_their_short_names(name: str, said: str) -> None:
    team = Team(name)
    assert display_names([team], NL) == {team: said}


def test_the_2024_25_champions_league_names_sporting_as_in_2017_18(openfootball: Path) -> None:
    """The command reads the club lists beside the file and passes their spellings in."""
    path = openfootball / "champions-league" / "2024-25" / "cl.txt"
    season = matchday.load(path)
    teams = {team for tie in season.ties() for team in tie.teams}
    spellings = club_spellings([str(path)], teams)
    assert "Sporting CP" in spellings[SPORTING_2024]
    for lang, said in (("nl", "Sporting Lissabon - Dortmund 0-3"), ("en", "Sporting Lisbon 0-3")):
        text = report(season, date=dt.date(2025, 2, 11), lang=lang, spellings=spellings).text
        assert said in text
        assert "Clube" not in text
        assert "Stade Brestois" not in text
