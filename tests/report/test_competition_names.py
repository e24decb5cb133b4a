"""The competition a report names: "UEFA" is dropped only where the rest still names it."""

from __future__ import annotations

import datetime as dt

import pytest

import matchday
from matchday import competitions
from matchday.model import Match, Round, RoundFormat, Score, Season, Stage, StageKind, Team
from matchday.report import display_names, report, roundup
from matchday.report.grammar import Grammar
from matchday.report.language import EN, LANGUAGES, NL
from matchday.report.render import _ENV
from tests.conftest import OPENFOOTBALL


@pytest.mark.parametrize(
    ("data", "said"),
    [
        ("UEFA Cup", "UEFA Cup"),
        ("UEFA Europa League", "Europa League"),
        ("UEFA Champions League", "Champions League"),
        ("UEFA Conference League", "Conference League"),
    ],
)
def test_uefa_is_dropped_only_where_the_rest_names_the_competition(data: str, said: str) -> None:
    assert EN.competition_name(data) == said
    assert NL.competition_name(data) == said


SHAKHTAR, BREMEN = Team("Shakhtar Donetsk", "UKR"), Team("Werder Bremen", "GER")


def _uefa_cup_final() -> Season:
    final = Match(dt.date(2009, 5, 20), SHAKHTAR, BREMEN, Score(1, 1), extra_time=Score(2, 1))
    rounds = (Round("Final", RoundFormat.KNOCKOUT, (final,)),)
    return Season("UEFA Cup", "2008/09", (Stage(StageKind.KNOCKOUT, rounds),))


@pytest.mark.parametrize(
    ("lang", "headline", "dateline"),
    [
        ("en", "Shakhtar Donetsk win the UEFA Cup after extra time", "UEFA Cup · final · "),
        ("nl", "Shakhtar Donetsk wint de UEFA Cup na verlengingen", "UEFA Cup · finale · "),
    ],
)
def test_the_uefa_cup_final_names_the_uefa_cup(lang: str, headline: str, dateline: str) -> None:
    written = report(_uefa_cup_final(), round_name="Final", lang=lang)
    assert written.headline == headline
    assert written.dateline.startswith(dateline)
    assert " Cup" not in written.text.replace("UEFA Cup", "")


@pytest.mark.parametrize(
    ("name", "european"),
    [
        ("UEFA Champions League", True),
        ("UEFA Europa League", True),
        ("UEFA Conference League", True),
        ("UEFA European Championship", False),  # UEFA's, but national teams
        ("Copa Libertadores de América", False),
        ("Copa del Rey", False),
    ],
)
def test_the_registry_says_which_competitions_are_european_club_competitions(
    name: str, european: bool
) -> None:
    found = competitions.recognise(name)
    assert found is not None
    assert found.european_clubs is european


PENAROL, BOTAFOGO = Team("Peñarol", "URU"), Team("Botafogo", "BRA")


def _semi_final(competition: str) -> Season:
    """Botafogo won 5-0 at home, lost 3-1 away: through 6-3 on aggregate."""
    legs = (
        Match(dt.date(2024, 10, 23), BOTAFOGO, PENAROL, Score(5, 0)),
        Match(dt.date(2024, 10, 30), PENAROL, BOTAFOGO, Score(3, 1)),
    )
    final = Match(dt.date(2024, 11, 30), BOTAFOGO, Team("Atlético Mineiro", "BRA"), None)
    rounds = (
        Round("Semifinals", RoundFormat.KNOCKOUT, legs),
        Round("Final", RoundFormat.KNOCKOUT, (final,)),
    )
    return Season(competition, "2024", (Stage(StageKind.KNOCKOUT, rounds),))


def _verdicts(competition: str, code: str) -> set[str]:
    """Every phrasing (every seed) of the verdict on Peñarol - Botafogo."""
    told = roundup(_semi_final(competition), date=dt.date(2024, 10, 30))
    (story,) = told.stories
    macros = _ENV.get_template(f"{code}/tie.j2").module
    lang = LANGUAGES[code]
    names = display_names(story.tie.teams, lang)
    return {
        " ".join(str(macros.verdict(story, Grammar(lang, names, seed=str(seed)), told)).split())
        for seed in range(60)
    }


@pytest.mark.parametrize(
    ("code", "europe", "out"),
    [
        ("en", "European", "Peñarol's Copa Libertadores de América campaign is over"),
        ("nl", "Europese", "Voor Peñarol zit de Copa Libertadores de América erop"),
    ],
)
def test_a_tie_outside_uefa_is_no_european_campaign(code: str, europe: str, out: str) -> None:
    said = _verdicts("Copa Libertadores de América", code)
    assert not any(europe in text for text in said)
    assert any(text.startswith(out) for text in said)


@pytest.mark.parametrize(("code", "europe"), [("en", "European"), ("nl", "Europese")])
def test_a_uefa_club_tie_is_a_european_campaign(code: str, europe: str) -> None:
    assert any(europe in text for text in _verdicts("UEFA Europa League", code))


SPAIN, ENGLAND = Team("Spain"), Team("England")


def _euro_final(competition: str) -> Season:
    final = Match(dt.date(2024, 7, 14), SPAIN, ENGLAND, Score(2, 1))
    rounds = (Round("Final", RoundFormat.KNOCKOUT, (final,)),)
    return Season(competition, "2024", (Stage(StageKind.KNOCKOUT, rounds),))


@pytest.mark.parametrize("competition", ["Euro", "UEFA European Championship"])
def test_the_euro_is_het_ek_in_dutch(competition: str) -> None:
    """Flemish papers write "het EK" (neuter), never "de Euro" nor "de EK"."""
    written = report(_euro_final(competition), round_name="Final", lang="nl")
    assert written.headline == "Spanje wint het EK"
    assert written.dateline.startswith("EK · finale · ")
    assert "Spanje heeft het EK gewonnen." in written.text
    assert "Euro" not in written.text
    assert "de EK" not in written.text


def test_other_competitions_keep_their_articles() -> None:
    assert NL.the_competition("FIFA World Cup") == "de wereldbeker"
    assert NL.the_competition("UEFA Champions League") == "de Champions League"
    assert EN.the_competition("UEFA Champions League") == "the Champions League"


@pytest.mark.parametrize(
    ("date", "said"),
    [
        (dt.date(2024, 7, 14), "mag zich winnaar van het EK noemen"),
        (dt.date(2024, 7, 5), "de halve finales van het EK"),
    ],
)
def test_the_real_euro_2024_in_dutch_is_het_ek(date: dt.date, said: str) -> None:
    sample = OPENFOOTBALL / "spec" / "samples" / "2024_euro.txt"
    if not sample.exists():
        pytest.skip(f"real data not found at {sample}")
    text = report(matchday.load(sample), date=date, lang="nl").text
    assert "Euro" not in text
    assert said in text
