"""Club names and their alternative spellings, from the openfootball ``clubs`` data set.

The same club is written differently across files and seasons ("Dinamo Zagreb" in a qualifying
file, "GNK Dinamo Zagreb" in the main file). ``ClubRegistry`` resolves a ``Team`` (name and
country code) to its club through the alternative names the data lists, and only through them:
a name that is unknown, or that two clubs of the country share, stays unresolved.

Format of a ``*.clubs.txt`` file, as read here: a club starts at column 0 (``GNK Dinamo Zagreb,
1911, @ Maksimir, Zagreb``: the name is what precedes the first comma); ``ii) ...`` starts a
reserve team, which is a club of its own; indented ``| A | B`` lines add alternative names to the
club above (a trailing language tag such as ``[de]`` is dropped); other indented lines (addresses)
and ``#``/``=`` lines are not names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from matchday.errors import SourceError
from matchday.model import Team
from matchday.select import fold

__all__ = ["COUNTRY_CODES", "Club", "ClubRegistry", "load_clubs", "parse_clubs"]

COUNTRY_CODES: Mapping[str, str] = {
    "al": "ALB", "ad": "AND", "am": "ARM", "at": "AUT", "az": "AZE", "by": "BLR", "be": "BEL",
    "ba": "BIH", "bg": "BUL", "hr": "CRO", "cy": "CYP", "cz": "CZE", "dk": "DEN", "eng": "ENG",
    "ee": "EST", "fo": "FRO", "fi": "FIN", "fr": "FRA", "ge": "GEO", "de": "GER", "gi": "GIB",
    "gr": "GRE", "hu": "HUN", "is": "ISL", "ie": "IRL", "it": "ITA", "kos": "KOS", "lv": "LVA",
    "li": "LIE", "lt": "LTU", "lu": "LUX", "mk": "MKD", "mt": "MLT", "md": "MDA", "mc": "MCO",
    "me": "MNE", "nl": "NED", "nir": "NIR", "no": "NOR", "pl": "POL", "pt": "POR", "ro": "ROU",
    "ru": "RUS", "sm": "SMR", "sco": "SCO", "rs": "SRB", "sk": "SVK", "si": "SVN", "es": "ESP",
    "se": "SWE", "ch": "SUI", "tr": "TUR", "ua": "UKR", "wal": "WAL", "kz": "KAZ", "il": "ISR",
}  # fmt: skip
"""The clubs files' country prefixes (``hr.clubs.txt``) to the UEFA codes the match files use."""

_TAG = re.compile(r"\s*\[[a-z]{2}\]\s*$")
_YEARS = re.compile(r"\s*\(\d{4}(?:-\d{4})?\)\s*$")


@dataclass(frozen=True, slots=True)
class Club:
    """A club: its canonical name, its country's UEFA code and its other names."""

    name: str
    country: str
    alternatives: tuple[str, ...] = ()

    @property
    def team(self) -> Team:
        """The club as a ``Team`` under its canonical name."""
        return Team(self.name, self.country)


def _clean(name: str) -> str:
    return _YEARS.sub("", _TAG.sub("", name.split("#", 1)[0])).strip()


def parse_clubs(text: str, country: str) -> tuple[Club, ...]:
    """The clubs of one ``*.clubs.txt`` text, all of ``country`` (a UEFA code)."""
    clubs: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", "=")):
            continue
        if stripped.startswith("|"):
            if clubs:
                clubs[-1][1].extend(n for n in map(_clean, stripped.split("|")) if n)
            continue
        if line[0].isspace():
            continue  # an address or other detail of the club above
        head = re.sub(r"^[ivx]+\)\s*", "", stripped)
        name = _clean(head.split(",", 1)[0])
        if name:
            clubs.append((name, []))
    return tuple(Club(name, country, tuple(alts)) for name, alts in clubs)


class ClubRegistry:
    """Resolves team names to clubs through the alternative names of the clubs data."""

    def __init__(self, clubs: Iterable[Club]) -> None:
        self._by_name: dict[tuple[str, str], set[Club]] = {}
        self.clubs = tuple(clubs)
        for club in self.clubs:
            for name in (club.name, *club.alternatives):
                self._by_name.setdefault((club.country, fold(name)), set()).add(club)

    def resolve(self, team: Team) -> Club | None:
        """The one club ``team`` names in its country, or ``None`` if unknown or ambiguous."""
        if team.country is None:
            return None
        found = self._by_name.get((team.country, fold(team.name)), set())
        return next(iter(found)) if len(found) == 1 else None

    def same_club(self, a: Team, b: Team) -> bool:
        """True when ``a`` and ``b`` are equal or resolve to the same club."""
        if a == b:
            return True
        club = self.resolve(a)
        return club is not None and club == self.resolve(b)


def load_clubs(folder: Path) -> ClubRegistry:
    """Read every ``*.clubs.txt`` below ``folder`` whose country matchday knows."""
    clubs: list[Club] = []
    for path in sorted(folder.rglob("*.clubs.txt")):
        country = COUNTRY_CODES.get(path.name.split(".")[0])
        if country is None:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise SourceError(f"{path}: cannot read: {err}") from err
        clubs.extend(parse_clubs(text, country))
    if not clubs:
        raise SourceError(f"{folder}: no clubs files found")
    return ClubRegistry(clubs)
