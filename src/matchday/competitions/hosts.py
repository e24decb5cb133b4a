"""The host nations of the national teams' tournaments, by edition: who "the hosts" are at a
World Cup or a Euro match, co-hosts included.

Data, kept apart from the formats in ``entries``: each edition's hosts as FIFA country codes
("KOR", "JPN"; "GER" for West Germany), as FIFA's and UEFA's records of the tournaments give
them. Euro 2020 was played in eleven countries: it had no host nation.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["HOSTS", "hosts"]

HOSTS: Mapping[str, Mapping[int, tuple[str, ...]]] = MappingProxyType(
    {
        "world-cup": MappingProxyType(
            {
                1930: ("URU",), 1934: ("ITA",), 1938: ("FRA",), 1950: ("BRA",),
                1954: ("SUI",), 1958: ("SWE",), 1962: ("CHI",), 1966: ("ENG",),
                1970: ("MEX",), 1974: ("GER",), 1978: ("ARG",), 1982: ("ESP",),
                1986: ("MEX",), 1990: ("ITA",), 1994: ("USA",), 1998: ("FRA",),
                2002: ("KOR", "JPN"), 2006: ("GER",), 2010: ("RSA",), 2014: ("BRA",),
                2018: ("RUS",), 2022: ("QAT",), 2026: ("USA", "MEX", "CAN"),
            }
        ),
        "euro": MappingProxyType(
            {
                1960: ("FRA",), 1964: ("ESP",), 1968: ("ITA",), 1972: ("BEL",),
                1976: ("YUG",), 1980: ("ITA",), 1984: ("FRA",), 1988: ("GER",),
                1992: ("SWE",), 1996: ("ENG",), 2000: ("BEL", "NED"), 2004: ("POR",),
                2008: ("AUT", "SUI"), 2012: ("POL", "UKR"), 2016: ("FRA",), 2020: (),
                2024: ("GER",),
            }
        ),
    }
)  # fmt: skip
"""The host nations of each edition, by the competition's registry key and the edition's year
(the year in its name: Euro 2020 was played in 2021); ``()`` for an edition without one."""


def hosts(competition: str, edition: str) -> tuple[str, ...] | None:
    """The country codes of the host nations of ``competition`` (a registry key) in the
    edition named ``edition`` ("2002", "Euro 2020"): ``()`` for an edition that had no host
    nation, ``None`` where the registry knows none (a club competition, an unknown year)."""
    years = HOSTS.get(competition)
    digits = "".join(c for c in edition if c.isdigit())
    if years is None or len(digits) < 4:
        return None
    return years.get(int(digits[:4]))
