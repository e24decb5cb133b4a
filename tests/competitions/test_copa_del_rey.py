"""The README's worked example: the Copa del Rey, one registry entry, single matches and
two-legged semi-finals, away goals until 2020-21."""

from __future__ import annotations

import datetime as dt

import pytest

from matchday import competitions
from matchday.competitions import RoundKind
from matchday.model import Match, Round, RoundFormat, Score, Season, Stage, StageKind, Team
from matchday.rules import DecidedBy

BILBAO, MALLORCA = Team("Athletic Club"), Team("RCD Mallorca")


def _semis(year: int, second: Score, extra: Score | None = None) -> Season:
    first_day = dt.date(year + 1, 2, 6)
    legs = (
        Match(first_day, BILBAO, MALLORCA, Score(0, 0)),
        Match(first_day + dt.timedelta(days=21), MALLORCA, BILBAO, second, extra_time=extra),
    )
    semis = Round("Semifinals", RoundFormat.KNOCKOUT, legs)
    name = f"{year}/{str(year + 1)[2:]}"
    return Season("Copa del Rey", name, (Stage(StageKind.KNOCKOUT, (semis,)),))


def test_recognised_by_its_names() -> None:
    for name in ("Copa del Rey 2023/24", "King's Cup", "Spanish Cup"):
        found = competitions.recognise(name)
        assert found is not None
        assert found.key == "copa-del-rey"


@pytest.mark.parametrize(
    ("year", "second", "extra", "winner", "how"),
    [
        # 0-0 away, 1-1 at home: Bilbao through on away goals up to 2020-21
        (2019, Score(1, 1), None, BILBAO, DecidedBy.AWAY_GOALS),
        # the same from 2021-22 goes to extra time, where Mallorca score
        (2023, Score(1, 1), Score(2, 1), MALLORCA, DecidedBy.EXTRA_TIME),
    ],
)
def test_two_legged_semi_finals_by_era(
    year: int, second: Score, extra: Score | None, winner: Team, how: DecidedBy
) -> None:
    known = competitions.of_season(_semis(year, second, extra))
    assert known.kind(known.season.rounds[0]) is RoundKind.TWO_LEGS
    (outcome,) = known.decide()
    assert (outcome.winner, outcome.decided_by) == (winner, how)


def test_single_matches_and_the_final() -> None:
    cup = competitions.get("copa-del-rey")
    assert cup.rules(2023, RoundKind.SINGLE_MATCH).name == "extra-time-penalties"
    assert cup.rules(2019, RoundKind.FINAL).name == "extra-time-penalties"
