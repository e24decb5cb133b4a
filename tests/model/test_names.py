"""Names as people type them: one folding, and suggestions for a name that matches nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from matchday.errors import ConfigError
from matchday.io.load import load
from matchday.model import (
    Match,
    Round,
    RoundFormat,
    Season,
    Stage,
    StageKind,
    Team,
    is_final,
    is_placement,
    is_third_place,
)
from matchday.model.names import fold, name_key, suggestions
from matchday.select import find_round, find_team, find_tie


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Östersunds FK", "ostersunds fk"),
        ("FC København", "fc kobenhavn"),
        ("Łódź", "lodz"),
        ("Beşiktaş JK", "besiktas jk"),
        ("Црвена звезда", "tsrvena zvezda"),
    ],
)
def test_names_fold_to_plain_lower_case_ascii(name: str, folded: str) -> None:
    assert fold(name) == folded


def test_club_spellings_agree_without_dots_and_spacing() -> None:
    assert name_key("St. Pölten") == name_key("st  polten") == "st polten"
    assert name_key("ŁKS Łódź") == name_key("LKS Lodz")


def test_suggestions_are_the_close_names_only() -> None:
    teams = ["FC København", "1. FC Union Berlin", "Borussia Dortmund", "Arsenal FC"]
    assert suggestions("Kobenhvn FC", teams) == ("FC København",)
    assert suggestions("Dortmnd", teams) == ("Borussia Dortmund",)
    assert suggestions("xyz", teams) == ()
    # a short name inside a longer word is no spelling of it
    assert suggestions("Atlantis", ["CIS", "Austria"]) == ()


def test_kobenhavn_finds_fc_kobenhavn_in_the_conference_league(openfootball_cl: Path) -> None:
    season = load(openfootball_cl / "2021-22" / "conf.txt")
    teams = frozenset(team for match in season.matches for team in (match.home, match.away))
    assert find_team(teams, "kobenhavn").name == "FC København"
    assert find_tie(season, "kobenhavn", "Round of 16").label == (
        "PSV Eindhoven v FC København (Round of 16)"
    )
    with pytest.raises(ConfigError, match="no team matching 'Kobenhvn'; did you mean FC Køb"):
        find_team(teams, "Kobenhvn")
    with pytest.raises(ConfigError, match=r"no round .Quater-finals. .*did you mean Quarterfinals"):
        find_round(season, "Quater-finals")


def test_a_stages_round_is_found_as_written_and_in_any_spelling() -> None:
    """A file of several stages names its rounds "Europe (UEFA), Final": that name as written
    finds it (it once fell back on the canonical "Final" alone and failed), and so does the
    stage with its round in another language; a bare "Final" finds the round of that name."""

    def final(name: str, day: int) -> Round:
        match = Match(dt.date(2022, 3, day), Team(f"A{day}"), Team(f"B{day}"))
        return Round(name, RoundFormat.KNOCKOUT, (match,))

    rounds = (final("Europe (UEFA), Final", 29), final("Oceania (OFC), Final", 30))
    season = Season("World Cup", "2019/22", (Stage(StageKind.QUALIFYING, rounds),), True)
    assert find_round(season, "Europe (UEFA), Final") is rounds[0]
    assert find_round(season, "europe (uefa),  finale") is rounds[0]
    assert find_round(season, "Oceania (OFC), Endspiel") is rounds[1]
    with pytest.raises(ConfigError, match="no round 'Final'"):
        find_round(season, "Final")


def test_a_team_in_ties_of_several_rounds_or_twice_in_one_is_named_so() -> None:
    day = dt.date(2025, 5, 16)
    winner, a, b, c = Team("Winner EF"), Team("Auckland FC"), Team("Melbourne City"), Team("X")

    def knockout(name: str, *pairs: tuple[Team, Team]) -> Round:
        return Round(name, RoundFormat.KNOCKOUT, tuple(Match(day, h, w) for h, w in pairs))

    semis = knockout("Semifinals", (winner, a), (winner, b))
    season = Season("A-League", "2024/25", (Stage(StageKind.KNOCKOUT, (semis,)),))
    with pytest.raises(ConfigError, match=r"Winner EF play 2 ties in Semifinals \(against "):
        find_tie(season, "Winner EF")
    final = knockout("Final", (c, a))
    season = Season("A-League", "2024/25", (Stage(StageKind.KNOCKOUT, (final, semis)),))
    with pytest.raises(ConfigError, match=r"several rounds \(Final, Semifinals\)"):
        find_tie(season, "Auckland")


@pytest.mark.parametrize(
    ("name", "third", "placement"),
    [
        ("Match for third place", True, True),
        ("Playoffs, 3. Platz", True, True),
        ("Spiel um Platz 3", True, True),
        ("Playoffs, 5.-8. Platz Playoffs", False, True),
        ("Playoffs, 7. Platz", False, True),
        ("Asia (AFC), Fifth Place Playoff", False, False),  # its winner went on
        ("Playoffs, Semifinals", False, False),
        ("1. Vorrunde", False, False),
    ],
)
def test_matches_for_a_place(name: str, third: bool, placement: bool) -> None:
    assert is_third_place(name) is third
    assert is_placement(name) is placement


@pytest.mark.parametrize(
    ("name", "final"),
    [
        ("Final", True),
        ("Apertura Playoffs, Final", True),
        ("Quarter-final", False),
        ("Final Round", False),
        ("Semifinals", False),
    ],
)
def test_the_final_by_its_name(name: str, final: bool) -> None:
    assert is_final(name) is final


def _knockout(*names: str) -> Season:
    """A season of one single-match round per name, two teams of its own each."""
    rounds = tuple(
        Round(
            name,
            RoundFormat.KNOCKOUT,
            (Match(dt.date(2022, 12, day), Team(f"A{day}"), Team(f"B{day}")),),
        )
        for day, name in enumerate(names, start=1)
    )
    return Season("World Cup", "2022", (Stage(StageKind.KNOCKOUT, rounds),), source="wc/2022")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Kwartfinal", "Quarterfinals"),
        ("achtstefinals", "Round of 16"),
        ("halve finaal", "Semifinals"),
    ],
)
def test_a_misspelt_round_is_offered_the_closest_round_never_the_final(
    typed: str, meant: str
) -> None:
    """Every knockout round's name holds "final": a misspelt Dutch round ("Kwartfinal") was
    offered the Final; its closest spelling in the vocabulary ("kwartfinale") names its round."""
    season = _knockout("Round of 16", "Quarterfinals", "Semifinals", "Third place", "Final")
    with pytest.raises(ConfigError) as raised:
        find_round(season, typed)
    assert f"did you mean {meant}?" in str(raised.value)
    assert "Final?" not in str(raised.value)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Cuartos", "Quarterfinals"),
        ("Quartos de final", "Quarterfinals"),
        ("Meias-finais", "Semifinals"),
        ("Halbfinal", "Semifinals"),
        ("Viertelfinal", "Quarterfinals"),
        ("Achtelfinal", "Round of 16"),
        ("semis", "Semifinals"),
        ("1. Hauptrunde", "Round 1"),
        ("R1", "Round 1"),
        ("R2", "Round 2"),
        ("R16", "Round of 16"),
    ],
)
def test_a_cup_round_by_the_name_a_desk_types(typed: str, meant: str) -> None:
    """A domestic cup's rounds by the short, Swiss-German, European-Portuguese and older German
    names a desk types: "R1" is Round 1, not a misspelling of the Round of 16."""
    season = _knockout("Round 1", "Round 2", "Round of 16", "Quarterfinals", "Semifinals", "Final")
    assert find_round(season, typed).name == meant


def test_a_round_the_vocabulary_knows_is_no_misspelling_of_another() -> None:
    """ "Round of 32" in a season without one: the rounds are listed, none offered for it."""
    season = _knockout("Round of 16", "Quarterfinals", "Final")
    with pytest.raises(ConfigError, match=r"no round 'Round of 32' in wc/2022; rounds: Round"):
        find_round(season, "Round of 32")


def test_dutch_rounds_of_a_flemish_desk_find_their_round() -> None:
    season = _knockout("Round of 16", "Quarterfinals", "Semifinals", "Final")
    for typed, name in [
        ("achtstefinales", "Round of 16"), ("1/8 finale", "Round of 16"),
        ("1/8e finale", "Round of 16"), ("halve finals", "Semifinals"),
        ("Kwartfinale", "Quarterfinals"), ("finale", "Final"),
    ]:  # fmt: skip
        assert find_round(season, typed).name == name, typed


NATIONS = frozenset(
    Team(name)
    for name in ("France", "Netherlands", "Argentina", "Côte d'Ivoire", "Trinidad and Tobago")
)


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Frankrijk", "France"), ("Argentinië", "Argentina"), ("argentinie", "Argentina"),
        ("Nederland", "Netherlands"), ("Holland", "Netherlands"), ("Ivoorkust", "Côte d'Ivoire"),
        ("Ivory Coast", "Côte d'Ivoire"), ("Trinidad en Tobago", "Trinidad and Tobago"),
    ],
)  # fmt: skip
def test_a_national_team_by_its_dutch_or_common_name(typed: str, found: str) -> None:
    """The names a Flemish desk types ("Frankrijk"), and common ones ("Holland"): the Dutch
    names are the reports' own (``display_names``), read backwards."""
    assert find_team(NATIONS, typed).name == found


