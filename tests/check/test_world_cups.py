"""World Cup nights as a sports desk checks them, in Dutch and English: sides that did not
play, how a match was decided, family names first, minutes of extra time, the shoot-out by
its Flemish name, and reasons that say what the data says."""

from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path

import pytest

import matchday
from matchday.check import Claim, Forecast, Kind, Night, Verdict, Why, check
from matchday.cli.check import night_of, reasons_for
from matchday.model import Team
from matchday.report import night_rules
from tests.conftest import OPENFOOTBALL

WORLD_CUP = OPENFOOTBALL / "worldcup"


@cache
def _round(folder: str, round_name: str) -> Night:
    """The round of a World Cup as ``matchday check --round`` reads it, without forecasts."""
    path = WORLD_CUP / folder  # a tournament folder, or a file of more/
    if not path.exists():
        pytest.skip(f"the shared openfootball data is absent ({path})")
    known = matchday.competitions.of_season(matchday.load(path))
    rules = night_rules(known, round_name=round_name)
    return night_of(known.season, rules, round_name=round_name, forecast=False)


def _claims(text: str, night: Night, lang: str) -> list[Claim]:
    return list(check(text, night, lang))


def _said(night: Night, lang: str, claim: Claim) -> str:
    return reasons_for(night, lang)(claim.reason)


# -- 1. a side that did not play --------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "absent"),
    [
        ("en", "Germany were favourites against Brazil.", "Germany did not play in that round"),
        ("en", "Brazil won. Germany were favourites.", "Germany did not play in that round"),
        ("nl", "Duitsland was favoriet tegen Brazilië.", "Duitsland speelde in die ronde niet"),
    ],
)
def test_a_chance_of_a_side_that_did_not_play_is_never_supported(
    lang: str, text: str, absent: str
) -> None:
    """2022's round of 16 without Germany, every tie with a forecast: the chance is said of
    Germany, not of Brazil named beside it, and the reason says Germany did not play."""
    bare = _round("2022--qatar", "Round of 16")
    night = dataclasses.replace(bare, forecasts={s.tie: Forecast(0.6) for s in bare.stories})
    claims = _claims(text, night, lang)
    chances = [c for c in claims if c.kind is Kind.CHANCE]
    assert [c.verdict for c in chances] == [Verdict.NOT_CHECKABLE]
    assert chances[0].tie is None
    assert _said(night, lang, chances[0]) == absent


def test_a_score_of_sides_that_did_not_play_is_not_another_ties() -> None:
    """On the final, "Morocco beat Spain 3-0" is not judged against Argentina v France."""
    night = _round("2022--qatar", "Final")
    claims = _claims("Argentina won the final. Morocco beat Spain 3-0.", night, "en")
    score = next(c for c in claims if c.words == "3-0")
    assert score.verdict is Verdict.NOT_CHECKABLE
    assert score.reason is not None
    assert score.reason.key is Why.DID_NOT_PLAY
    assert score.reason["team"] == Team("Morocco")


# -- 2. won in normal time ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "words"),
    [
        ("en", "Argentina won in normal time.", "in normal time"),
        ("en", "Argentina won the final within 90 minutes.", "within 90 minutes"),
        ("en", "Argentina won in regular time.", "in regular time"),
        ("nl", "Argentinië won de finale binnen de reguliere speeltijd.",
         "binnen de reguliere speeltijd"),
        ("nl", "Argentinië won in de normale speeltijd.", "in de normale speeltijd"),
    ],
)  # fmt: skip
def test_a_win_in_normal_time_is_a_claim_on_how_the_final_was_decided(
    lang: str, text: str, words: str
) -> None:
    """The 2022 final was 2-2 after 90 minutes, decided on penalties."""
    night = _round("2022--qatar", "Final")
    method = next(c for c in _claims(text, night, lang) if c.kind is Kind.METHOD)
    assert method.words == words
    assert method.verdict is Verdict.CONTRADICTED
    assert method.reason is not None
    assert method.reason["by"].value == "single_match_penalties"  # type: ignore[union-attr]


