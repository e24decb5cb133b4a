"""Forecasts are optional input: with a P(through) series a report says how close it came."""

from __future__ import annotations

import datetime as dt

import pytest

import matchday
from matchday.model import Team
from matchday.report import ThroughChances, report
from matchday.report.story import Angle, assess, close_call, night

SEASON = matchday.load("europa-league-2017-18")
RULES = matchday.rules_for_season(2017)
NIGHT = dt.date(2018, 2, 22)
DORTMUND = Team("Borussia Dortmund", "GER")
ATALANTA = Team("Atalanta", "ITA")
SERIES = ThroughChances(
    DORTMUND, ((0, 0.71), (11, 0.34), (45, 0.27), (75, 0.18), (80, 0.17), (83, 0.88), (90, 1.0))
)
"""A hand-built forecast for Atalanta v Dortmund: Dortmund's chance, kick-off to full time."""


def test_the_series_is_seen_from_either_side() -> None:
    atalanta = SERIES.of(ATALANTA)
    assert atalanta[0] == (0, pytest.approx(0.29))
    assert SERIES.of(DORTMUND) == SERIES.by_minute


def test_the_close_call_is_the_winners_lowest_chance() -> None:
    tie = next(t for t in SEASON.ties() if DORTMUND in t.teams and t.round == "Round of 32")
    call = close_call(tie, DORTMUND, (SERIES,))
    assert call is not None
    assert (call.low, call.minute) == (0.17, 80)
    assert call.was_behind
    assert call.swing == pytest.approx(0.83)
    assert close_call(tie, ATALANTA, (SERIES,)) is not None
    assert close_call(tie, DORTMUND, None) is None


@pytest.mark.parametrize(
    "points",
    [(), ((0, 0.5), (10, 1.2)), ((10, 0.5), (5, 0.4)), ((-1, 0.5),)],
    ids=["empty", "not a probability", "minutes backwards", "negative minute"],
)
def test_a_series_that_is_not_a_forecast_is_refused(points: tuple[tuple[int, float], ...]) -> None:
    with pytest.raises(ValueError, match="Borussia Dortmund"):
        ThroughChances(DORTMUND, points)


def test_a_forecast_swing_adds_to_newsworthiness() -> None:
    plain = night(SEASON, NIGHT, RULES).lead
    forecast = night(SEASON, NIGHT, RULES, (SERIES,)).lead
    assert assess(forecast).score > assess(plain).score
    assert Angle.SWING in assess(forecast).angles


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_favourites_rising_chance_is_no_swing(lang: str) -> None:
    """A winner whose chance only rose (71% to 100%, never below its opening) did not turn the
    tables: no swing angle, and no headline or lead saying so."""
    rising = ThroughChances(DORTMUND, ((0, 0.71), (45, 0.8), (83, 0.95), (90, 1.0)))
    story = night(SEASON, NIGHT, RULES, (rising,))
    dortmund = next(s for s in story.stories if DORTMUND in s.tie.teams)
    assert Angle.SWING not in assess(dortmund).angles
    written = report(SEASON, date=NIGHT, lang=lang, chances=[rising])
    for turned in ("turn the tables", "eventful night", "draait de rollen om", "bewogen avond"):
        assert turned not in written.text


@pytest.mark.parametrize(("lang", "minute"), [("nl", "80e minuut"), ("en", "80th minute")])
def test_the_report_says_how_close_it_came(lang: str, minute: str) -> None:
    written = report(SEASON, date=NIGHT, lang=lang, chances=[SERIES])
    told = [s for s in written.statements if s.fact == "close_call"]
    assert [s in written.lead for s in told] == [True, False]  # the lead, then the section
    for said in told:
        assert said.tie is not None
        assert DORTMUND in said.tie.teams
        assert "17%" in said.text
        assert minute in said.text
        assert "Dortmund" in said.text
    assert told[0].text != told[1].text  # retold in other words
    others = report(SEASON, date=NIGHT, lang=lang)
    assert not [s for s in others.statements if s.fact == "close_call"]


def test_a_comfortable_winner_was_never_in_danger() -> None:
    arsenal = Team("Arsenal FC", "ENG")
    calm = ThroughChances(arsenal, ((0, 0.97), (23, 0.86), (90, 1.0)))
    written = report(SEASON, date=NIGHT, lang="en", chances=[calm])
    (said,) = [s for s in written.statements if s.fact == "close_call"]
    assert "never" in said.text
    assert "86%" in said.text
    assert "Arsenal" in said.text


def _told(team: Team, points: tuple[tuple[int, float], ...], lang: str = "en") -> list[str]:
    written = report(SEASON, date=NIGHT, lang=lang, chances=[ThroughChances(team, points)])
    return [s.text for s in written.statements if s.fact == "close_call"]


def test_a_comfortable_winner_of_the_match_goes_without_saying() -> None:
    milan = Team("AC Milan", "ITA")  # won 1-0 at home, 4-0 on aggregate
    assert _told(milan, ((0, 0.97), (23, 0.86), (90, 1.0))) == []
    assert len(_told(milan, ((0, 0.97), (23, 0.66), (90, 1.0)))) == 1  # in some doubt


def test_a_winner_never_in_doubt_has_no_close_call() -> None:
    arsenal = Team("Arsenal FC", "ENG")  # lost 1-2 at home, through 4-2
    assert _told(arsenal, ((0, 0.999), (23, 0.996), (90, 1.0))) == []


def test_the_underdog_from_kick_off_is_told_by_its_chance_at_kick_off() -> None:
    lazio = Team("Lazio Roma", "ITA")
    points = ((0, 0.48), (6, 0.46), (7, 0.7), (90, 1.0))
    tie = next(t for t in SEASON.ties() if lazio in t.teams and t.round == "Round of 32")
    call = close_call(tie, lazio, (ThroughChances(lazio, points),))
    assert call is not None
    assert (call.underdog, call.fell_behind, call.was_behind) == (True, False, True)
    for lang in ("en", "nl"):
        (said,) = _told(lazio, points, lang)
        assert "48%" in said  # at kick-off, not the 46% of the 6th minute
        assert "46%" not in said


def test_the_lowest_minute_is_the_first_that_prints_as_the_lowest() -> None:
    tie = next(t for t in SEASON.ties() if DORTMUND in t.teams and t.round == "Round of 32")
    points = ((0, 0.744), (1, 0.7405), (11, 0.9), (90, 1.0))
    call = close_call(tie, DORTMUND, (ThroughChances(DORTMUND, points),))
    assert call is not None
    assert (call.minute, call.low) == (0, 0.7405)


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "less than 1%"), ("nl", "nog geen 1%")], ids=["en", "nl"]
)
def test_a_chance_below_one_percent_is_not_written_as_none(lang: str, expected: str) -> None:
    points = ((0, 0.74), (82, 0.003), (90, 1.0))
    told = _told(DORTMUND, points, lang)
    assert any(expected in said for said in told), told
    assert not any(" 0%" in said for said in told)
