"""The pure pieces of ``matchday.check``: sentences, languages, numbers in words, minutes in
words, names, and the claims of single sentences against the night of 22 February 2018."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import pytest

import matchday
from matchday.check import (
    EN,
    NL,
    Kind,
    Night,
    Verdict,
    check,
    detect_language,
    number_words,
    sentences,
)
from matchday.check.judge import Mention
from matchday.check.night import fold
from matchday.check.read import Reader, _Sentence
from matchday.check.reasons import Reason, Why
from matchday.check.vocabulary import NATIONAL_TEAMS
from matchday.cli.check import night_of, reasons_for
from matchday.competitions.hosts import HOSTS, hosts
from matchday.errors import ConfigError
from matchday.model import Score, Team
from matchday.report import night_rules
from matchday.rules import DecidedBy
from tests.conftest import OPENFOOTBALL


@cache
def _night() -> Night:
    season = matchday.load("europa-league-2017-18")
    return night_of(season, matchday.rules_for_season(2017), date=dt.date(2018, 2, 22))


def _said(reason: Reason | None, night: Night, lang: str = "en") -> str:
    """A reason as ``matchday check`` tells it in ``lang``."""
    return reasons_for(night, lang)(reason)


def test_sentences_keep_initials_and_abbreviations_whole() -> None:
    text = "V. Berisha scored. Zenit St. Petersburg won 3-0.\nNext line"
    found = [body for _, body in sentences(text)]
    assert found == ["V. Berisha scored.", "Zenit St. Petersburg won 3-0.", "Next line"]
    assert all(text[at : at + len(body)] == body for at, body in sentences(text))


def test_a_name_ending_in_a_full_stop_ends_a_sentence_only_before_a_capital() -> None:
    names = re.compile(r"Galatasaray S\.K\.|Zenit St\. Petersburg")
    text = "Zenit won at the expense of Galatasaray S.K. Galatasaray S.K. held on until 90'."
    found = [body for _, body in sentences(text, names)]
    assert found == [
        "Zenit won at the expense of Galatasaray S.K.",
        "Galatasaray S.K. held on until 90'.",
    ]
    assert all(text[at : at + len(body)] == body for at, body in sentences(text, names))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Arsenal went through despite the defeat.", "en"),
        ("Arsenal plaatst zich ondanks de nederlaag voor de achtste finales.", "nl"),
        ("1-2", None),
    ],
)
def test_the_language_is_told_from_common_words(text: str, code: str | None) -> None:
    assert detect_language(text) == code


def test_numbers_in_words_come_from_each_language_table() -> None:
    english, dutch = number_words(EN), number_words(NL)
    assert (english["eleven"], english["twenty-five"], english["ninety"]) == (11, 25, 90)
    assert (dutch["elf"], dutch["vijfentwintig"], dutch["negentig"]) == (11, 25, 90)


@pytest.mark.parametrize(
    ("lang", "sentence", "low", "high"),
    [
        ("en", "Toloi scored after eleven minutes.", 10, 12),
        ("en", "Melgarejo scored five minutes from time.", 83, 87),
        ("en", "Kolašinac scored just after half-time.", 46, 50),
        ("en", "Schmelzer scored in the 83rd minute.", 83, 83),
        ("nl", "Toloi scoorde na elf minuten.", 10, 12),
        ("nl", "Schmelzer scoorde zeven minuten voor het einde.", 81, 85),
        ("nl", "Aiesh scoorde na dik twintig minuten.", 20, 25),
        ("nl", "Zij stonden na nog geen 25 minuten 0-2 achter.", 0, 25),
        ("nl", "Schmelzer scoorde in de slotfase.", 80, 90),
        ("en", "Petković equalised three minutes from the end of extra time.", 115, 119),
        ("nl", "Petković scoorde drie minuten voor het einde van de verlengingen.", 115, 119),
        ("en", "Weghorst equalised deep into stoppage time.", 90, 90),
    ],
)
def test_minutes_in_figures_and_in_words(lang: str, sentence: str, low: int, high: int) -> None:
    reader = Reader(_night(), EN if lang == "en" else NL)
    (moment,) = reader._minutes(_Sentence(0, sentence, []))
    assert (moment.low, moment.high) == (low, high)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Then Mario Mandžukić made it 2-1.", ["Mario Mandžukić"]),
        (
            "Goals: Pablo DORADO 12', Angel DI MARIA 41', LI Dong Woon 22'.",
            [
                "Pablo DORADO",
                "Angel DI MARIA",
                "LI Dong Woon",
            ],
        ),
        (
            "Klaas Jan Huntelaar and Ángel di María scored.",
            ["Klaas Jan Huntelaar", "Ángel di María"],
        ),
        ("Arsenal's Kevin De Bruyne scored.", ["Kevin De Bruyne"]),
    ],
)
def test_a_player_is_read_by_his_whole_name(sentence: str, names: list[str]) -> None:
    reader = Reader(_night(), EN)
    arsenal = Mention(0, 7, next(t for t in _night().teams if t.name == "Arsenal FC"))
    mentions = [arsenal] if sentence.startswith("Arsenal") else []
    people = reader._people(_Sentence(0, sentence, mentions), 0, len(sentence))
    assert [name for _, _, name in people] == names


@pytest.mark.parametrize(
    ("sentence", "team"),
    [
        ("The Gunners went through.", "Arsenal FC"),
        ("De Kanonniers plaatsten zich.", "Arsenal FC"),
        ("Plzeň went through to the round of 16.", "Viktoria Plzeň"),
        ("Östersund won the match but not the tie.", "Östersunds FK"),
        ("Ostersund won the match but not the tie.", "Östersunds FK"),
    ],
)
def test_teams_by_every_name_readers_use(sentence: str, team: str) -> None:
    claims = check(sentence, _night(), None)
    assert claims
    assert all(team in (c.tie or "") for c in claims)
    assert all(c.verdict is Verdict.SUPPORTED for c in claims)


@pytest.mark.parametrize(
    ("lang", "sentence", "kind", "verdict"),
    [
        ("en", "Dortmund drew 1-1 at Atalanta.", Kind.RESULT, Verdict.SUPPORTED),
        ("en", "Dortmund won 1-0 at Atalanta.", Kind.RESULT, Verdict.CONTRADICTED),
        ("en", "Dortmund drew. The Germans went through 4-3 on aggregate.",
         Kind.AGGREGATE, Verdict.SUPPORTED),
        ("en", "Leipzig went through on away goals.", Kind.METHOD, Verdict.SUPPORTED),
        ("en", "Leipzig went through after extra time.", Kind.METHOD, Verdict.CONTRADICTED),
        ("en", "Salzburg won. Raúl Navas was sent off in the 71st minute.",
         Kind.RED_CARD, Verdict.SUPPORTED),
        ("en", "Salzburg won. Dabbur was sent off in the 71st minute.",
         Kind.RED_CARD, Verdict.CONTRADICTED),
        ("en", "Celtic were knocked out by Zenit.", Kind.THROUGH, Verdict.SUPPORTED),
        ("nl", "De thuisploeg ligt uit Europa na de 1-1 tegen Dortmund.", Kind.THROUGH,
         Verdict.SUPPORTED),
        ("nl", "Atalanta plaatst zich voor de achtste finales.", Kind.THROUGH,
         Verdict.CONTRADICTED),
        ("nl", "Salzburg won. Raúl Navas kreeg in de 71e minuut zijn tweede gele kaart.",
         Kind.RED_CARD,
         Verdict.SUPPORTED),
        ("nl", "Salzburg won. Berisha zette in de 74e minuut een strafschop om.",
         Kind.GOAL, Verdict.SUPPORTED),
        ("nl", "Salzburg won. Berisha zette in de 47e minuut een strafschop om.", Kind.GOAL,
         Verdict.CONTRADICTED),
        # how many a scorer got (Immobile three, Bastos one)
        ("en", "Immobile scored a hat-trick as Lazio beat FCSB.", Kind.GOAL, Verdict.SUPPORTED),
        ("en", "Immobile scored twice as Lazio beat FCSB.", Kind.GOAL, Verdict.CONTRADICTED),
        ("en", "Lazio beat FCSB, with three goals from Immobile.", Kind.GOAL,
         Verdict.SUPPORTED),
        ("en", "Immobile's brace won it for Lazio.", Kind.GOAL, Verdict.CONTRADICTED),
        ("nl", "Immobile scoorde drie keer voor Lazio.", Kind.GOAL, Verdict.SUPPORTED),
        ("nl", "Bastos scoorde tweemaal voor Lazio.", Kind.GOAL, Verdict.CONTRADICTED),
        ("nl", "Immobile was drie keer trefzeker voor Lazio.", Kind.GOAL, Verdict.SUPPORTED),
        ("en", "Bastos was on target twice for Lazio.", Kind.GOAL, Verdict.CONTRADICTED),
        # what a goal was: the opener, an equaliser (of the match or the tie), the winner
        ("en", "Toloi opened the scoring for Atalanta.", Kind.GOAL, Verdict.SUPPORTED),
        ("en", "Schmelzer opened the scoring for Dortmund.", Kind.GOAL, Verdict.CONTRADICTED),
        ("en", "Schmelzer equalised for Dortmund.", Kind.GOAL, Verdict.SUPPORTED),
        ("en", "Immobile levelled the tie for Lazio.", Kind.GOAL, Verdict.SUPPORTED),
        ("en", "Bastos equalised for Lazio.", Kind.GOAL, Verdict.CONTRADICTED),
        ("en", "Lazio won: Bastos scored the winner.", Kind.GOAL, Verdict.SUPPORTED),
        ("en", "Lazio won: Felipe Anderson scored the winner.", Kind.GOAL, Verdict.CONTRADICTED),
        ("en", "Zenit won: the winner from Kuzyaev.", Kind.GOAL, Verdict.SUPPORTED),
        ("nl", "Toloi opende de score voor Atalanta.", Kind.GOAL, Verdict.SUPPORTED),
        ("nl", "Immobile maakte de gelijkmaker voor Lazio.", Kind.GOAL, Verdict.SUPPORTED),
        ("nl", "Kokorin besliste de zaak voor Zenit.", Kind.GOAL, Verdict.CONTRADICTED),
        # a goal that put its side ahead from level (Toloi 1-0; Schmelzer's made it 1-1)
        ("en", "Toloi put Atalanta ahead.", Kind.GOAL, Verdict.SUPPORTED),
        ("en", "Schmelzer gave Dortmund the lead.", Kind.GOAL, Verdict.CONTRADICTED),
        ("nl", "Toloi bracht Atalanta op voorsprong.", Kind.GOAL, Verdict.SUPPORTED),
        ("nl", "Schmelzer schoot Dortmund op voorsprong.", Kind.GOAL, Verdict.CONTRADICTED),
        # a comeback: behind, then level or ahead again, in the match or on aggregate
        ("en", "Dortmund came back to go through.", Kind.COMEBACK, Verdict.SUPPORTED),
        ("en", "Salzburg came from behind to beat Real Sociedad.", Kind.COMEBACK,
         Verdict.CONTRADICTED),
        ("en", "Lazio came back from a goal down on aggregate.", Kind.COMEBACK,
         Verdict.SUPPORTED),
        ("nl", "Dortmund knokte zich terug tegen Atalanta.", Kind.COMEBACK, Verdict.SUPPORTED),
        ("nl", "Leipzig kwam terug tegen Napoli.", Kind.COMEBACK, Verdict.CONTRADICTED),
        # Dutch puts the subject after the verb when something else opens the sentence
        ("nl", "Op het einde verloor Arsenal thuis van Östersund.", Kind.RESULT,
         Verdict.SUPPORTED),
        ("nl", "Op het einde won Arsenal thuis van Östersund.", Kind.RESULT,
         Verdict.CONTRADICTED),
    ],
)  # fmt: skip
def test_single_sentences(lang: str, sentence: str, kind: Kind, verdict: Verdict) -> None:
    claims = [c for c in check(sentence, _night(), lang) if c.kind is kind]
    assert claims, check(sentence, _night(), lang)
    assert {c.verdict for c in claims} == {verdict}, [(c.words, c.reason) for c in claims]


@pytest.mark.parametrize(
    ("text", "lang", "message"),
    [
        ("", "en", "the article is empty"),
        ("Barcelona beat Chelsea.", "en", "another night"),
        ("Dortmund drew.", "fr", "unknown language 'fr'"),
        ("1-1", None, "cannot tell the article's language"),
    ],
)
def test_bad_articles_are_config_errors(text: str, lang: str | None, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        check(text, _night(), lang)


def test_a_count_is_said_of_the_scorer_it_follows_never_of_a_margin() -> None:
    claims = check("Lazio won: Immobile scored twice and Bastos three times.", _night(), "en")
    said = {c.words: (c.verdict, _said(c.reason, _night())) for c in claims if c.kind is Kind.GOAL}
    assert said == {
        "Immobile scored twice": (Verdict.CONTRADICTED, "Immobile scored 3 (7', 43', 71')"),
        "Bastos three times": (Verdict.CONTRADICTED, "Bastos scored 1 (35')"),
    }
    margin = check("Lazio won by two goals and Immobile scored.", _night(), "en")
    assert [c.words for c in margin if c.kind is Kind.GOAL] == ["Immobile"]


@cache
def _qatar(day: dt.date, forecast: bool = False) -> Night:
    """A night of the 2022 World Cup (real data), without the forecast unless asked."""
    folder = OPENFOOTBALL / "worldcup" / "2022--qatar"
    if not folder.exists():
        pytest.skip(f"real data not found at {folder}")
    known = matchday.competitions.of_season(matchday.load(folder))
    return night_of(known.season, night_rules(known, date=day), date=day, forecast=forecast)


def _final_2022() -> Night:
    return _qatar(dt.date(2022, 12, 18))


@pytest.mark.parametrize(
    ("sentence", "kind", "verdict"),
    [
        ("France lost the final.", Kind.THROUGH, Verdict.SUPPORTED),
        ("Argentina lost the final.", Kind.THROUGH, Verdict.CONTRADICTED),
        ("Argentina went on to win.", Kind.RESULT, Verdict.SUPPORTED),
        ("Argentina are world champions.", Kind.THROUGH, Verdict.SUPPORTED),
        ("France became world champions.", Kind.THROUGH, Verdict.CONTRADICTED),
        ("France beat Argentina.", Kind.RESULT, Verdict.CONTRADICTED),
        ("Argentina and France drew 3-3.", Kind.RESULT, Verdict.SUPPORTED),
        ("Argentina won on penalties after a 3-3 draw.", Kind.RESULT, Verdict.SUPPORTED),
        ("Messi scored a hat-trick for Argentina.", Kind.GOAL, Verdict.CONTRADICTED),
        ("Mbappé scored a hat-trick for France.", Kind.GOAL, Verdict.SUPPORTED),
        ("Mbappé scored twice late in the second half for France.", Kind.GOAL,
         Verdict.SUPPORTED),
        ("Di María scored twice for Argentina.", Kind.GOAL, Verdict.CONTRADICTED),
        ("Di María scored for Argentina.", Kind.GOAL, Verdict.SUPPORTED),
    ],
)  # fmt: skip
def test_a_final_settled_on_penalties(sentence: str, kind: Kind, verdict: Verdict) -> None:
    claims = [c for c in check(sentence, _final_2022(), "en") if c.kind is kind]
    assert claims, check(sentence, _final_2022(), "en")
    assert {c.verdict for c in claims} == {verdict}, [(c.words, c.reason) for c in claims]


def test_a_champion_is_only_made_by_a_final() -> None:
    """On a semi-final night "the world champions" decide nothing: not checkable."""
    (claim,) = check("Salzburg are the Europa League champions.", _night(), "en")
    assert claim.verdict is Verdict.NOT_CHECKABLE
    assert "no final" in _said(claim.reason, _night())
    (dutch,) = check("Zenit is kampioen.", _night(), "nl")
    assert dutch.verdict is Verdict.NOT_CHECKABLE


@pytest.mark.parametrize(
    ("day", "lang", "sentence", "verdict"),
    [
        # a shoot-out decided these: extra time was played, but nobody won in it
        ((2022, 12, 6), "en", "Morocco beat Spain after extra time.", Verdict.CONTRADICTED),
        ((2022, 12, 18), "nl", "Argentinië won na verlengingen van Frankrijk.",
         Verdict.CONTRADICTED),
        ((2022, 12, 9), "en", "Croatia went through after extra time.", Verdict.CONTRADICTED),
        ((2022, 12, 18), "en", "Argentina beat France on penalties after extra time.",
         Verdict.SUPPORTED),
        ((2022, 12, 18), "en", "Argentina won after extra time and penalties.",
         Verdict.SUPPORTED),
        ((2022, 12, 18), "nl", "Argentinië won na verlengingen en strafschoppen.",
         Verdict.SUPPORTED),
        ((2022, 12, 18), "en", "Argentina and France drew. The match went to extra time.",
         Verdict.SUPPORTED),
        ((2022, 12, 6), "nl", "Marokko en Spanje speelden gelijk. Het duel ging naar "
         "verlengingen.", Verdict.SUPPORTED),
    ],
)  # fmt: skip
def test_won_after_extra_time_is_not_won_on_penalties(
    day: tuple[int, int, int], lang: str, sentence: str, verdict: Verdict
) -> None:
    claims = [c for c in check(sentence, _qatar(dt.date(*day)), lang) if c.kind is Kind.METHOD]
    assert claims, check(sentence, _qatar(dt.date(*day)), lang)
    assert {c.verdict for c in claims} == {verdict}, [(c.words, c.reason) for c in claims]
    if verdict is Verdict.CONTRADICTED:
        night = _qatar(dt.date(*day))
        assert all(
            re.search("shoot-out|strafschoppenreeks", _said(c.reason, night, lang)) for c in claims
        )


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("Brazil were favourites against Croatia.", Verdict.SUPPORTED),
        ("Croatia were favourites against Brazil.", Verdict.CONTRADICTED),
        ("Croatia were the underdogs.", Verdict.SUPPORTED),
        ("Croatia were on the brink of elimination.", Verdict.SUPPORTED),
    ],
)
def test_national_teams_are_forecast_with_national_ratings(sentence: str, verdict: Verdict) -> None:
    """The club ratings rate no national team: a World Cup tie is forecast with the shipped
    national ratings fitted before it, not as two average sides at 50%."""
    night = _qatar(dt.date(2022, 12, 9), forecast=True)
    (claim,) = [c for c in check(sentence, night, "en") if c.kind is Kind.CHANCE]
    assert claim.verdict is verdict, claim.reason
    assert "50%" not in _said(claim.reason, night)


def test_a_tie_no_ratings_know_has_no_forecast_to_check() -> None:
    """No shipped national ratings are fitted before 2014: the final's forecast is left out,
    and a chance said of it is not checkable (no made-up 50%)."""
    folder = OPENFOOTBALL / "worldcup" / "2014--brazil"
    if not folder.exists():
        pytest.skip(f"real data not found at {folder}")
    known = matchday.competitions.of_season(matchday.load(folder))
    day = dt.date(2014, 7, 13)
    night = night_of(known.season, night_rules(known, date=day), date=day)
    (claim,) = check("Argentina were the underdogs against Germany.", night, "en")
    assert claim.kind is Kind.CHANCE
    assert claim.verdict is Verdict.NOT_CHECKABLE


@pytest.mark.parametrize(
    ("day", "sentence", "verdicts"),
    [
        # a penalty is said of the goal its words are told with, not of the next one
        ((2022, 12, 18), "Messi scored a penalty in the 23rd minute and Di María made it 2-0 "
         "in the 36th minute.", ["supported", "supported"]),
        ((2022, 12, 9), "Molina opened the scoring after 35 minutes and Messi made it 2-0 "
         "from the penalty spot.", ["supported", "supported"]),
        ((2022, 12, 9), "Molina scored from the penalty spot and Messi made it 2-0.",
         ["contradicted", "supported"]),
        ((2022, 12, 9), "A header from Messi and a penalty from Molina.",
         ["supported", "contradicted"]),
        # two goals of one scorer in one clause are two claims (83' and 90+11', the equaliser)
        ((2022, 12, 9), "Weghorst pulled one back in the 83rd minute and equalised deep into "
         "stoppage time.", ["supported", "supported"]),
        ((2022, 12, 9), "Weghorst pulled one back in the 83rd minute and equalised in the 88th "
         "minute.", ["supported", "contradicted"]),
        ((2022, 12, 9), "Petković equalised three minutes from the end of extra time.",
         ["supported"]),
    ],
)  # fmt: skip
def test_goals_of_a_world_cup_night(
    day: tuple[int, int, int], sentence: str, verdicts: list[str]
) -> None:
    text = f"Argentina won. {sentence}"
    claims = [c for c in check(text, _qatar(dt.date(*day)), "en") if c.kind is Kind.GOAL]
    assert [c.verdict.value for c in claims] == verdicts, [(c.words, c.reason) for c in claims]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Montiel scored the decisive penalty as Argentina won the shoot-out 4-2."),
        ("nl", "Montiel scoorde de beslissende strafschop in de strafschoppenreeks van "
         "Argentinië."),
    ],
)  # fmt: skip
def test_a_shoot_out_kick_is_no_goal_and_not_checkable(lang: str, sentence: str) -> None:
    """Montiel scored no goal in the final, but his kick won the shoot-out: the goal list
    cannot refute it, and the data does not say who took the kicks."""
    claims = check(sentence, _final_2022(), lang)
    (kick,) = [c for c in claims if c.words == "Montiel"]
    assert kick.verdict is Verdict.NOT_CHECKABLE
    assert not [c for c in claims if c.verdict is Verdict.CONTRADICTED]
    (goal,) = check("Messi scored twice before Argentina won on penalties.", _final_2022(), "en")[
        :1
    ]
    assert (goal.kind, goal.verdict) == (Kind.GOAL, Verdict.SUPPORTED)


@pytest.mark.parametrize(
    ("lang", "sentence", "reason"),
    [
        ("en", "Germany beat Argentina on penalties.", "decided in extra time"),
        ("nl", "Duitsland won na strafschoppen van Argentinië.", "beslist in de verlengingen"),
    ],
)
def test_how_a_tie_was_decided_reads_naturally(lang: str, sentence: str, reason: str) -> None:
    """The 2014 final was won in extra time: the reason says so in the article's language,
    not "decided by single match extra time"."""
    night = _world_cup("2014--brazil", dt.date(2014, 7, 13))
    (claim,) = [c for c in check(sentence, night, lang) if c.kind is Kind.METHOD]
    assert (claim.verdict, _said(claim.reason, night, lang)) == (Verdict.CONTRADICTED, reason)


def test_every_way_of_deciding_a_tie_has_words_in_each_language() -> None:
    for lang in ("en", "nl"):
        told = {
            _said(Reason.of(Why.DECIDED, by=by, winner=None, shootout=None), _night(), lang)
            for by in DecidedBy
        }
        assert all(told)
        assert len(told) >= len(DecidedBy) - 3


@cache
def _played(relative: str, day: dt.date) -> Night:
    """A night of a file or folder of the real data (under openfootball/), without the
    forecast."""
    path = OPENFOOTBALL / relative
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    known = matchday.competitions.of_season(matchday.load(path))
    return night_of(known.season, night_rules(known, date=day), date=day, forecast=False)


def _world_cup(folder: str, day: dt.date) -> Night:
    """A night of a World Cup of the real data, without the forecast."""
    return _played(f"worldcup/{folder}", day)


_SEMI_2014, _FINAL_2014 = ("2014--brazil", (2014, 7, 9)), ("2014--brazil", (2014, 7, 13))
_QF_2022, _R16_2022 = ("2022--qatar", (2022, 12, 9)), ("2022--qatar", (2022, 12, 6))


@pytest.mark.parametrize(
    ("night", "lang", "sentence", "kind", "verdict"),
    [
        (_FINAL_2014, "en", "The Germans beat the Argentines 1-0.", Kind.RESULT,
         Verdict.SUPPORTED),
        (_FINAL_2014, "en", "The Argentines beat the Germans.", Kind.RESULT,
         Verdict.CONTRADICTED),
        (_FINAL_2014, "nl", "De Duitsers wonnen de finale.", Kind.THROUGH, Verdict.SUPPORTED),
        (_SEMI_2014, "en", "The Dutch went out on penalties.", Kind.THROUGH, Verdict.SUPPORTED),
        # "lost to the ..." is who won, the other side named as the people it is
        (_SEMI_2014, "en", "The Dutch lost to the Argentines.", Kind.RESULT, Verdict.SUPPORTED),
        (_SEMI_2014, "en", "The Argentines lost to the Dutch.", Kind.RESULT,
         Verdict.CONTRADICTED),
        (_SEMI_2014, "en", "The Argentines went out on penalties.", Kind.THROUGH,
         Verdict.CONTRADICTED),
        (_SEMI_2014, "nl", "De Nederlanders plaatsten zich voor de finale.", Kind.THROUGH,
         Verdict.CONTRADICTED),
        (_SEMI_2014, "nl", "Oranje ging na strafschoppen onderuit.", Kind.THROUGH,
         Verdict.SUPPORTED),
        (_QF_2022, "en", "The Croatians beat the Brazilians on penalties.", Kind.RESULT,
         Verdict.SUPPORTED),
        (_QF_2022, "en", "The Brazilians beat the Croatians on penalties.", Kind.RESULT,
         Verdict.CONTRADICTED),
        (_QF_2022, "nl", "De Kroaten wonnen van de Brazilianen na strafschoppen.", Kind.RESULT,
         Verdict.SUPPORTED),
        (_QF_2022, "nl", "De Brazilianen wonnen van de Kroaten na strafschoppen.", Kind.RESULT,
         Verdict.CONTRADICTED),
        (_R16_2022, "en", "The Swiss lost 6-1.", Kind.RESULT, Verdict.SUPPORTED),
        (_R16_2022, "en", "The Portuguese went out.", Kind.THROUGH, Verdict.CONTRADICTED),
        (_R16_2022, "nl", "De Zwitsers gingen met 6-1 onderuit.", Kind.RESULT,
         Verdict.SUPPORTED),
    ],
)  # fmt: skip
def test_a_national_team_is_named_by_its_people(
    night: tuple[str, tuple[int, int, int]], lang: str, sentence: str, kind: Kind, verdict: Verdict
) -> None:
    """National teams carry no country code: "the Germans", "de Kroaten" find them by their
    name, and an article naming them so is about that night."""
    folder, day = night
    claims = [c for c in check(sentence, _world_cup(folder, dt.date(*day)), lang) if c.kind is kind]
    assert claims, check(sentence, _world_cup(folder, dt.date(*day)), lang)
    assert {c.verdict for c in claims} == {verdict}, [(c.words, c.reason) for c in claims]


@pytest.mark.parametrize(
    ("minute", "verdict"), [("58th", Verdict.SUPPORTED), ("68th", Verdict.CONTRADICTED)]
)
def test_the_swiss_are_a_team_not_a_scorer(minute: str, verdict: Verdict) -> None:
    """Portugal 6-1 Switzerland: Akanji scored for the Swiss at 58'; "Swiss" is no player."""
    sentence = f"Akanji pulled one back for the Swiss in the {minute} minute."
    claims = check(sentence, _world_cup(*_R16_2022[:1], dt.date(*_R16_2022[1])), "en")
    assert [(c.kind, c.verdict) for c in claims] == [(Kind.GOAL, verdict)], claims
    assert claims[0].words.startswith("Akanji")
    assert "Switzerland" in (claims[0].tie or "")


