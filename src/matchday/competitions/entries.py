"""The competitions matchday knows, as data: names, and formats per era.

Sources: UEFA's regulations and press releases (away goals abolished from 2021-22, 24 June 2021;
the league phase from 2024-25; Russian and Ukrainian clubs kept apart from 2014-15); FIFA's
World Cup regulations of each edition as summarised by RSSSF; CONMEBOL's regulations. To add a
competition, add one ``Competition`` here (see the README, "Adding a competition").
"""

from __future__ import annotations

from matchday.competitions.brackets import (
    EURO_2016,
    EURO_2020,
    WORLD_CUP_1962,
    WORLD_CUP_1998,
    WORLD_CUP_2002,
    WORLD_CUP_2006,
)
from matchday.competitions.domestic_leagues import DOMESTIC_LEAGUES
from matchday.competitions.format import BestPlaced, Bracket, Draws, FirstLeg, Format
from matchday.competitions.goal_difference_leagues import GOAL_DIFFERENCE_LEAGUES
from matchday.competitions.head_to_head_leagues import HEAD_TO_HEAD_LEAGUES, ITALIAN
from matchday.competitions.registry import Competition, Name
from matchday.rules.presets import (
    AWAY_GOALS_NO_EXTRA_TIME,
    BETTER_PLACED,
    EXTRA_TIME_BETTER_PLACED,
    EXTRA_TIME_LOTS,
    EXTRA_TIME_PENALTIES,
    EXTRA_TIME_REPLAY,
    GOLDEN_GOAL,
    NO_EXTRA_TIME,
    REPLAY_THEN_PENALTIES,
    SILVER_GOAL,
    UEFA_2021,
    UEFA_CLASSIC,
)
from matchday.standings.qualification import Qualification, Zone
from matchday.standings.rules import (
    DOMESTIC,
    FIFA_1970,
    FIFA_1986,
    FIFA_1994,
    FIFA_1998,
    FIFA_2018,
    GOAL_AVERAGE,
    POINTS_PLAY_OFF,
    THREE_POINTS,
    TWO_POINTS,
    UEFA_EURO,
    UEFA_GROUP_2021,
    UEFA_GROUP_CLASSIC,
    UEFA_LEAGUE_PHASE,
)

__all__ = ["COMPETITIONS"]

R32, R16, QF, SF, F = "Round of 32", "Round of 16", "Quarterfinals", "Semifinals", "Final"
THIRD, PLAYOFFS, SECOND, FINAL_GROUP = "Third place", "Playoffs", "Second round", "Final group"


_UEFA_TWO_LEGS = (
    *(f"Preliminary round {n}" for n in (1, 2, 3)),
    *(f"Round {n}" for n in (1, 2, 3, 4)),
    PLAYOFFS,
    R32,
    R16,
    QF,
    SF,
)
"""The rounds of UEFA's club competitions played over two legs: the qualifying rounds (as
openfootball numbers them, "Round 1"; or "First qualifying round"), the play-offs (also the
knockout round play-offs), the round of 32 and of 16, the quarter- and semi-finals; the final
is one match."""


def _zones(name: str, *zones: Zone) -> Qualification:
    return Qualification(name, zones)


def _on(last: int, round_name: str, first: int = 1) -> Zone:
    """Places ``first`` to ``last`` go on to ``round_name`` of the same competition."""
    return Zone(first, last, round_name, round_name)


# --- UEFA's club competitions ------------------------------------------------------------------

_RUS_UKR = frozenset({frozenset({"RUS", "UKR"})})
_LEAGUE_ZONES = _zones(
    "UEFA league phase from 2024-25", _on(8, R16), Zone(9, 24, "Knockout phase play-offs", PLAYOFFS)
)


