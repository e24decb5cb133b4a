"""Latency of exact tie forecasts: in play (the CLI's and the plot's query), between and
before the legs. The first call before the first leg is also timed in a fresh process per rules
preset (after importing ``matchday.forecast.tie``), as a user's first command would meet it.
Times are CPU time of this process (``time.process_time``), so that a machine shared with other
work still gives the time the work itself takes; in the fresh processes, CPU time of the calling
thread (``time.thread_time``): there, OpenBLAS's worker threads, started by numpy's import, now
and then spend some 4 ms of the process's CPU while the first call runs (never with
``OPENBLAS_NUM_THREADS=1``), which is neither the forecast's work nor a wait the user sees.
The results, with the machine, the date and the
load average, replace those between the markers of the "Tie query latency" section of
``docs/benchmarks.md`` (and are printed):

    python bench/tie_latency.py
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

from common import machine
from matchday.forecast.through import through_probability
from matchday.forecast.tie import LegRates, forecast_tie
from matchday.forecast.uncertainty import uncertain_between, uncertain_tie
from matchday.io.snapshot import bundled_snapshots
from matchday.live import MatchState, state_at
from matchday.model import Match, Score, Team, Tie
from matchday.rules import UEFA_2021, UEFA_CLASSIC, Rules

FIRST, SECOND = LegRates(2.35, 0.92), LegRates(1.23, 1.75)  # Dortmund-Atalanta, 2018
DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench/tie_latency.py: begin -->", "<!-- bench/tie_latency.py: end -->"
ROWS: list[str] = []
"""The result lines, printed as they come and written to ``DOCS`` at the end."""


def emit(line: str) -> None:
    print(line, flush=True)
    ROWS.append(line)


def timed(label: str, work, repeat: int, blocks: int = 5) -> None:  # type: ignore[no-untyped-def]
    """The first call, then the median over ``blocks`` blocks of the mean time a query (a burst
    of other work on a shared machine spoils a block, not the figure)."""
    started = time.process_time()
    work()
    cold = time.process_time() - started
    means = []
    for _ in range(blocks):
        started = time.process_time()
        for _ in range(repeat // blocks):
            work()
        means.append((time.process_time() - started) / (repeat // blocks))
    warm = sorted(means)[blocks // 2]
    emit(f"| {label} | {cold * 1e3:.2f} | {warm * 1e3:.3f} | {repeat:,} |")


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
import gc
import time
t0 = time.thread_time()
from matchday.forecast.tie import LegRates, forecast_tie
from matchday.forecast.uncertainty import uncertain_tie
from matchday.io.snapshot import bundled_snapshots
from matchday.rules import preset
gc.collect()  # the collector's pass over what the import made belongs to the import
t1 = time.thread_time()
forecast_tie(LegRates(2.35, 0.92), LegRates(1.23, 1.75), preset({name!r}), rho=-0.05)
t2 = time.thread_time()
forecast_tie(LegRates(2.2, 1.0), LegRates(1.3, 1.7), preset({name!r}), rho=-0.05)
t3 = time.thread_time()
print(f"{{(t1 - t0) * 1e3:.1f}} {{(t2 - t1) * 1e3:.2f}} {{(t3 - t2) * 1e3:.3f}}")
"""


FRESH_UNCERTAIN = """
import gc
import time
from matchday.io.snapshot import bundled_snapshots
from matchday.model import Team
ratings = bundled_snapshots()[-1].ratings
one, two = Team("Borussia Dortmund", "GER"), Team("Atalanta", "ITA")
t0 = time.thread_time()
from matchday.forecast.tie import LegRates
from matchday.forecast.uncertainty import uncertain_tie
from matchday.rules import preset
gc.collect()  # the collector's pass over what the import made belongs to the import
t1 = time.thread_time()
uncertain_tie(ratings, one, two, LegRates(2.35, 0.92), LegRates(1.23, 1.75), preset({name!r}),
              rho=-0.05)
t2 = time.thread_time()
uncertain_tie(ratings, one, two, LegRates(2.2, 1.0), LegRates(1.3, 1.7), preset({name!r}),
              rho=-0.05)
t3 = time.thread_time()
print(f"{{(t1 - t0) * 1e3:.1f}} {{(t2 - t1) * 1e3:.2f}} {{(t3 - t2) * 1e3:.3f}}")
"""