def test_a_club_is_still_named_by_its_country_people() -> None:
    """Östersund is the one Swedish club of the night: "the Swedes" name it, and an article
    naming no team but by its people is about that night."""
    claims = check("The Swedes won the match but not the tie.", _night(), "en")
    assert [(c.kind, c.verdict) for c in claims] == [(Kind.THROUGH, Verdict.SUPPORTED)]
    assert "Östersunds FK" in (claims[0].tie or "")


def test_every_national_team_of_the_world_cups_and_euros_has_its_people() -> None:
    """Every national team of the World Cups and Euros of the real data is a national team of
    the table, with its people in each language."""
    folders = sorted((OPENFOOTBALL / "worldcup").glob("[12]*")) + sorted(
        (OPENFOOTBALL / "spec").glob("samples*/*_euro.txt")
    )
    if not folders:
        pytest.skip(f"real data not found at {OPENFOOTBALL}")
    teams = {t.name for f in folders for m in matchday.load(f).matches for t in (m.home, m.away)}
    codes = {fold(name): code for code, names in NATIONAL_TEAMS.items() for name in names}
    assert {name for name in teams if fold(name) not in codes} == set()
    for vocab in (EN, NL):
        assert {codes[fold(name)] for name in teams} <= set(vocab.demonyms), vocab.code
    assert set(NATIONAL_TEAMS) <= set(EN.demonyms) & set(NL.demonyms)