def test_a_win_in_normal_time_holds_where_no_extra_time_was_played() -> None:
    """Brazil beat South Korea 4-1 in 2022's round of 16; "2-2 in normal time" said of the
    final is the score after 90 minutes, no way of deciding it."""
    night = _round("2022--qatar", "Round of 16")
    claims = _claims("Brazil won in normal time.", night, "en")
    assert [(c.kind, c.verdict) for c in claims] == [
        (Kind.RESULT, Verdict.SUPPORTED),
        (Kind.METHOD, Verdict.SUPPORTED),
    ]
    final = _claims("France: 2-2 in normal time.", _round("2022--qatar", "Final"), "en")
    assert [(c.kind, c.verdict) for c in final] == [(Kind.SCORE, Verdict.SUPPORTED)]


# -- 3. family names first ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "round_name", "lang", "text", "family"),
    [
        ("2022--qatar", "Round of 16", "en",
         "Brazil beat South Korea. Paik pulled one back in the 76th minute.", "Paik"),
        ("more/2002.txt", "Round of 16", "nl",
         "Zuid-Korea won na een golden goal van Ahn in de 117e minuut.", "Ahn"),
        ("more/2002.txt", "Round of 16", "en",
         "South Korea beat Italy. Seol equalised in the 88th minute.", "Seol"),
    ],
)  # fmt: skip
def test_a_family_name_written_first_names_the_player(
    source: str, round_name: str, lang: str, text: str, family: str
) -> None:
    """Paik Seung-ho (2022), and the more/ files' capitals ("AHN Jung Hwan", "SEOL Ki Hyeon",
    2002): the family name alone names the scorer, as a surname does."""
    night = _round(source, round_name)
    goal = next(c for c in _claims(text, night, lang) if c.kind is Kind.GOAL)
    assert goal.verdict is Verdict.SUPPORTED, _said(night, lang, goal)
    assert goal.note is None
    player, misspelt = night.player(family, None)
    assert player is not None
    assert not misspelt
    assert family.lower() in player.name.lower().replace("-", " ").split()


_TWO_KIMS = """= World Cup 2002

▪ Round of 16
Tue Jun 18
   20:30   South Korea   2-1   Italy   @ Daejeon World Cup Stadium, Daejeon
             (KIM Nam Il 10', KIM Tae Young 20'; Christian VIERI 18')
"""


def test_a_word_of_a_full_name_names_the_one_scorer_who_has_it(tmp_path: Path) -> None:
    """A word of a name, written whole, stands for the player where it picks exactly one
    scorer of the match ("Nam", "Vieri"); the capitals mark the family name ("KIM")."""
    path = tmp_path / "cup_finals.txt"
    path.write_text(_TWO_KIMS, encoding="utf-8")
    known = matchday.competitions.of_season(matchday.load(path))
    night = night_of(
        known.season, night_rules(known, round_name="Round of 16"),
        round_name="Round of 16", forecast=False,
    )  # fmt: skip
    assert night.player("Vieri", None)[0] == next(
        p for p in night.players(None) if p.name == "Christian VIERI"
    )
    found, _ = night.player("Nam", None)
    assert found is not None
    assert found.name == "KIM Nam Il"
    assert found.surname == "KIM"


# -- 4. twice within two minutes -------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("nl", "Duitsland won. Kroos scoorde twee keer binnen twee minuten.", Verdict.SUPPORTED),
        ("nl", "Duitsland won. Kroos scoorde twee keer in drie minuten.", Verdict.SUPPORTED),
        ("en", "Germany won. Kroos scored twice in two minutes.", Verdict.SUPPORTED),
        ("nl", "Duitsland won. Schürrle scoorde twee keer binnen twee minuten.",
         Verdict.CONTRADICTED),
        ("en", "Germany won. Schürrle scored twice within two minutes.", Verdict.CONTRADICTED),
    ],
)  # fmt: skip
def test_goals_within_minutes_of_each_other_are_a_stretch_not_the_first_minutes(
    lang: str, text: str, verdict: Verdict
) -> None:
    """Brazil 1-7 Germany: Kroos 24' and 26', Schürrle 69' and 79'. "Binnen twee minuten"
    after a count is how long the goals took, not the first two minutes of the match."""
    night = _round("2014--brazil", "Semi-finals")
    goal = next(c for c in _claims(text, night, lang) if c.kind is Kind.GOAL)
    assert goal.verdict is verdict, _said(night, lang, goal)
    assert "minut" in goal.words
    if verdict is Verdict.CONTRADICTED:
        assert goal.reason is not None
        assert goal.reason["count"] == 2


