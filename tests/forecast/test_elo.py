"""World Football Elo: updates reproduce values worked out by hand from the published formula."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday.forecast.elo import (
    START,
    EloMatch,
    Weight,
    expected_result,
    goal_index,
    run_elo,
    tournament_weight,
    update,
)
from matchday.model import Team


def test_goal_index_follows_the_published_table() -> None:
    assert [goal_index(n) for n in (0, 1, -1, 2, 3, 4, 5, 7)] == [
        1.0,
        1.0,
        1.0,
        1.5,
        1.75,
        1.875,
        2.0,
        2.25,
    ]


def test_k_by_tournament() -> None:
    assert tournament_weight("FIFA World Cup") is Weight.WORLD_CUP
    assert tournament_weight("UEFA Euro") is Weight.CONTINENTAL
    assert tournament_weight("Copa América") is Weight.CONTINENTAL
    assert tournament_weight("Confederations Cup") is Weight.CONTINENTAL
    assert tournament_weight("FIFA World Cup qualification") is Weight.QUALIFIER
    assert tournament_weight("UEFA Euro qualification") is Weight.QUALIFIER
    assert tournament_weight("UEFA Nations League") is Weight.QUALIFIER
    assert tournament_weight("COSAFA Cup") is Weight.OTHER_TOURNAMENT
    assert tournament_weight("Friendly") is Weight.FRIENDLY
    assert [int(w) for w in Weight] == [60, 50, 40, 30, 20]


def test_expected_result() -> None:
    # We = 1 / (10^(-dr/400) + 1): 0.5 level, 0.64007 at +100, 0.75975 at +200.
    assert expected_result(0) == 0.5
    assert expected_result(100) == pytest.approx(0.640065, abs=1e-6)
    assert expected_result(200) == pytest.approx(0.759747, abs=1e-6)
    assert expected_result(-200) == pytest.approx(1 - 0.759747, abs=1e-6)


def test_home_win_by_two_at_a_world_cup() -> None:
    # 1500 v 1500 at home: dr = 100, We = 0.640065; K 60, G 1.5: 60·1.5·(1 - 0.640065) = 32.394.
    home, away = update(1500, 1500, 2, 0, 60, at_home=True)
    assert home == pytest.approx(1532.394, abs=1e-3)
    assert away == pytest.approx(1467.606, abs=1e-3)


def test_draw_on_neutral_ground_in_a_friendly() -> None:
    # 1800 v 1600 neutral: dr = 200, We = 0.759747; K 20, G 1: 20·(0.5 - 0.759747) = -5.195.
    home, away = update(1800, 1600, 1, 1, 20, at_home=False)
    assert home == pytest.approx(1794.805, abs=1e-3)
    assert away == pytest.approx(1605.195, abs=1e-3)


def test_heavy_home_defeat_in_a_qualifier() -> None:
    # 1700 v 1650 at home, 0-5: dr = 150, We = 1/(10^-0.375 + 1) = 0.703386;
    # K 40, G 1.75 + 2/8 = 2: 40·2·(0 - 0.703386) = -56.271.
    home, away = update(1700, 1650, 0, 5, 40, at_home=True)
    assert home == pytest.approx(1643.729, abs=1e-3)
    assert away == pytest.approx(1706.271, abs=1e-3)


def test_a_shootout_is_a_draw() -> None:
    assert update(1600, 1500, 2, 2, 50, at_home=False, shootout=True) == update(
        1600, 1500, 2, 2, 50, at_home=False
    )


def test_run_in_date_order_from_the_start_rating() -> None:
    a, b, c = Team("A"), Team("B"), Team("C")
    day = dt.date(2020, 1, 1)
    later = EloMatch(day + dt.timedelta(days=1), a, c, 1, 0, "Friendly", at_home=False)
    first = EloMatch(day, a, b, 2, 0, "FIFA World Cup", at_home=True)
    elo = run_elo([later, first])
    assert elo.before[0].tolist() == [START, START]
    assert elo.after[0] == pytest.approx([1532.394, 1467.606], abs=1e-3)
    # then A (1532.394) beats C (1500) by one on neutral ground: dr = 32.394,
    # We = 1/(10^(-32.394/400) + 1) = 0.546484; 20·(1 - 0.546484) = 9.070.
    assert elo.rating(a) == pytest.approx(1541.464, abs=1e-3)
    assert elo.rating(c) == pytest.approx(1490.930, abs=1e-3)
    assert elo.rating(Team("nobody")) == START
    assert elo.matches[a] == 2
