"""``matchday plot``: the labels of the goals and the teams a title race draws."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import matchday
from matchday.cli.plot import goal_label, race_footer
from matchday.cli.tournament import TitleRace, title_race
from matchday.io.load import load
from matchday.model import Team
from matchday.select import find_tie
from tests.cli.runner import run
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


@pytest.fixture(scope="module")
def race(qatar: Path, tmp_path_factory: pytest.TempPathFactory) -> TitleRace:
    # an empty folder holds no international data: the shipped ratings of each morning
    return title_race(load(qatar), 200, 0, folder=tmp_path_factory.mktemp("none"))


def test_the_title_race_draws_the_teams_by_their_best_morning(race: TitleRace) -> None:
    """France, the runner-up, was sixth before the first match: drawn among the top five by
    its best chance (before the final), with the champion."""
    names = [race.tournament.teams[t].name for t in race.favourites(5)]
    assert {"Argentina", "France"} <= set(names)
    best = race.chances.max(axis=0)
    assert sorted(best, reverse=True)[:5] == [best[t] for t in race.favourites(5)]
    first = np.argsort(-race.chances[0], kind="stable")[:5]
    assert race.tournament.teams.index(Team("France")) not in first  # the first morning's five


def test_the_footer_names_the_ratings_once(race: TitleRace, tmp_path: Path) -> None:
    assert race_footer(race) == "matchday: simulated tournaments, shipped national ratings"
    fitted = TitleRace(
        race.tournament, race.days, race.chances, f"fitted each morning on {tmp_path}"
    )
    assert race_footer(fitted) == (
        f"matchday: simulated tournaments, ratings fitted each morning on {tmp_path}"
    )


UNDATED = """= World Cup 2022

▪ Final
  Argentina v France  3-3 a.e.t. (2-2) 4-2 pen.
"""

PART_DATED = """= World Cup 2022

▪ Match for third place
  Croatia v Morocco  2-1

▪ Final
Sun Dec 18 2022
  Argentina v France  3-3 a.e.t. (2-2) 4-2 pen.
"""


@pytest.mark.parametrize(
    ("text", "which"),
    [(UNDATED, "has no dates"), (PART_DATED, "gives 1 of its 2 matches no day")],
    ids=["undated", "part-dated"],
)
def test_a_title_race_of_a_file_without_days_is_refused(
    tmp_path: Path, text: str, which: str
) -> None:
    """A title race is drawn day by day: matches with no day (``dated=False``) are refused in
    one line naming the file, not drawn over 1 and 2 January; no image is written."""
    source = tmp_path / "wc.txt"
    source.write_text(text, encoding="utf-8")
    image = tmp_path / "race.png"
    done = run("plot", str(source), "-o", str(image))
    assert done.returncode == 1
    assert done.stderr == (
        f"matchday: error: {source}: the file {which}, and a title race is charted over time, "
        "morning by morning: it needs every match dated\n"
    )
    assert not image.exists()


def test_the_undated_world_cup_of_the_shared_data_is_refused(tmp_path: Path) -> None:
    source = OPENFOOTBALL / "worldcup" / "min" / "2022.txt"
    if not source.is_file():
        pytest.skip(f"shared data not found: {source}")
    done = run("plot", str(source), "-o", str(tmp_path / "race.png"))
    assert done.returncode == 1
    assert done.stderr.startswith(f"matchday: error: {source}: the file has no dates, ")
    assert not (tmp_path / "race.png").exists()
