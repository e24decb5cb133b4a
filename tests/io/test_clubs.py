"""Club lists: canonical names, alternative spellings, and never a guess."""

from __future__ import annotations

from pathlib import Path

from matchday.io.clubs import ClubDirectory, load_clubs, parse_club_list
from matchday.model import Team

SPAIN = """\
= Spain

Atlético Madrid,    Madrid    ## use Atlético de Madrid - why? why not?
  | Atlético | Atl. Madrid | Atlético de Madrid | Club Atlético de Madrid
  | Ath Madrid [en]
ii) Atlético Madrid B
  | Ath Madrid B [en]

Real Madrid,   Madrid
  | Real M. | R. Madrid | Real Madrid CF   ## add Madrid ?
Real Madrid Castilla
  | Madrid
Atlético Ottawa
  | Madrid
"""


def test_a_club_list_gives_each_club_and_its_other_names() -> None:
    clubs = dict(parse_club_list(SPAIN))
    assert clubs["Atlético Madrid"] == (
        "Atlético",
        "Atl. Madrid",
        "Atlético de Madrid",
        "Club Atlético de Madrid",
        "Ath Madrid",
    )
    assert clubs["Atlético Madrid B"] == ("Ath Madrid B",)
    assert clubs["Real Madrid"] == ("Real M.", "R. Madrid", "Real Madrid CF")


def test_spellings_resolve_within_their_country_ignoring_case_accents_and_dots() -> None:
    directory = ClubDirectory.from_lists([("ESP", SPAIN)])
    atletico = Team("Atlético Madrid", "ESP")
    assert directory.lookup(Team("Club Atletico de Madrid", "ESP")) == atletico
    assert directory.lookup(Team("atl madrid", "ESP")) == atletico
    assert directory.lookup(Team("Real Madrid CF", "ESP")) == Team("Real Madrid", "ESP")


def test_unknown_foreign_or_ambiguous_names_are_not_resolved() -> None:
    directory = ClubDirectory.from_lists([("ESP", SPAIN)])
    assert directory.lookup(Team("Atlético Madrid", "POR")) is None
    assert directory.lookup(Team("Deportivo Alavés", "ESP")) is None
    assert directory.lookup(Team("Atlético Madrid", None)) is None
    # "Madrid" is listed for two clubs: it stays unresolved rather than merged by guess.
    assert directory.lookup(Team("Madrid", "ESP")) is None
    assert ("ESP", "madrid") in directory.ambiguous


def test_a_guest_club_is_found_in_the_league_that_hosts_it() -> None:
    wales = "Cardiff City FC, Cardiff\n  | Cardiff | Cardiff City\n"
    directory = ClubDirectory.from_lists([("ESP", SPAIN), ("WAL", wales)])
    assert directory.lookup(Team("Cardiff City", "ENG")) == Team("Cardiff City FC", "WAL")
    assert directory.lookup(Team("Cardiff City", "ESP")) is None


def test_a_clubs_other_spellings_are_its_aliases_but_not_those_of_two_clubs() -> None:
    directory = ClubDirectory.from_lists([("ESP", SPAIN)])
    real, atletico = Team("Real Madrid", "ESP"), Team("Atlético Madrid", "ESP")
    aliases = dict(directory.aliases([real, atletico]))
    assert aliases[Team("Real Madrid CF", "ESP")] == real
    assert aliases[Team("Club Atlético de Madrid", "ESP")] == atletico
    assert Team("Madrid", "ESP") not in aliases  # listed for two clubs
    assert Team("Ath Madrid B", "ESP") not in aliases  # a club not asked for
    assert set(dict(directory.aliases([real])).values()) == {real}


def test_indented_details_are_not_clubs() -> None:
    text = """\
= Austria

SC Red Star Penzing
  | Red Star Penzing
   Keisslergasse 3 // 1140 Wien
"""
    assert parse_club_list(text) == [("SC Red Star Penzing", ("Red Star Penzing",))]


def test_the_real_club_lists_link_names_used_across_files(openfootball_clubs: Path) -> None:
    directory = load_clubs(openfootball_clubs)
    assert len(directory.spellings) > 5000
    for short, full in (
        (Team("Atlético Madrid", "ESP"), Team("Club Atlético de Madrid", "ESP")),
        (Team("RB Salzburg", "AUT"), Team("FC Red Bull Salzburg", "AUT")),
        (Team("SL Benfica", "POR"), Team("Sport Lisboa e Benfica", "POR")),
        (Team("Dinamo Zagreb", "CRO"), Team("GNK Dinamo Zagreb", "CRO")),
    ):
        assert directory.same_club(short, full)
    assert not directory.same_club(Team("SL Benfica", "POR"), Team("Sporting CP", "POR"))
