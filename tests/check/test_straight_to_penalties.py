"""Shoot-outs with and without extra time before them, and penalties missed.

Under CONMEBOL's ``no-extra-time`` rules a level tie goes straight to penalties: "after extra
time" is contradicted there, "without extra time" / "went straight to penalties" supported,
and the other way round for a shoot-out after extra time (the match data says which:
``Match.extra_time``). A penalty missed is never read as a goal denied: the data records no
miss, so "Kane missed a penalty" is not checkable; a side that scored no penalty at all is
checked against the shoot-out and the penalties scored in play.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import matchday
from matchday.check import Claim, Kind, Night, Verdict, check
from matchday.check.reasons import Why
from matchday.cli.check import night_of, reasons_for
from matchday.report import night_rules
from tests.conftest import OPENFOOTBALL

_LIBERTADORES = """= Copa Libertadores 2010

▪ Semifinals - 1st Leg
Jul 28   Club Alpha - Club Beta   0-0

▪ Semifinals - 2nd Leg
Aug 4    Club Beta - Club Alpha   0-0  5-4 pen.
"""
"""A semi-final under ``away-goals-no-extra-time``: 0-0, 0-0, straight to penalties."""

_WORLD_CUP = """= World Cup 2022

▪ Round of 16
Dec 6    Morocco - Spain   0-0 a.e.t.  3-0 pen.
"""
"""A shoot-out after extra time, for contrast."""

_LIBERTADORES_1999 = OPENFOOTBALL / "spec" / "samples-l2" / "1999_copa_libertadores.txt"
_QATAR = OPENFOOTBALL / "worldcup" / "2022--qatar"


def _night(path: Path, day: dt.date) -> Night:
    known = matchday.competitions.of_season(matchday.load(path))
    return night_of(known.season, night_rules(known, date=day), date=day, forecast=False)


def _written(tmp_path: Path, text: str, day: dt.date) -> Night:
    path = tmp_path / "cup.txt"
    path.write_text(text, encoding="utf-8")
    return _night(path, day)


def _shared(path: Path, day: dt.date) -> Night:
    if not path.exists():
        pytest.skip(f"the shared openfootball data is absent ({path})")
    return _night(path, day)


def _one(text: str, night: Night, lang: str, kind: Kind) -> Claim:
    claims = [c for c in check(text, night, lang) if c.kind is kind]
    assert len(claims) == 1, check(text, night, lang)
    return claims[0]


_STRAIGHT = dt.date(2010, 8, 4)
_AFTER = dt.date(2022, 12, 6)


@pytest.mark.parametrize(
    ("lang", "text", "kind", "words", "straight", "after"),
    [
        (
            "en",
            "Club Beta and Club Alpha were level at 0-0 on aggregate after extra time, the tie "
            "went to penalties.",
            Kind.METHOD,
            "extra time",
            Verdict.CONTRADICTED,
            Verdict.SUPPORTED,
        ),
        (
            "nl",
            "Club Beta en Club Alpha: ook na verlengingen stond het 0-0.",
            Kind.SCORE,
            "0-0",
            Verdict.CONTRADICTED,
            Verdict.SUPPORTED,
        ),
        (
            "en",
            "Club Beta beat Club Alpha on penalties without extra time.",
            Kind.METHOD,
            "without extra time",
            Verdict.SUPPORTED,
            Verdict.CONTRADICTED,
        ),
        (
            "nl",
            "Club Beta won na strafschoppen, zonder verlengingen.",
            Kind.METHOD,
            "zonder verlengingen",
            Verdict.SUPPORTED,
            Verdict.CONTRADICTED,
        ),
        (
            "en",
            "Club Beta and Club Alpha went straight to penalties.",
            Kind.METHOD,
            "straight to penalties",
            Verdict.SUPPORTED,
            Verdict.CONTRADICTED,
        ),
        (
            "nl",
            "Club Beta en Club Alpha gingen meteen naar strafschoppen.",
            Kind.METHOD,
            "meteen naar strafschoppen",
            Verdict.SUPPORTED,
            Verdict.CONTRADICTED,
        ),
    ],
)
def test_extra_time_is_what_the_match_data_says(
    tmp_path: Path,
    lang: str,
    text: str,
    kind: Kind,
    words: str,
    straight: Verdict,
    after: Verdict,
) -> None:
    """The same words on a shoot-out straight after 90 minutes and on one after extra time."""
    night = _written(tmp_path, _LIBERTADORES, _STRAIGHT)
    claim = [c for c in check(text, night, lang) if c.kind is kind and c.words == words]
    assert [c.verdict for c in claim] == [straight], check(text, night, lang)
    assert claim[0].reason.key is Why.NO_EXTRA_TIME
    said = reasons_for(night, lang)(claim[0].reason)
    assert ("straight to penalties" if lang == "en" else "meteen daarna strafschoppen") in said
    assert "5-4" in said
    contrast = (
        text.replace("Club Beta", "Morocco").replace("Club Alpha", "Spain")
        if lang == "en"
        else text.replace("Club Beta", "Marokko").replace("Club Alpha", "Spanje")
    )
    night = _written(tmp_path, _WORLD_CUP, _AFTER)
    claim = [c for c in check(contrast, night, lang) if c.kind is kind and c.words == words]
    assert [c.verdict for c in claim] == [after], check(contrast, night, lang)


def test_dutch_through_is_not_read_inside_a_word(tmp_path: Path) -> None:
    """ "zonder verlengingen door": "gingen door" inside "verlengingen door" is no side going
    through denied (it was read so, and contradicted)."""
    night = _written(tmp_path, _LIBERTADORES, _STRAIGHT)
    claims = check("Club Beta ging zonder verlengingen door.", night, "nl")
    assert [(c.kind, c.verdict) for c in claims] == [(Kind.METHOD, Verdict.SUPPORTED)], claims


@pytest.mark.parametrize(
    ("lang", "text", "words", "verdict"),
    [
        ("en", "Palmeiras beat Deportivo Cali without extra time.", "without extra time", True),
        ("en", "Palmeiras won on penalties after extra time.", "extra time", False),
        ("en", "Palmeiras and Deportivo Cali went straight to penalties.", "straight", True),
        ("nl", "Palmeiras won zonder verlengingen van Deportivo Cali.", "zonder", True),
        ("nl", "Palmeiras won na verlengingen en strafschoppen.", "verlengingen", False),
    ],
)
def test_the_1999_libertadores_final(lang: str, text: str, words: str, verdict: bool) -> None:
    """The 1999 final: 1-0, 1-2, 4-3 on penalties with no extra time (``no-extra-time``)."""
    night = _shared(_LIBERTADORES_1999, dt.date(1999, 6, 16))
    claims = check(text, night, lang)
    said = [c for c in claims if c.kind is Kind.METHOD and c.words.startswith(words)]
    assert len(said) == 1, claims
    claim = said[0]
    assert claim.verdict is (Verdict.SUPPORTED if verdict else Verdict.CONTRADICTED), claim
    assert claim.reason.key is Why.NO_EXTRA_TIME


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("nl", "Spanje benutte geen enkele strafschop.", Verdict.SUPPORTED),
        ("en", "Spain did not score a single penalty.", Verdict.SUPPORTED),
        ("en", "Spain missed all their penalties.", Verdict.SUPPORTED),
        ("en", "Morocco did not score a single penalty.", Verdict.CONTRADICTED),
        ("nl", "Marokko benutte geen enkele strafschop.", Verdict.CONTRADICTED),
    ],
)
def test_a_side_that_scored_no_penalty_in_the_shoot_out(
    lang: str, text: str, verdict: Verdict
) -> None:
    """Morocco v Spain, 2022: 0-0 after extra time, 3-0 on penalties."""
    claim = _one(text, _shared(_QATAR, dt.date(2022, 12, 6)), lang, Kind.GOAL)
    assert claim.verdict is verdict, claim
    assert claim.reason.key is Why.TEAM_PENALTIES


def test_a_penalty_scored_in_play_contradicts_no_penalty_scored() -> None:
    """England v France, 2022: Kane scored a penalty in the 54th minute."""
    claim = _one(
        "England did not score a single penalty.",
        _shared(_QATAR, dt.date(2022, 12, 10)),
        "en",
        Kind.GOAL,
    )
    assert claim.verdict is Verdict.CONTRADICTED
    assert "54'" in reasons_for(_shared(_QATAR, dt.date(2022, 12, 10)), "en")(claim.reason)


@pytest.mark.parametrize(
    ("lang", "text", "scored"),
    [
        ("nl", "Kane benutte een strafschop niet.", False),
        ("en", "Kane missed a penalty.", False),
        ("en", "Kane had his penalty saved.", False),
        ("en", "Kane scored a penalty but later missed a second penalty.", True),
        ("nl", "Kane scoorde een strafschop, maar miste een tweede strafschop.", True),
    ],
)
def test_a_missed_penalty_is_no_goal_denied(lang: str, text: str, scored: bool) -> None:
    """England v France, 2022: Kane scored one penalty and missed another. The data records no
    miss: not checkable, never a contradiction of the penalty he scored."""
    night = _shared(_QATAR, dt.date(2022, 12, 10))
    claims = check(text, night, lang)
    missed = [c for c in claims if c.reason.key is Why.MISSES_NOT_ON_RECORD]
    assert len(missed) == 1, claims
    assert missed[0].verdict is Verdict.NOT_CHECKABLE
    assert not any(c.verdict is Verdict.CONTRADICTED for c in claims), claims
    goals = [c for c in claims if c.kind is Kind.GOAL and c is not missed[0]]
    assert [c.verdict for c in goals] == ([Verdict.SUPPORTED] if scored else []), claims