def _uefa(
    key: str,
    names: tuple[Name, ...],
    groups: tuple[tuple[int, Qualification | None], ...],
    first_leg_seeded_from: int | None = None,
) -> Competition:
    """A UEFA club competition: its rules, tie-breakers and zones by era.

    Away goals (also in extra time) until 2020-21; group stage tie-breakers with head-to-head
    away goals until then; the league phase and a fixed bracket from 2024-25; Russian and
    Ukrainian clubs kept apart from 2014-15.
    """
    formats = []
    eras = sorted({0, 2014, 2021, 2024, *(y for y, _ in groups), first_leg_seeded_from or 0})
    for first in eras:
        zones = next((z for y, z in sorted(groups, reverse=True) if y <= first), None)
        seeded = first_leg_seeded_from is not None and first >= first_leg_seeded_from
        formats.append(
            Format(
                f"{names[0].text} from {first}" if first else f"{names[0].text}",
                first,
                UEFA_2021 if first >= 2021 else UEFA_CLASSIC,
                group=UEFA_GROUP_2021 if first >= 2021 else UEFA_GROUP_CLASSIC,
                group_zones=zones if first < 2024 else None,
                league=UEFA_LEAGUE_PHASE,
                league_zones=_LEAGUE_ZONES if first >= 2024 else None,
                bracket=Bracket(
                    Draws.FIXED if first >= 2024 else Draws.OPEN,
                    FirstLeg.SEEDED if seeded else FirstLeg.DRAWN,
                    _RUS_UKR if first >= 2014 else frozenset(),
                ),
                two_legs=_UEFA_TWO_LEGS,
            )
        )
    return Competition(
        key,
        names,
        tuple(formats),
        club_ratings=True,
        numbered_rounds_qualify=True,
        confederation="UEFA",
    )


CHAMPIONS_LEAGUE = _uefa(
    "champions-league",
    (
        Name("UEFA Champions League"),
        Name("Champions League"),
        Name("European Cup"),
        Name("Ligue des champions", "fr"),
        Name("Liga de Campeones", "es"),
        Name("Landskampioenen", "nl"),
        Name("Europapokal der Landesmeister", "de"),
    ),
    (
        (
            0,
            _zones(
                "Champions League group stage up to 2020-21",
                _on(2, R16),
                Zone(3, 3, "Europa League round of 32", None),
            ),
        ),
        (
            2021,
            _zones(
                "Champions League group stage 2021-22 to 2023-24",
                _on(2, R16),
                Zone(3, 3, "Europa League knockout round play-offs", None),
            ),
        ),
    ),
    first_leg_seeded_from=2025,
)
EUROPA_LEAGUE = _uefa(
    "europa-league",
    (
        Name("UEFA Europa League"),
        Name("Europa League"),
        Name("UEFA Cup"),
        Name("UEFA-Pokal", "de"),
        Name("Coupe UEFA", "fr"),
        Name("Europa League", "nl"),
    ),
    (
        (0, _zones("Europa League group stage up to 2020-21", _on(2, R32))),
        (
            2021,
            _zones(
                "Europa League group stage 2021-22 to 2023-24",
                _on(1, R16),
                Zone(2, 2, "Knockout round play-offs", PLAYOFFS),
                Zone(3, 3, "Conference League knockout round play-offs", None),
            ),
        ),
    ),
)
CONFERENCE_LEAGUE = _uefa(
    "conference-league",
    (
        Name("UEFA Europa Conference League"),
        Name("UEFA Conference League"),
        Name("Europa Conference League"),
        Name("Conference League"),
    ),
    (
        (0, None),
        (
            2021,
            _zones(
                "Conference League group stage 2021-22 to 2023-24",
                _on(1, R16),
                Zone(2, 2, "Knockout round play-offs", PLAYOFFS),
            ),
        ),
    ),
)

# --- FIFA World Cup ------------------------------------------------------------------------------


def _group(name: str, last: int, round_name: str) -> Qualification:
    return _zones(name, _on(last, round_name))


_WC_QF = _group("World Cup 1954-1970 groups", 2, QF)
_WC_R16 = _group("World Cup 1998-2022 groups", 2, R16)
_WC_THIRDS = _group("World Cup 1986-1994 groups", 2, R16)
_EURO_QF = _group("Euro 1996-2012 groups", 2, QF)
_LIBERTADORES = _zones(
    "Copa Libertadores group stage", _on(2, R16), Zone(3, 3, "Copa Sudamericana", None)
)

