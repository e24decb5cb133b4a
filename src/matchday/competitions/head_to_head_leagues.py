"""Domestic leagues whose teams level on points are separated head-to-head first, as data.

Sources (only what they state is encoded):

- Spain, La Liga and Segunda División: points; then the matches among the teams level
  (head-to-head points, then goal difference), then goal difference and goals scored over the
  season (RFEF's general regulations, as the Spanish press and Wikipedia's season articles
  give them: Getafe 5th over Sevilla in 2018-19, level on 59 points, on head-to-head).
- Italy, Serie A and Serie B: points; then the "classifica avulsa": head-to-head points, then
  goal difference, then goal difference and goals scored over the season, then lots
  (gazzetta.it, 9 May 2023; goal.com, February 2023: Inter 4th over Lazio in 2017-18 on
  head-to-head). From 2022-23 two teams level on points for the title or for 17th place meet
  in a play-off instead (infobetting.com and gazzettadelsud.it on 2022-23's Spezia and Verona,
  level on 31 points, who played one); three or more go by the classifica avulsa first.
- Portugal, Primeira Liga: points; head-to-head points, goal difference and (to 2019-20 at
  least) away goals; then goal difference, wins and goals scored over the season; two teams
  still level play a play-off (Liga Portugal's article 17, as record.pt gave it in June 2020
  and maisfutebol.iol.pt, without away goals, in April 2023). When away goals left is not
  known: they count up to 2021-22 here, and the files of 2020-21 and 2021-22 have no tie they
  would decide. 2019-20: Braga 3rd over Sporting on head-to-head away goals (Braga went to
  the Europa League group stage, Sporting to its qualifying).

Their knockout matches (a play-off) keep the rules matchday applied to these files before it
knew them, UEFA's club rules of the era; each league's own are not checked.
"""

from __future__ import annotations

import dataclasses

from matchday.competitions.domestic_leagues import round_robin_league
from matchday.competitions.registry import Competition, Name
from matchday.standings.rules import Criterion, TableRules

__all__ = [
    "HEAD_TO_HEAD_LEAGUES",
    "ITALIAN",
    "ITALIAN_2022",
    "PORTUGUESE_2018",
    "PORTUGUESE_2022",
    "SPANISH",
]

_HEAD_TO_HEAD = (Criterion.POINTS, Criterion.GOAL_DIFFERENCE)
_OVERALL = (Criterion.GOAL_DIFFERENCE, Criterion.GOALS)
_TITLE, _SEVENTEENTH = 1, 17


SPANISH = TableRules(
    "spanish",
    head_to_head=_HEAD_TO_HEAD,
    overall=_OVERALL,
    description="Spain: points; head-to-head points and goal difference; then goal difference "
    "and goals scored (the criteria after them are not modelled)",
)
ITALIAN = TableRules(
    "italian",
    head_to_head=_HEAD_TO_HEAD,
    overall=_OVERALL,
    beyond_results=(Criterion.LOTS,),
    description="Italy: points; head-to-head points and goal difference (the classifica "
    "avulsa); then goal difference and goals scored; then lots",
)
ITALIAN_2022 = dataclasses.replace(
    ITALIAN,
    name="italian-2022",
    play_off_places=(_TITLE, _SEVENTEENTH),
    description="Serie A from 2022-23: as before, but two teams level on points for the title "
    "or 17th place meet in a play-off",
)


_PORTUGUESE_OVERALL = (Criterion.GOAL_DIFFERENCE, Criterion.WINS, Criterion.GOALS)
PORTUGUESE_2018 = TableRules(
    "portuguese-2018",
    head_to_head=(*_HEAD_TO_HEAD, Criterion.AWAY_GOALS),
    overall=_PORTUGUESE_OVERALL,
    beyond_results=(Criterion.PLAY_OFF,),
    description="Portugal to 2021-22: points; head-to-head points, goal difference, away goals; "
    "then goal difference, wins, goals scored; then a play-off",
)
PORTUGUESE_2022 = TableRules(
    "portuguese-2022",
    head_to_head=_HEAD_TO_HEAD,
    overall=_PORTUGUESE_OVERALL,
    beyond_results=(Criterion.PLAY_OFF,),
    description="Portugal from 2022-23: as before without head-to-head away goals",
)


LA_LIGA = round_robin_league(
    "la-liga",
    (
        Name("La Liga"),
        Name("LaLiga", "es"),
        Name("Primera División de España", "es"),
        Name("Spain Primera División"),
        Name("Spanish Primera División"),
    ),
    ((2012, SPANISH), (2021, SPANISH)),
)
SEGUNDA_DIVISION = round_robin_league(
    "segunda-division",
    (
        Name("Segunda División de España", "es"),
        Name("Spain Segunda División"),
        Name("Spanish Segunda División"),
        Name("LaLiga Hypermotion", "es"),
    ),
    ((2012, SPANISH), (2021, SPANISH)),
)
SERIE_A = round_robin_league(
    "serie-a",
    (Name("Italian Serie A"), Name("Serie A TIM", "it"), Name("Serie A Enilive", "it")),
    ((2013, ITALIAN), (2021, ITALIAN), (2022, ITALIAN_2022)),
)

PRIMEIRA_LIGA = round_robin_league(
    "primeira-liga",
    (
        Name("Portuguese Primeira Liga"),
        Name("Primeira Liga", "pt"),
        Name("Liga NOS", "pt"),
        Name("Liga Portugal Betclic", "pt"),
    ),
    ((2018, PORTUGUESE_2018), (2021, PORTUGUESE_2018), (2022, PORTUGUESE_2022)),
)

HEAD_TO_HEAD_LEAGUES: tuple[Competition, ...] = (LA_LIGA, SEGUNDA_DIVISION, SERIE_A, PRIMEIRA_LIGA)
"""The leagues of this module (Serie B, with its play-offs, is an entry of its own)."""
