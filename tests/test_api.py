"""The Python API for analysts: load, iterate ties, decide, and a DataFrame."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import matchday

AJAX, PSV, DAY = matchday.Team("Ajax"), matchday.Team("PSV"), dt.date(2018, 1, 1)


def test_the_documented_analyst_workflow() -> None:
    season = matchday.load("europa-league-2017-18")
    rules = matchday.rules_for_season(season.start_year)
    outcomes = matchday.decide_all(season.ties(), rules)
    assert len(outcomes) == 31
    frame = matchday.ties_frame(outcomes)
    assert list(frame["round"].unique()) == [
        "Round of 32",
        "Round of 16",
        "Quarterfinals",
        "Semifinals",
        "Final",
    ]
    final = frame[frame["round"] == "Final"].iloc[0]
    assert final["winner"] == "Atlético Madrid"
    assert final["decided_by"] == "single_match"
    away = frame[frame["decided_by"] == "away_goals"]
    assert set(away["winner"]) == {"Dynamo Kyiv", "RB Leipzig", "CSKA Moskva"}
    assert (frame["aggregate1"] + frame["aggregate2"] > 0).all()


def test_a_round_by_any_spelling_and_json_per_tie() -> None:
    season = matchday.load("europa-league-2017-18")
    r16 = matchday.find_round(season, "achtelfinale")
    (plzen,) = [t for t in r16.ties() if t.team2.name == "Viktoria Plzeň"]
    outcome = matchday.decide(plzen, matchday.preset("uefa-classic"))
    data = matchday.tie_json(outcome)
    assert data["decided_by"] == "extra_time"
    assert data["legs"][1]["extra_time"] == [2, 1]
    assert data["explanation"] == "Sporting CP win 3-2 on aggregate after extra time"


@pytest.mark.parametrize(
    "make",
    [
        lambda: matchday.Team(None),  # type: ignore[arg-type]
        lambda: matchday.Team(3),  # type: ignore[arg-type]
        lambda: matchday.Team("Ajax", country=528),  # type: ignore[arg-type]
        lambda: matchday.Match("2018-01-01", AJAX, PSV),  # type: ignore[arg-type]
        lambda: matchday.Match(dt.datetime(2018, 1, 1, 20), AJAX, PSV),
        lambda: matchday.Match(DAY, "Ajax", PSV),  # type: ignore[arg-type]
        lambda: matchday.Match(DAY, AJAX, PSV, score=(1, 0)),  # type: ignore[arg-type]
        lambda: matchday.Match(DAY, AJAX, PSV, matchday.Score(1, 0), penalties="4-3"),  # type: ignore[arg-type]
        lambda: matchday.Goal("12", AJAX),  # type: ignore[arg-type]
        lambda: matchday.Goal(12, "Ajax"),  # type: ignore[arg-type]
        lambda: matchday.RedCard(12.5, AJAX),  # type: ignore[arg-type]
    ],
)
def test_a_model_value_of_the_wrong_type_is_an_invalid_value_error(make: Any) -> None:
    """The model's values are the README's: a wrong type is an ``InvalidValueError`` (also a
    ``ValueError``) naming what it got, not an ``AttributeError`` from deep inside."""
    with pytest.raises(matchday.InvalidValueError):
        make()


def test_a_competition_the_registry_does_not_know_is_the_error_the_cli_gives() -> None:
    """``rules_for_season`` looks a competition up where ``--competition`` does: a misspelt
    name lists the known competitions instead of silently giving UEFA's club rules."""
    with pytest.raises(matchday.ConfigError, match=r"known competitions: .*world-cup"):
        matchday.rules_for_season(1998, competition="Wrold Cup")
    assert matchday.rules_for_season(1998, competition="WM").name == "golden-goal"
    with pytest.raises(
        matchday.ConfigError, match=r"'Copa del Reyy'; did you mean Copa del Rey\?;"
    ):
        matchday.rules_for_season(2019, "Copa del Reyy")
    with pytest.raises(matchday.InvalidValueError, match=r"season\.start_year"):
        matchday.rules_for_season("2017", competition="WM")  # type: ignore[arg-type]


def test_rules_for_season_reads_the_competition_of_a_season_it_is_given(tmp_path: Path) -> None:
    """Given the ``Season`` itself, ``rules_for_season`` asks the registry for the competition
    its title names (a named ``competition`` instead, where given), as ``matchday ties`` does;
    a year alone still means UEFA's club competitions."""
    cup = tmp_path / "pokal.txt"
    cup.write_text("= DFB-Pokal 2019/20\n\n▪ Finale\n  Bayer 04 Leverkusen 2-4 FC Bayern München\n")
    season = matchday.load(str(cup))
    assert matchday.rules_for_season(season).name == "extra-time-penalties"
    assert matchday.rules_for_season(season, "Champions League").name == "uefa-classic"
    assert matchday.rules_for_season(season.start_year).name == "uefa-classic"
    europa = matchday.load("europa-league-2017-18")
    assert matchday.rules_for_season(europa) == matchday.rules_for_season(2017)


def test_every_located_error_says_its_file_and_line_the_same_way() -> None:
    """A ``ParseError`` and a ``RuleError`` found in a parsed file both have ``file`` and
    ``line``; an error about no place in an input has them as ``None``."""
    with pytest.raises(matchday.ParseError) as parsed:
        matchday.parse("= World Cup 2018\n\n▪ Final\n  France 4-2 Croatia\n  Bla\n", "cup.txt")
    assert (parsed.value.file, parsed.value.line) == ("cup.txt", 5)
    with pytest.raises(matchday.RuleError) as broken:
        matchday.parse("= World Cup 2018\n\n▪ Final\n  France v France 4-2\n", "cup.txt")
    assert (broken.value.file, broken.value.line) == ("cup.txt", 4)
    with pytest.raises(matchday.ConfigError) as unknown:
        matchday.preset("no-such-rules")
    assert (unknown.value.file, unknown.value.line) == (None, None)