WORLD_CUP = Competition(
    "world-cup",
    (
        Name("FIFA World Cup"),
        Name("World Cup"),
        Name("WM", "de"),
        Name("Weltmeisterschaft", "de"),
        Name("WK", "nl"),
        Name("Wereldkampioenschap", "nl"),
        Name("Coupe du Monde", "fr"),
        Name("Copa Mundial", "es"),
        Name("Mundial", "es"),
        Name("Copa do Mundo", "pt"),
        Name("Mondiali", "it"),
    ),
    (
        Format(
            "World Cup 1930: four groups, winners to the semi-finals",
            1930,
            EXTRA_TIME_REPLAY,
            group=POINTS_PLAY_OFF,
            group_zones=_group("World Cup 1930 groups", 1, SF),
            group_meetings=1,  # a pair of a group meets once
        ),
        Format(
            "World Cup 1934-1938: knockout from the first round, drawn ties replayed",
            1934,
            EXTRA_TIME_REPLAY,
        ),
        Format(
            "World Cup 1950: four groups, winners to a final group that decides the title",
            1950,
            EXTRA_TIME_REPLAY,
            group=POINTS_PLAY_OFF,
            group_zones=_group("World Cup 1950 groups", 1, FINAL_GROUP),
            group_meetings=1,  # a pair of a group meets once
            final_group=POINTS_PLAY_OFF,
        ),
        Format(
            "World Cup 1954: groups (a play-off between teams level on points), then knockout; "
            "extra time then lots, the final replayed",
            1954,
            EXTRA_TIME_LOTS,
            final=EXTRA_TIME_REPLAY,
            group=POINTS_PLAY_OFF,
            group_zones=_WC_QF,
            group_meetings=1,  # a pair of a group meets once
            every_pair_meets=False,  # the two seeded teams of a group did not meet
            group_play_offs=True,
        ),
        Format(
            "World Cup 1958: groups (goal average; a play-off for the last place through), then "
            "knockout",
            1958,
            EXTRA_TIME_LOTS,
            final=EXTRA_TIME_REPLAY,
            group=GOAL_AVERAGE,
            group_zones=_WC_QF,
            group_meetings=1,  # a pair of a group meets once
            group_play_offs=True,
        ),
        Format(
            "World Cup 1962-1966: groups on goal average, then knockout",
            1962,
            EXTRA_TIME_LOTS,
            final=EXTRA_TIME_REPLAY,
            group=GOAL_AVERAGE,
            group_zones=_WC_QF,
            group_meetings=1,  # a pair of a group meets once
            group_pairings=WORLD_CUP_1962,
        ),
        Format(
            "World Cup 1970: groups on goal difference, then lots (goals scored did not count "
            "yet), then knockout",
            1970,
            EXTRA_TIME_LOTS,
            final=EXTRA_TIME_REPLAY,
            group=FIFA_1970,
            group_zones=_WC_QF,
            group_meetings=1,  # a pair of a group meets once
            group_pairings=WORLD_CUP_1962,
        ),
        Format(
            "World Cup 1974-1978: two group stages; the second's winners play the final, its "
            "runners-up the match for third place",
            1974,
            EXTRA_TIME_PENALTIES,
            group=TWO_POINTS,
            group_zones=_group("World Cup 1974-1978 first round", 2, SECOND),
            group_meetings=1,  # a pair of a group meets once
            second_group=TWO_POINTS,
            second_group_zones=_zones(
                "World Cup 1974-1978 second round", _on(1, F), Zone(2, 2, THIRD, THIRD)
            ),
        ),
        Format(
            "World Cup 1982: two group stages, the second's winners to the semi-finals",
            1982,
            EXTRA_TIME_PENALTIES,
            group=TWO_POINTS,
            group_zones=_group("World Cup 1982 first round", 2, SECOND),
            group_meetings=1,  # a pair of a group meets once
            second_group=TWO_POINTS,
            second_group_zones=_group("World Cup 1982 second round", 1, SF),
        ),
        Format(
            "World Cup 1986-1990: six groups, the top two and the four best thirds to the round "
            "of 16",
            1986,
            EXTRA_TIME_PENALTIES,
            group=FIFA_1986,
            group_zones=_WC_THIRDS,
            group_meetings=1,  # a pair of a group meets once
            best_placed=BestPlaced(3, 4, R16, TWO_POINTS),
        ),
        Format(
            "World Cup 1994: as 1986-1990 with three points for a win",
            1994,
            EXTRA_TIME_PENALTIES,
            group=FIFA_1994,
            group_zones=_WC_THIRDS,
            group_meetings=1,  # a pair of a group meets once
            best_placed=BestPlaced(3, 4, R16, THREE_POINTS),
        ),
        Format(
            "World Cup 1998: eight groups, the golden goal",
            1998,
            GOLDEN_GOAL,
            group=FIFA_1998,
            group_zones=_WC_R16,
            group_meetings=1,  # a pair of a group meets once
            group_bracket=WORLD_CUP_1998,
        ),
        Format(
            "World Cup 2002: as 1998 with another bracket",
            2002,
            GOLDEN_GOAL,
            group=FIFA_1998,
            group_zones=_WC_R16,
            group_meetings=1,  # a pair of a group meets once
            group_bracket=WORLD_CUP_2002,
        ),
        Format(
            "World Cup 2006-2014",
            2006,
            EXTRA_TIME_PENALTIES,
            group=FIFA_1998,
            group_zones=_WC_R16,
            group_meetings=1,  # a pair of a group meets once
            group_bracket=WORLD_CUP_2006,
        ),
        Format(
            "World Cup 2018-2022: fair play before lots",
            2018,
            EXTRA_TIME_PENALTIES,
            group=FIFA_2018,
            group_zones=_WC_R16,
            group_meetings=1,  # a pair of a group meets once
            group_bracket=WORLD_CUP_2006,
        ),
    ),
    national_teams=True,
    qualification="world-cup-qualification",
    confederation="FIFA",
)

