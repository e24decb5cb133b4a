"""A national cup's clubs that the model never saw play below every club of their country it
knows (``Ratings.domestic_view``); elsewhere nothing changes."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from matchday.forecast.outlook import leg_rates
from matchday.forecast.ratings import Basis
from matchday.io.snapshot import choose_snapshot
from matchday.model import Match, Team, Tie

RATINGS = choose_snapshot(dt.date(2020, 3, 1)).ratings
AMATEURS = Team("1. FC Saarbrücken", "GER")  # no result in the model before 2018-02-13
BAYERN = Team("Bayern München", "GER")


def test_an_unseen_club_of_a_national_cup_plays_at_its_countrys_weakest_known_level() -> None:
    cup = RATINGS.domestic_view([BAYERN, AMATEURS, Team("SC Verl", "GER")])
    assert cup.domestic == "GER"
    rated = cup.rating(AMATEURS)
    assert rated.basis is Basis.FLOOR
    known = [i for i, t in enumerate(RATINGS.teams) if t.country == "GER" and RATINGS.matches[i]]
    new = RATINGS.newcomer
    assert rated.attack == pytest.approx(float(np.min(RATINGS.attack[known])) + new)
    assert rated.defence == pytest.approx(float(np.min(RATINGS.defence[known])) + new)
    assert rated.attack < RATINGS.rating(AMATEURS).attack  # below the country's average
    assert cup.rating(BAYERN) == RATINGS.rating(BAYERN)  # a club it knows is unchanged


@pytest.mark.parametrize(
    "teams",
    [
        [BAYERN, Team("Real Madrid", "ESP"), AMATEURS],  # a European competition
        [Team("Argentina"), Team("France")],  # no country at all
        [Team("Club Unknown", "XXX"), Team("Another", "XXX")],  # no club of it known
    ],
)
def test_any_other_competition_keeps_the_ratings_as_they_are(teams: list[Team]) -> None:
    assert RATINGS.domestic_view(teams) is RATINGS
    assert RATINGS.rating(AMATEURS).basis is Basis.COUNTRY


def test_a_tie_between_two_clubs_of_one_country_is_forecast_as_in_its_cup() -> None:
    """Report, check, the service and ``forecast --tie`` read a tie's rates from ``leg_rates``:
    a cup tie of an unseen club against a known one uses the floor, a European tie does not."""
    day = dt.date(2020, 3, 3)
    cup = Tie("Quarterfinals", (Match(day, AMATEURS, Team("Fortuna Düsseldorf", "GER")),))
    (rates,) = leg_rates(cup, RATINGS)
    assert rates.home.basis is Basis.FLOOR
    europe = Tie("Round of 16", (Match(day, AMATEURS, Team("Real Madrid", "ESP")),))
    (rates,) = leg_rates(europe, RATINGS)
    assert rates.home.basis is Basis.COUNTRY
    assert RATINGS.domestic_view([AMATEURS]) is RATINGS.domestic_view([BAYERN])  # remembered