_FINAL_2022 = ("2022--qatar", (2022, 12, 18))


@pytest.mark.parametrize(
    ("night", "sentence", "kind", "verdict"),
    [
        (_FINAL_2022, "De Fransen wonnen de finale tegen Argentinië.", Kind.THROUGH,
         Verdict.CONTRADICTED),
        (_FINAL_2022, "De Argentijnen winnen de finale.", Kind.THROUGH, Verdict.SUPPORTED),
        (_FINAL_2022, "De Fransen knokten zich terug.", Kind.COMEBACK, Verdict.SUPPORTED),
        (_FINAL_2022, "De Argentijnen knokken zich terug.", Kind.COMEBACK,
         Verdict.CONTRADICTED),
        (_FINAL_2022, "De Argentijnen versloegen de Fransen na strafschoppen.", Kind.RESULT,
         Verdict.SUPPORTED),
        (_FINAL_2022, "De Fransen klopten de Argentijnen na strafschoppen.", Kind.RESULT,
         Verdict.CONTRADICTED),
        (_FINAL_2022, "De Fransen trokken na strafschoppen aan het langste eind.", Kind.THROUGH,
         Verdict.CONTRADICTED),
        (_FINAL_2022, "De Fransen mogen zich wereldkampioen noemen.", Kind.THROUGH,
         Verdict.CONTRADICTED),
        (_FINAL_2022, "De Argentijnen hebben de wereldbeker gewonnen.", Kind.THROUGH,
         Verdict.SUPPORTED),
        (_FINAL_2022, "De Argentijnen gingen na strafschoppen onderuit.", Kind.THROUGH,
         Verdict.CONTRADICTED),
        (_FINAL_2022, "De Fransen verliezen de finale.", Kind.THROUGH, Verdict.SUPPORTED),
        (_QF_2022, "De Brazilianen kwalificeerden zich voor de halve finales.", Kind.THROUGH,
         Verdict.CONTRADICTED),
        (_QF_2022, "De Brazilianen overleefden de strafschoppenreeks.", Kind.THROUGH,
         Verdict.CONTRADICTED),
        (_QF_2022, "De Kroaten schakelden de Brazilianen uit.", Kind.THROUGH,
         Verdict.SUPPORTED),
        (_QF_2022, "De Brazilianen wipten de Kroaten uit het toernooi.", Kind.THROUGH,
         Verdict.CONTRADICTED),
        (_QF_2022, "Twee reddingen van Livaković loodsten Kroatië naar de halve finales.",
         Kind.THROUGH, Verdict.SUPPORTED),
        (_QF_2022, "De Kroaten spelen 1-1 gelijk tegen de Brazilianen.", Kind.RESULT,
         Verdict.SUPPORTED),
    ],
)  # fmt: skip
def test_dutch_plural_verbs(
    night: tuple[str, tuple[int, int, int]], sentence: str, kind: Kind, verdict: Verdict
) -> None:
    """A plural subject (a country's people) takes the plural verb, past and present:
    "wonnen", "versloegen", "knokten zich terug", "schakelden ... uit", "winnen"."""
    folder, day = night
    claims = [c for c in check(sentence, _world_cup(folder, dt.date(*day)), "nl") if c.kind is kind]
    assert claims, check(sentence, _world_cup(folder, dt.date(*day)), "nl")
    assert {c.verdict for c in claims} == {verdict}, [(c.words, c.reason) for c in claims]