# --- FIFA World Cup qualification ------------------------------------------------------------

WORLD_CUP_QUALIFICATION = Competition(
    "world-cup-qualification",
    (
        Name("FIFA World Cup qualification"),
        Name("World Cup qualification"),
        Name("World Cup qualifying"),
        Name("WM-Qualifikation", "de"),
        Name("WK-kwalificatie", "nl"),
    ),
    (
        Format(
            "World Cup qualifying, the 1982-1994 campaigns: two points for a win; a two-legged "
            "tie on away goals, also in extra time, then penalties (as UEFA's club ties of the "
            "time: uefa-classic). In the data: Niger v Somalia 1980 through on away goals, "
            "Canada v Australia 1993 to penalties after away goals level in extra time. Earlier "
            "campaigns (ties on points, play-off matches) are not known to matchday",
            1979,
            UEFA_CLASSIC,
            group=TWO_POINTS,
        ),
        Format(
            "World Cup qualifying, the 1998-2022 campaigns: three points for a win; away goals "
            "as before (Iran v Australia 1997, Ghana v Nigeria 2022; Cameroon v Algeria 2022 on "
            "an away goal in extra time)",
            1996,
            UEFA_CLASSIC,
            group=FIFA_1998,
        ),
        Format(
            "World Cup qualifying from the 2026 campaign: no away goals; extra time, then "
            "penalties (Anguilla v Turks and Caicos Islands and US Virgin Islands v British "
            "Virgin Islands, 2024: away goals apart, both went to penalties)",
            2023,
            EXTRA_TIME_PENALTIES,
            group=FIFA_1998,
        ),
    ),
    national_teams=True,
    confederation="FIFA",
)
"""The qualifying competition of the World Cup: a file of the World Cup's qualifying rounds
(``= World Cup 2022 Qualifying``) is settled under these rules, not the final tournament's."""

# --- UEFA European Championship --------------------------------------------------------------

