"""Leagues that go head-to-head first, on the real football.json files. The expected places
are facts of those seasons (final tables of the leagues), not computed here."""

from __future__ import annotations

import pytest

from matchday import competitions
from matchday.io.footballjson import parse_season
from matchday.standings import Criterion, Table
from tests.conftest import OPENFOOTBALL

FOOTBALL_JSON = OPENFOOTBALL / "football.json"


def _league(relative: str) -> Table:
    path = FOOTBALL_JSON / relative
    if not path.exists():
        pytest.skip(f"real data not found at {path}")
    known = competitions.of_season(parse_season(path.read_text(encoding="utf-8"), str(path)))
    return next(t for _, t in known.tables() if t.name == "League")


@pytest.mark.parametrize(
    ("relative", "place", "above", "below", "tiebreakers", "criterion"),
    [
        # Serie A 2017-18: Inter 4th (Champions League) over Lazio, both on 72 points.
        ("2017-18/it.1.json", 4, "Inter", "Lazio Roma", "italian", Criterion.POINTS),
        # La Liga 2018-19: Getafe 5th over Sevilla, both on 59 points.
        ("2018-19/es.1.json", 5, "Getafe CF", "Sevilla FC", "spanish", Criterion.POINTS),
        # Serie B 2014-15: Vicenza 3rd over Bologna, both on 68 points.
        ("2014-15/it.2.json", 3, "Vicenza Calcio", "Bologna FC", "italian", Criterion.POINTS),
        # Primeira Liga 2019-20: Braga 3rd over Sporting, both on 60 points (level on
        # head-to-head points and goal difference; Braga scored at Alvalade).
        (
            "2019-20/pt.1.json",
            3,
            "Sporting Braga",
            "Sporting CP",
            "portuguese-2018",
            Criterion.AWAY_GOALS,
        ),
    ],
)
def test_head_to_head_places_the_teams_level_on_points(
    relative: str, place: int, above: str, below: str, tiebreakers: str, criterion: Criterion
) -> None:
    table = _league(relative)
    assert [t.name for t in table.at(place, place + 1)] == [above, below]
    assert table.rules.name == tiebreakers
    decided = table.standings[place - 1]
    assert decided.head_to_head
    assert decided.decided_by is criterion


def test_serie_a_level_for_17th_from_2022_awaits_the_play_off() -> None:
    """Serie A 2022-23: Spezia and Verona finished level on 31 points for 17th and met in a
    play-off (not in the file), though Spezia were ahead head-to-head."""
    table = _league("2022-23/it.1.json")
    level = [s for s in table.standings if s.position == 17]
    assert {s.team.name for s in level} == {"Spezia Calcio", "Hellas Verona FC"}
    assert all(s.awaiting == (Criterion.PLAY_OFF,) for s in level)


def test_ligue_1_goes_head_to_head_after_goal_difference() -> None:
    """Ligue 1 2023-24: Metz 16th (the relegation play-off) over Lorient 17th (relegated),
    level on 29 points and on goal difference, on the head-to-head."""
    table = _league("2023-24/fr.1.json")
    assert [t.name for t in table.at(16, 17)] == ["FC Metz", "FC Lorient"]
    assert table.rules.name == "french-2017"
    assert table.standings[15].head_to_head
