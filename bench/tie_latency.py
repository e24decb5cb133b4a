"""Latency of exact tie forecasts: in play (the CLI's and the plot's query), between and
before the legs. The first call before the first leg is also timed in a fresh process per rules
preset (after importing ``matchday.forecast.tie``), as a user's first command would meet it.
Times are CPU time of this process (``time.process_time``), so that a machine shared with other
work still gives the time the work itself takes.

    python bench/tie_latency.py
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time

from common import machine
from matchday.forecast.through import through_probability
from matchday.forecast.tie import LegRates, forecast_tie
from matchday.live import MatchState, state_at
from matchday.model import Match, Score, Team, Tie
from matchday.rules import UEFA_2021, UEFA_CLASSIC, Rules

FIRST, SECOND = LegRates(2.35, 0.92), LegRates(1.23, 1.75)  # Dortmund-Atalanta, 2018


def timed(label: str, work, repeat: int) -> None:  # type: ignore[no-untyped-def]
    started = time.process_time()
    work()
    cold = time.process_time() - started
    started = time.process_time()
    for _ in range(repeat):
        work()
    warm = (time.process_time() - started) / repeat
    print(f"| {label} | {cold * 1e3:.2f} | {warm * 1e3:.3f} | {repeat:,} |")


def _moments(rules: Rules) -> list[MatchState]:
    """The second leg at minutes 0-90 with a few goals and red cards, built before timing."""
    one, two = Team("Borussia Dortmund"), Team("Atalanta")
    tie = Tie(
        "R32",
        (
            Match(dt.date(2018, 2, 15), one, two, Score(3, 2)),
            Match(dt.date(2018, 2, 22), two, one),
        ),
    )
    return [
        state_at(tie, rules, Score(m % 3, m % 2), m, red_cards=(0, m % 2) if m else (0, 0))
        for m in range(91)
    ]


FRESH = """
import time
t0 = time.process_time()
from matchday.forecast.tie import LegRates, forecast_tie
from matchday.rules import preset
t1 = time.process_time()
forecast_tie(LegRates(2.35, 0.92), LegRates(1.23, 1.75), preset({name!r}), rho=-0.05)
t2 = time.process_time()
forecast_tie(LegRates(2.2, 1.0), LegRates(1.3, 1.7), preset({name!r}), rho=-0.05)
t3 = time.process_time()
print(f"{{(t1 - t0) * 1e3:.1f}} {{(t2 - t1) * 1e3:.2f}} {{(t3 - t2) * 1e3:.3f}}")
"""


def fresh_process(name: str, runs: int = 5) -> None:
    """Import, first and second call before the first leg, each in a new interpreter."""
    rows = [
        [
            float(x)
            for x in subprocess.check_output(
                [sys.executable, "-c", FRESH.format(name=name)], text=True
            ).split()
        ]
        for _ in range(runs)
    ]
    imported, first, second = (
        sorted(column)[len(column) // 2] for column in zip(*rows, strict=True)
    )
    print(
        f"| before the first leg, new process ({name}) | {first:.2f} | {second:.3f} "
        f"| import {imported:.0f} ms, median of {runs} |"
    )


def main() -> None:
    print(machine())
    print("| query | first call ms | then, per query ms | queries |")
    print("|---|---:|---:|---:|")
    for name in ("uefa-classic", "uefa-2021"):
        fresh_process(name)
    for rules in (UEFA_CLASSIC, UEFA_2021):
        minutes = iter(range(10**9))
        moments = _moments(rules)

        def in_play(rules=rules, minutes=minutes, moments=moments) -> None:  # type: ignore[no-untyped-def]
            moment = moments[next(minutes) % len(moments)]
            forecast_tie(FIRST, SECOND, rules, first_leg=Score(3, 2), moment=moment)

        timed(f"in play, second leg ({rules.name})", in_play, 5_000)
        timed(
            f"between the legs ({rules.name})",
            lambda rules=rules: forecast_tie(FIRST, SECOND, rules, first_leg=Score(3, 2)),
            2_000,
        )
        timed(
            f"before the first leg, full distribution ({rules.name})",
            lambda rules=rules: forecast_tie(FIRST, SECOND, rules, rho=-0.05),
            2_000,
        )
        timed(
            f"before the first leg, P(through) only ({rules.name})",
            lambda rules=rules: through_probability(FIRST, SECOND, rules, -0.05),
            2_000,
        )


if __name__ == "__main__":
    main()
