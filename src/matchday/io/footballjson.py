"""Read the openfootball ``football.json`` league files (``en.1.json``) into results.

A file holds one league season: ``{"name": ..., "matches": [{"date": "2017-08-11", "team1":
"Arsenal FC", "team2": "Leicester City", "score": {"ft": [4, 3]}}, ...]}``. The country comes
from the file name's prefix. Matches without a full-time score (not played yet) are left out.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from types import MappingProxyType

from matchday.errors import ParseError
from matchday.forecast.results import Result
from matchday.model import Team

__all__ = ["LEAGUE_FILE", "PREFIX_COUNTRIES", "parse_league"]

PREFIX_COUNTRIES: Mapping[str, str] = MappingProxyType(
    {
        "en": "ENG", "de": "GER", "es": "ESP", "it": "ITA", "fr": "FRA", "at": "AUT",
        "nl": "NED", "pt": "POR", "sco": "SCO", "tr": "TUR", "be": "BEL", "gr": "GRE",
        "ch": "SUI", "ru": "RUS", "hu": "HUN", "cz": "CZE",
    }
)  # fmt: skip
"""football.json file prefix -> the UEFA country code the Football.TXT files use. Only European
leagues: leagues elsewhere never meet these clubs, so they cannot be linked to them."""

LEAGUE_FILE = re.compile(r"^(?P<prefix>[a-z]+)\.(?P<level>\d)\.json$")
"""A league file name (``en.1.json``, ``de.2.json``); cups (``de.cup.json``) do not match."""


def parse_league(text: str, file: str, country: str) -> tuple[Result, ...]:
    """The played matches of one league file, teams named as written, with ``country``."""
    try:
        data = json.loads(text)
        matches = data["matches"]
    except (json.JSONDecodeError, KeyError, TypeError) as err:
        raise ParseError(file, 1, text[:60], f"not a football.json league file ({err})") from err
    results = []
    for number, match in enumerate(matches, start=1):
        try:
            full_time = (match.get("score") or {}).get("ft")
            if not full_time:
                continue
            results.append(
                Result(
                    dt.date.fromisoformat(match["date"]),
                    Team(match["team1"], country),
                    Team(match["team2"], country),
                    int(full_time[0]),
                    int(full_time[1]),
                )
            )
        except (KeyError, TypeError, ValueError, IndexError) as err:
            raise ParseError(file, number, str(match)[:80], f"match {number}: {err}") from err
    return tuple(results)
