"""The table of national teams' common and FIFA names: folded like every name, nothing else
renamed, and two teams never made one."""

from __future__ import annotations

import pytest

from matchday.model.names import name_key
from matchday.model.national_names import COMMON_NAMES, results_name


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Côte d'Ivoire", "Ivory Coast"),
        ("cote d'ivoire", "Ivory Coast"),
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
