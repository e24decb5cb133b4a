"""Building small tables from lines such as ``"A 1-0 B"`` (home first)."""

from __future__ import annotations

import datetime as dt

from matchday.model import Match, Score, Team

START = dt.date(2017, 9, 12)


def team(name: str) -> Team:
    """A team of the small tables, called by one letter."""
    return Team(name, "XXX")


def matches(*lines: str) -> tuple[Match, ...]:
    """One match per line ``"Home h-a Away"`` (``"A v B"`` for one not played), a day apart."""
    played = []
    for day, line in enumerate(lines):
        home, score, away = line.split()
        result = None if score == "v" else Score(*map(int, score.split("-")))
        played.append(Match(START + dt.timedelta(days=day), team(home), team(away), result))
    return tuple(played)