# -- 5. de reeks, and whose kicks a shoot-out's score gives first -----------------------------


def test_de_reeks_is_the_shoot_out() -> None:
    """Netherlands 0-0 Argentina, 2-4 on penalties (2014): the Flemish "de reeks" is the
    shoot-out, its score the Dutch kicks first; "de Oranjes" are the Netherlands."""
    night = _round("2014--brazil", "Semi-finals")
    claims = _claims(
        "Argentinië plaatste zich. Nederland verloor de reeks met 2-4. "
        "De Oranjes verloren de reeks met 2-3.",
        night,
        "nl",
    )
    told = [(c.kind, c.words, c.verdict) for c in claims if "reeks" in c.sentence]
    assert told == [
        (Kind.THROUGH, "verloor", Verdict.SUPPORTED),
        (Kind.METHOD, "de reeks", Verdict.SUPPORTED),
        (Kind.SHOOTOUT, "2-4", Verdict.SUPPORTED),
        (Kind.THROUGH, "verloren", Verdict.SUPPORTED),
        (Kind.METHOD, "de reeks", Verdict.SUPPORTED),
        (Kind.SHOOTOUT, "2-3", Verdict.CONTRADICTED),
    ]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("France won the shoot-out 4-2.", Verdict.CONTRADICTED),
        ("France lost the shoot-out 2-4.", Verdict.SUPPORTED),
        ("Argentina won the shoot-out 4-2.", Verdict.SUPPORTED),
        ("France went out on penalties, 4-2 to Argentina.", Verdict.SUPPORTED),
    ],
)
def test_a_shoot_out_score_said_of_a_side_is_that_sides(text: str, verdict: Verdict) -> None:
    """Argentina won the 2022 final's shoot-out 4-2: the four are not France's."""
    night = _round("2022--qatar", "Final")
    shot = next(c for c in _claims(text, night, "en") if c.kind is Kind.SHOOTOUT)
    assert shot.verdict is verdict
    if verdict is Verdict.CONTRADICTED:
        assert _said(night, "en", shot) == "decided on penalties: Argentina won the shoot-out 4-2"


# -- 6. the end of a match with extra time, and the stoppage time of its halves ---------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Croatia beat Brazil. Petković equalised three minutes from the end."),
        ("nl", "Kroatië won van Brazilië. Petković maakte drie minuten voor het einde gelijk."),
        ("en", "Croatia beat Brazil. Neymar scored in the first minute of stoppage time of "
         "extra time."),
        ("en", "Croatia beat Brazil. Neymar scored in the first minute of stoppage time of the "
         "first half of extra time."),
        ("nl", "Kroatië won van Brazilië. Neymar scoorde in de eerste minuut van de "
         "blessuretijd van de eerste verlenging."),
    ],
)  # fmt: skip
def test_minutes_of_extra_time_in_words(lang: str, text: str) -> None:
    """Croatia 1-1 Brazil after extra time (2022): Neymar 105+1', Petković 117' — three
    minutes from the end of a match that went to 120."""
    night = _round("2022--qatar", "Quarter-finals")
    goal = next(c for c in _claims(text, night, lang) if c.kind is Kind.GOAL)
    assert goal.verdict is Verdict.SUPPORTED, _said(night, lang, goal)
    assert goal.words.endswith(("end", "einde", "time", "verlenging"))


def test_minutes_from_the_end_of_a_match_without_extra_time_count_from_90() -> None:
    """Brazil 1-7 Germany (2014), no extra time: Oscar's 90th-minute goal is "in the last
    minute", not "thirty minutes from the end"."""
    night = _round("2014--brazil", "Semi-finals")
    text = (  # fmt: skip
        "Germany won. Oscar scored one minute from the end. Oscar scored 30 minutes from the end."
    )
    goals = [c for c in _claims(text, night, "en") if c.kind is Kind.GOAL]
    assert [c.verdict for c in goals] == [Verdict.SUPPORTED, Verdict.CONTRADICTED]