EURO = Competition(
    "euro",
    (
        Name("UEFA European Championship"),
        Name("European Championship"),
        Name("European Nations Cup"),
        Name("Euro"),
        Name("EM", "de"),
        Name("Europameisterschaft", "de"),
        Name("EK", "nl"),
        Name("Europees kampioenschap", "nl"),
        Name("Championnat d'Europe", "fr"),
        Name("Eurocopa", "es"),
    ),
    (
        Format(
            "European Nations Cup 1960-1964: two-legged ties, a final tournament of four; "
            "drawn ties replayed",
            1958,
            EXTRA_TIME_REPLAY,
        ),
        Format(
            "Euro 1968: a semi-final decided by lots, the final replayed",
            1966,
            EXTRA_TIME_LOTS,
            final=EXTRA_TIME_REPLAY,
        ),
        Format("Euro 1972-1976: extra time then penalties", 1970, EXTRA_TIME_PENALTIES),
        Format(
            "Euro 1980: two groups, winners to the final, runners-up to the match for third place",
            1980,
            EXTRA_TIME_PENALTIES,
            group=TWO_POINTS,
            group_meetings=1,  # a pair of a group meets once
            group_zones=_zones("Euro 1980 groups", _on(1, F), Zone(2, 2, THIRD, THIRD)),
        ),
        Format(
            "Euro 1984-1992: two groups, the top two to the semi-finals",
            1984,
            EXTRA_TIME_PENALTIES,
            group=TWO_POINTS,
            group_meetings=1,  # a pair of a group meets once
            group_zones=_group("Euro 1984-1992 groups", 2, SF),
        ),
        Format(
            "Euro 1996-2000: the golden goal, head-to-head first",
            1996,
            GOLDEN_GOAL,
            group=UEFA_EURO,
            group_meetings=1,  # a pair of a group meets once
            group_zones=_EURO_QF,
        ),
        Format(
            "Euro 2004: the silver goal",
            2004,
            SILVER_GOAL,
            group=UEFA_EURO,
            group_meetings=1,  # a pair of a group meets once
            group_zones=_EURO_QF,
        ),
        Format(
            "Euro 2008-2012",
            2008,
            EXTRA_TIME_PENALTIES,
            group=UEFA_EURO,
            group_meetings=1,  # a pair of a group meets once
            group_zones=_EURO_QF,
        ),
        Format(
            "Euro 2016-2024: six groups, the top two and the four best thirds to the round of 16",
            2016,
            EXTRA_TIME_PENALTIES,
            group=UEFA_EURO,
            group_meetings=1,  # a pair of a group meets once
            group_zones=_group("Euro 2016-2024 groups", 2, R16),
            best_placed=BestPlaced(3, 4, R16, THREE_POINTS),
            group_bracket=EURO_2016,
        ),
        Format(
            "Euro 2020-2024: as 2016, with a new bracket for the best thirds",
            2020,
            EXTRA_TIME_PENALTIES,
            group=UEFA_EURO,
            group_meetings=1,  # a pair of a group meets once
            group_zones=_group("Euro 2016-2024 groups", 2, R16),
            best_placed=BestPlaced(3, 4, R16, THREE_POINTS),
            group_bracket=EURO_2020,
        ),
    ),
    national_teams=True,
    confederation="UEFA",
)

# --- CONMEBOL --------------------------------------------------------------------------------

COPA_AMERICA = Competition(
    "copa-america",
    (
        Name("Copa América"),
        Name("South American Championship"),
        Name("Southamerican Championship"),
        Name("Campeonato Sudamericano", "es"),
    ),
    (
        Format(
            "Copa América 1975-1983: groups of three, winners to two-legged semi-finals",
            1975,
            EXTRA_TIME_REPLAY,
            group=TWO_POINTS,
            group_meetings=2,  # groups of three, home and away
            group_zones=_group("Copa América 1975-1983 groups", 1, SF),
        ),
        Format(
            "Copa América from 1987: single matches, penalties",
            1987,
            EXTRA_TIME_PENALTIES,
            group=THREE_POINTS,
            group_meetings=1,  # a pair of a group meets once
        ),
        Format(
            "Copa América from 1995: penalties straight after 90 minutes, extra time in the final",
            1995,
            NO_EXTRA_TIME,
            final=EXTRA_TIME_PENALTIES,
            group=THREE_POINTS,
            group_meetings=1,  # a pair of a group meets once
            group_zones=_group("Copa América groups", 2, QF),
        ),
    ),
    national_teams=True,
    confederation="CONMEBOL",
)

