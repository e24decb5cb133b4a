"""Golden and silver goal: the law of extra time, against its closed form computed here and a
seeded Monte Carlo of the rule, and every tie forecast path laid out under it."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from numpy.typing import NDArray

from matchday.forecast.before import distribution, mixed_distribution
from matchday.forecast.extra_time import extra_time_law
from matchday.forecast.scores import ScoreGrid
from matchday.forecast.through import through_probability
from matchday.forecast.tie import LegRates, forecast_tie, mixed_deciding_leg
from matchday.live import state_at, time_left
from matchday.model import Match, Score, Team, Tie
from matchday.rules import ExtraTime, Rules, preset

GOLDEN = preset("golden-goal")
SILVER = preset("silver-goal")
SUDDEN = [GOLDEN, SILVER]
STANDARD = preset("extra-time-penalties")
RATES = LegRates(1.3, 1.1)
FRANCE, PARAGUAY = Team("France", "FRA"), Team("Paraguay", "PAR")
FINAL = Tie("Round of 16", (Match(dt.date(1998, 6, 28), FRANCE, PARAGUAY),), 1)
ET = 30 / 90
"""Extra time as a share of a match's goal rates."""


def poisson(rate: float, k: int) -> float:
    return math.exp(-rate) * rate**k / math.factorial(k)


def golden_closed_form(a: float, b: float) -> dict[Score, float]:
    """The golden goal's law written out: the first goal ends extra time."""
    t = a + b
    return {
        Score(1, 0): a / t * (1 - math.exp(-t)),
        Score(0, 1): b / t * (1 - math.exp(-t)),
        Score(0, 0): math.exp(-t),
    }


def silver_closed_form(a: float, b: float, size: int = 12) -> dict[Score, float]:
    """The silver goal's law written out: a lead after the first half (a/2, b/2) ends it, a
    level first half is followed by the second and the total decides."""
    law: dict[Score, float] = {}
    for h in range(size):
        for g in range(size):
            first = poisson(a / 2, h) * poisson(b / 2, g)
            if h != g:
                law[Score(h, g)] = law.get(Score(h, g), 0.0) + first
                continue
            for h2 in range(size - h):
                for g2 in range(size - g):
                    total = Score(h + h2, g + g2)
                    more = poisson(a / 2, h2) * poisson(b / 2, g2)
                    law[total] = law.get(total, 0.0) + first * more
    return law


def simulate(rule: ExtraTime, a: float, b: float, n: int, seed: int) -> dict[Score, float]:
    """Monte Carlo of the rule from goal times: each side's goals a Poisson process over the 30
    minutes (rates a, b per 30 minutes); the rule cuts extra time where it ends."""
    rng = np.random.default_rng(seed)
    counts: dict[Score, int] = {}
    for _ in range(n):
        home = np.sort(rng.uniform(0, 30, rng.poisson(a)))
        away = np.sort(rng.uniform(0, 30, rng.poisson(b)))
        if rule is ExtraTime.GOLDEN_GOAL:
            first_home = home[0] if home.size else math.inf
            first_away = away[0] if away.size else math.inf
            score = Score(int(first_home < first_away), int(first_away < first_home))
        else:
            h1, a1 = int((home < 15).sum()), int((away < 15).sum())
            score = Score(h1, a1) if h1 != a1 else Score(home.size, away.size)
        counts[score] = counts.get(score, 0) + 1
    return {score: c / n for score, c in counts.items()}


def _as_dict(grid: NDArray[np.float64]) -> dict[Score, float]:
    return {
        Score(int(h), int(a)): float(grid[h, a]) for h, a in zip(*np.nonzero(grid), strict=True)
    }


@pytest.mark.parametrize(("a", "b"), [(0.45, 0.35), (1.2, 0.3), (0.05, 0.6)])
def test_the_golden_goal_law_is_its_closed_form(a: float, b: float) -> None:
    law = _as_dict(extra_time_law(a, b, ExtraTime.GOLDEN_GOAL, 8))
    expected = golden_closed_form(a, b)
    assert set(law) == set(expected)  # only 1-0, 0-1 and 0-0
    for score, p in expected.items():
        assert law[score] == pytest.approx(p, abs=1e-14)


@pytest.mark.parametrize(("a", "b"), [(0.45, 0.35), (1.2, 0.3)])
def test_the_silver_goal_law_is_its_closed_form(a: float, b: float) -> None:
    law = extra_time_law(a, b, ExtraTime.SILVER_GOAL, 12)
    for score, p in silver_closed_form(a, b).items():
        assert law[score.home, score.away] == pytest.approx(p, abs=1e-13)
    assert law.sum() == pytest.approx(1, abs=1e-9)


