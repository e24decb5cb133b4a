"""Fitting recovers the strengths that generated the data, and never looks ahead."""

from __future__ import annotations

import datetime as dt
import itertools
import math

import numpy as np
import pytest

from matchday.forecast.fit import FitSettings, behind_closed_doors, fit, results_before
from matchday.forecast.ratings import Basis
from matchday.forecast.results import Result, ResultTable
from matchday.model import Team

START = dt.date(2020, 8, 1)


def _simulated_league(seed: int = 7) -> tuple[list[Result], dict[Team, tuple[float, float]]]:
    """Two countries of 10 clubs each, four double round robins, and cross-border matches,
    with goals drawn from known attack/defence strengths."""
    rng = np.random.default_rng(seed)
    truth: dict[Team, tuple[float, float]] = {}
    for country, level in (("AAA", 0.3), ("BBB", -0.3)):
        for i in range(10):
            truth[Team(f"{country} club {i}", country)] = (
                level + rng.normal(0, 0.3),
                level + rng.normal(0, 0.3),
            )
    results = []
    day = START
    teams = list(truth)
    for _ in range(4):
        for home, away in itertools.permutations(teams, 2):
            european = home.country != away.country
            if european and rng.random() > 0.3:
                continue
            (att_h, def_h), (att_a, def_a) = truth[home], truth[away]
            lam = math.exp(0.1 + 0.25 + att_h - def_a)
            mu = math.exp(0.1 + att_a - def_h)
            results.append(
                Result(day, home, away, int(rng.poisson(lam)), int(rng.poisson(mu)), european)
            )
            day += dt.timedelta(days=1) if rng.random() < 0.2 else dt.timedelta(0)
    return results, truth


def test_fitting_recovers_known_strengths() -> None:
    results, truth = _simulated_league()
    table = ResultTable.from_results(results)
    ratings = fit(table, max(r.date for r in results) + dt.timedelta(days=1), FitSettings(xi=0))
    teams = list(truth)
    fitted = [ratings.rating(t) for t in teams]
    true_strength = [truth[t][0] + truth[t][1] for t in teams]
    fitted_strength = [r.attack + r.defence for r in fitted]
    assert np.corrcoef(true_strength, fitted_strength)[0, 1] > 0.9
    assert ratings.home_european == pytest.approx(0.25, abs=0.1)
    strength = ratings.country_attack + ratings.country_defence
    levels = dict(zip(ratings.countries, strength, strict=True))
    assert levels["AAA"] - levels["BBB"] == pytest.approx(1.2, abs=0.35)


def test_plain_fit_matches_the_textbook_model() -> None:
    results, _ = _simulated_league(seed=3)
    table = ResultTable.from_results(results)
    as_of = max(r.date for r in results) + dt.timedelta(days=1)
    plain = fit(table, as_of, FitSettings(xi=0, plain=True))
    shrunk = fit(table, as_of, FitSettings(xi=0))
    # The unpenalised fit maximises the likelihood; priors give some of it up.
    assert plain.log_likelihood >= shrunk.log_likelihood
    assert plain.countries == ("?",)


def test_a_club_without_results_gets_its_country_level() -> None:
    results, _ = _simulated_league()
    ratings = fit(ResultTable.from_results(results), dt.date(2030, 1, 1))
    newcomer = ratings.rating(Team("New club", "BBB"))
    assert newcomer.basis is Basis.COUNTRY
    assert newcomer.matches == 0
    country_level = float(ratings.country_attack[1])
    assert newcomer.attack == pytest.approx(country_level + ratings.newcomer)
    assert "newcomer" in newcomer.explanation
    known = ratings.rating(Team("AAA club 0", "AAA"))
    assert known.basis is Basis.FITTED
    assert known.matches > 50
    assert ratings.rating(Team("Somebody", "ZZZ")).basis is Basis.AVERAGE


def test_fitting_refuses_to_look_ahead() -> None:
    results, _ = _simulated_league()
    table = ResultTable.from_results(results)
    with pytest.raises(ValueError, match="look-ahead"):
        fit(table, START)
    earlier = table.before(START + dt.timedelta(days=30))
    assert len(earlier) < len(table)
    assert int(earlier.day.max()) < (START + dt.timedelta(days=30)).toordinal()


def test_results_before_counts_each_sides_earlier_matches() -> None:
    a, b, c = Team("A", "AAA"), Team("B", "AAA"), Team("C", "AAA")
    day = dt.date(2021, 1, 1)
    rows = [
        Result(day + dt.timedelta(days=i), h, w, 1, 0)
        for i, (h, w) in enumerate([(a, b), (b, c), (a, c), (c, a)])
    ]
    home, away = results_before(ResultTable.from_results(rows))
    assert list(home) == [0, 1, 1, 2]
    assert list(away) == [0, 0, 1, 2]


