"""National strengths as of a date: Elo ratings of the associations' teams, centred, with no
look-ahead."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday.forecast.associations import ASSOCIATIONS, ELO_SCALE, NationalStrength
from matchday.forecast.elo import EloMatch, expected_result
from matchday.model import Team

MALTA, SPAIN = Team(ASSOCIATIONS["MLT"]), Team(ASSOCIATIONS["ESP"])


def _match(day: int, home: Team, away: Team, score: tuple[int, int]) -> EloMatch:
    return EloMatch(dt.date(2020, 1, day), home, away, *score, "FIFA World Cup qualification", True)


def test_strengths_are_elo_ratings_centred_and_read_before_the_date() -> None:
    matches = [_match(10, SPAIN, MALTA, (3, 0)), _match(20, MALTA, SPAIN, (2, 1))]
    national = NationalStrength.from_matches(matches)
    assert national.on(dt.date(2020, 1, 10)) == {}  # no match played before the first
    after_first = national.on(dt.date(2020, 1, 11))
    # K 40 x goal index 1.75 (three goals) x (1 - We), from 1500 each with Spain at home
    change = 40 * 1.75 * (1 - expected_result(100))
    assert after_first["ESP"] == pytest.approx(change / ELO_SCALE)
    assert after_first["MLT"] == pytest.approx(-change / ELO_SCALE)
    # Malta's win at home is played on the 20th: not seen on the 20th, seen on the 21st
    assert national.on(dt.date(2020, 1, 20)) == after_first
    assert national.on(dt.date(2020, 1, 21))["MLT"] > after_first["MLT"]


def test_every_association_code_is_three_letters_and_names_one_team() -> None:
    assert all(len(code) == 3 and code.isupper() for code in ASSOCIATIONS)
    assert len(set(ASSOCIATIONS.values())) == len(ASSOCIATIONS)
