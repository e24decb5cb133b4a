"""Every name a report prints for a round, in every language, selects that round (``--round``
of ``matchday report`` and ``matchday ties``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import matchday
from matchday import competitions
from matchday.io.load import load_with_problems
from matchday.model import Season
from matchday.report.language import LANGUAGES
from matchday.select import find_round
from tests.conftest import OPENFOOTBALL

SOURCES = (
    "champions-league/2025-26/confq.txt",
    "champions-league/2025-26/clq.txt",
    "worldcup/1958--sweden",
    "worldcup/1938--france",
    "worldcup/2022--qatar",
    "worldcup/rsssf/2022q.txt",
)


def _season(source: str) -> Season:
    path = OPENFOOTBALL / source
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    if Path(path).is_dir():
        return matchday.load(str(path))
    return load_with_problems(path).season


def _assert_every_printed_name_selects_its_round(season: Season) -> None:
    qualifying = competitions.of(season.competition).numbered_rounds_qualify
    for round_ in season.rounds:
        for lang in LANGUAGES.values():
            printed = lang.round_name(round_.name, qualifying)
            assert find_round(season, printed).name == round_.name, (lang.code, printed)


def test_the_bundled_season() -> None:
    _assert_every_printed_name_selects_its_round(matchday.load("europa-league-2017-18"))


@pytest.mark.parametrize("source", SOURCES)
def test_real_files(source: str) -> None:
    _assert_every_printed_name_selects_its_round(_season(source))


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("second qualifying round", "Round 2"),
        ("tweede voorronde", "Round 2"),
        ("play-off round", "Playoffs"),
        ("third qualifying round", "Round 3"),
    ],
)
def test_the_conference_league_qualifying_rounds_by_the_reports_names(
    typed: str, found: str
) -> None:
    assert find_round(_season(SOURCES[0]), typed).name == found


def test_a_numbered_round_that_is_no_qualifying_round_is_not_found_so() -> None:
    """The World Cup's "Round 1" of 1938 is its first round, which no report calls a
    qualifying round."""
    season = _season("worldcup/1938--france")
    assert find_round(season, "first round").name == "Round 1"
    with pytest.raises(matchday.ConfigError):
        find_round(season, "first qualifying round")