# -- 7. a minute said with the score a goal made ---------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("en", "Messi put Argentina 3-2 up in the 109th minute.", Verdict.CONTRADICTED),
        ("en", "Messi put Argentina 3-2 up in the 108th minute.", Verdict.SUPPORTED),
        ("en", "Messi put Argentina 2-0 up in the 108th minute.", Verdict.CONTRADICTED),
        ("nl", "Messi zette Argentinië in de 109e minuut op 3-2.", Verdict.CONTRADICTED),
        ("nl", "Messi zette Argentinië in de 108e minuut op 3-2.", Verdict.SUPPORTED),
    ],
)
def test_a_goal_told_by_the_score_it_made_is_checked_at_its_minute(
    lang: str, text: str, verdict: Verdict
) -> None:
    """Messi's second goal of the 2022 final made it 3-2 in the 108th minute."""
    night = _round("2022--qatar", "Final")
    claims = _claims(text, night, lang)
    goal = next(c for c in claims if c.kind is Kind.GOAL)
    assert goal.verdict is verdict, _said(night, lang, goal)
    assert "Messi" in goal.words
    assert "10" in goal.words
    assert all(c.verdict is verdict for c in claims)


# -- 8. reasons that say what the data says --------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "reason"),
    [
        ("nl", "Argentinië won met een totaalscore van 4-3.", "Argentinië - Frankrijk 3-3"),
        ("en", "Argentina won 4-3 on aggregate.", "Argentina 3-3 France"),
    ],
)
def test_the_aggregate_of_a_single_match_is_its_score(lang: str, text: str, reason: str) -> None:
    """The 2022 final was one match: no "over two legs" in the reason."""
    night = _round("2022--qatar", "Final")
    aggregate = next(c for c in _claims(text, night, lang) if c.kind is Kind.AGGREGATE)
    assert aggregate.verdict is Verdict.CONTRADICTED
    assert _said(night, lang, aggregate) == reason


def test_a_scorer_of_no_match_of_the_round_did_not_score() -> None:
    """2002's round of 16, goals on record in more/2002.txt: a name no match's scorer has,
    in a sentence about no tie, is contradicted, not "goals not on record"."""
    night = _round("more/2002.txt", "Round of 16")
    claims = _claims("Dybala scored in the 88th minute. Italy lost.", night, "en")
    goal = next(c for c in claims if c.kind is Kind.GOAL)
    assert goal.verdict is Verdict.CONTRADICTED
    assert goal.reason is not None
    assert goal.reason.key is Why.SCORED_NOWHERE


def test_the_host_nation_is_the_one_that_played_that_round() -> None:
    """2014's semi-finals: "het gastland" after a sentence on Netherlands v Argentina is
    Brazil, which played (and lost 1-7) in the other semi-final."""
    night = _round("2014--brazil", "Semi-finals")
    claims = _claims("Nederland verloor de reeks. Het gastland ligt eruit.", night, "nl")
    out = [c for c in claims if "gastland" in c.sentence]
    assert [(c.kind, c.words, c.verdict) for c in out] == [
        (Kind.THROUGH, "ligt eruit", Verdict.SUPPORTED)
    ]
    assert out[0].tie is not None
    assert "Brazil" in out[0].tie


@pytest.mark.parametrize(
    ("lang", "text", "reason"),
    [
        ("nl", "Portugal werd uitgeschakeld door Marokko.",
         "Portugal en Marokko speelden in die ronde niet tegen elkaar: Portugal speelde tegen "
         "Zwitserland"),
        ("en", "Morocco beat Portugal.",
         "Morocco and Portugal did not meet in that round: Morocco played Spain"),
        # "against Poland", before the verb or after it, names the opponent said
        ("en", "England won against Poland.",
         "England and Poland did not meet in that round: England played Senegal"),
        ("en", "Against Poland, England won 3-0.",
         "England and Poland did not meet in that round: England played Senegal"),
        ("en", "England won their match against Poland 3-0.",
         "England and Poland did not meet in that round: England played Senegal"),
        ("nl", "Tegen Polen won Engeland met 3-0.",
         "Engeland en Polen speelden in die ronde niet tegen elkaar: Engeland speelde tegen "
         "Senegal"),
        ("nl", "België werd in de achtste finales uitgeschakeld door Marokko.",
         "België speelde in die ronde niet"),
    ],
)  # fmt: skip
def test_a_side_beaten_by_a_side_it_did_not_play_is_not_another_sides_result(
    lang: str, text: str, reason: str
) -> None:
    """2022's round of 16: Morocco beat Spain, Portugal beat Switzerland; Belgium had gone
    out in the group. No other tie's result is swapped in."""
    night = _round("2022--qatar", "Round of 16")
    claim = next(c for c in _claims(text, night, lang) if c.kind is Kind.THROUGH)
    assert claim.verdict is not Verdict.SUPPORTED
    assert _said(night, lang, claim) == reason


