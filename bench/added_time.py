"""Fit the law of added time from real goal minutes and write
``src/matchday/live/added_time_fitted.py`` (``matchday.evaluate.added_time``); print the figures
``docs/benchmarks.md`` quotes, and a check of each era's mean from the international
goalscorers (whose minutes write a goal in added time as ``45'`` or ``90'``: the goals at 90
beyond the rate of minutes 80-89, divided by that rate, are the mean minutes added).

    PYTHONPATH=src python bench/added_time.py [DATA]     # DATA: ../shared/data by default
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

from matchday.evaluate.added_time import (
    NEW_TIMEKEEPING,
    fit_added_time,
    module_text,
    read_matches,
)

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "matchday" / "live" / "added_time_fitted.py"


def international_means(goalscorers: Path, since: dt.date | None, until: dt.date | None) -> str:
    """Mean minutes added after 45 and 90 from the goalscorers' minutes of one era."""
    minutes: Counter[int] = Counter()
    with goalscorers.open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            day = dt.date.fromisoformat(row["date"])
            if (since and day < since) or (until and day >= until) or row["minute"] == "NA":
                continue
            minutes[int(float(row["minute"]))] += 1
    parts = []
    for end, window in ((45, range(35, 45)), (90, range(80, 90))):
        rate = sum(minutes[m] for m in window) / len(window)
        parts.append(f"after {end}': {(minutes[end] - rate) / rate:.2f} ({minutes[end]} goals)")
    return ", ".join(parts)


def main(data: Path) -> None:
    matches = read_matches(data / "openfootball")
    fits = fit_added_time(matches)
    for i, era in enumerate(fits):
        until = fits[i + 1].since if i + 1 < len(fits) else None
        print(f"era from {era.since or 'the start'} to {until or 'now'}:")
        for period in era.periods:
            survival = ", ".join(f"{p:.2f}" for p in period.survival)
            print(
                f"  after {period.end}': {period.matches} matches, {period.rate:.2f} goals a "
                f"minute, goals at +1.. {list(period.counts)}, P(A>=n) {survival}; "
                f"mean {period.mean:.2f} min"
            )
        goalscorers = data / "international" / "goalscorers.csv"
        if goalscorers.exists():
            start = era.since or dt.date(2000, 1, 1)
            means = international_means(goalscorers, start, until)
            print(f"  international goalscorers from {start}: mean minutes added {means}")
    TARGET.write_text(module_text(fits), encoding="utf-8")
    print(f"wrote {TARGET} (new timekeeping from {NEW_TIMEKEEPING})")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
