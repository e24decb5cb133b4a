"""Fitting the law of added time from where goals in added time fall in real matches.

Under a steady scoring rate ``c`` (goals a minute, summed over the matches), the goals written
``90+n'`` are ``c · P(A >= n)`` on average, ``A`` the minutes added: the counts of ``90+n'``
goals divided by the rate of the period's last quarter of an hour estimate the survival of the
added time. The counts are Poisson, so the non-increasing fit that is most likely is the
pool-adjacent-violators fit of the counts (Robertson, Wright & Dykstra 1988, "Order Restricted
Statistical Inference", ch. 1); a survival above 1 is held at 1. Only files that write added
time as ``90+n'`` can tell it (in older ones, and in the international goalscorers' minutes, a
goal in added time is written ``90'``).

``python bench/added_time.py`` prints the figures and writes the fitted table,
``matchday.live.added_time_fitted``; a test fits it again from the data and compares.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize

from matchday.io.load import load_with_problems
from matchday.live.state import ADDED_TIME_AFTER
from matchday.model import EXTRA_TIME_END, REGULAR_TIME, Goal, Match

__all__ = [
    "NEW_TIMEKEEPING",
    "PERIOD_ENDS",
    "SOURCES",
    "EraFit",
    "PeriodFit",
    "fit_added_time",
    "fit_survival",
    "module_text",
    "read_matches",
]

SOURCES: tuple[str, ...] = (
    "worldcup/more/1998.txt",
    "worldcup/more/2002.txt",
    "worldcup/more/2006.txt",
    "worldcup/more/2010.txt",
    "worldcup/2014--brazil",
    "worldcup/2018--russia",
    "worldcup/2022--qatar",
    "spec/samples/2024_euro.txt",
    "spec/samples/2025_club_worldcup.txt",
)
"""The tournaments of openfootball whose files write goals in added time as ``90+n'`` (World
Cups from 1998; the Euro 2024 and Club World Cup 2025 samples of the format's specification),
one file or folder each (``worldcup/more/`` where the tournament's own folder has no goals)."""

NEW_TIMEKEEPING = dt.date(2022, 11, 20)
"""The first day of the 2022 World Cup, where FIFA's referees began to add the time actually
lost (and UEFA and the leagues followed in 2023-24): the start of the second era."""

PERIOD_ENDS = ADDED_TIME_AFTER
RATE_MINUTES = 15
"""The scoring rate of a period is taken over its last quarter of an hour (minutes 31-45,
76-90, and each half of extra time), the play the added time continues."""
POOLED = ADDED_TIME_AFTER[2:]
"""Extra time is seldom played and its added time seldom scored in (a handful of goals in all
the data): its law is fitted on both eras together."""


@dataclass(frozen=True, slots=True)
class PeriodFit:
    """One period's fit: the matches that played it, their goals a minute in its last quarter
    of an hour, the goals at ``end+n'`` (n = 1, 2, ...), and the fitted P(A >= n)."""

    end: int
    matches: int
    rate: float
    counts: tuple[int, ...]
    survival: tuple[float, ...]

    @property
    def mean(self) -> float:
        """Expected minutes added: the sum of the survival."""
        return sum(self.survival)


@dataclass(frozen=True, slots=True)
class EraFit:
    """The fits of one era of timekeeping, from ``since`` (``None``: the first era)."""

    since: dt.date | None
    periods: tuple[PeriodFit, ...]


def read_matches(openfootball: Path, sources: Sequence[str] = SOURCES) -> tuple[Match, ...]:
    """The played matches of ``sources`` under the openfootball folder, group stages too."""
    matches: list[Match] = []
    for source in sources:
        season = load_with_problems(openfootball / source, knockout=False).season
        matches += [m for m in season.matches if m.score is not None]
    return tuple(matches)


def _clock(goal: Goal, match: Match) -> tuple[int, int]:
    """A goal's (minute, added), a minute past the match's last (``93'`` in a match without
    extra time) read as that minute's added time, as files count on."""
    end = REGULAR_TIME if match.extra_time is None else EXTRA_TIME_END
    if goal.minute > end and not goal.added:
        return end, goal.minute - end
    return goal.minute, goal.added


def fit_survival(counts: Sequence[int], rate: float) -> tuple[float, ...]:
    """P(A >= n), n = 1..len(counts), most likely for goals ``counts[n - 1]`` at ``end+n'``,
    Poisson with mean ``rate`` · P(A >= n), among the laws whose chance of the whistle in the
    next minute never falls as added time goes on (log P(A >= n) concave from P(A >= 0) = 1:
    the minutes still to come shrink as the minutes played grow). A convex problem, solved in
    the non-negative second differences ``e`` of -log P(A >= n)."""
    if not counts or rate <= 0:
        return ()
    size = len(counts)
    y = np.asarray(counts, dtype=float)
    steps = np.array([[max(n - i + 1, 0) for i in range(size)] for n in range(size)], dtype=float)

    def cost(e: NDArray[np.float64]) -> tuple[float, NDArray[np.float64]]:
        u = -steps @ e
        expected = rate * np.exp(u)
        return float((expected - y * u).sum()), -(steps.T @ (expected - y))

    start = np.full(size, 0.1)
    found = minimize(
        cost,
        start,
        jac=True,
        method="L-BFGS-B",
        bounds=[(0, None)] * size,
        options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 10_000},
    )
    return tuple(round(float(p), 4) for p in np.exp(-steps @ found.x))


