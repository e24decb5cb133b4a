"""Benchmark: exact pairing probabilities and simulated draws of real UEFA draws.

Run: ``python bench/bench_draw.py`` (needs ../shared/data for the Champions League draw).
Prints one Markdown table row per measurement, for docs/benchmarks.md.
"""

from __future__ import annotations

import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from matchday.draw import DrawProcedure, exact_probabilities, sample_pairings
from matchday.io.draws import draw_for
from matchday.io.load import load

CL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "openfootball"
CL_2017 = CL / "champions-league" / "2017-18" / "cl.txt"


def timed(work: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Best and median wall time of ``repeats`` runs, in seconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def report(name: str, procedure: DrawProcedure, repeats: int) -> None:
    result = exact_probabilities(procedure)
    best, median = timed(lambda: exact_probabilities(procedure), repeats)
    print(
        f"| {name} exact ({procedure.size} ties) | {best:.2f} s | {median:.2f} s | "
        f"{result.states:,} states | {repeats} |"
    )
    best, median = timed(lambda: sample_pairings(procedure, 10_000, seed=1), repeats)
    print(f"| {name} 10,000 simulated draws | {best:.2f} s | {median:.2f} s | | {repeats} |")


def main() -> None:
    print(
        f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}"
    )
    print("| measurement | best | median | size | runs |")
    print("|---|---|---|---|---|")
    if CL_2017.exists():
        report("CL 2017-18 round of 16", draw_for(load(CL_2017), "Round of 16"), 5)
    report("EL 2017-18 round of 32", draw_for(load("europa-league-2017-18"), "Round of 32"), 3)


if __name__ == "__main__":
    main()
