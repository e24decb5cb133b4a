"""Language done properly: round names, plurals, ordinals, Babel dates, names readers know."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import matchday
from matchday.model import Goal, Team
from matchday.report import display_names, language, report
from matchday.report.grammar import Grammar
from matchday.report.language import EN, LANGUAGES, NL
from tests.factories import one_match

NL_G = Grammar(NL, {})
EN_G = Grammar(EN, {})


@pytest.mark.parametrize(
    ("canonical", "dutch", "english"),
    [
        ("Round of 32", "zestiende finales", "round of 32"),
        ("Round of 16", "achtste finales", "round of 16"),
        ("Quarterfinals", "kwartfinales", "quarter-finals"),
        ("Semifinals", "halve finales", "semi-finals"),
        ("Final", "finale", "final"),
        ("Round 2", "tweede ronde", "second round"),
        (None, "volgende ronde", "next round"),
    ],
)
def test_round_names(canonical: str | None, dutch: str, english: str) -> None:
    assert NL_G.round(canonical) == dutch
    assert EN_G.round(canonical) == english


def test_numbered_rounds_are_qualifying_rounds_where_the_competition_says_so() -> None:
    assert Grammar(NL, {}, qualifying=True).round("Round 2") == "tweede voorronde"
    english = Grammar(EN, {}, qualifying=True)
    assert english.round("Round 2") == "second qualifying round"
    # kept by the helper bound to each tie
    assert english.for_tie(one_match("1-0")).round("Round 2") == "second qualifying round"


@pytest.mark.parametrize(
    ("number", "dutch", "english"),
    [
        (0, "geen doelpunten", "no goals"),
        (1, "één doelpunt", "one goal"),
        (2, "twee doelpunten", "two goals"),
        (12, "twaalf doelpunten", "twelve goals"),
        (13, "13 doelpunten", "13 goals"),
    ],
)
def test_counts_agree_in_number(number: int, dutch: str, english: str) -> None:
    assert NL_G.count(number, "doelpunt", "doelpunten") == dutch
    assert EN_G.count(number, "goal", "goals") == english


@pytest.mark.parametrize(
    ("number", "english"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
     (21, "21st"), (83, "83rd"), (112, "112th")],
)  # fmt: skip
def test_ordinals(number: int, english: str) -> None:
    assert EN_G.ordinal(number) == english
    assert NL_G.ordinal(number) == f"{number}e"


def test_minutes_of_added_time() -> None:
    goal = matchday.Goal(90, Team("Sporting CP"), "Shomko", added=4)
    assert NL_G.clock(goal) == "90+4'"
    assert NL_G.nth(goal) == "90+4e"
    assert EN_G.nth(goal) == "fourth minute of stoppage time"


def test_dates_numbers_and_lists_come_from_babel() -> None:
    night = dt.date(2018, 2, 22)
    assert NL_G.date(night) == "donderdag 22 februari 2018"
    assert EN_G.date(night) == "Thursday 22 February 2018"
    assert NL_G.percent(0.18) == "18%"
    assert NL_G.join(["Arsenal", "Lazio", "Napoli"]) == "Arsenal, Lazio en Napoli"
    assert EN_G.join(["Arsenal", "Lazio", "Napoli"]) == "Arsenal, Lazio and Napoli"


@pytest.mark.parametrize(
    ("chance", "dutch", "english"),
    [
        (0.121, "12%", "12%"),
        (0.003, "minder dan 1%", "less than 1%"),
        (0.997, "meer dan 99%", "more than 99%"),
        (0.0, "0%", "0%"),
        (1.0, "100%", "100%"),
    ],
)
def test_a_chance_that_may_happen_is_never_written_as_none_or_certain(
    chance: float, dutch: str, english: str
) -> None:
    assert (NL_G.chance(chance), EN_G.chance(chance)) == (dutch, english)


def test_a_small_chance_stressed() -> None:
    assert (NL_G.only(0.121), EN_G.only(0.121)) == ("nog maar 12%", "only 12%")
    assert (NL_G.only(0.003), EN_G.only(0.003)) == ("nog geen 1%", "less than 1%")


def test_the_same_tie_always_gets_the_same_phrasing_and_ties_differ() -> None:
    ties = list(matchday.find_round(matchday.load("europa-league-2017-18"), "Round of 32").ties())
    picks = [NL_G.for_tie(tie).pick("verdict", 4) for tie in ties]
    assert picks == [NL_G.for_tie(tie).pick("verdict", 4) for tie in ties]
    assert len(set(picks)) == 4


def test_names_readers_know() -> None:
    teams = [
        Team("Olympique Lyonnais", "FRA"),
        Team("Arsenal FC", "ENG"),
        Team("Spartak Moskva", "RUS"),
        Team("FC København", "DEN"),
    ]
    assert list(display_names(teams, NL).values()) == [
        "Lyon", "Arsenal", "Spartak Moskou", "FC Kopenhagen",
    ]  # fmt: skip
    assert list(display_names(teams, EN).values()) == [
        "Lyon", "Arsenal", "Spartak Moscow", "Copenhagen",
    ]  # fmt: skip


def test_names_that_would_collide_keep_their_own() -> None:
    twins = [Team("Sporting FC", "POR"), Team("Sporting CF", "ESP")]
    assert display_names(twins, NL) == {t: t.name for t in twins}


def test_an_unknown_language_is_a_config_error() -> None:
    with pytest.raises(matchday.ConfigError, match="unknown language 'fr'; choose one of: en, nl"):
        language("fr")


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Sport Lisboa e Benfica", "Benfica"),
        ("Bayer 04 Leverkusen", "Bayer Leverkusen"),
        ("Bayer Leverkusen", "Bayer Leverkusen"),
        ("1. FSV Mainz 05", "Mainz"),
        ("1. FC Union Berlin", "Union Berlin"),
        ("FC Internazionale Milano", "Inter"),
        ("Club Brugge KV", "Club Brugge"),
        ("CSKA 1948 Sofia", "CSKA Sofia"),
        ("B36 Tórshavn", "B36 Tórshavn"),  # a number inside a word is the name itself
        ("Atalanta BC", "Atalanta"),
    ],
)
def test_one_rule_shortens_every_club_name(name: str, short: str) -> None:
    team = Team(name)
    for lang in LANGUAGES.values():
        assert display_names([team], lang)[team] == short


@pytest.mark.parametrize(
    ("minute", "added", "english", "dutch"),
    [
        (83, 0, "83rd minute", "83e minuut"),
        (90, 11, "11th minute of stoppage time", "90+11e minuut"),
        (90, 3, "third minute of stoppage time", "90+3e minuut"),
        (45, 2, "second minute of first-half stoppage time", "45+2e minuut"),
        (105, 1, "first minute of stoppage time at the end of the first half of extra time",
         "eerste minuut van de blessuretijd van de eerste verlenging"),
        (120, 2, "second minute of stoppage time at the end of extra time",
         "tweede minuut van de blessuretijd van de tweede verlenging"),
    ],
)  # fmt: skip
def test_minutes_of_added_time_as_each_desk_writes_them(
    minute: int, added: int, english: str, dutch: str
) -> None:
    """English desks write "the 11th minute of stoppage time", never "the 90+11th minute";
    Dutch papers write "de 90+11e minuut"."""
    goal = Goal(minute, Team("Netherlands"), "Wout Weghorst", added)
    assert (EN_G.minute(goal), NL_G.minute(goal)) == (english, dutch)


def test_the_english_round_up_of_a_night_with_goals_in_stoppage_time(
    openfootball: Path,
) -> None:
    """Weghorst's 90+11 equaliser against Argentina (World Cup 2022) in the round-ups."""
    season = matchday.load(openfootball / "worldcup" / "2022--qatar")
    english = report(season, round_name="Quarterfinals", lang="en").text
    assert "11th minute of stoppage time" in english
    assert "90+11th" not in english
    assert "105+1st" not in english
    dutch = report(season, round_name="Quarterfinals", lang="nl").text
    assert "90+11e minuut" in dutch
