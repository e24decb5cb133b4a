"""Where places lead, by competition and era."""

from __future__ import annotations

import pytest

from matchday.model import RoundFormat
from matchday.standings import qualification_for


@pytest.mark.parametrize(
    ("competition", "year", "fmt", "position", "destination", "round_name"),
    [
        ("UEFA Champions League", 2017, RoundFormat.GROUP, 2, "Round of 16", "Round of 16"),
        ("UEFA Champions League", 2017, RoundFormat.GROUP, 3, "Europa League round of 32", None),
        ("UEFA Europa League", 2020, RoundFormat.GROUP, 2, "Round of 32", "Round of 32"),
        ("UEFA Europa League", 2022, RoundFormat.GROUP, 2, "Knockout round play-offs", "Playoffs"),
        ("UEFA Conference League", 2023, RoundFormat.GROUP, 1, "Round of 16", "Round of 16"),
        ("UEFA Champions League", 2024, RoundFormat.LEAGUE, 8, "Round of 16", "Round of 16"),
        (
            "UEFA Europa League",
            2025,
            RoundFormat.LEAGUE,
            24,
            "Knockout phase play-offs",
            "Playoffs",
        ),
    ],
)
def test_zones(
    competition: str,
    year: int,
    fmt: RoundFormat,
    position: int,
    destination: str,
    round_name: str | None,
) -> None:
    zones = qualification_for(competition, year, fmt)
    assert zones is not None
    zone = zones.zone(position)
    assert zone is not None
    assert (zone.destination, zone.round) == (destination, round_name)


def test_places_outside_every_zone_are_out() -> None:
    zones = qualification_for("UEFA Champions League", 2024, RoundFormat.LEAGUE)
    assert zones is not None
    assert zones.zone(25) is None
    assert qualification_for("UEFA Conference League", 2023, RoundFormat.GROUP).zone(3) is None  # type: ignore[union-attr]


def test_unknown_formats_have_no_zones() -> None:
    assert qualification_for("Premier League", 2017, RoundFormat.LEAGUE) is None
