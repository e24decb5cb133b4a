"""A denied claim ("did not win", "won de finale niet", "zonder verlengingen") is judged as
denied, or left not checkable where the reader cannot tell what it denies: never as if it
were said outright."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

import matchday
from matchday.check import Claim, Kind, Night, Verdict, check
from matchday.cli.check import night_of, reasons_for
from matchday.report import night_rules
from tests.conftest import OPENFOOTBALL

_OTHER_WAY = {
    Verdict.SUPPORTED: Verdict.CONTRADICTED,
    Verdict.CONTRADICTED: Verdict.SUPPORTED,
    Verdict.NOT_CHECKABLE: Verdict.NOT_CHECKABLE,
}


@cache
def _night() -> Night:
    season = matchday.load("europa-league-2017-18")
    return night_of(
        season, matchday.rules_for_season(2017), date=dt.date(2018, 2, 22), forecast=False
    )


@cache
def _final_2022() -> Night:
    path = OPENFOOTBALL / "worldcup" / "2022--qatar"
    if not path.exists():
        pytest.skip(f"the shared openfootball data is absent ({path})")
    known = matchday.competitions.of_season(matchday.load(path))
    day = dt.date(2022, 12, 18)
    return night_of(known.season, night_rules(known, date=day), date=day, forecast=False)


def _one(text: str, night: Night, lang: str, kind: Kind) -> Claim:
    claims = [c for c in check(text, night, lang) if c.kind is kind]
    assert len(claims) == 1, check(text, night, lang)
    return claims[0]


@pytest.mark.parametrize(
    ("lang", "said", "denied", "kind"),
    [
        ("en", "Arsenal went through.", "Arsenal did not go through.", Kind.THROUGH),
        ("en", "Östersund went through.", "Östersund failed to go through.", Kind.THROUGH),
        ("en", "Arsenal won.", "Arsenal did not win.", Kind.RESULT),
        ("en", "Östersund won.", "Östersund didn't win.", Kind.RESULT),
        ("en", "Dortmund went through.", "Dortmund never went through.", Kind.THROUGH),
        ("nl", "Arsenal plaatste zich.", "Arsenal plaatste zich niet.", Kind.THROUGH),
        ("nl", "Östersund plaatste zich.", "Östersund plaatste zich niet.", Kind.THROUGH),
        ("nl", "Arsenal won.", "Arsenal won niet.", Kind.RESULT),
        ("nl", "Östersund won.", "Östersund won niet.", Kind.RESULT),
        ("nl", "Lazio won. Immobile scoorde.", "Lazio won. Immobile scoorde niet.", Kind.GOAL),
        ("nl", "Schmelzer scoorde voor Dortmund.", "Schmelzer scoorde nooit voor Dortmund.",
         Kind.GOAL),
    ],
)  # fmt: skip
def test_a_denial_gets_the_other_verdict(lang: str, said: str, denied: str, kind: Kind) -> None:
    """22 February 2018: each sentence and its denial get opposite verdicts, and a denial
    the data refutes says what the data says."""
    plain = _one(said, _night(), lang, kind)
    negated = _one(denied, _night(), lang, kind)
    assert plain.verdict is not Verdict.NOT_CHECKABLE
    assert negated.verdict is _OTHER_WAY[plain.verdict], (negated.words, negated.reason)
    if negated.verdict is Verdict.CONTRADICTED:
        assert reasons_for(_night(), lang)(negated.reason)


@pytest.mark.parametrize(
    ("lang", "text", "kind", "verdict", "words", "reason"),
    [
        ("nl", "Argentinië won de finale niet.", Kind.THROUGH, Verdict.CONTRADICTED,
         "won de finale niet", "Argentinië won de finale, Frankrijk verloor ze"),
        ("en", "Argentina did not win the final.", Kind.THROUGH, Verdict.CONTRADICTED,
         "not win", "Argentina won the final, France lost it"),
        ("en", "France failed to win the final.", Kind.THROUGH, Verdict.SUPPORTED,
         "failed to win", "Argentina won the final, France lost it"),
        ("nl", "Argentinië won zonder verlengingen.", Kind.METHOD, Verdict.CONTRADICTED,
         "zonder verlengingen", "na verlengingen stond het 3-3"),
        ("nl", "Argentinië en Frankrijk gingen niet naar verlengingen.", Kind.METHOD,
         Verdict.CONTRADICTED, "niet naar verlengingen", "na verlengingen stond het 3-3"),
        ("en", "Argentina won without extra time.", Kind.METHOD, Verdict.CONTRADICTED,
         "without extra time", "the score after extra time was 3-3"),
        ("nl", "Argentinië won. Messi scoorde niet.", Kind.GOAL, Verdict.CONTRADICTED,
         "Messi scoorde niet", "Lionel Messi scoorde op 23', 108'"),
        # the denial may be of the way it was won, not of the win: the win is not checked
        ("en", "Argentina did not win after extra time.", Kind.RESULT, Verdict.NOT_CHECKABLE,
         "not win", "a denial the checker cannot read with certainty: not checked"),
        ("en", "Argentina did not win after extra time.", Kind.METHOD, Verdict.SUPPORTED,
         "not win after extra time", "decided on penalties: Argentina won the shoot-out 4-2"),
    ],
)  # fmt: skip
def test_denials_on_the_2022_final(
    lang: str, text: str, kind: Kind, verdict: Verdict, words: str, reason: str
) -> None:
    night = _final_2022()
    claim = _one(text, night, lang, kind)
    assert (claim.verdict, claim.words) == (verdict, words)
    assert reasons_for(night, lang)(claim.reason) == reason


def test_words_that_deny_nothing_leave_the_claim_as_said() -> None:
    """ "not only", "niet alleen" and the forecast's "never fell below" deny nothing."""
    night = _night()
    assert _one("Not only did Arsenal go through.", night, "en", Kind.THROUGH).verdict is (
        Verdict.SUPPORTED
    )
    assert _one("Niet alleen Arsenal plaatste zich.", night, "nl", Kind.THROUGH).verdict is (
        Verdict.SUPPORTED
    )
