"""Fit time and likelihood: matchday against penaltyblog's Dixon-Coles on the same matches.

    python bench/fit_speed.py [--skip-penaltyblog]

Both fit the textbook Dixon-Coles model (matchday with ``FitSettings(plain=True)``) with the
same time-decay weights (xi 0.001 from the day after the last match); both fits are scored by
the same weighted log-likelihood function. Then matchday's own model (countries, priors) on
all results, for its fit time.
"""

from __future__ import annotations

import datetime as dt
import sys

import numpy as np

from common import DATA, best_of, machine
from matchday.evaluate.models import Penaltyblog, european_matches
from matchday.forecast.fit import FitSettings, fit, log_likelihood
from matchday.forecast.results import ResultTable
from matchday.io.history import load_history

XI = 0.001


def _domestic(table: ResultTable, since: dt.date) -> ResultTable:
    keep = np.flatnonzero(~table.european & (table.day >= since.toordinal()))
    return ResultTable(
        table.teams, table.home[keep], table.away[keep], table.home_goals[keep],
        table.away_goals[keep], table.day[keep], table.european[keep], table.neutral[keep],
    )  # fmt: skip


def _penaltyblog_likelihood(model: Penaltyblog, table: ResultTable, as_of: dt.date) -> float:
    pb = model.model
    params, n = pb._params, len(pb.teams)
    names = [f"{t.name} ({t.country})" for t in table.teams]
    h = np.array([pb.team_to_idx[names[i]] for i in table.home])
    a = np.array([pb.team_to_idx[names[i]] for i in table.away])
    hfa = np.where(table.neutral, 0.0, params[-2])
    eta_home = hfa + params[h] + params[a + n]
    eta_away = params[a] + params[h + n]
    weight = np.exp(-XI * (as_of.toordinal() - table.day))
    return log_likelihood(table, eta_home, eta_away, float(params[-1]), weight)


def run(name: str, table: ResultTable, with_penaltyblog: bool) -> None:
    as_of = dt.date.fromordinal(int(table.day.max()) + 1)
    seconds, ratings = best_of(3, lambda: fit(table, as_of, FitSettings(xi=XI, plain=True)))
    ours = ratings.log_likelihood  # type: ignore[attr-defined]
    print(
        f"| {name} | {len(table):,} | matchday Dixon-Coles | {seconds:.2f} | {ours:,.2f} |",
        flush=True,
    )
    if with_penaltyblog:
        model = Penaltyblog(XI, european_only=False)
        pb_seconds, _ = best_of(1, lambda: model.fit(table, as_of))
        theirs = _penaltyblog_likelihood(model, table, as_of)
        print(
            f"| {name} | {len(table):,} | penaltyblog Dixon-Coles | {pb_seconds:.2f} "
            f"| {theirs:,.2f} | ({pb_seconds / seconds:.0f}x)",
            flush=True,
        )


def main() -> None:
    with_penaltyblog = "--skip-penaltyblog" not in sys.argv
    print(machine())
    history = load_history(DATA)
    table = ResultTable.from_results(history.results)
    print("| data | matches | model | fit seconds | weighted log-likelihood |")
    print("|---|---:|---|---:|---:|")
    run("all European matches", european_matches(table), with_penaltyblog)
    run(
        "domestic leagues since 2021-07-01", _domestic(table, dt.date(2021, 7, 1)), with_penaltyblog
    )
    as_of = dt.date.fromordinal(int(table.day.max()) + 1)
    seconds, ratings = best_of(3, lambda: fit(table, as_of))
    print(
        f"| all results (domestic + European) | {len(table):,} | matchday full model "
        f"(countries, priors) | {seconds:.2f} | {ratings.log_likelihood:,.2f} |"  # type: ignore[attr-defined]
    )


if __name__ == "__main__":
    main()