@pytest.mark.parametrize(
    "sentence",
    ["De Fransen hadden een doelpunt nodig om te winnen.", "De Fransen zullen winnen."],
)
def test_a_dutch_infinitive_is_no_claim(sentence: str) -> None:
    """ "winnen" is also the infinitive: after "te" or "zullen" it claims nothing."""
    night = _world_cup(_FINAL_2022[0], dt.date(*_FINAL_2022[1]))
    assert check(sentence, night, "nl") == ()


@pytest.mark.parametrize(
    ("sentence", "kind", "verdict"),
    [
        ("De Zweden wonnen de wedstrijd, maar niet het duel.", Kind.THROUGH, Verdict.SUPPORTED),
        ("De Schotten versloegen Zenit.", Kind.RESULT, Verdict.CONTRADICTED),
        ("Leipzig en Marseille plaatsten zich.", Kind.THROUGH, Verdict.SUPPORTED),
    ],
)
def test_dutch_plural_verbs_of_clubs(sentence: str, kind: Kind, verdict: Verdict) -> None:
    claims = [c for c in check(sentence, _night(), "nl") if c.kind is kind]
    assert claims, check(sentence, _night(), "nl")
    assert {c.verdict for c in claims} == {verdict}, [(c.words, c.reason) for c in claims]


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("The Brazilians were favourites against the Croatians.", Verdict.SUPPORTED),
        ("The Croatians were the favourites.", Verdict.CONTRADICTED),
        ("The Croatians were the underdogs.", Verdict.SUPPORTED),
    ],
)
def test_english_plural_subjects_take_the_forecast(sentence: str, verdict: Verdict) -> None:
    """English verbs do not change with a plural subject: "the Brazilians were favourites"
    is a claim on Brazil's chance at kick-off."""
    night = _qatar(dt.date(2022, 12, 9), forecast=True)
    (claim,) = [c for c in check(sentence, night, "en") if c.kind is Kind.CHANCE]
    assert claim.verdict is verdict, claim.reason


