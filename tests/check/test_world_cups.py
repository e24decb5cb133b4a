"""World Cup nights as a sports desk checks them, in Dutch and English: sides that did not
play, how a match was decided, family names first, minutes of extra time, the shoot-out by
its Flemish name, and reasons that say what the data says."""

from __future__ import annotations

import dataclasses
from functools import cache

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
    path = WORLD_CUP / folder
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
        ("en", "Germany were favourites against Brazil.", "Germany did not play that night"),
        ("en", "Brazil won. Germany were favourites.", "Germany did not play that night"),
        ("nl", "Duitsland was favoriet tegen Brazilië.", "Duitsland speelde die avond niet"),
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