COPA_LIBERTADORES = Competition(
    "copa-libertadores",
    (
        Name("Copa Libertadores de América"),
        Name("Copa Libertadores"),
        Name("Libertadores"),
    ),
    (
        Format(
            "Copa Libertadores 1988-2004: two legs, no away goals, no extra time: penalties",
            1988,
            NO_EXTRA_TIME,
            group=THREE_POINTS,
            two_legs=(R16, QF, SF, F),
        ),
        Format(
            "Copa Libertadores 2005-2007: away goals (not in the final), no extra time",
            2005,
            AWAY_GOALS_NO_EXTRA_TIME,
            final=NO_EXTRA_TIME,
            group=THREE_POINTS,
            group_zones=_LIBERTADORES,
            two_legs=(R16, QF, SF, F),
        ),
        Format(
            "Copa Libertadores 2008-2018: away goals, no extra time; the two-legged final "
            "without away goals, with extra time, then penalties",
            2008,
            AWAY_GOALS_NO_EXTRA_TIME,
            final=EXTRA_TIME_PENALTIES,
            group=THREE_POINTS,
            group_zones=_LIBERTADORES,
            two_legs=(R16, QF, SF, F),
        ),
        Format(
            "Copa Libertadores 2019-2021: a single-match final with extra time",
            2019,
            AWAY_GOALS_NO_EXTRA_TIME,
            final=EXTRA_TIME_PENALTIES,
            group=THREE_POINTS,
            group_zones=_LIBERTADORES,
            two_legs=(R16, QF, SF),
        ),
        Format(
            "Copa Libertadores from 2022: no away goals",
            2022,
            NO_EXTRA_TIME,
            final=EXTRA_TIME_PENALTIES,
            group=THREE_POINTS,
            group_zones=_LIBERTADORES,
            two_legs=(R16, QF, SF),
        ),
    ),
    confederation="CONMEBOL",
    before_first="until 1987 a two-legged final went on points, not on goals (Peñarol lost "
    "1987's 2-3 on aggregate and won the play-off), a final level on points going to a play-off "
    "match, which matchday's rules of a tie cannot express",
)

CLUB_WORLD_CUP = Competition(
    "club-world-cup",
    (
        Name("FIFA Club World Cup"),
        Name("Club World Cup"),
        Name("Klub-WM", "de"),
        Name("WK voor clubs", "nl"),
        Name("Coupe du monde des clubs", "fr"),
        Name("Mundial de Clubes", "es"),
    ),
    (
        Format(
            "Club World Cup 2025: eight groups, the top two to the round of 16",
            2025,
            EXTRA_TIME_PENALTIES,
            group=UEFA_EURO,
            group_meetings=1,  # a pair of a group meets once
            group_zones=_group("Club World Cup 2025 groups", 2, R16),
        ),
    ),
    confederation="FIFA",
)

# --- domestic cups --------------------------------------------------------------------------

DFB_POKAL = Competition(
    "dfb-pokal",
    (Name("DFB-Pokal", "de"), Name("DFB Cup"), Name("German Cup")),
    (Format("DFB-Pokal: single matches, extra time, penalties", 1991, EXTRA_TIME_PENALTIES),),
    club_ratings=True,
)
OFB_CUP = Competition(
    "ofb-cup",
    (Name("ÖFB-Cup", "de"), Name("ÖFB Cup"), Name("Austrian Cup"), Name("Uniqa ÖFB Cup", "de")),
    (
        Format(
            "ÖFB-Cup: single matches, extra time, penalties (as in the seasons the data holds, "
            "2018-19 to 2020-21)",
            2018,
            EXTRA_TIME_PENALTIES,
        ),
    ),
    club_ratings=True,
)