def test_a_goal_that_gave_the_lead_is_no_claim_of_going_through() -> None:
    """ "schoot Dortmund op voorsprong" says a goal, not "schoot Dortmund naar de volgende
    ronde" (it was read as a claim that Dortmund went through)."""
    claims = check("Schmelzer schoot Dortmund op voorsprong.", _night(), "nl")
    assert [c.kind for c in claims] == [Kind.GOAL]
    through = check("Schmelzer schoot Dortmund naar de achtste finales.", _night(), "nl")
    assert Kind.THROUGH in {c.kind for c in through}


def test_winning_the_euro_in_dutch_is_a_claim_on_the_final() -> None:
    """ "wint het EK" (the round-up's own words since the Euro is "het EK" in Dutch) is read,
    and a wrong winner is told as the final's."""
    night = _played("spec/samples/2024_euro.txt", dt.date(2024, 7, 14))
    (right,) = check("Spanje wint het EK.", night, "nl")
    assert right.verdict is Verdict.SUPPORTED
    (wrong,) = check("Engeland heeft het EK gewonnen.", night, "nl")
    assert wrong.verdict is Verdict.CONTRADICTED
    assert _said(wrong.reason, night) == "Spain won the final, England lost it"
    assert _said(wrong.reason, night, "nl") == "Spanje won de finale, Engeland verloor ze"


