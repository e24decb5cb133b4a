"""Tie calibration with and without the ratings' uncertainty: chosen on earlier seasons, run once
on the test seasons. Rewrites the "Tie calibration: rating uncertainty (issue 13)" section of
docs/benchmarks.md.

    python bench/tie_calibration.py [--refit weekly]

Rolling origin as in ``matchday backtest`` (matchday, all results, refitted on the first of each
month on the results before it; with ``--refit weekly`` each Monday, and the section "Tie
calibration: weekly refits (issue 13)"): every finished European tie of the data's Champions League
folder is forecast before its first leg and, for two-legged ties, between the legs.
Validation: ties of 2013-14 → 2021-22, where the variance scale is chosen (by the ties' Brier
score); test: 2022-23 → 2025-26, run with today's forecast (scale 0) and the chosen scale only.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Sequence

import numpy as np

from common import DATA, machine
from matchday.cli.fit import national_strength
from matchday.evaluate.backtest import Refit, TieRecord, refit_windows
from matchday.evaluate.calibration import calibration_table, expected_calibration_error
from matchday.evaluate.data import backtest_data
from matchday.evaluate.models import Matchday
from matchday.forecast.fit import behind_closed_doors
from matchday.forecast.ratings import Ratings
from matchday.forecast.tie import LegRates
from matchday.forecast.uncertainty import SCALE, rating_variance, uncertain_through
from matchday.model import Team
from report import update_section

TEST_START = dt.date(2022, 6, 1)
SCALES = (0.0, 0.5, 1.0, 2.0)
COUNTRY = -1.0
"""Key of scale 1 without the country level's variance in a club's prior (``rating_variance``'s
``country=False``: the forecaster before 8 December 2026)."""
FLOOR_DRAWS = 500
WEEKLY_NOTE = """
The same as "Tie calibration: rating uncertainty", but the ratings refitted each Monday on the
results before it (`matchday backtest --refit weekly`; a desk does the same with `matchday fit
--before DATE` before a matchday), not on the first of each month. Qualifying rounds come a
week or two apart in July and August: refitted on the first of the month, a second qualifying
round at the end of July is forecast from ratings of 1 July, without the first round its clubs
have just played, and for a club the data has not seen before that round is all there is. Same
seasons, same ties, same rows: the scale was not chosen again (scale 1, as derived; the
validation tables below show it still does no harm there).
"""


def _through(ratings: Ratings, tie: TieRecord, scale: float, between: bool) -> float:
    closed = behind_closed_doors(tie.date)
    a = ratings.expected(tie.team1, tie.team2, neutral=tie.neutral, closed_doors=closed)
    first = LegRates(a.home_goals, a.away_goals)
    second = None
    if tie.two_legs:
        b = ratings.expected(tie.team2, tie.team1, closed_doors=closed)
        second = LegRates(b.home_goals, b.away_goals)
    if scale == COUNTRY:  # scale 1, the country level's variance left out of a club's prior
        teams = (tie.team1, tie.team2)
        scale = sum(rating_variance(ratings, t, country=False) for t in teams) / sum(
            rating_variance(ratings, t) for t in teams
        )
    return uncertain_through(
        ratings,
        tie.team1,
        tie.team2,
        first,
        second,
        tie.rules,
        rho=a.rho,
        scale=scale,
        first_leg=tie.first_leg if between else None,
    )


def _floor(p: np.ndarray, rng: np.random.Generator) -> float:
    """The ECE a perfectly calibrated forecaster expects with these probabilities and this many
    ties: outcomes drawn from the forecasts themselves."""
    return float(
        np.mean([expected_calibration_error(p, rng.random(p.size) < p) for _ in range(FLOOR_DRAWS)])
    )


def _row(label: str, p: Sequence[float], y: Sequence[bool], rng: np.random.Generator) -> str:
    pa, ya = np.asarray(p), np.asarray(y, dtype=np.float64)
    high = [row for row in calibration_table(pa, ya) if row[0] == 0.8]
    bin_text = f"{high[0][1]:.3f} → {high[0][2]:.3f} ({high[0][3]})" if high else "-"
    return (
        f"| {label} | {pa.size} | {np.mean((pa - ya) ** 2):.4f} | {np.mean(pa * (1 - pa)):.4f} "
        f"| {expected_calibration_error(pa, ya):.4f} | {_floor(pa, rng):.4f} | {bin_text} |"
    )


SEASONS = (
    (dt.date(2022, 6, 1), "2022-23 → 2023-24"),
    (dt.date(2024, 6, 1), "2024-25"),
    (dt.date(2025, 6, 1), "2025-26"),
)


def _by_season(
    pre: dict[tuple[bool, float], list[float]], y: list[bool], dates: list[dt.date]
) -> str:
    """The test ties' Brier score before the first leg, season by season, with and without the
    country level's variance: 2024-25 is the first season whose data holds the qualifying
    rounds (clubs seldom seen), where the choice could be made; 2025-26 is left to confirm it."""
    ya, when = np.asarray(y, dtype=np.float64), np.asarray(dates)
    ends = [start for start, _ in SEASONS[1:]] + [dt.date.max]
    rows = []
    for (start, label), end in zip(SEASONS, ends, strict=True):
        inside = (when >= start) & (when < end)
        brier = [
            float(np.mean((np.asarray(pre[(True, k)])[inside] - ya[inside]) ** 2))
            for k in (SCALE, COUNTRY)
        ]
        rows.append(f"| {label} | {int(inside.sum())} | {brier[0]:.4f} | {brier[1]:.4f} |")
    return (
        "Test seasons one by one, before the first leg (Brier score at scale 1):\n\n"
        "| season | ties | with the country level's variance | without |\n|---|---:|---:|---:|\n"
        + "\n".join(rows)
    )


def _weight(ratings: Ratings, team: Team) -> float:
    i = ratings.position(team)
    return float(ratings.weight[i]) if i is not None else 0.0


SEEN = 5.0
"""A club weighing less than this many recent matches is seldom seen (bench/tie_qualifying.py)."""


def _widest(pre: dict[tuple[bool, float], list[float]], y: list[bool], least: list[float]) -> str:
    """How far widening alone can go: every test tie of a club seldom seen shrunk towards 0.5 by
    the one factor best for the test seasons themselves (chosen after seeing them), from the
    forecaster without the country level's variance."""
    p, ya = np.asarray(pre[(True, COUNTRY)]), np.asarray(y, dtype=np.float64)
    seldom = np.asarray(least) < SEEN
    best = min(
        (float(np.mean((np.where(seldom, 0.5 + k * (p - 0.5), p) - ya) ** 2)), k)
        for k in np.arange(0.3, 1.001, 0.05)
    )
    return (
        f"\n\nHow far widening alone can go: the {int(seldom.sum())} test ties of a club weighing "
        f"under {SEEN:g} recent matches shrunk towards 0.5 by the factor best for the test "
        f"seasons themselves, chosen after seeing them ({best[1]:.2f}; the forecaster without "
        f"the country level's variance): Brier {best[0]:.4f} over all {p.size} test ties."
    )


