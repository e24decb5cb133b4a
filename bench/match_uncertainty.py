"""Match forecasts with and without the ratings' uncertainty: chosen on earlier years, run once
on the test years. Each part rewrites its own section of docs/benchmarks.md.

    python bench/match_uncertainty.py national   # internationals: 2006-2009, then 2010 → May 2026
    python bench/match_uncertainty.py clubs      # European matches: 2020-22, then 2022-23 → 2025-26

Rolling origin, refitted on the first of each month on the results before it (national:
``matchday.evaluate.national``, as bench/national_backtest.py; clubs: matchday (all results), as
``matchday backtest``). Each match's (home, draw, away) is scored as the point forecast (scale 0)
and averaged over the ratings' uncertainty (``forecast.uncertainty.mixed_grid``, variance times
the scale) from the same fit. The validation years choose the scale (lowest log loss among
``SCALES``; scale 0 keeps the point forecast); the test years are run with 0 and that scale.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time

import numpy as np

from common import DATA, machine
from matchday.evaluate.backtest import month_starts
from matchday.evaluate.calibration import expected_calibration_error
from matchday.evaluate.data import backtest_data
from matchday.evaluate.models import Matchday
from matchday.evaluate.national import NationalReport, run_national_backtest, uncertainty_name
from matchday.forecast.fit import behind_closed_doors
from matchday.forecast.metrics import log_loss, outcome_index, rps
from matchday.forecast.scores import ScoreGrid
from matchday.forecast.uncertainty import match_spread, mixed_grid
from matchday.io.international import load_international
from report import update_section

SCALES = (0.5, 1.0, 2.0)
"""Variance scales tried on the validation years besides 0 (1: the Laplace approximation)."""
INTERNATIONAL = DATA.parent / "international"
HEAD = (
    "| variance scale | matches | RPS | log loss | ECE home | ECE draw | ECE away |\n"
    "|---|---:|---:|---:|---:|---:|---:|"
)


def _row(label: str, p: np.ndarray, outcome: np.ndarray) -> str:
    ece = [expected_calibration_error(p[:, k], outcome == k) for k in range(3)]
    return (
        f"| {label} | {len(outcome):,} | {rps(p, outcome).mean():.4f} "
        f"| {log_loss(p, outcome).mean():.4f} | {ece[0]:.4f} | {ece[1]:.4f} | {ece[2]:.4f} |"
    )


def _label(scale: float) -> str:
    return "0 (point forecast)" if scale == 0 else f"{scale:g}"


def _choose(losses: dict[float, float]) -> float:
    """The scale of lowest validation log loss (0 when none beats the point forecast)."""
    return min(losses, key=lambda s: (losses[s], s))


def _national_rows(report: NationalReport, scales: tuple[float, ...]) -> tuple[list[str], dict]:
    rows, losses = [], {}
    for scale in (0.0, *scales):
        p = report.forecasts["matchday" if scale == 0 else uncertainty_name(scale)]
        rows.append(_row(_label(scale), p, report.outcomes))
        losses[scale] = float(log_loss(p, report.outcomes).mean())
    elo = report.forecasts["Elo (match by match)"]
    rows.append(_row("*Elo (match by match), for reference*", elo, report.outcomes))
    return rows, losses


def national() -> None:
    started, load = time.process_time(), os.getloadavg()
    data = load_international(INTERNATIONAL)
    valid = run_national_backtest(
        data.results, dt.date(2006, 1, 1), dt.date(2009, 12, 31), uncertainty=SCALES
    )
    valid_rows, losses = _national_rows(valid, SCALES)
    chosen = _choose(losses)
    print("validation", *valid_rows, f"chosen {chosen:g}", sep="\n", flush=True)
    test_scales = (chosen,) if chosen else ()
    test = run_national_backtest(
        data.results, dt.date(2010, 1, 1), dt.date(2026, 5, 31), uncertainty=test_scales
    )
    test_rows, _ = _national_rows(test, test_scales)
    seconds = time.process_time() - started
    body = f"""```bash
python bench/match_uncertainty.py national
```

