"""What sets the level of a club seldom seen in Europe: the variants of issue 13 part 6, each
run on the validation and the test seasons. Rewrites the "Tie calibration: club levels from the
national teams and the leagues (issue 13)" section of docs/benchmarks.md.

    python bench/tie_club_prior.py

Rolling origin as ``bench/tie_calibration.py`` (matchday, all results, refitted on the first of
each month on the results before it): every finished tie forecast before its first leg (point
forecast and the default variance scale 1) and between the legs (scale 1), and every European
match of 2022-23 → 2025-26 (RPS), for four fits: the model before this change, with the national
strengths, with the league countries, and with both (the default now).
"""

from __future__ import annotations

import datetime as dt
import os
import time

import numpy as np

from common import DATA, machine
from matchday.cli.fit import national_strength
from matchday.evaluate.backtest import month_starts
from matchday.evaluate.calibration import expected_calibration_error
from matchday.evaluate.data import backtest_data
from matchday.evaluate.models import Matchday
from matchday.forecast.associations import NationalStrength
from matchday.forecast.fit import FitSettings, behind_closed_doors
from matchday.forecast.metrics import outcome_index, rps
from matchday.forecast.tie import LegRates, forecast_tie
from matchday.forecast.uncertainty import uncertain_through
from report import update_section

TEST_START = dt.date(2022, 6, 1)
HEAD = (
    "| fit | validation: before, point | before, scale 1 | between "
    "| test: before, point | before, scale 1 | between | match RPS (test) |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|"
)


def _run(national: NationalStrength | None, league: bool) -> dict[str, list[float]]:
    """Every tie's forecasts and outcome, and every test-season match's RPS, for one fit."""
    data = backtest_data(DATA, 2013)
    ties = sorted(data.ties, key=lambda t: t.date)
    targets = sorted((r for r in data.targets if r.date >= TEST_START), key=lambda r: r.date)
    model = Matchday("matchday", FitSettings(league_country=league), national=national)
    out: dict[str, list[float]] = {k: [] for k in ("test", "y", "p0", "p1", "bt", "yb", "tb")}
    out["rps"] = []
    for origin in month_starts(ties[0].date, max(ties[-1].date, targets[-1].date)):
        until = (origin + dt.timedelta(days=32)).replace(day=1)
        month = [t for t in ties if origin <= t.date < until]
        matches = [r for r in targets if origin <= r.date < until]
        if not month and not matches:
            continue
        model.fit(data.table.before(origin), origin)
        r = model.ratings
        assert r is not None
        for result in matches:
            f = model.forecast(result.home, result.away, result.neutral, result.date)
            o = int(outcome_index(result.home_goals, result.away_goals))
            out["rps"].append(float(rps(np.array([f.outcome]), [o])[0]))
        for tie in month:
            closed = behind_closed_doors(tie.date)
            a = r.expected(tie.team1, tie.team2, neutral=tie.neutral, closed_doors=closed)
            first, second = LegRates(a.home_goals, a.away_goals), None
            if tie.two_legs:
                b = r.expected(tie.team2, tie.team1, closed_doors=closed)
                second = LegRates(b.home_goals, b.away_goals)
            args = (r, tie.team1, tie.team2, first, second, tie.rules)
            out["test"].append(float(tie.date >= TEST_START))
            out["y"].append(float(tie.team1_through))
            out["p0"].append(forecast_tie(first, second, tie.rules, rho=a.rho).team1_through)
            out["p1"].append(uncertain_through(*args, rho=a.rho, scale=1.0))
            if tie.first_leg is not None:
                out["tb"].append(float(tie.date >= TEST_START))
                out["yb"].append(float(tie.team1_through))
                out["bt"].append(
                    uncertain_through(*args, rho=a.rho, scale=1.0, first_leg=tie.first_leg)
                )
        print(origin, len(out["y"]), flush=True)
    return out


def _scores(p: np.ndarray, y: np.ndarray) -> str:
    return f"{np.mean((p - y) ** 2):.4f} | {expected_calibration_error(p, y):.4f}"


def main() -> None:
    started, load = time.process_time(), os.getloadavg()
    national = national_strength(DATA)
    assert national is not None, "the internationals are not beside the data folder"
    variants = (
        ("before (country levels shrunk to the average, own country)", None, False),
        ("national strengths", national, False),
        ("league countries", None, True),
        ("national strengths and league countries (the default)", national, True),
    )
    rows = []
    for label, strength, league in variants:
        o = {k: np.asarray(v) for k, v in _run(strength, league).items()}
        cells = [label]
        for test in (0.0, 1.0):
            m, mb = o["test"] == test, o["tb"] == test
            cells += [
                _scores(o["p0"][m], o["y"][m]),
                _scores(o["p1"][m], o["y"][m]),
                _scores(o["bt"][mb], o["yb"][mb]),
            ]
        cells.append(f"{o['rps'].mean():.4f}")
        rows.append("| " + " | ".join(cells) + " |")
    seconds = time.process_time() - started
    body = (
        """```bash
python bench/tie_club_prior.py
```

Rolling origin as `bench/tie_calibration.py`: Brier score | ECE (10 bins, as there) of
P(through), before the first leg with the point forecast (scale 0) and with the ratings'
uncertainty (scale 1, the default), and between the legs (scale 1); RPS of every European match
of 2022-23 → 2025-26 (the `matchday backtest` matches, same origins). Validation: 2013-14 →
2021-22; test: 2022-23 → 2025-26.

"""
        + HEAD
        + """
"""
        + "\n".join(rows)
        + f"""

{seconds:.0f} s CPU; {machine()}; load average {load[0]:.1f} at the start (machine shared with
other engineers' work; the figures are not timings).
"""
    )
    update_section(
        "Tie calibration: club levels from the national teams and the leagues (issue 13)", body
    )
    print(body)


if __name__ == "__main__":
    main()