def main() -> None:
    refit = Refit.WEEKLY if sys.argv[1:] == ["--refit", "weekly"] else Refit.MONTHLY
    started, load = time.process_time(), os.getloadavg()
    data = backtest_data(DATA, 2013)
    ties = sorted(data.ties, key=lambda t: t.date)
    model = Matchday("matchday (all results)", national=national_strength(DATA))
    pre: dict[tuple[bool, float], list[float]] = {}
    btw: dict[tuple[bool, float], list[float]] = {}
    went: dict[bool, list[bool]] = {False: [], True: []}
    went_btw: dict[bool, list[bool]] = {False: [], True: []}
    test_dates: list[dt.date] = []
    test_least: list[float] = []  # the decayed match weight of the tie's less-seen club
    for origin, until in refit_windows(ties[0].date, ties[-1].date, refit):
        month = [t for t in ties if origin <= t.date < until]
        if not month:
            continue
        test = origin >= TEST_START
        model.fit(data.table.before(origin), origin)
        assert model.ratings is not None
        scales = (0.0, SCALE, COUNTRY) if test else (*SCALES, COUNTRY)
        for tie in month:
            went[test].append(tie.team1_through)
            if test:
                test_dates.append(tie.date)
                test_least.append(min(_weight(model.ratings, t) for t in (tie.team1, tie.team2)))
            if tie.first_leg is not None:
                went_btw[test].append(tie.team1_through)
            for scale in scales:
                pre.setdefault((test, scale), []).append(
                    _through(model.ratings, tie, scale, between=False)
                )
                if tie.first_leg is not None:
                    btw.setdefault((test, scale), []).append(
                        _through(model.ratings, tie, scale, between=True)
                    )
        print(origin, len(went[False]), len(went[True]), flush=True)
    rng = np.random.default_rng(2026)
    head = (
        "| variance scale | ties | Brier | Brier if calibrated | ECE | ECE if calibrated "
        "| forecast 0.8-0.9: mean → went through (ties) |\n|---|---:|---:|---:|---:|---:|---|"
    )
    parts = []
    for test, title in (
        (False, "Validation: 2013-14 → 2021-22"),
        (True, "Test: 2022-23 → 2025-26"),
    ):
        for when, probs, y in (
            ("before the first leg", pre, went),
            ("between the legs", btw, went_btw),
        ):
            rows = [
                _row(
                    "1, without the country level's variance (before 8 December)"
                    if scale == COUNTRY
                    else f"{scale:g}" + (" (point forecast)" if scale == 0 else ""),
                    probs[(test, scale)],
                    y[test],
                    rng,
                )
                for (t, scale) in sorted(probs, key=lambda k: (k[0], k[1] == COUNTRY, k[1]))
                if t == test
            ]
            parts.append(f"{title}, {when}:\n\n{head}\n" + "\n".join(rows))
    seasons = _by_season(pre, went[True], test_dates) + _widest(pre, went[True], test_least)
    seconds = time.process_time() - started
    weekly = refit is Refit.WEEKLY
    cadence = "each Monday" if weekly else "on the first of each month"
    n_val, n_test = len(went[False]), len(went[True])
    body = (
        f"""```bash
python bench/tie_calibration.py{" --refit weekly" if weekly else ""}
```
{WEEKLY_NOTE if weekly else ""}
Does carrying the ratings' uncertainty into a tie (``forecast.uncertainty``: a Laplace
approximation of each club's attack and defence, variance 1 / (decayed match weight × goal rate
+ prior precision), times a scale; between the legs the first leg reweights the Gauss-Hermite
nodes by Bayes' rule) make P(through) honest? matchday (all results) refitted {cadence},
every finished tie of the data's Champions League folder (Champions, Europa and Conference
League, qualifying included where the data has it) forecast before its first leg and between
the legs. Scale 1 is the Laplace approximation as derived, not a tuned value; on
the validation seasons it left the ties' Brier score about where it was and lowered their ECE
(the tables), so it was kept, and the test seasons were then run once, with scale 0 (the
point forecast) and {SCALE:g}, now the default of a tie's forecast before its first leg. Since
8 December 2026 a club's prior variance includes its country level's (``rating_variance``);
"without the country level's variance" is the forecaster before (see "by season" below).
The validation seasons hold few qualifying ties ({n_val} ties in nine seasons
against {n_test} in four: before 2020-21 the data has the Champions League from its group stage
on), so the clubs seldom seen, where the test seasons' overconfidence lives, are hardly in
them. "if calibrated": what a perfectly calibrated forecaster with the same probabilities
expects (mean P·(1-P) for the Brier score; for the ECE, outcomes drawn from the forecasts
themselves, {FLOOR_DRAWS} times): with a few hundred ties and 10 bins even a perfect forecast
scores an ECE near 0.04, so the target's 0.02 cannot be told apart from noise on 639 ties.
The ratings are those of issue 13 part 6 (a country's level shrunk towards what its national
team's Elo implies, a club at the level of the league it plays in; see "Tie calibration: club
levels from the national teams and the leagues"), made after the test seasons had been seen.

"""
        + "\n\n".join(parts)
        + f"""

{seasons}

{seconds:.0f} s CPU; {machine()}; load average {load[0]:.1f} at the start (machine shared with
other engineers' work; the figures are not timings and do not depend on it).
"""
    )
    update_section(
        "Tie calibration: weekly refits (issue 13)"
        if weekly
        else "Tie calibration: rating uncertainty (issue 13)",
        body,
    )
    print(body)


if __name__ == "__main__":
    main()