def test_a_misspelt_dutch_name_is_offered_the_dutch_name() -> None:
    with pytest.raises(ConfigError, match=r"no team matching 'Frankryk'; did you mean Frankrijk\?"):
        find_team(NATIONS, "Frankryk")
    with pytest.raises(ConfigError, match=r"did you mean Nederland\?"):
        find_team(NATIONS, "Nederlnd")


def test_a_club_by_the_name_a_dutch_report_gives_it() -> None:
    clubs = frozenset({Team("Crvena Zvezda", "SRB"), Team("Dynamo Kyiv", "UKR")})
    assert find_team(clubs, "Rode Ster Belgrado").name == "Crvena Zvezda"
    assert find_team(clubs, "Dynamo Kiev").name == "Dynamo Kyiv"


def _world_cup(edition: str) -> Season:
    from tests.conftest import OPENFOOTBALL

    folder = OPENFOOTBALL / "worldcup" / edition
    if not folder.exists():
        pytest.skip(f"real data not found at {folder}")
    return load(folder)


def test_a_tie_whose_pairing_waited_on_results_to_come_is_not_picked() -> None:
    """On the morning of 30 November 2022 Argentina's group (and Australia's) still had their
    last matches that evening: their round-of-16 tie was not known, with or without --round,
    and the refusal names no opponent; nor was the final on 10 December, before the
    semi-finals. The day after, the round of 16 is known."""
    qatar = _world_cup("2022--qatar")
    with pytest.raises(ConfigError, match="no tie of Argentina was known yet") as unknown:
        find_tie(qatar, "Argentina", None, dt.date(2022, 11, 30))
    assert "(Group C, Group D)" in str(unknown.value)
    assert "Australia" not in str(unknown.value)
    with pytest.raises(ConfigError, match="Round of 16 was not known yet"):
        find_tie(qatar, "Argentina", "Round of 16", dt.date(2022, 11, 30))
    with pytest.raises(ConfigError, match="Final was not known yet") as final:
        find_tie(qatar, "Argentina", "Final", dt.date(2022, 12, 10))
    assert "France" not in str(final.value)
    assert "forecast without --tie" in str(final.value)
    assert find_tie(qatar, "Argentina", None, dt.date(2022, 12, 1)).label == (
        "Argentina v Australia (Round of 16)"
    )
    assert find_tie(qatar, "Argentina", "Final", dt.date(2022, 12, 15)).round == "Final"
    # before the first match the file's fixtures are taken as they are (with a note)
    assert find_tie(qatar, "Argentina", "Final", dt.date(2022, 11, 1)).round == "Final"