def test_the_hosts_of_a_world_cup_match_are_not_its_first_named_team() -> None:
    """Spain v Russia (2018, Moscow): "the hosts" were Russia, written second; a single match
    of national teams has no home side to call so (Spain were taken for the hosts)."""
    night = _world_cup("2018--russia", dt.date(2018, 7, 1))
    claims = check(
        "Russia knocked out Spain on penalties. The hosts won the shoot-out 4-3.", night, "en"
    )
    assert claims
    assert {c.verdict for c in claims} == {Verdict.SUPPORTED}


@pytest.mark.parametrize(
    ("where", "day", "lang", "text"),
    [
        # Russia, the hosts, were written second (Spain v Russia, Moscow)
        ("worldcup/2018--russia", (2018, 7, 1), "en",
         "Spain went out on penalties. The hosts went through."),
        ("worldcup/2018--russia", (2018, 7, 1), "nl",
         "Spanje ging na strafschoppen onderuit. Het gastland plaatste zich."),
        # co-hosts: South Korea and Japan both played on 18 June 2002
        ("worldcup/2002--south-korea-n-japan", (2002, 6, 18), "en",
         "Italy went out. The hosts went through."),
        ("worldcup/2002--south-korea-n-japan", (2002, 6, 18), "en",
         "Turkey went through. The hosts went out."),
        ("spec/samples/2024_euro.txt", (2024, 7, 5), "en",
         "Spain went through. The hosts went out."),
    ],
)  # fmt: skip
def test_the_hosts_of_a_tournament_are_its_host_nation(
    where: str, day: tuple[int, int, int], lang: str, text: str
) -> None:
    """ "The hosts" at a World Cup or a Euro are the host nation (the registry's, co-hosts
    included), not the sentence before's subject: the second sentence is checked on them."""
    claims = [c for c in check(text, _played(where, dt.date(*day)), lang) if c.kind is Kind.THROUGH]
    assert len(claims) == 2, claims
    assert {c.verdict for c in claims} == {Verdict.SUPPORTED}, [(c.words, c.reason) for c in claims]


