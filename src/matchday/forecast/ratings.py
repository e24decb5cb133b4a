"""Fitted team ratings: attack and defence per club, country levels, and what each rests on."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from matchday.model import Team
from matchday.model.names import counted, name_key

__all__ = ["Basis", "MatchRates", "Ratings", "TeamRating", "name_key"]

MINUTES = 90
"""Regular time: the goal rates are per 90 minutes."""


class Basis(StrEnum):
    """What a rating rests on."""

    FITTED = "fitted"
    COUNTRY = "country prior"
    FLOOR = "domestic floor"
    AVERAGE = "average prior"


@dataclass(frozen=True, slots=True)
class TeamRating:
    """A team's attack and defence (log goals against the average side) and why they are what
    they are: ``matches`` is how many results of the team the fit used; ``faded``: they are
    so old that, with time's decay, they weigh less than a hundredth of their number
    (``FADED_SHARE``: a team that has not played for years, German DR)."""

    team: Team
    attack: float
    defence: float
    matches: int
    basis: Basis
    explanation: str
    faded: bool = False


@dataclass(frozen=True, slots=True)
class MatchRates:
    """Expected goals in 90 minutes of a match, and the ratings they come from."""

    home: TeamRating
    away: TeamRating
    home_goals: float
    away_goals: float
    rho: float


FADED_SHARE = 0.01
"""A team whose results, decayed with time, weigh less than a hundredth of their number has not
played for years (German DR in 2024; Czechoslovakia in 2010, whose 520 results still weighed as
two recent matches; a club gone from the leagues in the data): its rating says so. (A club with
one match a month old weighs nearly one: it has played lately. A side playing on weighs several
hundredths of its results or more: Brazil, a club in the leagues.)"""


@dataclass(frozen=True)
class Ratings:
    """A fitted model as of a date: every number needed to forecast, nothing else.

    ``attack``/``defence``/``matches``/``weight`` are indexed like ``teams``; country arrays like
    ``countries`` (``country_home``: a country's extra home advantage in European matches).
    A club with fewer than ``newcomer_matches`` results so far is new to the data and plays
    ``newcomer`` (log goals, fitted) off its attack and defence: clubs new to Europe have done
    worse than the clubs of their country that the data knows. ``aliases`` are other spellings
    (as data files wrote them) of the teams. ``home_european_against``/``home_domestic_against``:
    how much less (log goals) the away side scores because the other side is at home (fitted
    for national teams; 0 for clubs, whose home advantage is all on the home side's goals).
    """

    as_of: dt.date
    teams: tuple[Team, ...]
    attack: NDArray[np.float64]
    defence: NDArray[np.float64]
    matches: NDArray[np.int64]
    weight: NDArray[np.float64]
    countries: tuple[str, ...]
    country_attack: NDArray[np.float64]
    country_defence: NDArray[np.float64]
    country_home: NDArray[np.float64]
    country_matches: NDArray[np.int64]
    intercept: float
    european_level: float
    home_domestic: float
    home_european: float
    home_domestic_closed: float
    home_european_closed: float
    rho: float
    newcomer: float
    newcomer_matches: int
    log_likelihood: float
    iterations: int
    settings: tuple[tuple[str, float], ...]
    aliases: tuple[tuple[Team, Team], ...] = ()
    home_european_against: float = 0.0
    home_domestic_against: float = 0.0
    domestic: str | None = None
    """The country whose own competition (a national cup) is forecast: a club of it that the
    model never saw plays below every club of it the model knows (``domestic_view``)."""
    _index: dict[tuple[str, str], int] = field(init=False, repr=False, compare=False)
    _domestic_floor: tuple[float, float] | None = field(init=False, repr=False, compare=False)
    _views: dict[str, Ratings] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {(t.country or "", name_key(t.name)): i for i, t in enumerate(self.teams)}
        position = {t: i for i, t in enumerate(self.teams)}
        for spelling, team in self.aliases:
            if team in position:
                index.setdefault((spelling.country or "", name_key(spelling.name)), position[team])
        object.__setattr__(self, "_index", index)
        floor = self._floor(self.domestic) if self.domestic is not None else None
        object.__setattr__(self, "_domestic_floor", floor)
        object.__setattr__(self, "_views", {})

    def domestic_view(self, teams: Iterable[Team]) -> Ratings:
        """These ratings for a competition of ``teams``: when they are all clubs of one
        country whose clubs the model knows (a national cup), a club of it never seen plays
        at the level of the weakest it knows, not at the country's average: in the cups of
        2018-21 a club missing from the leagues in the data was weaker than all of them
        (docs/benchmarks.md, "Domestic cups")."""
        countries = {team.country for team in teams}
        country = countries.pop() if len(countries) == 1 else None
        if country is None or country == self.domestic:
            return self
        if country not in self._views:
            view = replace(self, domestic=country)
            self._views[country] = self if view._domestic_floor is None else view
        return self._views[country]

    def _floor(self, country: str) -> tuple[float, float] | None:
        """The weakest attack and the weakest defence among the fitted clubs of ``country``."""
        known = [i for i, t in enumerate(self.teams) if t.country == country and self.matches[i]]
        if not known:
            return None
        return float(self.attack[known].min()), float(self.defence[known].min())

    def with_aliases(self, aliases: tuple[tuple[Team, Team], ...]) -> Ratings:
        """The same ratings, also found under other spellings (spelling, fitted team)."""
        fields = {
            name: getattr(self, name)
            for name in self.__dataclass_fields__
            if not name.startswith("_")
        }
        fields["aliases"] = aliases
        return Ratings(**fields)

    def position(self, team: Team) -> int | None:
        """The index of ``team`` (or of the team it is another spelling of), if fitted."""
        return self._index.get((team.country or "", name_key(team.name)))

    def rating(self, team: Team) -> TeamRating:
        """The team's rating; a team with no results gets its country's level, and a team from
        a country the model has never seen the average level."""
        i = self._index.get((team.country or "", name_key(team.name)))
        n = 0 if i is None else int(self.matches[i])
        new = self.newcomer if n < self.newcomer_matches else 0.0
        note = f", as a newcomer ({new:+.2f})" if new else ""
        if i is not None and n > 0:
            worth = float(self.weight[i])
            faded = worth < n * FADED_SHARE
            said = (
                f"; with time's decay they weigh as {worth:.2f} recent matches: the team has "
                "not played for a long time"
                if faded
                else ""
            )
            return TeamRating(
                team,
                float(self.attack[i]) + new,
                float(self.defence[i]) + new,
                n,
                Basis.FITTED,
                f"fitted on {counted(n, 'match', 'matches')} before {self.as_of}{note}{said}",
                faded,
            )
        floor = self._domestic_floor if team.country == self.domestic else None
        if floor is not None:
            return TeamRating(
                team,
                floor[0] + new,
                floor[1] + new,
                0,
                Basis.FLOOR,
                f"no results of its own, in none of the {team.country} leagues the model "
                f"knows: the level of the weakest {team.country} club it knows{note}",
            )
        if team.country in self.countries:
            c = self.countries.index(team.country)
            seen = int(self.country_matches[c])
            source = (
                f"({seen} European matches)"
                if seen
                else "(no European match yet: what its national team's strength implies)"
            )
            return TeamRating(
                team,
                float(self.country_attack[c]) + new,
                float(self.country_defence[c]) + new,
                0,
                Basis.COUNTRY,
                f"no results of its own: the level of {team.country} clubs {source}{note}",
            )
        return TeamRating(
            team, new, new, 0, Basis.AVERAGE, f"no results and no data on its country{note}"
        )

    def expected(
        self,
        home: Team,
        away: Team,
        *,
        neutral: bool = False,
        european: bool = True,
        closed_doors: bool = False,
    ) -> MatchRates:
        """Expected goals of ``home`` and ``away`` over 90 minutes of one match between them
        (``closed_doors``: played without spectators, as in 2020-21)."""
        h, a = self.rating(home), self.rating(away)
        if closed_doors:
            advantage = self.home_european_closed if european else self.home_domestic_closed
        else:
            advantage = self.home_european if european else self.home_domestic
        against = self.home_european_against if european else self.home_domestic_against
        advantage, against = (0.0, 0.0) if neutral else (advantage, against)
        level = self.intercept + (self.european_level if european else 0.0)
        if european and not neutral and home.country in self.countries:
            advantage += float(self.country_home[self.countries.index(home.country)])
        return MatchRates(
            h,
            a,
            math.exp(level + advantage + h.attack - a.defence),
            math.exp(level - against + a.attack - h.defence),
            self.rho,
        )
