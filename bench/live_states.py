"""Benchmark: how fast matchday answers live questions (state, needs, next goal, JSON).

Run: ``python bench/live_states.py`` (prints a Markdown table for docs/benchmarks.md).
Every round-of-32 tie of the bundled 2017-18 Europa League, at every second-leg score from 0-0
to 5-5, at minute 60 (regular time) and, where the tie can be in extra time, at minute 105.
"""

from __future__ import annotations

import platform
import time
from collections.abc import Callable

from matchday.io.live_json import live_state_json
from matchday.io.load import load
from matchday.live import MatchState, state_at, timeline
from matchday.model import Score
from matchday.rules import UEFA_2021, UEFA_CLASSIC, Phase
from matchday.select import find_round

REPEATS = 5


def _states() -> list[MatchState]:
    ties = find_round(load("europa-league-2017-18"), "Round of 32").ties()
    states = []
    for rules in (UEFA_CLASSIC, UEFA_2021):
        for tie in ties:
            for home in range(6):
                for away in range(6):
                    at_60 = state_at(tie, rules, Score(home, away), 60)
                    states.append(at_60)
                    if at_60.awaiting is Phase.EXTRA_TIME:
                        states.append(state_at(tie, rules, Score(home + 1, away + 1), 105))
    return states


def _best_of(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    states = _states()
    ties = find_round(load("europa-league-2017-18"), "Round of 32").ties()
    rows = [
        ("state_at (build + validate)", len(states), _best_of(_states)),
        (
            "live_state_json (explanation, needs, next goal of both sides)",
            len(states),
            _best_of(lambda: [live_state_json(s) for s in states]),
        ),
        (
            "timeline (replay a second leg from its goals)",
            len(ties),
            _best_of(lambda: [timeline(t, UEFA_CLASSIC) for t in ties]),
        ),
    ]
    print(f"Python {platform.python_version()} on {platform.machine()} ({platform.system()})")
    print()
    print("| work | items | best of 5 | per item |")
    print("|---|---|---|---|")
    for name, items, seconds in rows:
        print(f"| {name} | {items} | {seconds * 1000:.1f} ms | {seconds / items * 1e6:.0f} µs |")


if __name__ == "__main__":
    main()
