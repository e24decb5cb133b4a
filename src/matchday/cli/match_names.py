"""Which team a name typed to ``matchday match`` means, what it was called on the day, and
the closest names when it means none.

Two kinds of team, two places: national teams are those of the international results (or,
without them, of the shipped national ratings), clubs those of the club ratings. A name is a
national team when the results know it under that name, a former name (``former_names.csv``),
a common or FIFA name (``matchday.model.national_names``) or the name a report's language
gives it ("Frankrijk": ``matchday.select.known_as``); nothing else is merged, and an unknown
name gets suggestions, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from rapidfuzz import process

from matchday.errors import ConfigError
from matchday.forecast.ratings import Ratings, name_key
from matchday.io.international import InternationalData
from matchday.io.snapshot import bundled_national
from matchday.model import Team
from matchday.model.names import suggestions
from matchday.model.national_names import COMMON_NAMES, national_key, played_as, results_name
from matchday.select import known_as, national_names

__all__ = ["Nations", "did_you_mean", "find", "find_national", "suggest_clubs"]

_COUNTRY = re.compile(r"\s*\(([A-Za-z]{3})\)\s*$")


def find(ratings: Ratings, name: str, key: Callable[[str], str] = name_key) -> Team | None:
    """The rated team called ``name`` (its name, else a recorded other spelling, compared in
    the form ``key`` gives them; "Arsenal (ENG)" keeps to one country); an error when it names
    two."""
    code = _COUNTRY.search(name)
    country = code.group(1).upper() if code else None
    wanted = key(name[: code.start()] if code else name)

    def here(team: Team) -> bool:
        return country is None or team.country == country

    found = {t for t in ratings.teams if key(t.name) == wanted and here(t)}
    if not found:
        found = {t for s, t in ratings.aliases if key(s.name) == wanted and here(t)}
    if len(found) > 1:
        listed = ", ".join(sorted(f"{t.name} ({t.country})" for t in found))
        first = min(found, key=lambda t: (t.country or "", t.name))
        raise ConfigError(
            f"{name!r} names several teams: {listed}; write the country's code after the "
            f"name to pick one ('{name} ({first.country})')"
        )
    return next(iter(found), None)


def find_national(ratings: Ratings, name: str, on: dt.date | None = None) -> Team | None:
    """The rated national team called ``name`` (on ``on``): as ``find``, after the table of
    common and FIFA names ("Korea Republic" is South Korea; "Ireland" after 1956 is the
    Republic), apostrophes and hyphens read as spaces (``national_key``); else the team a
    report's language calls so ("Frankrijk", ``known_as``)."""
    for spelling in (name, *known_as(name)):
        if (found := find(ratings, results_name(spelling, on), national_key)) is not None:
            return found
    return None


def did_you_mean(close: Iterable[str]) -> str:
    """ " (did you mean A, B?)", or nothing without a name to offer."""
    names = list(dict.fromkeys(close))
    return f" (did you mean {', '.join(names)}?)" if names else ""


def suggest_clubs(name: str, clubs: Ratings) -> list[str]:
    """The club names of ``clubs`` closest to ``name``."""
    close = process.extract(name, [t.name for t in clubs.teams], limit=3, score_cutoff=70)
    return [c for c, _, _ in close]


@dataclass
class Nations:
    """The national teams a name can mean: those of the international results ``data`` when
    they are read, else those of the newest shipped national ratings (the teams of each date
    asked are kept, as one command asks several times)."""

    data: InternationalData | None
    _keys: dict[dt.date | None, frozenset[str]] = field(default_factory=dict, repr=False)

    @cached_property
    def _shipped(self) -> Ratings | None:
        shipped = bundled_national()
        return shipped[-1].ratings if shipped else None

    @property
    def end(self) -> dt.date | None:
        """The day of the last international result read (``None`` without them)."""
        return self.data.results[-1].date if self.data and self.data.results else None

    def _current(self, name: str) -> str:
        """The results' (current) name ``name`` stands for: a name of the results, a former,
        common or FIFA name, else the name a report's language gives a team of the results
        ("Frankrijk": France)."""
        if self.data is None:
            return results_name(name)
        current = self.data.names.resolve(name)[0]
        if national_key(current) in self._teams(None):
            return current
        for english in known_as(name):
            if national_key(found := self.data.names.resolve(english)[0]) in self._teams(None):
                return found
        return current

    def _teams(self, before: dt.date | None) -> frozenset[str]:
        """The keys of the teams of the results (before ``before``, else at any date)."""
        if before not in self._keys:
            assert self.data is not None
            self._keys[before] = frozenset(
                national_key(t.name)
                for r in self.data.results
                if before is None or r.date < before
                for t in (r.home, r.away)
            )
        return self._keys[before]

    def knows(self, name: str, before: dt.date | None = None) -> bool:
        """Whether ``name`` is a national team (with a result before ``before``, when given and
        the results are read)."""
        if self.data is None:
            return self._shipped is not None and find_national(self._shipped, name) is not None
        return national_key(self._current(name)) in self._teams(before)

    def close(self, name: str, before: dt.date | None = None) -> list[str]:
        """The names of national teams closest to ``name`` (those with a result before
        ``before``), as the results, their former names or the common names write them
        ("Zairee": did you mean Zaïre?) or a report's language names them ("Frankryk": did you
        mean Frankrijk?)."""
        if self.data is None:
            names = {t.name for t in self._shipped.teams} if self._shipped else set()
            return list(suggestions(name, names | set(COMMON_NAMES) | set(national_names())))
        names = {
            t.name
            for r in self.data.results
            if before is None or r.date < before
            for t in (r.home, r.away)
        }
        keys = self._teams(before)
        others = [f.former for f in self.data.names.former] + list(COMMON_NAMES)
        others += national_names()
        own = {national_key(n) for n in names}  # "Åland" (a Dutch name) is the results' Aland
        spellings = names | {
            n
            for n in others
            if national_key(n) not in own and national_key(self._current(n)) in keys
        }
        return list(suggestions(name, spellings))

    def then(self, team: Team, on: dt.date) -> str:
        """What the rated national team ``team`` was called on ``on``: its former name then
        (``former_names.csv``: the Soviet Union for Russia in 1972), else the name people gave
        it then (``played_as``: West Germany), else its name."""
        former = self.data.names.then(team.name, on) if self.data else team.name
        return former if former != team.name else played_as(team.name, on)