@pytest.mark.parametrize(
    ("lang", "text", "host"),
    [
        ("en", "Argentina went through on penalties. The hosts went out.", "The hosts"),
        ("nl", "Argentinië plaatste zich. Het gastland ging eruit.", "Het gastland"),
    ],
)
def test_hosts_that_do_not_play_are_not_checkable(lang: str, text: str, host: str) -> None:
    """Qatar hosted 2022 and did not play Netherlands v Argentina: what is said of "the
    hosts" is not checkable, and no team playing is taken for them."""
    night = _world_cup(*_QF_2022[:1], dt.date(*_QF_2022[1]))
    claims = check(text, night, lang)
    (hosts,) = [c for c in claims if c.words == host]
    assert (hosts.kind, hosts.verdict) == (Kind.TEAM, Verdict.NOT_CHECKABLE)
    assert "Qatar" in _said(hosts.reason, night, lang)
    assert all(c.verdict is Verdict.SUPPORTED for c in claims if c is not hosts), claims
    assert [c.kind for c in claims if c.kind is Kind.THROUGH] == [Kind.THROUGH]


def test_the_registry_knows_each_world_cup_and_euro_host() -> None:
    """Every edition of the World Cup and the Euro in the real data has its hosts, and each
    host is a nation the checker can name; Euro 2020 had none."""
    assert hosts("euro", "2020") == ()
    assert hosts("champions-league", "2024/25") is None
    for folder in sorted(p.name for p in (OPENFOOTBALL / "worldcup").glob("[12]*--*")):
        assert hosts("world-cup", folder[:4]), folder
    for years in HOSTS.values():
        for nations in years.values():
            assert all(code in NATIONAL_TEAMS for code in nations)


@pytest.mark.parametrize(
    ("lang", "sentence", "minute", "added"),
    [
        ("en", "Weghorst equalised in the 11th minute of stoppage time.", 90, 11),
        ("en", "Weghorst equalised in the eleventh minute of added time.", 90, 11),
        ("en", "Weghorst equalised eleven minutes into injury time.", 90, 11),
        ("en", "Weghorst equalised in the 90+11th minute.", 90, 11),
        ("en", "He scored in the second minute of first-half stoppage time.", 45, 2),
        ("en", "Neymar scored in the first minute of stoppage time at the end of the first half "
         "of extra time.", 105, 1),
        ("en", "He scored in the third minute of stoppage time at the end of extra time.", 120, 3),
        ("nl", "Weghorst maakte gelijk in de elfde minuut van de blessuretijd.", 90, 11),
        ("nl", "Weghorst maakte gelijk in de 90+11e minuut.", 90, 11),
        ("nl", "Hij scoorde in de tweede minuut van de blessuretijd van de eerste helft.", 45, 2),
    ],
)  # fmt: skip
def test_minutes_of_added_time(lang: str, sentence: str, minute: int, added: int) -> None:
    """A minute of added time as the English round-up writes it ("the 11th minute of
    stoppage time") and as reporters do (in figures, in words, "90+11th", Dutch "90+11e")."""
    reader = Reader(_night(), EN if lang == "en" else NL)
    (moment,) = reader._minutes(_Sentence(0, sentence, []))
    assert (moment.low, moment.high, moment.added) == (minute, minute, added)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Arsenal won met 4-2 over twee wedstrijden.", "nl"),
        ("Arsenal won 4-2 over the two legs.", "en"),
        ("Arsenal won by four goals to two over the two legs.", "en"),
    ],
)
def test_won_with_a_tie_qualifier_further_on_is_the_tie(text: str, lang: str) -> None:
    """ "over twee wedstrijden" is as much the aggregate as "met een totaalscore van", however
    far it ends from "won": Arsenal lost the night 1-2 but went through 4-2."""
    claims = check(text, _night(), lang)
    assert [(c.kind, c.verdict) for c in claims if c.kind is not Kind.AGGREGATE] == [
        (Kind.THROUGH, Verdict.SUPPORTED)
    ], [(c.kind, c.verdict, c.reason) for c in claims]


