"""Domestic leagues that separate teams level on points by goal difference first and go
head-to-head only after it, as data.

Sources (only what they state is encoded):

- Germany, Bundesliga and 2. Bundesliga: points, goal difference, goals scored, then the
  aggregate of the two meetings, away goals in them, away goals over the season, then a play-off
  on neutral ground (DFL's rules as bundesliga.com gave them in 2018 and sportschau.de on 6
  March 2023).
- France, Ligue 1 and Ligue 2: to 2016-17 goal difference, then goals scored (Le Havre behind
  Metz on goals in 2015-16, lequotidiendusport.fr); from 2017-18 goal difference, then
  head-to-head points, goal difference, goals and away goals, then goals and away goals over
  the season, then the disciplinary table (LFP article 518 ter, as tribunenantaise.fr and
  maligue2.fr gave it in May 2024); from 2025-26 without away goals: goal difference,
  head-to-head points and goal difference, then goals, wins and away wins over the season,
  disciplinary points, lots (goal.com and butsoccers.com, August 2025).
- Netherlands, Eredivisie: points, goal difference, goals scored, then the result of the
  meetings, then a play-off (infonu.nl on the KNVB's rules; fcupdate.nl, February 2025).
"""

from __future__ import annotations

from matchday.competitions.domestic_leagues import round_robin_league
from matchday.competitions.registry import Competition, Name
from matchday.standings.rules import DOMESTIC, Criterion, TableRules

__all__ = ["FRENCH_2017", "FRENCH_2025", "GERMAN", "GOAL_DIFFERENCE_LEAGUES"]

_GOALS = (Criterion.GOAL_DIFFERENCE, Criterion.GOALS)


GERMAN = TableRules(
    "german",
    overall=_GOALS,
    head_to_head=(Criterion.POINTS, Criterion.GOAL_DIFFERENCE, Criterion.AWAY_GOALS),
    head_to_head_last=True,
    after_head_to_head=(Criterion.AWAY_GOALS,),
    beyond_results=(Criterion.PLAY_OFF,),
    description="Germany: goal difference, goals scored; then the meetings' aggregate and away "
    "goals; then away goals over the season; then a play-off",
)
FRENCH_2017 = TableRules(
    "french-2017",
    overall=(Criterion.GOAL_DIFFERENCE,),
    head_to_head=(
        Criterion.POINTS,
        Criterion.GOAL_DIFFERENCE,
        Criterion.GOALS,
        Criterion.AWAY_GOALS,
    ),
    head_to_head_last=True,
    after_head_to_head=(Criterion.GOALS, Criterion.AWAY_GOALS),
    beyond_results=(Criterion.DISCIPLINARY_POINTS,),
    description="France 2017-18 to 2024-25: goal difference; head-to-head points, goal "
    "difference, goals, away goals; goals and away goals over the season; the disciplinary "
    "table",
)
FRENCH_2025 = TableRules(
    "french-2025",
    overall=(Criterion.GOAL_DIFFERENCE,),
    head_to_head=(Criterion.POINTS, Criterion.GOAL_DIFFERENCE),
    head_to_head_last=True,
    after_head_to_head=(Criterion.GOALS, Criterion.WINS, Criterion.AWAY_WINS),
    beyond_results=(Criterion.DISCIPLINARY_POINTS, Criterion.LOTS),
    description="France from 2025-26: goal difference; head-to-head points and goal "
    "difference; goals, wins, away wins over the season; disciplinary points; lots",
)
DUTCH = TableRules(
    "dutch",
    overall=_GOALS,
    head_to_head=(Criterion.POINTS, Criterion.GOAL_DIFFERENCE),
    head_to_head_last=True,
    beyond_results=(Criterion.PLAY_OFF,),
    description="Netherlands: goal difference, goals scored; then the meetings' result; then "
    "a play-off",
)


_GERMAN_ERAS = ((2010, GERMAN), (2021, GERMAN))
_FRENCH_ERAS = ((2014, DOMESTIC), (2017, FRENCH_2017), (2021, FRENCH_2017), (2025, FRENCH_2025))

GOAL_DIFFERENCE_LEAGUES: tuple[Competition, ...] = (
    round_robin_league(
        "bundesliga",
        (Name("Deutsche Bundesliga", "de"), Name("German Bundesliga"), Name("1. Bundesliga", "de")),
        _GERMAN_ERAS,
    ),
    round_robin_league(
        "2-bundesliga",
        (Name("Deutsche 2. Bundesliga", "de"), Name("German 2. Bundesliga"), Name("2. Bundesliga")),
        _GERMAN_ERAS,
    ),
    round_robin_league(
        "ligue-1",
        (Name("French Ligue 1"), Name("Ligue 1 Uber Eats", "fr"), Name("Ligue 1 McDonald's", "fr")),
        _FRENCH_ERAS,
    ),
    round_robin_league(
        "ligue-2", (Name("French Ligue 2"), Name("Ligue 2 BKT", "fr")), _FRENCH_ERAS
    ),
    round_robin_league(
        "eredivisie",
        (Name("Netherlands Eredivisie"), Name("Dutch Eredivisie"), Name("Eredivisie", "nl")),
        ((2018, DUTCH), (2021, DUTCH)),
    ),
)
"""The leagues of this module."""
