"""The rolling-origin backtest on simulated seasons: no look-ahead, fair comparison."""

from __future__ import annotations

import datetime as dt
import math
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest

from matchday.evaluate.backtest import (
    Refit,
    TieRecord,
    month_starts,
    refit_days,
    refit_windows,
    run_backtest,
)
from matchday.evaluate.models import Matchday, MatchForecast
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


def test_weeks_run_monday_to_monday_from_the_first() -> None:
    days = refit_days(dt.date(2024, 7, 10), dt.date(2024, 7, 29), Refit.WEEKLY)
    assert days == [dt.date(2024, 7, 8) + dt.timedelta(days=7 * i) for i in range(4)]
    assert all(day.weekday() == 0 for day in days)
    assert refit_days(dt.date(2022, 11, 20), dt.date(2023, 2, 1), Refit.MONTHLY) == (
        month_starts(dt.date(2022, 11, 20), dt.date(2023, 2, 1))
    )


def test_each_refit_window_runs_to_the_next_refit_and_the_last_has_no_end() -> None:
    """The windows tile the days from the first refit on: each ends where the next starts."""
    first, last = dt.date(2024, 7, 10), dt.date(2024, 9, 3)
    windows = refit_windows(first, last, Refit.MONTHLY)
    assert [start for start, _ in windows] == refit_days(first, last, Refit.MONTHLY)
    assert windows[0] == (dt.date(2024, 7, 1), dt.date(2024, 8, 1))
    assert windows[-1] == (dt.date(2024, 9, 1), dt.date.max)
    assert all(a[1] == b[0] for a, b in pairwise(windows))
    weekly = refit_windows(first, first, Refit.WEEKLY)
    assert weekly == [(dt.date(2024, 7, 8), dt.date.max)]


class _Spy:
    """A constant forecaster that records what it was fitted on and when it forecast."""

    name = "spy"

    def __init__(self) -> None:
        self.origin = dt.date.min
        self.last_seen = dt.date.min
        self.forecasts: list[tuple[dt.date, dt.date, dt.date]] = []

    def fit(self, table: ResultTable, origin: dt.date) -> None:
        self.origin = origin
        last = int(table.day.max()) if len(table) else 0
        self.last_seen = dt.date.fromordinal(last) if last else dt.date.min

    def forecast(self, home: Team, away: Team, neutral: bool, on: dt.date) -> MatchForecast:
        self.forecasts.append((on, self.origin, self.last_seen))
        return MatchForecast((0.4, 0.3, 0.3), float("nan"), float("nan"))


@pytest.mark.parametrize("refit", list(Refit))
def test_each_forecast_rests_on_every_result_before_its_refit_day_and_none_after(
    refit: Refit,
) -> None:
    results = _season()
    table = ResultTable.from_results(results)
    targets = [r for r in results if r.european and r.date >= dt.date(2022, 3, 1)]
    spy = _Spy()
    report = run_backtest(table, targets, [], [spy], refit=refit)
    assert report.refit is refit
    assert report.matches == len(targets)
    span = 7 if refit is Refit.WEEKLY else 31
    for on, origin, last_seen in spy.forecasts:
        assert origin <= on < origin + dt.timedelta(days=span)
        assert last_seen < origin
        # matches are three days apart: the fit saw the ones of the days just before its origin
        assert origin - last_seen <= dt.timedelta(days=3)
    assert len(spy.forecasts) == len(targets)


def test_the_json_says_the_refit_and_leaves_no_score_as_nan() -> None:
    import json

    from matchday.cli.backtest import _json
    from matchday.io.schemas import BacktestJSON

    results = _season()
    table = ResultTable.from_results(results)
    targets = [r for r in results if r.european and r.date >= dt.date(2022, 6, 1)]
    report = run_backtest(table, targets, [], [Matchday("matchday")], refit=Refit.WEEKLY)
    data = _json(report, 1.0, 0)
    text = json.dumps(data, allow_nan=False)  # no ties: their scores are null, never NaN
    parsed = BacktestJSON.model_validate_json(text)
    assert parsed.refit == "weekly"
    assert parsed.origins == report.origins
    assert [m.brier for m in parsed.models] == [None, None]
    assert all(m.rps < 1 for m in parsed.models)


def test_a_backtest_with_nothing_to_forecast_is_a_clear_error() -> None:
    from matchday.errors import ConfigError

    table = ResultTable.from_results(_season())
    with pytest.raises(ConfigError, match="none were given"):
        run_backtest(table, [], [], [Matchday("matchday")])


def test_the_command_refuses_a_season_after_the_data_up_front(openfootball: Path) -> None:
    """``--from 2030`` was an IndexError after loading; a negative ``--uncertainty`` a math
    domain error after the fitting; the default ``--penaltyblog`` without it installed hid
    both behind "penaltyblog is not installed"."""
    from typer.testing import CliRunner

    from matchday.cli import app
    from matchday.errors import ConfigError

    runner = CliRunner()
    negative = runner.invoke(app, ["backtest", "--data", str(openfootball), "--uncertainty", "-1"])
    assert negative.exit_code == 2
    assert "--uncertainty" in negative.output
    late = runner.invoke(app, ["backtest", "--data", str(openfootball), "--from", "2030"])
    assert isinstance(late.exception, ConfigError)
    assert "no European matches from season 2030-31 on" in str(late.exception)
    assert "European matches end" in str(late.exception)


def test_penaltyblog_is_left_out_by_default_only_when_it_is_not_installed() -> None:
    """The default runs on a plain install and says what it left out; ``--penaltyblog`` asks
    for it and fails without it."""
    import inspect

    from matchday.cli.backtest import PENALTYBLOG_LEFT_OUT, _json, backtest, penaltyblog_installed
    from matchday.errors import ConfigError
    from matchday.evaluate.models import Penaltyblog
    from matchday.io.schemas import BacktestJSON

    assert inspect.signature(backtest).parameters["penaltyblog"].default is None
    if penaltyblog_installed():
        Penaltyblog()
    else:
        with pytest.raises(ConfigError, match="penaltyblog is not installed"):
            Penaltyblog()
    assert 'pip install "matchday[bench]"' in PENALTYBLOG_LEFT_OUT
    results = _season()
    targets = [r for r in results if r.european and r.date >= dt.date(2022, 6, 1)]
    report = run_backtest(ResultTable.from_results(results), targets, [], [Matchday("m")])
    data = BacktestJSON.model_validate(_json(report, 1.0, 1, ["A v B: a leg missing"], "left"))
    assert (data.skipped_tie_reasons, data.note) == (["A v B: a leg missing"], "left")
