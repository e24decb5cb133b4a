"""Domestic leagues as data: how often each pair meets in the regular season, and, for the
leagues that split after it, what each later stage carries from it.

Sources, league by league (only what they state is encoded; where a league's rule of an era is
not known its stages keep to their own matches, as before):

- Scotland (the split since 2000-01): 33 matches, each pair meeting three times, then the top
  and bottom six meet once more; the 38 matches make one table and a team cannot move
  between the halves: the bottom six are places 7 to 12 (spfl.co.uk's final tables).
- Belgium: play-off points halved and rounded up since 2009-10; level on points, the team
  whose points were not rounded up goes first (hbvl.be, 12 March 2017), then the place in the
  regular season (nieuwsblad.be, 3 April 2018; sportnieuws.nl, 17 March 2024); the Europe
  play-offs halved as well from 2020-21, the relegation play-offs of 2023-24 on not halved
  (lalibre.be, 26 July 2023; fcupdate.nl, March 2024); the regular season's ties go to wins,
  goal difference, goals scored (sporza.be, 11 March 2024).
- Austria from 2018-19: after 22 rounds the points are halved and rounded down; level on
  points, a team that lost half a point in rounding goes first, then goal difference, goals
  scored, wins, away wins, head-to-head (kurier.at, 2018; ligaportal.at, March 2020); the
  table of each group counts the whole season's games and goals (ligaportal.at's tables).
  From 2021-22 the head-to-head ("direktes Duell": points, goal difference, goals, away goals
  over all the season's meetings) comes before goal difference, in the regular season and,
  after the rounding, in the groups; away goals over the season come last (derstandard.at,
  9 June 2021; ligaportal.at, May 2022). RSSSF's 2024-25 tables agree: Austria Wien third
  over Wolfsberger AC, GAK eleventh over Altach, on head-to-head.
- Greece 2019-20 to 2022-23: all regular-season points carried into the play-offs and
  play-outs (agonasport.com on the 2019-20 format; 2022-23's play-off tables of 30 matches).
  2023-24: the top six carry their points into a play-off of ten rounds (pressaris.gr, 28
  February 2024), the other eight theirs into a play-out for places 7 to 14 (gazzetta.gr's
  play-out table of April 2024). From 2024-25: play-offs of the top four and play-outs of
  places 9 to 14 with every point carried, the play-offs for places 5 to 8 from halved points
  (agones.gr, 10 July 2024; how those are rounded is not said, so that stage is not encoded).
- Turkey: a double round robin; teams level on points are separated head-to-head first.

Their knockout play-offs (a European place) keep the rules matchday applied to these files
before it knew them, UEFA's club rules of the era; each league's own are not checked.
"""

from __future__ import annotations

from matchday.competitions.format import Format, LeagueStage
from matchday.competitions.registry import Competition, Name
from matchday.rules.presets import UEFA_2021, UEFA_CLASSIC, Rules
from matchday.standings.carry import CarriedPoints, Carry
from matchday.standings.rules import DOMESTIC, Criterion, TableRules

__all__ = ["DOMESTIC_LEAGUES", "league_ties", "round_robin_league"]

_WHOLE_SEASON = Carry(CarriedPoints.ALL, whole_season=True)
_BELGIAN_HALVES = Carry(CarriedPoints.HALVED_ROUNDED_UP)
_AUSTRIAN_HALVES = Carry(CarriedPoints.HALVED_ROUNDED_DOWN, whole_season=True)

_RESULTS = (Criterion.GOAL_DIFFERENCE, Criterion.GOALS, Criterion.WINS, Criterion.AWAY_WINS)


def league_ties(first: int) -> Rules:
    """The knockout rules matchday applied to a league's files before it knew the league."""
    return UEFA_2021 if first >= 2021 else UEFA_CLASSIC


