"""Exact tie probabilities: sums, monotonicity, the end of regular time, and Monte Carlo."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchday.forecast.tie import LegRates, forecast_tie
from matchday.live import EventKind, MatchEvent, MatchState, apply, state_at
from matchday.model import Match, Score, Tie
from matchday.rules import UEFA_2021, UEFA_CLASSIC, Rules, settle_two_legs
from tests.factories import AWAY, FIRST_DATE, HOME, SECOND_DATE

FIRST = LegRates(1.6, 1.1)
SECOND = LegRates(1.5, 1.2)

GOALLESS = Score(0, 0)

rates = st.floats(min_value=0.2, max_value=3.5)
scores = st.builds(Score, st.integers(0, 4), st.integers(0, 4))


def _second_leg(
    leg: int,
    score: Score,
    minute: int,
    red_cards: tuple[int, int] = (0, 0),
    *,
    added: int = 0,
    rules: Rules = UEFA_CLASSIC,
    first_leg: Score = GOALLESS,
) -> MatchState:
    """The second leg (``leg`` is 2) at ``score`` at ``minute``+``added``, ``red_cards`` sent
    off; the forecast takes the first leg's score as its own argument."""
    assert leg == 2
    first = Match(FIRST_DATE, HOME, AWAY, first_leg)
    tie = Tie("R", (first, Match(SECOND_DATE, AWAY, HOME)))
    return state_at(tie, rules, score, minute, added, red_cards=red_cards)


@settings(max_examples=30, deadline=None)
@given(rates, rates, rates, rates, st.sampled_from([UEFA_CLASSIC, UEFA_2021]), scores)
def test_probabilities_sum_to_one(
    h1: float, a1: float, h2: float, a2: float, rules: Rules, first_leg: Score
) -> None:
    forecast = forecast_tie(LegRates(h1, a1), LegRates(h2, a2), rules, first_leg=first_leg)
    assert forecast.team1_through + forecast.team2_through == pytest.approx(1, abs=1e-9)
    assert forecast.aggregate.sum() == pytest.approx(1, abs=1e-9)
    assert 0 <= forecast.penalties <= forecast.extra_time <= 1


def test_before_the_first_leg_sums_to_one() -> None:
    forecast = forecast_tie(FIRST, SECOND, UEFA_CLASSIC, rho=-0.05)
    assert forecast.team1_through + forecast.team2_through == pytest.approx(1, abs=1e-9)


@pytest.mark.parametrize("rules", [UEFA_CLASSIC, UEFA_2021])
def test_a_three_goal_lead_is_worth_more_than_one(rules: Rules) -> None:
    one = forecast_tie(FIRST, SECOND, rules, first_leg=Score(1, 0))
    three = forecast_tie(FIRST, SECOND, rules, first_leg=Score(3, 0))
    assert three.team1_through > one.team1_through > 0.5


@pytest.mark.parametrize(
    ("rules", "second_leg", "extra_time_follows"),
    [
        (UEFA_2021, Score(0, 0), False),  # team 1 through 1-0 on aggregate
        (UEFA_2021, Score(2, 0), False),  # team 2 through 2-1
        (UEFA_2021, Score(1, 0), True),  # 1-1: extra time
        (UEFA_CLASSIC, Score(2, 1), False),  # 2-2, team 1 through on away goals
        (UEFA_CLASSIC, Score(1, 0), True),  # 1-1, no away goals either way: extra time
    ],
)
def test_at_the_final_whistle_the_tie_is_decided_unless_extra_time_follows(
    rules: Rules, second_leg: Score, extra_time_follows: bool
) -> None:
    moment = apply(_second_leg(2, second_leg, 90, rules=rules), MatchEvent(EventKind.FULL_TIME))
    forecast = forecast_tie(FIRST, SECOND, rules, first_leg=Score(1, 0), moment=moment)
    if extra_time_follows:
        assert forecast.extra_time == pytest.approx(1)
        assert 0 < forecast.team1_through < 1
    else:
        assert forecast.team1_through in (pytest.approx(0, abs=1e-12), pytest.approx(1))
        assert forecast.extra_time == 0