@pytest.mark.parametrize(
    ("lang", "text", "verdict", "reason"),
    [
        ("en", "Mbappé scored all three French goals from the spot.", Verdict.CONTRADICTED,
         "Kylian Mbappé scored 2 of his 3 goals from the penalty spot (80', 118')"),
        ("en", "Messi scored twice from the spot.", Verdict.CONTRADICTED,
         "Lionel Messi scored 1 of his 2 goals from the penalty spot (23')"),
        ("en", "Mbappé scored twice from the spot.", Verdict.SUPPORTED, ""),
        ("en", "Messi scored one of his two goals from the penalty spot.", Verdict.SUPPORTED, ""),
        ("nl", "Mbappé scoorde alle drie de Franse doelpunten uit een strafschop.",
         Verdict.CONTRADICTED, "Kylian Mbappé scoorde 2 van zijn 3 doelpunten vanop de stip"),
        ("nl", "Mbappé scoorde alle drie de Franse doelpunten vanop de stip.",
         Verdict.CONTRADICTED, "Kylian Mbappé scoorde 2 van zijn 3 doelpunten vanop de stip"),
        ("nl", "Mbappé scoorde alle drie de Franse doelpunten vanaf de stip.",
         Verdict.CONTRADICTED, "Kylian Mbappé scoorde 2 van zijn 3 doelpunten vanop de stip"),
        ("nl", "Mbappé scoorde tweemaal vanop de stip.", Verdict.SUPPORTED, ""),
        # the kicks counted, the verb after them or before them: no shoot-out named
        ("nl", "Mbappé heeft twee strafschoppen benut.", Verdict.SUPPORTED,
         "Kylian Mbappé scoorde 2 van zijn 3 doelpunten vanop de stip"),
        ("nl", "Mbappé benutte twee strafschoppen.", Verdict.SUPPORTED,
         "Kylian Mbappé scoorde 2 van zijn 3 doelpunten vanop de stip"),
        ("nl", "Mbappé zette twee penalty's om.", Verdict.SUPPORTED,
         "Kylian Mbappé scoorde 2 van zijn 3 doelpunten vanop de stip"),
        ("nl", "Messi heeft twee strafschoppen benut.", Verdict.CONTRADICTED,
         "Lionel Messi scoorde 1 van zijn 2 doelpunten vanop de stip (23')"),
        ("nl", "Messi benutte twee strafschoppen.", Verdict.CONTRADICTED,
         "Lionel Messi scoorde 1 van zijn 2 doelpunten vanop de stip (23')"),
        ("nl", "Messi zette twee penalty's om.", Verdict.CONTRADICTED,
         "Lionel Messi scoorde 1 van zijn 2 doelpunten vanop de stip (23')"),
        ("en", "Messi scored two penalties.", Verdict.CONTRADICTED,
         "Lionel Messi scored 1 of his 2 goals from the penalty spot (23')"),
    ],
)  # fmt: skip
def test_how_many_of_a_scorers_goals_were_penalties(
    lang: str, text: str, verdict: Verdict, reason: str
) -> None:
    """The 2022 final: Mbappé scored three (80' and 118' penalties, 81'), Messi two (23' a
    penalty, 108'). "All three goals from the spot" is a claim on how many were penalties, not
    only that he scored one; the claim rests on the whole phrase."""
    night = _round("2022--qatar", "Final")
    every = _claims(f"Argentina beat France. {text}", night, lang)
    claims = [c for c in every if c.kind is Kind.GOAL]
    assert len(claims) == 1, claims
    assert not [c for c in every if c.kind is Kind.METHOD]  # "strafschoppen": no shoot-out
    assert claims[0].verdict is verdict
    assert claims[0].words == text.rstrip(".")
    assert _said(night, lang, claims[0]).startswith(reason)
    assert claims[0].reason.key is Why.PENALTIES_SCORED