KNVB_BEKER = Competition(
    "knvb-beker",
    (Name("KNVB beker", "nl"), Name("KNVB Cup"), Name("TOTO KNVB beker", "nl"), Name("Dutch Cup")),
    (Format("KNVB beker: single matches, extra time, penalties", 1991, EXTRA_TIME_PENALTIES),),
    club_ratings=True,
)
COUPE_DE_FRANCE = Competition(
    "coupe-de-france",
    (Name("Coupe de France", "fr"), Name("French Cup")),
    (
        Format(
            "Coupe de France to 2019-20: extra time, then penalties",
            1991,
            EXTRA_TIME_PENALTIES,
        ),
        Format(
            "Coupe de France from 2020-21: penalties straight after 90 minutes, extra time in "
            "the final",
            2020,
            NO_EXTRA_TIME,
            final=EXTRA_TIME_PENALTIES,
        ),
    ),
    club_ratings=True,
)
_ON_THE_DAY = EXTRA_TIME_PENALTIES
"""An FA Cup round played to a finish on the day: extra time, then penalties."""
_FA_CUP_FROM_QUARTERS = (
    ("Quarterfinals", _ON_THE_DAY),
    ("Round 6", _ON_THE_DAY),
    ("Semifinals", _ON_THE_DAY),
)
FA_CUP = Competition(
    "fa-cup",
    (Name("FA Cup"), Name("Emirates FA Cup"), Name("English Cup")),
    (
        Format(
            "FA Cup 1991-92 to 1998-99: a drawn tie is replayed, the replay going to extra "
            "time and penalties; semi-finals and the final go to extra time before a replay",
            1991,
            REPLAY_THEN_PENALTIES,
            final=EXTRA_TIME_REPLAY,
            replay=EXTRA_TIME_PENALTIES,
            named_rounds=(("Semifinals", EXTRA_TIME_REPLAY),),
        ),
        Format(
            "FA Cup 1999-2000 to 2015-16: replays up to the quarter-finals (the replay to extra "
            "time and penalties); semi-finals and the final settled on the day",
            1999,
            REPLAY_THEN_PENALTIES,
            final=_ON_THE_DAY,
            replay=EXTRA_TIME_PENALTIES,
            named_rounds=(("Semifinals", _ON_THE_DAY),),
        ),
        Format(
            "FA Cup 2016-17 and 2017-18: replays up to the fifth round; from the quarter-finals "
            "settled on the day",
            2016,
            REPLAY_THEN_PENALTIES,
            final=_ON_THE_DAY,
            replay=EXTRA_TIME_PENALTIES,
            named_rounds=_FA_CUP_FROM_QUARTERS,
        ),
        Format(
            "FA Cup 2018-19 and 2019-20: replays up to the fourth round; from the fifth round "
            "settled on the day",
            2018,
            REPLAY_THEN_PENALTIES,
            final=_ON_THE_DAY,
            replay=EXTRA_TIME_PENALTIES,
            named_rounds=(("Round 5", _ON_THE_DAY), *_FA_CUP_FROM_QUARTERS),
        ),
        Format(
            "FA Cup 2020-21 and 2021-22: no replays (the pandemic's crowded calendar); extra "
            "time and penalties",
            2020,
            _ON_THE_DAY,
        ),
        Format(
            "FA Cup 2022-23 and 2023-24: replays up to the fourth round again; from the fifth "
            "round settled on the day",
            2022,
            REPLAY_THEN_PENALTIES,
            final=_ON_THE_DAY,
            replay=EXTRA_TIME_PENALTIES,
            named_rounds=(("Round 5", _ON_THE_DAY), *_FA_CUP_FROM_QUARTERS),
        ),
        Format(
            "FA Cup from 2024-25: no replays; extra time and penalties",
            2024,
            _ON_THE_DAY,
        ),
    ),
    club_ratings=True,
)
COPA_DEL_REY = Competition(
    "copa-del-rey",
    (Name("Copa del Rey", "es"), Name("Spanish Cup"), Name("King's Cup")),
    (
        Format(
            "Copa del Rey to 2020-21: two-legged semi-finals with away goals",
            1990,
            UEFA_CLASSIC,
            final=EXTRA_TIME_PENALTIES,
            two_legs=(SF,),
        ),
        Format(
            "Copa del Rey from 2021-22: single matches, two-legged semi-finals without away "
            "goals; extra time and penalties",
            2021,
            EXTRA_TIME_PENALTIES,
            two_legs=(SF,),
        ),
    ),
    club_ratings=True,
)

# --- leagues with play-offs ----------------------------------------------------------------
# Their tables: points, goal difference, goals scored (``DOMESTIC``), except Serie B's, which
# go head-to-head first as Serie A's do (``head_to_head_leagues``: 2014-15's Vicenza 3rd over
# Bologna, level on 68 points).