def round_robin_league(
    key: str, names: tuple[Name, ...], eras: tuple[tuple[int, TableRules], ...]
) -> Competition:
    """A league of one double round robin whose tie-breakers change by era (``eras``: the
    first season's year and its tie-breakers, oldest first)."""
    formats = tuple(
        Format(
            f"{names[0].text} from {first}-{(first + 1) % 100:02d}: a double round robin, "
            f"tie-breakers {rules.name}",
            first,
            league_ties(first),
            league=rules,
            league_meetings=2,
        )
        for first, rules in eras
    )
    return Competition(key, names, formats, club_ratings=True)


BELGIAN = TableRules(
    "belgian",
    overall=(Criterion.WINS, Criterion.GOAL_DIFFERENCE, Criterion.GOALS),
    description="Belgium's regular season: points, wins, goal difference, goals scored",
)
BELGIAN_PLAY_OFFS_2009 = TableRules(
    "belgian-play-offs-2009",
    overall=(Criterion.POINTS_BEFORE_ROUNDING,),
    description="Belgium's play-offs from 2009-10: points (halved, rounded up, on entry); "
    "level on points, a team not rounded up first; the criteria after that are not modelled",
)
BELGIAN_PLAY_OFFS = TableRules(
    "belgian-play-offs",
    overall=(Criterion.POINTS_BEFORE_ROUNDING, Criterion.REGULAR_SEASON_PLACE),
    description="Belgium's play-offs from 2017-18: points (halved, rounded up, on entry); "
    "level on points, a team not rounded up first, then the place in the regular season",
)
BELGIAN_RELEGATION = TableRules(
    "belgian-relegation",
    description="Belgium's relegation play-offs from 2023-24: points, all carried; the "
    "criteria after points are not modelled",
)
AUSTRIAN = TableRules(
    "austrian",
    overall=_RESULTS,
    description="Austria: points, goal difference, goals scored, wins, away wins (head-to-head "
    "after them is not modelled)",
)
AUSTRIAN_GROUPS = TableRules(
    "austrian-groups",
    overall=(Criterion.POINTS_BEFORE_ROUNDING, *_RESULTS),
    description="Austria's championship and qualifying groups from 2018-19: points (halved, "
    "rounded down, on entry); level on points, a team that lost half a point in rounding "
    "first; then goal difference, goals scored, wins, away wins over the whole season",
)
_HEAD_TO_HEAD_2021 = (
    Criterion.POINTS,
    Criterion.GOAL_DIFFERENCE,
    Criterion.GOALS,
    Criterion.AWAY_GOALS,
)
AUSTRIAN_2021 = TableRules(
    "austrian-2021",
    head_to_head=_HEAD_TO_HEAD_2021,
    overall=(*_RESULTS, Criterion.AWAY_GOALS),
    description="Austria from 2021-22: points; head-to-head points, goal difference, goals, "
    "away goals; then goal difference, goals scored, wins, away wins, away goals",
)
AUSTRIAN_GROUPS_2021 = TableRules(
    "austrian-groups-2021",
    head_to_head=(Criterion.POINTS_BEFORE_ROUNDING, *_HEAD_TO_HEAD_2021),
    overall=(*_RESULTS, Criterion.AWAY_GOALS),
    description="Austria's championship and qualifying groups from 2021-22: points (halved, "
    "rounded down, on entry); level on points, a team that lost half a point in rounding "
    "first; then head-to-head over all the season's meetings (points, goal difference, goals, "
    "away goals); then goal difference, goals scored, wins, away wins, away goals over the "
    "whole season",
)
TURKISH = TableRules(
    "turkish",
    head_to_head=(Criterion.POINTS, Criterion.GOAL_DIFFERENCE),
    overall=(Criterion.GOAL_DIFFERENCE, Criterion.GOALS),
    description="Turkey: points; head-to-head points and goal difference; then goal difference "
    "and goals scored",
)

