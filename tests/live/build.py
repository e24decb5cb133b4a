"""Ties built from plain scores, and the rules engine's own answer for how they end.

The brute-force side of the live tests: every answer here comes from ``matchday.rules.decide``
on real ``Tie``/``Match`` values, never from the live module.
"""

from __future__ import annotations

import datetime as dt

from matchday.errors import UnsettledTieError
from matchday.live import EventKind, MatchEvent
from matchday.model import Match, Score, Team, Tie
from matchday.rules import Rules, decide

HOSTS = Team("Hosts FC")
"""Team 1: at home in the first leg (or named first in a final)."""
VISITORS = Team("Visitors FC")
"""Team 2: at home in the second leg."""
FIRST_DAY = dt.date(2018, 2, 15)
SECOND_DAY = dt.date(2018, 2, 22)
LEVEL = "level"
"""What ``ending`` returns when the rules send the tie on to the next phase."""


def two_legged(first: Score | None, second: Score | None = None, extra: Score | None = None) -> Tie:
    """Hosts v Visitors (``first``), then Visitors v Hosts (``second``, ``extra`` after 120')."""
    return Tie(
        "Round of 32",
        (
            Match(FIRST_DAY, HOSTS, VISITORS, score=first),
            Match(SECOND_DAY, VISITORS, HOSTS, score=second, extra_time=extra),
        ),
    )


def final(score: Score | None = None, extra: Score | None = None) -> Tie:
    """Hosts v Visitors in one match."""
    return Tie("Final", (Match(SECOND_DAY, HOSTS, VISITORS, score=score, extra_time=extra),))


def ending(tie: Tie, rules: Rules) -> Team | str:
    """Who ``decide`` puts through, or ``LEVEL`` when it needs a phase that is not recorded
    (or lots, which the results never decide)."""
    try:
        winner = decide(tie, rules).winner
    except UnsettledTieError:
        return LEVEL
    return LEVEL if winner is None else winner


def goal(tie: Tie, team: Team, minute: int, added: int = 0) -> MatchEvent:
    """A goal for ``team`` in the tie's deciding match, as a desk posts it (by side)."""
    return MatchEvent(EventKind.GOAL, minute, added, tie.last_match.side_of(team))


FULL_TIME = MatchEvent(EventKind.FULL_TIME)


def shoot_out(result: Score | None = None) -> MatchEvent:
    """The shoot-out begun (no ``result``) or over."""
    return MatchEvent(EventKind.SHOOT_OUT, shootout=result)
