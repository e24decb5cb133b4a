"""Small builders for model values in tests: a tie from plain scores, with real dates."""

from __future__ import annotations

import datetime as dt

from matchday.model import Match, Score, Team, Tie

HOME = Team("Borussia Dortmund", "GER")
AWAY = Team("Atalanta", "ITA")
FIRST_DATE = dt.date(2018, 2, 15)
SECOND_DATE = dt.date(2018, 2, 22)


def score(text: str | None) -> Score | None:
    """``"2-1"`` into a Score; ``None`` stays ``None``."""
    if text is None:
        return None
    home, away = text.split("-")
    return Score(int(home), int(away))


def leg(
    home: Team,
    away: Team,
    result: str | None,
    *,
    date: dt.date = FIRST_DATE,
    aet: str | None = None,
    pens: str | None = None,
) -> Match:
    """A match with the 90-minute score ``result`` and optional extra time and shoot-out."""
    return Match(
        date=date,
        home=home,
        away=away,
        score=score(result),
        extra_time=score(aet),
        penalties=score(pens),
    )


def two_legs(
    first: str | None,
    second: str | None,
    *,
    aet: str | None = None,
    pens: str | None = None,
    team1: Team = HOME,
    team2: Team = AWAY,
) -> Tie:
    """A two-legged tie; ``team1`` hosts the first leg, the second leg's score is team2's first."""
    return Tie(
        "Round of 32",
        (
            leg(team1, team2, first, date=FIRST_DATE),
            leg(team2, team1, second, date=SECOND_DATE, aet=aet, pens=pens),
        ),
    )


def one_match(result: str | None, *, aet: str | None = None, pens: str | None = None) -> Tie:
    """A single-match tie (a final) between ``HOME`` and ``AWAY``."""
    return Tie("Final", (leg(HOME, AWAY, result, date=SECOND_DATE, aet=aet, pens=pens),))
