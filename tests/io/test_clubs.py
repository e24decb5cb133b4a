"""Club names resolve only through the alternative names the clubs data lists."""

from __future__ import annotations

from pathlib import Path

from matchday.io.clubs import ClubRegistry, load_clubs, parse_clubs
from matchday.model import Team

CROATIA = """\
===================================
=  Croatia

GNK Dinamo Zagreb,  1911, @ Maksimir, Zagreb
  | GNK Dinamo | Dinamo Zagreb
  | Dinamo Zagreb [de]
ii) GNK Dinamo Zagreb II
  | Dinamo Zagreb II

NK Zagreb,  1908,   Zagreb     # champs (1): 2002/03
  | Zagreb
   Kranjčevićeva 4 // 10000 Zagreb
NK Lokomotiva Zagreb, 1914, @ Kranjčevićeva,    Zagreb
  | Lokomotiva | Zagreb
"""


def test_clubs_reserve_teams_and_alternative_names_are_read() -> None:
    clubs = parse_clubs(CROATIA, "CRO")
    assert [c.name for c in clubs] == [
        "GNK Dinamo Zagreb",
        "GNK Dinamo Zagreb II",
        "NK Zagreb",
        "NK Lokomotiva Zagreb",
    ]
    assert clubs[0].alternatives == ("GNK Dinamo", "Dinamo Zagreb", "Dinamo Zagreb")
    assert all(c.country == "CRO" for c in clubs)


def test_a_name_resolves_within_its_country_only() -> None:
    registry = ClubRegistry(parse_clubs(CROATIA, "CRO"))
    club = registry.resolve(Team("Dinamo Zagreb", "CRO"))
    assert club is not None
    assert club.name == "GNK Dinamo Zagreb"
    assert registry.resolve(Team("Dinamo Zagreb", "SRB")) is None
    assert registry.resolve(Team("Dinamo Zagreb")) is None
    assert registry.same_club(Team("dinamo zagreb", "CRO"), Team("GNK Dinamo", "CRO"))


def test_a_name_two_clubs_share_is_never_merged() -> None:
    registry = ClubRegistry(parse_clubs(CROATIA, "CRO"))
    assert registry.resolve(Team("Zagreb", "CRO")) is None
    assert not registry.same_club(Team("Zagreb", "CRO"), Team("NK Zagreb", "CRO"))


def test_the_real_clubs_data_links_names_used_across_files(openfootball_clubs: Path) -> None:
    registry = load_clubs(openfootball_clubs)
    assert len(registry.clubs) > 2000
    for short, full in (
        (Team("Atlético Madrid", "ESP"), Team("Club Atlético de Madrid", "ESP")),
        (Team("RB Salzburg", "AUT"), Team("FC Red Bull Salzburg", "AUT")),
        (Team("SL Benfica", "POR"), Team("Sport Lisboa e Benfica", "POR")),
    ):
        assert registry.same_club(short, full)
    assert not registry.same_club(Team("SL Benfica", "POR"), Team("Sporting CP", "POR"))
