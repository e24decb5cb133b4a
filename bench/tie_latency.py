"""Latency of exact tie forecasts: in play (the CLI's and the plot's query), between and
before the legs.

    python bench/tie_latency.py
"""

from __future__ import annotations

import time

from common import machine
from matchday.forecast.through import through_probability
from matchday.forecast.tie import InPlay, LegRates, forecast_tie
from matchday.model import Score
from matchday.rules import UEFA_2021, UEFA_CLASSIC

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


def main() -> None:
    print(machine())
    print("| query | first call ms (fills the rules cache) | then, per query ms | queries |")
    print("|---|---:|---:|---:|")
    for rules in (UEFA_CLASSIC, UEFA_2021):
        minutes = iter(range(10**9))

        def in_play(rules=rules, minutes=minutes) -> None:  # type: ignore[no-untyped-def]
            minute = next(minutes) % 91
            moment = InPlay(2, Score(minute % 3, minute % 2), minute, red_cards=(0, minute % 2))
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