SERIE_B = Competition(
    "serie-b",
    (Name("Italian Serie B"), Name("Serie B", "it", in_titles=False), Name("Serie BKT", "it")),
    (
        Format(
            "Serie B play-offs to 2017-18: a single-match preliminary round with extra time, "
            "two-legged semi-finals and final without extra time; a level tie goes to the "
            "team placed higher in the league, and so does the play-out against relegation",
            2003,
            BETTER_PLACED,
            single=EXTRA_TIME_BETTER_PLACED,
            relegation=BETTER_PLACED,
            placing_from_table=True,
            league=ITALIAN,
            league_meetings=2,
            two_legs=(SF, F),
        ),
        Format(
            "Serie B from 2018-19: the play-offs as before; the play-out goes to extra time "
            "and penalties",
            2018,
            BETTER_PLACED,
            single=EXTRA_TIME_BETTER_PLACED,
            relegation=EXTRA_TIME_PENALTIES,
            placing_from_table=True,
            league=ITALIAN,
            league_meetings=2,
            two_legs=(SF, F),
        ),
    ),
    club_ratings=True,
)
LIGA_MX = Competition(
    "liga-mx",
    (
        Name("Liga MX", "es"),
        Name("Liga BBVA MX", "es"),
        Name("Liga BBVA Bancomer", "es"),
        Name("Mexican Primera Division"),
    ),
    (
        Format(
            "Liga MX play-offs (liguilla): single-match play-in or reclassification rounds go "
            "to penalties straight after 90 minutes; two-legged quarter- and semi-finals, a "
            "level tie going to the team placed higher in the league; a two-legged final with "
            "extra time and penalties",
            2011,
            BETTER_PLACED,
            final=EXTRA_TIME_PENALTIES,
            single=NO_EXTRA_TIME,
            league=DOMESTIC,
            two_legs=(QF, SF, F),
        ),
    ),
    club_ratings=True,
)
CHINESE_SUPER_LEAGUE = Competition(
    "chinese-super-league",
    (
        Name("Chinese Super League"),
        Name("China Super League"),
        Name("CSL"),
        Name("Zhongchao", "zh"),
    ),
    (
        Format(
            "Chinese Super League 2020: two groups, then two-legged play-offs for every place "
            "(no away goals; extra time and penalties)",
            2020,
            EXTRA_TIME_PENALTIES,
            league=DOMESTIC,
        ),
    ),
    club_ratings=True,
)

ENGLISH_LEAGUES = Competition(
    "english-leagues",
    (
        Name("English Premier League"),
        Name("English Championship"),
        Name("EFL Championship"),
        Name("English League One"),
        Name("EFL League One"),
        Name("English League Two"),
        Name("EFL League Two"),
    ),
    (
        Format(
            "English leagues from 1990-91: tables on points, goal difference, goals scored; "
            "the Football League's play-offs: two-legged semi-finals without away goals, a "
            "single final, extra time and penalties",
            1990,
            EXTRA_TIME_PENALTIES,
            league=DOMESTIC,
            league_meetings=2,
            two_legs=(SF,),
        ),
    ),
    club_ratings=True,
)

COMPETITIONS: tuple[Competition, ...] = (
    CHAMPIONS_LEAGUE,
    EUROPA_LEAGUE,
    CONFERENCE_LEAGUE,
    WORLD_CUP,
    WORLD_CUP_QUALIFICATION,
    EURO,
    COPA_AMERICA,
    COPA_LIBERTADORES,
    CLUB_WORLD_CUP,
    DFB_POKAL,
    OFB_CUP,
    KNVB_BEKER,
    COUPE_DE_FRANCE,
    FA_CUP,
    COPA_DEL_REY,
    SERIE_B,
    LIGA_MX,
    CHINESE_SUPER_LEAGUE,
    ENGLISH_LEAGUES,
    *DOMESTIC_LEAGUES,
    *HEAD_TO_HEAD_LEAGUES,
    *GOAL_DIFFERENCE_LEAGUES,
)
"""Every competition matchday knows."""
