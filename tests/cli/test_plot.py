"""``matchday plot``: the labels of the goals and penalties and own goals marked."""

from __future__ import annotations

from pathlib import Path

import pytest

import matchday
from matchday.cli.plot import goal_label
from matchday.io.load import load
from matchday.select import find_tie
from tests.conftest import OPENFOOTBALL

QATAR = OPENFOOTBALL / "worldcup" / "2022--qatar"

EXTRA_TIME = """= UEFA Europa League 2017/18

» Round of 16
Thu Mar/8 2018
  Sporting CP v Viktoria Plzeň  2-0
Thu Mar/15 2018
  Viktoria Plzeň v Sporting CP  3-4 pen. 2-0 a.e.t. (2-0, 1-0)
     (Bakoš 15', Coates 90+3' (o.g.); -)
"""


def test_an_own_goal_is_labelled_as_one_for_the_side_it_counts_for() -> None:
    tie = find_tie(matchday.parse(EXTRA_TIME, "et.txt"), "Plzen", None)
    labels = [goal_label(goal) for goal in tie.last_match.goals or ()]
    assert labels == ["15' Bakoš (Viktoria Plzeň)", "90+3' Coates (o.g. for Viktoria Plzeň)"]


@pytest.fixture(scope="module")
def qatar() -> Path:
    if not QATAR.exists():
        pytest.skip(f"real data not found at {QATAR}")
    return QATAR


def test_penalties_are_marked(qatar: Path) -> None:
    final = find_tie(load(qatar), "Argentina", "Final")
    labels = [goal_label(goal) for goal in final.last_match.goals or ()]
    assert labels[0] == "23' Lionel Messi (pen., Argentina)"
    assert labels[1] == "36' Ángel Di María (Argentina)"
    assert sum("(pen., France)" in label for label in labels) == 2  # Mbappé, 80' and 118'
