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