_BELGIAN_CHAMPIONSHIP = ("Playoff I", "Play-off I", "Playoffs I", "Championship")
_BELGIAN_EUROPE = ("Europe", "Europe Play-offs")
_AUSTRIAN_TOP = ("Playoffs - Championship", "Championship", "Meistergruppe")
_AUSTRIAN_BOTTOM = ("Playoffs - Relegation", "Relegation", "Qualifikationsgruppe")


def _scottish(first: int, description: str) -> Format:
    """Scotland's split league from ``first``: only the knockout rules of its files change
    between its eras."""
    return Format(
        description,
        first,
        league_ties(first),
        league=DOMESTIC,
        league_meetings=3,
        stages=(
            LeagueStage(("Championship",), _WHOLE_SEASON, DOMESTIC, 1),
            LeagueStage(("Relegation",), _WHOLE_SEASON, DOMESTIC, 1, first_place=7),
        ),
    )


SCOTTISH_PREMIERSHIP = Competition(
    "scottish-premiership",
    (
        Name("Scottish Premiership"),
        Name("Scottish Premier League"),
        Name("SPFL Premiership"),
    ),
    (
        _scottish(
            2000,
            "Scottish top flight from 2000-01: 33 matches (each pair three times), then the "
            "split: the top and bottom six meet once more, in one table of 38 matches",
        ),
        _scottish(2021, "Scottish top flight from 2021-22: as before"),
    ),
    club_ratings=True,
)


def _belgian(first: int, stages: tuple[LeagueStage, ...], description: str) -> Format:
    return Format(
        description,
        first,
        league_ties(first),
        league=BELGIAN,
        league_meetings=2,
        stages=stages,
    )


_PO1_2017 = LeagueStage(_BELGIAN_CHAMPIONSHIP, _BELGIAN_HALVES, BELGIAN_PLAY_OFFS, 2)
_EUROPE = LeagueStage(_BELGIAN_EUROPE, _BELGIAN_HALVES, BELGIAN_PLAY_OFFS, 2)
_RELEGATION = LeagueStage(("Relegation",), Carry(CarriedPoints.ALL), BELGIAN_RELEGATION, 2)

BELGIAN_FIRST_DIVISION = Competition(
    "belgian-first-division",
    (
        Name("Belgian First Division A"),
        Name("Belgium First Division A"),
        Name("Belgian Pro League"),
        Name("Jupiler Pro League"),
        Name("Eerste klasse A", "nl"),
    ),
    (
        _belgian(
            2009,
            (LeagueStage(_BELGIAN_CHAMPIONSHIP, _BELGIAN_HALVES, BELGIAN_PLAY_OFFS_2009, 2),),
            "Belgian top flight from 2009-10: play-off I from the regular season's points "
            "halved, rounded up",
        ),
        _belgian(
            2017,
            (_PO1_2017,),
            "Belgian top flight from 2017-18: play-off I halved, rounded up; level on points, "
            "the team not rounded up, then the place in the regular season",
        ),
        _belgian(
            2020,
            (_PO1_2017, _EUROPE),
            "Belgian top flight from 2020-21: the champions' and Europe play-offs halved, "
            "rounded up",
        ),
        _belgian(
            2021,
            (_PO1_2017, _EUROPE),
            "Belgian top flight from 2021-22: as before",
        ),
        _belgian(
            2023,
            (_PO1_2017, _EUROPE, _RELEGATION),
            "Belgian top flight from 2023-24: the champions' and Europe play-offs halved, "
            "rounded up; the relegation play-offs with every point carried",
        ),
    ),
    club_ratings=True,
)


def _austrian(first: int, league: TableRules, groups: TableRules, description: str) -> Format:
    return Format(
        description,
        first,
        league_ties(first),
        league=league,
        league_meetings=2,
        stages=(
            LeagueStage(_AUSTRIAN_TOP, _AUSTRIAN_HALVES, groups, 2),
            LeagueStage(_AUSTRIAN_BOTTOM, _AUSTRIAN_HALVES, groups, 2),
        ),
    )


