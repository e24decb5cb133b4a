"""The forecasts a round-up tells from: each decided tie's chance of going through, minute by
minute over its deciding match, as the shipped ratings fitted before that match saw it.

The story logic (``matchday.report.story``) never forecasts; this is where a report asks for
the series it is given, from ``matchday.forecast`` and the ratings shipped with matchday.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from matchday.forecast.outlook import through_by_minute
from matchday.forecast.ratings import Basis
from matchday.io.snapshot import fresh_snapshot
from matchday.model import Tie
from matchday.report.story import ThroughChances, TieStory
from matchday.rules import Rules

__all__ = ["forecast_chances", "through_chances"]


@functools.lru_cache(maxsize=512)
def through_chances(tie: Tie, rules: Rules) -> ThroughChances | None:
    """Team 1's P(through) after each minute of the deciding match of ``tie``, from the newest
    shipped ratings fitted before the day it was played (no look-ahead).

    ``None`` when the match is not played, its goals are not on record, no shipped ratings
    are recent enough (``fresh_snapshot``) or they know neither team (national teams: their
    ratings come with a later issue). Remembered: the service writes the same night's
    report again and again.
    """
    match = tie.last_match
    snapshot = fresh_snapshot(match.date)
    if not match.played or match.goals is None or snapshot is None:
        return None
    known = (snapshot.ratings.rating(team).basis for team in tie.teams)
    if all(basis is Basis.AVERAGE for basis in known):
        return None  # neither team rated (national teams under club ratings): no forecast
    return ThroughChances(tie.team1, through_by_minute(tie, snapshot.ratings, rules))


def forecast_chances(stories: Iterable[TieStory], rules: Rules) -> tuple[ThroughChances, ...]:
    """The series of every story whose night's match decided its tie, where there is one."""
    found = (through_chances(story.tie, rules) for story in stories if story.deciding)
    return tuple(series for series in found if series is not None)