def test_added_time_still_to_play_leaves_the_trailing_side_a_chance() -> None:
    """Team 1 (away in leg 2) won the first leg 1-0 and is 2-0 down at 90': one goal takes the
    tie (2-2, away goal). Until the whistle the added time is still to play: a chance strictly
    between 0 and 1 that falls as the added minutes pass; at the whistle, none."""
    chances = []
    for added in range(16):
        moment = _second_leg(2, Score(2, 0), 90, added=added, first_leg=Score(1, 0))
        forecast = forecast_tie(FIRST, SECOND, UEFA_CLASSIC, first_leg=Score(1, 0), moment=moment)
        chances.append(forecast.team1_through)
    assert all(0 < p < 1 for p in chances)
    assert chances == sorted(chances, reverse=True)
    assert chances[0] > chances[3] > chances[9]  # 90', 90+3', 90+9': strictly less
    over = apply(moment, MatchEvent(EventKind.FULL_TIME))
    ended = forecast_tie(FIRST, SECOND, UEFA_CLASSIC, first_leg=Score(1, 0), moment=over)
    assert ended.team1_through == 0


def test_a_red_card_hurts_the_side_that_gets_it() -> None:
    level = _second_leg(2, Score(1, 1), 60)
    down = _second_leg(2, Score(1, 1), 60, red_cards=(1, 0))  # team 2 (home in leg 2) down a man
    base = forecast_tie(FIRST, SECOND, UEFA_2021, first_leg=Score(1, 1), moment=level)
    worse = forecast_tie(FIRST, SECOND, UEFA_2021, first_leg=Score(1, 1), moment=down)
    assert worse.team2_through < base.team2_through


def _simulate(rules: Rules, first_leg: Score, moment: MatchState, samples: int) -> float:
    """P(team 1 through) by playing the rest of the tie ``samples`` times."""
    rng = np.random.default_rng(20180222)
    left = (90 - moment.minute) / 90
    home = moment.score.home + rng.poisson(SECOND.home * left, samples)
    away = moment.score.away + rng.poisson(SECOND.away * left, samples)
    extra_home = rng.poisson(SECOND.home / 3, samples)
    extra_away = rng.poisson(SECOND.away / 3, samples)
    coin = rng.random(samples) < 0.5
    wins = 0
    for i in range(samples):
        second = Score(int(home[i]), int(away[i]))
        verdict = settle_two_legs(first_leg, second, rules)
        if verdict.winner is None and verdict.awaiting is not None:
            after = Score(second.home + int(extra_home[i]), second.away + int(extra_away[i]))
            verdict = settle_two_legs(first_leg, second, rules, second_extra_time=after)
        wins += verdict.winner == 1 if verdict.winner is not None else bool(coin[i])
    return wins / samples


@pytest.mark.parametrize(
    ("rules", "first_leg", "moment"),
    [
        (UEFA_CLASSIC, Score(3, 2), _second_leg(2, Score(1, 0), 11)),  # Atalanta-Dortmund, 11'
        (UEFA_CLASSIC, Score(0, 0), _second_leg(2, Score(0, 0), 0)),
        (UEFA_2021, Score(1, 2), _second_leg(2, Score(0, 0), 45)),
    ],
)
def test_exact_probability_agrees_with_monte_carlo(
    rules: Rules, first_leg: Score, moment: MatchState
) -> None:
    samples = 40_000
    exact = forecast_tie(FIRST, SECOND, rules, first_leg=first_leg, moment=moment).team1_through
    simulated = _simulate(rules, first_leg, moment, samples)
    error = (exact * (1 - exact) / samples) ** 0.5
    assert abs(simulated - exact) < 4 * error + 1e-9
