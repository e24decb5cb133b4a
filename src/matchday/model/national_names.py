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

__all__ = ["COMMON_NAMES", "HOST_CODES", "LATER_NAMES", "results_name"]

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

_BY_KEY = {name_key(name): found for name, (found, _) in COMMON_NAMES.items()}


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

_LATER_BY_KEY = {name_key(name): entry for name, entry in LATER_NAMES.items()}


def results_name(name: str, on: dt.date | None = None) -> str:
    """The internationals' results' name for a national team's common or FIFA name (case,
    accents and dots ignored: "Cote d'Ivoire" is Ivory Coast), on ``on`` where the name moved
    from one team to another ("Ireland" after 1956 is the Republic); any other name as it
    is."""
    later = _LATER_BY_KEY.get(name_key(name))
    if later is not None and on is not None and on > later[1]:
        return later[0]
    return _BY_KEY.get(name_key(name), name)


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
