"""Latency of exact tie forecasts: in play (the CLI's and the plot's query), between and
before the legs.

    python bench/tie_latency.py
"""

from __future__ import annotations

import datetime as dt
import time

from common import machine
from matchday.forecast.through import through_probability
from matchday.forecast.tie import LegRates, forecast_tie
from matchday.live import MatchState, state_at
from matchday.model import Match, Score, Team, Tie
from matchday.rules import UEFA_2021, UEFA_CLASSIC, Rules

FIRST, SECOND = LegRates(2.35, 0.92), LegRates(1.23, 1.75)  # Dortmund-Atalanta, 2018


def timed(label: str, work, repeat: int) -> None:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    work()
    cold = time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(repeat):
        work()
    warm = (time.perf_counter() - started) / repeat
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


def main() -> None:
    print(machine())
    print("| query | first call ms (fills the rules cache) | then, per query ms | queries |")
    print("|---|---:|---:|---:|")
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
            50,
        )
        timed(
            f"before the first leg, P(through) only ({rules.name})",
            lambda rules=rules: through_probability(FIRST, SECOND, rules, -0.05),
            2_000,
        )


if __name__ == "__main__":
    main()
