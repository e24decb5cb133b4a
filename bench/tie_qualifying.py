"""Why are the test seasons' July-August (qualifying) ties overconfident? What their clubs'
ratings rest on, and whether a larger rating variance (all clubs, or the country level's
uncertainty added to a club's prior) helps. Rewrites the "Tie calibration: what the qualifying
ties' ratings rest on (issue 13)" section of docs/benchmarks.md.

    python bench/tie_qualifying.py

Rolling origin as ``bench/tie_calibration.py`` (matchday, all results, refitted on the first of
each month), every finished tie forecast before its first leg at several variance scales.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import time

import numpy as np

from common import DATA, machine
from matchday.cli.fit import national_strength
from matchday.evaluate.backtest import month_starts
from matchday.evaluate.data import backtest_data
from matchday.evaluate.models import Matchday
from matchday.forecast.fit import behind_closed_doors
from matchday.forecast.tie import LegRates
from matchday.forecast.uncertainty import rating_variance, uncertain_through
from report import update_section

SCALES = (0.0, 1.0, 2.0, 4.0, 8.0)
TEST_START = dt.date(2022, 6, 1)


def main() -> None:
    started, load = time.process_time(), os.getloadavg()
    data = backtest_data(DATA, 2013)
    ties = sorted(data.ties, key=lambda t: t.date)
    model = Matchday("matchday (all results)", national=national_strength(DATA))
    rows: list[list[float]] = []
    for origin in month_starts(ties[0].date, ties[-1].date):
        until = (origin + dt.timedelta(days=32)).replace(day=1)
        month = [t for t in ties if origin <= t.date < until]
        if not month:
            continue
        model.fit(data.table.before(origin), origin)
        r = model.ratings
        assert r is not None
        for tie in month:
            closed = behind_closed_doors(tie.date)
            a = r.expected(tie.team1, tie.team2, neutral=tie.neutral, closed_doors=closed)
            first = LegRates(a.home_goals, a.away_goals)
            second = None
            if tie.two_legs:
                b = r.expected(tie.team2, tie.team1, closed_doors=closed)
                second = LegRates(b.home_goals, b.away_goals)
            probs = [
                uncertain_through(
                    r, tie.team1, tie.team2, first, second, tie.rules, rho=a.rho, scale=s
                )
                for s in SCALES
            ]
            v = sum(rating_variance(r, t, 1.0, country=True) for t in (tie.team1, tie.team2))
            base = sum(rating_variance(r, t, 1.0) for t in (tie.team1, tie.team2))
            probs.append(
                uncertain_through(
                    r, tie.team1, tie.team2, first, second, tie.rules, rho=a.rho, scale=v / base
                )
            )
            feats = []
            for team in (tie.team1, tie.team2):
                i = r.position(team)
                feats += [
                    float(r.weight[i]) if i is not None else 0.0,
                    float(r.matches[i]) if i is not None else 0.0,
                    float((team.country or "") in r.countries),
                ]
            rows.append(
                [
                    float(tie.date.toordinal()),
                    float(tie.date.month in (7, 8)),
                    float(origin >= TEST_START),
                    float(tie.team1_through),
                    *feats,
                    *probs,
                ]
            )
        print(origin, len(rows), flush=True)
    body = report(np.asarray(rows))
    seconds = time.process_time() - started
    body += (
        f"\n{seconds:.0f} s CPU; {machine()}; load average {load[0]:.1f} at the start (machine "
        "shared with other engineers' work; the figures are not timings).\n"
    )
    update_section("Tie calibration: what the qualifying ties' ratings rest on (issue 13)", body)
    print(body)


def _gap(p: np.ndarray, y: np.ndarray) -> str:
    """Brier score, what the forecasts expect of it (mean p(1-p)), the gap and its standard
    error."""
    diff = (p - y) ** 2 - p * (1 - p)
    se = diff.std(ddof=1) / np.sqrt(p.size) if p.size > 1 else float("nan")
    return (
        f"{p.size} | {np.mean((p - y) ** 2):.4f} | {np.mean(p * (1 - p)):.4f} "
        f"| {diff.mean():+.4f} ± {se:.4f}"
    )


def report(r: np.ndarray) -> str:
    """The tables of the section, from one row a tie (see ``main``)."""
    july, test, y = r[:, 1] == 1, r[:, 2] == 1, r[:, 3]
    least = np.minimum(r[:, 4], r[:, 7])  # the less-seen club's decayed match weight
    probs = r[:, 10:]
    labels = [f"{s:g}" + (" (today's point forecast)" if s == 0 else "") for s in SCALES]
    labels[1] += " (the default)"
    labels.append("1, prior plus the country level's variance")
    head = "| ties | Brier | Brier if calibrated | gap ± s.e. |"
    lines = [
        "```bash",
        "python bench/tie_qualifying.py",
        "```",
        "",
        "Before the first leg, rolling origin as `bench/tie_calibration.py`. The clubs' decayed",
        "match weight (`Ratings.weight`, what a rating rests on) of the less-seen club of each",
        "tie, by season block and month:",
        "",
        "| ties | ties | weight 10% | 25% | median | 75% | 90% | less than 5 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, mask in (
        ("2013-14 → 2021-22, July-August", ~test & july),
        ("2013-14 → 2021-22, other months", ~test & ~july),
        ("2022-23 → 2025-26, July-August", test & july),
        ("2022-23 → 2025-26, other months", test & ~july),
    ):
        q = np.percentile(least[mask], [10, 25, 50, 75, 90]) if mask.any() else [np.nan] * 5
        lines.append(
            f"| {name} | {int(mask.sum())} | "
            + " | ".join(f"{x:.1f}" for x in q)
            + f" | {int((mask & (least < 5)).sum())} |"
        )
    lines += ["", "By the less-seen club's weight (today's point forecast):", ""]
    lines += [f"| seasons, weight | {head[2:]}", "|---|---:|---:|---:|---:|"]
    edges = (0.0, 5.0, 10.0, 20.0, 40.0, np.inf)
    for name, block in (("2013-14 → 2021-22", ~test), ("2022-23 → 2025-26", test)):
        for lo, hi in itertools.pairwise(edges):
            mask = block & (least >= lo) & (least < hi)
            if mask.any():
                lines.append(f"| {name}, {lo:g}-{hi:g} | {_gap(probs[mask, 0], y[mask])} |")
    lines += ["", "By the variance scale of the ratings' uncertainty:", ""]
    lines += [f"| seasons, ties, variance | {head[2:]}", "|---|---:|---:|---:|---:|"]
    for name, mask in (
        ("2013-14 → 2021-22, all", ~test),
        ("2022-23 → 2025-26, all", test),
        ("2022-23 → 2025-26, July-August", test & july),
        ("2022-23 → 2025-26, other months", test & ~july),
    ):
        for k, label in enumerate(labels):
            lines.append(f"| {name}, {label} | {_gap(probs[mask, k], y[mask])} |")
    seen = (r[:, 4] >= 5) != (r[:, 7] >= 5)
    mask = test & seen
    p_seen = np.where(r[:, 4] >= 5, probs[:, 0], 1 - probs[:, 0])
    y_seen = np.where(r[:, 4] >= 5, y, 1 - y)
    both = test & (least < 5) & ~seen
    fav = np.where(probs[:, 0] >= 0.5, probs[:, 0], 1 - probs[:, 0])
    y_fav = np.where(probs[:, 0] >= 0.5, y, 1 - y)
    lines += [
        "",
        "2022-23 → 2025-26, ties of one club seen (weight 5 or more) and one not: "
        f"{int(mask.sum())}, "
        f"the seen club given {p_seen[mask].mean():.3f} on average, went through "
        f"{y_seen[mask].mean():.3f}; ties of two clubs unseen: {int(both.sum())}, the favourite "
        f"given {fav[both].mean():.3f}, went through {y_fav[both].mean():.3f}.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
