"""National teams' common and FIFA names, as the internationals' results write them.

The results (martj42/international_results) use one English name per team ("Ivory Coast",
"South Korea", "German DR"); people and FIFA write others ("Côte d'Ivoire", "Korea Republic",
"East Germany"). ``COMMON_NAMES`` is that table, recorded by hand, never guessed: each name with
the results' name and why they are one team. Former names (Zaïre, Soviet Union) are the data's
own ``former_names.csv`` and are not repeated here; a name here may lead to one ("USSR").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from matchday.model.names import name_key

__all__ = [
    "COMMON_NAMES",
    "HOST_CODES",
    "LATER_NAMES",
    "PLAYED_AS",
    "national_key",
    "played_as",
    "results_name",
]

_ONE = "the same team, under the name FIFA or most people use"

COMMON_NAMES: Mapping[str, tuple[str, str]] = {
    "USSR": ("Soviet Union", "the Soviet Union's usual short name (former_names.csv: Russia's)"),
    "West Germany": (
        "Germany",
        "the results write West Germany's matches of 1950-1990 as Germany's (the 1954 and 1974 "
        "finals; Germany v German DR, Hamburg 1974), and FIFA counts them as one team",
    ),
    "FRG": ("Germany", "West Germany (Federal Republic): see West Germany"),
    "East Germany": (
        "German DR",
        "a team of its own until 1990, never Germany: the results call it German DR",
    ),
    "GDR": ("German DR", "East Germany (German Democratic Republic)"),
    "DDR": ("German DR", "East Germany (Deutsche Demokratische Republik)"),
    "Côte d'Ivoire": ("Ivory Coast", _ONE),
    "Korea Republic": ("South Korea", _ONE),
    "Republic of Korea": ("South Korea", _ONE),
    "Korea DPR": ("North Korea", _ONE),
    "DPR Korea": ("North Korea", _ONE),
    "Türkiye": ("Turkey", _ONE),
    "USA": ("United States", _ONE),
    "IR Iran": ("Iran", _ONE),
    "China PR": ("China", _ONE),
    "Czechia": ("Czech Republic", _ONE),
    "Cabo Verde": ("Cape Verde", _ONE),
    "Chinese Taipei": ("Taiwan", _ONE),
    "Holland": ("Netherlands", _ONE),
    "Congo DR": ("DR Congo", _ONE),
    "Kyrgyz Republic": ("Kyrgyzstan", _ONE),
    "Brunei Darussalam": ("Brunei", _ONE),
    "Bosnia-Herzegovina": ("Bosnia and Herzegovina", _ONE),
    "East Timor": ("Timor-Leste", _ONE),
    "UAE": ("United Arab Emirates", _ONE),
    "FYR Macedonia": ("North Macedonia", _ONE),
    "South Vietnam": ("Vietnam Republic", "the results' name for South Vietnam"),
}
"""A name people write -> (the results' name, why they are one team)."""


def national_key(name: str) -> str:
    """The form in which two spellings of a national team's name count as one: as
    ``name_key`` (case, accents, dots and spacing ignored), and an apostrophe or a hyphen read
    as a space, as people type "Cote d Ivoire" or "Guinea Bissau": punctuation, never a guess
    at another word."""
    for mark in "'\u2019`-":  # the typewriter apostrophe, the typographic one, a backtick
        name = name.replace(mark, " ")
    return name_key(name)


_BY_KEY = {national_key(name): found for name, (found, _) in COMMON_NAMES.items()}


LATER_NAMES: Mapping[str, tuple[str, dt.date, str]] = {
    "Ireland": (
        "Republic of Ireland",
        dt.date(1956, 4, 11),
        "Northern Ireland played as Ireland until 11 April 1956 (former_names.csv); since then "
        "'Ireland' is the Republic's name in common use",
    ),
    "Yugoslavia": (
        "Serbia",
        dt.date(1992, 3, 25),
        "the Yugoslavia of the results played last on 25 March 1992; FIFA's 'Yugoslavia' of "
        "1994-2003 is FR Yugoslavia, which the results write as Serbia (former_names.csv)",
    ),
}
"""A former name of one team that later names another in common use -> (that other team,
the day the former name was last used, why): before that day the former name's team."""

_LATER_BY_KEY = {national_key(name): entry for name, entry in LATER_NAMES.items()}


def results_name(name: str, on: dt.date | None = None) -> str:
    """The internationals' results' name for a national team's common or FIFA name
    (``national_key``: "Cote d Ivoire" is Ivory Coast), on ``on`` where the name moved from one
    team to another ("Ireland" after 1956 is the Republic); any other name as it is."""
    later = _LATER_BY_KEY.get(national_key(name))
    if later is not None and on is not None and on > later[1]:
        return later[0]
    return _BY_KEY.get(national_key(name), name)


HOST_CODES: Mapping[str, str] = {
    "ARG": "Argentina", "AUT": "Austria", "BEL": "Belgium", "BRA": "Brazil", "CAN": "Canada",
    "CHI": "Chile", "ENG": "England", "ESP": "Spain", "FRA": "France", "GER": "Germany",
    "ITA": "Italy", "JPN": "Japan", "KOR": "South Korea", "MEX": "Mexico", "NED": "Netherlands",
    "POL": "Poland", "POR": "Portugal", "QAT": "Qatar", "RSA": "South Africa", "RUS": "Russia",
    "SUI": "Switzerland", "SWE": "Sweden", "UKR": "Ukraine", "URU": "Uruguay",
    "USA": "United States", "YUG": "Yugoslavia",
}  # fmt: skip
"""The FIFA country codes of the host nations the registry records
(``matchday.competitions.hosts``) -> the results' name of the national team ("GER":
Germany, West Germany's results included; "YUG": the Yugoslavia of Euro 1976)."""


PLAYED_AS: Mapping[str, tuple[tuple[str, dt.date, dt.date, str], ...]] = {
    "Germany": (
        (
            "West Germany",
            dt.date(1950, 11, 22),
            dt.date(1990, 10, 2),
            "the results write West Germany's matches as Germany's (COMMON_NAMES); from its "
            "first match, v Switzerland on 22 November 1950, to German unity on 3 October 1990 "
            "the team played as West Germany (FIFA: Germany FR)",
        ),
    ),
}
"""The name a team of the results played under in a span of dates, where the results keep
its one name and ``former_names.csv`` records none: the results' name -> (name then, first
day, last day, why)."""


def played_as(name: str, on: dt.date) -> str:
    """What the team the results call ``name`` played as on ``on`` (``PLAYED_AS``), else
    ``name``."""
    for then, first, last, _ in PLAYED_AS.get(name, ()):
        if first <= on <= last:
            return then
    return name