Every competitive international, forecast (home/draw/away after 90 minutes) from ratings
refitted on the first of each month (as "Backtest: every competitive international of 2010 →
May 2026"), scored as the point forecast and averaged over the ratings' uncertainty
(`forecast.uncertainty.mixed_grid`: each side's goal rate times exp(e), e normal with the
two teams' Laplace variances summed, 1 / (decayed match weight × goal rate + 1 / spread²) each,
times the scale; 25 Gauss-Hermite nodes), from the same fits. The validation years
(2006-2009) choose the scale by log loss; the test years were run with 0 and the scale chosen
({_label(chosen)}).

Validation: competitive internationals of 2006-2009:

{HEAD}
{chr(10).join(valid_rows)}

Test: competitive internationals of 2010 → May 2026:

{HEAD}
{chr(10).join(test_rows)}

{seconds:.0f} s CPU; {machine()}; load average {load[0]:.1f} at the start (machine shared with
other engineers' work; the figures are not timings and do not depend on it).
"""
    update_section("Match forecasts: rating uncertainty, national teams (issue 13)", body)
    print(body)


def clubs() -> None:
    started, load = time.process_time(), os.getloadavg()
    inputs = backtest_data(DATA, 2020)
    targets = sorted(inputs.targets, key=lambda r: r.date)
    test_start = dt.date(2022, 6, 1)
    model = Matchday("matchday (all results)")
    probs: dict[tuple[bool, float], list[tuple[float, float, float]]] = {}
    outcomes: dict[bool, list[int]] = {False: [], True: []}
    for origin in month_starts(targets[0].date, targets[-1].date):
        until = (origin + dt.timedelta(days=32)).replace(day=1)
        month = [r for r in targets if origin <= r.date < until]
        if not month:
            continue
        model.fit(inputs.table.before(origin), origin)
        ratings = model.ratings
        assert ratings is not None
        test = origin >= test_start
        for r in month:
            outcomes[test].append(int(outcome_index(r.home_goals, r.away_goals)))
            rates = ratings.expected(
                r.home, r.away, neutral=r.neutral, closed_doors=behind_closed_doors(r.date)
            )
            for scale in (0.0, *SCALES):
                spread = match_spread(ratings, r.home, r.away, scale)
                grid = (
                    mixed_grid(rates.home_goals, rates.away_goals, spread, rates.rho)
                    if scale
                    else ScoreGrid.poisson(rates.home_goals, rates.away_goals, rates.rho)
                )
                probs.setdefault((test, scale), []).append(grid.outcome)
        print(origin, len(outcomes[False]), len(outcomes[True]), flush=True)
    y = {k: np.array(v) for k, v in outcomes.items()}
    p = {k: np.array(v) for k, v in probs.items()}
    losses = {s: float(log_loss(p[(False, s)], y[False]).mean()) for s in (0.0, *SCALES)}
    chosen = _choose(losses)
    valid_rows = [_row(_label(s), p[(False, s)], y[False]) for s in (0.0, *SCALES)]
    test_rows = [_row(_label(s), p[(True, s)], y[True]) for s in sorted({0.0, chosen})]
    seconds = time.process_time() - started
    body = f"""```bash
python bench/match_uncertainty.py clubs
```

Every European match (home/draw/away after 90 minutes) forecast by matchday (all results)
refitted on the first of each month (as `matchday backtest`), scored as the point forecast and
averaged over the ratings' uncertainty (`forecast.uncertainty.mixed_grid`, as for national
teams), from the same fits. The validation seasons (2020-21, 2021-22: where the club model's
defaults were chosen) choose the scale by log loss; the test seasons (2022-23 → 2025-26) were
run with 0 and the scale chosen ({_label(chosen)}).

Validation: European matches of 2020-21 and 2021-22:

{HEAD}
{chr(10).join(valid_rows)}

Test: European matches of 2022-23 → 2025-26 (issue 13's bar: a match RPS no worse than
0.2052, the backtest's before it):

{HEAD}
{chr(10).join(test_rows)}

{seconds:.0f} s CPU; {machine()}; load average {load[0]:.1f} at the start (machine shared with
other engineers' work; the figures are not timings and do not depend on it).
"""
    update_section("Match forecasts: rating uncertainty, clubs (issue 13)", body)
    print(body)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("part", choices=("national", "clubs"))
    args = parser.parse_args()
    national() if args.part == "national" else clubs()


if __name__ == "__main__":
    main()
