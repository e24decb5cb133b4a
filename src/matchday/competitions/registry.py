"""The competition registry: every competition matchday knows, found by any of its names.

A competition is recognised from a file's title ("= World Cup 2018", "= Euro 2024",
"= UEFA Champions League 2017/18") or named by a user ("WM", "Coupe du Monde", "KNVB beker"):
names are compared without case, accents or punctuation, as whole words, and the longest name
found wins ("Club World Cup" before "World Cup", "Europa Conference League" before "Europa
League").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from matchday.competitions.format import Format, RoundKind
from matchday.errors import ConfigError, InvalidValueError
from matchday.model.competition import RoundFormat
from matchday.model.names import suggestions
from matchday.rules.presets import Rules
from matchday.standings.qualification import Qualification
from matchday.standings.rules import TableRules

__all__ = [
    "Competition",
    "Name",
    "Registry",
]


@dataclass(frozen=True, slots=True)
class Name:
    """A name of a competition and the language it is said in ("WM", "de"). ``in_titles``:
    whether a file's title that contains it names the competition; not for a name that is also
    part of another's ("Serie B" of Italy in "Brasileiro Série B"), which a user may still give."""

    text: str
    language: str = "en"
    in_titles: bool = True


def fold(text: str) -> str:
    """``text`` without case, accents or punctuation, single-spaced: how names are compared."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"[a-z0-9]+", plain))


@dataclass(frozen=True, slots=True)
class Competition:
    """One competition: its key, its names, whether national teams play it, and its formats
    per era (in any order; the one in force is the latest that starts on or before a season)."""

    key: str
    names: tuple[Name, ...]
    formats: tuple[Format, ...]
    national_teams: bool = False
    club_ratings: bool = False
    numbered_rounds_qualify: bool = False
    """Whether "Round 1", "Round 2", ... are qualifying rounds (UEFA's club competitions) rather
    than rounds of the competition proper (the World Cup's "First round" of 1934-1938)."""
    qualification: str | None = None
    """The key of the competition whose rules settle this one's qualifying files (the World
    Cup's qualifying is a competition of its own); ``None``: its own rules (UEFA's clubs)."""
    confederation: str | None = None
    """The body that runs it ("UEFA", "CONMEBOL", "FIFA"); ``None`` for a national
    association's competition (a domestic cup or league)."""
    before_first: str | None = None
    """Why a season before the first format is refused (a format matchday cannot model, so
    the first one is not applied to it in silence); ``None``: the first format covers it."""

    def __post_init__(self) -> None:
        if not self.names or not self.formats:
            raise InvalidValueError(f"{self.key}: a competition needs a name and a format")
        ordered = tuple(sorted(self.formats, key=lambda f: f.first))
        object.__setattr__(self, "formats", ordered)

    @property
    def european_clubs(self) -> bool:
        """Whether it is a European club competition (UEFA's, not its Euro): where a club that
        goes out ends its "European campaign"."""
        return self.confederation == "UEFA" and not self.national_teams

    @property
    def name(self) -> str:
        """The competition's own name, the first of its names."""
        return self.names[0].text

    def format(self, start_year: int) -> Format:
        """The format in force in the season starting in ``start_year`` (the first era for
        seasons before it, unless ``before_first`` refuses them: a ``ConfigError``)."""
        current = self.formats[0]
        if start_year < current.first and self.before_first is not None:
            raise ConfigError(
                f"{self.name} {start_year}: {self.before_first}; matchday knows its formats "
                f"from {current.first} on"
            )
        for candidate in self.formats:
            if candidate.first <= start_year:
                current = candidate
        return current

    def rules(self, start_year: int, kind: RoundKind = RoundKind.TWO_LEGS) -> Rules:
        """The rules of a knockout round of ``kind`` in that season."""
        return self.format(start_year).rules(kind)

    def table(self, start_year: int, kind: RoundKind) -> TableRules | None:
        """The tie-breakers of a table of ``kind`` in that season."""
        return self.format(start_year).table(kind)

    def zones(self, start_year: int, kind: RoundKind) -> Qualification | None:
        """Where the places of a table of ``kind`` lead in that season."""
        return self.format(start_year).zones(kind)


def table_kind(round_format: RoundFormat) -> RoundKind:
    """The kind of table round a reader's round format stands for."""
    if round_format is RoundFormat.LEAGUE:
        return RoundKind.LEAGUE_PHASE
    if round_format is RoundFormat.GROUP:
        return RoundKind.GROUP
    raise ConfigError(f"a {round_format.value} round has no table")


class Registry:
    """Competitions by key and by every one of their names."""

    def __init__(self, competitions: tuple[Competition, ...], default: str) -> None:
        self.competitions = competitions
        self.by_key = {c.key: c for c in competitions}
        self.default = self.by_key[default]
        self._names = sorted(
            ((fold(n.text), c) for c in competitions for n in c.names),
            key=lambda pair: -len(pair[0]),
        )
        self._in_titles = sorted(
            ((fold(n.text), c) for c in competitions for n in c.names if n.in_titles),
            key=lambda pair: -len(pair[0]),
        )

    def recognise(self, title: str) -> Competition | None:
        """The competition named in ``title``, or ``None`` when no name is in it."""
        padded = f" {fold(title)} "
        return next((c for name, c in self._in_titles if f" {name} " in padded), None)

    def get(self, name: str) -> Competition:
        """The competition with key or name ``name`` (or a name in it: "Euro 2000");
        ``ConfigError`` listing them otherwise."""
        found = self.by_key.get(name.strip().casefold())
        if found is None:
            wanted = fold(name)
            found = next((c for text, c in self._names if text == wanted), None)
        found = found or self.recognise(name)
        if found is None:
            known = ", ".join(f"{c.key} ({c.name})" for c in self.competitions)
            names = (n.text for c in self.competitions for n in c.names)
            meant = suggestions(name, names, whole=True)
            hint = f"; did you mean {' or '.join(meant)}?" if meant else ""
            raise ConfigError(f"unknown competition {name!r}{hint}; known competitions: {known}")
        return found

    def of(self, title: str) -> Competition:
        """The competition named in ``title``, else the default (UEFA's club competitions,
        whose rules matchday has always applied to files it does not recognise)."""
        return self.recognise(title) or self.default