def test_a_pairing_with_a_best_third_waits_on_every_group() -> None:
    """1986: Mexico's and Bulgaria's groups were over by 11 June, but whom a best third met
    waited on group E, played to 13 June."""
    mexico = _world_cup("1986--mexico")
    with pytest.raises(ConfigError, match=r"results still to come \(Group E\)"):
        find_tie(mexico, "Mexico", "Round of 16", dt.date(1986, 6, 13))
    assert find_tie(mexico, "Mexico", None, dt.date(1986, 6, 14)).label == (
        "Mexico v Bulgaria (Round of 16)"
    )


def test_a_club_final_is_not_known_while_the_round_of_32_is_played() -> None:
    """Europa League 2017-18 on 22 February 2018: Atlético's round-of-32 tie was between its
    legs; the final against Marseille was three rounds away."""
    season = load("europa-league-2017-18")
    with pytest.raises(ConfigError, match="Atlético Madrid's Final was not known yet") as early:
        find_tie(season, "Atlético", "Final", dt.date(2018, 2, 22))
    assert "Marseille" not in str(early.value)
    assert find_tie(season, "Atlético", "Final", dt.date(2018, 5, 16)).round == "Final"


def test_the_rounds_an_error_lists_are_each_named_once_and_told_apart() -> None:
    """1938's rounds were listed "Round 1, Round 1, Replays, Quarterfinals, ...": the
    replays' round read as two, a round twice. Each is named once, "; " between names that
    hold a comma; a long list is cut with how many more."""
    with pytest.raises(ConfigError) as listed:
        find_round(_world_cup("1938--france"), "Round of 32")
    assert "rounds: Round 1; Round 1, Replays; Quarterfinals; Quarterfinals, Replays;" in str(
        listed.value
    )
    many = Season(
        "Cup",
        "2020",
        (
            Stage(
                StageKind.KNOCKOUT,
                tuple(Round(f"Round {i}", RoundFormat.KNOCKOUT, ()) for i in range(1, 31)),
            ),
        ),
    )
    with pytest.raises(ConfigError, match=r"Round 19, Round 20, \.\.\. \(10 more\)$"):
        find_round(many, "Final")