@pytest.mark.parametrize("rule", [ExtraTime.GOLDEN_GOAL, ExtraTime.SILVER_GOAL])
def test_each_law_agrees_with_a_monte_carlo_of_its_rule(rule: ExtraTime) -> None:
    a, b, n = 0.55, 0.4, 40_000
    law = extra_time_law(a, b, rule, 12)
    seen = simulate(rule, a, b, n, seed=1998)
    for h in range(4):
        for g in range(4):
            p = float(law[h, g])
            se = math.sqrt(max(p * (1 - p), 1e-6) / n)
            assert seen.get(Score(h, g), 0.0) == pytest.approx(p, abs=5 * se)


def test_a_silver_goal_lies_between_a_golden_goal_and_thirty_minutes() -> None:
    """P(no winner in extra time): the golden goal ends it at any goal, the silver goal at a
    lead at half-time, 30 minutes only at a lead at the end."""
    level = [float(np.trace(extra_time_law(0.5, 0.4, kind, 12))) for kind in ExtraTime if kind]
    thirty, golden, silver = level
    assert golden < silver < thirty


def _single(rules: Rules, rates: LegRates = RATES, rho: float = -0.05) -> dict[str, float]:
    """P(team 1 through) and P(penalties) of a single match written out: 90 minutes (the score
    grid), then extra time by the closed form of its rule."""
    grid = ScoreGrid.poisson(rates.home, rates.away, rho).p
    win = float(np.tril(grid, -1).sum())
    draw = float(np.trace(grid))
    a, b = rates.home * ET, rates.away * ET
    law = golden_closed_form(a, b) if rules is GOLDEN else silver_closed_form(a, b)
    et_win = sum(p for s, p in law.items() if s.home > s.away)
    level = sum(p for s, p in law.items() if s.home == s.away)
    return {"team1": win + draw * (et_win + level / 2), "penalties": draw * level}


@pytest.mark.parametrize("rules", SUDDEN, ids=lambda r: r.name)
def test_a_single_match_is_forecast_under_its_rule(rules: Rules) -> None:
    forecast = forecast_tie(RATES, None, rules, rho=-0.05)
    expected = _single(rules)
    assert forecast.team1_through == pytest.approx(expected["team1"], abs=1e-9)
    assert forecast.penalties == pytest.approx(expected["penalties"], abs=1e-9)
    assert forecast.team1_through + forecast.team2_through == pytest.approx(1, abs=1e-12)


def test_the_golden_goal_adds_one_goal_at_most() -> None:
    """Every tie won in extra time is won by one goal from a level 90 minutes."""
    p = forecast_tie(RATES, None, GOLDEN).p
    won_in_extra_time = p[:, :, 1, :2].sum(axis=2)  # ending: extra time; a winner
    g1, g2 = np.nonzero(won_in_extra_time > 0)
    assert (np.abs(g1 - g2) == 1).all()


@pytest.mark.parametrize("rules", SUDDEN, ids=lambda r: r.name)
def test_two_legs_before_between_and_through_agree(rules: Rules) -> None:
    """Before the first leg (the tables), score by score over the first leg (between the legs)
    and ``through_probability`` lay out the same tie."""
    first, second = LegRates(1.4, 1.0), LegRates(1.3, 1.2)
    before = forecast_tie(first, second, rules, rho=-0.05)
    grid = ScoreGrid.poisson(first.home, first.away, -0.05).p
    between = sum(
        float(grid[h, a])
        * forecast_tie(
            first, second, rules, rho=-0.05, first_leg=Score(int(h), int(a))
        ).team1_through
        for h, a in zip(*np.nonzero(grid > 1e-12), strict=True)
    )
    assert before.team1_through == pytest.approx(between, abs=1e-9)
    assert through_probability(first, second, rules, -0.05) == pytest.approx(between, abs=1e-9)
    assert before.team1_through + before.team2_through == pytest.approx(1, abs=1e-12)


