"""The table of national teams' common and FIFA names: folded like every name, nothing else
renamed, and two teams never made one."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday.competitions.hosts import HOSTS
from matchday.model.names import name_key
from matchday.model.national_names import COMMON_NAMES, HOST_CODES, played_as, results_name


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Côte d'Ivoire", "Ivory Coast"),
        ("cote d'ivoire", "Ivory Coast"),
        ("Cote d Ivoire", "Ivory Coast"),
        ("Côte d\u2019Ivoire", "Ivory Coast"),
        ("Bosnia Herzegovina", "Bosnia and Herzegovina"),
        ("Korea Republic", "South Korea"),
        ("Korea DPR", "North Korea"),
        ("Türkiye", "Turkey"),
        ("turkiye", "Turkey"),
        ("USSR", "Soviet Union"),
        ("West Germany", "Germany"),
        ("East Germany", "German DR"),
        ("Brazil", "Brazil"),
        ("Germany", "Germany"),
        ("Korea", "Korea"),
    ],
)
def test_common_names_are_the_results_names(typed: str, found: str) -> None:
    assert results_name(typed) == found


def test_the_two_germanies_stay_two() -> None:
    assert results_name("East Germany") != results_name("West Germany")
    assert {results_name(n) for n in ("East Germany", "GDR", "DDR")} == {"German DR"}


def test_every_entry_says_why_and_no_name_is_listed_twice() -> None:
    assert all(why for _, why in COMMON_NAMES.values())
    keys = [name_key(n) for n in COMMON_NAMES]
    assert len(keys) == len(set(keys))
    # a name of the table is never itself a name the table gives (no chains within it)
    assert not set(keys) & {name_key(found) for found, _ in COMMON_NAMES.values()}


def test_a_former_name_that_later_names_another_team_goes_by_the_date() -> None:
    """ "Ireland" was Northern Ireland's name until 1956 (former_names.csv); since then it is
    the Republic's in common use: Ireland v Italy at Euro 2016 was the Republic's match."""
    assert results_name("Ireland", dt.date(2016, 6, 22)) == "Republic of Ireland"
    assert results_name("Ireland", dt.date(1950, 6, 22)) == "Ireland"  # the former name
    assert results_name("Ireland") == "Ireland"  # no date: the data's own former name
    assert results_name("Yugoslavia", dt.date(1998, 6, 29)) == "Serbia"  # FR Yugoslavia
    assert results_name("Yugoslavia", dt.date(1990, 6, 26)) == "Yugoslavia"


def test_west_germany_is_named_so_from_1950_to_unity() -> None:
    """The results write West Germany's matches as Germany's: the name people gave the team
    on the day is that of PLAYED_AS, other teams and days keep theirs."""
    assert played_as("Germany", dt.date(1974, 7, 7)) == "West Germany"
    assert played_as("Germany", dt.date(1990, 7, 8)) == "West Germany"
    assert played_as("Germany", dt.date(1990, 12, 19)) == "Germany"
    assert played_as("Germany", dt.date(1938, 6, 4)) == "Germany"
    assert played_as("German DR", dt.date(1974, 6, 22)) == "German DR"


def test_every_host_nation_of_the_registry_has_its_team() -> None:
    codes = {code for years in HOSTS.values() for hosts in years.values() for code in hosts}
    assert codes <= set(HOST_CODES)
