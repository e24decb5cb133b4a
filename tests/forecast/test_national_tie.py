"""A tie of national teams: the sides found under the names a file writes them, and a host
nation at home in a single match (else neutral ground), from the shipped national ratings."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday.errors import InvalidValueError
from matchday.forecast.outlook import leg_rates, outlook
from matchday.forecast.ratings import Basis
from matchday.forecast.tournament import rated_view, tie_host
from matchday.io.snapshot import bundled_national
from matchday.model import Match, Team, Tie
from matchday.rules import preset

RATINGS = bundled_national()[0].ratings
"""Fitted on the internationals before 2022-11-20, the World Cup in Qatar's first day."""
DAY = dt.date(2022, 11, 20)
ECUADOR, QATAR, ITALY = Team("Ecuador"), Team("Qatar"), Team("Italy")
KOREA, JAPAN = Team("Korea Republic"), Team("Japan")
RULES = preset("extra-time-penalties")


def _match(home: Team, away: Team) -> Tie:
    return Tie("Round of 16", (Match(DAY, home, away),))


def test_the_file_s_names_are_rated_as_the_results_name_the_teams() -> None:
    """FIFA's names as World Cup files write them ("USA", "Korea Republic") are the results'
    United States and South Korea, fitted; without the view, the average side."""
    usa = Team("USA")
    assert RATINGS.rating(usa).basis is Basis.AVERAGE
    view = rated_view(RATINGS, (usa, KOREA, ECUADOR))
    assert view.rating(usa).basis is Basis.FITTED
    assert view.rating(usa).attack == RATINGS.rating(Team("United States")).attack
    assert view.rating(KOREA).defence == RATINGS.rating(Team("South Korea")).defence
    assert rated_view(RATINGS, (ECUADOR, QATAR)) is RATINGS  # every name found as it is


def test_a_host_nation_plays_its_single_match_at_home_even_named_second() -> None:
    """Ecuador v Qatar with Qatar the host: Qatar's goals are those of Qatar at home to
    Ecuador (``Ratings.expected``), more than on neutral ground, and so is its chance."""
    tie = _match(ECUADOR, QATAR)
    neutral = outlook(tie, RATINGS, RULES, uncertainty=0)
    hosted = outlook(tie, RATINGS, RULES, uncertainty=0, host=QATAR)
    at_home = RATINGS.expected(QATAR, ECUADOR)
    (leg,) = hosted.legs
    assert (leg.home.team, leg.away.team) == (ECUADOR, QATAR)
    assert leg.away_goals == pytest.approx(at_home.home_goals)
    assert leg.home_goals == pytest.approx(at_home.away_goals)
    assert leg.away_goals > neutral.legs[0].away_goals
    assert hosted.host == QATAR
    assert neutral.host is None
    assert hosted.forecast is not None
    assert neutral.forecast is not None
    assert hosted.forecast.team2_through > neutral.forecast.team2_through


def test_a_host_must_be_a_side_of_the_tie() -> None:
    with pytest.raises(InvalidValueError, match="no side of"):
        leg_rates(_match(ECUADOR, QATAR), RATINGS, ITALY)


def test_the_registry_s_hosts_decide_who_is_at_home() -> None:
    """2002's co-hosts: Korea at home to Italy; Korea v Japan, both hosts, is neutral; a
    two-legged tie has its home sides already."""
    codes = ("KOR", "JPN")
    assert tie_host(_match(KOREA, ITALY), codes) == KOREA
    assert tie_host(_match(ITALY, JAPAN), codes) == JAPAN
    assert tie_host(_match(KOREA, JAPAN), codes) is None
    assert tie_host(_match(ECUADOR, ITALY), codes) is None
    later = DAY + dt.timedelta(days=4)
    legs = Tie("Play-off", (Match(DAY, KOREA, ITALY), Match(later, ITALY, KOREA)))
    assert tie_host(legs, codes) is None
