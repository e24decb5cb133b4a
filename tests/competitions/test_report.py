"""Round names and ways of deciding of these formats, in Dutch and English sports writing."""

from __future__ import annotations

import datetime as dt

import pytest

import matchday
from matchday import competitions
from matchday.io.load import load_with_problems
from matchday.model import Match, Round, RoundFormat, Score, Season, Stage, StageKind, Team
from matchday.report import report
from matchday.report.language import EN, NL
from matchday.select import find_round
from tests.conftest import OPENFOOTBALL


@pytest.mark.parametrize(
    ("canonical", "dutch", "english"),
    [
        ("Group stage", "groepsfase", "group stage"),
        ("Group A", "groep A", "group A"),
        ("Round of 16", "achtste finales", "round of 16"),
        ("Quarterfinals", "kwartfinales", "quarter-finals"),
        ("Third place", "troostfinale", "third-place play-off"),
        ("Preliminary round", "voorronde", "preliminary round"),
    ],
)
def test_round_names(canonical: str, dutch: str, english: str) -> None:
    assert (NL.round_name(canonical), EN.round_name(canonical)) == (dutch, english)


def test_a_numbered_round_is_a_qualifying_round_only_where_the_competition_says_so() -> None:
    assert (NL.round_name("Round 1"), EN.round_name("Round 1")) == ("eerste ronde", "first round")
    qualifying = (NL.round_name("Round 2", True), EN.round_name("Round 2", True))
    assert qualifying == ("tweede voorronde", "second qualifying round")
    season, _ = _world_cup("1938")
    text = report(season, date=dt.date(1938, 6, 4), lang="en").text
    assert text.startswith("# Switzerland and Germany must meet again\n")  # not "first leg"
    assert "World Cup · first round ·" in text


@pytest.mark.parametrize(
    ("by", "dutch"),
    [("golden_goal", "na een golden goal"), ("lots", "na loting"), ("replay", "na een replay")],
)
def test_ways_of_deciding(by: str, dutch: str) -> None:
    assert NL.decided[by] == dutch
    assert by in EN.decided


def test_national_teams_and_the_world_cup_in_dutch() -> None:
    assert NL.countries["Argentina"] == "Argentinië"
    assert NL.countries["West Germany"] == "West-Duitsland"
    assert NL.competition_name("World Cup") == "wereldbeker"
    assert EN.competition_name("UEFA Europa League") == "Europa League"


def test_a_leagues_country_prefix_is_not_said_in_prose() -> None:
    """football.json writes "Australia | A-League": "win the play-off of the A-League"."""
    assert EN.competition_name("Australia | A-League") == "A-League"
    assert NL.competition_name("China | Super League") == "Super League"


ITALY, USSR, YUGOSLAVIA, ENGLAND = (
    Team(n) for n in ("Italy", "Soviet Union", "Yugoslavia", "England")
)


def test_a_semi_final_decided_by_lots_reads_na_loting() -> None:
    """Euro 1968: Italy and the Soviet Union drew 0-0 after extra time; Italy went on by lots."""
    day = dt.date(1968, 6, 5)
    semis = (
        Match(day, ITALY, USSR, Score(0, 0), extra_time=Score(0, 0)),
        Match(day, YUGOSLAVIA, ENGLAND, Score(1, 0)),
    )
    final = (Match(day + dt.timedelta(days=3), ITALY, YUGOSLAVIA, Score(2, 0)),)
    rounds = (
        Round("Semifinals", RoundFormat.KNOCKOUT, semis),
        Round("Final", RoundFormat.KNOCKOUT, final),
    )
    season = Season("Euro 1968", "1968", (Stage(StageKind.KNOCKOUT, rounds),))
    rules = competitions.of_season(season).rules(rounds[0])
    assert rules.name == "extra-time-lots"
    assert (
        "Italië plaatst zich na loting voor de finale"
        in report(season, round_name="Semifinals", lang="nl", rules=rules).text
    )
    assert (
        "Italy reach the final on the drawing of lots"
        in report(season, round_name="Semifinals", lang="en", rules=rules).text
    )


def test_the_1998_golden_goal_in_a_dutch_report() -> None:
    folder = OPENFOOTBALL / "worldcup" / "1998--france"
    if not folder.is_dir():
        pytest.skip(f"real data not found at {folder}")
    season = matchday.load(str(folder))
    rules = matchday.rules_for_season(1998, season.competition)
    text = report(season, round_name="Round of 16", lang="nl", rules=rules).text
    assert "Frankrijk plaatst zich na een golden goal voor de kwartfinales" in text
    english = report(season, round_name="Round of 16", lang="en", rules=rules).text
    assert "France reach the quarter-finals with a golden goal" in english


def _world_cup(year: str) -> tuple[Season, competitions.SeasonRules]:
    folder = next((OPENFOOTBALL / "worldcup").glob(f"{year}--*"), None)
    if folder is None:
        pytest.skip(f"real data not found at {OPENFOOTBALL / 'worldcup'}")
    known = competitions.of_season(matchday.load(str(folder)))
    return known.season, known


@pytest.mark.parametrize(
    ("lang", "said", "never"),
    [
        ("nl", ["Kroatië wint de troostfinale", "wordt derde"], ["finale v", "wint de wereldb"]),
        ("en", ["Croatia beat Morocco to third place", "play-off"], ["the final", "win the World"]),
    ],
)
def test_the_third_place_match_is_no_way_into_the_final(
    lang: str, said: list[str], never: list[str]
) -> None:
    season, known = _world_cup("2022")
    round_ = find_round(season, "Match for third place")
    text = report(season, round_name=round_.name, lang=lang, rules=known.rules(round_)).text
    for words in said:
        assert words in text
    for words in never:
        assert words not in text


