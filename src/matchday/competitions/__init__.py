"""The competition registry: every competition's names and formats per era, as data.

Every caller asks here for the rules of a round, the tie-breakers and zones of a table and the
bracket of a season (no year lookups anywhere else)::

    from matchday import competitions

    cup = competitions.get("WM")                       # or recognise("= World Cup 1998")
    cup.rules(1998, competitions.RoundKind.FINAL)      # the golden goal
    competitions.of_season(season).decide()            # every tie, replays and lots included
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from matchday.competitions.entries import COMPETITIONS
from matchday.competitions.format import BestPlaced, Bracket, Draws, FirstLeg, Format, RoundKind
from matchday.competitions.registry import Competition, Name, Registry, table_kind
from matchday.competitions.season import (
    SeasonRules,
    decides_a_title,
    round_kind,
    separate_stage,
    went_on,
)
from matchday.errors import ConfigError
from matchday.model.competition import RoundFormat, Season
from matchday.rules.presets import Rules
from matchday.standings.qualification import Qualification
from matchday.standings.rules import DOMESTIC, TableRules
from matchday.standings.rules import TIEBREAKERS as TABLE_RULES

__all__ = [
    "COMPETITIONS",
    "REGISTRY",
    "TIEBREAKERS",
    "BestPlaced",
    "Bracket",
    "Competition",
    "Draws",
    "FirstLeg",
    "Format",
    "Name",
    "Registry",
    "RoundKind",
    "SeasonRules",
    "decides_a_title",
    "get",
    "knockout_rules",
    "of",
    "of_season",
    "qualification",
    "recognise",
    "require_ratings",
    "round_kind",
    "separate_stage",
    "table_rules",
    "tiebreakers",
    "title_table_rules",
    "went_on",
    "with_legs",
]


def _used(competitions: tuple[Competition, ...]) -> dict[str, TableRules]:
    """Every set of tie-breakers a format of ``competitions`` ranks a table by, by name."""
    found: dict[str, TableRules] = {}
    for format_ in (f for c in competitions for f in c.formats):
        tables = (format_.group, format_.second_group, format_.final_group, format_.league)
        best = format_.best_placed.rules if format_.best_placed else None
        for rules in (*tables, best, *(s.table for s in format_.stages)):
            if rules is not None:
                found.setdefault(rules.name, rules)
    return found


TIEBREAKERS: Mapping[str, TableRules] = MappingProxyType({**TABLE_RULES, **_used(COMPETITIONS)})
"""Every named set of tie-breakers: those of ``matchday.standings`` and every one the registry
ranks a table by (a league's own), by name; what ``matchday table --tiebreakers`` takes."""


def tiebreakers(name: str) -> TableRules:
    """The tie-breakers called ``name`` (``TIEBREAKERS``); ``ConfigError`` listing the known
    ones otherwise."""
    try:
        return TIEBREAKERS[name.strip().casefold()]
    except KeyError:
        known = ", ".join(TIEBREAKERS)
        raise ConfigError(f"unknown tie-breakers {name!r}; known: {known}") from None


REGISTRY = Registry(COMPETITIONS, default="champions-league")
"""The registry of every competition matchday knows; files it does not recognise are read
under UEFA's club rules (the Champions League entry), as matchday always did."""


def get(name: str) -> Competition:
    """The competition with key or name ``name`` ("world-cup", "WM", "KNVB beker")."""
    return REGISTRY.get(name)


def recognise(title: str) -> Competition | None:
    """The competition named in a file's title, if any."""
    return REGISTRY.recognise(title)


def of(title: str) -> Competition:
    """The competition named in ``title``, else the default (UEFA's club competitions)."""
    return REGISTRY.of(title)


def of_season(
    season: Season, competition: str | None = None, rules: Rules | None = None
) -> SeasonRules:
    """``season`` with its competition: the one named ``competition``, else the one its title
    names (for a file of qualifying rounds, that competition's qualification where it has one
    of its own), else the default (UEFA's club competitions), marked ``assumed``; ``rules`` (a
    user's ``--rules``) override the rules of every round."""
    known = _season_rules(season, competition, rules).with_legs()
    return known if known.assumed else known.with_group_play_offs().with_replays()


def with_legs(season: Season, competition: str | None = None) -> Season:
    """``season`` with each knockout round marked two-legged where its competition (as
    ``of_season`` finds it) or its header says so and its second legs may be still to come
    (``SeasonRules.with_legs``): what a reader's season is read as, so that the night of the
    first legs has ties between the legs, not single matches decided."""
    return _season_rules(season, competition, None).with_legs().season


def _season_rules(season: Season, competition: str | None, rules: Rules | None) -> SeasonRules:
    """``season`` with its competition, as ``of_season`` finds it, nothing else done to it."""
    chosen = get(competition) if competition else recognise(season.competition)
    if competition is None and season.qualifying and chosen and chosen.qualification:
        chosen = get(chosen.qualification)
    if chosen is None:
        return SeasonRules(season, REGISTRY.default, rules, assumed=True)
    return SeasonRules(season, chosen, rules)


def knockout_rules(
    competition: str, start_year: int, kind: RoundKind = RoundKind.TWO_LEGS
) -> Rules:
    """The rules of a knockout round of ``kind`` of the competition named ``competition`` (as
    ``--competition`` takes it: ``get``, so a name it does not know is the ``ConfigError``
    that lists the known ones, never the default competition's rules in silence)."""
    return get(competition).rules(start_year, kind)


def table_rules(competition: str, start_year: int, round_format: RoundFormat) -> TableRules:
    """The tie-breakers of a group or league round of the competition named ``competition``
    (``get``: an unknown name is a ``ConfigError``) in that season (the default
    competition's where the competition has none)."""
    return _table_rules(get(competition), start_year, round_format)


def title_table_rules(
    title: str, start_year: int, round_format: RoundFormat, *, matchdays: bool = False
) -> TableRules:
    """As ``table_rules`` for the competition a file's ``title`` names, else the default
    (a file's title need not name a competition matchday knows); ``matchdays``: the table
    joins a league's matchdays, which for a title naming no competition goes by a domestic
    league's usual order (``DOMESTIC``), as ``SeasonRules.tables`` has it."""
    known = recognise(title)
    if known is None and matchdays and round_format is RoundFormat.LEAGUE:
        return DOMESTIC
    return _table_rules(known or REGISTRY.default, start_year, round_format)


def _table_rules(chosen: Competition, start_year: int, round_format: RoundFormat) -> TableRules:
    kind = table_kind(round_format)
    found = chosen.table(start_year, kind)
    return found or REGISTRY.default.table(start_year, kind) or _never(chosen.key)


def qualification(
    competition: str, start_year: int, round_format: RoundFormat
) -> Qualification | None:
    """Where the places of a group or league round of ``competition`` lead, if known."""
    found = recognise(competition)
    if found is None or round_format is RoundFormat.KNOCKOUT:
        return None
    return found.zones(start_year, table_kind(round_format))


def require_ratings(season: Season, competition: str | None = None) -> None:
    """Refuse, with a clear ``ConfigError`` that names the commands which can, to forecast a
    club-style competition of national teams (the club ratings' simulation of the rounds to
    come): their forecasts are the tournament forecast, the tie forecast with national
    ratings (``--tie``) and ``matchday match``."""
    chosen = get(competition) if competition else of(season.competition)
    if chosen.national_teams:
        raise ConfigError(
            f"{season.competition} {season.name}: the competition forecast of rounds to come "
            "is for clubs; national teams have the tournament forecast (`matchday forecast "
            "SOURCE` without --tie, of a World Cup or a Euro), the tie forecast (`matchday "
            "forecast SOURCE --tie TEAM`) and `matchday match HOME AWAY --knockout --ground "
            "neutral --date YYYY-MM-DD`"
        )


def _never(competition: str) -> TableRules:
    raise AssertionError(f"the default competition has tables ({competition})")
