"""Round-ups of cup nights outside Europe: CONMEBOL's ties without extra time, the round a
file does not hold yet, a two-legged final won on penalties, and German clubs' short names.

Each round-up is also passed through ``matchday check``: every claim it makes is supported.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import matchday
from matchday import competitions, model
from matchday.check import Verdict, check
from matchday.cli.check import night_of
from matchday.model import Season, Team
from matchday.report import display_names, night_rules, report
from matchday.report.language import EN, NL, Language

LIBERTADORES_2010_SEMI = """\
= Copa Libertadores 2010

▪ Semifinals - 1st Leg
Jul 28 2010
  Universidad de Chile  1-1  Chivas

▪ Semifinals - 2nd Leg
Aug 4 2010
  Chivas  1-1, 5-4 pen.  Universidad de Chile
"""
"""Made up on the 2010 semi-final (away goals, no extra time): level on aggregate and on away
goals, the tie went straight to penalties."""

POKAL_2020_QUARTERS = """\
= DFB-Pokal 2019/20

▪ Viertelfinale
Di 3.3.2020
  1. FC Saarbrücken  1-1 n.V., 7-6 i.E.  Fortuna Düsseldorf
  FC Schalke 04  0-1  FC Bayern München
"""
"""The 2019-20 quarter-finals, on the night: the file has no semi-finals yet."""

LIBERTADORES_1999_FINAL = """\
= Copa Libertadores 1999

▪ Final - 1st leg
Jun 2 1999
  Deportivo Cali  1-0  Palmeiras

▪ Final - 2nd leg
Jun 16 1999
  Palmeiras  2-1, 4-3 pen.  Deportivo Cali
    (1-0 Evair 65' (pen), 1-1 Zapata 70' (pen), 2-1 Oséas 76')
"""
"""The 1999 final: Cali won 1-0 at home, Palmeiras 2-1 in São Paulo, 4-3 on penalties."""


def _season(tmp_path: Path, text: str) -> Season:
    path = tmp_path / "cup.txt"
    path.write_text(text, encoding="utf-8")
    return matchday.load(path)


def _checked_report(season: Season, round_name: str, lang: str) -> str:
    """The round-up as ``matchday report`` writes it, each claim ``matchday check`` finds in
    it supported by the data."""
    rules = night_rules(competitions.of_season(season), round_name=round_name)
    written = report(season, round_name=round_name, lang=lang, rules=rules, forecast=False)
    night = night_of(season, rules, round_name=round_name, forecast=False)
    claims = check(written.text, night, lang)
    wrong = [c for c in claims if c.verdict is not Verdict.SUPPORTED]
    assert claims
    assert not wrong, "\n".join(f"{c.verdict} {c.kind} {c.words!r}: {c.reason}" for c in wrong)
    return written.text


def test_a_tie_without_extra_time_is_never_said_to_have_had_it(tmp_path: Path) -> None:
    season = _season(tmp_path, LIBERTADORES_2010_SEMI)
    english = _checked_report(season, "Semifinals", "en")
    dutch = _checked_report(season, "Semifinals", "nl")
    assert "extra time" not in english
    assert "verlenging" not in dutch
    assert "straight to penalties" in english
    assert "meteen naar strafschoppen" in dutch
    assert "2-2 on aggregate" in english
    assert "2-2" in dutch


def test_a_quarter_final_sends_its_winners_to_the_semi_finals(tmp_path: Path) -> None:
    season = _season(tmp_path, POKAL_2020_QUARTERS)
    english = _checked_report(season, "Viertelfinale", "en")
    dutch = _checked_report(season, "Viertelfinale", "nl")
    assert "Saarbrücken into the semi-finals on penalties" in english
    assert "next round" not in english
    assert "halve finales" in dutch
    assert "volgende ronde" not in dutch


@pytest.mark.parametrize(
    ("name", "after"),
    [
        ("Round of 32", "Round of 16"),
        ("Round of 16", "Quarterfinals"),
        ("Quarterfinals", "Semifinals"),
        ("Semifinals", "Final"),
        ("Europe (UEFA), Semifinals", "Europe (UEFA), Final"),
        ("Final", None),
        ("Round 3", None),
        ("Playoffs", None),
    ],
)
def test_the_round_after_is_the_halving_sequences(name: str, after: str | None) -> None:
    assert model.round_after(name) == after


def test_a_two_legged_final_on_penalties_gives_the_aggregate_and_the_first_leg(
    tmp_path: Path,
) -> None:
    season = _season(tmp_path, LIBERTADORES_1999_FINAL)
    english = _checked_report(season, "Final", "en")
    dutch = _checked_report(season, "Final", "nl")
    assert "2-2" in english.split("##")[0]  # the lead says why there were penalties
    assert "after 2-2 on aggregate" in english
    assert "Deportivo Cali had won the first leg 1-0" in english
    assert "na 2-2 over twee wedstrijden" in dutch
    assert "Deportivo Cali had de heenwedstrijd met 1-0 gewonnen" in dutch
    for text in (english, dutch):
        lead, section = text.split("##")[0], text.split("##")[1]
        assert "65" in section  # the turns are told once, in the section
        assert "65" not in lead


GERMAN_CLUBS = (
    "Hamburger SV",
    "Karlsruher SC",
    "Hallescher FC",
    "Würzburger Kickers",
    "RB Leipzig",
    "BSG Chemie Leipzig",
    "Hannover 96",
    "Chester FC",
)


@pytest.mark.parametrize("lang", [EN, NL])
def test_a_club_is_never_called_by_an_adjective(lang: Language) -> None:
    names = display_names([Team(name) for name in GERMAN_CLUBS], lang)
    said = {team.name: name for team, name in names.items()}
    assert said["Hamburger SV"] == "Hamburg"
    assert said["Karlsruher SC"] == "Karlsruhe"
    assert said["Hallescher FC"] == "Halle"
    assert said["Würzburger Kickers"] == "Würzburger Kickers"
    assert said["Hannover 96"] == "Hannover"
    assert said["Chester FC"] == "Chester FC"  # an "-er" word the table does not know


@pytest.mark.parametrize("lang", [EN, NL])
def test_names_in_one_report_stay_apart(lang: Language) -> None:
    """ "Leipzig" beside "BSG Chemie Leipzig" reads as the same club: RB Leipzig keeps its own
    name; alone it still goes by it ("RB" is a legal form readers drop elsewhere)."""
    rb, chemie = Team("RB Leipzig"), Team("BSG Chemie Leipzig")
    both = display_names([rb, chemie], lang)
    assert both == {rb: "RB Leipzig", chemie: "BSG Chemie Leipzig"}
    assert display_names([rb], lang) == {rb: "Leipzig"}


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_pokal_calls_hamburger_sv_hamburg(openfootball: Path, lang: str) -> None:
    path = openfootball / "football.json" / "2018-19" / "de.cup.json"
    if not path.is_file():
        pytest.skip(f"no football.json data at {path}")
    season = matchday.load(path)
    text = _checked_report(season, "2. Runde", lang)
    assert "Hamburger" not in text
    assert "Wehen Wiesbaden 0-3 Hamburg" in text or "Wehen Wiesbaden - Hamburg 0-3" in text
    assert "RB Leipzig" in text