AUSTRIAN_BUNDESLIGA = Competition(
    "austrian-bundesliga",
    (
        Name("Austrian Bundesliga"),
        Name("Österr. Bundesliga", "de"),
        Name("Österreichische Bundesliga", "de"),
        Name("Admiral Bundesliga", "de"),
        Name("Tipico Bundesliga", "de"),
    ),
    (
        Format(
            "Austrian Bundesliga of ten clubs, each pair meeting four times",
            2010,
            league_ties(2010),
            league=AUSTRIAN,
            league_meetings=4,
        ),
        _austrian(
            2018,
            AUSTRIAN,
            AUSTRIAN_GROUPS,
            "Austrian Bundesliga from 2018-19: 22 rounds, then championship and qualifying "
            "groups of six from the points halved, rounded down, over the whole season's games "
            "and goals",
        ),
        _austrian(
            2021,
            AUSTRIAN_2021,
            AUSTRIAN_GROUPS_2021,
            "Austrian Bundesliga from 2021-22: as before, head-to-head before goal difference",
        ),
    ),
    club_ratings=True,
)

_GREEK_STAGES = (
    LeagueStage(("Championship",), _WHOLE_SEASON, DOMESTIC, 2),
    LeagueStage(("Relegation",), _WHOLE_SEASON, DOMESTIC, 1),
)


def _greek(first: int, description: str, stages: tuple[LeagueStage, ...]) -> Format:
    return Format(
        description, first, league_ties(first), league=DOMESTIC, league_meetings=2, stages=stages
    )


GREEK_SUPER_LEAGUE = Competition(
    "greek-super-league",
    (Name("Greek Super League"), Name("Super League Greece")),
    (
        Format(
            "Greek Super League: a double round robin",
            2018,
            league_ties(2018),
            league=DOMESTIC,
            league_meetings=2,
        ),
        _greek(
            2019,
            "Greek Super League 2019-20 to 2022-23: 26 rounds, then play-offs (top six) "
            "and play-outs with every regular-season point carried",
            _GREEK_STAGES,
        ),
        _greek(2021, "Greek Super League from 2021-22: as before", _GREEK_STAGES),
        _greek(
            2023,
            "Greek Super League 2023-24: 26 rounds, then play-offs of the top six and "
            "play-outs of the other eight (places 7 to 14), every point carried",
            (
                LeagueStage(("Championship",), _WHOLE_SEASON, DOMESTIC, 2),
                LeagueStage(("Relegation",), _WHOLE_SEASON, DOMESTIC, 1, first_place=7),
            ),
        ),
        _greek(
            2024,
            "Greek Super League from 2024-25: 26 rounds, then play-offs of the top four and "
            "play-outs of places 9 to 14, every point carried (the play-offs for places 5 to "
            "8, from halved points, are not encoded)",
            (
                LeagueStage(("Championship",), _WHOLE_SEASON, DOMESTIC, 2),
                LeagueStage(("Relegation",), _WHOLE_SEASON, DOMESTIC, 2, first_place=9),
            ),
        ),
    ),
    club_ratings=True,
)

TURKISH_SUPER_LIG = Competition(
    "turkish-super-lig",
    (Name("Turkish Süper Lig"), Name("Süper Lig", "tr"), Name("Trendyol Süper Lig", "tr")),
    (
        Format(
            "Turkish Süper Lig: a double round robin",
            2010,
            league_ties(2010),
            league=TURKISH,
            league_meetings=2,
        ),
        Format(
            "Turkish Süper Lig from 2021-22: as before",
            2021,
            league_ties(2021),
            league=TURKISH,
            league_meetings=2,
        ),
    ),
    club_ratings=True,
)

DOMESTIC_LEAGUES: tuple[Competition, ...] = (
    SCOTTISH_PREMIERSHIP,
    BELGIAN_FIRST_DIVISION,
    AUSTRIAN_BUNDESLIGA,
    GREEK_SUPER_LEAGUE,
    TURKISH_SUPER_LIG,
)
"""The domestic leagues whose seasons the registry knows the shape of."""