@pytest.mark.parametrize(
    ("lang", "text", "written", "note"),
    [
        ("en", "Argentinie beat France on penalties.", "Argentinie",
         "«Argentinie» is spelt Argentina"),
        ("en", "Argentina beat Fance on penalties.", "Fance", "«Fance» is spelt France"),
        ("nl", "Frankryk verloor de strafschoppenreeks.", "Frankryk",
         "«Frankryk» schrijf je Frankrijk"),
        ("nl", "Argentinië versloeg Frankryk na strafschoppen.", "Frankryk",
         "«Frankryk» schrijf je Frankrijk"),
        ("nl", "Argentinië won. Marokoo speelde niet.", "Marokoo", "«Marokoo» schrijf je Marokko"),
    ],
)  # fmt: skip
def test_a_misspelt_team_is_a_note_not_a_contradiction(
    lang: str, text: str, written: str, note: str
) -> None:
    """The 2022 final: a team name one or two letters off one of its names in the article's
    language is that team, with a spelling note (as a misspelt player has), and nothing is
    contradicted for it; names written right get no note."""
    night = _round("2022--qatar", "Final")
    claims = _claims(text, night, lang)
    noted = [c for c in claims if c.note is not None]
    assert len(noted) == 1, claims
    assert noted[0].note is not None
    assert noted[0].note.key is Why.MISSPELT_TEAM
    assert noted[0].note["written"] == written
    assert reasons_for(night, lang)(noted[0].note) == note
    assert all(c.verdict is not Verdict.CONTRADICTED for c in claims)
    right = _claims(text.replace(written, note.rsplit(" ", 1)[1]), night, lang)
    assert all(c.note is None for c in right)


@pytest.mark.parametrize(
    ("lang", "text", "verdicts"),
    [
        ("en", "Mbappé scored a hat-trick but Messi lifted the trophy.",
         [(Kind.GOAL, Verdict.SUPPORTED), (Kind.THROUGH, Verdict.SUPPORTED)]),
        ("en", "Mbappé scored a hat-trick but Mbappé lifted the trophy.",
         [(Kind.GOAL, Verdict.SUPPORTED), (Kind.THROUGH, Verdict.CONTRADICTED)]),
        ("nl", "Mbappé scoorde drie keer, maar Messi won de finale.",
         [(Kind.GOAL, Verdict.SUPPORTED), (Kind.THROUGH, Verdict.SUPPORTED)]),
        ("en", "Mbappé scored a hat-trick but Ronaldo lifted the trophy.",
         [(Kind.GOAL, Verdict.SUPPORTED), (Kind.THROUGH, Verdict.NOT_CHECKABLE)]),
    ],
)  # fmt: skip
def test_an_article_that_names_only_players(
    lang: str, text: str, verdicts: list[tuple[Kind, Verdict]]
) -> None:
    """The 2022 final told through its players alone: each is placed in the night's match by
    the goal data (Messi's goals are Argentina's), and what is said of his side is checked
    against it; a player in no match of the night is said to be so, nothing is guessed."""
    night = _round("2022--qatar", "Final")
    claims = _claims(text, night, lang)
    assert [(c.kind, c.verdict) for c in claims] == verdicts
    if verdicts[-1][1] is Verdict.NOT_CHECKABLE:
        assert claims[-1].reason.key is Why.PLAYER_NOWHERE
        assert claims[-1].words == "Ronaldo lifted the trophy"
        assert _said(night, lang, claims[-1]).startswith("Ronaldo is on record in none")
    else:
        assert claims[-1].tie == "Argentina v France (Final)"


def test_an_article_whose_players_are_in_no_match_is_about_another_night() -> None:
    """Only players no goal or card of the night places: refused, saying so."""
    night = _round("2022--qatar", "Final")
    with pytest.raises(matchday.MatchdayError, match="no player on record in their matches"):
        check("Ronaldo lifted the trophy.", night, "en")


