"""A Dutch/Flemish and English sports desk's findings on ``matchday check``: each sentence
it wrote of a real night, and the verdict the data bears out (true claims confirmed, false
ones contradicted, the rest not checkable with a true reason), alike in both languages."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

import matchday
from matchday.check import Claim, Kind, Night, Verdict, check
from matchday.cli.check import night_of, reasons_for
from matchday.report import night_rules
from tests.conftest import OPENFOOTBALL

WORLD_CUP = OPENFOOTBALL / "worldcup"
SPEC = OPENFOOTBALL / "spec"


@cache
def _night(path: Path, day: str) -> Night:
    """The night of ``day`` in a real source, as ``matchday check --date`` reads it."""
    if not path.exists():
        pytest.skip(f"the shared openfootball data is absent ({path})")
    known = matchday.competitions.of_season(matchday.load(path))
    date = dt.date.fromisoformat(day)
    return night_of(known.season, night_rules(known, date=date), date=date, forecast=False)


def _of(text: str, night: Night, lang: str, kind: Kind) -> list[Claim]:
    return [c for c in check(text, night, lang) if c.kind is kind]


def _said(night: Night, lang: str, claim: Claim) -> str:
    return reasons_for(night, lang)(claim.reason)


# -- A1: a replay's night is checked on the replay, not on the first match's extra time ----


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("en", "Switzerland won after extra time.", Verdict.CONTRADICTED),
        ("nl", "Zwitserland won na verlengingen.", Verdict.CONTRADICTED),
        ("en", "Switzerland won without extra time.", Verdict.SUPPORTED),
        ("nl", "Zwitserland won zonder verlengingen.", Verdict.SUPPORTED),
        ("en", "Switzerland won in normal time.", Verdict.SUPPORTED),
        ("nl", "Zwitserland won binnen de reguliere speeltijd.", Verdict.SUPPORTED),
    ],
)
def test_a_replay_won_in_90_minutes_had_no_extra_time(
    lang: str, text: str, verdict: Verdict
) -> None:
    """9 June 1938: the replay Germany 2-4 Switzerland took 90 minutes (the 1-1 after extra
    time was the first match, on 4 June); the reason names the replay."""
    night = _night(WORLD_CUP / "1938--france", "1938-06-09")
    (claim,) = _of(text, night, lang, Kind.METHOD)
    assert claim.verdict is verdict
    assert "2-4" in _said(night, lang, claim)


# -- A15: a preposition opening a Dutch sentence is no scorer ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vanop de stip maakte Mbappé gelijk.",
        "Vanop de stip maakte Mbappé in de 118e minuut gelijk.",
    ],
)
def test_vanop_de_stip_is_no_player(text: str) -> None:
    """2022 final: Mbappé's 118th-minute penalty made it 3-3; "Vanop" is the Flemish "from"."""
    night = _night(WORLD_CUP / "2022--qatar", "2022-12-18")
    goals = _of(text, night, "nl", Kind.GOAL)
    assert goals
    assert all(c.verdict is Verdict.SUPPORTED for c in goals), goals
    assert not any("Vanop" in c.words for c in goals)


# -- A17 and A11: a running score at a moment, on a night of one tie -------------------------


@pytest.mark.parametrize(
    ("lang", "text", "verdict"),
    [
        ("nl", "Na 36 minuten stond het al 2-0 dankzij Di María.", Verdict.SUPPORTED),
        ("en", "After 36 minutes it was already 2-0 thanks to Di María.", Verdict.SUPPORTED),
        ("en", "Thanks to Di María it was 2-0 after 36 minutes.", Verdict.SUPPORTED),
        ("nl", "Na 36 minuten stond het al 3-0 dankzij Di María.", Verdict.CONTRADICTED),
        ("en", "After 36 minutes it was already 3-0 thanks to Di María.", Verdict.CONTRADICTED),
    ],
)
def test_a_running_score_is_the_score_then_not_the_result(
    lang: str, text: str, verdict: Verdict
) -> None:
    """2022 final: 2-0 after 36 minutes, 3-3 at the end; the only tie that night needs no
    team named for the score to be checked on it."""
    night = _night(WORLD_CUP / "2022--qatar", "2022-12-18")
    claims = [c for c in check(text, night, lang) if c.kind in (Kind.SCORE, Kind.RESULT)]
    assert [c.verdict for c in claims] == [verdict], claims
    assert claims[0].kind is Kind.SCORE


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Gonzalo Montiel scored the decisive penalty in the shoot-out. Argentina won."),
        ("en", "Mbappé converted two penalties in normal and extra time."),
    ],
)
def test_the_one_tie_of_the_night_is_the_tie_to_check_on(lang: str, text: str) -> None:
    """The final was the night's only tie: its shoot-out and its extra time are facts of it,
    never "no tie to check it on"."""
    night = _night(WORLD_CUP / "2022--qatar", "2022-12-18")
    (claim,) = _of(text, night, lang, Kind.METHOD)
    assert claim.verdict is Verdict.SUPPORTED, _said(night, lang, claim)
    assert claim.tie == "Argentina v France (Final)"