@pytest.mark.parametrize("rules", SUDDEN, ids=lambda r: r.name)
def test_the_mixtures_are_the_mean_of_their_scenarios(rules: Rules) -> None:
    """The ratings' uncertainty (``forecast.uncertainty``): one pass over the verdicts equals
    the weighted mean of the scenarios' own forecasts."""
    home, away, weight = np.array([1.1, 1.6]), np.array([1.2, 0.7]), np.array([0.3, 0.7])
    mixed = mixed_deciding_leg(None, home, away, weight, rules, -0.05).p.sum(axis=(0, 1))
    scenarios = [
        forecast_tie(LegRates(h, a), None, rules, rho=-0.05)
        for h, a in zip(home, away, strict=True)
    ]
    mean = sum(w * f.p.sum(axis=(0, 1)) for w, f in zip(weight, scenarios, strict=True))
    assert mixed == pytest.approx(mean, abs=1e-9)
    f1, w1, f2, w2 = np.array([0.8, 1.25]), np.array([0.5, 0.5]), np.array([1.1]), np.array([1.0])
    legs = (1.4, 1.0), (1.3, 1.2)
    two = mixed_distribution(*legs, (f1, f2), (w1, w2), rules, -0.05)
    each = sum(
        w * distribution((1.4 * f, 1.0 * 1.1), (1.3 * 1.1, 1.2 * f), rules, -0.05)
        for f, w in zip(f1, w1, strict=True)
    )
    assert two == pytest.approx(each, abs=1e-9)


def _in_play(rules: Rules, score: Score, minute: int) -> tuple[float, float, float]:
    """(P(team 1 through), P(penalties), share of the match's rates left) at ``minute`` of
    extra time from 1-1 after 90 minutes."""
    state = state_at(FINAL, rules, score, minute, after_90=Score(1, 1))
    (_, share), *more = time_left(state)
    assert not more  # extra time's added time: one minute, no law to average over
    forecast = forecast_tie(RATES, None, rules, moment=state)
    assert forecast.team1_through + forecast.team2_through == pytest.approx(1, abs=1e-12)
    return forecast.team1_through, forecast.penalties, share


@pytest.mark.parametrize("minute", [91, 100, 112])
def test_in_play_a_golden_goal_is_still_to_come(minute: int) -> None:
    through, penalties, share = _in_play(GOLDEN, Score(1, 1), minute)
    law = golden_closed_form(RATES.home * share, RATES.away * share)
    assert penalties == pytest.approx(law[Score(0, 0)], abs=1e-12)
    assert through == pytest.approx(law[Score(1, 0)] + law[Score(0, 0)] / 2, abs=1e-12)


def test_after_the_golden_goal_the_tie_is_over() -> None:
    through, penalties, _ = _in_play(GOLDEN, Score(1, 2), 100)
    assert (through, penalties) == (0.0, 0.0)


@pytest.mark.parametrize(
    ("score", "minute"), [(Score(1, 1), 95), (Score(2, 1), 100), (Score(1, 1), 110)]
)
def test_in_play_a_silver_goal_ends_extra_time_at_a_lead_at_half_time(
    score: Score, minute: int
) -> None:
    through, penalties, share = _in_play(SILVER, score, minute)
    half = 15 / 90
    a, b = RATES.home, RATES.away
    lead = score.minus(Score(1, 1))
    if minute > 105:  # the second half: the total decides
        s1 = [(Score(0, 0), 1.0)]
        s2 = share
    else:
        s1 = [
            (Score(h, g), poisson(a * (share - half), h) * poisson(b * (share - half), g))
            for h in range(12)
            for g in range(12)
        ]
        s2 = half
    win = level = 0.0
    for more, p in s1:
        at_half = Score(lead.home + more.home, lead.away + more.away)
        if minute <= 105 and at_half.home != at_half.away:
            win += p * (at_half.home > at_half.away)
            continue
        for h in range(12):
            for g in range(12):
                q = p * poisson(a * s2, h) * poisson(b * s2, g)
                end = Score(at_half.home + h, at_half.away + g)
                win += q * (end.home > end.away)
                level += q * (end.home == end.away)
    assert penalties == pytest.approx(level, abs=1e-9)
    assert through == pytest.approx(win + level / 2, abs=1e-9)


def test_thirty_minutes_keep_their_law() -> None:
    """The standard extra time: nothing changed (independent Poisson over 30 minutes)."""
    forecast = forecast_tie(RATES, None, STANDARD, rho=-0.05)
    grid = ScoreGrid.poisson(RATES.home, RATES.away, -0.05).p
    et = ScoreGrid.poisson(RATES.home * ET, RATES.away * ET).p
    draw = float(np.trace(grid))
    expected = float(np.tril(grid, -1).sum()) + draw * (
        float(np.tril(et, -1).sum()) + float(np.trace(et)) / 2
    )
    assert forecast.team1_through == pytest.approx(expected, abs=1e-9)