def _fit_period(matches: Iterable[Match], end: int) -> PeriodFit:
    played = [m for m in matches if end <= REGULAR_TIME or m.extra_time is not None]
    clocks = [_clock(g, m) for m in played for g in m.goals or ()]
    late = sum(1 for minute, added in clocks if end - RATE_MINUTES < minute <= end and not added)
    rate = late / RATE_MINUTES
    added = [a for minute, a in clocks if minute == end and a > 0]
    counts = tuple(added.count(n) for n in range(1, max(added, default=0) + 1))
    return PeriodFit(end, len(played), rate, counts, fit_survival(counts, rate))


def fit_added_time(
    matches: Sequence[Match], eras: Sequence[dt.date] = (NEW_TIMEKEEPING,)
) -> tuple[EraFit, ...]:
    """The added-time law of each era (each of ``eras`` starts one) and period, from
    ``matches``; extra time's on all of them (``POOLED``)."""
    starts: list[dt.date | None] = [None, *eras]
    fits = []
    for i, since in enumerate(starts):
        until = starts[i + 1] if i + 1 < len(starts) else None
        chosen = [
            m
            for m in matches
            if (since is None or m.date >= since) and (until is None or m.date < until)
        ]
        fits.append(
            EraFit(
                since,
                tuple(_fit_period(matches if e in POOLED else chosen, e) for e in PERIOD_ENDS),
            )
        )
    return tuple(fits)


MODULE_HEADER = '''\
"""Generated by ``python bench/added_time.py`` (``matchday.evaluate.added_time``):
per era of timekeeping, P(at least n minutes are added) after the 45th, 90th, 105th and 120th
minute, n = 1, 2, ..., fitted from the goals in added time of real matches. Do not edit.
"""

'''
ERAS_LINE = "ERAS: tuple[tuple[str | None, dict[int, tuple[float, ...]]], ...] = (\n"


def _values(survival: tuple[float, ...]) -> str:
    """A tuple as ``ruff format`` writes it: on one line when it holds one value at most."""
    if len(survival) <= 1:
        return "(" + "".join(f"{p!r}," for p in survival) + ")"
    return "(\n" + "".join(f"                {p!r},\n" for p in survival) + "            )"


def module_text(fits: Sequence[EraFit]) -> str:
    """The source of ``matchday.live.added_time_fitted`` for ``fits``."""
    lines = [MODULE_HEADER, ERAS_LINE]
    for era in fits:
        since = "None" if era.since is None else f'"{era.since.isoformat()}"'
        lines.append(f"    (\n        {since},\n        {{\n")
        for period in era.periods:
            lines.append(f"            {period.end}: {_values(period.survival)},\n")
        lines.append("        },\n    ),\n")
    lines.append(")\n")
    return "".join(lines)
