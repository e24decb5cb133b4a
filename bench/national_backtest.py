"""Backtest of national-team forecasts: matchday against World Football Elo, same matches.

    python bench/national_backtest.py [--from 2010-01-01] [--to 2026-05-31] [--validate]

Every competitive international (anything but a friendly) from --from to --to is forecast
(home, draw, away after 90 minutes) by models refitted on the first of each month on the
results before it (``matchday.evaluate.national``). Scores: RPS, log loss and the expected
calibration error of each of home, draw and away (10 equal-width bins). ``--validate`` instead
scores a small grid of ``NationalSettings`` on 2006-2009 (before the backtest's years), which
is how the defaults were checked.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import time
from pathlib import Path

from common import machine
from matchday.evaluate.national import NationalReport, run_national_backtest
from matchday.forecast.national import NationalSettings
from matchday.io.international import load_international

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "international"


def _print(report: NationalReport, seconds: float) -> None:
    print(
        f"{report.matches:,} competitive internationals {report.start} → {report.end}, "
        f"{report.origins} monthly refits, {seconds:.0f} s; {machine()}"
    )
    print("| model | RPS | log loss | ECE home | ECE draw | ECE away | fit s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for m in report.models:
        print(
            f"| {m.name} | {m.rps:.4f} | {m.log_loss:.4f} | {m.ece_home:.4f} | "
            f"{m.ece_draw:.4f} | {m.ece_away:.4f} | {m.seconds:.0f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--from", dest="start", default="2010-01-01")
    parser.add_argument("--to", dest="end", default="2026-05-31")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--validate", action="store_true")
    args = parser.parse_args()
    data = load_international(args.data)
    if args.validate:
        base = NationalSettings()
        grid = [{}, {"xi": 0.00035}, {"friendly_weight": 0.25}]
        for change in grid:
            settings = dataclasses.replace(base, **change)
            started = time.perf_counter()
            report = run_national_backtest(
                data.results, dt.date(2006, 1, 1), dt.date(2009, 12, 31), settings
            )
            m, elo = report.models[0], report.models[2]
            print(
                f"{change or 'defaults'}: RPS {m.rps:.4f}, log loss {m.log_loss:.4f}, "
                f"ECE {m.ece_home:.4f} {m.ece_draw:.4f} {m.ece_away:.4f}; Elo RPS {elo.rps:.4f}, "
                f"log loss {elo.log_loss:.4f} ({time.perf_counter() - started:.0f} s)",
                flush=True,
            )
        return
    started = time.perf_counter()
    report = run_national_backtest(
        data.results, dt.date.fromisoformat(args.start), dt.date.fromisoformat(args.end)
    )
    _print(report, time.perf_counter() - started)


if __name__ == "__main__":
    main()