FRESH_BETWEEN = """
import gc
import time
from matchday.io.snapshot import bundled_snapshots
from matchday.model import Score, Team
ratings = bundled_snapshots()[-1].ratings
one, two = Team("Borussia Dortmund", "GER"), Team("Atalanta", "ITA")
t0 = time.thread_time()
from matchday.forecast.tie import LegRates, forecast_tie
from matchday.forecast.uncertainty import uncertain_between
from matchday.rules import preset
gc.collect()
first, second, rules = LegRates(2.35, 0.92), LegRates(1.23, 1.75), preset({name!r})
t1 = time.thread_time()
if {uncertain!r}:
    uncertain_between(ratings, one, two, first, second, rules, Score(3, 2), rho=-0.05)
else:
    forecast_tie(first, second, rules, rho=-0.05, first_leg=Score(3, 2))
t2 = time.thread_time()
if {uncertain!r}:
    uncertain_between(ratings, one, two, first, second, rules, Score(1, 2), rho=-0.05)
else:
    forecast_tie(first, second, rules, rho=-0.05, first_leg=Score(1, 2))
t3 = time.thread_time()
print(f"{{(t1 - t0) * 1e3:.1f}} {{(t2 - t1) * 1e3:.2f}} {{(t3 - t2) * 1e3:.3f}}")
"""


def fresh_between(name: str, uncertain: bool, runs: int = 5) -> None:
    """Import, first call between the legs and a call after another first leg (its verdicts
    not yet memoised either), each in a new interpreter."""
    code = FRESH_BETWEEN.format(name=name, uncertain=uncertain)
    rows = [
        [float(x) for x in subprocess.check_output([sys.executable, "-c", code], text=True).split()]
        for _ in range(runs)
    ]
    imported, first, second = (
        sorted(column)[len(column) // 2] for column in zip(*rows, strict=True)
    )
    what = ", with rating uncertainty (the default)" if uncertain else ""
    emit(
        f"| between the legs{what}, new process ({name}) | {first:.2f} | {second:.3f} "
        f"| import {imported:.0f} ms, median of {runs}; second call: another first-leg score |"
    )


def fresh_process(name: str, runs: int = 5, uncertain: bool = False) -> None:
    """Import, first and second call before the first leg, each in a new interpreter."""
    rows = [
        [
            float(x)
            for x in subprocess.check_output(
                [sys.executable, "-c", (FRESH_UNCERTAIN if uncertain else FRESH).format(name=name)],
                text=True,
            ).split()
        ]
        for _ in range(runs)
    ]
    imported, first, second = (
        sorted(column)[len(column) // 2] for column in zip(*rows, strict=True)
    )
    what = "with rating uncertainty (the default), " if uncertain else ""
    emit(
        f"| before the first leg, {what}new process ({name}) | {first:.2f} | {second:.3f} "
        f"| import {imported:.0f} ms, median of {runs} |"
    )


def write_section() -> None:
    """Put ``ROWS`` between the section's markers in ``DOCS``."""
    text = DOCS.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    DOCS.write_text(text[:start] + "\n" + "\n".join(ROWS) + "\n" + text[end:], encoding="utf-8")


def main() -> None:
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    emit(f"{machine()} ({dt.datetime.now(dt.UTC):%d %B %Y, %H:%M} UTC, load average {load})")
    emit("")
    emit("| query | first call ms | then, per query ms (median of 5 blocks) | queries |")
    emit("|---|---:|---:|---:|")
    for name in ("uefa-classic", "uefa-2021"):
        fresh_process(name)
    for name in ("uefa-classic", "uefa-2021"):
        fresh_process(name, uncertain=True)
    for name in ("uefa-classic", "uefa-2021"):
        for uncertain in (False, True):
            fresh_between(name, uncertain)
    ratings = bundled_snapshots()[-1].ratings
    one, two = Team("Borussia Dortmund", "GER"), Team("Atalanta", "ITA")
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
            f"between the legs, with rating uncertainty (the default) ({rules.name})",
            lambda rules=rules: uncertain_between(
                ratings, one, two, FIRST, SECOND, rules, Score(3, 2), rho=-0.05
            ),
            2_000,
        )
        timed(
            f"before the first leg, full distribution ({rules.name})",
            lambda rules=rules: forecast_tie(FIRST, SECOND, rules, rho=-0.05),
            2_000,
        )
        timed(
            f"before the first leg, with rating uncertainty (the default) ({rules.name})",
            lambda rules=rules: uncertain_tie(ratings, one, two, FIRST, SECOND, rules, rho=-0.05),
            2_000,
        )
        timed(
            f"before the first leg, P(through) only ({rules.name})",
            lambda rules=rules: through_probability(FIRST, SECOND, rules, -0.05),
            2_000,
        )


if __name__ == "__main__":
    main()
    write_section()
