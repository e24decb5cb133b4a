"""The rolling-origin backtest on simulated seasons: no look-ahead, fair comparison."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from matchday.evaluate.backtest import TieRecord, month_starts, run_backtest
from matchday.evaluate.models import Matchday
from matchday.forecast.results import Result, ResultTable
from matchday.model import Team
from matchday.rules import UEFA_2021


def _season(seed: int = 11) -> list[Result]:
    """A year of matches between 12 clubs of two countries with clear strengths."""
    rng = np.random.default_rng(seed)
    teams = [Team(f"Club {i}", "AAA" if i < 6 else "BBB") for i in range(12)]
    strength = {t: 0.6 - 0.1 * i for i, t in enumerate(teams)}
    results = []
    day = dt.date(2021, 8, 1)
    while day < dt.date(2022, 8, 1):
        for _ in range(3):
            home, away = rng.choice(len(teams), 2, replace=False)
            h, a = teams[home], teams[away]
            results.append(
                Result(
                    day,
                    h,
                    a,
                    int(rng.poisson(math.exp(0.3 + strength[h] - strength[a]))),
                    int(rng.poisson(math.exp(strength[a] - strength[h]))),
                    european=h.country != a.country,
                )
            )
        day += dt.timedelta(days=3)
    return results


def test_months_run_from_first_to_last() -> None:
    assert month_starts(dt.date(2022, 11, 20), dt.date(2023, 2, 1)) == [
        dt.date(2022, 11, 1),
        dt.date(2022, 12, 1),
        dt.date(2023, 1, 1),
        dt.date(2023, 2, 1),
    ]


def test_the_model_beats_the_constant_forecast_on_data_it_can_learn() -> None:
    results = _season()
    table = ResultTable.from_results(results)
    targets = [r for r in results if r.european and r.date >= dt.date(2022, 3, 1)]
    tie = TieRecord(
        dt.date(2022, 4, 10),
        Team("Club 0", "AAA"),
        Team("Club 11", "BBB"),
        True,
        False,
        UEFA_2021,
        True,
    )
    report = run_backtest(table, targets, [tie], [Matchday("matchday")])
    model, constant = report.models
    assert report.matches == len(targets)
    assert model.covered == constant.covered == len(targets)
    assert model.rps < constant.rps
    assert model.log_loss < constant.log_loss
    assert report.ties == 1
    assert model.brier < constant.brier == pytest.approx(0.25)


def test_the_backtest_scores_the_forecasters_uncertainty_by_default() -> None:
    import inspect

    from matchday.cli.backtest import backtest
    from matchday.forecast.uncertainty import SCALE

    assert inspect.signature(backtest).parameters["uncertainty"].default == SCALE
