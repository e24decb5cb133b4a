"""Simulated competitions per second: the Europa League 2017-18 from 22 February 2018.

    python bench/simulation_speed.py [SIMULATIONS]

Times ``simulate`` alone (the pairings' chances computed once before) and the whole forecast.
"""

from __future__ import annotations

import datetime as dt
import sys
import time

from common import machine
from matchday.forecast.competition import simulate
from matchday.forecast.season import prepare
from matchday.io.load import load
from matchday.io.snapshot import choose_snapshot
from matchday.rules import UEFA_CLASSIC


def main() -> None:
    simulations = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    print(machine())
    season = load("europa-league-2017-18")
    on = dt.date(2018, 2, 22)
    ratings = choose_snapshot(on).ratings
    started = time.perf_counter()
    plan, two, one = prepare(season, ratings, UEFA_CLASSIC, as_of=on)
    setup = time.perf_counter() - started
    teams, steps = plan.teams, plan.steps
    started = time.perf_counter()
    simulate(teams, steps, two, one, simulations, seed=1)
    seconds = time.perf_counter() - started
    print("| what | seconds | competitions per second | per minute |")
    print("|---|---:|---:|---:|")
    print(f"| pairings' chances (32 teams, 992 two-legged + 496 finals), once | {setup:.2f} | | |")
    rate = simulations / seconds
    print(
        f"| {simulations:,} simulations of R16 → final | {seconds:.2f} | {rate:,.0f} "
        f"| {rate * 60:,.0f} |"
    )


if __name__ == "__main__":
    main()