@pytest.mark.parametrize(
    ("lang", "text", "round_name"),
    [
        ("en", "Against Senegal, England won 3-0.", "Round of 16"),
        ("en", "France won their match against Poland 3-1.", "Round of 16"),
        ("nl", "Tegen Senegal won Engeland met 3-0.", "Round of 16"),
        # the next verb's opponent, not the win's
        ("en", "France won 2-0 and will defend their title against Argentina.", "Semi-finals"),
    ],
)
def test_against_the_side_it_did_play_is_the_result(lang: str, text: str, round_name: str) -> None:
    """2022: "against" the real opponent leaves the result checked as said."""
    night = _round("2022--qatar", round_name)
    results = [c for c in _claims(text, night, lang) if c.kind is Kind.RESULT]
    assert results
    assert all(c.verdict is Verdict.SUPPORTED for c in results)


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        # the minute is the first of the two goals, not where both were scored
        ("en", "Álvarez scored twice, first in the 39th minute.", Verdict.SUPPORTED),
        ("en", "Álvarez scored twice, first in the 20th minute.", Verdict.CONTRADICTED),
        ("nl", "Álvarez scoorde twee keer in de 39e minuut.", Verdict.CONTRADICTED),
    ],
)
def test_a_count_of_goals_with_the_minute_of_the_first(
    lang: str, text: str, verdict: Verdict
) -> None:
    """The 2022 semi-final: Álvarez scored at 39' and 69'."""
    night = _round("2022--qatar", "Semi-finals")
    goals = [
        c for c in _claims(f"Argentina beat Croatia. {text}", night, lang) if c.kind is Kind.GOAL
    ]
    assert [c.verdict for c in goals] == [verdict]


def test_doubled_the_lead_is_a_goal_in_dutch() -> None:
    """Portugal 6-1 Switzerland: Pepe's 33rd minute is his, not the next scorer's."""
    night = _round("2022--qatar", "Round of 16")
    text = (
        "Portugal won. Pepe verdubbelde de voorsprong na 33 minuten, Guerreiro maakte er 4-0 van."
    )
    goals = [c for c in _claims(text, night, "nl") if c.kind is Kind.GOAL]
    assert [(c.words, c.verdict) for c in goals] == [
        ("Pepe verdubbelde de voorsprong na 33 minuten", Verdict.SUPPORTED),
        ("Guerreiro", Verdict.SUPPORTED),
    ]


def test_a_player_named_in_a_relative_clause_is_not_the_scorer() -> None:
    """Portugal 6-1 Switzerland: "van Ronaldo" in "die de plaats van Ronaldo had ingenomen"
    is no goal of Ronaldo's (the hat-trick was once his, and contradicted)."""
    night = _round("2022--qatar", "Round of 16")
    text = (
        "Portugal won. Gonçalo Ramos, die de plaats van Ronaldo had ingenomen, scoorde drie keer."
    )
    goals = [c for c in _claims(text, night, "nl") if c.kind is Kind.GOAL]
    assert all(c.verdict is not Verdict.CONTRADICTED for c in goals), goals
    assert not any("Ronaldo" in c.words for c in goals)


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("en", "France played 3-1 against Poland.", Verdict.SUPPORTED),
        ("en", "Poland played 3-1 against France.", Verdict.CONTRADICTED),
        ("en", "France: 1-3 against Poland.", Verdict.CONTRADICTED),
        ("en", "England, 3-0 against Senegal, go on.", Verdict.SUPPORTED),
        ("en", "Morocco played 1-0 against Poland.", Verdict.CONTRADICTED),
        ("nl", "Frankrijk speelde 3-1 tegen Polen.", Verdict.SUPPORTED),
        ("nl", "Polen speelde 3-1 tegen Frankrijk.", Verdict.CONTRADICTED),
        ("nl", "De 3-1 tegen Polen bracht Frankrijk verder.", Verdict.SUPPORTED),
    ],
)  # fmt: skip
def test_a_score_against_a_side_is_said_from_the_other_sides_view(
    lang: str, text: str, verdict: Verdict
) -> None:
    """2022's round of 16: France 3-1 Poland, England 3-0 Senegal, Morocco beat Spain. "3-1
    against Poland" gives Poland the one; said of a side that did not play Poland, it is
    contradicted, as a score between two sides that did not meet is."""
    night = _round("2022--qatar", "Round of 16")
    (claim,) = [c for c in _claims(text, night, lang) if c.kind in (Kind.RESULT, Kind.SCORE)]
    assert (claim.kind, claim.verdict) == (Kind.RESULT, verdict), _said(night, lang, claim)
