"""National-team ratings recover the strengths that generated the data, and never look ahead."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math

import numpy as np
import pytest

from matchday.forecast.national import (
    InternationalResult,
    NationalSettings,
    NationalTable,
    fit_national,
)
from matchday.model import Team

START = dt.date(2015, 1, 1)
HOME = 0.35
"""Home advantage of the simulated competitive matches (log goals)."""
AGAINST = 0.2
"""How much less the visitors score at a home match than on neutral ground (log goals)."""


def _simulated(seed: int = 3) -> tuple[list[InternationalResult], dict[Team, tuple[float, float]]]:
    """Twelve teams, six double round robins (home and away), and a neutral-ground
    tournament a year, with goals drawn from known strengths."""
    rng = np.random.default_rng(seed)
    truth = {Team(f"Nation {i}"): (rng.normal(0, 0.4), rng.normal(0, 0.4)) for i in range(12)}
    teams = list(truth)
    matches = []
    day = START
    for year in range(6):
        for home, away in itertools.permutations(teams, 2):
            day += dt.timedelta(days=1)
            matches.append(_play(rng, truth, home, away, day, neutral=False))
        for home, away in itertools.combinations(teams[year:], 2):
            day += dt.timedelta(days=1)
            matches.append(_play(rng, truth, home, away, day, neutral=True))
    return matches, truth


def _play(
    rng: np.random.Generator,
    truth: dict[Team, tuple[float, float]],
    home: Team,
    away: Team,
    day: dt.date,
    *,
    neutral: bool,
) -> InternationalResult:
    (att_h, def_h), (att_a, def_a) = truth[home], truth[away]
    lam = math.exp(0.2 + (0 if neutral else HOME) + att_h - def_a)
    mu = math.exp(0.2 - (0 if neutral else AGAINST) + att_a - def_h)
    return InternationalResult(
        day,
        home,
        away,
        int(rng.poisson(lam)),
        int(rng.poisson(mu)),
        "FIFA World Cup qualification",
        "somewhere",
        "somewhere",
        neutral,
    )


SETTINGS = NationalSettings(xi=0.0, spread=3.0, novice_matches=0)


def test_fit_recovers_the_strengths_and_the_home_advantage() -> None:
    matches, truth = _simulated()
    table = NationalTable.from_results(matches)
    as_of = matches[-1].date + dt.timedelta(days=1)
    ratings = fit_national(table, as_of, SETTINGS)
    assert ratings.home_european == pytest.approx(HOME, abs=0.08)
    assert ratings.home_european_against == pytest.approx(AGAINST, abs=0.08)
    attack = np.array([ratings.rating(t).attack for t in truth])
    defence = np.array([ratings.rating(t).defence for t in truth])
    true_attack = np.array([a for a, _ in truth.values()])
    true_defence = np.array([d for _, d in truth.values()])
    # the goal level is identified with the mean attack and defence, not apart from them
    assert ratings.intercept + attack.mean() - defence.mean() == pytest.approx(
        0.2 + true_attack.mean() - true_defence.mean(), abs=0.1
    )
    fitted = np.array([ratings.rating(t).attack - ratings.rating(t).defence for t in truth])
    true = np.array([a - d for a, d in truth.values()])
    # strengths are identified up to a shift of attack and defence together
    assert np.corrcoef(fitted, true)[0, 1] > 0.9
    assert np.abs((attack - attack.mean()) - (true_attack - true_attack.mean())).max() < 0.25


def test_no_home_advantage_on_neutral_ground() -> None:
    matches, _ = _simulated()
    ratings = fit_national(NationalTable.from_results(matches), dt.date(2030, 1, 1), SETTINGS)
    a, b = Team("Nation 0"), Team("Nation 1")
    at_home = ratings.expected(a, b)
    neutral = ratings.expected(a, b, neutral=True)
    assert at_home.home_goals == pytest.approx(neutral.home_goals * math.exp(HOME), rel=0.1)
    assert at_home.away_goals == pytest.approx(neutral.away_goals * math.exp(-AGAINST), rel=0.1)
    assert at_home.away_goals < neutral.away_goals
    swapped = ratings.expected(b, a, neutral=True)
    assert (swapped.home_goals, swapped.away_goals) == pytest.approx(
        (neutral.away_goals, neutral.home_goals)
    )


def test_friendlies_weigh_less_and_have_a_home_advantage_of_their_own() -> None:
    matches, _ = _simulated()
    friendlies = [dataclasses.replace(m, tournament="Friendly") for m in matches]
    ratings = fit_national(NationalTable.from_results(friendlies), dt.date(2030, 1, 1), SETTINGS)
    assert ratings.home_domestic == pytest.approx(HOME, abs=0.08)
    assert ratings.home_domestic_against == pytest.approx(AGAINST, abs=0.08)
    table = NationalTable.from_results(matches)
    assert table.competitive.all()
    assert not NationalTable.from_results(friendlies).competitive.any()


def test_a_fit_refuses_results_on_or_after_its_date() -> None:
    matches, _ = _simulated()
    table = NationalTable.from_results(matches)
    with pytest.raises(ValueError, match="look-ahead"):
        fit_national(table, matches[-1].date, SETTINGS)


def test_changing_a_later_result_changes_nothing_before_it() -> None:
    matches, _ = _simulated()
    as_of = matches[200].date
    changed = list(matches)
    changed[300] = dataclasses.replace(changed[300], home_goals=9, away_goals=0)
    fits = [
        fit_national(NationalTable.from_results(m).before(as_of), as_of) for m in (matches, changed)
    ]
    assert np.array_equal(fits[0].attack, fits[1].attack)
    assert np.array_equal(fits[0].defence, fits[1].defence)
    earlier = list(matches)
    earlier[100] = dataclasses.replace(earlier[100], home_goals=9, away_goals=0)
    moved = fit_national(NationalTable.from_results(earlier).before(as_of), as_of)
    assert not np.array_equal(fits[0].attack, moved.attack)


def test_a_warm_start_reaches_the_same_fit() -> None:
    matches, _ = _simulated()
    table = NationalTable.from_results(matches)
    early, late = dt.date(2019, 1, 1), matches[-1].date + dt.timedelta(days=1)
    cold = fit_national(table, late)
    warm = fit_national(table, late, start=fit_national(table.before(early), early))
    # both stop at the optimiser's tolerance, which leaves ~1e-3 of play in the ratings
    assert warm.attack == pytest.approx(cold.attack, abs=2.5e-3)
    assert warm.log_likelihood == pytest.approx(cold.log_likelihood, abs=1e-3)
    assert warm.iterations < cold.iterations


def test_extra_time_goals_are_left_out_of_the_90_minutes() -> None:
    match = InternationalResult(
        dt.date(2022, 12, 18),
        Team("Argentina"),
        Team("France"),
        3,
        3,
        "FIFA World Cup",
        "Lusail",
        "Qatar",
        True,
        (1, 1),
        Team("Argentina"),
    )
    assert match.regular_time == (2, 2)
    assert match.competitive
    table = NationalTable.from_results([match])
    assert (int(table.results.home_goals[0]), int(table.results.away_goals[0])) == (2, 2)
    elo = match.elo()
    assert (elo.home_goals, elo.away_goals, elo.shootout, elo.at_home) == (3, 3, True, False)