@pytest.mark.parametrize(
    ("lang", "text", "words", "verdict", "reason"),
    [
        ("en", "Immobile, who scored a hat-trick, led Lazio past FCSB.",
         "Immobile, who scored a hat-trick", Verdict.SUPPORTED, "Immobile scored at 7', 43', 71'"),
        ("en", "Bruno Fernandes, who scored a hat-trick, could not save Sporting.",
         "Bruno Fernandes, who scored a hat-trick", Verdict.CONTRADICTED,
         "Bruno Fernandes scored 2 (53', 63')"),
        ("nl", "Immobile, die een hattrick scoorde, loodste Lazio langs FCSB.",
         "Immobile, die een hattrick", Verdict.SUPPORTED, "Immobile scoorde op 7', 43', 71'"),
        ("nl", "Bruno Fernandes, die een hattrick scoorde, kon Sporting niet redden.",
         "Bruno Fernandes, die een hattrick", Verdict.CONTRADICTED,
         "Bruno Fernandes scoorde 2 keer (53', 63')"),
    ],
)  # fmt: skip
def test_a_hat_trick_told_in_a_relative_clause_is_the_players(
    lang: str, text: str, words: str, verdict: Verdict, reason: str
) -> None:
    """22 February 2018: Immobile scored three against FCSB, Bruno Fernandes two against
    Astana. "X, who scored a hat-trick, ..." says X's goals as "X scored a hat-trick" does."""
    (goal,) = [c for c in check(text, _night(), lang) if c.kind is Kind.GOAL]
    assert (goal.words, goal.verdict, _said(goal.reason, _night(), lang)) == (
        words,
        verdict,
        reason,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Lazio won 5-1. Immobile, who missed a penalty, was happy.",
        "Lazio won 5-1. Immobile, who had a goal disallowed, was happy.",
        "Lazio won 5-1. Inzaghi, who saw Immobile score, was happy.",
    ],
)
def test_a_relative_clause_that_tells_no_goal_of_his_is_no_goal_claim(text: str) -> None:
    """A relative clause that names no goal of the player before it (a miss, a goal
    disallowed, another player's goal) makes him no scorer, and nothing is contradicted."""
    claims = check(text, _night(), "en")
    assert not any(
        c.kind is Kind.GOAL and c.words.startswith(("Immobile,", "Inzaghi")) for c in claims
    )
    assert all(c.verdict is not Verdict.CONTRADICTED for c in claims)


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("en", "Arsenal played 2-1 against Östersund.", Verdict.CONTRADICTED),
        ("en", "Arsenal played 1-2 against Östersund.", Verdict.SUPPORTED),
        ("en", "Östersund played 2-1 against Arsenal.", Verdict.SUPPORTED),
        ("en", "Arsenal: 2-1 against Östersund.", Verdict.CONTRADICTED),
        ("en", "The 1-2 against Arsenal was not enough for Östersund.", Verdict.CONTRADICTED),
        ("nl", "Arsenal speelde 2-1 tegen Östersund.", Verdict.CONTRADICTED),
        ("nl", "Östersund speelde 2-1 tegen Arsenal.", Verdict.SUPPORTED),
        ("nl", "De 2-1 tegen Arsenal was niet genoeg voor Östersund.", Verdict.SUPPORTED),
        ("nl", "De 1-2 tegen Arsenal was niet genoeg voor Östersund.", Verdict.CONTRADICTED),
    ],
)  # fmt: skip
def test_a_score_against_a_side_gives_that_side_the_second_goals(
    lang: str, text: str, verdict: Verdict
) -> None:
    """22 February 2018, Arsenal 1-2 Östersund: "2-1 against Östersund" said of Arsenal gives
    Arsenal two, which they did not score; the side before the score, else the one the side
    after "against" played, has the first goals. "niet genoeg" after it denies no score."""
    (claim,) = [c for c in check(text, _night(), lang) if c.kind in (Kind.RESULT, Kind.SCORE)]
    assert claim.verdict is verdict, _said(claim.reason, _night(), lang)
    assert claim.kind is Kind.RESULT
    assert claim.reason is not None
    said = dict(claim.reason.values)  # the data's score line, whichever side it names first
    home, score, away = said["home"], said["score"], said["away"]
    assert isinstance(home, Team)
    assert isinstance(away, Team)
    assert isinstance(score, Score)
    goals = {home.name: score.home, away.name: score.away}
    assert goals == {"Arsenal FC": 1, "Östersunds FK": 2}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Arsenal went down 2-1 against Östersund."),
        ("en", "Arsenal crashed 2-1 against Östersund."),
        ("en", "Arsenal fell 2-1 against Östersund."),
        ("en", "Arsenal lost 2-1 against Östersund."),
        ("nl", "Arsenal verloor met 2-1 tegen Östersund."),
        ("nl", "Arsenal ging 2-1 ten onder tegen Östersund."),
    ],
)
def test_a_score_against_a_side_after_a_word_of_a_result_may_be_the_winners_first(
    lang: str, text: str
) -> None:
    """Arsenal lost 1-2 at home to Östersund: "went down 2-1 against Östersund" gives the
    winner's goals first, as reporters write them, so it is no contradiction."""
    claims = [c for c in check(text, _night(), lang) if c.kind in (Kind.RESULT, Kind.SCORE)]
    assert claims
    assert all(c.verdict is Verdict.SUPPORTED for c in claims), [c.reason for c in claims]
