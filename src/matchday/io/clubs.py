"""Club names and their alternative spellings, read from the openfootball club lists.

The same club is written differently across files and seasons ("Atlético Madrid", "Club
Atlético de Madrid"). A ``ClubDirectory`` maps every spelling listed for a club in its country's
``*.clubs.txt`` to the club's canonical name, so that matches can be joined by club. It never
guesses: a spelling that is not listed, or that is listed for two clubs of one country, stays
unresolved and is reported, and the team keeps the name the data gives it.

A club list entry reads::

    Atlético Madrid,    Madrid    ## comment
      | Atlético | Atl. Madrid | Atlético de Madrid | Club Atlético de Madrid
      | Ath Madrid [en]
    ii) Atlético Madrid B
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from matchday.errors import SourceError
from matchday.forecast.ratings import name_key
from matchday.model import Team

__all__ = [
    "COUNTRY_FILES",
    "LEAGUE_GUESTS",
    "ClubDirectory",
    "load_clubs",
    "parse_club_list",
]

COUNTRY_FILES: Mapping[str, str] = MappingProxyType(
    {
        "ALB": "al", "AND": "ad", "ARM": "am", "AUT": "at", "AZE": "az", "BLR": "by",
        "BEL": "be", "BIH": "ba", "BUL": "bg", "CRO": "hr", "CYP": "cy", "CZE": "cz",
        "DEN": "dk", "ENG": "eng", "EST": "ee", "FRO": "fo", "FIN": "fi", "FRA": "fr",
        "GEO": "ge", "GER": "de", "GIB": "gi", "GRE": "gr", "HUN": "hu", "ISL": "is",
        "IRL": "ie", "ISR": "il", "ITA": "it", "KAZ": "kz", "KOS": "kos", "LVA": "lv",
        "LIE": "li", "LTU": "lt", "LUX": "lu", "MKD": "mk", "MLT": "mt", "MDA": "md",
        "MCO": "mc", "MNE": "me", "NED": "nl", "NIR": "nir", "NOR": "no", "POL": "pl",
        "POR": "pt", "ROU": "ro", "RUS": "ru", "SMR": "sm", "SCO": "sco", "SRB": "rs",
        "SVK": "sk", "SVN": "si", "ESP": "es", "SWE": "se", "SUI": "ch", "TUR": "tr",
        "UKR": "ua", "WAL": "wal",
    }
)  # fmt: skip
"""UEFA country code as the Football.TXT files write it -> prefix of the openfootball files of
that country (``eng.clubs.txt``; ``en.1.json`` uses ``en``, see ``matchday.io.footballjson``)."""

LEAGUE_GUESTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"ENG": ("WAL",), "FRA": ("MCO",), "SUI": ("LIE",), "ESP": ("AND",), "IRL": ("NIR",)}
)
"""Countries whose clubs play in another country's league: Welsh clubs (Cardiff, Swansea,
Wrexham) in England's, Monaco in France's, Vaduz in Switzerland's, FC Andorra in Spain's,
Derry City in Ireland's. A name not listed in the league's country is looked up among its
guests' clubs, and keeps the guest's country code (as UEFA's files give it)."""

_TAG = re.compile(r"\[[a-z]{2}\]")
_RESERVE = re.compile(r"^[ivx]+\)\s*")


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def parse_club_list(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The clubs of one ``*.clubs.txt`` text: (canonical name, alternative names), in order."""
    clubs: list[tuple[str, list[str]]] = []
    for raw in text.splitlines():
        line = _strip_comment(raw)
        stripped = line.strip()
        if not stripped or stripped.startswith("="):
            continue
        if stripped.startswith("|"):
            if clubs:
                names = (_TAG.sub("", part).strip() for part in stripped.split("|"))
                clubs[-1][1].extend(n for n in names if n)
            continue
        if line[0].isspace():
            continue  # an indented detail of the club above, such as its address
        name = _RESERVE.sub("", stripped).split(",", 1)[0].strip()
        if name:
            clubs.append((name, []))
    return [(name, tuple(alts)) for name, alts in clubs]


@dataclass(frozen=True, slots=True)
class ClubDirectory:
    """Every known spelling of every club, per country: (country, ``name_key``) -> canonical name.

    Spellings listed for two clubs of one country are ``ambiguous`` and resolve to nothing.
    """

    spellings: Mapping[tuple[str, str], str]
    ambiguous: frozenset[tuple[str, str]]
    written: tuple[tuple[str, str, str], ...] = ()
    """Every spelling as the lists write it: (country, spelling, canonical name)."""

    @classmethod
    def from_lists(cls, lists: Iterable[tuple[str, str]]) -> ClubDirectory:
        """Build from (country code, club list text) pairs."""
        spellings: dict[tuple[str, str], str] = {}
        ambiguous: set[tuple[str, str]] = set()
        written: list[tuple[str, str, str]] = []
        for country, text in lists:
            for canonical, alternatives in parse_club_list(text):
                for spelling in (canonical, *alternatives):
                    key = (country, name_key(spelling))
                    known = spellings.setdefault(key, canonical)
                    if known != canonical:
                        ambiguous.add(key)
                    written.append((country, spelling, canonical))
        for key in ambiguous:
            del spellings[key]
        return cls(MappingProxyType(spellings), frozenset(ambiguous), tuple(written))

    def aliases(self, teams: Iterable[Team]) -> tuple[tuple[Team, Team], ...]:
        """Every other spelling the lists give ``teams`` (clubs under their canonical names), as
        (spelling, team): so that ratings fitted on canonical names find a club however a file
        writes it ("Dynamo Kyiv" for "FC Dynamo Kyiv"). Spellings of two clubs are left out."""
        wanted = set(teams)
        found: dict[tuple[str, str], tuple[Team, Team]] = {}
        for country, spelling, canonical in self.written:
            team, key = Team(canonical, country), (country, name_key(spelling))
            if team in wanted and key not in self.ambiguous and key[1] != name_key(canonical):
                found.setdefault(key, (Team(spelling, country), team))
        return tuple(found.values())

    def lookup(self, team: Team) -> Team | None:
        """The club's canonical team, or ``None`` when its name is not listed (or listed for
        two clubs) in its country or among the clubs its league hosts (``LEAGUE_GUESTS``):
        then the caller keeps the name and reports it."""
        if team.country is None:
            return None
        key = name_key(team.name)
        for country in (team.country, *LEAGUE_GUESTS.get(team.country, ())):
            canonical = self.spellings.get((country, key))
            if canonical is not None:
                return Team(canonical, country)
        return None

    def same_club(self, a: Team, b: Team) -> bool:
        """True when ``a`` and ``b`` are equal or both resolve to the same club."""
        if a == b:
            return True
        club = self.lookup(a)
        return club is not None and club == self.lookup(b)


def load_clubs(folder: Path) -> ClubDirectory:
    """Read every ``*.clubs.txt`` below ``folder`` of a country in ``COUNTRY_FILES``."""
    by_prefix = {prefix: code for code, prefix in COUNTRY_FILES.items()}
    lists = []
    for path in sorted(folder.rglob("*.clubs.txt")):
        code = by_prefix.get(path.name.split(".")[0])
        if code is None:
            continue
        try:
            lists.append((code, path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as err:
            raise SourceError(f"{path}: cannot read: {err}") from err
    if not lists:
        raise SourceError(f"{folder}: no club lists (*.clubs.txt) found")
    return ClubDirectory.from_lists(lists)
