"""The Python API's answer to arguments of the wrong kind from an untyped caller: the obvious
form accepted (a preset's name, a date written YYYY-MM-DD), anything else a clear
``InvalidValueError``, never an ``AttributeError`` from deep inside."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import matchday
from matchday.errors import ConfigError, InvalidValueError
from matchday.report import report
from tests.factories import one_match

SEASON = matchday.load("europa-league-2017-18")


def test_decide_takes_a_presets_name_even_for_extra_time() -> None:
    tie = one_match("1-1", aet="2-1")
    assert matchday.decide(tie, "uefa-classic") == matchday.decide(
        tie, matchday.preset("uefa-classic")
    )
    assert matchday.decide_all([tie], "uefa-classic")[0].winner == tie.team1


def test_decide_refuses_what_is_no_rules() -> None:
    anything: Any = 2017
    with pytest.raises(InvalidValueError, match="rules must be a Rules"):
        matchday.decide(one_match("1-1", aet="2-1"), anything)
    with pytest.raises(ConfigError, match="unknown rules preset"):
        matchday.decide(one_match("1-0"), "uefa-1990")


def test_report_takes_a_date_written_out() -> None:
    written = report(SEASON, date="2018-02-22", lang="en")
    assert written.text == report(SEASON, date=dt.date(2018, 2, 22), lang="en").text
    with pytest.raises(InvalidValueError, match="YYYY-MM-DD"):
        report(SEASON, date="22/02/2018", lang="en")
    anything: Any = 20180222
    with pytest.raises(InvalidValueError, match="date must be"):
        report(SEASON, date=anything, lang="en")


def test_find_round_refuses_no_name() -> None:
    nothing: Any = None
    with pytest.raises(InvalidValueError, match="round's name must be a str"):
        matchday.find_round(SEASON, nothing)


def test_tie_json_says_to_decide_the_tie_first() -> None:
    tie: Any = SEASON.ties()[0]
    with pytest.raises(InvalidValueError, match=r"Outcome, not Tie.*matchday.decide"):
        matchday.tie_json(tie)


def test_season_and_round_give_their_ties_as_tuples() -> None:
    r32 = matchday.find_round(SEASON, "Round of 32")
    assert isinstance(SEASON.ties(), tuple)
    assert isinstance(r32.ties(), tuple)
    assert SEASON.ties()[: len(r32.ties())] == r32.ties()
