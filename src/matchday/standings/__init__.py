"""Tables of groups and league phases, with the tie-breakers of the era as data."""

from matchday.standings.carry import Carried, CarriedPoints, Carry, Start, start_from
from matchday.standings.groups import round_tables, season_tables, split_groups
from matchday.standings.qualification import Qualification, Zone, qualification_for
from matchday.standings.record import Record, records
from matchday.standings.rules import (
    DOMESTIC,
    TIEBREAKERS,
    UEFA_GROUP_2021,
    UEFA_GROUP_CLASSIC,
    UEFA_LEAGUE_PHASE,
    Criterion,
    TableRules,
    tiebreakers,
    tiebreakers_for,
)
from matchday.standings.table import PlayOff, Standing, Table, rank

__all__ = [
    "DOMESTIC",
    "TIEBREAKERS",
    "UEFA_GROUP_2021",
    "UEFA_GROUP_CLASSIC",
    "UEFA_LEAGUE_PHASE",
    "Carried",
    "CarriedPoints",
    "Carry",
    "Criterion",
    "PlayOff",
    "Qualification",
    "Record",
    "Standing",
    "Start",
    "Table",
    "TableRules",
    "Zone",
    "qualification_for",
    "rank",
    "records",
    "round_tables",
    "season_tables",
    "split_groups",
    "start_from",
    "tiebreakers",
    "tiebreakers_for",
]
