"""Simulated competitions per minute with UEFA's draws for the rounds not yet drawn.

    python bench/draw_forecast_speed.py [SIMULATIONS]

Writes its section of docs/benchmarks.md. Needs ../shared/data (the Champions League files).
Each case is prepared once (the plan and the chances of every pairing), then ``simulate`` is
timed alone: an open draw (the Europa League 2017-18 from 22 February 2018, as in "Simulated
competitions"), the Champions League round of 16 drawn from the group tables (UEFA's
constrained draw, in every simulation), the same with the group stage still to finish, and the
league-phase bracket of 2024-25 before and after the league phase ended.
"""

from __future__ import annotations

import datetime as dt
import sys
import time

from common import DATA
from matchday.forecast.competition import simulate
from matchday.forecast.season import prepare, season_as_it_stood
from matchday.io.footballtxt import parse
from matchday.io.load import load
from matchday.io.snapshot import choose_snapshot
from matchday.model import Season
from matchday.rules import rules_for_season
from report import machine, update_section

CL = DATA / "champions-league"


def _cut(year: str, before: str) -> Season:
    """A Champions League season as it was before the round ``before`` was drawn."""
    text = (CL / year / "cl.txt").read_text(encoding="utf-8")
    return parse(text.split(before)[0], f"{year}/cl.txt up to {before.strip('» ')}")


CASES = (
    (
        "Europa League 2017-18 on 22 Feb 2018: round of 32 second legs, then open draws",
        lambda: load("europa-league-2017-18"),
        dt.date(2018, 2, 22),
        dt.date(2018, 2, 22),
    ),
    (
        "Champions League 2017-18 after the groups: round of 16 drawn as UEFA does, then open",
        lambda: _cut("2017-18", "» Round of 16"),
        None,
        dt.date(2018, 2, 13),
    ),
    (
        "Champions League 2017-18 on 22 Nov 2017: group stage to finish, then the same draws",
        lambda: load(CL / "2017-18" / "cl.txt"),
        dt.date(2017, 11, 22),
        dt.date(2018, 2, 13),
    ),
    (
        "Champions League 2024-25 after the league phase: play-off and round-of-16 bracket",
        lambda: _cut("2024-25", "» Playoffs, Matchday 1"),
        None,
        dt.date(2025, 1, 30),
    ),
    (
        "Champions League 2024-25 on 1 Dec 2024: league phase to finish, then the bracket",
        lambda: load(CL / "2024-25" / "cl.txt"),
        dt.date(2024, 12, 1),
        dt.date(2024, 12, 1),
    ),
)
"""(what, the season, as of, the date whose shipped ratings are used)."""


def main() -> None:
    simulations = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rows = []
    for what, season_of, as_of, ratings_on in CASES:
        season = season_of()
        ratings = choose_snapshot(ratings_on).ratings
        rules = rules_for_season(season.start_year)
        started = time.perf_counter()
        plan, two, one = prepare(season, ratings, rules, as_of=as_of)
        setup = time.perf_counter() - started
        started = time.perf_counter()
        forecast = simulate(plan.teams, plan.steps, two, one, simulations, 1, plan.entry)
        seconds = time.perf_counter() - started
        draws = ", ".join(dict.fromkeys(d for d in forecast.draws if d is not None))
        rate = simulations * 60 / seconds
        stood = season_as_it_stood(season, as_of)
        to_play = sum(1 for r in stood.rounds if not r.knockout for m in r.matches if not m.played)
        rows.append(f"| {what} | {to_play} | {draws} | {setup:.2f} | {seconds:.2f} | {rate:,.0f} |")
        print(rows[-1], flush=True)
    body = f"""Command: `python bench/draw_forecast_speed.py {simulations}` (from the repository
root, with `../shared/data` present)

Machine: {machine()}; 2 cores shared with other work, 24 GiB.

{simulations:,} simulated competitions per case, seeded. "per minute": simulated competitions
per minute. "setup": the plan of the rounds still to play and the chances of every pairing of
its teams (once per forecast); "simulate": the simulations alone, draws included. The ratings
are the shipped ones (for the Champions League 2017-18, those fitted before 13 February 2018:
the speed does not depend on them).

| case | table matches to play | draws still to come | setup, s | simulate, s | per minute |
|---|---:|---|---:|---:|---:|
{chr(10).join(rows)}

UEFA's constrained draw is made in every simulation with the sequential procedure (unseeded
teams in random order, each given a seeded team uniformly among those it may meet and that leave
a draw that can still be completed), all simulations at once (`matchday.draw.sample_matchings`);
the completability check is asked once per distinct set of remaining options. With the group
stage still to play, each simulation has its own group winners and runners-up, so its own bans,
and the remaining group matches and tables (head-to-head tie-breakers included) are simulated too.
"""
    update_section("Competition forecast with UEFA's draws", body)


if __name__ == "__main__":
    main()