def test_the_2022_final_in_dutch_tells_the_match_not_a_made_up_forecast() -> None:
    season, known = _world_cup("2022")
    rules = known.rules(find_round(season, "Final"))
    text = report(season, round_name="Final", lang="nl", rules=rules, forecast=True).text
    assert text.startswith("# Argentinië wint de wereldbeker na strafschoppen")
    assert "Frankrijk knokte zich twee keer terug: van 2-0 naar 2-2 in de 81e minuut" in text
    assert "stevende het duel af op verlengingen" not in text  # a final level at 0-0 is no turn
    # club ratings know no national team: the forecast is the national ratings', and a final's
    # chance is of winning it
    assert "kans op de eindzege" in text
    assert "kwalificatie" not in text


def test_a_replay_is_told_on_its_own_night_and_the_drawn_match_says_it_is_due() -> None:
    season, known = _world_cup("1938")
    rules = known.rules(find_round(season, "Quarterfinals"))
    drawn = report(season, date=dt.date(1938, 6, 12), lang="nl", rules=rules).text
    assert "## Brazilië - Tsjecho-Slowakije 1-1 n.v." in drawn
    assert "overgespeeld" in drawn or "in een replay opnieuw" in drawn
    assert "Brazilië plaatst zich" not in drawn  # not known that night
    replayed = report(season, date=dt.date(1938, 6, 14), lang="nl", rules=rules).text
    assert "## Brazilië - Tsjecho-Slowakije 2-1" in replayed
    assert "Brazilië plaatst zich na een replay voor de halve finales" in replayed


def _sample(name: str) -> Season:
    path = OPENFOOTBALL / "spec" / name
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    return load_with_problems(path).season


@pytest.mark.parametrize(
    ("lang", "said", "never"),
    [
        (
            "en",
            [
                "# Palmeiras win the Copa Libertadores de América on penalties\n",
                "· final, second leg ·",
                "## Palmeiras 2-1 Deportivo Cali (4-3 on penalties)",
                "Deportivo Cali were heading for the title until the 65th minute",
            ],
            ["next round", "second legs"],
        ),
        (
            "nl",
            [
                "# Palmeiras wint de Copa Libertadores de América na strafschoppen\n",
                "· finale, terugwedstrijd ·",
                "Palmeiras - Deportivo Cali 2-1, 4-3 na strafschoppen",
                "was Deportivo Cali op weg naar de eindzege",
            ],
            ["volgende ronde", "terugwedstrijden"],
        ),
    ],
)
def test_a_cup_final_over_two_legs_is_won_not_passed(
    lang: str, said: list[str], never: list[str]
) -> None:
    """1999: the second leg of the Copa Libertadores final, decided by the shoot-out its level-2
    line writes; the winner wins the cup, one second leg is singular."""
    text = report(
        _sample("samples-l2/1999_copa_libertadores.txt"), round_name="Final", lang=lang
    ).text
    for words in said:
        assert words in text
    for words in never:
        assert words not in text


def test_a_play_off_final_after_a_league_is_no_title() -> None:
    """Austria 2024/25: its "Final" is the play-off for a European place after the league, so
    its winner wins the play-off, not "Austria", and goes to no "next round" of the file."""
    text = report(_sample("samples/2024-25_austria.txt"), round_name="Final", lang="en").text
    assert "win the Austria" not in text
    assert "next round" not in text
    assert text.startswith("# Rapid win the play-off of the Austria\n")
    assert "Rapid win the play-off of the Austria, 4-3 on aggregate." in text
    dutch = report(_sample("samples/2024-25_austria.txt"), round_name="Final", lang="nl").text
    assert "Rapid wint de play-off van de Austria met 4-3 over twee wedstrijden." in dutch


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Bologna win the play-off of the Italian Serie B as the side placed higher in"),
        ("nl", "Bologna wint de play-off van de Italian Serie B als beter geklasseerde ploeg"),
    ],
)
def test_a_play_off_final_settled_by_league_position_is_told(lang: str, said: str) -> None:
    """Serie B 2014-15 (football.json): the promotion final ended 1-1 on aggregate and Bologna,
    placed higher in the league, went up; the report decides it as ``matchday ties`` does,
    from the league table of the same file (it stopped at "level at the end")."""
    path = OPENFOOTBALL / "football.json" / "2014-15" / "it.2.json"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    season = load_with_problems(path).season
    text = report(season, round_name="Final", lang=lang).text
    assert said in " ".join(text.split())


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Italy reach the semi-finals after a replay, the first match drawn 1-1 after extra"),
        ("nl", "Italië plaatst zich na een replay voor de halve finales (de eerste wedstrijd"),
    ],
)
def test_a_replayed_tie_tells_of_the_drawn_match_before_it(lang: str, said: str) -> None:
    season, _ = _world_cup("1934")
    text = report(season, round_name="Quarterfinals", lang=lang).text
    assert said in " ".join(text.split())


def test_a_qualifying_stages_final_wins_no_world_cup() -> None:
    """World Cup 2022 qualifying (rsssf): the European play-off finals end their stage; their
    winners go on to no other stage's round (they were told "into the Africa (CAF), Round 1")
    and win no World Cup; a stage's rounds are translated after the stage's name."""
    path = OPENFOOTBALL / "worldcup" / "rsssf" / "2022q.txt"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    season = load_with_problems(path).season
    text = report(season, round_name="Europe (UEFA), Final", lang="en").text
    assert text.startswith("# Poland into the next round\n")
    assert "Africa" not in text
    assert "win the World Cup" not in text
    dutch = report(season, round_name="Europe (UEFA), Semifinals", lang="nl").text
    assert "Europe (UEFA), halve finales" in dutch
