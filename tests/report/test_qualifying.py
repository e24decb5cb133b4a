"""A qualifying play-off round leads to the competition proper: its league phase (from
2024-25) or group stage, as the registry's format of the season says."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday import competitions
from matchday.io.load import load_with_problems
from matchday.model import Match, Round, RoundFormat, Score, Season, Stage, StageKind, Team
from matchday.report import report, roundup
from tests.conftest import OPENFOOTBALL_CL

HOME, AWAY = Team("Legia Warszawa", "POL"), Team("Hibernian FC", "SCO")


def _play_offs(competition: str, season: str, year: int) -> Season:
    legs = (
        Match(dt.date(year, 8, 21), AWAY, HOME, Score(1, 2)),
        Match(dt.date(year, 8, 28), HOME, AWAY, Score(2, 1)),
    )
    rounds = (Round("Playoffs", RoundFormat.KNOCKOUT, legs),)
    return Season(competition, season, (Stage(StageKind.KNOCKOUT, rounds),), qualifying=True)


@pytest.mark.parametrize(
    ("competition", "season", "year", "onto"),
    [
        ("UEFA Conference League", "2025/26", 2025, "League phase"),
        ("UEFA Europa League", "2015/16", 2015, "Group stage"),
        ("UEFA Europa Conference League", "2022/23", 2022, "Group stage"),
        ("Some Cup", "2022/23", 2022, None),  # a competition the registry does not know
    ],
)
def test_the_play_off_winner_goes_where_the_registry_says(
    competition: str, season: str, year: int, onto: str | None
) -> None:
    (story,) = roundup(_play_offs(competition, season, year), round_name="Playoffs").stories
    assert story.next_round == onto


def test_the_conference_league_play_offs_of_2025_26_lead_to_the_league_phase() -> None:
    path = OPENFOOTBALL_CL / "2025-26" / "confq.txt"
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    season = load_with_problems(path).season
    kept, _ = competitions.of_season(season).without_unsettled()
    english = report(kept.season, round_name="Playoffs", lang="en")
    assert english.headline.startswith("Legia Warszawa into the league phase")
    assert "next round" not in english.text
    dutch = report(kept.season, round_name="Playoffs", lang="nl").text
    assert "naar de competitiefase" in dutch
    assert "volgende ronde" not in dutch