def test_a_nation_not_at_the_world_cup_is_said_to_be_none_of_its_teams() -> None:
    """``--tie "Côte d'Ivoire"`` at the 2022 World Cup said only "no team matching"."""
    with pytest.raises(ConfigError, match=r"is none of the 32 teams of World Cup 2022"):
        find_tie(_world_cup("2022--qatar"), "Côte d'Ivoire")


def _sized(first: str, ties: int, *later: str) -> Season:
    """A season whose first knockout round ``first`` has ``ties`` single matches, then
    ``later`` rounds of one match each."""
    opening = Round(
        first,
        RoundFormat.KNOCKOUT,
        tuple(Match(dt.date(1938, 6, 4), Team(f"H{i}"), Team(f"V{i}")) for i in range(ties)),
    )
    rest = tuple(
        Round(name, RoundFormat.KNOCKOUT, (Match(dt.date(1938, 6, 12), Team(name), Team("X")),))
        for name in later
    )
    stage = Stage(StageKind.KNOCKOUT, (opening, *rest))
    return Season("World Cup", "1938", (stage,), source="wc/1938")


def test_a_first_round_of_sixteen_teams_is_the_round_of_16_and_back() -> None:
    """openfootball's 1938 "First round" ("Round 1") and rsssf's "1/8 finals" ("Round of 16")
    are the same round: either name finds it in either source."""
    numbered = _sized("Round 1", 8, "Quarterfinals", "Semifinals", "Final")
    assert find_round(numbered, "Round of 16").name == "Round 1"
    assert find_round(numbered, "achtste finales").name == "Round 1"
    named = _sized("Round of 16", 8, "Quarterfinals", "Semifinals", "Final")
    assert find_round(named, "First round").name == "Round of 16"
    preliminary = _sized("Preliminary round", 8, "Quarterfinals", "Semifinals", "Final")
    assert find_round(preliminary, "Round of 16").name == "Preliminary round"  # 1934's
    with pytest.raises(ConfigError, match="no round 'Round of 32'"):
        find_round(numbered, "Round of 32")  # 8 ties are no round of 32
    with pytest.raises(ConfigError, match="no round 'Second round'"):
        find_round(named, "Second round")  # the quarter-finals are named, not numbered


def test_the_rounds_listed_in_the_error_are_named_once_each() -> None:
    """A name with ", " in it ("Round 1, Replays") stays one name in the list."""
    season = _knockout("Round 1", "Round 1, Replays", "Final")
    with pytest.raises(ConfigError) as raised:
        find_round(season, "Kwartfinale")
    assert str(raised.value).endswith("rounds: Round 1; Round 1, Replays; Final")
