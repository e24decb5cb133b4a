"""The forecasts a round-up tells from: each decided tie's chance of going through, minute by
minute over its deciding match, as the shipped ratings fitted before that match saw it.

The story logic (``matchday.report.story``) never forecasts; this is where a report asks for
the series it is given, from ``matchday.forecast`` and the ratings shipped with matchday.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from matchday.errors import ConfigError
from matchday.forecast.outlook import through_by_minute
from matchday.forecast.ratings import Basis, Ratings
from matchday.io.snapshot import STALE_DAYS, choose_national, fresh_snapshot
from matchday.model import Tie
from matchday.report.story import ThroughChances, TieStory
from matchday.rules import Rules

__all__ = [
    "forecast_chances",
    "national_tie_ratings",
    "rates",
    "through_chances",
    "tie_ratings",
]


def rates(ratings: Ratings, tie: Tie) -> bool:
    """Whether ``ratings`` rate a side of ``tie`` on results (a forecast of two unknowns, each
    the average side, would be a made-up 50%)."""
    return any(ratings.rating(team).basis is not Basis.AVERAGE for team in tie.teams)


def national_tie_ratings(tie: Tie) -> Ratings | None:
    """The newest shipped national-team ratings fitted before the deciding match, when they
    are fresh (as ``fresh_snapshot`` for clubs) and rate a side of ``tie``: as ``matchday
    check`` takes them, so a chance the report gives is one the check finds."""
    on = tie.last_match.date
    try:
        ratings = choose_national(on).ratings
    except ConfigError:  # none that early
        return None
    fresh = (on - ratings.as_of).days <= STALE_DAYS
    return ratings if fresh and rates(ratings, tie) else None


def tie_ratings(tie: Tie) -> Ratings | None:
    """The shipped ratings a report forecasts ``tie`` by: the newest club ratings fitted before
    its deciding match when they rate a side, else the national teams' (a World Cup's ties);
    ``None`` when no fresh ratings rate either side."""
    club = fresh_snapshot(tie.last_match.date)
    if club is not None and rates(club.ratings, tie):
        return club.ratings
    return national_tie_ratings(tie)


@functools.lru_cache(maxsize=512)
def through_chances(tie: Tie, rules: Rules) -> ThroughChances | None:
    """Team 1's P(through) after each minute of the deciding match of ``tie``, from the newest
    shipped ratings fitted before the day it was played (no look-ahead): the club ratings, or
    for national teams the national ratings (``tie_ratings``).

    ``None`` when the match is not played, its goals are not on record, or no shipped ratings
    recent enough (``STALE_DAYS``) know either team (a World Cup before the first shipped
    national ratings). Remembered: the service writes the same night's report again and again.
    """
    match = tie.last_match
    if not match.played or match.goals is None:
        return None
    ratings = tie_ratings(tie)
    if ratings is None:
        return None
    return ThroughChances(tie.team1, through_by_minute(tie, ratings, rules))


def forecast_chances(stories: Iterable[TieStory], rules: Rules) -> tuple[ThroughChances, ...]:
    """The series of every story whose night's match decided its tie, where there is one."""
    found = (through_chances(story.tie, rules) for story in stories if story.deciding)
    return tuple(series for series in found if series is not None)
