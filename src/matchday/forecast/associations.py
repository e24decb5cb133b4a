"""How strong each European country's football is, read from its national team: a prior for
the level of its clubs.

A country whose clubs the data has hardly seen in Europe (the Faroe Islands, Malta, ... before
the qualifying rounds are in the data) would otherwise get the average level of the clubs that
*are* seen, mostly group-stage sides, and its champions would be rated like them. Its national
team's World Football Elo rating (``forecast.elo``, from internationals before the date only)
says how strong its football is; the club fit (``forecast.fit``) learns how much that tells
about its clubs. Pure: the internationals come in as ``EloMatch`` values.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from matchday.forecast.elo import EloMatch, run_elo
from matchday.model import Team

__all__ = ["ASSOCIATIONS", "ELO_SCALE", "NationalStrength"]

ASSOCIATIONS: Mapping[str, str] = {
    "ALB": "Albania",
    "AND": "Andorra",
    "ARM": "Armenia",
    "AUT": "Austria",
    "AZE": "Azerbaijan",
    "BEL": "Belgium",
    "BIH": "Bosnia and Herzegovina",
    "BLR": "Belarus",
    "BUL": "Bulgaria",
    "CRO": "Croatia",
    "CYP": "Cyprus",
    "CZE": "Czech Republic",
    "DEN": "Denmark",
    "ENG": "England",
    "ESP": "Spain",
    "EST": "Estonia",
    "FIN": "Finland",
    "FRA": "France",
    "FRO": "Faroe Islands",
    "GEO": "Georgia",
    "GER": "Germany",
    "GIB": "Gibraltar",
    "GRE": "Greece",
    "HUN": "Hungary",
    "IRL": "Republic of Ireland",
    "ISL": "Iceland",
    "ISR": "Israel",
    "ITA": "Italy",
    "KAZ": "Kazakhstan",
    "KOS": "Kosovo",
    "LIE": "Liechtenstein",
    "LTU": "Lithuania",
    "LUX": "Luxembourg",
    "LVA": "Latvia",
    "MDA": "Moldova",
    "MKD": "North Macedonia",
    "MLT": "Malta",
    "MNE": "Montenegro",
    "NED": "Netherlands",
    "NIR": "Northern Ireland",
    "NOR": "Norway",
    "POL": "Poland",
    "POR": "Portugal",
    "ROU": "Romania",
    "RUS": "Russia",
    "SCO": "Scotland",
    "SMR": "San Marino",
    "SRB": "Serbia",
    "SUI": "Switzerland",
    "SVK": "Slovakia",
    "SVN": "Slovenia",
    "SWE": "Sweden",
    "TUR": "Turkey",
    "UKR": "Ukraine",
    "WAL": "Wales",
}
"""The country code of a club (as the openfootball files write it) → the name of its
association's national team in the internationals' data. Monaco (``MCO``: AS Monaco plays in
France's league) has no entry: no national team speaks for it, and a club of a country left out
gets the average."""

ELO_SCALE = 400.0
"""Elo points per unit of strength: 400 points make a tenfold difference in the odds."""


@dataclass(frozen=True)
class NationalStrength:
    """Every national team's Elo rating after each of its matches, to read the ratings as they
    stood on any date."""

    days: Mapping[str, list[int]]
    ratings: Mapping[str, list[float]]

    @classmethod
    def from_matches(cls, matches: Iterable[EloMatch]) -> NationalStrength:
        """Run Elo through every international (any order; sorted by date here)."""
        ordered = sorted(matches, key=lambda m: m.date)
        elo = run_elo(ordered)
        days: dict[str, list[int]] = {}
        ratings: dict[str, list[float]] = {}
        for m, after in zip(ordered, elo.after, strict=True):
            for team, value in ((m.home, after[0]), (m.away, after[1])):
                days.setdefault(team.name, []).append(m.date.toordinal())
                ratings.setdefault(team.name, []).append(float(value))
        return cls(days, ratings)

    def rating(self, team: Team, on: dt.date) -> float | None:
        """The team's Elo rating after its last match before ``on`` (None before its first)."""
        days = self.days.get(team.name)
        if not days:
            return None
        n = bisect.bisect_left(days, on.toordinal())
        return self.ratings[team.name][n - 1] if n else None

    def on(self, as_of: dt.date) -> dict[str, float]:
        """Each association's national strength on ``as_of`` (results before it only): its
        Elo rating less the mean of the associations', over ``ELO_SCALE``."""
        found = {
            code: value
            for code, name in ASSOCIATIONS.items()
            if (value := self.rating(Team(name), as_of)) is not None
        }
        if not found:
            return {}
        mean = sum(found.values()) / len(found)
        return {code: (value - mean) / ELO_SCALE for code, value in found.items()}