def test_matches_behind_closed_doors_can_have_their_own_home_advantage() -> None:
    rng = np.random.default_rng(5)
    teams = [Team(f"Club {i}", "AAA") for i in range(8)]
    results = []
    day = dt.date(2019, 8, 1)
    while day < dt.date(2022, 6, 1):
        closed = behind_closed_doors(day)
        advantage = 0.0 if closed else 0.4
        for k in range(4):
            home, away = teams[2 * k], teams[2 * k + 1]
            if rng.random() < 0.5:
                home, away = away, home
            results.append(
                Result(
                    day,
                    home,
                    away,
                    int(rng.poisson(math.exp(0.2 + advantage))),
                    int(rng.poisson(math.exp(0.2))),
                )
            )
        rng.shuffle(teams)
        day += dt.timedelta(days=3)
    table = ResultTable.from_results(results)
    ratings = fit(table, dt.date(2022, 6, 1), FitSettings(xi=0, closed_doors=True))
    assert ratings.home_domestic == pytest.approx(0.4, abs=0.1)
    assert ratings.home_domestic_closed == pytest.approx(0.0, abs=0.12)
    one_advantage = fit(table, dt.date(2022, 6, 1), FitSettings(xi=0))
    assert one_advantage.home_domestic < ratings.home_domestic


def test_the_objective_gradient_holds_with_national_strengths() -> None:
    from scipy.optimize import approx_fprime

    from matchday.forecast.fit import _design, _objective

    results, _ = _simulated_league(seed=5)
    table = ResultTable.from_results(results[:300])
    as_of = max(r.date for r in results[:300]) + dt.timedelta(days=1)
    d = _design(table, as_of, FitSettings(), {"AAA": 0.4, "BBB": -0.4, "CCC": -1.0})
    theta = np.random.default_rng(1).normal(0, 0.2, d.size)
    theta[3] = 0.05
    numeric = approx_fprime(theta, lambda t: _objective(t, d)[0], 1e-6)
    assert np.allclose(_objective(theta, d)[1], numeric, rtol=1e-4, atol=1e-3)


def test_a_country_never_seen_gets_the_level_its_national_strength_implies() -> None:
    results, _ = _simulated_league()
    table = ResultTable.from_results(results)
    as_of = max(r.date for r in results) + dt.timedelta(days=1)
    national = {"AAA": 0.5, "BBB": -0.5, "CCC": -1.5}
    ratings = fit(table, as_of, FitSettings(xi=0), national=national)
    without = fit(table, as_of, FitSettings(xi=0))
    unseen = ratings.rating(Team("Club of a country with no club in the data", "CCC"))
    assert unseen.basis is Basis.COUNTRY
    assert without.rating(Team("Club", "CCC")).basis is Basis.AVERAGE
    levels = ratings.country_attack + ratings.country_defence
    strength = dict(zip(ratings.countries, levels, strict=True))
    # AAA's clubs are stronger than BBB's (simulated 0.6 apart): the slope learnt is positive,
    # so the weakest national team's country sits below both.
    assert strength["AAA"] > strength["BBB"] > strength["CCC"]
    assert unseen.attack + unseen.defence < without.rating(Team("Club", "CCC")).attack + (
        without.rating(Team("Club", "CCC")).defence
    )


def test_a_country_with_no_european_match_says_its_level_comes_from_its_national_team() -> None:
    results, _ = _simulated_league()
    as_of = max(r.date for r in results) + dt.timedelta(days=1)
    national = {"AAA": 0.5, "BBB": -0.5, "CCC": -1.5}
    ratings = fit(ResultTable.from_results(results), as_of, FitSettings(xi=0), national=national)
    assert "national team" in ratings.rating(Team("Club", "CCC")).explanation
    assert "European matches" in ratings.rating(Team("New club", "BBB")).explanation


def test_a_club_in_another_countrys_league_shares_that_leagues_level() -> None:
    from matchday.forecast.fit import country_names, league_country

    day = dt.date(2020, 1, 1)
    cardiff, arsenal, chelsea = (
        Team("Cardiff", "WAL"),
        Team("Arsenal", "ENG"),
        Team("Chelsea", "ENG"),
    )
    bala, tns = Team("Bala", "WAL"), Team("TNS", "WAL")
    results = [
        Result(day, cardiff, arsenal, 1, 2, False),
        Result(day, chelsea, cardiff, 0, 0, False),
        Result(day, arsenal, chelsea, 2, 2, False),
        Result(day, chelsea, arsenal, 1, 0, False),
        Result(day, bala, tns, 1, 1, False),
        Result(day, tns, arsenal, 0, 3, True),  # a European match does not move TNS
    ]
    table = ResultTable.from_results(results)
    names = country_names(table)
    own = np.array([names.index(t.country or "?") for t in table.teams], dtype=np.intp)
    league = league_country(table, own, len(names))
    placed = {t.name: names[c] for t, c in zip(table.teams, league, strict=True)}
    assert placed == {
        "Cardiff": "ENG",
        "Arsenal": "ENG",
        "Chelsea": "ENG",
        "Bala": "WAL",
        "TNS": "WAL",
    }
